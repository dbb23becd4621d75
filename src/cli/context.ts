/**
 * What a command gets from the process: streams, cwd, env, TTY-ness and the common options.
 * Commands never touch `process` directly, so tests can run them in-process too.
 */
import { colorEnabled } from './render.js';

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
  /** Writes a log line to stderr unless --quiet; a plain function, safe to pass on as a callback. */
  readonly log: (line: string) => void;
  /** Writes a result line (or document) to stdout. */
  out(text: string): void;
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
