/**
 * Private-PKI bundles, in steps: parse (pki.ts), the certification path to the configured root
 * (pki-path.ts), the signature with the leaf's key, the signed content against the artifact.
 */
import { dsse, X509Certificate } from '@sigstore/core';
import type { Signer } from '../types.js';
import { messageContent, verifyWithKey } from './content.js';
import { fail } from './errors.js';
import { hintOf } from './keys.js';
import { parseCertificates, parsePkiBundle, parseTrustChain } from './pki.js';
import { verifyCertificatePath } from './pki-path.js';
import { verifyDssePayload } from './statement.js';
import type { ArtifactInput, SignerPolicy, SigstoreVerification } from './types.js';

/** The policy this path verifies. */
export type CertificatePolicy = Extract<SignerPolicy, { kind: 'certificate' }>;

/** The first URI or email SAN of a certificate, without node's `URI:`/`email:` prefixes. */
function subjectAltNameOf(der: Buffer): string | undefined {
  try {
    return X509Certificate.parse(Buffer.from(der)).subjectAltName;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a bundle signed by a leaf of the operator's own CA, at `now`.
 * @throws VerificationError MALFORMED_BUNDLE | UNTRUSTED_SIGNER | CERTIFICATE_INVALID | EXPIRED |
 *   SIGNATURE_INVALID | DIGEST_MISMATCH; ConfigError TRUST_ROOT_INVALID; InputError ARTIFACT_REQUIRED
 */
export function verifyPkiBundle(json: unknown, artifact: ArtifactInput, policy: CertificatePolicy, now: Date): SigstoreVerification {
  const trustChain = parseTrustChain(policy.chainPem);
  const parsed = parsePkiBundle(json);
  const { leaf, path, key } = verifyCertificatePath(parseCertificates(parsed.certificates), trustChain, now);
  const signer: Signer = {
    identity: subjectAltNameOf(leaf.raw) ?? leaf.subject,
    issuer: path[path.length - 1]?.subject ?? leaf.issuer,
    keyHint: hintOf(key),
  };
  const threshold = { tlog: 0, timestamps: 0 };
  if (parsed.content.kind === 'dsse') {
    const { payloadType, payload, signature } = parsed.content;
    // The signature over the DSSE pre-authentication encoding, with the hash of the leaf key's curve.
    if (!verifyWithKey(key, dsse.preAuthEncoding(payloadType, payload), signature)) {
      fail('SIGNATURE_INVALID', `DSSE signature does not verify with the key of ${leaf.subject}`);
    }
    const statement = verifyDssePayload({ payloadType, payload }, artifact);
    return {
      signer,
      timestamps: [],
      tlogIndexes: [],
      threshold,
      dsse: { payloadType, payload },
      ...(statement === undefined ? {} : { statement }),
    };
  }
  const content = messageContent(parsed.content.algorithm, parsed.content.digest, parsed.content.signature, artifact);
  if (!content.verifySignature(key)) fail('SIGNATURE_INVALID', `message signature does not verify with the key of ${leaf.subject}`);
  return { signer, timestamps: [], tlogIndexes: [], threshold };
}
