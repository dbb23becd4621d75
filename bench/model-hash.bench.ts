/**
 * Model hashing throughput against `openssl dgst -sha256` (one stream) on the same data:
 * a single-file model (files and shards serialization) and a 32-file model, both 2 GiB by default
 * (AGENTFENCE_BENCH_SCALE=0.125 for a quick run). Data is generated once under bench/.data/ and
 * reused. Peak RSS is read before and after each size to show that memory stays flat.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashModel } from '../src/verify/model/index.js';

const GiB = 1024 ** 3;
const MULTI_FILES = 32;

function projectRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'agentfence') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the agentfence project root');
    dir = parent;
  }
}

/** Writes `bytes` of AES-CTR keystream (incompressible, fast) to `file` in a child process, unless present. */
function ensureFile(file: string, bytes: number, seed: string): void {
  if (existsSync(file) && statSync(file).size === bytes) return;
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('sh', ['-c', `openssl enc -aes-128-ctr -pass pass:${seed} -nosalt -pbkdf2 </dev/zero 2>/dev/null | head -c ${bytes} > "${file}"`]);
}

function ensureModels(dataDir: string, total: number): { single: string; multi: string; small: string; smallBytes: number } {
  const single = path.join(dataDir, `single-${total}`);
  const multi = path.join(dataDir, `multi-${total}`);
  const smallBytes = Math.max(64 * 2 ** 20, Math.floor(total / 16));
  const small = path.join(dataDir, `small-${smallBytes}`);
  // Other sizes from earlier runs are removed so bench/.data holds one set.
  if (existsSync(dataDir)) {
    for (const entry of readdirSync(dataDir)) {
      if (![single, multi, small].includes(path.join(dataDir, entry))) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
  }
  ensureFile(path.join(single, 'model.safetensors'), total, 'single');
  const per = Math.floor(total / MULTI_FILES);
  for (let i = 0; i < MULTI_FILES; i++) ensureFile(path.join(multi, `model-${String(i).padStart(5, '0')}-of-${MULTI_FILES}.safetensors`), per, `multi${i}`);
  // Two files, large enough that the worker pool runs, as it does for the big models.
  ensureFile(path.join(small, 'a.safetensors'), smallBytes / 2, 'small-a');
  ensureFile(path.join(small, 'b.safetensors'), smallBytes / 2, 'small-b');
  return { single, multi, small, smallBytes };
}

function filesOf(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
}

async function best(reps: number, run: () => unknown): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await run();
    min = Math.min(min, (performance.now() - started) / 1000);
  }
  return min;
}

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
const gbps = (bytes: number, seconds: number): string => `${(bytes / seconds / 1e9).toFixed(2)} GB/s`;

export default async function (): Promise<void> {
  const scale = Number(process.env['AGENTFENCE_BENCH_SCALE'] ?? '1');
  const reps = Number(process.env['AGENTFENCE_BENCH_REPS'] ?? '3');
  if (!(scale > 0) || !(reps >= 1)) throw new Error('AGENTFENCE_BENCH_SCALE must be > 0 and AGENTFENCE_BENCH_REPS >= 1');
  const total = Math.floor((2 * GiB * scale) / MULTI_FILES) * MULTI_FILES;
  const cores = availableParallelism();
  const dataDir = path.join(projectRoot(), 'bench', '.data');
  const models = ensureModels(dataDir, total);
  const singleFile = filesOf(models.single);
  const multiFiles = filesOf(models.multi);
  process.stdout.write(`data: ${(total / GiB).toFixed(2)} GiB single file, ${MULTI_FILES} files of ${(total / MULTI_FILES / 2 ** 20).toFixed(0)} MiB (${dataDir}); ${cores} cores; best of ${reps}\n`);

  // Warm the page cache so both sides read from memory.
  execFileSync('openssl', ['dgst', '-sha256', ...singleFile, ...multiFiles], { stdio: 'ignore' });

  const rssBefore = maxRssMiB();
  await hashModel(models.small, { workers: cores });
  const rssSmall = maxRssMiB();

  // Interleaved, best of `reps` each, so that both sides see the same machine load.
  const times = { opensslSingle: Infinity, oursSingle: Infinity, oursShards: Infinity, opensslMulti: Infinity, oursMulti: Infinity };
  const shardSize = Math.min(1_000_000_000, Math.ceil(total / 8));
  for (let i = 0; i < reps; i++) {
    times.opensslSingle = Math.min(times.opensslSingle, await best(1, () => execFileSync('openssl', ['dgst', '-sha256', ...singleFile], { stdio: 'ignore' })));
    times.oursSingle = Math.min(times.oursSingle, await best(1, () => hashModel(models.single, { workers: cores })));
    times.oursShards = Math.min(times.oursShards, await best(1, () => hashModel(models.single, { method: 'shards', shardSize, workers: cores })));
    times.opensslMulti = Math.min(times.opensslMulti, await best(1, () => execFileSync('openssl', ['dgst', '-sha256', ...multiFiles], { stdio: 'ignore' })));
    times.oursMulti = Math.min(times.oursMulti, await best(1, () => hashModel(models.multi, { workers: cores })));
  }
  const { opensslSingle, oursSingle, oursShards, opensslMulti, oursMulti } = times;
  const oursMultiOne = await best(1, () => hashModel(models.multi, { workers: 1 }));
  const oursShardsDefault = await best(1, () => hashModel(models.single, { method: 'shards', workers: cores }));
  const rssAfter = maxRssMiB();

  const line = (label: string, seconds: number, baseline: number, target?: number): string => {
    const ratio = baseline / seconds;
    const verdict = target === undefined ? '' : ratio >= target ? `  target >= ${target}x: met` : `  target >= ${target}x: NOT met`;
    return `${label.padEnd(46)} ${seconds.toFixed(3)} s  ${gbps(total, seconds).padStart(10)}  ${ratio.toFixed(2)}x openssl${verdict}\n`;
  };
  process.stdout.write(`${'openssl dgst -sha256, one file (baseline)'.padEnd(46)} ${opensslSingle.toFixed(3)} s  ${gbps(total, opensslSingle).padStart(10)}\n`);
  process.stdout.write(line('agentfence files, one file', oursSingle, opensslSingle, 0.8));
  process.stdout.write(line(`agentfence shards (${shardSize} B), one file, ${cores} threads`, oursShards, opensslSingle, 1.6));
  process.stdout.write(line(`agentfence shards (default 1e9 B), one file`, oursShardsDefault, opensslSingle));
  process.stdout.write(`${`openssl dgst -sha256, ${MULTI_FILES} files (baseline)`.padEnd(46)} ${opensslMulti.toFixed(3)} s  ${gbps(total, opensslMulti).padStart(10)}\n`);
  process.stdout.write(line(`agentfence files, ${MULTI_FILES} files, ${cores} threads`, oursMulti, opensslMulti, 1.6));
  process.stdout.write(line(`agentfence files, ${MULTI_FILES} files, 1 thread`, oursMultiOne, opensslMulti));
  process.stdout.write(
    `peak RSS: ${rssBefore.toFixed(0)} MiB before, ${rssSmall.toFixed(0)} MiB after a ${(models.smallBytes / 2 ** 20).toFixed(0)} MiB model, ${rssAfter.toFixed(0)} MiB after ${(total / GiB).toFixed(2)} GiB models (+${(rssAfter - rssSmall).toFixed(0)} MiB for ${(total / models.smallBytes).toFixed(0)}x the data)\n`,
  );
}
