/**
 * agentfence against the OpenSSF reference model_signing, both directions: the reference signs and
 * agentfence verifies, agentfence signs and the reference verifies, over keys (P-256, P-384, P-521)
 * and a private-PKI chain (root -> intermediate -> leaf, made at test time), `files` and `shards`,
 * nested folders with an empty file and unicode names, single files and recorded ignore paths. Then
 * what the reference's compatibility paths and certificate checks accept.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signModel, verifyModel } from '../../src/verify/model/index.js';
import type { SignerPolicy } from '../../src/verify/sigstore/types.js';
import type { CertificateSigner } from '../../src/verify/model/types.js';
import { peers, peerVersions } from './peers.js';
import { makeKey, NESTED_MODEL, reference, referenceCli, writeModel, type KeyFiles } from './model-signing-peer.js';

const found = peers(['python', 'model_signing']);
const root = path.resolve(import.meta.dirname, '../..');

type Curve = 'P-256' | 'P-384' | 'P-521';
type SignerId = `key-${Curve}` | 'cert-P-256' | 'cert-P-384';
type Shape = 'nested' | 'single' | 'ignored';
type Method = 'files' | 'shards';

const SIGNERS: readonly SignerId[] = ['key-P-256', 'key-P-384', 'key-P-521', 'cert-P-256', 'cert-P-384'];
const SHAPES: readonly Shape[] = ['nested', 'single', 'ignored'];
const METHODS: readonly Method[] = ['files', 'shards'];
const SHARD_SIZE = 7;
/** Recorded at signing in the `ignored` shape: a folder and a file that are not signed. */
const SIGNED_IGNORES = ['notes', 'scratch.txt'];

interface Pki {
  readonly root: string;
  readonly intermediate: string;
  readonly leaves: Record<string, { key: string; cert: string }>;
}

interface Case {
  readonly id: string;
  readonly signer: SignerId;
  readonly shape: Shape;
  readonly method: Method;
}

const cases: Case[] = SIGNERS.flatMap((signer) =>
  SHAPES.flatMap((shape) => METHODS.map((method) => ({ id: `${signer}-${shape}-${method}`, signer, shape, method }))),
);

function subjectDigest(signatureFile: string): string {
  const bundle = JSON.parse(readFileSync(signatureFile, 'utf8')) as { dsseEnvelope: { payload: string } };
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as {
    subject: { digest: { sha256: string } }[];
  };
  return statement.subject[0]!.digest.sha256;
}

