/** Supply-chain verification core: Sigstore, model signing, npm plugins, API descriptors. */
export type * from './types.js';
export {
  loadPublicGoodRoot,
  loadTrustRootFile,
  publicKeyHint,
  signDsse,
  signMessage,
  toReason,
  trustRootFromJson,
  verifyBundle,
} from './sigstore/index.js';
export type {
  ArtifactInput,
  InTotoStatement,
  KeylessSigner,
  KeySigner,
  SignerPolicy,
  SigstoreVerification,
  TrustRoot,
} from './sigstore/index.js';
export { verifyAgent, type VerifyAgentOptions } from './agent.js';
export {
  agentOutputDir,
  fileDigest,
  parseVerificationReport,
  readVerificationReport,
  reportStaleness,
  verificationReportFile,
  verificationReportSchema,
  MAX_VERIFICATION_REPORT_BYTES,
  VERIFICATION_SCHEMA_VERSION,
  type ReportExpectation,
} from './report.js';
export {
  resolveAuthority,
  selectAuthorities,
  verifyWithAuthorities,
  TrustRootCache,
  type ResolvedAuthority,
  type AuthorizedVerification,
} from './authorities.js';
export {
  verifyNpmPackage,
  buildRegistryKeyRing,
  loadSeedRegistryKeys,
  npmKeyId,
  toNpmPurl,
  readNpmLockfile,
  parseNpmLockfile,
  registryPackages,
  toRegistryUrl,
  readVendored,
  vendoredFile,
  type NpmPackageEvidence,
  type NpmVerification,
} from './npm/index.js';
export {
  verifyApiDescriptor,
  parseApiDescriptor,
  buildApiStatement,
  apiDescriptorSchema,
  API_DESCRIPTOR_PREDICATE,
  type ApiVerification,
} from './api/index.js';
