/**
 * The SBOM of one loaded agent, and where its verification verdicts come from. The committed
 * SBOMs are produced with the verifier run in-process (`run`), so they always describe the
 * artifacts as they are now and `sbom --check` gives the same bytes on a clean clone; `file`
 * reuses a fresh `.agentfence/verification.json`; `none` marks everything not-verified.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LoadedAgent } from '../manifest/load.js';
import type { VerificationReport } from '../verify/types.js';
import { buildSbom, type BuiltSbom } from './build.js';
import { gatherSbomInput } from './inputs.js';
import type { SpecProfile } from './spec.js';
import type { VerificationSource } from './types.js';

/** Path of the verifier's report under a project root. */
export function verificationFile(projectRoot: string): string {
  return path.join(projectRoot, '.agentfence', 'verification.json');
}

/** `sha256:<hex>` of a manifest file, as the verification report records it. */
export function manifestDigest(manifestFile: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(manifestFile)).digest('hex')}`;
}

/**
 * Reads `.agentfence/verification.json` when it exists, parses, is about this agent and is fresh
 * (its manifestDigest equals the manifest's sha256); otherwise undefined with the reason.
 */
export function readFreshVerification(
  agent: LoadedAgent,
): { report: VerificationReport; problem?: undefined } | { report?: undefined; problem: string } {
  const file = verificationFile(agent.location.projectRoot);
  if (!existsSync(file)) return { problem: `no ${path.relative(agent.location.projectRoot, file)}; run agentfence verify ${agent.location.name}` };
  if (statSync(file).size > 16 * 1024 * 1024) return { problem: `${file} is too large` };
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: `${file} is not JSON (${(error as Error).message})` };
  }
  const r = report as Partial<VerificationReport> | null;
  if (r === null || typeof r !== 'object' || r.schemaVersion !== 'agentfence.verification/v1' || !Array.isArray(r.results)) {
    return { problem: `${file} is not an agentfence.verification/v1 report` };
  }
  // a report about another manifest (or an older version of this one) says nothing about this one
  if (r.manifestDigest !== manifestDigest(agent.manifest.file)) {
    return { problem: `${file} is stale (its manifestDigest is not this manifest's); run agentfence verify ${agent.location.name}` };
  }
  return { report: report as VerificationReport };
}

export { toolIdentity } from '../version.js';
import { toolIdentity } from '../version.js';

/** The installed @cyclonedx/cyclonedx-library version. */
export function libraryVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@cyclonedx/cyclonedx-library/package.json') as { version: string }).version;
}

export interface AgentSbomOptions {
  readonly profile: SpecProfile;
  readonly verification?: VerificationReport;
  readonly verificationSource: VerificationSource;
  /** ISO 8601; the CLI passes SOURCE_DATE_EPOCH or now (see {@link sbomTimestamp}). */
  readonly timestamp?: string;
  /** VCS base URL that project paths resolve against. */
  readonly repositoryUrl?: string;
  /** Registry package metadata (`--online`), by `name@version`. */
  readonly packageInfo?: ReadonlyMap<string, import('./types.js').PackageInfo>;
}

/**
 * Builds the validated SBOM of a loaded agent.
 * @throws InputError LOCKFILE_* for unreadable plugin lockfiles; ConfigError SBOM_INVALID_OUTPUT on a bug.
 */
export async function buildAgentSbom(agent: LoadedAgent, options: AgentSbomOptions): Promise<BuiltSbom> {
  const input = gatherSbomInput({
    agentName: agent.location.name,
    manifest: agent.manifest.manifest,
    manifestFile: agent.manifest.file,
    stackDir: agent.manifest.stackDir,
    projectRoot: agent.location.projectRoot,
    ...(options.verification === undefined ? {} : { verification: options.verification }),
    verificationSource: options.verificationSource,
    tool: toolIdentity(),
    libraryVersion: libraryVersion(),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.repositoryUrl === undefined ? {} : { repositoryUrl: options.repositoryUrl }),
    ...(options.packageInfo === undefined ? {} : { packageInfo: options.packageInfo }),
  });
  return buildSbom(input, options.profile);
}
