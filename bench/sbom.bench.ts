/**
 * SBOM generation for a synthetic 2,000-package npm lockfile: `agentfence sbom` (an agent whose
 * plugins are that lockfile) against `cyclonedx-npm --package-lock-only` on the same project, both
 * as CLI processes, median of 3 runs each. The two purl sets must be identical. Target: >= 5x.
 * The project is generated under bench/.data/ (gitignored) and reused when present.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const projectRoot = path.resolve(here, '..', '..');
const data = path.join(projectRoot, 'bench', '.data', 'sbom-2000');
const stack = path.join(data, 'stacks', 'bench');
const TOP = 1900;
const NESTED = 100;
const RUNS = 3;

function nameOf(i: number): string {
  return i % 5 === 0 ? `@scope${i % 7}/lib-${i}` : `pkg-${i}`;
}
function versionOf(i: number): string {
  return `1.${i % 10}.${i % 3}`;
}
function integrityOf(name: string, version: string): string {
  return `sha512-${createHash('sha512').update(`${name}@${version}`).digest('base64')}`;
}

/** Writes the synthetic project: package.json, package-lock.json v3, node_modules/*, an agent manifest. */
function generate(): void {
  rmSync(data, { recursive: true, force: true });
  mkdirSync(stack, { recursive: true });
  const packages: Record<string, Record<string, unknown>> = {};
  const rootDeps: Record<string, string> = {};
  const nested = new Map<number, { name: string; version: string }>();
  for (let j = 0; j < NESTED; j++) nested.set(j * 19, { name: nameOf((j * 19 + 3) % TOP), version: `2.0.${j}` });
  for (let i = 0; i < TOP; i++) {
    const name = nameOf(i);
    rootDeps[name] = versionOf(i);
    const deps: Record<string, string> = {};
    for (const k of [(i + 1) % TOP, (i + 7) % TOP]) deps[nameOf(k)] = versionOf(k);
    const child = nested.get(i);
    if (child !== undefined) deps[child.name] = child.version;
    packages[`node_modules/${name}`] = {
      version: versionOf(i),
      integrity: integrityOf(name, versionOf(i)),
      license: 'MIT',
      dependencies: deps,
    };
    if (child !== undefined) {
      packages[`node_modules/${name}/node_modules/${child.name}`] = {
        version: child.version,
        integrity: integrityOf(child.name, child.version),
        license: 'MIT',
      };
    }
  }
  const pkg = { name: 'bench-agent', version: '1.0.0', private: true, dependencies: rootDeps };
  const lock = {
    name: 'bench-agent',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'bench-agent', version: '1.0.0', dependencies: rootDeps }, ...packages },
  };
  writeFileSync(path.join(stack, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(stack, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  for (const [location, entry] of Object.entries(packages)) {
    const dir = path.join(stack, location);
    mkdirSync(dir, { recursive: true });
    const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name, version: entry['version'], license: 'MIT', dependencies: entry['dependencies'] ?? {} }),
    );
  }
  writeFileSync(path.join(data, 'package.json'), '{"name":"bench-project","private":true}\n');
  writeFileSync(
    path.join(data, 'stacks', 'trust-policy.yaml'),
    'version: 1\nmode: warn\ntrustedRoots:\n  - name: public-good\n    source: public-good\nmodels:\n  authorities: []\nplugins:\n  authorities: []\napis:\n  authorities: []\n',
  );
  writeFileSync(
    path.join(stack, 'agent.yaml'),
    [
      'version: 1',
      'name: bench',
      'description: Synthetic agent whose plugins are a 2,000-package lockfile.',
      'owner: {team: bench, email: bench@example.com}',
      'riskTier: low',
      'autonomy: assistive',
      'goals: [benchmark]',
      'identity: {runtime: lambda, account: "111122223333", region: eu-west-1}',
      'tools: []',
      'dataStores: []',
      'models: []',
      'plugins:',
      '  - lockfile: package-lock.json',
      'apis: []',
      'network: {egress: none}',
      'monitoring: {logRetentionDays: 30}',
      '',
    ].join('\n'),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function purls(file: string): Set<string> {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { components?: Array<{ purl?: string; components?: unknown[] }> };
  const out = new Set<string>();
  const visit = (list: unknown[] | undefined): void => {
    for (const c of (list ?? []) as Array<{ purl?: string; components?: unknown[] }>) {
      if (typeof c.purl === 'string' && c.purl.startsWith('pkg:npm/')) out.add(c.purl.split('?')[0]!);
      visit(c.components);
    }
  };
  visit(doc.components);
  return out;
}

export default function (): void {
  if (!existsSync(path.join(stack, 'package-lock.json'))) generate();
  const ours = path.join(data, 'agentfence.cdx.json');
  const theirs = path.join(data, 'cyclonedx-npm.cdx.json');
  const agentfence = path.join(projectRoot, 'bin', 'agentfence.js');
  const cdxNpm = path.join(projectRoot, 'node_modules', '.bin', 'cyclonedx-npm');
  const runOurs = (): void => {
    execFileSync(process.execPath, [agentfence, 'sbom', path.join(stack, 'agent.yaml'), '-o', ours, '--verification', 'none', '--quiet'], {
      stdio: 'pipe',
    });
  };
  const runTheirs = (): void => {
    const r = spawnSync(cdxNpm, ['--package-lock-only', '--flatten-components', '--short-PURLs', '--output-reproducible', '-o', theirs], {
      cwd: stack,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cyclonedx-npm failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  };
  const ourTimes: number[] = [];
  const theirTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ourTimes.push(time(runOurs));
    theirTimes.push(time(runTheirs));
  }
  const a = purls(ours);
  const b = purls(theirs);
  const onlyOurs = [...a].filter((p) => !b.has(p));
  const onlyTheirs = [...b].filter((p) => !a.has(p));
  if (onlyOurs.length + onlyTheirs.length > 0) {
    throw new Error(
      `purl sets differ: only agentfence ${onlyOurs.slice(0, 5).join(' ')} (${onlyOurs.length}); only cyclonedx-npm ${onlyTheirs.slice(0, 5).join(' ')} (${onlyTheirs.length})`,
    );
  }
  const ourMs = median(ourTimes);
  const theirMs = median(theirTimes);
  const ratio = theirMs / ourMs;
  process.stdout.write(`packages in lockfile: ${TOP + NESTED}; identical purl sets: ${a.size} purls\n`);
  process.stdout.write(`agentfence sbom (CLI, validated):       ${ourMs.toFixed(0)} ms (median of ${RUNS})\n`);
  process.stdout.write(`cyclonedx-npm --package-lock-only (CLI): ${theirMs.toFixed(0)} ms (median of ${RUNS}) [baseline]\n`);
  process.stdout.write(`speed-up: ${ratio.toFixed(1)}x (target >= 5x) ${ratio >= 5 ? 'MET' : 'NOT MET'}\n`);
}
