/**
 * Speed-ups for `@sigstore/verify`, confined to objects agentfence itself holds: the certificates of
 * the trust material it built from a root it loaded, and the certificate parsed out of the bundle it
 * is verifying. No prototype and no module export is replaced, so any other user of `@sigstore/core`
 * in the process gets the library as shipped.
 * - `ASN1Obj#toDER` re-encodes every node through a growing ByteStream on every call; the bundle
 *   certificate's nodes get an own `toDER` that sizes the encoding first and writes it once
 *   (byte-identical, checked once per library copy before it is used).
 * - The trust material's CA certificates are re-encoded and their own signatures re-checked on every
 *   bundle; on those instances the DER is kept and `verify(issuer)` is memoised per issuer key.
 * - The bundle certificate's check against a trusted issuer rebuilt the issuer's KeyObject each time;
 *   its own `verify` uses the issuer's key built once (same node:crypto call, same arguments).
 * Each speed-up checks the shape it relies on first and is skipped when the library's layout differs:
 * verification is then slower, never different and never an error.
 */
import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { present } from '../../invariant.js';

/** The parts of `@sigstore/core`'s ASN1Obj the encoder reads. */
interface Asn1Node {
  readonly tag: { toDER(): number };
  readonly subs: readonly Asn1Node[];
  readonly value: Uint8Array;
  toDER(): Buffer;
}

type CertVerify = (issuer?: { readonly publicKey: Buffer }) => boolean;

/** The parts of `@sigstore/core`'s X509Certificate a bundle certificate's own `verify` reads. */
interface SignedCertificate {
  readonly tbsCertificate: Asn1Node;
  readonly signatureValue: Buffer;
  readonly signatureAlgorithm: string | undefined;
}

/** Public keys of the trusted certificates this module accelerated, built once. */
const trustedKeys = new WeakMap<object, KeyObject>();

/** A tree deeper than any certificate is not walked (and so not accelerated). */
const MAX_DEPTH = 32;

function isNode(value: unknown): value is Asn1Node {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Partial<Record<keyof Asn1Node, unknown>>;
  const tag = node.tag as { toDER?: unknown } | null | undefined;
  return (
    typeof node.toDER === 'function' &&
    Array.isArray(node.subs) &&
    node.value instanceof Uint8Array &&
    typeof tag === 'object' &&
    tag !== null &&
    typeof tag.toDER === 'function'
  );
}

/** Node's X509 check of a certificate signature, exactly as `@sigstore/core`'s `crypto.verify` makes it. */
function verifySignedBy(certificate: SignedCertificate, key: KeyObject): boolean {
  try {
    return cryptoVerify(certificate.signatureAlgorithm, certificate.tbsCertificate.toDER(), key, certificate.signatureValue);
  } catch {
    return false;
  }
}

/** Every node of a tree, or undefined when any node is not an ASN1Obj as this module knows it. */
function nodesOf(root: unknown): Asn1Node[] | undefined {
  const nodes: Asn1Node[] = [];
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH || !isNode(node)) return false;
    nodes.push(node);
    return node.subs.every((sub) => visit(sub, depth + 1));
  };
  return visit(root, 0) ? nodes : undefined;
}

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
  const length = sizes.get(node) ?? 0;
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

/** DER encoding of a parsed ASN.1 tree in one allocation; byte-identical to the library's `toDER`. */
export function fastToDER(node: Asn1Node): Buffer {
  const sizes = new Map<Asn1Node, number>();
  const content = contentLength(node, sizes);
  const out = Buffer.allocUnsafe(1 + lengthOfLength(content) + content);
  write(node, out, 0, sizes);
  return out;
}

/** Per library copy (the node's prototype): does our encoder reproduce its `toDER`? */
const encoderAgrees = new WeakMap<object, boolean>();

function encoderAgreesWith(root: Asn1Node): boolean {
  const prototype = Object.getPrototypeOf(root) as object | null;
  if (prototype === null) return false;
  let agrees = encoderAgrees.get(prototype);
  if (agrees === undefined) {
    try {
      agrees = fastToDER(root).equals(root.toDER());
    } catch {
      agrees = false;
    }
    encoderAgrees.set(prototype, agrees);
  }
  return agrees;
}

