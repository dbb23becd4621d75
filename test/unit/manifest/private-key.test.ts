import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateTrustPolicy } from '../../../src/manifest/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-private-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

function policyWithKey(name: string, pem: string): string {
  const folder = path.join(dir, name);
  mkdirSync(path.join(folder, 'keys'), { recursive: true });
  writeFileSync(path.join(folder, 'keys/k.pem'), pem);
  const file = path.join(folder, 'trust-policy.yaml');
  writeFileSync(
    file,
    'version: 1\nmode: enforce\ntrustedRoots:\n  - name: public-good\n    source: public-good\nmodels:\n  authorities:\n    - name: k\n      key:\n        publicKey: keys/k.pem\n  hosted: []\nplugins:\n  authorities: []\napis:\n  authorities: []\n',
  );
  return file;
}

describe('trust policy key files', () => {
  describe('when a private key sits where a public key belongs', () => {
    it.each([
      ['a PKCS#8 EC private key', privateKey.export({ type: 'pkcs8', format: 'pem' }) as string],
      ['a SEC1 EC private key', privateKey.export({ type: 'sec1', format: 'pem' }) as string],
      ['a PKCS#1 RSA private key', rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string],
      ['an encrypted private key', privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string],
    ])('refuses %s with KEY_PRIVATE at the key line', (label, pem) => {
      const result = validateTrustPolicy(policyWithKey(label.replace(/\W+/g, '-'), pem));
      expect(result.valid).toBe(false);
      expect(result.errors.map((e) => [e.code, e.line])).toEqual([['KEY_PRIVATE', 10]]);
      expect(result.errors[0]!.message).toContain('must be a public key, never the private signing key');
    });
  });

  describe('when the key file is a public key', () => {
    it('accepts it', () => {
      expect(validateTrustPolicy(policyWithKey('public', publicKey.export({ type: 'spki', format: 'pem' }) as string)).errors).toEqual([]);
    });
  });
});
