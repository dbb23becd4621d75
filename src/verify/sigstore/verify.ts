/**
 * Offline bundle verification, the public entry: a signer policy picks the path. Keyless and key
 * bundles go through `@sigstore/bundle` + `@sigstore/verify` with what the library lacks added as
 * named steps (verify-sigstore.ts); private-PKI bundles are parsed and validated here (verify-pki.ts).
 * Never `sigstore.verify`, never TUF, never the network.
 */
import { ConfigError } from '../../errors.js';
import { fail, fromLibraryError } from './errors.js';
import type { ArtifactInput, SignerPolicy, SigstoreVerification, VerifyBundleOptions } from './types.js';
import { verifyPkiBundle } from './verify-pki.js';
import { verifySigstoreBundle } from './verify-sigstore.js';

/**
 * Verifies a bundle (parsed JSON, unknown) offline against an artifact and a signer policy.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   TLOG_INVALID | NO_TRANSPARENCY_PROOF | CERTIFICATE_INVALID | DIGEST_MISMATCH | EXPIRED;
 *   ConfigError TRUST_ROOT_INVALID | PUBLIC_KEY_INVALID | POLICY_INVALID; InputError ARTIFACT_REQUIRED.
 */
export function verifyBundle(
  bundle: unknown,
  artifact: ArtifactInput,
  policy: SignerPolicy,
  options: VerifyBundleOptions = {},
): SigstoreVerification {
  if (bundle === undefined || bundle === null) fail('UNSIGNED', 'no signature bundle');
  const now = options.now ?? new Date();
  // A keyless policy that names no identity would trust everyone the issuer vouches for.
  if (policy.kind === 'keyless' && policy.subject === undefined && policy.subjectRegExp === undefined) {
    throw new ConfigError(
      'POLICY_INVALID',
      `a keyless signer policy must name the identity (subject or subjectRegExp) it trusts from ${policy.issuer} (got neither)`,
    );
  }
  try {
    switch (policy.kind) {
      case 'certificate':
        return verifyPkiBundle(bundle, artifact, policy, now);
      case 'keyless':
      case 'key':
        return verifySigstoreBundle(bundle, artifact, policy, now);
      default:
        throw new ConfigError('POLICY_INVALID', `unknown signer policy kind ${JSON.stringify((policy as { kind?: unknown }).kind)}`);
    }
  } catch (error) {
    // Fail closed: whatever escaped (a library TypeError included) is a typed rejection.
    throw fromLibraryError(error);
  }
}
