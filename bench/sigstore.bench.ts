/**
 * Bundle verification throughput: agentfence's VerifierPool (worker threads, trust material and
 * keys built once, trusted CA certificates checked once, single-allocation DER encoding) against a
 * bare single-threaded `@sigstore/verify` loop, over the sigstore-conformance happy-path keyless
 * bundles that the bare library also verifies. Both must reach identical verdicts.
 *
 * The baseline runs in its own worker thread so that it loads an unmodified copy of the library.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROLE = 'agentfence-sigstore-baseline';
const TOTAL = Number(process.env['AGENTFENCE_BENCH_BUNDLES'] ?? 2000);
const ROUNDS = 2;
const IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

interface BenchCase {
  readonly name: string;
  readonly bundle: unknown;
  readonly artifact: Uint8Array;
  readonly trustedRoot: unknown;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const conformance = path.resolve(projectRoot, '../shared/fixtures/sigstore-conformance/bundle-verify');

function publicGoodRoot(): unknown {
  const require = createRequire(import.meta.url);
  const seeds = JSON.parse(readFileSync(require.resolve('@sigstore/tuf/seeds.json'), 'utf8')) as Record<
    string,
    { targets: Record<string, string> }
  >;
  const target = Object.values(seeds)[0]!.targets['trusted_root.json']!;
  return JSON.parse(Buffer.from(target, 'base64').toString('utf8'));
}

/** Keyless happy-path conformance cases (default identity and issuer). */
function loadCases(): BenchCase[] {
  const pg = publicGoodRoot();
  return readdirSync(conformance, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.endsWith('_fail'))
    .map((entry) => path.join(conformance, entry.name))
    .filter(
      (dir) =>
        existsSync(path.join(dir, 'bundle.sigstore.json')) &&
        !existsSync(path.join(dir, 'key.pub')) &&
        !existsSync(path.join(dir, 'identity')),
    )
    .map((dir) => ({
      name: path.basename(dir),
      bundle: JSON.parse(readFileSync(path.join(dir, 'bundle.sigstore.json'), 'utf8')) as unknown,
      artifact: readFileSync(existsSync(path.join(dir, 'artifact')) ? path.join(dir, 'artifact') : path.join(conformance, 'a.txt')),
      trustedRoot: existsSync(path.join(dir, 'trusted_root.json'))
        ? (JSON.parse(readFileSync(path.join(dir, 'trusted_root.json'), 'utf8')) as unknown)
        : pg,
    }));
}

/** The bare loop: one Verifier per trusted root, bundleFromJSON -> toSignedEntity -> verify, one thread. */
async function runBaseline(cases: BenchCase[], total: number): Promise<{ seconds: number; verdicts: boolean[] }> {
  const { bundleFromJSON } = await import('@sigstore/bundle');
  const { TrustedRoot } = await import('@sigstore/protobuf-specs');
  const { toSignedEntity, toTrustMaterial, Verifier } = await import('@sigstore/verify');
  const verifiers = cases.map((c) => new Verifier(toTrustMaterial(TrustedRoot.fromJSON(c.trustedRoot))));
  const verdicts: boolean[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const index = i % cases.length;
    const c = cases[index]!;
    try {
      const entity = toSignedEntity(bundleFromJSON(c.bundle), Buffer.from(c.artifact));
      verifiers[index]!.verify(entity, { subjectAlternativeName: IDENTITY, extensions: { issuer: ISSUER } });
      verdicts.push(true);
    } catch {
      verdicts.push(false);
    }
  }
  return { seconds: (performance.now() - start) / 1000, verdicts };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  const { total, names } = workerData as { total: number; names?: string[] };
  const cases = loadCases().filter((c) => names === undefined || names.includes(c.name));
  const result = await runBaseline(cases, total);
  parentPort!.postMessage(result);
}

function baselineInWorker(total: number, names?: string[]): Promise<{ seconds: number; verdicts: boolean[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { role: ROLE, total, ...(names === undefined ? {} : { names }) },
    });
    worker.once('message', (result: { seconds: number; verdicts: boolean[] }) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

export default async function (): Promise<void> {
  const { VerifierPool, trustRootFromJson } = await import('../src/verify/sigstore/index.js');
  const all = loadCases();
  // Only bundles the bare library verifies, so that both sides face the same work.
  const probe = await baselineInWorker(all.length);
  const cases = all.filter((_c, index) => probe.verdicts[index] === true);
  const skipped = all.filter((_c, index) => probe.verdicts[index] !== true).map((c) => c.name);
  const roots = new Map<unknown, ReturnType<typeof trustRootFromJson>>();
  const rootOf = (json: unknown) => roots.get(json) ?? roots.set(json, trustRootFromJson(json)).get(json)!;
  const items = Array.from({ length: TOTAL }, (_v, i) => {
    const c = cases[i % cases.length]!;
    return {
      bundle: c.bundle,
      artifact: { kind: 'bytes' as const, data: c.artifact },
      policy: { kind: 'keyless' as const, issuer: ISSUER, subject: IDENTITY, trustRoot: rootOf(c.trustedRoot) },
    };
  });
  const threads = availableParallelism();
  const pool = new VerifierPool({ threads });
  await pool.verifyAll(items.slice(0, cases.length * threads * 2));

  const inThread = new VerifierPool({ threads: 0 });
  let bestBaseline = Infinity;
  let bestOurs = Infinity;
  let bestInThread = Infinity;
  let identical = true;
  for (let round = 0; round < ROUNDS; round++) {
    const baseline = await baselineInWorker(
      TOTAL,
      cases.map((c) => c.name),
    );
    const start = performance.now();
    const outcomes = await pool.verifyAll(items);
    const ours = (performance.now() - start) / 1000;
    const single = performance.now();
    const singleOutcomes = await inThread.verifyAll(items);
    const oneThread = (performance.now() - single) / 1000;
    bestBaseline = Math.min(bestBaseline, baseline.seconds);
    bestOurs = Math.min(bestOurs, ours);
    bestInThread = Math.min(bestInThread, oneThread);
    identical &&= outcomes.every((outcome, i) => outcome.ok === baseline.verdicts[i] && singleOutcomes[i]?.ok === outcome.ok);
  }
  await pool.close();

  const rate = (seconds: number): string => (TOTAL / seconds).toFixed(0);
  process.stdout.write(`bundles: ${TOTAL} verifications over ${cases.length} happy-path conformance bundles (best of ${ROUNDS})\n`);
  if (skipped.length > 0) process.stdout.write(`excluded (bare library cannot verify): ${skipped.join(', ')}\n`);
  process.stdout.write(
    `baseline  bare @sigstore/verify loop, 1 thread: ${rate(bestBaseline)} bundles/s (${((bestBaseline * 1000) / TOTAL).toFixed(2)} ms each)\n`,
  );
  process.stdout.write(
    `agentfence verifyBundle, 1 thread:             ${rate(bestInThread)} bundles/s (${((bestInThread * 1000) / TOTAL).toFixed(2)} ms each, ${(bestBaseline / bestInThread).toFixed(2)}x)\n`,
  );
  process.stdout.write(
    `agentfence VerifierPool, ${threads} threads:       ${rate(bestOurs)} bundles/s (${((bestOurs * 1000) / TOTAL).toFixed(2)} ms each)\n`,
  );
  process.stdout.write(
    `ratio: ${(bestBaseline / bestOurs).toFixed(2)}x the baseline (target >= 4x); verdicts identical: ${identical ? 'yes' : 'NO'}\n`,
  );
}
