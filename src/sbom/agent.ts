/**
 * The SBOM of one loaded agent, and where its verification verdicts come from. The committed
 * SBOMs are produced with the verifier run in-process (`run`), so they always describe the
 * artifacts as they are now and `sbom --check` gives the same bytes on a clean clone; `file`
 * reuses a fresh `.agentfence/<agent>/verification.json`; `none` marks everything not-verified.
 */
import { createRequire } from 'node:module';
import type { LoadedAgent } from '../manifest/load.js';
import type { VerificationReport } from '../verify/types.js';
import { buildSbom, type BuiltSbom } from './build.js';
import { gatherSbomInput } from './inputs.js';
import type { SpecProfile } from './spec.js';
import type { VerificationSource } from './types.js';

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
