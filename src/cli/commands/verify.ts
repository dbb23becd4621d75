/**
 * `agentfence verify <agent> [--online] [--output F]`: the agent's supply chain against its trust
 * policy; writes `.agentfence/verification.json`. `verify model|plugin|api ...` verify one artifact.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { Command } from '../commands.js';
import type { CommandContext } from '../context.js';
import { parseCommandArgs } from '../context.js';
import { toSarif, type SarifResult, type SarifRule } from '../sarif.js';
import type { ArtifactResult, VerificationReport } from '../../verify/types.js';

const USAGE = `agentfence verify <agent> [--online] [--output F] [--format text|json|sarif] [--quiet]
agentfence verify model <dir|file> --signature model.sig (--identity I --issuer U | --key PUB.pem | --certificate-chain ROOT.pem ...)
agentfence verify plugin --tarball PKG.tgz --attestations ATT.json [--name N --version V] [--source-repository URL]
    [--identity I | --identity-regexp R] [--issuer U] [--trusted-root R] [--registry-keys KEYS.json] [--no-provenance]
agentfence verify api <descriptor> --signature F (--identity I --issuer U | --identity-regexp R --issuer U | --key PUB.pem)
    [--trusted-root R] [--data-classification C ...]

Verifies every model, plugin and API of <agent> against stacks/trust-policy.yaml and writes the
result to .agentfence/verification.json under the project root (--output to override).
  --online      read plugin packuments and attestations from the registry in npm's configuration
                (default: vendored files under stacks/<agent>/attestations/)
Exit: 0 all verified (or warn mode), 1 anything blocked, 2 bad input.`;

const SUBCOMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  model: async () => (await import('./verify-model.js')).command,
  plugin: async () => (await import('./verify-plugin.js')).command,
  api: async () => (await import('./verify-api.js')).command,
};

export { packageVersion } from '../../version.js';
import { packageVersion } from '../../version.js';

function paint(ctx: CommandContext, status: ArtifactResult['status'], text: string): string {
  if (!ctx.color) return text;
  const code = status === 'verified' ? 32 : status === 'warned' ? 33 : 31;
  return `\u001b[${code}m${text}\u001b[0m`;
}

/** One line per artifact: status, kind, name@version, reason and the actionable message. */
export function renderResultLines(ctx: CommandContext, results: readonly ArtifactResult[]): string[] {
  const label = (r: ArtifactResult) => `${r.name}${r.version !== undefined && r.status === 'verified' ? `@${r.version}` : r.version !== undefined ? `@${r.version}` : ''}`;
  const width = Math.min(40, Math.max(0, ...results.map((r) => label(r).length)));
  return results.map((r) => {
    const status = paint(ctx, r.status, r.status.toUpperCase().padEnd(8));
    const reason = r.reason !== undefined ? `${r.reason}: ` : '';
    return `${status} ${r.kind.padEnd(6)} ${label(r).padEnd(width)}  ${reason}${r.message}`;
  });
}

const SARIF_RULES: readonly SarifRule[] = (['model', 'plugin', 'api', 'image'] as const).map((kind) => ({
  id: `supply-chain-${kind}`,
  name: `SupplyChain${kind[0]!.toUpperCase()}${kind.slice(1)}`,
  shortDescription: `Checks whether every ${kind} the agent uses is signed by an authority of the trust policy.`,
  properties: { tags: ['supply-chain', 'security'] },
}));

/** SARIF for a set of results: one SARIF result per blocked (error) or warned (warning) artifact. */
export function resultsToSarif(results: readonly ArtifactResult[], file?: string): object {
  const sarif: SarifResult[] = results
    .filter((r) => r.status !== 'verified')
    .map((r) => ({
      ruleId: `supply-chain-${r.kind}`,
      level: r.status === 'blocked' ? 'error' : 'warning',
      message: `${r.kind} ${r.name}${r.version !== undefined ? `@${r.version}` : ''} ${r.status}: ${r.reason ?? 'ERROR'}: ${r.message}`,
      ...(file !== undefined ? { file } : {}),
      logicalLocation: `${r.kind}:${r.name}`,
      properties: { reason: r.reason ?? 'ERROR', ...(r.expected !== undefined ? { expected: r.expected } : {}), ...(r.signer ? { signer: r.signer.identity } : {}) },
    }));
  return toSarif(packageVersion(), SARIF_RULES, sarif);
}

/** Prints results in the context's format and answers the exit code (1 if anything is blocked). */
export function printResults(ctx: CommandContext, results: readonly ArtifactResult[], document: unknown, file?: string): number {
  if (ctx.format === 'json') ctx.out(JSON.stringify(document, null, 2));
  else if (ctx.format === 'sarif') ctx.out(JSON.stringify(resultsToSarif(results, file), null, 2));
  else for (const line of renderResultLines(ctx, results)) ctx.out(line);
  return results.some((r) => r.status === 'blocked') ? ExitCode.BLOCKED : ExitCode.PASS;
}

/** Writes a report atomically (temp file + rename), creating its folder. */
export function writeReport(file: string, report: VerificationReport): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(temp, file);
}

function progressPrinter(ctx: CommandContext): ((model: string, p: { bytesDone: number; bytesTotal: number }) => void) | undefined {
  if (!ctx.progress) return undefined;
  const started = Date.now();
  let last = 0;
  return (model, p) => {
    const now = Date.now();
    if (now - last < 200 && p.bytesDone < p.bytesTotal) return;
    last = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const rate = p.bytesDone / seconds;
    const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
    const eta = rate > 0 ? Math.ceil((p.bytesTotal - p.bytesDone) / rate) : 0;
    ctx.stderr.write(`\r${model}: ${pct}% ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB ${(rate / 1e6).toFixed(0)} MB/s ETA ${eta}s   ${p.bytesDone >= p.bytesTotal ? '\n' : ''}`);
  };
}

async function verifyAgentCommand(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    online: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length !== 1) throw new InputError('CLI_USAGE', `verify needs exactly one <agent> (got ${positionals.length})`);
  const { loadAgent } = await import('../../manifest/load.js');
  const { verifyAgent } = await import('../../verify/agent.js');
  const agent = loadAgent(positionals[0]!, ctx.cwd);
  const onModelProgress = progressPrinter(ctx);
  const report = await verifyAgent(agent, { online: values['online'] === true, env: ctx.env, ...(onModelProgress ? { onModelProgress } : {}) });
  if (report.results.length === 0) {
    throw new InputError('NOTHING_TO_VERIFY', `agent ${report.agent} must declare at least one model, plugin or API to verify (it declares none)`);
  }
  const output = typeof values['output'] === 'string' ? path.resolve(ctx.cwd, values['output']) : path.join(agent.location.projectRoot, '.agentfence', 'verification.json');
  writeReport(output, report);
  const manifestRel = path.relative(agent.location.projectRoot, agent.manifest.file);
  const code = printResults(ctx, report.results, report, manifestRel);
  if (ctx.format === 'text') {
    const { verified, blocked, warned } = report.summary;
    ctx.out(`${report.agent}: ${verified} verified, ${blocked} blocked, ${warned} warned (${report.mode} mode)`);
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
