#!/usr/bin/env node
// `npm test`'s steps before the tests: typecheck, lint, format check and build, in two lanes: lint
// (the longest) beside typecheck, build and format check in a row. Each step is mostly one core
// (V8's collector threads add a little), so four at once only fight over two cores. Measured idle
// on 2 cores: in a row 63 s, four at once 62 s, two lanes 57 s. Each step's output is printed whole
// when the steps end; the exit code is 1 when any step fails, and a lane stops at its first failure.
import { spawn } from 'node:child_process';

const lanes = [['lint'], ['typecheck', 'build', 'format:check']];

/** Runs `npm run -s <script>`, resolving to its status, output and seconds. */
function runScript(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ script, status: 1, output: `${output}${error.message}\n`, seconds: 0 }));
    child.on('close', (status) => resolve({ script, status: status ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

async function runLane(scripts) {
  const results = [];
  for (const script of scripts) {
    const result = await runScript(script);
    results.push(result);
    if (result.status !== 0) break;
  }
  return results;
}

const results = (await Promise.all(lanes.map(runLane))).flat();
for (const { script, status, output, seconds } of results) {
  process.stdout.write(`${status === 0 ? 'ok  ' : 'FAIL'} ${script} (${seconds.toFixed(1)} s)\n`);
  if (status !== 0 || output.trim() !== '') process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
}
const ran = new Set(results.map((result) => result.script));
const skipped = lanes.flat().filter((script) => !ran.has(script));
if (skipped.length > 0) process.stdout.write(`not run after a failure: ${skipped.join(', ')}\n`);
process.exitCode = results.some((result) => result.status !== 0) ? 1 : 0;
