import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Authority } from '../../../src/manifest/types.js';
import { selectAuthorities, TrustRootCache, verifyWithAuthorities } from '../../../src/verify/authorities.js';
import { signDsse } from '../../../src/verify/sigstore/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function key(name: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(path.join(dir, `${name}.pub.pem`), publicKey.export({ format: 'pem', type: 'spki' }));
  return { name, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}
const alpha = key('alpha');
const beta = key('beta');
const gamma = key('gamma');
const authorities: Authority[] = [
  { name: 'alpha', key: { publicKey: 'alpha.pub.pem' } },
  { name: 'beta', key: { publicKey: 'beta.pub.pem' } },
  {
    name: 'ci',
    keyless: {
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'https://github.com/acme/x/.github/workflows/r.yml@refs/heads/main',
    },
  },
];
const roots = new TrustRootCache([{ name: 'public-good', source: 'public-good' }], dir);
const statement = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'a', digest: { sha256: 'ab'.repeat(32) } }],
    predicateType: 'p',
    predicate: {},
  }),
);
const bundleBy = (signer: { privateKeyPem: string }) =>
  signDsse(statement, 'application/vnd.in-toto+json', { kind: 'key', privateKeyPem: signer.privateKeyPem });
const bundle0 = await bundleBy(alpha);

describe('verifyWithAuthorities', () => {
  describe('when any authority of the list signed (OR)', () => {
    it.each([alpha, beta])('accepts a bundle by %s and names the authority', async (signer) => {
      const resolved = selectAuthorities(authorities, undefined, { baseDir: dir }, roots, 'apis');
      expect(verifyWithAuthorities(await bundleBy(signer), { kind: 'none' }, resolved, { what: 'x' }).authority).toBe(signer.name);
    });
  });
  describe('when signedBy narrows the list to one', () => {
    it('refuses a bundle by another listed authority with UNTRUSTED_SIGNER naming the expected one', async () => {
      const resolved = selectAuthorities(authorities, 'alpha', { baseDir: dir }, roots, 'apis');
      const bundle = await bundleBy(beta);
      expect(() => verifyWithAuthorities(bundle, { kind: 'none' }, resolved, { what: 'x' })).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER', message: expect.stringContaining('alpha') }),
      );
    });
    it('refuses a signedBy that names no authority with AUTHORITY_UNKNOWN', () => {
      expect(() => selectAuthorities(authorities, 'delta', { baseDir: dir }, roots, 'apis')).toThrow(
        expect.objectContaining({ code: 'AUTHORITY_UNKNOWN' }),
      );
    });
  });
  describe('when nobody trusted signed', () => {
    it('a key bundle by an unlisted key -> UNTRUSTED_SIGNER', async () => {
      const resolved = selectAuthorities(authorities, undefined, { baseDir: dir }, roots, 'apis');
      const bundle = await bundleBy(gamma);
      expect(() => verifyWithAuthorities(bundle, { kind: 'none' }, resolved, { what: 'x' })).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER' }),
      );
    });
    it('a key bundle when only keyless authorities are listed -> UNTRUSTED_SIGNER', () => {
      const resolved = selectAuthorities(authorities, 'ci', { baseDir: dir }, roots, 'apis');
      expect(() => verifyWithAuthorities(bundle0, { kind: 'none' }, resolved, { what: 'x' })).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER' }),
      );
    });
    it('an empty authority list -> UNTRUSTED_SIGNER', () => {
      expect(() => verifyWithAuthorities(bundle0, { kind: 'none' }, [], { what: 'x' })).toThrow(
        expect.objectContaining({ code: 'UNTRUSTED_SIGNER' }),
      );
    });
    it('a digest mismatch by a trusted key is reported as such, not as an untrusted signer', () => {
      const resolved = selectAuthorities(authorities, undefined, { baseDir: dir }, roots, 'apis');
      expect(() =>
        verifyWithAuthorities(bundle0, { kind: 'digest', algorithm: 'sha256', hex: 'cd'.repeat(32) }, resolved, { what: 'x' }),
      ).toThrow(expect.objectContaining({ code: 'DIGEST_MISMATCH' }));
    });
  });
  describe('when the trust policy itself is broken', () => {
    it.each<[string, Authority, string]>([
      ['a missing key file', { name: 'x', key: { publicKey: 'missing.pub.pem' } }, 'TRUST_POLICY_FILE'],
      ['an unknown trusted root', { name: 'x', keyless: { issuer: 'i', subject: 's' }, trustedRoot: 'nowhere' }, 'TRUST_ROOT_UNKNOWN'],
    ])('%s -> ConfigError %s', (_name, authority, code) => {
      expect(() => selectAuthorities([authority], undefined, { baseDir: dir }, roots, 'apis')).toThrow(
        expect.objectContaining({ code, kind: 'config' }),
      );
    });
  });
});
