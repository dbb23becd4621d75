import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildRegistryKeyRing,
  isKeyValidAt,
  loadSeedRegistryKeys,
  npmKeyId,
  registryKeysFromPolicy,
  registryKeysFromTufTarget,
  RegistryKeyRing,
  verifyRegistrySignatures,
} from '../../../../src/verify/npm/index.js';

function generated(expires: string | null = null) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const der = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const keyid = npmKeyId(publicKey);
  return { privateKey, keyid, policyKey: { keyid, key: der, keytype: 'ecdsa-sha2-nistp256', scheme: 'ecdsa-sha2-nistp256', expires } };
}

const pkg = { name: '@acme/tool', version: '1.2.3', integrity: `sha512-${Buffer.alloc(64, 7).toString('base64')}` };
const message = (p: typeof pkg) => Buffer.from(`${p.name}@${p.version}:${p.integrity}`);

describe('npm registry keys', () => {
  describe('when read from the pinned @sigstore/tuf seeds', () => {
    it('finds the npm keys target with both usages of each key', () => {
      const keys = loadSeedRegistryKeys();
      const ring = new RegistryKeyRing(keys);
      expect(ring.keyids).toContain('SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA');
      expect(ring.keyids).toContain('SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U');
      expect(ring.find('SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA', 'npm:attestations')).toHaveLength(1);
      expect(ring.find('SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA', 'npm:signatures')).toHaveLength(1);
    });
    it('computes the registry key id from the key itself', () => {
      for (const key of loadSeedRegistryKeys()) expect(npmKeyId(key.key)).toBe(key.keyid);
    });
    it.each([
      ['2024-06-01T00:00:00Z', true],
      ['2025-06-01T00:00:00Z', false],
    ])('honours the retired key validity at %s -> %s', (when, valid) => {
      const key = loadSeedRegistryKeys().find((k) => k.keyid.startsWith('SHA256:jl3b') && k.usage.has('npm:signatures'))!;
      expect(isKeyValidAt(key, new Date(when))).toBe(valid);
    });
  });
  describe('when a keys target is malformed', () => {
    it.each([
      ['no keys array', {}],
      ['entry without key bytes', { keys: [{ keyId: 'x', keyUsage: 'npm:signatures', publicKey: {} }] }],
      ['unknown usage', { keys: [{ keyId: 'x', keyUsage: 'npm:other', publicKey: { rawBytes: generated().policyKey.key } }] }],
      [
        'not a P-256 key',
        { keys: [{ keyId: 'x', keyUsage: 'npm:signatures', publicKey: { rawBytes: Buffer.from('nope').toString('base64') } }] },
      ],
    ])('refuses %s with REGISTRY_KEY_INVALID', (_name, json) => {
      expect(() => registryKeysFromTufTarget(json)).toThrow(expect.objectContaining({ code: 'REGISTRY_KEY_INVALID' }));
    });
    it('refuses a policy key whose expires is not a date', () => {
      expect(() => registryKeysFromPolicy([{ ...generated().policyKey, expires: 'soon' }])).toThrow(
        expect.objectContaining({ code: 'REGISTRY_KEY_INVALID' }),
      );
    });
  });
});

describe('verifyRegistrySignatures', () => {
  const key = generated();
  const ring = buildRegistryKeyRing([key.policyKey]);
  const good = { keyid: key.keyid, sig: sign('sha256', message(pkg), key.privateKey).toString('base64') };

  describe('when a known key signed name@version:integrity', () => {
    it('returns the key id', () => {
      expect(verifyRegistrySignatures(pkg, [good], ring)).toEqual({ keyid: key.keyid, keySource: 'trust-policy' });
    });
    it('ignores extra signatures by unknown keys', () => {
      expect(verifyRegistrySignatures(pkg, [{ keyid: 'SHA256:unknown', sig: 'AA==' }, good], ring).keyid).toBe(key.keyid);
    });
  });
  describe('when the signature does not hold', () => {
    it.each([
      ['version changed', { ...pkg, version: '1.2.4' }, 'SIGNATURE_INVALID'],
      ['name changed', { ...pkg, name: '@acme/tool2' }, 'SIGNATURE_INVALID'],
      ['integrity changed', { ...pkg, integrity: `sha512-${Buffer.alloc(64, 8).toString('base64')}` }, 'SIGNATURE_INVALID'],
    ])('%s -> %s', (_name, changed, code) => {
      expect(() => verifyRegistrySignatures(changed, [good], ring)).toThrow(expect.objectContaining({ code }));
    });
    it('no signature -> UNSIGNED', () => {
      expect(() => verifyRegistrySignatures(pkg, [], ring)).toThrow(expect.objectContaining({ code: 'UNSIGNED' }));
    });
    it('only unknown keys -> UNTRUSTED_SIGNER naming the expected keys', () => {
      const other = generated();
      const sig = { keyid: other.keyid, sig: sign('sha256', message(pkg), other.privateKey).toString('base64') };
      expect(() => verifyRegistrySignatures(pkg, [sig], ring)).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER', message: expect.stringContaining(key.keyid) }),
      );
    });
    it('a key id claimed by another key -> SIGNATURE_INVALID', () => {
      const other = generated();
      const forged = { keyid: key.keyid, sig: sign('sha256', message(pkg), other.privateKey).toString('base64') };
      expect(() => verifyRegistrySignatures(pkg, [forged], ring)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
    });
  });
  describe('when the key expired', () => {
    const expiring = generated('2024-01-01T00:00:00Z');
    const expiringRing = buildRegistryKeyRing([expiring.policyKey], false);
    const sig = { keyid: expiring.keyid, sig: sign('sha256', message(pkg), expiring.privateKey).toString('base64') };
    it('passes for a version published before expiry', () => {
      expect(verifyRegistrySignatures({ ...pkg, publishedAt: new Date('2023-05-01T00:00:00Z') }, [sig], expiringRing).keyid).toBe(
        expiring.keyid,
      );
    });
    it('blocks a version published after expiry with EXPIRED', () => {
      expect(() => verifyRegistrySignatures({ ...pkg, publishedAt: new Date('2024-05-01T00:00:00Z') }, [sig], expiringRing)).toThrow(
        expect.objectContaining({ code: 'EXPIRED' }),
      );
    });
    it('blocks a publish time that is not a date (an unreadable time must not make an expired key valid)', () => {
      expect(() => verifyRegistrySignatures({ ...pkg, publishedAt: new Date('not a date') }, [sig], expiringRing)).toThrow(
        expect.objectContaining({ code: 'EXPIRED' }),
      );
    });
    it('blocks when the publish time is unknown and the key expired before now', () => {
      expect(() => verifyRegistrySignatures(pkg, [sig], expiringRing, new Date('2026-01-01T00:00:00Z'))).toThrow(
        expect.objectContaining({ code: 'EXPIRED' }),
      );
    });
  });
});
