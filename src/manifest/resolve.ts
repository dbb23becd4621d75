/**
 * Resolves the CLI's `<agent>` argument: a name under `stacks/`, a stack folder, or a manifest file.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface AgentLocation {
  /** Agent name as the stack knows it (the folder name). */
  readonly name: string;
  /** Absolute path of `agent.yaml`. */
  readonly manifestFile: string;
  /** Absolute path of the stack folder. */
  readonly stackDir: string;
  /** Absolute path of the project root (the folder holding `stacks/`), if found. */
  readonly projectRoot: string;
  /** Absolute path of `stacks/trust-policy.yaml` beside the stack folder. */
  readonly trustPolicyFile: string;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Finds an agent by name (`payments` -> `<root>/stacks/payments/agent.yaml`) or by path.
 * @throws InputError AGENT_NOT_FOUND when nothing matches.
 */
export function resolveAgent(ref: string, cwd: string): AgentLocation {
  let manifestFile: string | undefined;
  const asPath = path.resolve(cwd, ref);
  if (existsSync(asPath) && statSync(asPath).isFile()) {
    manifestFile = asPath;
  } else if (existsSync(asPath) && statSync(asPath).isDirectory() && existsSync(path.join(asPath, 'agent.yaml'))) {
    manifestFile = path.join(asPath, 'agent.yaml');
  } else if (NAME.test(ref)) {
    const root = findProjectRoot(cwd);
    const candidate = path.join(root, 'stacks', ref, 'agent.yaml');
    if (existsSync(candidate)) manifestFile = candidate;
  }
  if (manifestFile === undefined) {
    throw new InputError(
      'AGENT_NOT_FOUND',
      `agent ${JSON.stringify(ref)} must be a name under stacks/ or a path to an agent folder or manifest (found neither)`,
    );
  }
  const stackDir = path.dirname(manifestFile);
  const stacksDir = path.dirname(stackDir);
  return {
    name: path.basename(stackDir),
    manifestFile,
    stackDir,
    projectRoot: path.basename(stacksDir) === 'stacks' ? path.dirname(stacksDir) : findProjectRoot(cwd),
    trustPolicyFile: path.join(stacksDir, 'trust-policy.yaml'),
  };
}

/** The nearest folder at or above `from` that holds a `stacks/` folder; else `from`. */
export function findProjectRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'stacks')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
}
