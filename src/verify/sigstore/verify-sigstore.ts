/**
 * Keyless and key bundles: named steps in a fixed order around `@sigstore/verify`'s Verifier, each
 * adding what the library lacks. Thresholds: keyless needs one tlog entry, one SCT and one signed
 * time, because a short-lived Fulcio certificate is only meaningful at a time someone else attested.
 * Key bundles need none: the key's trust comes from the operator's configuration, and private or
 * offline setups sign without Rekor (model signing's key method emits no tlog). Any tlog entry or
 * timestamp a key bundle does carry is still verified, and the key's validity is checked at those
 * times, or now when there are none.
 */
import type { Bundle } from '@sigstore/bundle';
import type { X509Certificate } from '@sigstore/core';
import { toSignedEntity, Verifier, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { messageOf } from '../../errors.js';
import type { Signer } from '../types.js';
import { accelerateCertificate } from './accelerate.js';
import { describeMaterial, parseBundle } from './bundle.js';
import { artifactBytes, signedContentOf, type SignatureContent } from './content.js';
import { fail, fromLibraryError, type LibraryErrorFacts } from './errors.js';
import { assertIdentity, identityOf, toSigner } from './identity.js';
import { hintOf, keyValidAt, publicKeyFromPem } from './keys.js';
import { parseCertificates } from './pki.js';
import { verifyDssePayload } from './statement.js';
import { assertTlogEntries, rfc3339, signedTimeCount, signedTimesOf, uniqueTimestamps } from './tlog.js';
import { trustMaterialOf } from './trust-root.js';
import type { ArtifactInput, SignerPolicy, SigstoreVerification } from './types.js';

/** The policies this path verifies. */
export type SigstorePolicy = Extract<SignerPolicy, { kind: 'keyless' | 'key' }>;

interface Trust {
  readonly material: TrustMaterial;
  /** Hint of the configured key (key policies), '' for keyless. */
  readonly keyHint: string;
}

type Threshold = SigstoreVerification['threshold'];

/** Step 1, configuration: a broken root or key is the operator's error (exit 2), whatever the bundle. */
function trustOf(policy: SigstorePolicy): Trust {
  if (policy.kind === 'keyless') return { material: trustMaterialOf(policy.trustRoot), keyHint: '' };
  const key = publicKeyFromPem(policy.publicKeyPem);
  const material = trustMaterialOf(policy.trustRoot, () => ({
    publicKey: key,
    validFor: (date: Date) => keyValidAt(policy.validFor, date),
  }));
  return { material, keyHint: hintOf(key) };
}

function hasCertificate(bundle: Bundle): boolean {
  const material = bundle.verificationMaterial.content;
  return material.$case === 'certificate' || material.$case === 'x509CertificateChain';
}

/** Step 3: a keyless policy takes only certificates, a key policy only keys. */
function assertMaterialFitsPolicy(bundle: Bundle, policy: SigstorePolicy, trust: Trust): void {
  if (policy.kind === 'keyless' && !hasCertificate(bundle)) {
    fail(
      'UNTRUSTED_SIGNER',
      `expected identity ${policy.subject ?? policy.subjectRegExp ?? '<any>'} issued by ${policy.issuer}, got ${describeMaterial(bundle)}`,
    );
  }
  if (policy.kind === 'key' && hasCertificate(bundle))
    fail('UNTRUSTED_SIGNER', `expected key ${trust.keyHint}, got ${describeMaterial(bundle)}`);
}

/** Step 5: the library's ASN.1 reader is lenient about tags; OpenSSL's strict DER parse is not. */
function assertStrictCertificates(bundle: Bundle): void {
  const material = bundle.verificationMaterial.content;
  if (material.$case === 'certificate') parseCertificates([material.certificate.rawBytes]);
  if (material.$case === 'x509CertificateChain') parseCertificates(material.x509CertificateChain.certificates.map((cert) => cert.rawBytes));
}

/** Step 7: the library's signed entity with our content and each tlog entry counted once. */
function signedEntityOf(bundle: Bundle, artifact: ArtifactInput, content: SignatureContent): SignedEntity {
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle, artifactBytes(artifact));
  } catch (error) {
    return fail('MALFORMED_BUNDLE', `bundle verification material does not parse (${messageOf(error)})`, error);
  }
  if (entity.key.$case === 'certificate') accelerateCertificate(entity.key.certificate);
  return { ...entity, signature: content, timestamps: uniqueTimestamps(entity.timestamps) };
}

