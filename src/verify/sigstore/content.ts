/**
 * Step "bind": the signed content of a bundle, tied to the artifact the caller gave. The library's
 * own content classes hash with SHA-256 whatever the key, and cannot check a signature over a digest
 * only; these replace them in the signed entity.
 */
import { createHash, timingSafeEqual, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import type { SignedEntity } from '@sigstore/verify';
import { InputError } from '../../errors.js';
import { fail } from './errors.js';
import { hashForKey } from './keys.js';
import { verifyPrehashed } from './prehash.js';
import type { ArtifactInput } from './types.js';

/** The library's signature-content interface. */
export type SignatureContent = SignedEntity['signature'];
/** Hashes a signature or digest may use. */
export type Digest = 'sha256' | 'sha384' | 'sha512';

/** protobuf-specs HashAlgorithm -> node digest name. */
const HASH_ALGORITHMS: Readonly<Record<number, Digest>> = { 0: 'sha256', 1: 'sha256', 2: 'sha384', 3: 'sha512' };

/** Constant-time equality of two byte strings of any length. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The digest of the concatenated chunks. */
export function sha(algorithm: Digest, ...data: Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  for (const chunk of data) hash.update(chunk);
  return hash.digest();
}

/** A signature check that never throws, with the key's own hash unless one is given. */
export function verifyWithKey(
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
  hash: Digest | undefined = hashForKey(key),
): boolean {
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
    return (
      (this.#acceptPayloadDigest && equalBytes(digest, this.#payloadDigest)) ||
      (this.#acceptPaeDigest && equalBytes(digest, this.#paeDigest))
    );
  }

  verifySignature(key: KeyObject): boolean {
    return verifyWithKey(key, this.#pae, this.signature);
  }
}

/** Message-signature content bound to the artifact the caller gave us: its bytes, or only its digest. */
export class MessageContent implements SignatureContent {
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

/** The artifact's bytes as a Buffer, when the caller has them. */
export function artifactBytes(artifact: ArtifactInput): Buffer | undefined {
  return artifact.kind === 'bytes' ? Buffer.from(artifact.data.buffer, artifact.data.byteOffset, artifact.data.byteLength) : undefined;
}

/**
 * Content of a message-signature bundle, after matching the artifact's digest.
 * @throws VerificationError MALFORMED_BUNDLE | DIGEST_MISMATCH; InputError ARTIFACT_REQUIRED
 */
export function messageContent(algorithmId: number, digest: Buffer, signature: Buffer, artifact: ArtifactInput): MessageContent {
  const hash = HASH_ALGORITHMS[algorithmId];
  if (hash === undefined) return fail('MALFORMED_BUNDLE', `unsupported message digest algorithm ${algorithmId}`);
  switch (artifact.kind) {
    case 'none':
      throw new InputError('ARTIFACT_REQUIRED', 'a message-signature bundle can only be verified against the artifact');
    case 'digest':
      if (artifact.algorithm !== hash || digest.toString('hex') !== artifact.hex.toLowerCase()) {
        fail(
          'DIGEST_MISMATCH',
          `bundle signs ${hash}:${digest.toString('hex')}, artifact is ${artifact.algorithm}:${artifact.hex.toLowerCase()}`,
        );
      }
      // Only the digest is known: the signature is checked over it as a prehash.
      return new MessageContent(signature, digest, hash, undefined);
    case 'bytes': {
      // The signature is verified over the bytes; the logged digest must be theirs too.
      const actual = sha(hash, artifact.data);
      if (!equalBytes(actual, digest))
        fail('DIGEST_MISMATCH', `bundle signs ${hash}:${digest.toString('hex')}, artifact is ${hash}:${actual.toString('hex')}`);
      return new MessageContent(signature, digest, hash, artifact.data);
    }
    default:
      return fail('MALFORMED_BUNDLE', 'unknown artifact kind');
  }
}

/** A library-parsed bundle's signed content, and its DSSE payload when it has one. */
export interface SignedContent {
  readonly content: SignatureContent;
  readonly dsse?: { readonly payloadType: string; readonly payload: Buffer };
}

/**
 * The signed content of a library-parsed bundle, bound to the artifact.
 * @throws VerificationError MALFORMED_BUNDLE | DIGEST_MISMATCH; InputError ARTIFACT_REQUIRED
 */
export function signedContentOf(bundle: Bundle, artifact: ArtifactInput): SignedContent {
  const entryKinds = new Set(bundle.verificationMaterial.tlogEntries.map((entry) => entry.kindVersion?.kind ?? ''));
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
      // Typed as required, yet a bundle from outside may lack it.
      const digest = message.messageDigest as (typeof message)['messageDigest'] | undefined;
      if (digest === undefined) return fail('MALFORMED_BUNDLE', 'message signature without a message digest');
      return { content: messageContent(digest.algorithm, digest.digest, message.signature, artifact) };
    }
    default:
      return fail('MALFORMED_BUNDLE', 'bundle content is neither a DSSE envelope nor a message signature');
  }
}
