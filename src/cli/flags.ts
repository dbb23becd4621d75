/**
 * Option parsing shared by the commands: the common options (--format, --quiet, --help), strict
 * argv parsing, -o/--output, the agent argument, and the flags of the one-artifact verify and sign
 * commands (--workers, --ignore-paths, PEM files, signer identity). Light: no Pulumi, no Sigstore.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import { present } from '../invariant.js';
import type { ResolvedAuthority } from '../verify/authorities.js';
import type { CommandContext, OutputFormat } from './context.js';
import { MAX_ARTIFACT_BYTES, MAX_INPUT_BYTES, readInputFile } from './input.js';

/** Option declarations shared by every command. */
export const commonOptions = {
  format: { type: 'string', short: 'f', default: 'text' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parses argv strictly: unknown flags and missing values are usage errors (exit 2). */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionsConfig,
  allowPositionals = true,
): { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { ...commonOptions, ...options },
      allowPositionals,
      strict: true,
    });
    return {
      values: parsed.values,
      positionals: parsed.positionals,
    };
  } catch (error) {
    throw new InputError('CLI_USAGE', (error as Error).message.replace(/\. To specify.*$/s, '.'), { cause: error });
  }
}

/**
 * The one positional argument a command takes.
 * @throws InputError CLI_USAGE `<usage> (got N)` when there are none or more than one.
 */
export function onePositional(positionals: readonly string[], usage: string): string {
  const [only, ...extra] = positionals;
  if (only === undefined || extra.length > 0) throw new InputError('CLI_USAGE', `${usage} (got ${positionals.length})`);
  return only;
}

export function toFormat(value: unknown, allowed: readonly OutputFormat[] = ['text', 'json', 'sarif']): OutputFormat {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as OutputFormat;
  throw new InputError('CLI_USAGE', `--format must be one of ${allowed.join('|')} (got ${JSON.stringify(value)})`);
}

/** Takes `-o F`, `--output F`, `--output=F` out of argv (before `--`); answers the file and the rest. */
export function takeOutputOption(argv: readonly string[]): { file?: string; rest: string[] } {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = present(argv[i], 'argv entry');
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '-o' || arg === '--output') {
      const value = argv[i + 1];
      if (value === undefined) throw new InputError('CLI_USAGE', `${arg} needs a file`);
      file = value;
      i += 1;
    } else if (arg.startsWith('--output=')) {
      file = arg.slice('--output='.length);
    } else {
      rest.push(arg);
    }
  }
  return file === undefined ? { rest } : { file, rest };
}

/**
 * Whether argv asks for the version (before `--`). `--version` followed by a value is a command's own
 * option (`verify plugin --version 1.3.0`), not the version flag.
 */
export function wantsVersion(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args.some((arg, i) => arg === '-V' || (arg === '--version' && (args[i + 1]?.startsWith('-') ?? true)));
}

/**
 * Reads the value of --format anywhere in argv, so even usage errors honour it. Mirrors the
 * option parser: the last occurrence wins, `-fjson` is `-f json`, nothing after `--` is an option.
 */
export function peekFormat(argv: readonly string[]): string {
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = present(argv[i], 'argv entry');
    if (arg === '--') break;
    if (arg === '--format' || arg === '-f') {
      format = argv[i + 1] ?? format;
      i += 1;
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-f') && arg.length > 2) {
      format = arg.slice(2);
    }
  }
  return format;
}

/** The agent name a ref stands for (`payments`, `stacks/payments`, `stacks/payments/agent.yaml`). */
export function agentName(ref: string): string {
  const parts = ref.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  const last = parts.at(-1) ?? ref;
  return /\.(ya?ml|json)$/i.test(last) ? (parts.at(-2) ?? last) : last;
}

/** The agents under the project's stacks/: every folder with an agent.yaml (or agent.json). */
export function agentsUnderStacks(projectRoot: string): string[] {
  const dir = path.join(projectRoot, 'stacks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['agent.yaml', 'agent.yml', 'agent.json'].some((f) => existsSync(path.join(dir, e.name, f))))
    .map((e) => e.name)
    .sort();
}

/** Reads a PEM file named on the command line. @throws InputError FILE_NOT_FOUND, INPUT_TOO_LARGE */
export function readPemFile(ctx: CommandContext, file: string, what: string): string {
  return readInputFile(ctx.cwd, file, what).toString('utf8');
}

/** Parses `--workers`. @throws InputError CLI_USAGE */
export function parseWorkers(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 1024)
    throw new InputError('CLI_USAGE', `--workers must be an integer from 0 to 1024 (got ${JSON.stringify(value)})`);
  return n;
}