describe.skipIf(!found.ok)('model_signing interop', () => {
  let work: string;
  let keys: Record<Curve, KeyFiles>;
  let pki: Pki;
  const models: Record<Shape, string> = { nested: '', single: '', ignored: '' };

  const leafName = (signer: SignerId): string => (signer === 'cert-P-384' ? 'leaf-p384' : 'leaf');
  const ourPolicy = (signer: SignerId): SignerPolicy =>
    signer.startsWith('key-')
      ? { kind: 'key', publicKeyPem: keys[signer.slice(4) as Curve].publicKeyPem }
      : { kind: 'certificate', chainPem: [readFileSync(pki.root, 'utf8')] };
  const referenceVerifier = (signer: SignerId): Record<string, unknown> =>
    signer.startsWith('key-')
      ? { verifier: 'key', publicKey: keys[signer.slice(4) as Curve].publicKey }
      : { verifier: 'certificate', chain: [pki.root] };
  const referenceSigner = (signer: SignerId): Record<string, unknown> =>
    signer.startsWith('key-')
      ? { signer: 'key', key: keys[signer.slice(4) as Curve].privateKey }
      : {
          signer: 'certificate',
          key: pki.leaves[leafName(signer)]!.key,
          cert: pki.leaves[leafName(signer)]!.cert,
          chain: [pki.intermediate],
        };
  const ourSigner = (signer: SignerId): Parameters<typeof signModel>[0]['signer'] => {
    if (signer.startsWith('key-')) return { kind: 'key', privateKeyPem: keys[signer.slice(4) as Curve].privateKeyPem };
    const leaf = pki.leaves[leafName(signer)]!;
    const certificate: CertificateSigner = {
      kind: 'certificate',
      privateKeyPem: readFileSync(leaf.key, 'utf8'),
      certificatePem: readFileSync(leaf.cert, 'utf8'),
      chainPem: [readFileSync(pki.intermediate, 'utf8')],
    };
    return certificate;
  };
  const serialization = (c: Case): Record<string, unknown> => ({
    method: c.method,
    shardSize: SHARD_SIZE,
    ignore: c.shape === 'ignored' ? SIGNED_IGNORES : [],
  });

  beforeAll(() => {
    console.info(`model_signing interop against ${peerVersions()}`);
    work = mkdtempSync(path.join(tmpdir(), 'af-interop-ms-'));
    keys = {
      'P-256': makeKey(path.join(work, 'keys'), 'P-256'),
      'P-384': makeKey(path.join(work, 'keys'), 'P-384'),
      'P-521': makeKey(path.join(work, 'keys'), 'P-521'),
    };
    const [made] = reference(found, [
      {
        op: 'pki',
        dir: path.join(work, 'pki'),
        leaves: [
          { name: 'leaf' },
          { name: 'leaf-p384', curve: 'P-384' },
          { name: 'expired', notBeforeDays: -10, notAfterDays: -1 },
          { name: 'eku-only', usage: 'none', codeSigning: true },
          { name: 'no-usage', usage: 'none' },
          { name: 'key-encipherment', usage: 'keyEncipherment' },
        ],
      },
    ]);
    expect(made?.error).toBeUndefined();
    pki = made as unknown as Pki;
    models.nested = writeModel(path.join(work, 'models', 'nested'), NESTED_MODEL);
    models.single = path.join(
      writeModel(path.join(work, 'models', 'single'), { 'weights.safetensors': 'w'.repeat(31) }),
      'weights.safetensors',
    );
    models.ignored = writeModel(path.join(work, 'models', 'ignored'), {
      ...NESTED_MODEL,
      'notes/draft.txt': 'unsigned',
      'scratch.txt': 'unsigned',
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('when the reference signs', () => {
    let signed: { ok: boolean; error?: string }[];
    let selfChecked: { ok: boolean; error?: string }[];
    beforeAll(() => {
      const signs = cases.map((c) => ({
        op: 'sign',
        ...referenceSigner(c.signer),
        ...serialization(c),
        model: models[c.shape],
        signature: path.join(work, 'ref', `${c.id}.sig`),
      }));
      const verifies = cases.map((c) => ({
        op: 'verify',
        ...referenceVerifier(c.signer),
        model: models[c.shape],
        signature: path.join(work, 'ref', `${c.id}.sig`),
      }));
      spawnSync('mkdir', ['-p', path.join(work, 'ref'), path.join(work, 'ours')]);
      const results = reference(found, [...signs, ...verifies]);
      signed = results.slice(0, cases.length);
      selfChecked = results.slice(cases.length);
    });

    it.each(cases)('agentfence verifies $id', async (c) => {
      expect(signed[cases.indexOf(c)]).toEqual({ ok: true });
      // Documented difference: model_signing 1.1.1 writes shard_size through a protobuf Struct as a
      // float (7.0) and its own verifier then fails on range(); agentfence reads 7.0 as the integer 7.
      expect(selfChecked[cases.indexOf(c)]).toEqual(
        c.method === 'files' ? { ok: true } : { ok: false, error: "TypeError: 'float' object cannot be interpreted as an integer" },
      );
      const result = await verifyModel({
        path: models[c.shape],
        signaturePath: path.join(work, 'ref', `${c.id}.sig`),
        policy: ourPolicy(c.signer),
        workers: 0,
      });
      expect(result.serialization.method).toBe(c.method);
      if (c.shape === 'ignored') {
        expect(result.serialization.ignorePaths).toEqual(expect.arrayContaining(SIGNED_IGNORES));
        expect(
          result.ignoredPaths
            .filter((entry) => entry.present && entry.source === 'signature')
            .map((entry) => entry.path)
            .sort(),
        ).toEqual(SIGNED_IGNORES);
      }
    });
  });

  describe('when agentfence signs', () => {
    let verdicts: { ok: boolean; error?: string }[];
    beforeAll(async () => {
      for (const c of cases) {
        await signModel({
          path: models[c.shape],
          signer: ourSigner(c.signer),
          outputPath: path.join(work, 'ours', `${c.id}.sig`),
          method: c.method,
          ...(c.method === 'shards' ? { shardSize: SHARD_SIZE } : {}),
          ignorePaths: c.shape === 'ignored' ? SIGNED_IGNORES : [],
          workers: 0,
        });
      }
      verdicts = reference(
        found,
        cases.map((c) => ({
          op: 'verify',
          ...referenceVerifier(c.signer),
          model: models[c.shape],
          signature: path.join(work, 'ours', `${c.id}.sig`),
        })),
      );
    });

    it.each(cases)('the reference verifies $id', (c) => {
      expect(verdicts[cases.indexOf(c)]).toEqual({ ok: true });
    });

    it.each(cases)('both sign $id over the same root digest', (c) => {
      expect(subjectDigest(path.join(work, 'ours', `${c.id}.sig`))).toBe(subjectDigest(path.join(work, 'ref', `${c.id}.sig`)));
    });
  });

  describe('when the CLIs sign with the signature inside the model', () => {
    it.each([
      ['key', 'P-384'],
      ['certificate', 'P-256'],
    ] as const)(
      "agentfence's CLI signs (%s) and the reference CLI verifies; the reference CLI signs and agentfence's CLI verifies",
      (method, curve) => {
        const model = writeModel(path.join(work, 'cli', method), NESTED_MODEL);
        const leaf = pki.leaves['leaf']!;
        const ours =
          method === 'key'
            ? ['--key', keys[curve].privateKey]
            : ['--key', leaf.key, '--certificate', leaf.cert, '--chain', pki.intermediate];
        const signed = spawnSync(process.execPath, [path.join(root, 'bin/agentfence.js'), 'sign', 'model', model, ...ours], {
          encoding: 'utf8',
        });
        expect([signed.status, signed.stderr]).toEqual([0, '']);
        const verifyArgs =
          method === 'key'
            ? ['key', model, '--public_key', keys[curve].publicKey]
            : ['certificate', model, '--certificate_chain', pki.root];
        const checked = referenceCli(found, ['verify', ...verifyArgs, '--signature', path.join(model, 'model.sig')]);
        expect([checked.status, checked.stdout]).toEqual([0, expect.stringContaining('Verification succeeded')]);

        const signArgs =
          method === 'key'
            ? ['key', model, '--private_key', keys[curve].privateKey]
            : [
                'certificate',
                model,
                '--private_key',
                leaf.key,
                '--signing_certificate',
                leaf.cert,
                '--certificate_chain',
                pki.intermediate,
              ];
        const theirs = referenceCli(found, ['sign', ...signArgs, '--signature', path.join(model, 'model.sig')]);
        expect(theirs.status).toBe(0);
        const ourCheck = method === 'key' ? ['--key', keys[curve].publicKey] : ['--certificate-chain', pki.root];
        const verified = spawnSync(process.execPath, [path.join(root, 'bin/agentfence.js'), 'verify', 'model', model, ...ourCheck], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
        expect([verified.status, verified.stdout]).toEqual([0, expect.stringContaining('VERIFIED model')]);
      },
    );
  });

  describe('when the private-PKI leaf is unusual', () => {
    const table = [
      // [leaf, the reference's verdict and ours by default, ours with certificateTime: now]
      ['expired', true, false],
      ['eku-only', true, true],
      ['no-usage', false, false],
      ['key-encipherment', false, false],
    ] as const;
    let verdicts: { ok: boolean; error?: string }[];
    beforeAll(() => {
      const ops = table.flatMap(([leaf]) => {
        const signature = path.join(work, 'ref', `pki-${leaf}.sig`);
        return [
          {
            op: 'sign',
            signer: 'certificate',
            key: pki.leaves[leaf]!.key,
            cert: pki.leaves[leaf]!.cert,
            chain: [pki.intermediate],
            model: models.nested,
            signature,
          },
          { op: 'verify', verifier: 'certificate', chain: [pki.root], model: models.nested, signature },
        ];
      });
      verdicts = reference(found, ops);
    });

    it.each(table)(
      'a %s leaf: the reference says %s, agentfence agrees (and with certificateTime now: %s)',
      async (leaf, accepted, acceptedNow) => {
        const index = table.findIndex(([name]) => name === leaf);
        expect(verdicts[2 * index]).toEqual({ ok: true });
        expect(verdicts[2 * index + 1]!.ok).toBe(accepted);
        const options = {
          path: models.nested,
          signaturePath: path.join(work, 'ref', `pki-${leaf}.sig`),
          policy: ourPolicy('cert-P-256'),
          workers: 0,
        };
        const ours = await verifyModel(options).then(
          () => 'ok',
          (error: unknown) => (error as { code: string }).code,
        );
        expect(ours === 'ok').toBe(accepted);
        if (!accepted) expect(ours).toBe('CERTIFICATE_INVALID');
        const strict = await verifyModel({ ...options, certificateTime: 'now' }).then(
          () => 'ok',
          (error: unknown) => (error as { code: string }).code,
        );
        expect(strict === 'ok').toBe(acceptedNow);
        if (leaf === 'expired') expect(strict).toBe('EXPIRED');
      },
    );
  });

  describe('when the signature was made by model_signing before 1.0', () => {
    const legacy = [
      ['key', 'P-256'],
      ['key', 'P-384'],
      ['certificate', 'P-384'],
    ] as const;
    let verdicts: { ok: boolean; error?: string }[];
    let legacyModel: string;
    beforeAll(() => {
      legacyModel = writeModel(path.join(work, 'models', 'legacy'), { 'config.json': '{}', 'weights/a.bin': 'aaaa', 'empty.bin': '' });
      const ops = legacy.flatMap(([kind, curve]) => {
        const signature = path.join(work, 'ref', `legacy-${kind}-${curve}.sig`);
        const signer =
          kind === 'key'
            ? { signer: 'key', key: keys[curve].privateKey }
            : { signer: 'certificate', key: pki.leaves['leaf-p384']!.key, cert: pki.leaves['leaf-p384']!.cert, chain: [pki.intermediate] };
        const verifier =
          kind === 'key' ? { verifier: 'key', publicKey: keys[curve].publicKey } : { verifier: 'certificate', chain: [pki.root] };
        return [
          { op: 'legacy', ...signer, model: legacyModel, signature },
          { op: 'verify', ...verifier, model: legacyModel, signature },
        ];
      });
      verdicts = reference(found, ops);
    });

    it.each(legacy)('a v0.2 %s signature (%s) verifies on both sides, and a changed file fails on both', async (kind, curve) => {
      const index = legacy.findIndex(([k, c]) => k === kind && c === curve);
      expect(verdicts[2 * index]).toEqual({ ok: true });
      expect(verdicts[2 * index + 1]).toEqual({ ok: true });
      const signaturePath = path.join(work, 'ref', `legacy-${kind}-${curve}.sig`);
      const policy: SignerPolicy = kind === 'key' ? { kind: 'key', publicKeyPem: keys[curve].publicKeyPem } : ourPolicy('cert-P-384');
      const result = await verifyModel({ path: legacyModel, signaturePath, policy, workers: 0 });
      expect(result.predicateType).toBe('https://model_signing/Digests/v0.1');

      const tampered = writeModel(path.join(work, 'models', `legacy-tampered-${kind}-${curve}`), {
        'config.json': '{}',
        'weights/a.bin': 'aaab',
        'empty.bin': '',
      });
      const [theirs] = reference(found, [
        {
          op: 'verify',
          ...(kind === 'key' ? { verifier: 'key', publicKey: keys[curve].publicKey } : { verifier: 'certificate', chain: [pki.root] }),
          model: tampered,
          signature: signaturePath,
        },
      ]);
      expect(theirs!.ok).toBe(false);
      await expect(verifyModel({ path: tampered, signaturePath, policy, workers: 0 })).rejects.toMatchObject({ code: 'TAMPERED' });
    });

    it('a legacy signature by another key fails on both sides', async () => {
      const signaturePath = path.join(work, 'ref', 'legacy-key-P-256.sig');
      const [theirs] = reference(found, [
        { op: 'verify', verifier: 'key', publicKey: keys['P-384'].publicKey, model: legacyModel, signature: signaturePath },
      ]);
      expect(theirs!.ok).toBe(false);
      await expect(
        verifyModel({ path: legacyModel, signaturePath, policy: { kind: 'key', publicKeyPem: keys['P-384'].publicKeyPem }, workers: 0 }),
      ).rejects.toMatchObject({
        code: 'SIGNATURE_INVALID',
      });
    });
  });

  describe('when the signature file is corrupted', () => {
    it('both sides reject a flipped signature byte', async () => {
      const source = path.join(work, 'ref', 'key-P-256-nested-files.sig');
      const bundle = JSON.parse(readFileSync(source, 'utf8')) as { dsseEnvelope: { signatures: { sig: string }[] } };
      const sig = Buffer.from(bundle.dsseEnvelope.signatures[0]!.sig, 'base64');
      sig[sig.length - 1]! ^= 1;
      bundle.dsseEnvelope.signatures[0]!.sig = sig.toString('base64');
      const corrupted = path.join(work, 'ref', 'corrupted.sig');
      writeFileSync(corrupted, JSON.stringify(bundle));
      const [theirs] = reference(found, [
        { op: 'verify', verifier: 'key', publicKey: keys['P-256'].publicKey, model: models.nested, signature: corrupted },
      ]);
      expect(theirs!.ok).toBe(false);
      await expect(
        verifyModel({ path: models.nested, signaturePath: corrupted, policy: ourPolicy('key-P-256'), workers: 0 }),
      ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    });
  });
});
