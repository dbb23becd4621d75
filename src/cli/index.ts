/**
 * `agentfence` entry: `run(process)` resolves to the exit code. The bin shim only sets
 * `process.exitCode`. Errors become one readable line on stderr and exit 2 (bad input) or 1
 * (blocked); a stack trace is printed only with AGENTFENCE_DEBUG=1.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, codeOf, ExitCode, exitCodeOf, messageOf } from '../errors.js';
import { packageVersion } from '../version.js';
import { commands } from './commands/index.js';
import { makeContext, type ProcessLike } from './context.js';
import { peekFormat, takeOutputOption, toFormat, wantsVersion } from './flags.js';

function usage(): string {
  const lines = Object.entries(commands).map(([, entry]) => `  agentfence ${entry.summary}`);
  return [
    'agentfence: fence AI agents on AWS and verify their supply chain before deploy',
    '',
    'Usage:',
    ...lines,
    '',
    'First run: agentfence init <agent> -> agentfence keygen -> agentfence sign ... -> agentfence gate <agent>',
    "           (`agentfence help init` shows each step; `agentfence help <command>` any command's options).",
    'Common options: --format text|json|sarif, -o/--output F (validate, check, gate, plan: the result to a file),',
    '  --quiet (only the verdict and findings), --help, --version.',
    'Colour: on a terminal; NO_COLOR=<anything> turns it off, FORCE_COLOR=1 turns it on.',
    '<agent> is a name under stacks/ or a path to an agent folder or manifest.',
    'Exit codes: 0 pass, 1 blocked (verification or policy), 2 bad input / usage / config.',
    '',
  ].join('\n');
}

/** Commands whose result (stdout) `-o/--output F` sends to a file; the others define their own -o. */
const REDIRECTABLE = new Set(['validate', 'check', 'gate', 'plan']);

/** Runs the CLI against a process-like object and resolves to the exit code. */
export async function run(proc: ProcessLike): Promise<number> {
  const argv = proc.argv.slice(2);
  const [name, ...initialRest] = argv;
  let rest = initialRest;
  if (name === undefined) {
    // no command is a usage error: usage goes where errors go
    proc.stderr.write(usage());
    return ExitCode.BAD_INPUT;
  }
  if (name === '--help' || name === '-h') {
    proc.stdout.write(usage());
    return ExitCode.PASS;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      proc.stdout.write(usage());
      return ExitCode.PASS;
    }
    const target = topic !== 'help' && Object.hasOwn(commands, topic) ? commands[topic] : undefined;
    if (target === undefined) {
      if (topic === 'help') {
        proc.stdout.write(usage());
        return ExitCode.PASS;
      }
      proc.stderr.write(`agentfence help: unknown command ${JSON.stringify(topic)}\n\n${usage()}`);
      return ExitCode.BAD_INPUT;
    }
    const command = await target.load();
    const subName = rest[1];
    const sub =
      subName !== undefined && command.subcommands !== undefined && Object.hasOwn(command.subcommands, subName)
        ? command.subcommands[subName]
        : undefined;
    proc.stdout.write(`${(sub === undefined ? command : await sub()).usage.trimEnd()}\n`);
    return ExitCode.PASS;
  }
  if (name === '--version' || name === '-V') {
    proc.stdout.write(`${packageVersion()}\n`);
    // --verbose: the data the IAM verdicts rest on, so that a verdict can be reproduced.
    if (rest.includes('--verbose')) {
      const { iamDataTools } = await import('../rules/iam/data.js');
      for (const tool of iamDataTools())
        proc.stdout.write(`${tool.name} ${tool.version}${tool.description === undefined ? '' : ` (${tool.description})`}\n`);
    }
    return ExitCode.PASS;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    proc.stderr.write(`agentfence: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return ExitCode.BAD_INPUT;
  }
  if (wantsVersion(rest)) {
    proc.stdout.write(`agentfence ${packageVersion()}\n`);
    return ExitCode.PASS;
  }
  let outputFile: string | undefined;
  if (REDIRECTABLE.has(name)) {
    try {
      const taken = takeOutputOption(rest);
      rest = taken.rest;
      outputFile = taken.file;
    } catch (error) {
      proc.stderr.write(`agentfence ${name}: ${messageOf(error)}\n`);
      return ExitCode.BAD_INPUT;
    }
  }
  if (outputFile !== undefined) return runToFile(proc, name, rest, outputFile);
  let format: ReturnType<typeof toFormat>;
  try {
    format = toFormat(peekFormat(rest));
  } catch (error) {
    proc.stderr.write(`agentfence ${name}: ${messageOf(error)}\n`);
    return ExitCode.BAD_INPUT;
  }
  const quiet = rest.includes('--quiet') || rest.includes('-q');
  const ctx = makeContext(proc, format, quiet);
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      const first = rest[0];
      const sub =
        first !== undefined && command.subcommands !== undefined && Object.hasOwn(command.subcommands, first)
          ? command.subcommands[first]
          : undefined;
      proc.stdout.write(`${(sub === undefined ? command : await sub()).usage.trimEnd()}\n`);
      return ExitCode.PASS;
    }
    return await command.run(ctx, rest);
  } catch (thrown) {
    const error = await relativeToCwd(thrown, ctx.cwd);
    const code = exitCodeOf(error);
    const tag = error instanceof AgentfenceError ? ` [${error.code}]` : '';
    if (format === 'json') {
      proc.stdout.write(`${JSON.stringify({ error: { code: codeOf(error), message: messageOf(error) } })}\n`);
    }
    proc.stderr.write(`agentfence ${name}: ${messageOf(error)}${tag}\n`);
    if (error instanceof AgentfenceError && error.code === 'CLI_USAGE') {
      proc.stderr.write(`usage: agentfence ${entries(name)}\n`);
    }
    if (proc.env['AGENTFENCE_DEBUG'] === '1' && error instanceof Error && error.stack) proc.stderr.write(`${error.stack}\n`);
    return code;
  }
}

/** A ManifestError names its files as the core was given them; the CLI shows them relative to where the user stands. */
async function relativeToCwd(error: unknown, cwd: string): Promise<unknown> {
  const { ManifestError } = await import('../manifest/errors.js');
  return error instanceof ManifestError ? new ManifestError(error.errors, cwd) : error;
}

function entries(name: string): string {
  return commands[name]?.summary ?? name;
}

/** Runs a command with its stdout collected into `file` (written whatever the verdict); the log stays on stderr. */
async function runToFile(proc: ProcessLike, name: string, rest: readonly string[], file: string): Promise<number> {
  const chunks: string[] = [];
  const collecting: ProcessLike = {
    argv: proc.argv,
    env: proc.env,
    stderr: proc.stderr,
    cwd: () => proc.cwd(),
    stdout: { write: (chunk: string) => chunks.push(chunk), isTTY: false },
  };
  const code = await run({ ...collecting, argv: [proc.argv[0] ?? 'node', proc.argv[1] ?? 'agentfence', name, ...rest] });
  const target = path.resolve(proc.cwd(), file);
  try {
    writeFileSync(target, chunks.join(''));
  } catch (error) {
    proc.stderr.write(
      `agentfence ${name}: -o ${file} must be a writable file (got ${(error as NodeJS.ErrnoException).code ?? 'an error'})\n`,
    );
    return ExitCode.BAD_INPUT;
  }
  return code;
}