function defineOwn(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

function fastToDERMethod(this: Asn1Node): Buffer {
  return fastToDER(this);
}

/**
 * Gives a certificate parsed from a bundle (an `@sigstore/core` X509Certificate) the single-allocation
 * encoder on its own nodes, and on those of its clones (the SCT check re-encodes a clone).
 * @returns whether the certificate was accelerated; false leaves it exactly as the library made it.
 */
export function accelerateCertificate(certificate: unknown): boolean {
  try {
    if (typeof certificate !== 'object' || certificate === null) return false;
    const cert = certificate as { root?: unknown; clone?: unknown; verify?: unknown };
    const nodes = nodesOf(cert.root);
    const { clone, verify } = cert;
    if (
      nodes === undefined ||
      typeof clone !== 'function' ||
      typeof verify !== 'function' ||
      !encoderAgreesWith(present(nodes[0], 'the root node'))
    )
      return false;
    if (!Object.isExtensible(certificate) || !nodes.every((node) => Object.isExtensible(node))) return false;
    for (const node of nodes) defineOwn(node, 'toDER', fastToDERMethod);
    defineOwn(certificate, 'clone', function (this: object): unknown {
      const copy: unknown = Reflect.apply(clone, this, []);
      accelerateCertificate(copy);
      return copy;
    });
    defineOwn(certificate, 'verify', function (this: SignedCertificate, issuer?: { readonly publicKey: Buffer }): boolean {
      const key = issuer === undefined ? undefined : trustedKeys.get(issuer);
      return key === undefined ? Reflect.apply(verify as CertVerify, this, [issuer]) : verifySignedBy(this, key);
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Memoises a trusted CA or TSA certificate of our own trust material: each node's DER is encoded
 * once, and `verify(issuer)` (the root's self-signature, an intermediate by its root) runs once per
 * issuer key. Bundle certificates are never memoised: they are checked afresh on every bundle.
 * @returns whether the certificate was accelerated.
 */
export function accelerateTrustedCertificate(certificate: unknown): boolean {
  try {
    if (typeof certificate !== 'object' || certificate === null) return false;
    const cert = certificate as { root?: unknown; verify?: unknown };
    const nodes = nodesOf(cert.root);
    const verify = cert.verify;
    if (nodes === undefined || typeof verify !== 'function' || !encoderAgreesWith(present(nodes[0], 'the root node'))) return false;
    if (!Object.isExtensible(certificate) || !nodes.every((node) => Object.isExtensible(node))) return false;
    for (const node of nodes) {
      const der = fastToDER(node);
      defineOwn(node, 'toDER', () => der);
    }
    try {
      trustedKeys.set(certificate, createPublicKey({ key: (certificate as { publicKey: Buffer }).publicKey, format: 'der', type: 'spki' }));
    } catch {
      // A key node cannot parse is left to the library to reject.
    }
    const results = new Map<string, boolean>();
    defineOwn(certificate, 'verify', function (this: object, issuer?: { readonly publicKey: Buffer }): boolean {
      const key = issuer === undefined ? 'self' : Buffer.from(issuer.publicKey).toString('base64');
      let result = results.get(key);
      if (result === undefined) {
        result = Reflect.apply(verify as CertVerify, this, [issuer]);
        results.set(key, result);
      }
      return result;
    });
    return true;
  } catch {
    return false;
  }
}

/** Accelerates every CA and TSA certificate of a library trust material; unknown shapes are left alone. */
export function accelerateTrustMaterial(material: {
  readonly certificateAuthorities: readonly unknown[];
  readonly timestampAuthorities: readonly unknown[];
}): void {
  for (const authority of [...material.certificateAuthorities, ...material.timestampAuthorities]) {
    const chain = typeof authority === 'object' && authority !== null ? (authority as { certChain?: unknown }).certChain : undefined;
    if (Array.isArray(chain)) chain.forEach(accelerateTrustedCertificate);
  }
}
