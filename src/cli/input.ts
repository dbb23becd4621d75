/** Reading files named on the command line: bounded before they are read, errors as bad input (exit 2). */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** Default bound for a file named on the command line (keys, bundles, descriptors, attestations). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
/** Bound for artifacts read whole (package tarballs, verify-bundle artifacts). */
export const MAX_ARTIFACT_BYTES = 256 * 1024 * 1024;

/**
 * Reads `file` (relative to `cwd`), refusing it before reading when it is larger than `maxBytes`.
 * `what` names the input in messages (a flag such as `--key`, or a noun).
 * @throws InputError INPUT_TOO_LARGE, FILE_NOT_FOUND
 */
export function readInputFile(cwd: string, file: string, what: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  const full = path.resolve(cwd, file);
  let size: number;
  try {
    size = statSync(full).size;
  } catch (error) {
    throw new InputError('FILE_NOT_FOUND', `${what} ${file} must be readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  if (size > maxBytes) throw new InputError('INPUT_TOO_LARGE', `${what} ${file} must be at most ${maxBytes} bytes (got ${size})`);
  try {
    return readFileSync(full);
  } catch (error) {
    throw new InputError('FILE_NOT_FOUND', `${what} ${file} must be readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
}
