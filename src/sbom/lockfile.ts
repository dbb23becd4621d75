/**
 * An npm lockfile as SBOM plugins: every installed package with its version, integrity, tarball
 * URL, licence and resolved dependency edges. The lockfile itself is read by the one reader in
 * `verify/npm/lockfile.ts`; links, workspace folders and the root entry are not plugins.
 */
import type { LockfileEntry, NpmLockfile } from '../verify/npm/lockfile.js';
import { present } from '../invariant.js';
import { npmPurl } from './purl.js';
import type { SbomPlugin } from './types.js';

/** Resolves `dep` as Node would from the package at `location` (walk up node_modules folders). */
function resolveFrom(byKey: ReadonlyMap<string, LockfileEntry>, location: string, dep: string): string | undefined {
  let base = location;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${dep}`;
    if (byKey.has(candidate)) return candidate;
    if (base === '') return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index < 0 ? '' : base.slice(0, index);
  }
}

/** The installed packages of a parsed lockfile as plugins (deduplicated by name@version later, by the builder). */
export function lockfilePlugins(lockfile: NpmLockfile): SbomPlugin[] {
  const byKey = new Map(lockfile.entries.map((entry) => [entry.key, entry]));
  const direct = new Set(lockfile.rootDependencies.map((name) => resolveFrom(byKey, '', name)).filter((p) => p !== undefined));
  const purlOf = new Map<string, string>();
  for (const entry of lockfile.entries) if (!entry.local) purlOf.set(entry.key, npmPurl(entry.name, entry.version));
  const plugins: SbomPlugin[] = [];
  for (const entry of lockfile.entries) {
    if (entry.local) continue;
    const dependsOn = entry.dependencies
      .map((dep) => resolveFrom(byKey, entry.key, dep))
      .map((target) => (target === undefined ? undefined : purlOf.get(target)))
      .filter((p): p is string => p !== undefined);
    plugins.push({
      name: entry.name,
      version: present(entry.version, `the version of ${entry.key}`),
      ...(entry.integrity === undefined ? {} : { integrity: entry.integrity }),
      ...(entry.resolved === undefined ? {} : { resolved: entry.resolved }),
      ...(entry.license === undefined ? {} : { license: entry.license }),
      ...(entry.dev ? { dev: true } : {}),
      ...(entry.optional ? { optional: true } : {}),
      dependsOn,
      direct: direct.has(entry.key),
    });
  }
  return plugins;
}
