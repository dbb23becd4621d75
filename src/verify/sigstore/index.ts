/**
 * Sigstore verification core: offline trust roots, signer policies (keyless identity, key, private
 * PKI), bundle verification that fills `@sigstore/verify`'s gaps, and v0.3 bundle signing.
 */
export type {
  ArtifactInput,
  InTotoStatement,
  KeylessSigner,
  KeySigner,
  SignerPolicy,
  SigstoreVerification,
  TrustRoot,
  VerifyBundleOptions,
} from './types.js';
export { VerifierPool, verifyBundles, type BatchItem, type BatchOutcome, type VerifierPoolOptions } from './batch.js';
export { type SigstoreErrorCode } from './errors.js';
export { toReason } from '../reason.js';
export { FULCIO_EXTENSIONS } from './identity.js';
export { publicKeyHint } from './keys.js';
export { signDsse, signMessage } from './sign.js';
export { loadPublicGoodRoot, loadTrustRootFile, trustRootFromJson } from './trust-root.js';
export { parseInTotoStatement } from './statement.js';
export { verifyBundle } from './verify.js';
