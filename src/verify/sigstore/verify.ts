/**
 * Offline bundle verification. Keyless and key bundles go through `@sigstore/bundle` +
 * `@sigstore/verify` (`toSignedEntity` -> `Verifier`) with what the library lacks added around
 * it; private-PKI bundles are parsed and validated here (see pki.ts). Never `sigstore.verify`,
 * never TUF, never the network.
 */
import { createHash, timingSafeEqual, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle, type TransparencyLogEntry } from '@sigstore/bundle';
import { dsse, X509Certificate } from '@sigstore/core';
import { toSignedEntity, Verifier, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { ConfigError, InputError, messageOf } from '../../errors.js';
import { accelerateSigstoreCore } from './accelerate.js';
import type { Signer } from '../types.js';
import { fail, fromLibraryError } from './errors.js';
import { assertIdentity, identityOf, toSigner } from './identity.js';
import { hashForKey, hintOf, publicKeyFromPem } from './keys.js';
import { parseCertificates, parseTrustChain, verifyCertificatePath } from './pki.js';
import { verifyPrehashed } from './prehash.js';
import { trustMaterialOf } from './trust-root.js';
import type { ArtifactInput, InTotoStatement, SignerPolicy, SigstoreVerification, VerifyBundleOptions } from './types.js';

accelerateSigstoreCore();

type SignatureContent = SignedEntity['signature'];
type Digest = 'sha256' | 'sha384' | 'sha512';

const IN_TOTO = 'application/vnd.in-toto+json';
const BUNDLE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
]);
/** protobuf-specs HashAlgorithm -> node digest name. */
const HASH_ALGORITHMS: Readonly<Record<number, Digest>> = { 0: 'sha256', 1: 'sha256', 2: 'sha384', 3: 'sha512' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha(algorithm: Digest, ...data: Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  for (const chunk of data) hash.update(chunk);
  return hash.digest();
}

function verifyWithKey(key: KeyObject, data: Uint8Array, signature: Uint8Array, hash: Digest | undefined = hashForKey(key)): boolean {
  try {
    return cryptoVerify(hash ?? null, data, key, signature);
  } catch {
    return false;
  }
}

/** DSSE content whose signature check uses the key's own hash and which accepts Rekor v2's hashedrekord-over-DSSE entries. */
class DsseContent implements SignatureContent {
  readonly signature: Buffer;
  readonly #payloadDigest: Buffer;
  readonly #pae: Buffer;
  readonly #paeDigest: Buffer;
  readonly #acceptPayloadDigest: boolean;
  readonly #acceptPaeDigest: boolean;

  constructor(payloadType: string, payload: Buffer, signature: Buffer, entryKinds: ReadonlySet<string>) {
    this.signature = signature;
    this.#pae = dsse.preAuthEncoding(payloadType, payload);
    this.#payloadDigest = sha('sha256', payload);
    this.#paeDigest = sha('sha256', this.#pae);
    // dsse/intoto entries log the payload hash; Rekor v2 hashedrekord entries log the hash of the PAE.
    this.#acceptPayloadDigest = entryKinds.has('dsse') || entryKinds.has('intoto');
    this.#acceptPaeDigest = entryKinds.has('hashedrekord');
  }

  compareSignature(signature: Buffer): boolean {
    return equalBytes(signature, this.signature);
  }

  compareDigest(digest: Buffer): boolean {
    return (this.#acceptPayloadDigest && equalBytes(digest, this.#payloadDigest)) || (this.#acceptPaeDigest && equalBytes(digest, this.#paeDigest));
  }

  verifySignature(key: KeyObject): boolean {
    return verifyWithKey(key, this.#pae, this.signature);
  }
}

/** Message-signature content bound to the artifact the caller gave us: its bytes, or only its digest. */
class MessageContent implements SignatureContent {
  constructor(
    readonly signature: Buffer,
    readonly digest: Buffer,
    readonly hash: Digest,
    readonly data: Uint8Array | undefined,
  ) {}

  compareSignature(signature: Buffer): boolean {
    return equalBytes(signature, this.signature);
  }

  compareDigest(digest: Buffer): boolean {
    return equalBytes(digest, this.digest);
  }

  verifySignature(key: KeyObject): boolean {
    return this.data === undefined
      ? verifyPrehashed(key, this.hash, this.digest, this.signature)
      : verifyWithKey(key, this.data, this.signature, this.hash);
  }
}

/** Parses and checks the in-toto statement of a DSSE payload. @throws VerificationError MALFORMED_BUNDLE */
export function parseStatement(payload: Buffer): InTotoStatement {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    return fail('MALFORMED_BUNDLE', `DSSE payload of type ${IN_TOTO} is not JSON (${messageOf(error)})`, error);
  }
  const valid =
    isRecord(json) &&
    typeof json['_type'] === 'string' &&
    typeof json['predicateType'] === 'string' &&
    Array.isArray(json['subject']) &&
    json['subject'].every((subject) => isRecord(subject) && isRecord(subject['digest']) && Object.values(subject['digest']).every((v) => typeof v === 'string'));
  if (!valid) fail('MALFORMED_BUNDLE', 'DSSE payload is not an in-toto statement (_type, subject[].digest, predicateType)');
  const statement = json as Record<string, unknown>;
  return {
    _type: statement['_type'] as string,
    subject: (statement['subject'] as Record<string, unknown>[]).map((subject) => ({
      name: typeof subject['name'] === 'string' ? subject['name'] : '',
      digest: { ...(subject['digest'] as Record<string, string>) },
    })),
    predicateType: statement['predicateType'] as string,
    predicate: statement['predicate'],
  };
}

/** Matches the signed DSSE content against the artifact: an in-toto subject digest, or the payload itself. */
function assertDsseArtifact(payload: Buffer, statement: InTotoStatement | undefined, artifact: ArtifactInput): void {
  if (artifact.kind === 'none') return;
  const digestOf = (algorithm: Digest): string =>
    artifact.kind === 'bytes' ? sha(algorithm, artifact.data).toString('hex') : artifact.algorithm === algorithm ? artifact.hex.toLowerCase() : '';
  if (statement === undefined) {
    // A non-in-toto payload is the artifact itself.
    const matches = artifact.kind === 'bytes' ? equalBytes(payload, artifact.data) : sha(artifact.algorithm, payload).toString('hex') === artifact.hex.toLowerCase();
    if (!matches) fail('DIGEST_MISMATCH', 'the artifact is not the signed DSSE payload');
    return;
  }
  // The library never checks DSSE subjects: one of them must carry the artifact's digest.
  const algorithms: readonly Digest[] = artifact.kind === 'bytes' ? ['sha256', 'sha384', 'sha512'] : [artifact.algorithm];
  const matched = statement.subject.some((subject) =>
    algorithms.some((algorithm) => {
      const expected = subject.digest[algorithm];
      return expected !== undefined && expected.toLowerCase() === digestOf(algorithm);
    }),
  );
  if (!matched) {
    const shown = algorithms.map((algorithm) => `${algorithm}:${digestOf(algorithm)}`)[0];
    const signed = statement.subject.map((subject) => `${subject.name}@${Object.entries(subject.digest).map(([a, h]) => `${a}:${h}`).join(',')}`);
    fail('DIGEST_MISMATCH', `artifact ${shown} is not a subject of the signed statement (subjects: ${signed.join('; ') || 'none'})`);
  }
}

function statementOf(payloadType: string, payload: Buffer): InTotoStatement | undefined {
  return payloadType === IN_TOTO ? parseStatement(payload) : undefined;
}

function tlogKey(entry: TransparencyLogEntry): string {
  return `${entry.logId.keyId.toString('hex')}:${entry.logIndex}`;
}

/**
 * The library recomputes the Merkle root and compares it with the signed checkpoint only, so the
 * proof's own `rootHash` and `treeSize` could say anything: require them to agree with the checkpoint.
 */
function assertProofMatchesCheckpoint(entry: TransparencyLogEntry): void {
  const proof = entry.inclusionProof;
  const envelope = proof?.checkpoint?.envelope;
  if (proof === undefined || envelope === undefined) return;
  const [, size, rootHash] = envelope.split('\n');
  if (size !== proof.treeSize || rootHash === undefined || !equalBytes(Buffer.from(rootHash, 'base64'), proof.rootHash)) {
    fail('TLOG_INVALID', `inclusion proof of log entry ${entry.logIndex} disagrees with its checkpoint (tree size or root hash)`);
  }
}

function describeMaterial(bundle: Bundle): string {
  const content = bundle.verificationMaterial.content;
  switch (content.$case) {
    case 'publicKey':
      return `key ${JSON.stringify(content.publicKey.hint)}`;
    case 'certificate':
    case 'x509CertificateChain':
      return 'a certificate';
    default:
      return 'unknown material';
  }
}

function isChainBundleV03(json: unknown): boolean {
  if (!isRecord(json) || !isRecord(json['verificationMaterial'])) return false;
  const mediaType = json['mediaType'];
  return (
    (mediaType === 'application/vnd.dev.sigstore.bundle.v0.3+json' || mediaType === 'application/vnd.dev.sigstore.bundle+json;version=0.3') &&
    json['verificationMaterial']['x509CertificateChain'] !== undefined
  );
}

function parseBundle(json: unknown): Bundle {
  try {
    return bundleFromJSON(json);
  } catch (error) {
    if (isChainBundleV03(json)) {
      return fail('MALFORMED_BUNDLE', 'v0.3 bundles with a certificate chain are private-PKI bundles: verify them with a certificate policy', error);
    }
    return fail('MALFORMED_BUNDLE', `not a valid Sigstore bundle (${messageOf(error)})`, error);
  }
}

function artifactBytes(artifact: ArtifactInput): Buffer | undefined {
  return artifact.kind === 'bytes' ? Buffer.from(artifact.data.buffer, artifact.data.byteOffset, artifact.data.byteLength) : undefined;
}

/** Content of a message-signature bundle, after matching the artifact's digest. */
function messageContent(algorithmId: number, digest: Buffer, signature: Buffer, artifact: ArtifactInput): MessageContent {
  const hash = HASH_ALGORITHMS[algorithmId];
  if (hash === undefined) return fail('MALFORMED_BUNDLE', `unsupported message digest algorithm ${algorithmId}`);
  switch (artifact.kind) {
    case 'none':
      throw new InputError('ARTIFACT_REQUIRED', 'a message-signature bundle can only be verified against the artifact');
    case 'digest':
      if (artifact.algorithm !== hash || digest.toString('hex') !== artifact.hex.toLowerCase()) {
        fail('DIGEST_MISMATCH', `bundle signs ${hash}:${digest.toString('hex')}, artifact is ${artifact.algorithm}:${artifact.hex.toLowerCase()}`);
      }
      // Only the digest is known: the signature is checked over it as a prehash.
      return new MessageContent(signature, digest, hash, undefined);
    case 'bytes': {
      // The signature is verified over the bytes; the logged digest must be theirs too.
      const actual = sha(hash, artifact.data);
      if (!equalBytes(actual, digest)) fail('DIGEST_MISMATCH', `bundle signs ${hash}:${digest.toString('hex')}, artifact is ${hash}:${actual.toString('hex')}`);
      return new MessageContent(signature, digest, hash, artifact.data);
    }
    default:
      return fail('MALFORMED_BUNDLE', 'unknown artifact kind');
  }
}

function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

type SigstorePolicy = Extract<SignerPolicy, { kind: 'keyless' | 'key' }>;

/** The signed content of a library-parsed bundle, bound to the artifact. */
function signedContentOf(
  bundle: Bundle,
  artifact: ArtifactInput,
  entryKinds: ReadonlySet<string>,
): { content: SignatureContent; dsse?: { payloadType: string; payload: Buffer } } {
  switch (bundle.content.$case) {
    case 'dsseEnvelope': {
      const envelope = bundle.content.dsseEnvelope;
      const signature = envelope.signatures[0];
      if (envelope.signatures.length !== 1 || signature === undefined) {
        return fail('MALFORMED_BUNDLE', `DSSE envelope must carry exactly one signature (got ${envelope.signatures.length})`);
      }
      return {
        content: new DsseContent(envelope.payloadType, envelope.payload, signature.sig, entryKinds),
        dsse: { payloadType: envelope.payloadType, payload: envelope.payload },
      };
    }
    case 'messageSignature': {
      const message = bundle.content.messageSignature;
      if (message.messageDigest === undefined) return fail('MALFORMED_BUNDLE', 'message signature without a message digest');
      return { content: messageContent(message.messageDigest.algorithm, message.messageDigest.digest, message.signature, artifact) };
    }
    default:
      return fail('MALFORMED_BUNDLE', 'bundle content is neither a DSSE envelope nor a message signature');
  }
}

/**
 * Keyless and key bundles through the library's Verifier, with our checks around it.
 *
 * Thresholds: keyless needs one tlog entry, one SCT and one signed time, because a short-lived
 * Fulcio certificate is only meaningful at a time someone else attested. Key bundles need none:
 * the key's trust comes from the operator's configuration (not a 10-minute certificate), and
 * private or offline setups sign without Rekor (model signing's key method emits no tlog). Any
 * tlog entry or timestamp a key bundle does carry is still verified, and the key's validity is
 * checked at those times, or now when there are none.
 */
function verifySigstoreBundle(json: unknown, artifact: ArtifactInput, policy: SigstorePolicy, now: Date): SigstoreVerification {
  // Configuration first: a broken root or key is the operator's error (exit 2), whatever the bundle.
  let expectedHint = '';
  let trust: TrustMaterial;
  if (policy.kind === 'key') {
    const key = publicKeyFromPem(policy.publicKeyPem);
    expectedHint = hintOf(key);
    trust = trustMaterialOf(policy.trustRoot, () => ({ publicKey: key, validFor: (date: Date) => keyValidAt(policy, date) }));
  } else {
    trust = trustMaterialOf(policy.trustRoot);
  }
  const bundle = parseBundle(json);
  const material = bundle.verificationMaterial.content;
  const certificateBundle = material.$case === 'certificate' || material.$case === 'x509CertificateChain';
  if (policy.kind === 'keyless' && !certificateBundle) {
    fail('UNTRUSTED_SIGNER', `expected identity ${policy.subject ?? policy.subjectRegExp ?? '<any>'} issued by ${policy.issuer}, got ${describeMaterial(bundle)}`);
  }
  if (policy.kind === 'key' && certificateBundle) fail('UNTRUSTED_SIGNER', `expected key ${expectedHint}, got ${describeMaterial(bundle)}`);

  const entries = bundle.verificationMaterial.tlogEntries;
  entries.forEach(assertProofMatchesCheckpoint);
  // The library's ASN.1 reader is lenient about tags; OpenSSL's strict DER parse is not.
  if (material.$case === 'certificate') parseCertificates([material.certificate.rawBytes]);
  if (material.$case === 'x509CertificateChain') parseCertificates(material.x509CertificateChain.certificates.map((cert) => cert.rawBytes));
  const signed = signedContentOf(bundle, artifact, new Set(entries.map((entry) => entry.kindVersion?.kind ?? '')));

  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle, artifactBytes(artifact));
  } catch (error) {
    return fail('MALFORMED_BUNDLE', `bundle verification material does not parse (${messageOf(error)})`, error);
  }
  // Duplicate tlog entries (same log, same index) are counted once; every copy is still verified.
  const seen = new Set<string>();
  const timestamps = entity.timestamps.filter((timestamp) => {
    if (timestamp.$case !== 'transparency-log') return true;
    const key = tlogKey(timestamp.tlogEntry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  entity = { ...entity, signature: signed.content, timestamps };

  const verifiableTimes = timestamps.filter(
    (timestamp) => timestamp.$case === 'timestamp-authority' || timestamp.tlogEntry.inclusionPromise !== undefined,
  ).length;
  // Short-lived (keyless) certificates are only trustworthy with a signed time; the library crashes without one.
  if (certificateBundle && verifiableTimes === 0) {
    fail('NO_TRANSPARENCY_PROOF', 'a keyless certificate bundle needs a transparency-log SET or an RFC 3161 timestamp, and this one has neither');
  }

  const threshold = policy.kind === 'keyless' ? { tlog: 1, timestamps: 1 } : { tlog: 0, timestamps: 0 };
  // A key bundle without any signed time is checked against the key's validity now.
  if (policy.kind === 'key' && verifiableTimes === 0 && !keyValidAt(policy, now)) fail('EXPIRED', `key ${expectedHint} is not valid at ${rfc3339(now)}`);
  const verifier = new Verifier(trust, {
    tlogThreshold: threshold.tlog,
    ctlogThreshold: threshold.tlog,
    timestampThreshold: threshold.timestamps,
  });
  try {
    verifier.verify(entity);
  } catch (error) {
    const mapped = fromLibraryError(error);
    // Hints are free-form (each tool derives its own), so a differing hint is reported, not trusted.
    if (mapped.code === 'SIGNATURE_INVALID' && material.$case === 'publicKey') {
      fail('SIGNATURE_INVALID', `signature does not verify with the trusted key ${expectedHint} (the bundle names key ${JSON.stringify(material.publicKey.hint)})`, error);
    }
    throw mapped;
  }

  let signer: Signer;
  if (policy.kind === 'keyless') {
    const identity = identityOf((entity.key as unknown as { certificate: X509Certificate }).certificate);
    assertIdentity(identity, policy);
    signer = toSigner(identity);
  } else {
    signer = { identity: `key:${expectedHint}`, keyHint: expectedHint };
  }

  const dsseResult = signed.dsse;
  let statement: InTotoStatement | undefined;
  if (dsseResult !== undefined) {
    statement = statementOf(dsseResult.payloadType, dsseResult.payload);
    assertDsseArtifact(dsseResult.payload, statement, artifact);
  }

  const times = timestamps
    .map((timestamp) =>
      timestamp.$case === 'timestamp-authority'
        ? timestamp.timestamp.signingTime
        : timestamp.tlogEntry.inclusionPromise === undefined
          ? undefined
          : new Date(Number(timestamp.tlogEntry.integratedTime) * 1000),
    )
    .filter((date): date is Date => date !== undefined)
    .map(rfc3339);
  const uniqueTimes = [...new Set(times)];
  const trustRoot = policy.trustRoot?.digest;
  return {
    signer,
    timestamps: uniqueTimes,
    tlogIndexes: [...new Set(entries.map((entry) => entry.logIndex))],
    ...(trustRoot === undefined ? {} : { trustRoot }),
    threshold,
    ...(dsseResult === undefined ? {} : { dsse: dsseResult }),
    ...(statement === undefined ? {} : { statement }),
  };
}

function toDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function keyValidAt(policy: Extract<SignerPolicy, { kind: 'key' }>, date: Date): boolean {
  const start = toDate(policy.validFor?.start);
  const end = toDate(policy.validFor?.end);
  return (start === undefined || start <= date) && (end === undefined || date <= end);
}

// ---- private PKI -------------------------------------------------------------------------------

function base64Field(value: unknown, where: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value.replace(/\s/g, ''))) {
    return fail('MALFORMED_BUNDLE', `${where} must be base64`);
  }
  return Buffer.from(value, 'base64');
}

interface PkiBundle {
  readonly certificates: Buffer[];
  readonly content:
    | { readonly kind: 'dsse'; readonly payloadType: string; readonly payload: Buffer; readonly signature: Buffer }
    | { readonly kind: 'message'; readonly algorithm: number; readonly digest: Buffer; readonly signature: Buffer };
}

const MESSAGE_ALGORITHMS: Readonly<Record<string, number>> = { SHA2_256: 1, SHA2_384: 2, SHA2_512: 3 };

/** Parses a bundle signed through a private PKI (the library refuses v0.3 chains). */
function parsePkiBundle(json: unknown): PkiBundle {
  if (!isRecord(json)) return fail('MALFORMED_BUNDLE', 'bundle is not a JSON object');
  if (typeof json['mediaType'] !== 'string' || !BUNDLE_MEDIA_TYPES.has(json['mediaType'])) {
    fail('MALFORMED_BUNDLE', `unknown bundle media type ${JSON.stringify(json['mediaType'])}`);
  }
  const material = json['verificationMaterial'];
  if (!isRecord(material)) return fail('MALFORMED_BUNDLE', 'bundle has no verificationMaterial');
  let certificates: Buffer[];
  const chain = material['x509CertificateChain'];
  const single = material['certificate'];
  if (isRecord(chain) && Array.isArray(chain['certificates']) && chain['certificates'].length > 0) {
    certificates = chain['certificates'].map((cert, index) =>
      base64Field(isRecord(cert) ? cert['rawBytes'] : undefined, `verificationMaterial.x509CertificateChain.certificates[${index}].rawBytes`),
    );
  } else if (isRecord(single)) {
    certificates = [base64Field(single['rawBytes'], 'verificationMaterial.certificate.rawBytes')];
  } else {
    return fail('UNTRUSTED_SIGNER', 'expected a certificate signed by the configured CA, got a bundle without a certificate');
  }
  const envelope = json['dsseEnvelope'];
  const message = json['messageSignature'];
  if (isRecord(envelope) && message === undefined) {
    const signatures = envelope['signatures'];
    if (!Array.isArray(signatures) || signatures.length !== 1 || !isRecord(signatures[0])) {
      fail('MALFORMED_BUNDLE', 'DSSE envelope must carry exactly one signature');
    }
    const payloadType = envelope['payloadType'];
    if (typeof payloadType !== 'string' || payloadType === '') return fail('MALFORMED_BUNDLE', 'DSSE envelope has no payloadType');
    return {
      certificates,
      content: {
        kind: 'dsse',
        payloadType,
        payload: base64Field(envelope['payload'], 'dsseEnvelope.payload'),
        signature: base64Field((signatures as Record<string, unknown>[])[0]!['sig'], 'dsseEnvelope.signatures[0].sig'),
      },
    };
  }
  if (isRecord(message) && envelope === undefined && isRecord(message['messageDigest'])) {
    const algorithm = MESSAGE_ALGORITHMS[String(message['messageDigest']['algorithm'])];
    if (algorithm === undefined) return fail('MALFORMED_BUNDLE', 'unsupported message digest algorithm');
    return {
      certificates,
      content: {
        kind: 'message',
        algorithm,
        digest: base64Field(message['messageDigest']['digest'], 'messageSignature.messageDigest.digest'),
        signature: base64Field(message['signature'], 'messageSignature.signature'),
      },
    };
  }
  return fail('MALFORMED_BUNDLE', 'bundle must hold exactly one of dsseEnvelope or messageSignature');
}

/** The first URI or email SAN of a certificate, without node's `URI:`/`email:` prefixes. */
function subjectAltNameOf(der: Buffer): string | undefined {
  try {
    return X509Certificate.parse(Buffer.from(der)).subjectAltName;
  } catch {
    return undefined;
  }
}

function verifyPkiBundle(json: unknown, artifact: ArtifactInput, policy: Extract<SignerPolicy, { kind: 'certificate' }>, now: Date): SigstoreVerification {
  const trustChain = parseTrustChain(policy.chainPem);
  const parsed = parsePkiBundle(json);
  const certificates = parseCertificates(parsed.certificates);
  const { leaf, path, key } = verifyCertificatePath(certificates, trustChain, now);
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
    const statement = statementOf(payloadType, payload);
    assertDsseArtifact(payload, statement, artifact);
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

/**
 * Verifies a bundle (parsed JSON, unknown) offline against an artifact and a signer policy.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   TLOG_INVALID | NO_TRANSPARENCY_PROOF | CERTIFICATE_INVALID | DIGEST_MISMATCH | EXPIRED;
 *   ConfigError TRUST_ROOT_INVALID | PUBLIC_KEY_INVALID; InputError ARTIFACT_REQUIRED.
 */
export function verifyBundle(bundle: unknown, artifact: ArtifactInput, policy: SignerPolicy, options: VerifyBundleOptions = {}): SigstoreVerification {
  if (bundle === undefined || bundle === null) fail('UNSIGNED', 'no signature bundle');
  const now = options.now ?? new Date();
  // A keyless policy that names no identity would trust everyone the issuer vouches for.
  if (policy.kind === 'keyless' && policy.subject === undefined && policy.subjectRegExp === undefined) {
    throw new ConfigError('POLICY_INVALID', `a keyless signer policy must name the identity (subject or subjectRegExp) it trusts from ${policy.issuer} (got neither)`);
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
