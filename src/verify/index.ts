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
