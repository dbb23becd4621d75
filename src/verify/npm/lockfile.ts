/**
 * The one npm lockfile reader (v2/v3 `packages` map). The verifier takes the registry packages it
 * must check from it; the SBOM takes every installed package with its dependency edges. Every
 * entry is shape-checked here, once, so both refuse the same broken lockfile with the same code.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { present } from '../../invariant.js';
import { isRecord } from '../../json.js';

/** A lockfile larger than this is refused before it is read. */
export const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

/** One `packages` entry, shape-checked; `key` is its path key (`node_modules/a/node_modules/b`). */
export interface LockfileEntry {
  readonly key: string;
  /** The package name: the entry's `name`, else the last `node_modules/` segment of the key. */
  readonly name: string;
  /** Present for every registry entry (the reader refuses one without). */
  readonly version?: string;
  readonly integrity?: string;
  readonly resolved?: string;
  readonly license?: string;
  readonly link: boolean;
  readonly dev: boolean;
  readonly optional: boolean;
  readonly inBundle: boolean;
  /** Local code: not under `node_modules/` (a workspace folder) or a link. */
  readonly local: boolean;
  /** Names from `dependencies`, `optionalDependencies` and `peerDependencies`. */
  readonly dependencies: readonly string[];
}

/** A parsed lockfile: the root entry's dependency names, and every other entry in file order. */
export interface NpmLockfile {
  readonly label: string;
  readonly rootDependencies: readonly string[];
  readonly entries: readonly LockfileEntry[];
}

type Json = Record<string, unknown>;

function dependencyNames(entry: Json): string[] {
  const names = new Set<string>();
  for (const field of [entry['dependencies'], entry['optionalDependencies'], entry['peerDependencies']]) {
    if (isRecord(field)) for (const name of Object.keys(field)) names.add(name);
  }
  return [...names];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Parses lockfile text; `label` names it in messages.
 * @throws InputError LOCKFILE_INVALID when it is not JSON, not v2/v3, has no `packages` map, an entry
 * that is not an object, or a registry entry without a version.
 */
export function parseNpmLockfile(source: string, label: string): NpmLockfile {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    throw new InputError('LOCKFILE_INVALID', `${label} must be JSON (${(error as Error).message})`, { cause: error });
  }
  const version = isRecord(doc) ? doc['lockfileVersion'] : undefined;
  if (!isRecord(doc) || (version !== 2 && version !== 3)) {
    throw new InputError('LOCKFILE_INVALID', `${label} must be an npm lockfile v2 or v3 (got lockfileVersion ${JSON.stringify(version)})`);
  }
  const packages = doc['packages'];
  if (!isRecord(packages)) throw new InputError('LOCKFILE_INVALID', `${label} must have a "packages" map`);
  let rootDependencies: string[] = [];
  const entries: LockfileEntry[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    // Untrusted JSON: an entry that is not an object is a broken lockfile, never a crash.
    if (!isRecord(entry)) {
      throw new InputError(
        'LOCKFILE_INVALID',
        `${label}: packages[${JSON.stringify(key)}] must be an object (got ${entry === null ? 'null' : Array.isArray(entry) ? 'an array' : typeof entry})`,
      );
    }
    if (key === '') {
      rootDependencies = dependencyNames(entry);
      continue;
    }
    const at = key.lastIndexOf('node_modules/');
    const link = entry['link'] === true;
    const local = link || at < 0;
    const entryVersion = entry['version'];
    if (!local && (typeof entryVersion !== 'string' || entryVersion === '')) {
      throw new InputError(
        'LOCKFILE_INVALID',
        `${label}: packages[${JSON.stringify(key)}].version must be a string (got ${JSON.stringify(entryVersion)})`,
      );
    }
    const integrity = text(entry['integrity']);
    const resolved = text(entry['resolved']);
    const license = text(entry['license']);
    entries.push({
      key,
      name: text(entry['name']) ?? key.slice(at < 0 ? 0 : at + 'node_modules/'.length),
      ...(typeof entryVersion === 'string' ? { version: entryVersion } : {}),
      ...(integrity === undefined ? {} : { integrity }),
      ...(resolved === undefined ? {} : { resolved }),
      ...(license === undefined ? {} : { license }),
      link,
      dev: entry['dev'] === true,
      optional: entry['optional'] === true,
      inBundle: entry['inBundle'] === true,
      local,
      dependencies: dependencyNames(entry),
    });
  }
  return { label, rootDependencies, entries };
}

/**
 * Reads and parses a lockfile file (size-capped before reading).
 * @throws InputError LOCKFILE_INVALID
 */
export function readNpmLockfile(file: string, label: string = file): NpmLockfile {
  let source: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_LOCKFILE_BYTES) throw new Error(`larger than ${MAX_LOCKFILE_BYTES} bytes (got ${size})`);
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('LOCKFILE_INVALID', `${label} must be a readable npm lockfile: ${(error as Error).message}`, { cause: error });
  }
  return parseNpmLockfile(source, label);
}

/** A registry package the verifier checks. */
export interface LockfilePackage {
  readonly name: string;
  readonly version: string;
  readonly integrity?: string;
  readonly resolved?: string;
  /** Path key in `packages`. */
  readonly key: string;
}

/** Lockfile entries to verify, and notes on what was skipped (links, workspaces, bundled). */
export interface LockfileContents {
  readonly packages: readonly LockfilePackage[];
  readonly notes: readonly string[];
}

/** The registry packages of a lockfile; links, workspace folders and bundled packages are skipped with a note (they are not published on their own). */
export function registryPackages(lockfile: NpmLockfile): LockfileContents {
  const packages: LockfilePackage[] = [];
  const notes: string[] = [];
  for (const entry of lockfile.entries) {
    if (entry.link) notes.push(`${entry.key}: skipped (link to ${entry.resolved ?? 'undefined'})`);
    else if (entry.local) notes.push(`${entry.key}: skipped (workspace folder)`);
    else if (entry.inBundle) notes.push(`${entry.key}: skipped (bundled inside its parent's tarball)`);
    else {
      packages.push({
        name: entry.name,
        version: present(entry.version, `the version of ${entry.key}`),
        key: entry.key,
        ...(entry.integrity === undefined ? {} : { integrity: entry.integrity }),
        ...(entry.resolved === undefined ? {} : { resolved: entry.resolved }),
      });
    }
  }
  return { packages, notes };
}
