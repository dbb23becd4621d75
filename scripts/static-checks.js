#!/usr/bin/env node
// `npm test`'s steps that need no build and no tests (typecheck, lint, format check) and the build,
// run side by side: each is one single-threaded process, so on a 2-core machine four in a row take
// about 60 s and side by side about 40 s. Each step's output is printed whole when it ends, in the
// order given; the exit code is 1 when any step fails.
import { spawn } from 'node:child_process';

const steps = ['typecheck', 'lint', 'format:check', 'build'];

/** Runs `npm run -s <script>`, resolving to its status and interleaved output. */
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

const results = await Promise.all(steps.map(runScript));
for (const { script, status, output, seconds } of results) {
  process.stdout.write(`${status === 0 ? 'ok  ' : 'FAIL'} ${script} (${seconds.toFixed(1)} s)\n`);
  if (status !== 0 || output.trim() !== '') process.stdout.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
}
process.exitCode = results.some((result) => result.status !== 0) ? 1 : 0;
