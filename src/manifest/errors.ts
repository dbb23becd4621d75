/**
 * Errors of the manifest and trust-policy loader: every problem is a `LocatedError` pointing at the
 * offending node, and a file that has any is refused with one `ManifestError` carrying all of them.
 */
import path from 'node:path';
import { InputError } from '../errors.js';

/** One problem in a manifest or trust policy, at a 1-based line and column. */
export interface LocatedError {
  /** Absolute path of the file. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Where in the document, e.g. `tools[2].actions[0]`; empty for the whole document. */
  readonly path: string;
  /** "<path> must ... (got ...)". */
  readonly message: string;
  /** Stable SCREAMING_SNAKE code, e.g. `SCHEMA_PATTERN`, `WILDCARD`, `PATH_ESCAPE`. */
  readonly code: string;
}

/** Formats one error as `file:line:col: message [CODE]`, the file relative to `cwd` when one is given. */
export function formatLocatedError(error: LocatedError, cwd?: string): string {
  return `${displayPath(error.file, cwd)}:${error.line}:${error.col}: ${error.message} [${error.code}]`;
}

/** A path relative to `cwd` when it lies below it, else (or without a `cwd`) as given. */
export function displayPath(file: string, cwd?: string): string {
  if (cwd === undefined) return file;
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * A manifest or trust policy that failed to load; `errors` holds every problem found, in file order.
 * The message names files relative to `cwd` when the caller (the CLI) passes one, else as given:
 * the core never reads the process's working directory.
 */
export class ManifestError extends InputError {
  readonly errors: readonly LocatedError[];

  constructor(errors: readonly LocatedError[], cwd?: string) {
    const shown = errors.slice(0, 20).map((error) => `  ${formatLocatedError(error, cwd)}`);
    const more = errors.length > shown.length ? [`  ... and ${errors.length - shown.length} more`] : [];
    const files = [...new Set(errors.map((error) => displayPath(error.file, cwd)))].join(', ');
    super(
      'MANIFEST_INVALID',
      [`${files} must be valid (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}):`, ...shown, ...more].join('\n'),
    );
    this.errors = errors;
  }
}

/** Sorts errors by file, line, column, then code, and drops exact duplicates. */
export function sortErrors(errors: readonly LocatedError[]): LocatedError[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code))
    .filter((error) => {
      const key = `${error.file}\0${error.line}\0${error.col}\0${error.code}\0${error.path}\0${error.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
