/**
 * Output rendering shared by the commands: colour, plurals, verdict and result lines, the
 * text/json/sarif writing of artifact results, SARIF findings for verdicts and guardrail findings,
 * and the model-hashing progress bar. Commands import these from here, never from each other.
 */
import path from 'node:path';
import { ExitCode } from '../errors.js';
import { present } from '../invariant.js';
import type { Finding } from '../rules/types.js';
import type { HashProgress, HashStats } from '../verify/model/types.js';
import type { ArtifactResult, VerificationReport } from '../verify/types.js';
import { packageVersion } from '../version.js';
import type { CommandContext } from './context.js';
import { SUPPLY_CHAIN_DESCRIPTORS, toSarif, type FileRegion, type SarifFinding } from './sarif.js';

/**
 * Colour per the no-color.org and FORCE_COLOR conventions: NO_COLOR counts only when non-empty;
 * FORCE_COLOR (non-empty, not "0" or "false") turns colour on even without a TTY; NO_COLOR wins.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}

/** `text` in ANSI colour `code` when the context has colour on. */
export function paint(ctx: Pick<CommandContext, 'color'>, code: number, text: string): string {
  return ctx.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** `1 tool`, `2 tools`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A command's verdict: deploy may proceed, may proceed with warnings, or must not. */
export type VerdictKind = 'pass' | 'warned' | 'blocked';

const VERDICT_WORDS: Readonly<Record<VerdictKind, readonly [string, number]>> = {
  pass: ['PASSED', 32],
  warned: ['PASSED WITH WARNINGS', 33],
  blocked: ['BLOCKED', 31],
};

/** The one verdict line a command ends with (`BLOCKED: payments: ...`); the line `--quiet` keeps. */
export function verdictLine(ctx: Pick<CommandContext, 'color'>, verdict: VerdictKind, subject: string, details?: string): string {
  const [word, code] = VERDICT_WORDS[verdict];
  return `${paint(ctx, code, word)}: ${subject}${details === undefined ? '' : `: ${details}`}`;
}

/** The colour of an artifact status. */
function paintStatus(ctx: CommandContext, status: ArtifactResult['status'], text: string): string {
  return paint(ctx, status === 'verified' ? 32 : status === 'allow-listed' ? 36 : status === 'warned' ? 33 : 31, text);
}

/** The report's counts in one line; allow-listed (trusted by name) is shown apart from verified. */
export function summaryText(report: VerificationReport): string {
  const { verified, allowListed, blocked, warned } = report.summary;
  return `${verified} verified, ${allowListed > 0 ? `${allowListed} allow-listed, ` : ''}${blocked} blocked, ${warned} warned (${report.mode} mode)`;
}

/** One line per artifact: status, kind, name@version, reason and the actionable message. */
export function renderResultLines(ctx: CommandContext, results: readonly ArtifactResult[]): string[] {
  const label = (r: ArtifactResult) =>
    `${r.name}${r.version !== undefined && r.status === 'verified' ? `@${r.version}` : r.version !== undefined ? `@${r.version}` : ''}`;
  const width = Math.min(40, Math.max(0, ...results.map((r) => label(r).length)));
  return results.map((r) => {
    const status = paintStatus(ctx, r.status, r.status.toUpperCase().padEnd(8));
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

/** Where check findings point: the manifest entry that produced the resource, else the input file. */
export interface FindingLocator {
  resource(urn: string | undefined, message: string): FileRegion;
}

/** One guardrail finding as a SARIF finding, located at its manifest entry (or the input file). */
export function checkFinding(f: Finding, where: { file?: string; locator?: FindingLocator }): SarifFinding {
  const location =
    where.locator !== undefined
      ? where.locator.resource(f.urn, f.message)
      : where.file === undefined
        ? undefined
        : { file: where.file, startLine: 1 };
  return {
    ruleId: f.ruleId,
    level: f.enforcementLevel === 'mandatory' ? 'error' : 'warning',
    message: f.message,
    ...(location === undefined ? {} : { location }),
    ...(f.urn === undefined ? {} : { logicalLocation: { name: f.urn, kind: 'resource' as const } }),
    // the URN names the resource across runs; the message distinguishes findings on one resource
    identity: [f.urn ?? '', present(f.message.split(' (got ')[0], 'message text')].join('\u0000'),
    properties: {
      severity: f.severity,
      enforcementLevel: f.enforcementLevel,
      ...(f.resourceType === undefined ? {} : { resourceType: f.resourceType }),
      ...(f.unknown === true ? { unknown: true } : {}),
    },
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds of hashing before a rate and ETA are shown. */
export const MIN_RATE_SECONDS = 0.5;

/** One progress line: bar, percent, bytes, rate and ETA. */
export function formatProgress(progress: HashProgress, elapsedSeconds: number, width = 24): string {
  const ratio = progress.bytesTotal === 0 ? 1 : Math.min(1, progress.bytesDone / progress.bytesTotal);
  const filled = Math.round(ratio * width);
  // A rate over the first instants (a few bytes in microseconds) is noise: shown once it means something.
  const settled = elapsedSeconds >= MIN_RATE_SECONDS && progress.bytesDone > 0;
  const rate = settled ? progress.bytesDone / elapsedSeconds : 0;
  const eta = rate > 0 ? (progress.bytesTotal - progress.bytesDone) / rate : Number.POSITIVE_INFINITY;
  const speed = settled ? `${formatBytes(rate)}/s` : '-- B/s';
  return `hashing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatBytes(progress.bytesDone)}/${formatBytes(progress.bytesTotal)} ${speed} ETA ${formatDuration(eta)}`;
}

/** A throttled progress bar on stderr when it is a TTY (ctx.progress); `done()` clears it. */
export function progressBar(ctx: CommandContext): { onProgress?: (p: HashProgress) => void; done(): void } {
  if (!ctx.progress) return { done() {} };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    onProgress(p) {
      const now = performance.now();
      if (now - last < 100 && p.bytesDone < p.bytesTotal) return;
      last = now;
      shown = true;
      ctx.stderr.write(`\r${formatProgress(p, (now - started) / 1000)}\u001b[K`);
    },
    done() {
      if (shown) ctx.stderr.write('\r\u001b[K');
    },
  };
}

/** The `--verbose` throughput line. */
export function throughputLine(stats: HashStats): string {
  const rate = stats.seconds > 0 ? stats.bytes / stats.seconds : 0;
  return `hashed ${stats.files} files (${stats.resources} resources, ${formatBytes(stats.bytes)}) in ${stats.seconds.toFixed(2)} s: ${formatBytes(rate)}/s on ${stats.workers === 0 ? 'the main thread' : `${stats.workers} worker threads`}`;
}
