import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { rootCertificates } from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { loadPublicGoodRoot, signDsse, trustRootFromJson, type SignerPolicy } from '../../../../src/verify/sigstore/index.js';
import { FULCIO_URL, REKOR_URL, TSA_URL, startMockSigstore } from '../sigstore/mock-sigstore.js';
import { ModelMismatchError, modelBlockedResult, modelResult, signModel, verifyModel } from '../../../../src/verify/model/index.js';
import { copyFixture, fixtureNames, fixtures, keys, tempDir } from './helpers.js';

/** The verification parameters of each fixture (shared/fixtures/README.md, model-signing). */
function policyFor(name: string): SignerPolicy {
  if (name.endsWith('-sigstore'))
    return {
      kind: 'keyless',
      subject: 'stefanb@us.ibm.com',
      issuer: 'https://sigstore.verify.ibm.com/oauth2',
      trustRoot: loadPublicGoodRoot(),
    };
  if (name.endsWith('-elliptic-key')) return { kind: 'key', publicKeyPem: readFileSync(path.join(keys, 'signing-key-pub.pem'), 'utf8') };
  return {
    kind: 'certificate',
    chainPem: [readFileSync(path.join(keys, 'ca-cert.pem'), 'utf8'), readFileSync(path.join(keys, 'int-ca-cert.pem'), 'utf8')],
  };
}

/** v1.0.0-elliptic-key signs the single file signme-1; every other fixture signs its folder. */
function modelOf(dir: string, name: string): string {
  return name === 'v1.0.0-elliptic-key' ? path.join(dir, 'signme-1') : dir;
}

/** The error as the ModelMismatchError it must be. */
function mismatch(error: unknown): ModelMismatchError {
  if (error instanceof ModelMismatchError) return error;
  throw new Error(`expected a ModelMismatchError (got ${String(error)})`);
}

async function failure(promise: Promise<unknown>): Promise<AgentfenceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentfenceError) return error;
    throw error;
  }
  throw new Error('expected the model to be blocked, but it verified');
}

