/**
 * `agentfence verify <agent> [--online] [--output F]`: the agent's supply chain against its trust
 * policy; writes `.agentfence/<agent>/verification.json`. `verify model|plugin|api ...` verify one artifact.
 */
import path from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { Command } from './index.js';
import type { CommandContext } from '../context.js';
import { parseCommandArgs } from '../context.js';
import { SUPPLY_CHAIN_DESCRIPTORS, toSarif, type FileRegion, type SarifFinding } from '../sarif.js';
import type { ArtifactResult, VerificationReport } from '../../verify/types.js';

/** The report's counts in one line; allow-listed (trusted by name) is shown apart from verified. */
export function summaryText(report: VerificationReport): string {
  const { verified, allowListed, blocked, warned } = report.summary;
  return `${verified} verified, ${allowListed > 0 ? `${allowListed} allow-listed, ` : ''}${blocked} blocked, ${warned} warned (${report.mode} mode)`;
}

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

export { packageVersion } from '../../version.js';
import { packageVersion } from '../../version.js';

function paint(ctx: CommandContext, status: ArtifactResult['status'], text: string): string {
  if (!ctx.color) return text;
  const code = status === 'verified' ? 32 : status === 'allow-listed' ? 36 : status === 'warned' ? 33 : 31;
  return `\u001b[${code}m${text}\u001b[0m`;
}

/** One line per artifact: status, kind, name@version, reason and the actionable message. */
export function renderResultLines(ctx: CommandContext, results: readonly ArtifactResult[]): string[] {
  const label = (r: ArtifactResult) =>
    `${r.name}${r.version !== undefined && r.status === 'verified' ? `@${r.version}` : r.version !== undefined ? `@${r.version}` : ''}`;
  const width = Math.min(40, Math.max(0, ...results.map((r) => label(r).length)));
  return results.map((r) => {
    const status = paint(ctx, r.status, r.status.toUpperCase().padEnd(8));
    const reason = r.reason !== undefined ? `${r.reason}: ` : '';
    return `${status} ${r.kind.padEnd(6)} ${label(r).padEnd(width)}  ${reason}${r.message}`;
  });
}

/** What a verify SARIF run is about: the agent and its manifest, or the one input file. */
export interface SarifWhere {
  readonly locator?: ArtifactLocator;
  readonly agent?: string;
  /** The verified input (relative to the project root) when there is no manifest. */
  readonly file?: string;
}

/** A path as SARIF wants it: relative to the project root above `cwd`, `/`-separated. */
export function sarifPath(cwd: string, file: string, root: string): string {
  return path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** Where artifact verdicts point: the manifest entry that declares the artifact. */
export interface ArtifactLocator {
  artifact(kind: string, name: string): FileRegion;
}

/** One blocked or warned artifact as a SARIF finding, at its manifest entry when there is one. */
export function artifactSarifFinding(r: ArtifactResult, locator?: ArtifactLocator, file?: string): SarifFinding {
  return {
    ruleId: `supply-chain-${r.kind}`,
    level: r.status === 'blocked' ? 'error' : 'warning',
    message: `${r.kind} ${r.name}${r.version !== undefined ? `@${r.version}` : ''} ${r.status}: ${r.reason ?? 'ERROR'}: ${r.message}`,
    ...(locator !== undefined
      ? { location: locator.artifact(r.kind, r.name) }
      : file !== undefined
        ? { location: { file, startLine: 1 } }
        : {}),
    logicalLocation: { name: `${r.kind}:${r.name}`, kind: 'artifact' },
    identity: [r.kind, r.name, r.version ?? '', r.reason ?? 'ERROR'].join('\u0000'),
    properties: {
      reason: r.reason ?? 'ERROR',
      ...(r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.signer ? { signer: r.signer.identity } : {}),
    },
  };
}

/** SARIF for a set of results: one SARIF result per blocked (error) or warned (warning) artifact. */
export function resultsToSarif(results: readonly ArtifactResult[], where: SarifWhere = {}): object {
  const kinds = new Set(results.map((r) => `supply-chain-${r.kind}`));
  return toSarif({
    command: 'verify',
    ...(where.agent === undefined ? {} : { agent: where.agent }),
    version: packageVersion(),
    exitCode: results.some((r) => r.status === 'blocked') ? ExitCode.BLOCKED : ExitCode.PASS,
    rules: SUPPLY_CHAIN_DESCRIPTORS.filter((d) => kinds.has(d.id)),
    findings: results
      .filter((r) => r.status === 'blocked' || r.status === 'warned')
      .map((r) => artifactSarifFinding(r, where.locator, where.file)),
  });
}

/** Prints results in the context's format and answers the exit code (1 if anything is blocked). */
export function printResults(ctx: CommandContext, results: readonly ArtifactResult[], document: unknown, where: SarifWhere = {}): number {
  if (ctx.format === 'json') ctx.out(JSON.stringify(document, null, 2));
  else if (ctx.format === 'sarif') ctx.out(JSON.stringify(resultsToSarif(results, where), null, 2));
  else for (const line of renderResultLines(ctx, results)) ctx.out(line);
  return results.some((r) => r.status === 'blocked') ? ExitCode.BLOCKED : ExitCode.PASS;
}

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
  if (positionals.length !== 1) throw new InputError('CLI_USAGE', `verify needs exactly one <agent> (got ${positionals.length})`);
  const { loadAgent } = await import('../../manifest/load.js');
  const { verifyAgent } = await import('../../verify/agent.js');
  const { agentReportFile, configuredRegistry, writeReport } = await import('../verification.js');
  const agent = loadAgent(positionals[0]!, ctx.cwd);
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
