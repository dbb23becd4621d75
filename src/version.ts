/** agentfence's own identity, for `--version`, SARIF and the SBOM's metadata.tools. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: { readonly name: string; readonly version: string } | undefined;

/** Name and version from agentfence's package.json, found from this file upwards (works from src/ and dist/). */
export function toolIdentity(): { readonly name: string; readonly version: string } {
  if (cached !== undefined) return cached;
  let dir = import.meta.dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'agentfence' && typeof pkg.version === 'string') return (cached = { name: pkg.name, version: pkg.version });
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = { name: 'agentfence', version: '0.0.0' });
    dir = parent;
  }
}

/** agentfence's version. */
export function packageVersion(): string {
  return toolIdentity().version;
}