describe('verifyModel', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  describe('when a model signed by the reference implementation is verified with its README parameters', () => {
    it.each(fixtureNames)('%s verifies', async (name) => {
      const folder = path.join(fixtures, name);
      const result = await verifyModel({
        path: modelOf(folder, name),
        signaturePath: path.join(folder, 'model.sig'),
        policy: policyFor(name),
      });
      expect(result.rootDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(result.resources.length).toBeGreaterThan(0);
      expect(result.stats.files).toBe(result.resources.length);
      if (name.endsWith('-sigstore')) expect(result.signer.identity).toBe('stefanb@us.ibm.com');
    });
  });

  describe('when a copy of a signed model is tampered with', () => {
    const tampers = [
      { label: 'one byte changed', apply: (m: string) => appendFileSync(path.join(m, 'signme-1'), 'x'), field: 'changed' },
      { label: 'a file added', apply: (m: string) => writeFileSync(path.join(m, 'extra.bin'), 'payload'), field: 'extra' },
      { label: 'a file removed', apply: (m: string) => rmSync(path.join(m, 'signme-2')), field: 'missing' },
    ] as const;
    const cases = fixtureNames.flatMap((name) => tampers.map((t) => ({ name, ...t })));

    it.each(cases)('$name with $label is blocked as TAMPERED', async ({ name, apply, field }) => {
      const copy = copyFixture(name, dir);
      const single = name === 'v1.0.0-elliptic-key';
      // The single-file model: change the file, or add/remove files beside it (then the model is a folder).
      if (single && field === 'missing') {
        const error = await failure(
          verifyModel({ path: path.join(copy, 'missing-model'), signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) }),
        );
        expect(error.code).toBe('MODEL_NOT_FOUND');
        return;
      }
      if (single && field === 'extra') {
        writeFileSync(path.join(copy, 'signme-2'), 'new');
        const error = await failure(verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) }));
        expect(error.code).toBe('TAMPERED');
        expect(mismatch(error).diff.extra).toEqual(['signme-1', 'signme-2']);
        expect(mismatch(error).diff.missing).toEqual(['.']);
        expect(error.message).toContain('pass that file as the model');
        return;
      }
      apply(copy);
      const error = await failure(
        verifyModel({ path: modelOf(copy, name), signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) }),
      );
      expect(error).toBeInstanceOf(ModelMismatchError);
      expect(error.code).toBe('TAMPERED');
      const diff = mismatch(error).diff;
      const expected = { changed: single ? ['.'] : ['signme-1'], extra: ['extra.bin'], missing: ['signme-2'] }[field];
      expect(field === 'changed' ? diff.changed.map((c) => c.name) : diff[field]).toEqual(expected);
      expect(error.message).toContain(expected[0]);
    });
  });

  describe('when a model has several differences at once', () => {
    it('lists every extra, missing and changed file in the error and the blocked result', async () => {
      const copy = copyFixture('v1.1.0-elliptic-key', dir);
      appendFileSync(path.join(copy, 'signme-1'), 'x');
      rmSync(path.join(copy, 'signme-2'));
      writeFileSync(path.join(copy, 'a.bin'), 'a');
      mkdirSync(path.join(copy, 'sub'));
      writeFileSync(path.join(copy, 'sub', 'b.bin'), 'b');
      const error = await failure(
        verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor('v1.1.0-elliptic-key') }),
      );
      expect(error.message).toMatch(/changed: signme-1 .*extra \(not signed\): a\.bin, sub\/b\.bin; missing: signme-2/);
      const result = modelBlockedResult('m', error);
      expect(result).toMatchObject({
        status: 'blocked',
        reason: 'TAMPERED',
        details: { extra: ['a.bin', 'sub/b.bin'], missing: ['signme-2'] },
      });
    });
  });

  describe('when the files are fine but the signature or signer is not', () => {
    it.each([
      ['no model.sig', (copy: string) => rmSync(path.join(copy, 'model.sig')), 'v1.1.0-elliptic-key', 'UNSIGNED'],
      [
        'a model.sig that is not JSON',
        (copy: string) => writeFileSync(path.join(copy, 'model.sig'), 'not json'),
        'v1.1.0-elliptic-key',
        'MALFORMED_BUNDLE',
      ],
      [
        'a model.sig that is not a bundle',
        (copy: string) => writeFileSync(path.join(copy, 'model.sig'), '{"mediaType":"x"}'),
        'v1.1.0-elliptic-key',
        'MALFORMED_BUNDLE',
      ],
      [
        'a payload changed after signing (key)',
        (copy: string) => rewritePayload(copy, (s) => s.replace('signme-2', 'signme-3')),
        'v1.1.0-elliptic-key',
        'SIGNATURE_INVALID|UNTRUSTED_SIGNER',
      ],
      [
        'a payload changed after signing (certificate)',
        (copy: string) => rewritePayload(copy, (s) => s.replace('signme-2', 'signme-3')),
        'v1.1.0-certificate',
        'SIGNATURE_INVALID|UNTRUSTED_SIGNER',
      ],
      [
        'a payload changed after signing (keyless)',
        (copy: string) => rewritePayload(copy, (s) => s.replace('signme-2', 'signme-3')),
        'v1.0.0-sigstore',
        'SIGNATURE_INVALID|UNTRUSTED_SIGNER|TLOG_INVALID',
      ],
    ])('blocks %s', async (_label, mutate, name, codes) => {
      const copy = copyFixture(name, dir);
      mutate(copy);
      const error = await failure(verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) }));
      expect(codes.split('|')).toContain(error.code);
    });

    it.each([
      [
        'another key',
        'v1.1.0-elliptic-key',
        (): SignerPolicy => ({
          kind: 'key',
          publicKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        }),
      ],
      [
        'another identity',
        'v1.1.0-sigstore',
        (): SignerPolicy => ({
          kind: 'keyless',
          subject: 'mallory@example.com',
          issuer: 'https://sigstore.verify.ibm.com/oauth2',
          trustRoot: loadPublicGoodRoot(),
        }),
      ],
      [
        'another issuer',
        'v1.0.0-sigstore',
        (): SignerPolicy => ({
          kind: 'keyless',
          subject: 'stefanb@us.ibm.com',
          issuer: 'https://accounts.google.com',
          trustRoot: loadPublicGoodRoot(),
        }),
      ],
      ['a chain rooted elsewhere', 'v1.1.0-certificate', (): SignerPolicy => ({ kind: 'certificate', chainPem: [rootCertificates[0]!] })],
      [
        'a key policy for a certificate bundle',
        'v1.0.0-certificate',
        (): SignerPolicy => ({ kind: 'key', publicKeyPem: readFileSync(path.join(keys, 'signing-key-pub.pem'), 'utf8') }),
      ],
    ])('blocks a signature checked against %s', async (_label, name, policy) => {
      const folder = path.join(fixtures, name);
      const error = await failure(verifyModel({ path: folder, signaturePath: path.join(folder, 'model.sig'), policy: policy() }));
      expect(error.kind).toBe('verification');
      expect(['UNTRUSTED_SIGNER', 'SIGNATURE_INVALID', 'CERTIFICATE_INVALID', 'MALFORMED_BUNDLE']).toContain(error.code);
    });
  });

  describe('when model.sig is fuzzed', () => {
    /** Every JSON path of a value, as key lists. */
    const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === 'object'
        ? [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
        : [prefix];

    it.each(['v1.1.0-elliptic-key', 'v1.0.0-certificate', 'v1.1.0-sigstore'])(
      'blocks with a typed error, or verifies exactly the original content (%s)',
      async (name) => {
        const original = JSON.parse(readFileSync(path.join(fixtures, name, 'model.sig'), 'utf8')) as unknown;
        const paths = pathsOf(original).filter((p) => p.length > 0);
        const copy = copyFixture(name, dir);
        const baseline = await verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) });
        const verifiedContent = (v: typeof baseline) => ({ root: v.rootDigest, resources: v.resources, signer: v.signer.identity });
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (target, replacement) => {
            const mutated = structuredClone(original) as Record<string | number, unknown>;
            let node = mutated;
            for (const key of target.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
            const last = target.at(-1)!;
            if (JSON.stringify(node[last]) === JSON.stringify(replacement)) return;
            node[last] = replacement;
            writeFileSync(path.join(copy, 'model.sig'), JSON.stringify(mutated));
            try {
              // Unsigned fields (a keyid, an empty timestamp list next to a tlog SET) may change without effect...
              const result = await verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor(name) });
              expect(verifiedContent(result)).toEqual(verifiedContent(baseline));
            } catch (error) {
              // ...anything else is a typed block.
              expect(error).toBeInstanceOf(AgentfenceError);
              expect((error as AgentfenceError).kind).toBe('verification');
            }
          }),
          { numRuns: 60 },
        );
      },
    );
  });

  describe('when the model path or ignore paths are bad', () => {
    it('refuses a symlink added to a signed model', async () => {
      const copy = copyFixture('v1.1.0-elliptic-key', dir);
      symlinkSync(path.join(copy, 'signme-1'), path.join(copy, 'alias'));
      const error = await failure(
        verifyModel({ path: copy, signaturePath: path.join(copy, 'model.sig'), policy: policyFor('v1.1.0-elliptic-key') }),
      );
      expect(error.code).toBe('SYMLINK_REFUSED');
    });

    it.each([['../outside'], ['/etc'], ['.']])('rejects the caller ignore path %s as bad input', async (ignore) => {
      const folder = path.join(fixtures, 'v1.1.0-elliptic-key');
      const error = await failure(
        verifyModel({
          path: folder,
          signaturePath: path.join(folder, 'model.sig'),
          policy: policyFor('v1.1.0-elliptic-key'),
          ignorePaths: [ignore],
        }),
      );
      expect(error.code).toBe('IGNORE_PATH_INVALID');
    });

    it('passes when a caller ignore path covers an added file and the policy allows it, listing what it hid', async () => {
      const copy = copyFixture('v1.1.0-elliptic-key', dir);
      mkdirSync(path.join(copy, 'cache'));
      writeFileSync(path.join(copy, 'cache', 'tmp'), 'x');
      writeFileSync(path.join(copy, '.gitignore'), 'cache/');
      const result = await verifyModel({
        path: copy,
        signaturePath: path.join(copy, 'model.sig'),
        policy: policyFor('v1.1.0-elliptic-key'),
        ignorePaths: ['cache', 'absent'],
        allowUnsignedIgnorePaths: true,
      });
      expect(result.resources.map((r) => r.name)).toEqual(['signme-1', 'signme-2']);
      expect(result.ignoredPaths).toEqual(
        expect.arrayContaining([
          { path: 'cache', source: 'caller', present: true },
          { path: 'absent', source: 'caller', present: false },
          { path: '.gitignore', source: 'signature', present: true },
          { path: 'model.sig', source: 'signature-file', present: true },
        ]),
      );
    });

    it.each([['loader.py'], ['cache'], ['sub/dir']])(
      'is POLICY_DENIED when ignore path %s is not recorded in the signature and the policy does not allow it',
      async (ignore) => {
        const copy = copyFixture('v1.1.0-elliptic-key', dir);
        writeFileSync(path.join(copy, 'loader.py'), 'import os');
        const error = await failure(
          verifyModel({
            path: copy,
            signaturePath: path.join(copy, 'model.sig'),
            policy: policyFor('v1.1.0-elliptic-key'),
            ignorePaths: [ignore],
          }),
        );
        expect([error.kind, error.code]).toEqual(['policy', 'POLICY_DENIED']);
        expect(error.message).toContain(ignore);
      },
    );
  });

  describe('when a model is signed with signModel', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

    it.each([
      { method: 'files' as const, shardSize: undefined },
      { method: 'shards' as const, shardSize: 5 },
    ])('verifies its own $method signature, which ignores itself', async ({ method, shardSize }) => {
      const model = path.join(dir, 'my-model');
      mkdirSync(path.join(model, 'weights'), { recursive: true });
      writeFileSync(path.join(model, 'config.json'), '{"layers":2}');
      writeFileSync(path.join(model, 'weights', 'w.bin'), Buffer.alloc(23, 9));
      writeFileSync(path.join(model, 'notes.txt'), 'not part of the model');
      const signed = await signModel({
        path: model,
        signer: { kind: 'key', privateKeyPem },
        ignorePaths: ['notes.txt'],
        method,
        ...(shardSize === undefined ? {} : { shardSize }),
      });
      expect(signed.signaturePath).toBe(path.join(model, 'model.sig'));
      expect(signed.manifest.serialization.ignorePaths).toEqual([
        '.git',
        '.gitattributes',
        '.github',
        '.gitignore',
        'model.sig',
        'notes.txt',
      ]);
      const verified = await verifyModel({ path: model, signaturePath: signed.signaturePath, policy: { kind: 'key', publicKeyPem } });
      expect(verified.rootDigest).toBe(signed.rootDigest);
      expect(verified.name).toBe('my-model');
      expect(modelResult('my-model', verified)).toMatchObject({ status: 'verified', digests: { sha256: `sha256:${signed.rootDigest}` } });
      writeFileSync(path.join(model, 'weights', 'w.bin'), Buffer.alloc(23, 8));
      expect(
        (await failure(verifyModel({ path: model, signaturePath: signed.signaturePath, policy: { kind: 'key', publicKeyPem } }))).code,
      ).toBe('TAMPERED');
    });

    describe('keyless, against a mock Sigstore (Fulcio, Rekor, TSA)', () => {
      let mock: Awaited<ReturnType<typeof startMockSigstore>>;
      const identity = 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main';
      const issuer = 'https://token.actions.githubusercontent.com';
      beforeAll(async () => {
        mock = await startMockSigstore();
      });
      afterAll(() => mock.close());

      it('verifies for the signing identity and blocks for any other', async () => {
        const model = path.join(dir, 'keyless-model');
        mkdirSync(model);
        writeFileSync(path.join(model, 'weights.bin'), Buffer.alloc(64, 1));
        const token = mock.token({ sub: identity, iss: issuer });
        const signed = await signModel({
          path: model,
          signer: {
            kind: 'keyless',
            identityToken: token,
            fulcioURL: FULCIO_URL,
            rekorURL: REKOR_URL,
            tsaURL: TSA_URL,
            rekorEntryType: 'intoto',
          },
        });
        const trustRoot = trustRootFromJson(mock.trustedRoot, 'mock');
        const verified = await verifyModel({
          path: model,
          signaturePath: signed.signaturePath,
          policy: { kind: 'keyless', issuer, subject: identity, trustRoot },
        });
        expect(verified.signer).toMatchObject({ identity, issuer });
        expect(verified.tlogIndexes).toHaveLength(1);
        const other = await failure(
          verifyModel({
            path: model,
            signaturePath: signed.signaturePath,
            policy: { kind: 'keyless', issuer, subject: `${identity}x`, trustRoot },
          }),
        );
        expect(other.code).toBe('UNTRUSTED_SIGNER');
      });
    });

    it.each([
      ['P-256', 'sha256'],
      ['P-384', 'sha384'],
      ['P-521', 'sha512'],
    ])("writes a %s bundle that passes model_signing's own key check (hint, PAE, curve hash)", async (curve, hash) => {
      const pair = generateKeyPairSync('ec', { namedCurve: curve });
      const model = path.join(dir, 'm');
      mkdirSync(model);
      writeFileSync(path.join(model, 'w'), 'w');
      const signed = await signModel({
        path: model,
        signer: { kind: 'key', privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      });
      const bundle = JSON.parse(readFileSync(signed.signaturePath, 'utf8')) as {
        mediaType: string;
        verificationMaterial: { publicKey: { hint: string } };
        dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
      };
      const { createHash, verify } = await import('node:crypto');
      const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      // sign_ec_key.py Verifier: hint == sha256(public PEM), then ECDSA(curve hash) over the DSSE PAE.
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(bundle.verificationMaterial.publicKey.hint).toBe(createHash('sha256').update(pem).digest('hex'));
      const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
      const type = bundle.dsseEnvelope.payloadType;
      const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
      expect(bundle.dsseEnvelope.signatures).toHaveLength(1);
      expect(verify(hash, pae, pair.publicKey, Buffer.from(bundle.dsseEnvelope.signatures[0]!.sig, 'base64'))).toBe(true);
      // signing.py dsse_payload_to_manifest: one subject whose digest is the root of the listed resources.
      const statement = JSON.parse(payload.toString('utf8')) as {
        subject: { name: string; digest: { sha256: string } }[];
        predicateType: string;
      };
      expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
      expect(statement.subject).toEqual([{ name: 'm', digest: { sha256: signed.rootDigest } }]);
    });

    it('verifies a legacy Digests/v0.1 statement (one subject per file) and blocks an unsigned file', async () => {
      const model = path.join(dir, 'legacy');
      mkdirSync(model);
      writeFileSync(path.join(model, 'a.bin'), 'a');
      writeFileSync(path.join(model, 'b.bin'), 'b');
      const { createHash } = await import('node:crypto');
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      const statement = {
        _type: 'https://in-toto.io/Statement/v0.1',
        subject: [
          { name: 'a.bin', digest: { sha256: sha('a') } },
          { name: 'b.bin', digest: { sha256: sha('b') } },
        ],
        predicateType: 'https://model_signing/Digests/v0.1',
        predicate: {},
      };
      const bundle = await signDsse(Buffer.from(JSON.stringify(statement)), 'application/vnd.in-toto+json', { kind: 'key', privateKeyPem });
      const signature = path.join(dir, 'legacy.sig');
      writeFileSync(signature, JSON.stringify(bundle));
      const verified = await verifyModel({ path: model, signaturePath: signature, policy: { kind: 'key', publicKeyPem } });
      expect(verified.predicateType).toBe('https://model_signing/Digests/v0.1');
      expect(verified.resources.map((r) => r.name)).toEqual(['a.bin', 'b.bin']);
      writeFileSync(path.join(model, 'c.bin'), 'c');
      expect((await failure(verifyModel({ path: model, signaturePath: signature, policy: { kind: 'key', publicKeyPem } }))).code).toBe(
        'TAMPERED',
      );
    });

    it('blocks a DSSE bundle whose payload is not an in-toto statement', async () => {
      const model = path.join(dir, 'm');
      mkdirSync(model);
      writeFileSync(path.join(model, 'w'), 'w');
      const bundle = await signDsse(Buffer.from('{"hello":"world"}'), 'application/json', { kind: 'key', privateKeyPem });
      writeFileSync(path.join(dir, 'other.sig'), JSON.stringify(bundle));
      expect(
        (await failure(verifyModel({ path: model, signaturePath: path.join(dir, 'other.sig'), policy: { kind: 'key', publicKeyPem } })))
          .code,
      ).toBe('MALFORMED_BUNDLE');
    });

    it('writes the key hint model_signing checks (sha256 of the SPKI PEM)', async () => {
      const model = path.join(dir, 'm');
      mkdirSync(model);
      writeFileSync(path.join(model, 'w'), 'w');
      const signed = await signModel({ path: model, signer: { kind: 'key', privateKeyPem } });
      const bundle = signed.bundle as { verificationMaterial: { publicKey: { hint: string } }; dsseEnvelope: { payloadType: string } };
      const { createHash } = await import('node:crypto');
      expect(bundle.verificationMaterial.publicKey.hint).toBe(createHash('sha256').update(publicKeyPem).digest('hex'));
      expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    });
  });
});

/** Replaces the DSSE payload of a copied bundle, keeping the old signature. */
function rewritePayload(copy: string, edit: (statement: string) => string): void {
  const file = path.join(copy, 'model.sig');
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { dsseEnvelope: { payload: string } };
  bundle.dsseEnvelope.payload = Buffer.from(edit(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'))).toString('base64');
  writeFileSync(file, JSON.stringify(bundle));
}
