/**
 * `agentfence verify <agent> [--online] [--output F]`: the agent's supply chain against its trust
 * policy; writes `.agentfence/<agent>/verification.json`. `verify model|plugin|api ...` verify one artifact.
 */
import path from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { onePositional, parseCommandArgs } from '../flags.js';
import { printResults, renderResultLines, summaryText, verdictLine } from '../render.js';

const USAGE = `agentfence verify <agent> [--online] [--output F] [--format text|json|sarif] [--quiet]
agentfence verify model <dir|file> --signature model.sig (--identity I --issuer U | --key PUB.pem | --certificate-chain ROOT.pem ...)
agentfence verify plugin --tarball PKG.tgz --attestations ATT.json [--name N --version V] [--source-repository URL]
    [--identity I | --identity-regexp R] [--issuer U] [--trusted-root R] [--registry-keys KEYS.json] [--no-provenance]
agentfence verify api <descriptor> --signature F (--identity I --issuer U | --identity-regexp R --issuer U | --key PUB.pem)
    [--trusted-root R] [--data-classification C ...]

Verifies every model, plugin and API of <agent> against stacks/trust-policy.yaml and writes the
result to .agentfence/<agent>/verification.json under the project root (--output to override).
  --online      read plugin packuments and attestations from the registry in npm's configuration
                (default: vendored files under stacks/<agent>/attestations/)
Exit: 0 all verified (or warn mode), 1 anything blocked, 2 bad input.`;

const SUBCOMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  model: async () => (await import('./verify-model.js')).command,
  plugin: async () => (await import('./verify-plugin.js')).command,
  api: async () => (await import('./verify-api.js')).command,
};

function progressPrinter(ctx: CommandContext): ((model: string, p: { bytesDone: number; bytesTotal: number }) => void) | undefined {
  if (!ctx.progress) return undefined;
  const started = Date.now();
  let last = 0;
  return (model, p) => {
    const now = Date.now();
    if (now - last < 200 && p.bytesDone < p.bytesTotal) return;
    last = now;
    const seconds = (now - started) / 1000;
    // no rate or ETA until there is enough time behind them to mean something
    const settled = seconds >= 0.5 && p.bytesDone > 0;
    const rate = settled ? p.bytesDone / seconds : 0;
    const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
    const speed = settled ? `${(rate / 1e6).toFixed(0)} MB/s ETA ${Math.ceil((p.bytesTotal - p.bytesDone) / rate)}s` : '-- MB/s ETA --';
    ctx.stderr.write(
      `\r${model}: ${pct}% ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB ${speed}   ${p.bytesDone >= p.bytesTotal ? '\n' : ''}`,
    );
  };
}

async function verifyAgentCommand(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    online: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
  });
  const agentRef = onePositional(positionals, 'verify needs exactly one <agent>');
  const { loadAgent } = await import('../../manifest/load.js');
  const { verifyAgent } = await import('../../verify/agent.js');
  const { agentReportFile, configuredRegistry, writeReport } = await import('../verification.js');
  const agent = loadAgent(agentRef, ctx.cwd);
  const onModelProgress = progressPrinter(ctx);
  const online = values['online'] === true;
  const report = await verifyAgent(agent, {
    online,
    ...(online ? { registry: configuredRegistry(ctx.env) } : {}),
    ...(onModelProgress ? { onModelProgress } : {}),
  });
  if (report.results.length === 0) {
    throw new InputError(
      'NOTHING_TO_VERIFY',
      `agent ${report.agent} must declare at least one model, plugin or API to verify (it declares none)`,
    );
  }
  const output = typeof values['output'] === 'string' ? path.resolve(ctx.cwd, values['output']) : agentReportFile(agent);
  writeReport(output, report);
  const { ManifestLocator } = await import('../locations.js');
  const locator = new ManifestLocator(agent.manifest.file, agent.location.projectRoot, agent.manifest.manifest);
  if (ctx.format === 'text' && ctx.quiet) {
    // --quiet: the blocked and warned artifacts, then the verdict
    const findings = report.results.filter((r) => r.status === 'blocked' || r.status === 'warned');
    for (const line of renderResultLines(ctx, findings)) ctx.out(line);
    const { blocked, warned } = report.summary;
    ctx.out(verdictLine(ctx, blocked > 0 ? 'blocked' : warned > 0 ? 'warned' : 'pass', report.agent, summaryText(report)));
    return blocked > 0 ? ExitCode.BLOCKED : ExitCode.PASS;
  }
  const code = printResults(ctx, report.results, report, { locator, agent: agent.location.name });
  if (ctx.format === 'text') {
    ctx.out(`${report.agent}: ${summaryText(report)}`);
    for (const note of report.notes ?? []) ctx.log(`note: ${note}`);
  }
  ctx.log(`wrote ${path.relative(ctx.cwd, output) || output}`);
  return code;
}

export const command: Command = {
  subcommands: SUBCOMMANDS,
  usage: USAGE,
  async run(ctx, argv) {
    const [first, ...rest] = argv;
    const sub = first !== undefined && Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
    if (sub !== undefined) return (await sub()).run(ctx, rest);
    return verifyAgentCommand(ctx, argv);
  },
};
