/**
 * Performance shims for `@sigstore/core`, output-identical to the library code they replace:
 * - `ASN1Obj.prototype.toDER` re-encoded every node through a growing ByteStream (a new buffer and
 *   reallocations per node, per call); this version sizes the encoding first and writes it once.
 * - `crypto.createPublicKey` rebuilt the CA's KeyObject for every certificate check; DER keys are
 *   memoised by their bytes (KeyObjects are immutable).
 * - `X509Certificate.prototype.verify` re-checked the trusted root's own CA certificates (root
 *   self-signature, intermediate by root) on every bundle; for certificates of the trust material
 *   only (see {@link markTrusted}) the result is memoised per issuer key. Bundle certificates are
 *   always checked afresh.
 * Installed once per copy of `@sigstore/core` (the top-level one and the one `@sigstore/verify` pins).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';

interface Asn1Node {
  readonly tag: { toDER(): number };
  readonly subs: readonly Asn1Node[];
  readonly value: Uint8Array;
}
type ToDer = (this: Asn1Node) => Buffer;
type CreatePublicKey = (key: string | Buffer, type?: 'spki' | 'pkcs1') => KeyObject;

const INSTALLED = Symbol.for('agentfence.sigstore.accelerated');
const KEY_CACHE_LIMIT = 1024;

function lengthOfLength(length: number): number {
  if (length < 0x80) return 1;
  let bytes = 0;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes++;
  return 1 + bytes;
}

function contentLength(node: Asn1Node, sizes: Map<Asn1Node, number>): number {
  let length = 0;
  if (node.subs.length > 0) {
    for (const sub of node.subs) {
      const inner = contentLength(sub, sizes);
      length += 1 + lengthOfLength(inner) + inner;
    }
  } else {
    length = node.value.length;
  }
  sizes.set(node, length);
  return length;
}

function write(node: Asn1Node, out: Buffer, offset: number, sizes: Map<Asn1Node, number>): number {
  const length = sizes.get(node)!;
  out[offset++] = node.tag.toDER();
  if (length < 0x80) {
    out[offset++] = length;
  } else {
    const bytes = lengthOfLength(length) - 1;
    out[offset++] = 0x80 | bytes;
    for (let i = bytes - 1; i >= 0; i--) out[offset++] = Math.floor(length / 256 ** i) % 256;
  }
  if (node.subs.length > 0) {
    for (const sub of node.subs) offset = write(sub, out, offset, sizes);
  } else {
    out.set(node.value, offset);
    offset += node.value.length;
  }
  return offset;
}

/** DER encoding of a parsed ASN.1 tree in one allocation; byte-identical to the library's. */
export const fastToDER: ToDer = function (this: Asn1Node): Buffer {
  const sizes = new Map<Asn1Node, number>();
  const content = contentLength(this, sizes);
  const out = Buffer.allocUnsafe(1 + lengthOfLength(content) + content);
  write(this, out, 0, sizes);
  return out;
};

function memoisedKeys(original: CreatePublicKey): CreatePublicKey {
  const cache = new Map<string, KeyObject>();
  return (key, type = 'spki') => {
    if (typeof key === 'string' && key.startsWith('-----')) return original(key, type);
    const id = `${type}:${typeof key === 'string' ? key : key.toString('base64')}`;
    let found = cache.get(id);
    if (found === undefined) {
      found = original(key, type);
      if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
      cache.set(id, found);
    }
    return found;
  };
}

type CertVerify = (this: object, issuer?: { publicKey: Buffer }) => boolean;

/** The original implementations, kept for the equivalence tests. */
export const originals: { toDER?: ToDer; createPublicKey?: CreatePublicKey } = {};

const trustedCertificates = new WeakSet<object>();
const verified = new WeakMap<object, Map<string, boolean>>();

/** Marks parsed certificates of a trusted root (CA and TSA chains) so their own checks run once. */
export function markTrusted(certificates: Iterable<object>): void {
  for (const certificate of certificates) trustedCertificates.add(certificate);
}

function memoisedVerify(original: CertVerify): CertVerify {
  return function (this: object, issuer?: { publicKey: Buffer }): boolean {
    if (!trustedCertificates.has(this)) return original.call(this, issuer);
    const key = issuer === undefined ? 'self' : issuer.publicKey.toString('base64');
    let results = verified.get(this);
    if (results === undefined) verified.set(this, (results = new Map()));
    let result = results.get(key);
    if (result === undefined) {
      result = original.call(this, issuer);
      results.set(key, result);
    }
    return result;
  };
}

/** Installs the shims into every `@sigstore/core` copy the verifier uses. Idempotent. */
export function accelerateSigstoreCore(): void {
  const require = createRequire(import.meta.url);
  const roots = new Set<string>();
  for (const from of [import.meta.url, require.resolve('@sigstore/verify')]) {
    try {
      roots.add(path.dirname(createRequire(from).resolve('@sigstore/core/package.json')));
    } catch {
      // A missing copy is not ours to patch.
    }
  }
  for (const root of roots) {
    const asn1 = require(path.join(root, 'dist/asn1/obj.js')) as { ASN1Obj: { prototype: Record<string | symbol, unknown> } };
    const crypto = require(path.join(root, 'dist/crypto.js')) as Record<string | symbol, unknown>;
    const x509 = require(path.join(root, 'dist/x509/cert.js')) as { X509Certificate: { prototype: Record<string | symbol, unknown> } };
    const certProto = x509.X509Certificate.prototype;
    if (certProto[INSTALLED] !== true) {
      certProto['verify'] = memoisedVerify(certProto['verify'] as CertVerify);
      certProto[INSTALLED] = true;
    }
    const proto = asn1.ASN1Obj.prototype;
    if (proto[INSTALLED] !== true) {
      originals.toDER ??= proto['toDER'] as ToDer;
      proto['toDER'] = fastToDER;
      proto[INSTALLED] = true;
    }
    if (crypto[INSTALLED] !== true) {
      originals.createPublicKey ??= crypto['createPublicKey'] as CreatePublicKey;
      crypto['createPublicKey'] = memoisedKeys(crypto['createPublicKey'] as CreatePublicKey);
      crypto[INSTALLED] = true;
    }
  }
}
