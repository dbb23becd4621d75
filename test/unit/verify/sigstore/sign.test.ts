import { createHash, generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import {
  publicKeyHint,
  signDsse,
  signMessage,
  trustRootFromJson,
  verifyBundle,
  type SignerPolicy,
  type TrustRoot,
} from '../../../../src/verify/sigstore/index.js';
import { FULCIO_URL, REKOR_URL, startMockSigstore, TSA_URL, type MockSigstore } from './mock-sigstore.js';

const STATEMENT_TYPE = 'application/vnd.in-toto+json';
const artifact = Buffer.from('agent model weights v1\n');
const statement = (digest: string): Buffer =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'model.bin', digest: { sha256: digest } }],
      predicateType: 'https://agentfence.dev/test/v1',
      predicate: {},
    }),
  );
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function ecKey(namedCurve: 'prime256v1' | 'secp384r1' | 'secp521r1'): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AgentfenceError);
    return (error as AgentfenceError).code;
  }
  return 'VERIFIED';
}

describe('signDsse / signMessage', () => {
  describe('when signing with a local key', () => {
    it.each(['prime256v1', 'secp384r1', 'secp521r1'] as const)('round-trips a DSSE bundle on %s', async (curve) => {
      const key = ecKey(curve);
      const bundle = (await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, {
        kind: 'key',
        privateKeyPem: key.privateKeyPem,
      })) as Record<string, unknown>;
      expect(bundle['mediaType']).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(bundle['verificationMaterial']).toMatchObject({ publicKey: { hint: publicKeyHint(key.publicKeyPem) } });
      expect((bundle['verificationMaterial'] as { tlogEntries?: unknown[] }).tlogEntries ?? []).toEqual([]);
      const result = verifyBundle(bundle, { kind: 'bytes', data: artifact }, { kind: 'key', publicKeyPem: key.publicKeyPem });
      expect(result.signer).toEqual({ identity: `key:${publicKeyHint(key.publicKeyPem)}`, keyHint: publicKeyHint(key.publicKeyPem) });
      expect(result.threshold).toEqual({ tlog: 0, timestamps: 0 });
      expect(result.statement?.subject[0]?.name).toBe('model.bin');
    });

    it('round-trips a message signature', async () => {
      const key = ecKey('secp384r1');
      const bundle = await signMessage(artifact, { kind: 'key', privateKeyPem: key.privateKeyPem });
      expect(verifyBundle(bundle, { kind: 'bytes', data: artifact }, { kind: 'key', publicKeyPem: key.publicKeyPem }).dsse).toBeUndefined();
      expect(
        codeOf(() => verifyBundle(bundle, { kind: 'bytes', data: Buffer.from('other') }, { kind: 'key', publicKeyPem: key.publicKeyPem })),
      ).toBe('DIGEST_MISMATCH');
    });

    it('refuses a non-EC private key with PRIVATE_KEY_INVALID', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await expect(signDsse(artifact, 'text/plain', { kind: 'key', privateKeyPem: pem })).rejects.toMatchObject({
        code: 'PRIVATE_KEY_INVALID',
      });
      await expect(signDsse(artifact, 'text/plain', { kind: 'key', privateKeyPem: 'not a key' })).rejects.toMatchObject({
        code: 'PRIVATE_KEY_INVALID',
      });
    });
  });

  describe('when a key-signed bundle meets the wrong expectation', () => {
    const key = ecKey('prime256v1');
    const other = ecKey('prime256v1');
    let bundle: object;
    beforeAll(async () => {
      bundle = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, { kind: 'key', privateKeyPem: key.privateKeyPem });
    });

    it.each<[string, string, () => SignerPolicy, Buffer]>([
      ['a different key', 'SIGNATURE_INVALID', () => ({ kind: 'key', publicKeyPem: other.publicKeyPem }), artifact],
      [
        'an expired key',
        'EXPIRED',
        () => ({ kind: 'key', publicKeyPem: key.publicKeyPem, validFor: { end: '2020-01-01T00:00:00Z' } }),
        artifact,
      ],
      [
        'a key not yet valid',
        'EXPIRED',
        () => ({ kind: 'key', publicKeyPem: key.publicKeyPem, validFor: { start: '2999-01-01T00:00:00Z' } }),
        artifact,
      ],
      ['another artifact', 'DIGEST_MISMATCH', () => ({ kind: 'key', publicKeyPem: key.publicKeyPem }), Buffer.from('tampered')],
    ])('rejects %s with %s', (_name, code, policy, data) => {
      expect(codeOf(() => verifyBundle(bundle, { kind: 'bytes', data }, policy()))).toBe(code);
    });

    it('rejects a signature made by another key under the same hint with SIGNATURE_INVALID', async () => {
      const forged = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, {
        kind: 'key',
        privateKeyPem: other.privateKeyPem,
        keyHint: publicKeyHint(key.publicKeyPem),
      });
      expect(codeOf(() => verifyBundle(forged, { kind: 'bytes', data: artifact }, { kind: 'key', publicKeyPem: key.publicKeyPem }))).toBe(
        'SIGNATURE_INVALID',
      );
    });
  });

  describe('when signing keyless against a mock Sigstore', () => {
    let mock: MockSigstore;
    let root: TrustRoot;
    const identity = 'https://github.com/acme/agent/.github/workflows/release.yml@refs/heads/main';
    const issuer = 'https://token.actions.githubusercontent.com';
    const signer = () => ({
      kind: 'keyless' as const,
      identityToken: mock.token({ sub: identity, iss: issuer, repository: 'acme/agent', ref: 'refs/heads/main' }),
      fulcioURL: FULCIO_URL,
      rekorURL: REKOR_URL,
      tsaURL: TSA_URL,
      rekorEntryType: 'intoto' as const,
    });
    beforeAll(async () => {
      mock = await startMockSigstore();
      root = trustRootFromJson(mock.trustedRoot, 'mock');
    });
    afterAll(() => mock.close());

    it('verifies a DSSE bundle with a tlog SET and a TSA timestamp', async () => {
      const bundle = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, signer());
      const result = verifyBundle(
        bundle,
        { kind: 'bytes', data: artifact },
        { kind: 'keyless', issuer, subject: identity, trustRoot: root },
      );
      expect(result.signer).toMatchObject({ identity, issuer });
      expect(result.tlogIndexes).toHaveLength(1);
      expect(result.timestamps.length).toBeGreaterThanOrEqual(1);
      expect(result.trustRoot).toBe(root.digest);
      expect(result.threshold).toEqual({ tlog: 1, timestamps: 1 });
    });

    it('verifies a message signature (hashedrekord)', async () => {
      const bundle = await signMessage(artifact, signer());
      const result = verifyBundle(
        bundle,
        { kind: 'bytes', data: artifact },
        { kind: 'keyless', issuer, subjectRegExp: 'https://github\\.com/acme/.*', trustRoot: root },
      );
      expect(result.signer.identity).toBe(identity);
    });

    it.each<[string, Partial<{ issuer: string; subject: string; subjectRegExp: string; extensions: Record<string, string> }>]>([
      ['a wrong identity', { subject: 'https://github.com/acme/other/.github/workflows/release.yml@refs/heads/main' }],
      ['a wrong issuer', { issuer: 'https://token.actions.githubusercontent.com.evil' }],
      [
        'an unanchored look-alike regex',
        { subjectRegExp: 'https://github\\.com/acme/agent/\\.github/workflows/release\\.yml@refs/heads/mai' },
      ],
      ['a wrong source repository extension', { extensions: { sourceRepositoryURI: 'https://github.com/acme/other' } }],
    ])('rejects %s with UNTRUSTED_SIGNER', async (_name, override) => {
      const bundle = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, signer());
      const policy = { kind: 'keyless' as const, issuer, subject: identity, trustRoot: root, ...override };
      expect(codeOf(() => verifyBundle(bundle, { kind: 'bytes', data: artifact }, policy))).toBe('UNTRUSTED_SIGNER');
    });

    it('rejects a keyless bundle checked against a key with UNTRUSTED_SIGNER', async () => {
      const bundle = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, signer());
      expect(
        codeOf(() =>
          verifyBundle(
            bundle,
            { kind: 'bytes', data: artifact },
            { kind: 'key', publicKeyPem: ecKey('prime256v1').publicKeyPem, trustRoot: root },
          ),
        ),
      ).toBe('UNTRUSTED_SIGNER');
    });

    it('reports a Fulcio refusal as SIGNING_FAILED', async () => {
      const refusing = 'https://fulcio-refusing.mock.test';
      nock(refusing).post('/api/v2/signingCert').reply(400, { message: 'invalid token' });
      await expect(signDsse(artifact, 'text/plain', { ...signer(), fulcioURL: refusing })).rejects.toMatchObject({
        code: 'SIGNING_FAILED',
      });
    });

    it('refuses an empty identity token with IDENTITY_TOKEN_MISSING', async () => {
      await expect(signDsse(artifact, 'text/plain', { ...signer(), identityToken: ' ' })).rejects.toMatchObject({
        code: 'IDENTITY_TOKEN_MISSING',
      });
    });
  });

  describe('when the certificate was expired at signing time', () => {
    let mock: MockSigstore;
    beforeAll(async () => {
      mock = await startMockSigstore({ caClock: new Date(Date.now() - 3_600_000) });
    });
    afterAll(() => mock.close());

    it('rejects the bundle with EXPIRED', async () => {
      const identity = 'release-bot@example.com';
      const issuer = 'https://issuer.example.com';
      const bundle = await signDsse(statement(sha256(artifact)), STATEMENT_TYPE, {
        kind: 'keyless',
        identityToken: mock.token({ sub: identity, iss: issuer }),
        fulcioURL: FULCIO_URL,
        rekorURL: REKOR_URL,
        rekorEntryType: 'intoto',
      });
      const policy: SignerPolicy = { kind: 'keyless', issuer, subject: identity, trustRoot: trustRootFromJson(mock.trustedRoot, 'mock') };
      expect(codeOf(() => verifyBundle(bundle, { kind: 'bytes', data: artifact }, policy))).toBe('EXPIRED');
    });
  });
});
