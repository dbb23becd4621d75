/**
 * `agentfence` entry: `run(process)` resolves to the exit code. The bin shim only sets
 * `process.exitCode`. Errors become one readable line on stderr and exit 2 (bad input) or 1
 * (blocked); a stack trace is printed only with AGENTFENCE_DEBUG=1.
 */
import { AgentfenceError, ExitCode, exitCodeOf, messageOf } from '../errors.js';
import { packageVersion } from '../version.js';
import { commands } from './commands.js';
import { makeContext, type ProcessLike, toFormat } from './context.js';


function usage(): string {
  const lines = Object.entries(commands).map(([, entry]) => `  agentfence ${entry.summary}`);
  return [
    'agentfence: fence AI agents on AWS and verify their supply chain before deploy',
    '',
    'Usage:',
    ...lines,
    '',
    'Common options: --format text|json|sarif, --quiet, --help; NO_COLOR disables colour.',
    '<agent> is a name under stacks/ or a path to an agent folder or manifest.',
    'Exit codes: 0 pass, 1 blocked (verification or policy), 2 bad input / usage / config.',
    '',
  ].join('\n');
}

/**
 * Reads the value of --format anywhere in argv, so even usage errors honour it. Mirrors the
 * option parser: the last occurrence wins, `-fjson` is `-f json`, nothing after `--` is an option.
 */
function peekFormat(argv: readonly string[]): string {
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--format' || arg === '-f') {
      format = argv[i + 1] ?? format;
      i += 1;
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-f') && arg.length > 2) {
      format = arg.slice(2);
    }
  }
  return format;
}

/** Runs the CLI against a process-like object and resolves to the exit code. */
export async function run(proc: ProcessLike): Promise<number> {
  const argv = proc.argv.slice(2);
  const [name, ...rest] = argv;
  if (name === undefined) {
    // no command is a usage error: usage goes where errors go
    proc.stderr.write(usage());
    return ExitCode.BAD_INPUT;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    proc.stdout.write(usage());
    return ExitCode.PASS;
  }
  if (name === '--version' || name === '-V') {
    proc.stdout.write(`${packageVersion()}\n`);
    // --verbose: the data the IAM verdicts rest on, so that a verdict can be reproduced.
    if (rest.includes('--verbose')) {
      const { iamDataTools } = await import('../rules/iam/data.js');
      for (const tool of iamDataTools()) proc.stdout.write(`${tool.name} ${tool.version}${tool.description === undefined ? '' : ` (${tool.description})`}\n`);
    }
    return ExitCode.PASS;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    proc.stderr.write(`agentfence: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return ExitCode.BAD_INPUT;
  }
  let format: ReturnType<typeof toFormat> = 'text';
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
      const sub = first !== undefined && command.subcommands !== undefined && Object.hasOwn(command.subcommands, first) ? command.subcommands[first] : undefined;
      proc.stdout.write(`${(sub === undefined ? command : await sub()).usage.trimEnd()}\n`);
      return ExitCode.PASS;
    }
    return await command.run(ctx, rest);
  } catch (error) {
    const code = exitCodeOf(error);
    const tag = error instanceof AgentfenceError ? ` [${error.code}]` : '';
    if (format === 'json') {
      proc.stdout.write(
        `${JSON.stringify({ error: { code: error instanceof AgentfenceError ? error.code : 'INTERNAL', message: messageOf(error) } })}\n`,
      );
    }
    proc.stderr.write(`agentfence ${name}: ${messageOf(error)}${tag}\n`);
    if (error instanceof AgentfenceError && error.code === 'CLI_USAGE') {
      proc.stderr.write(`usage: agentfence ${entries(name)}\n`);
    }
    if (proc.env['AGENTFENCE_DEBUG'] === '1' && error instanceof Error && error.stack) proc.stderr.write(`${error.stack}\n`);
    return code;
  }
}

function entries(name: string): string {
  return commands[name]?.summary ?? name;
}
