/**
 * Key helpers: stable key hints, parsed-once public keys, and the signature hash that belongs to a
 * key's curve (`@sigstore/verify` always uses Node's default, SHA-256, so P-384/P-521 keys signed
 * with SHA-384/SHA-512 - as model signing does - would fail there).
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError, messageOf } from '../../errors.js';

/** Hash algorithm for a signature by this key, `undefined` where the algorithm fixes it (Ed25519). */
export function hashForKey(key: KeyObject): 'sha256' | 'sha384' | 'sha512' | undefined {
  switch (key.asymmetricKeyType) {
    case 'ec':
      switch (key.asymmetricKeyDetails?.namedCurve) {
        case 'secp384r1':
          return 'sha384';
        case 'secp521r1':
          return 'sha512';
        default:
          return 'sha256';
      }
    case 'ed25519':
    case 'ed448':
      return undefined;
    default:
      return 'sha256';
  }
}

const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 256;

/** Parses a PEM public key once; repeated calls return the same KeyObject. @throws ConfigError PUBLIC_KEY_INVALID */
export function publicKeyFromPem(pem: string): KeyObject {
  const cached = keyCache.get(pem);
  if (cached !== undefined) return cached;
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ConfigError('PUBLIC_KEY_INVALID', `public key does not parse as PEM: ${messageOf(error)}`, { cause: error });
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(pem, key);
  return key;
}

/** A stable key id: sha256 of the SPKI DER, hex. @throws ConfigError PUBLIC_KEY_INVALID */
export function publicKeyHint(publicKeyPem: string): string {
  return hintOf(publicKeyFromPem(publicKeyPem));
}

/** sha256 of a key's SPKI DER, hex. */
export function hintOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function toDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Whether a key policy's validity window (open ends allowed) contains `date`. */
export function keyValidAt(validFor: { readonly start?: Date | string; readonly end?: Date | string } | undefined, date: Date): boolean {
  const start = toDate(validFor?.start);
  const end = toDate(validFor?.end);
  return (start === undefined || start <= date) && (end === undefined || date <= end);
}