/**
 * Resolves `--ignore-paths` like the reference CLI (relative to the working directory) into paths
 * relative to the model root; a relative path that only exists under the model is taken as model-relative.
 */
export function resolveIgnorePaths(ctx: CommandContext, modelRoot: string, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of paths) {
    const fromCwd = path.resolve(ctx.cwd, entry);
    const rel = path.relative(modelRoot, fromCwd);
    if (rel === '') throw new InputError('IGNORE_PATH_INVALID', `--ignore-paths ${entry} is the model itself`);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) out.push(rel.split(path.sep).join('/'));
    else if (!path.isAbsolute(entry) && existsSync(path.join(modelRoot, entry))) out.push(entry);
    else ctx.log(`agentfence: --ignore-paths ${entry} is not inside the model ${modelRoot}; ignored`);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Reads a file named by a flag; `--tarball` may be artifact-sized, anything else input-sized. */
export function readFlagFile(cwd: string, file: string, what: string): Buffer {
  return readInputFile(cwd, file, what, what === '--tarball' ? MAX_ARTIFACT_BYTES : MAX_INPUT_BYTES);
}

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

/**
 * A single authority from identity flags: `--key PUB.pem`, or keyless `--issuer` with `--identity`
 * (exact) / `--identity-regexp` / `--source-repository`. Shared by `verify api` and `verify plugin`.
 */
export async function authorityFromFlags(
  cwd: string,
  values: Values,
  options: { readonly defaultIssuer: string | undefined },
): Promise<ResolvedAuthority> {
  const sigstore = await import('../verify/sigstore/index.js');
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  const key = str('key');
  if (key !== undefined) {
    if (str('identity') !== undefined || str('identity-regexp') !== undefined)
      throw new InputError('CLI_USAGE', 'use either --key or --identity/--identity-regexp, not both');
    const publicKeyPem = readFlagFile(cwd, key, '--key').toString('utf8');
    const trustedRoot = str('trusted-root');
    return {
      name: 'cli-key',
      policy: {
        kind: 'key',
        publicKeyPem,
        ...(trustedRoot ? { trustRoot: sigstore.loadTrustRootFile(path.resolve(cwd, trustedRoot)) } : {}),
      },
      describe: `key ${key}`,
    };
  }
  const issuer = str('issuer') ?? options.defaultIssuer;
  const identity = str('identity');
  const identityRegExp = str('identity-regexp');
  const repo = str('source-repository');
  if (issuer === undefined) throw new InputError('CLI_USAGE', 'needs --key PUB.pem, or --issuer with --identity or --identity-regexp');
  if (identity !== undefined && identityRegExp !== undefined)
    throw new InputError('CLI_USAGE', 'use either --identity or --identity-regexp, not both');
  if (identity === undefined && identityRegExp === undefined && repo === undefined && options.defaultIssuer === undefined) {
    throw new InputError('CLI_USAGE', 'needs --identity or --identity-regexp with --issuer');
  }
  const subjectRegExp = identityRegExp ?? (identity === undefined ? (repo !== undefined ? `${escapeRegExp(repo)}/.+` : '.+') : undefined);
  const trustedRoot = str('trusted-root');
  return {
    name: 'cli-identity',
    policy: {
      kind: 'keyless',
      issuer,
      ...(identity !== undefined ? { subject: identity } : {}),
      ...(subjectRegExp !== undefined ? { subjectRegExp } : {}),
      ...(repo !== undefined ? { extensions: { sourceRepositoryURI: repo } } : {}),
      trustRoot: trustedRoot ? sigstore.loadTrustRootFile(path.resolve(cwd, trustedRoot)) : sigstore.loadPublicGoodRoot(),
    },
    describe: `keyless ${issuer} ${identity ?? `/${subjectRegExp ?? ''}/`}${repo ? ` repo ${repo}` : ''}`,
  };
}
