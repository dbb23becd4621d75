/**
 * CLI cold start: `node bin/agentfence.js --help` against a bare `node -e 0` on the same machine
 * (median of 15 runs each, after one warm-up), and `validate payments` for the cost of the manifest
 * loader (YAML, ajv schema compile, semantic checks). Target: --help under 300 ms.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/agentfence.js');
const RUNS = 15;
const TARGET_MS = 300;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time of spawning node with `args`, in ms; throws if a run fails. */
function time(args: readonly string[], expectStatus = 0): number {
  const samples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== expectStatus) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}: ${r.stderr}`);
    if (i > 0) samples.push(ms);
  }
  return median(samples);
}

export default function (): void {
  const bare = time(['-e', '0']);
  const help = time([bin, '--help']);
  const validate = time([bin, 'validate', 'payments']);
  const line = (label: string, ms: number): string =>
    `${label.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / bare).toFixed(2)}x node -e 0`;
  process.stdout.write(`${line('node -e 0 (baseline)', bare)}\n`);
  process.stdout.write(`${line('agentfence --help', help)}  ${help < TARGET_MS ? 'OK' : 'OVER'} (target < ${TARGET_MS} ms)\n`);
  process.stdout.write(`${line('agentfence validate payments', validate)}\n`);
  process.stdout.write(`--help overhead over bare node: ${(help - bare).toFixed(1)} ms (median of ${RUNS} runs)\n`);
}
