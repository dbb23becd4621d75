/**
 * What a command gets from the process: streams, cwd, env, TTY-ness and the common options.
 * Commands never touch `process` directly, so tests can run them in-process too.
 */
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface Writer {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** The parts of `process` the CLI uses. */
export interface ProcessLike {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writer;
  readonly stderr: Writer;
  cwd(): string;
}

export interface CommandContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly format: OutputFormat;
  readonly quiet: boolean;
  /** Colour only on a TTY and without NO_COLOR. */
  readonly color: boolean;
  /** Progress bars only when stderr is a TTY and not quiet. */
  readonly progress: boolean;
  /** Writes a log line to stderr unless --quiet. */
  log(line: string): void;
  /** Writes a result line (or document) to stdout. */
  out(text: string): void;
}

/** Option declarations shared by every command. */
export const commonOptions = {
  format: { type: 'string', short: 'f', default: 'text' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parses argv strictly: unknown flags and missing values are usage errors (exit 2). */
export function parseCommandArgs<O extends OptionsConfig>(
  argv: readonly string[],
  options: O,
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

export function toFormat(value: unknown, allowed: readonly OutputFormat[] = ['text', 'json', 'sarif']): OutputFormat {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as OutputFormat;
  throw new InputError('CLI_USAGE', `--format must be one of ${allowed.join('|')} (got ${JSON.stringify(value)})`);
}

/**
 * Colour per the no-color.org and FORCE_COLOR conventions: NO_COLOR counts only when non-empty;
 * FORCE_COLOR (non-empty, not "0" or "false") turns colour on even without a TTY; NO_COLOR wins.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}

export function makeContext(proc: ProcessLike, format: OutputFormat, quiet: boolean): CommandContext {
  const color = colorEnabled(proc.env, Boolean(proc.stdout.isTTY));
  return {
    cwd: proc.cwd(),
    env: proc.env,
    stdout: proc.stdout,
    stderr: proc.stderr,
    format,
    quiet,
    color,
    progress: Boolean(proc.stderr.isTTY) && !quiet && proc.env['CI'] === undefined,
    log(line) {
      if (!quiet) proc.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
    },
    out(text) {
      proc.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
