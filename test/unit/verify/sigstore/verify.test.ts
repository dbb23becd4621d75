import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import {
  FULCIO_EXTENSIONS,
  loadPublicGoodRoot,
  loadTrustRootFile,
  toReason,
  verifyBundle,
  type ArtifactInput,
  type SignerPolicy,
} from '../../../../src/verify/sigstore/index.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.resolve(root, '../shared/fixtures');
const conformance = path.join(fixtures, 'sigstore-conformance/bundle-verify');
const models = path.join(fixtures, 'model-signing');
const read = (file: string): string => readFileSync(file, 'utf8');
const bundleOf = (name: string): Record<string, any> => JSON.parse(read(path.join(conformance, name, 'bundle.sigstore.json')));
const modelSig = (name: string): Record<string, any> => JSON.parse(read(path.join(models, name, 'model.sig')));
const pem = (name: string): string => read(path.join(models, 'keys', name));

const A_TXT: ArtifactInput = { kind: 'bytes', data: readFileSync(path.join(conformance, 'a.txt')) };
const A_TXT_SHA256 = 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf';
const IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const keyless = (override: Partial<Extract<SignerPolicy, { kind: 'keyless' }>> = {}): SignerPolicy => ({
  kind: 'keyless',
  issuer: ISSUER,
  subject: IDENTITY,
  trustRoot: loadPublicGoodRoot(),
  ...override,
});
const pki = (...chain: string[]): SignerPolicy => ({
  kind: 'certificate',
  chainPem: chain.length > 0 ? chain : [pem('ca-cert.pem'), pem('int-ca-cert.pem')],
});

function flip(bytes: Buffer, index: number, mask: number): void {
  bytes.writeUInt8(bytes.readUInt8(index) ^ mask, index);
}

function rejection(fn: () => unknown): AgentfenceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AgentfenceError);
    return error as AgentfenceError;
  }
  throw new Error('expected a rejection, but the bundle verified');
}

