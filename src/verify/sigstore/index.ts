/**
 * Sigstore verification core: offline trust roots, signer policies (keyless identity, key, private
 * PKI), bundle verification that fills `@sigstore/verify`'s gaps, and v0.3 bundle signing.
 */
import { VerificationError } from '../../errors.js';
import type { ReasonCode } from '../types.js';
import type {
  ArtifactInput,
  KeylessSigner,
  KeySigner,
  SignerPolicy,
  SigstoreVerification,
  TrustRoot,
  VerifyBundleOptions,
} from './types.js';

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

const pending = (): never => {
  throw new VerificationError('ERROR', 'not implemented yet');
};

/** The Sigstore public-good trusted root from the installed `@sigstore/tuf` seeds; never fetched. */
export function loadPublicGoodRoot(): TrustRoot {
  return pending();
}

/** Reads a `trusted_root.json` or ClientTrustConfig file. @throws ConfigError TRUST_ROOT_INVALID */
export function loadTrustRootFile(_file: string): TrustRoot {
  return pending();
}

/** Validates a parsed trusted root or ClientTrustConfig. @throws ConfigError TRUST_ROOT_INVALID */
export function trustRootFromJson(_json: unknown, _name?: string): TrustRoot {
  return pending();
}

/**
 * Verifies a bundle (parsed JSON, unknown) offline against an artifact and a signer policy.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   TLOG_INVALID | NO_TRANSPARENCY_PROOF | CERTIFICATE_INVALID | DIGEST_MISMATCH | EXPIRED
 */
export function verifyBundle(
  _bundle: unknown,
  _artifact: ArtifactInput,
  _policy: SignerPolicy,
  _options?: VerifyBundleOptions,
): SigstoreVerification {
  return pending();
}

/** Signs a DSSE envelope into a v0.3 bundle. */
export async function signDsse(_payload: Buffer, _payloadType: string, _signer: KeySigner | KeylessSigner): Promise<object> {
  return pending();
}

/** Signs a message (hashedrekord) into a v0.3 bundle. */
export async function signMessage(_data: Buffer, _signer: KeySigner | KeylessSigner): Promise<object> {
  return pending();
}

/** A stable key id: sha256 of the SPKI DER, hex. */
export function publicKeyHint(_publicKeyPem: string): string {
  return pending();
}

/** The reason code of any thrown value: our code when it is one, else `ERROR`. */
export function toReason(_error: unknown): ReasonCode {
  return 'ERROR';
}
