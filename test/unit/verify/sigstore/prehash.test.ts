import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { p256 } from '@noble/curves/nist';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyPrehashed } from '../../../../src/verify/sigstore/prehash.js';

type Hash = 'sha256' | 'sha384' | 'sha512';

const keys: [string, Hash, { privateKey: KeyObject; publicKey: KeyObject }][] = [
  ['P-256', 'sha256', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ['P-384', 'sha384', generateKeyPairSync('ec', { namedCurve: 'P-384' })],
  ['P-521', 'sha512', generateKeyPairSync('ec', { namedCurve: 'P-521' })],
  ['P-256 with a truncated SHA-512', 'sha512', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ['RSA 2048', 'sha256', generateKeyPairSync('rsa', { modulusLength: 2048 })],
];

describe('verifyPrehashed', () => {
  describe.each(keys)('when the key is %s (%s)', (_name, hash, { privateKey, publicKey }) => {
    it('accepts signatures made by node:crypto over the same data', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
          const data = Buffer.from(bytes);
          const signature = sign(hash, data, privateKey);
          expect(verifyPrehashed(publicKey, hash, createHash(hash).update(data).digest(), signature)).toBe(true);
        }),
        { numRuns: 5 },
      );
    });

    it('rejects another digest and a flipped signature bit', () => {
      const data = Buffer.from('artifact');
      const digest = createHash(hash).update(data).digest();
      const signature = sign(hash, data, privateKey);
      const otherDigest = Buffer.from(digest);
      otherDigest.writeUInt8(otherDigest.readUInt8(5) ^ 0x10, 5);
      const otherSignature = Buffer.from(signature);
      otherSignature.writeUInt8(otherSignature.readUInt8(otherSignature.length - 2) ^ 0x01, otherSignature.length - 2);
      expect(verifyPrehashed(publicKey, hash, otherDigest, signature)).toBe(false);
      expect(verifyPrehashed(publicKey, hash, digest, otherSignature)).toBe(false);
    });
  });

  describe('when the signature is out of range or not DER', () => {
    const { publicKey } = keys[0]![2];
    const digest = createHash('sha256').update('x').digest();
    it.each([
      ['r = 0', Buffer.from('3006020100020101', 'hex')],
      ['s = 0', Buffer.from('3006020101020100', 'hex')],
      ['three integers', Buffer.from('3009020101020101020101', 'hex')],
      ['garbage', Buffer.from('not a signature')],
      ['empty', Buffer.alloc(0)],
    ])('returns false for %s', (_name, signature) => {
      expect(verifyPrehashed(publicKey, 'sha256', digest, signature)).toBe(false);
    });
  });

  describe('when S is in the upper half of the group order', () => {
    it('accepts it, as node:crypto does over the full message', () => {
      const { privateKey, publicKey } = keys[0]![2];
      const data = Buffer.from('malleable');
      const low = p256.Signature.fromBytes(sign('sha256', data, privateKey), 'der');
      const flipped = Buffer.from(new p256.Signature(low.r, p256.Point.CURVE().n - low.s).toBytes('der'));
      expect(verify('sha256', data, publicKey, flipped)).toBe(true);
      expect(verifyPrehashed(publicKey, 'sha256', createHash('sha256').update(data).digest(), flipped)).toBe(true);
    });
  });

  describe('when the key cannot sign a prehash', () => {
    it('returns false for Ed25519', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const data = Buffer.from('x');
      expect(verifyPrehashed(publicKey, 'sha256', createHash('sha256').update(data).digest(), sign(null, data, privateKey))).toBe(false);
    });
  });
});