describe('verifyBundle', () => {
  describe('when the bundle is missing or not a bundle', () => {
    it.each([
      ['null', null, 'UNSIGNED'],
      ['undefined', undefined, 'UNSIGNED'],
      ['a string', 'bundle', 'MALFORMED_BUNDLE'],
      ['an empty object', {}, 'MALFORMED_BUNDLE'],
      [
        'an unknown media type',
        { ...bundleOf('happy-path-v0.3'), mediaType: 'application/vnd.dev.sigstore.bundle.v9+json' },
        'MALFORMED_BUNDLE',
      ],
    ])('rejects %s with %s', (_name, bundle, code) => {
      expect(rejection(() => verifyBundle(bundle, A_TXT, keyless())).code).toBe(code);
    });
  });

  describe('when matching a keyless identity', () => {
    it('refuses a policy that names no identity at all (it would trust anyone the issuer vouches for)', () => {
      const { subject: _, ...anyone } = keyless() as Extract<SignerPolicy, { kind: 'keyless' }>;
      const error = rejection(() => verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, anyone));
      expect(error).toMatchObject({ code: 'POLICY_INVALID', kind: 'config' });
    });
    it('accepts the exact identity and issuer, and reports signer, times and root', () => {
      const result = verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, keyless());
      expect(result.signer).toMatchObject({ identity: IDENTITY, issuer: ISSUER });
      expect(result.signer.extensions?.['sourceRepositoryURI']).toBe(
        'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon',
      );
      expect(result.tlogIndexes).toHaveLength(1);
      expect(result.timestamps).toHaveLength(1);
      expect(result.timestamps[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(result.trustRoot).toBe(loadPublicGoodRoot().digest);
      expect(result.threshold).toEqual({ tlog: 1, timestamps: 1 });
    });

    it.each([
      ['a regex matching the whole identity', 'https://github\\.com/sigstore-conformance/.*'],
      ['a regex with alternatives, anchored as a group', 'nobody|https://github\\.com/sigstore-conformance/.*@refs/heads/main'],
    ])('accepts %s', (_name, subjectRegExp) => {
      const { subject: _subject, ...rest } = keyless() as Extract<SignerPolicy, { kind: 'keyless' }>;
      expect(verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, { ...rest, subjectRegExp }).signer.identity).toBe(IDENTITY);
    });

    it.each<[string, Partial<Extract<SignerPolicy, { kind: 'keyless' }>>]>([
      [
        'a prefix of the identity as regex (the library would accept it unanchored)',
        { subject: undefined as never, subjectRegExp: 'https://github\\.com/sigstore-conformance' },
      ],
      ['a regex matching only the tail', { subject: undefined as never, subjectRegExp: 'refs/heads/main' }],
      ['an identity differing in one character', { subject: IDENTITY.replace('main', 'mainx') }],
      ['a look-alike issuer', { issuer: `${ISSUER}.evil.example` }],
      ['an issuer differing in case', { issuer: ISSUER.toUpperCase() }],
      ['a wrong source repository extension', { extensions: { sourceRepositoryURI: 'https://github.com/acme/agent' } }],
      ['a wrong extension given by OID', { extensions: { [FULCIO_EXTENSIONS['sourceRepositoryRef']!]: 'refs/heads/evil' } }],
      ['an extension the certificate lacks', { extensions: { '1.3.6.1.4.1.57264.1.99': 'x' } }],
    ])('rejects %s with UNTRUSTED_SIGNER', (_name, override) => {
      const policy = JSON.parse(JSON.stringify({ ...keyless(), ...override, trustRoot: undefined })) as Record<string, unknown>;
      const error = rejection(() =>
        verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, { ...(policy as object), trustRoot: loadPublicGoodRoot() } as SignerPolicy),
      );
      expect(error.code).toBe('UNTRUSTED_SIGNER');
      expect(error.message).toMatch(/^expected identity .+ issued by .+, got .+ from .+/);
    });

    it('refuses a policy regex that does not compile with POLICY_INVALID (configuration, not a rejection)', () => {
      const { subject: _subject, ...rest } = keyless() as Extract<SignerPolicy, { kind: 'keyless' }>;
      expect(rejection(() => verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, { ...rest, subjectRegExp: '(' })).code).toBe(
        'POLICY_INVALID',
      );
    });

    it('compares extensions as decoded DER strings, by name or by OID', () => {
      const extensions = {
        sourceRepositoryURI: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon',
        [FULCIO_EXTENSIONS['sourceRepositoryRef']!]: 'refs/heads/main',
        runnerEnvironment: 'github-hosted',
      };
      expect(verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, keyless({ extensions })).signer.identity).toBe(IDENTITY);
    });

    it('reports the expected and the actual identity in the message', () => {
      const error = rejection(() => verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, keyless({ subject: 'someone@example.com' })));
      expect(error.message).toBe(`expected identity someone@example.com issued by ${ISSUER}, got ${IDENTITY} from ${ISSUER}`);
      expect(toReason(error)).toBe('UNTRUSTED_SIGNER');
    });

    it('rejects a key-signed bundle under a keyless policy with UNTRUSTED_SIGNER', () => {
      expect(rejection(() => verifyBundle(bundleOf('managed-key-happy-path'), A_TXT, keyless())).code).toBe('UNTRUSTED_SIGNER');
    });
  });

  describe('when the bundle has duplicate tlog entries', () => {
    it('counts the duplicate once and still verifies (the library alone throws "duplicate timestamp")', () => {
      const bundle = bundleOf('happy-path-v0.3');
      const entry = bundle['verificationMaterial']['tlogEntries'][0];
      bundle['verificationMaterial']['tlogEntries'] = [entry, structuredClone(entry)];
      const result = verifyBundle(bundle, A_TXT, keyless());
      expect(result.tlogIndexes).toHaveLength(1);
      expect(result.timestamps).toHaveLength(1);
    });

    it('still verifies every copy, so a tampered duplicate is rejected', () => {
      const bundle = bundleOf('happy-path-v0.3');
      const entry = bundle['verificationMaterial']['tlogEntries'][0];
      const copy = structuredClone(entry);
      copy.inclusionPromise.signedEntryTimestamp = Buffer.alloc(70, 1).toString('base64');
      bundle['verificationMaterial']['tlogEntries'] = [entry, copy];
      expect(rejection(() => verifyBundle(bundle, A_TXT, keyless())).code).toBe('TLOG_INVALID');
    });
  });

  describe('when a keyless bundle carries no signed time', () => {
    it('rejects it with NO_TRANSPARENCY_PROOF instead of crashing', () => {
      const bundle = bundleOf('happy-path-v0.3');
      bundle['verificationMaterial']['tlogEntries'] = [];
      const error = rejection(() => verifyBundle(bundle, A_TXT, keyless()));
      expect(error.code).toBe('NO_TRANSPARENCY_PROOF');
      expect(error.message).toContain('SET or an RFC 3161 timestamp');
    });
  });

  describe('when the certificate does not chain to the configured root', () => {
    it('rejects it with CERTIFICATE_INVALID', () => {
      const other = loadTrustRootFile(path.join(conformance, 'intoto-with-custom-trust-root/trusted_root.json'));
      expect(rejection(() => verifyBundle(bundleOf('happy-path-v0.3'), A_TXT, keyless({ trustRoot: other }))).code).toBe(
        'CERTIFICATE_INVALID',
      );
    });
  });

  describe('when the artifact is not what was signed', () => {
    const dsse = (): Record<string, any> => bundleOf('happy-path-intoto-in-dsse-v3');

    it('matches a DSSE in-toto subject by bytes or by sha256 digest', () => {
      expect(verifyBundle(dsse(), A_TXT, keyless()).statement?.subject[0]?.name).toBe('a.txt');
      expect(
        verifyBundle(dsse(), { kind: 'digest', algorithm: 'sha256', hex: A_TXT_SHA256.toUpperCase() }, keyless()).dsse?.payloadType,
      ).toBe('application/vnd.in-toto+json');
    });

    it.each<[string, () => Record<string, any>, ArtifactInput]>([
      ['other bytes against a DSSE statement (the library never checks subjects)', dsse, { kind: 'bytes', data: Buffer.from('not a.txt') }],
      ['another digest against a DSSE statement', dsse, { kind: 'digest', algorithm: 'sha256', hex: '0'.repeat(64) }],
      ['a sha512 digest the statement does not carry', dsse, { kind: 'digest', algorithm: 'sha512', hex: '0'.repeat(128) }],
      ['other bytes against a message signature', () => bundleOf('happy-path-v0.3'), { kind: 'bytes', data: Buffer.from('not a.txt') }],
      [
        'another digest against a message signature',
        () => bundleOf('happy-path-v0.3'),
        { kind: 'digest', algorithm: 'sha256', hex: '1'.repeat(64) },
      ],
    ])('rejects %s with DIGEST_MISMATCH', (_name, bundle, artifact) => {
      expect(rejection(() => verifyBundle(bundle(), artifact, keyless())).code).toBe('DIGEST_MISMATCH');
    });

    it.each(['happy-path-v0.1', 'happy-path-v0.2', 'happy-path-v0.3'])(
      'verifies the message signature of %s against the sha256 digest alone',
      (name) => {
        expect(verifyBundle(bundleOf(name), { kind: 'digest', algorithm: 'sha256', hex: A_TXT_SHA256 }, keyless()).signer.identity).toBe(
          IDENTITY,
        );
      },
    );

    it('rejects a digest-only check of a message signature whose signature was altered (SIGNATURE_INVALID or TLOG_INVALID)', () => {
      const bundle = bundleOf('managed-key-happy-path');
      const key = read(path.join(conformance, 'managed-key-happy-path/key.pub'));
      const sig = Buffer.from(bundle['messageSignature']['signature'], 'base64');
      flip(sig, sig.length - 2, 0x01);
      bundle['messageSignature']['signature'] = sig.toString('base64');
      bundle['verificationMaterial']['tlogEntries'] = [];
      const error = rejection(() =>
        verifyBundle(bundle, { kind: 'digest', algorithm: 'sha256', hex: A_TXT_SHA256 }, { kind: 'key', publicKeyPem: key }),
      );
      expect(error.code).toBe('SIGNATURE_INVALID');
    });

    it('asks for the artifact when a message signature is checked without one (ARTIFACT_REQUIRED)', () => {
      expect(rejection(() => verifyBundle(bundleOf('happy-path-v0.3'), { kind: 'none' }, keyless())).code).toBe('ARTIFACT_REQUIRED');
    });
  });

  describe('when the key is P-384 and signed with SHA-384 (model signing)', () => {
    const policy: SignerPolicy = { kind: 'key', publicKeyPem: pem('signing-key-pub.pem') };

    it.each(['v1.0.0-elliptic-key', 'v1.1.0-elliptic-key'])('verifies %s with the curve hash', (name) => {
      const result = verifyBundle(modelSig(name), { kind: 'none' }, policy);
      expect(result.statement?.predicateType).toBe('https://model_signing/signature/v1.0');
      expect(result.threshold).toEqual({ tlog: 0, timestamps: 0 });
    });

    it('is a case the bare library rejects (SIGNATURE_ERROR), which is why we verify it ourselves', () => {
      const entity = toSignedEntity(bundleFromJSON(modelSig('v1.1.0-elliptic-key')));
      const trust = toTrustMaterial(
        TrustedRoot.fromJSON({ mediaType: '', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] }),
        () => ({
          publicKey: createPublicKey(pem('signing-key-pub.pem')),
          validFor: () => true,
        }),
      );
      expect(() => new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(entity)).toThrow(/signature/);
    });

    it('rejects a tampered payload with SIGNATURE_INVALID', () => {
      const bundle = modelSig('v1.1.0-elliptic-key');
      const payload = Buffer.from(bundle['dsseEnvelope']['payload'], 'base64');
      flip(payload, payload.length - 3, 0x01);
      bundle['dsseEnvelope']['payload'] = payload.toString('base64');
      expect(rejection(() => verifyBundle(bundle, { kind: 'none' }, policy)).code).toBe('SIGNATURE_INVALID');
    });
  });

  describe('when the bundle was signed through a private PKI', () => {
    it.each(['v1.0.0-certificate', 'v1.1.0-certificate'])('verifies %s against the configured chain', (name) => {
      const result = verifyBundle(modelSig(name), { kind: 'none' }, pki());
      expect(result.signer).toMatchObject({ identity: 'CN=intermediate-ca', issuer: 'CN=root-ca' });
      expect(result.tlogIndexes).toEqual([]);
      expect(result.trustRoot).toBeUndefined();
    });

    it('builds the path from the bundle intermediates when only the root is configured', () => {
      expect(verifyBundle(modelSig('v1.1.0-certificate'), { kind: 'none' }, pki(pem('ca-cert.pem'))).signer.issuer).toBe('CN=root-ca');
    });

    it.each<[string, string, () => unknown]>([
      [
        'a root that did not issue the chain',
        'CERTIFICATE_INVALID',
        () => verifyBundle(modelSig('v1.1.0-certificate'), { kind: 'none' }, pki(fulcioRootPem())),
      ],
      [
        'a time after the chain expired',
        'EXPIRED',
        () => verifyBundle(modelSig('v1.1.0-certificate'), { kind: 'none' }, pki(), { now: new Date('2036-01-01T00:00:00Z') }),
      ],
      [
        'a time before the chain was issued',
        'EXPIRED',
        () => verifyBundle(modelSig('v1.1.0-certificate'), { kind: 'none' }, pki(), { now: new Date('2024-01-01T00:00:00Z') }),
      ],
      [
        'the leaf configured as root and used as issuer (keyUsage lacks keyCertSign)',
        'CERTIFICATE_INVALID',
        () => {
          const bundle = modelSig('v1.1.0-certificate');
          const leaf = bundle['verificationMaterial']['x509CertificateChain']['certificates'][0];
          bundle['verificationMaterial']['x509CertificateChain']['certificates'] = [leaf, leaf];
          return verifyBundle(bundle, { kind: 'none' }, pki(pem('signing-key-cert.pem'), pem('ca-cert.pem')));
        },
      ],
      [
        'a garbage configured chain',
        'TRUST_ROOT_INVALID',
        () =>
          verifyBundle(
            modelSig('v1.1.0-certificate'),
            { kind: 'none' },
            pki('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
          ),
      ],
      [
        'a tampered signature',
        'SIGNATURE_INVALID',
        () => {
          const bundle = modelSig('v1.1.0-certificate');
          const sig = Buffer.from(bundle['dsseEnvelope']['signatures'][0]['sig'], 'base64');
          flip(sig, 20, 0x40);
          bundle['dsseEnvelope']['signatures'][0]['sig'] = sig.toString('base64');
          return verifyBundle(bundle, { kind: 'none' }, pki());
        },
      ],
      ['a bundle without a certificate', 'UNTRUSTED_SIGNER', () => verifyBundle(modelSig('v1.1.0-elliptic-key'), { kind: 'none' }, pki())],
      [
        'a chain bundle under a keyless policy',
        'MALFORMED_BUNDLE',
        () => verifyBundle(modelSig('v1.1.0-certificate'), { kind: 'none' }, keyless()),
      ],
    ])('rejects %s with %s', (_name, code, fn) => {
      expect(rejection(fn).code).toBe(code);
    });
  });

  describe('when keyless model-signing bundles are checked', () => {
    it.each(['v1.0.0-sigstore', 'v1.1.0-sigstore'])('verifies %s against the public-good root', (name) => {
      const result = verifyBundle(
        modelSig(name),
        { kind: 'none' },
        keyless({ subject: 'stefanb@us.ibm.com', issuer: 'https://sigstore.verify.ibm.com/oauth2' }),
      );
      expect(result.signer.identity).toBe('stefanb@us.ibm.com');
    });
  });
});

function fulcioRootPem(): string {
  const json = JSON.parse(read(path.join(conformance, 'intoto-with-custom-trust-root/trusted_root.json'))) as {
    certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
  };
  const der = json.certificateAuthorities[0]!.certChain.certificates.at(-1)!.rawBytes;
  return `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}
