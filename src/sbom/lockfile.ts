/**
 * Reads an npm lockfile (v2/v3 `packages` map) into SBOM plugins: every installed package with
 * its version, integrity, tarball URL, licence and resolved dependency edges. Links and the root
 * entry are skipped; entries without a version are refused.
 */
import { InputError } from '../errors.js';
import { npmPurl } from './purl.js';
import type { SbomPlugin } from './types.js';

interface LockEntry {
  readonly name?: unknown;
  readonly version?: unknown;
  readonly integrity?: unknown;
  readonly resolved?: unknown;
  readonly license?: unknown;
  readonly link?: unknown;
  readonly dev?: unknown;
  readonly optional?: unknown;
  readonly dependencies?: unknown;
  readonly optionalDependencies?: unknown;
  readonly peerDependencies?: unknown;
}

function nameFromPath(location: string): string {
  const index = location.lastIndexOf('node_modules/');
  return location.slice(index + 'node_modules/'.length);
}

/** Resolves `dep` as Node would from the package at `location` (walk up node_modules folders). */
function resolveFrom(packages: Record<string, LockEntry>, location: string, dep: string): string | undefined {
  let base = location;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${dep}`;
    if (Object.hasOwn(packages, candidate)) return candidate;
    if (base === '') return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index < 0 ? '' : base.slice(0, index);
  }
}

function depNames(entry: LockEntry): string[] {
  const names = new Set<string>();
  for (const field of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) {
    if (field !== null && typeof field === 'object') for (const name of Object.keys(field)) names.add(name);
  }
  return [...names];
}

/**
 * Parses lockfile text into plugins (deduplicated by name@version later, by the builder).
 * @throws InputError LOCKFILE_INVALID when it is not a v2/v3 npm lockfile.
 */
export function readLockfile(text: string, label: string): SbomPlugin[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError('LOCKFILE_INVALID', `${label} must be JSON (${(error as Error).message})`, { cause: error });
  }
  const lock = doc as { lockfileVersion?: unknown; packages?: unknown };
  if (lock === null || typeof lock !== 'object' || (lock.lockfileVersion !== 2 && lock.lockfileVersion !== 3)) {
    throw new InputError('LOCKFILE_INVALID', `${label} must be an npm lockfile v2 or v3 (got lockfileVersion ${JSON.stringify(lock?.lockfileVersion)})`);
  }
  if (lock.packages === null || typeof lock.packages !== 'object') {
    throw new InputError('LOCKFILE_INVALID', `${label} must have a "packages" map`);
  }
  const packages = lock.packages as Record<string, LockEntry>;
  const root = packages[''] ?? {};
  const direct = new Set(depNames(root).map((name) => resolveFrom(packages, '', name)).filter((p) => p !== undefined));
  const purlOf = new Map<string, string>();
  for (const [location, entry] of Object.entries(packages)) {
    if (entry === null || typeof entry !== 'object') {
      throw new InputError('LOCKFILE_INVALID', `${label}: packages[${JSON.stringify(location)}] must be an object (got ${entry === null ? 'null' : typeof entry})`);
    }
    if (location === '' || entry.link === true || !location.includes('node_modules/')) continue;
    const name = typeof entry.name === 'string' ? entry.name : nameFromPath(location);
    if (typeof entry.version !== 'string' || entry.version === '') {
      throw new InputError('LOCKFILE_INVALID', `${label}: packages[${JSON.stringify(location)}].version must be a string (got ${JSON.stringify(entry.version)})`);
    }
    purlOf.set(location, npmPurl(name, entry.version));
  }
  const plugins: SbomPlugin[] = [];
  for (const [location, entry] of Object.entries(packages)) {
    const purl = purlOf.get(location);
    if (purl === undefined) continue;
    const dependsOn = depNames(entry)
      .map((dep) => resolveFrom(packages, location, dep))
      .map((target) => (target === undefined ? undefined : purlOf.get(target)))
      .filter((p): p is string => p !== undefined);
    plugins.push({
      name: typeof entry.name === 'string' ? entry.name : nameFromPath(location),
      version: entry.version as string,
      ...(typeof entry.integrity === 'string' ? { integrity: entry.integrity } : {}),
      ...(typeof entry.resolved === 'string' ? { resolved: entry.resolved } : {}),
      ...(typeof entry.license === 'string' ? { license: entry.license } : {}),
      ...(entry.dev === true ? { dev: true } : {}),
      ...(entry.optional === true ? { optional: true } : {}),
      dependsOn,
      direct: direct.has(location),
    });
  }
  return plugins;
}
