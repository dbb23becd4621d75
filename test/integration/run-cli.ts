/**
 * The CLI as the integration tests run it. Most cases call `agentfence()`, which runs the built CLI
 * (`dist/src/cli/index.js`, what `bin/agentfence.js` loads) in this process: the same `run()` with
 * its own argv, cwd, environment and stdout/stderr, without paying Node's start-up and the Pulumi
 * and AWS module graph again on every call (about 2 s of CPU each). Cases about the process itself
 * (the bin shim, exit status as the shell sees it, pipes, a stack trace that escapes `run`) use
 * `agentfenceProcess()`, the real subprocess.
 *
 * Both need `npm run build` first; `npm test` and `npm run test:integration` do it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(root, 'bin/agentfence.js');

export interface CliResult {
  /** The exit code, as the shell would see it (an exception escaping `run` is 1, as for Node). */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Working directory; the repository root by default. */
  readonly cwd?: string;
  /** Added to the environment, after NO_COLOR=1; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type Run = (proc: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd(): string;
}) => Promise<number>;

let loaded: Promise<Run> | undefined;

/** The built CLI's `run`, imported natively (vitest.config.ts leaves dist/ to Node). */
function builtRun(): Promise<Run> {
  loaded ??= import(pathToFileURL(path.join(root, 'dist/src/cli/index.js')).href).then((module: { run: Run }) => module.run);
  return loaded;
}

function environment(options: CliOptions): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', AGENTFENCE_DEBUG: undefined, ...options.env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Runs `agentfence ...args` in this process. */
export async function agentfence(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const run = await builtRun();
  const cwd = options.cwd ?? root;
  let stdout = '';
  let stderr = '';
  try {
    const status = await run({
      argv: [process.execPath, bin, ...args],
      env: environment(options),
      cwd: () => cwd,
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    return { status, stdout, stderr };
  } catch (error) {
    // What Node prints for an uncaught exception: the stack, so "never a stack trace" checks see it.
    return { status: 1, stdout, stderr: `${stderr}${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` };
  }
}

/** Runs `node bin/agentfence.js ...args` as a subprocess. */
export function agentfenceProcess(args: readonly string[], options: CliOptions & { readonly input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: environment(options),
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
