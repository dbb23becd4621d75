/**
 * The whole pre-deploy gate on each example stack, against its baseline: the same stages run as
 * six separate CLI processes (validate, plan, verify, check, sbom --check, report), as a CI script
 * without `gate` would. Median of a few runs each; the ratio is separate / gate.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/agentfence.js');
const RUNS = Number(process.env['AGENTFENCE_BENCH_RUNS'] ?? 3);

function timeCommand(args: readonly string[], okCodes: readonly number[] = [0]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args, '--quiet'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`agentfence ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default function bench(): void {
  for (const agent of ['payments', 'support-triage']) {
    const gate: number[] = [];
    const separate: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      gate.push(timeCommand(['gate', agent, '--check-sbom', '--output-dir', 'bench/.data/gate']));
      let total = 0;
      for (const args of [
        ['validate', agent],
        ['plan', agent, '--format', 'json'],
        ['verify', agent],
        ['check', agent],
        ['sbom', agent, '--check'],
        ['report', agent, '-o', 'bench/.data/gate/report.html'],
      ]) {
        total += timeCommand(args);
      }
      separate.push(total);
    }
    const g = median(gate);
    const s = median(separate);
    console.log(
      `gate ${agent}: ${(g / 1000).toFixed(2)} s (median of ${RUNS}); six separate commands: ${(s / 1000).toFixed(2)} s; ratio separate/gate ${(s / g).toFixed(2)}x`,
    );
  }
}
