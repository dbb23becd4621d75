/**
 * Signature checks over a pre-computed digest, for `verify-bundle ... sha256:HEX` against a
 * message-signature bundle: the artifact bytes are not available, only their digest, and Node's
 * crypto cannot verify a prehashed ECDSA signature. ECDSA (NIST P-256/384/521, FIPS 186-5 §6.4.2)
 * is checked here with BigInt arithmetic; RSA PKCS#1 v1.5 by recovering the DigestInfo.
 * Verification only: no secret is involved, so constant time is not required.
 */
import { constants, publicDecrypt, type KeyObject } from 'node:crypto';
import { ASN1Obj } from '@sigstore/core';

interface Curve {
  readonly p: bigint;
  readonly n: bigint;
  readonly g: Point;
}
type Point = readonly [x: bigint, y: bigint, z: bigint];

const CURVES: Readonly<Record<string, Curve>> = {
  prime256v1: {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    g: [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n, 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n, 1n],
  },
  secp384r1: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    g: [
      0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
      0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
      1n,
    ],
  },
  secp521r1: {
    p: (1n << 521n) - 1n,
    n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    g: [
      0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
      0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
      1n,
    ],
  },
};

const INFINITY: Point = [0n, 1n, 0n];

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function power(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

/** Inverse modulo a prime (Fermat). */
function inverse(a: bigint, m: bigint): bigint {
  return power(a, m - 2n, m);
}

/** Jacobian doubling for a = -3 (dbl-2001-b). */
function double([x, y, z]: Point, p: bigint): Point {
  if (z === 0n || y === 0n) return INFINITY;
  const delta = mod(z * z, p);
  const gamma = mod(y * y, p);
  const beta = mod(x * gamma, p);
  const alpha = mod(3n * (x - delta) * (x + delta), p);
  const x3 = mod(alpha * alpha - 8n * beta, p);
  const z3 = mod((y + z) * (y + z) - gamma - delta, p);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
  return [x3, y3, z3];
}

/** Jacobian addition (add-2007-bl). */
function add(a: Point, b: Point, p: bigint): Point {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const [x1, y1, z1] = a;
  const [x2, y2, z2] = b;
  const z1z1 = mod(z1 * z1, p);
  const z2z2 = mod(z2 * z2, p);
  const u1 = mod(x1 * z2z2, p);
  const u2 = mod(x2 * z1z1, p);
  const s1 = mod(y1 * z2 * z2z2, p);
  const s2 = mod(y2 * z1 * z1z1, p);
  const h = mod(u2 - u1, p);
  const r = mod(2n * (s2 - s1), p);
  if (h === 0n) return r === 0n ? double(a, p) : INFINITY;
  const i = mod(4n * h * h, p);
  const j = mod(h * i, p);
  const v = mod(u1 * i, p);
  const x3 = mod(r * r - j - 2n * v, p);
  const y3 = mod(r * (v - x3) - 2n * s1 * j, p);
  const z3 = mod(((z1 + z2) * (z1 + z2) - z1z1 - z2z2) * h, p);
  return [x3, y3, z3];
}

/** u1·G + u2·Q by simultaneous double-and-add (Shamir's trick). */
function twoMultiply(u1: bigint, g: Point, u2: bigint, q: Point, p: bigint): Point {
  const gq = add(g, q, p);
  let acc = INFINITY;
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc, p);
    const b1 = (u1 >> BigInt(i)) & 1n;
    const b2 = (u2 >> BigInt(i)) & 1n;
    if (b1 && b2) acc = add(acc, gq, p);
    else if (b1) acc = add(acc, g, p);
    else if (b2) acc = add(acc, q, p);
  }
  return acc;
}

const toBigInt = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`));

function ecdsaVerify(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (curve === undefined) return false;
  const jwk = key.export({ format: 'jwk' });
  if (jwk.x === undefined || jwk.y === undefined) return false;
  const q: Point = [toBigInt(Buffer.from(jwk.x, 'base64url')), toBigInt(Buffer.from(jwk.y, 'base64url')), 1n];
  let r: bigint;
  let s: bigint;
  try {
    const der = ASN1Obj.parseBuffer(Buffer.from(signature));
    if (der.subs.length !== 2) return false;
    r = der.subs[0]!.toInteger();
    s = der.subs[1]!.toInteger();
  } catch {
    return false;
  }
  const { n, p, g } = curve;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  // The digest's leftmost bits, as many as the group order has.
  const nBits = n.toString(2).length;
  let e = toBigInt(digest);
  if (digest.length * 8 > nBits) e >>= BigInt(digest.length * 8 - nBits);
  const w = inverse(s, n);
  const point = twoMultiply(mod(e * w, n), g, mod(r * w, n), q, p);
  if (point[2] === 0n) return false;
  const zInverse = inverse(point[2], p);
  const x = mod(point[0] * zInverse * zInverse, p);
  return mod(x, n) === r;
}

const DIGEST_INFO_PREFIX: Readonly<Record<string, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function rsaVerify(key: KeyObject, algorithm: string, digest: Buffer, signature: Buffer): boolean {
  const prefix = DIGEST_INFO_PREFIX[algorithm];
  if (prefix === undefined) return false;
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return recovered.equals(Buffer.concat([Buffer.from(prefix, 'hex'), digest]));
  } catch {
    return false;
  }
}

/**
 * Verifies a signature over a digest the caller computed (`algorithm` names the hash).
 * @returns false for a bad signature, and for key types that cannot sign a prehash (Ed25519).
 */
export function verifyPrehashed(key: KeyObject, algorithm: 'sha256' | 'sha384' | 'sha512', digest: Buffer, signature: Buffer): boolean {
  switch (key.asymmetricKeyType) {
    case 'ec':
      return ecdsaVerify(key, digest, signature);
    case 'rsa':
      return rsaVerify(key, algorithm, digest, signature);
    default:
      return false;
  }
}
