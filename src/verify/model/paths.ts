/**
 * Walking a model: which files belong to it (ignore paths, `.git*`), what they are called (POSIX
 * paths relative to the model root) and which paths are refused (symlinks unless allowed, symlinks
 * leaving the model, special files, names with `..`, absolute names, NUL).
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError, VerificationError } from '../../errors.js';

/** Paths the reference implementation leaves out by default (at the model root only). */
export const GIT_PATHS: readonly string[] = ['.git', '.gitattributes', '.github', '.gitignore'];

/** A regular file of the model. */
export interface ModelFile {
  /** POSIX path relative to the model root; `.` when the model is a single file. */
  readonly name: string;
  /** Absolute path to open (the link itself for a followed symlink). */
  readonly path: string;
  readonly size: number;
}

/** The files of a model, in walk order. */
export interface ModelTree {
  readonly root: string;
  readonly kind: 'directory' | 'file';
  readonly files: readonly ModelFile[];
  /**
   * Entries whose name is not valid UTF-8, shown with `\xNN` escapes. No signed name can match
   * them (a signature names files in UTF-8), so each is an unsigned extra, never skipped.
   */
  readonly undecodable: readonly string[];
  /** The ignore entries that matched something in the model (each one's entry, not what lay below it). */
  readonly ignoredHits: readonly string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file name as bytes -> its UTF-8 text, or undefined when it is not valid UTF-8. */
function decodeName(name: Buffer): string | undefined {
  try {
    return utf8.decode(name);
  } catch {
    return undefined;
  }
}

/** Printable ASCII kept, every other byte as `\xNN`, so an undecodable name can be shown. */
export function escapeName(name: Buffer): string {
  let out = '';
  for (const byte of name)
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * Checks a resource name read from a signature: a relative POSIX path without `..`, empty or `.`
 * components and without NUL; `.` alone names a single-file model.
 * @throws VerificationError PATH_REFUSED
 */
export function assertSafeName(name: string): void {
  if (name === '.') return;
  // Names are compared, never opened, but a name that could escape the model is refused outright.
  const refused =
    name.length === 0 ||
    name.includes('\0') ||
    name.startsWith('/') ||
    name.split('/').some((part) => part === '' || part === '.' || part === '..');
  if (refused) {
    throw new VerificationError(
      'PATH_REFUSED',
      `resource name ${JSON.stringify(name)} must be a relative path inside the model without "..", "." or empty parts`,
    );
  }
}

/**
 * Normalizes ignore paths relative to the model root: POSIX separators, no trailing slash. Entries
 * that leave the model or name the root itself are dropped when `strict` is false, refused otherwise.
 * @throws InputError IGNORE_PATH_INVALID (strict only)
 */
export function normalizeIgnorePaths(paths: readonly string[], strict: boolean): string[] {
  const out = new Set<string>();
  for (const raw of paths) {
    const normalized = path.posix.normalize(raw.replaceAll('\\', '/')).replace(/\/+$/, '');
    const bad =
      raw.includes('\0') ||
      normalized === '' ||
      normalized === '.' ||
      normalized === '..' ||
      normalized.startsWith('../') ||
      normalized.startsWith('/');
    if (bad) {
      if (strict)
        throw new InputError(
          'IGNORE_PATH_INVALID',
          `ignore path ${JSON.stringify(raw)} must name something inside the model (got a path that is empty, the model root, or outside it)`,
        );
      continue;
    }
    out.add(normalized);
  }
  return [...out];
}

/** Whether `name` is one of `ignored` or below one of them (Python's `is_relative_to`). */
export function isIgnored(name: string, ignored: readonly string[]): boolean {
  return ignored.some((entry) => name === entry || name.startsWith(`${entry}/`));
}

interface WalkOptions {
  readonly allowSymlinks: boolean;
  /** Normalized, relative to the root. */
  readonly ignorePaths: readonly string[];
}

function statOrThrow(file: string, follow: boolean): Stats {
  try {
    return follow ? statSync(file) : lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('MODEL_NOT_FOUND', `model path ${file} does not exist`, { cause: error });
    throw new InputError('MODEL_UNREADABLE', `cannot read ${file} (${code ?? 'error'})`, { cause: error });
  }
}

function within(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * Lists the regular files of a model (a directory, or a single file) with their sizes.
 * @throws VerificationError SYMLINK_REFUSED | PATH_REFUSED; InputError MODEL_NOT_FOUND | MODEL_UNREADABLE
 */
export function walkModel(modelPath: string, options: WalkOptions): ModelTree {
  const root = path.resolve(modelPath);
  const top = statOrThrow(root, false);
  if (top.isSymbolicLink()) {
    // The model path itself is checked like every entry below it (reference: check_file_or_directory).
    if (!options.allowSymlinks)
      throw new VerificationError('SYMLINK_REFUSED', `model path ${root} is a symlink; pass --allow-symlinks to follow it`);
  }
  const stats = top.isSymbolicLink() ? statOrThrow(root, true) : top;
  if (stats.isFile()) return { root, kind: 'file', files: [{ name: '.', path: root, size: stats.size }], undecodable: [], ignoredHits: [] };
  if (!stats.isDirectory()) throw new VerificationError('PATH_REFUSED', `model path ${root} is neither a file nor a directory`);

  const realRoot = realpathSync(root);
  const files: ModelFile[] = [];
  const undecodable: string[] = [];
  const ignoredHits = new Set<string>();
  const visited = new Set<string>([realRoot]);
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      // Names are read as bytes: a string read would turn an invalid byte into U+FFFD, which could
      // pass for a signed file of that (valid) name and hide the unsigned one.
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      throw new InputError('MODEL_UNREADABLE', `cannot list ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
        cause: error,
      });
    }
    const named = entries.map((entry) => ({ entry, text: decodeName(entry.name as unknown as Buffer) }));
    named.sort((a, b) => Buffer.compare(a.entry.name, b.entry.name));
    for (const { entry, text } of named) {
      if (text === undefined) {
        // Not valid UTF-8: no signature can name it, so it is an unsigned extra (never ignored, never opened).
        const shown = escapeName(entry.name);
        undecodable.push(prefix === '' ? shown : `${prefix}/${shown}`);
        continue;
      }
      const name = prefix === '' ? text : `${prefix}/${text}`;
      const hit = options.ignorePaths.find((ignored) => name === ignored || name.startsWith(`${ignored}/`));
      if (hit !== undefined) {
        ignoredHits.add(hit);
        continue;
      }
      const full = path.join(dir, text);
      if (entry.isSymbolicLink()) {
        // A symlink is content the signer may not have meant to include: refused unless allowed.
        if (!options.allowSymlinks)
          throw new VerificationError(
            'SYMLINK_REFUSED',
            `${name} is a symlink; pass --allow-symlinks to follow links that stay inside the model`,
          );
        let target: string;
        try {
          target = realpathSync(full);
        } catch (error) {
          throw new VerificationError('SYMLINK_REFUSED', `${name} is a broken symlink`, { cause: error });
        }
        // Even when allowed, a link may not reach outside the model (symlink escape).
        if (!within(realRoot, target)) throw new VerificationError('SYMLINK_REFUSED', `${name} links outside the model (to ${target})`);
        const linked = statOrThrow(target, true);
        if (linked.isFile()) files.push({ name, path: full, size: linked.size });
        else if (linked.isDirectory()) {
          if (visited.has(target))
            throw new VerificationError('SYMLINK_REFUSED', `${name} links to a directory already walked (a cycle or a duplicate)`);
          visited.add(target);
          walk(full, name);
        } else throw new VerificationError('PATH_REFUSED', `${name} links to something that is neither a file nor a directory`);
      } else if (entry.isDirectory()) {
        walk(full, name);
      } else if (entry.isFile()) {
        files.push({ name, path: full, size: statOrThrow(full, false).size });
      } else {
        // Sockets, FIFOs and devices are not model content (and a FIFO would hang the hasher).
        throw new VerificationError('PATH_REFUSED', `${name} is neither a regular file nor a directory`);
      }
    }
  };
  walk(root, '');
  return { root, kind: 'directory', files, undecodable, ignoredHits: [...ignoredHits] };
}

/** Where a model's signature is by default (sign, verify and the SBOM all look here): `model.sig` in the model directory, or beside a single file. */
export function defaultSignaturePath(modelPath: string): string {
  const root = path.resolve(modelPath);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // A missing model is reported by the hasher with its own error.
  }
  return isDirectory ? path.join(root, 'model.sig') : path.join(path.dirname(root), 'model.sig');
}