/** Step 8: signed times. Keyless certificates need one (the library crashes without); a key is checked now when there is none. */
function thresholdFor(entity: SignedEntity, policy: SigstorePolicy, trust: Trust, now: Date): Threshold {
  const signedTimes = signedTimeCount(entity.timestamps);
  if (entity.key.$case === 'certificate' && signedTimes === 0) {
    fail(
      'NO_TRANSPARENCY_PROOF',
      'a keyless certificate bundle needs a transparency-log SET or an RFC 3161 timestamp, and this one has neither',
    );
  }
  if (policy.kind === 'keyless') return { tlog: 1, timestamps: 1 };
  if (signedTimes === 0 && !keyValidAt(policy.validFor, now)) fail('EXPIRED', `key ${trust.keyHint} is not valid at ${rfc3339(now)}`);
  return { tlog: 0, timestamps: 0 };
}

/** What the mapping of a library error needs to know about the entity (see LibraryErrorFacts). */
function factsOf(entity: SignedEntity): LibraryErrorFacts {
  const signedTimes = signedTimeCount(entity.timestamps);
  if (entity.key.$case !== 'certificate') return { signedTimes };
  const certificate = entity.key.certificate;
  const times = signedTimesOf(entity.timestamps).map((time) => new Date(time));
  return { signedTimes, certificateValidAtSignedTimes: times.every((time) => certificate.validForDate(time)) };
}

/** Step 9: the library's checks (tlog, SCTs, timestamps, chain, signature), errors mapped to ours. */
function runVerifier(trust: Trust, entity: SignedEntity, threshold: Threshold, bundle: Bundle): void {
  const verifier = new Verifier(trust.material, {
    tlogThreshold: threshold.tlog,
    ctlogThreshold: threshold.tlog,
    timestampThreshold: threshold.timestamps,
  });
  try {
    verifier.verify(entity);
  } catch (error) {
    const mapped = fromLibraryError(error, factsOf(entity));
    const material = bundle.verificationMaterial.content;
    // Hints are free-form (each tool derives its own), so a differing hint is reported, not trusted.
    if (mapped.code === 'SIGNATURE_INVALID' && material.$case === 'publicKey') {
      fail(
        'SIGNATURE_INVALID',
        `signature does not verify with the trusted key ${trust.keyHint} (the bundle names key ${JSON.stringify(material.publicKey.hint)})`,
        error,
      );
    }
    throw mapped;
  }
}

/** Step 10: who signed; a keyless certificate must carry the identity the policy names. */
function signerOf(entity: SignedEntity, policy: SigstorePolicy, trust: Trust): Signer {
  if (policy.kind === 'key') return { identity: `key:${trust.keyHint}`, keyHint: trust.keyHint };
  if (entity.key.$case !== 'certificate') return fail('UNTRUSTED_SIGNER', 'a keyless policy needs a certificate');
  const identity = identityOf(entity.key.certificate as unknown as X509Certificate);
  assertIdentity(identity, policy);
  return toSigner(identity);
}

/**
 * Verifies a keyless or key bundle offline.
 * @throws VerificationError MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID | TLOG_INVALID |
 *   NO_TRANSPARENCY_PROOF | CERTIFICATE_INVALID | DIGEST_MISMATCH | EXPIRED; ConfigError
 *   TRUST_ROOT_INVALID | PUBLIC_KEY_INVALID; InputError ARTIFACT_REQUIRED
 */
export function verifySigstoreBundle(json: unknown, artifact: ArtifactInput, policy: SigstorePolicy, now: Date): SigstoreVerification {
  const trust = trustOf(policy);
  const bundle = parseBundle(json);
  assertMaterialFitsPolicy(bundle, policy, trust);
  assertTlogEntries(bundle);
  assertStrictCertificates(bundle);
  const signed = signedContentOf(bundle, artifact);
  const entity = signedEntityOf(bundle, artifact, signed.content);
  const threshold = thresholdFor(entity, policy, trust, now);
  runVerifier(trust, entity, threshold, bundle);
  const signer = signerOf(entity, policy, trust);
  const statement = signed.dsse === undefined ? undefined : verifyDssePayload(signed.dsse, artifact);
  const trustRoot = policy.trustRoot?.digest;
  return {
    signer,
    timestamps: signedTimesOf(entity.timestamps),
    tlogIndexes: [...new Set(bundle.verificationMaterial.tlogEntries.map((entry) => entry.logIndex))],
    ...(trustRoot === undefined ? {} : { trustRoot }),
    threshold,
    ...(signed.dsse === undefined ? {} : { dsse: signed.dsse }),
    ...(statement === undefined ? {} : { statement }),
  };
}
