/** CycloneDX SBOM generation, diff, minimum-elements scorecard and report rendering. */
export { buildSbom, type BuiltSbom } from './build.js';
export { agentRef, apiRef, dataRef, modelRef, pluginRef, NOT_VERIFIED } from './refs.js';
export { buildAgentSbom, type AgentSbomOptions } from './agent.js';
export { gatherSbomInput, readModelStatement, relativizeVerification, type GatherOptions } from './inputs.js';
export { lockfilePlugins } from './lockfile.js';
export { npmPurl, purlIdentity, sriToHash } from './purl.js';
export { DEFAULT_SPEC, SpecProfiles, toSpecProfile, type SpecProfile, type SpecVersion } from './spec.js';
export { MAX_SBOM_BYTES, parseCycloneDx, validateCycloneDx, SbomInvalidError, type ParsedBom, type SchemaIssue } from './validate.js';
export { scoreSbom, renderScorecardText, type Scorecard, type ScoreElement } from './scorecard.js';
export { diffSboms, renderDiffText, SEVERITIES, type SbomDiff, type DiffFlag, type FlagSeverity } from './diff.js';
export type * from './types.js';
export { renderReport, reportVerdict, supplyChainRows, trustBoundarySvg, type ReportInput, type Verdict } from './report.js';
export { sbomTimestamp, committedTimestamp } from './timestamp.js';
export { committedVcsBase, vcsProperties, EXTERNAL_REFERENCES, EXTERNAL_REFERENCES_BASE } from './vcs.js';
export { fetchPackageInfo, packageInfoFromTarball, toPackageInfo, normalizeRepositoryUrl, type JsonFetcher } from './package-info.js';
export { renderFleetReport, renderFleetText, fleetVerdict, usageIndex, type FleetAgent, type FleetInput, type UsageEntry } from './fleet.js';
export { vouchersOf, HOSTED_ALLOW_LIST, type Voucher } from './vouchers.js';
