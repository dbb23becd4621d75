/**
 * Model hashing throughput against `openssl dgst -sha256` (one stream) on the same data:
 * a single-file model (files and shards serialization) and a 32-file model, both 2 GiB by default
 * (AGENTFENCE_BENCH_SCALE=0.125 for a quick run). Data is generated once under bench/.data/ and
 * reused. Peak RSS is read before and after each size to show that memory stays flat.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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
  execFileSync('sh', [
    '-c',
    `openssl enc -aes-128-ctr -pass pass:${seed} -nosalt -pbkdf2 </dev/zero 2>/dev/null | head -c ${bytes} > "${file}"`,
  ]);
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
  for (let i = 0; i < MULTI_FILES; i++)
    ensureFile(path.join(multi, `model-${String(i).padStart(5, '0')}-of-${MULTI_FILES}.safetensors`), per, `multi${i}`);
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

interface Sample {
  /** Wall-clock seconds. */
  readonly wall: number;
  /** CPU seconds (user + system) of all threads (ours) or of the child process (openssl); NaN if unknown. */
  readonly cpu: number;
}

/** CPU seconds of waited-for children, from /proc/self/stat (cutime + cstime); NaN off Linux. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function sampleOurs(run: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

function sampleOpenssl(files: readonly string[]): Sample {
  const cpu = childCpuSeconds();
  const started = performance.now();
  execFileSync('openssl', ['dgst', '-sha256', ...files], { stdio: 'ignore' });
  return { wall: (performance.now() - started) / 1000, cpu: childCpuSeconds() - cpu };
}

/** Best wall time and best CPU time over the samples. */
function bestOf(samples: readonly Sample[]): Sample {
  return { wall: Math.min(...samples.map((s) => s.wall)), cpu: Math.min(...samples.map((s) => s.cpu)) };
}

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

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
  process.stdout.write(
    `data: ${(total / GiB).toFixed(2)} GiB single file, ${MULTI_FILES} files of ${(total / MULTI_FILES / 2 ** 20).toFixed(0)} MiB (${dataDir}); ${cores} cores; best of ${reps}\n`,
  );

  // Warm the page cache so both sides read from memory.
  execFileSync('openssl', ['dgst', '-sha256', ...singleFile, ...multiFiles], { stdio: 'ignore' });

  const rssBefore = maxRssMiB();
  await hashModel(models.small, { workers: cores });
  const rssSmall = maxRssMiB();

  // Interleaved, best of `reps` each, so that both sides see the same machine load.
  const shardSize = Math.min(1_000_000_000, Math.ceil(total / 8));
  const runs: Record<'opensslSingle' | 'oursSingle' | 'oursShards' | 'opensslMulti' | 'oursMulti', Sample[]> = {
    opensslSingle: [],
    oursSingle: [],
    oursShards: [],
    opensslMulti: [],
    oursMulti: [],
  };
  const load = loadavg()[0]!;
  for (let i = 0; i < reps; i++) {
    runs.opensslSingle.push(sampleOpenssl(singleFile));
    runs.oursSingle.push(await sampleOurs(() => hashModel(models.single, { workers: cores })));
    runs.oursShards.push(await sampleOurs(() => hashModel(models.single, { method: 'shards', shardSize, workers: cores })));
    runs.opensslMulti.push(sampleOpenssl(multiFiles));
    runs.oursMulti.push(await sampleOurs(() => hashModel(models.multi, { workers: cores })));
  }
  const opensslSingle = bestOf(runs.opensslSingle);
  const opensslMulti = bestOf(runs.opensslMulti);
  const oursMultiOne = await sampleOurs(() => hashModel(models.multi, { workers: 1 }));
  const oursShardsDefault = await sampleOurs(() => hashModel(models.single, { method: 'shards', workers: cores }));
  const rssAfter = maxRssMiB();

  process.stdout
    .write(`load average ${load.toFixed(1)} on ${cores} cores at the start (wall-clock ratios need an idle machine; CPU ratios do not)
`);
  process.stdout
    .write(`${''.padEnd(50)} ${'wall'.padStart(8)} ${'GB/s'.padStart(6)} ${'vs openssl'.padStart(10)}  ${'cpu'.padStart(7)} ${'GB/cpu-s'.padStart(8)} ${'threads busy'.padStart(12)}
`);
  const line = (label: string, sample: Sample, baseline?: Sample, target?: number): string => {
    const ratio = baseline === undefined ? '' : `${(baseline.wall / sample.wall).toFixed(2)}x`;
    const verdict =
      target === undefined || baseline === undefined
        ? ''
        : baseline.wall / sample.wall >= target
          ? `  target >= ${target}x: met`
          : `  target >= ${target}x: not met`;
    const cpuRate = Number.isNaN(sample.cpu) ? 'n/a' : (total / sample.cpu / 1e9).toFixed(2);
    return `${label.padEnd(50)} ${sample.wall.toFixed(3).padStart(8)} ${(total / sample.wall / 1e9).toFixed(2).padStart(6)} ${ratio.padStart(10)}  ${sample.cpu.toFixed(2).padStart(7)} ${cpuRate.padStart(8)} ${(sample.cpu / sample.wall).toFixed(2).padStart(12)}${verdict}\n`;
  };
  process.stdout.write(line('openssl dgst -sha256, one file (baseline)', opensslSingle));
  process.stdout.write(line('agentfence files, one file', bestOf(runs.oursSingle), opensslSingle, 0.8));
  process.stdout.write(line(`agentfence shards of ${shardSize} B, one file`, bestOf(runs.oursShards), opensslSingle, 1.6));
  process.stdout.write(line('agentfence shards of 1e9 B (default), one file', oursShardsDefault, opensslSingle));
  process.stdout.write(line(`openssl dgst -sha256, ${MULTI_FILES} files (baseline)`, opensslMulti));
  process.stdout.write(line(`agentfence files, ${MULTI_FILES} files, ${cores} threads`, bestOf(runs.oursMulti), opensslMulti, 1.6));
  process.stdout.write(line(`agentfence files, ${MULTI_FILES} files, 1 thread`, oursMultiOne, opensslMulti));
  const efficiency = opensslMulti.cpu / bestOf(runs.oursMulti).cpu;
  if (!Number.isNaN(efficiency)) {
    process.stdout.write(
      `per-core efficiency vs openssl (CPU time, ${MULTI_FILES} files): ${efficiency.toFixed(2)}x; on ${cores} idle cores the pool is bounded by ${(cores * efficiency).toFixed(2)}x\n`,
    );
  }
  process.stdout.write(
    `peak RSS: ${rssBefore.toFixed(0)} MiB before, ${rssSmall.toFixed(0)} MiB after a ${(models.smallBytes / 2 ** 20).toFixed(0)} MiB model, ${rssAfter.toFixed(0)} MiB after ${(total / GiB).toFixed(2)} GiB models (+${(rssAfter - rssSmall).toFixed(0)} MiB for ${(total / models.smallBytes).toFixed(0)}x the data)\n`,
  );
}
