import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { hashModel, modelBlockedResult, modelResult, signModel, verifyModel } from '../../../../src/verify/model/index.js';
import { legacyPae, pythonBytesRepr } from '../../../../src/verify/model/signature.js';
import type { SignerPolicy } from '../../../../src/verify/sigstore/types.js';
import { keys, tempDir } from './helpers.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const policy: SignerPolicy = { kind: 'key', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };

/** `<dir>/name<byte>.bin` as a byte path (not valid UTF-8 for 0x80..0xff). */
const rawName = (dir: string, byte: number): Buffer =>
  Buffer.concat([Buffer.from(`${dir}/name`), Buffer.from([byte]), Buffer.from('.bin')]);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'VERIFIED';
  } catch (error) {
    if (error instanceof AgentfenceError) return `${error.kind}:${error.code}`;
    throw error;
  }
}

describe('model file names', () => {
  let dir: string;
  let cleanup: () => void;
  let model: string;
  let signature: string;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    model = path.join(dir, 'model');
    mkdirSync(model);
    writeFileSync(path.join(model, 'weights.bin'), 'w');
    writeFileSync(path.join(model, 'name\uFFFD.bin'), 'signed');
    signature = path.join(dir, 'model.sig');
    await signModel({ path: model, signer: { kind: 'key', privateKeyPem }, outputPath: signature, workers: 0 });
  });
  afterEach(() => cleanup());

  describe('when a name is not valid UTF-8', () => {
    it.each([[0xff], [0x80], [0xc3]])(
      'an unsigned file named with byte 0x%s beside a signed U+FFFD name is TAMPERED and shown escaped',
      async (byte) => {
        writeFileSync(rawName(model, byte), 'unsigned');
        const error = await verifyModel({ path: model, signaturePath: signature, policy, workers: 0 }).catch((e: unknown) => e);
        expect(error).toMatchObject({ kind: 'verification', code: 'TAMPERED' });
        const shown = `name\\x${byte.toString(16).toUpperCase()}.bin (name is not valid UTF-8)`;
        expect((error as Error).message).toContain(shown);
        expect(modelBlockedResult('m', error).details?.['extra']).toEqual([shown]);
      },
    );

    it('the signed U+FFFD file replaced by a raw-byte name is TAMPERED (missing and extra), never MODEL_NOT_FOUND', async () => {
      renameSync(path.join(model, 'name\uFFFD.bin'), rawName(model, 0xff));
      const error = await verifyModel({ path: model, signaturePath: signature, policy, workers: 0 }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'TAMPERED',
        diff: { missing: ['name\uFFFD.bin'], extra: ['name\\xFF.bin (name is not valid UTF-8)'] },
      });
    });

    it('a folder holding only an undecodable name is TAMPERED, not MODEL_EMPTY', async () => {
      const only = path.join(dir, 'only');
      mkdirSync(only);
      writeFileSync(path.join(only, 'a'), 'a');
      const sig = path.join(dir, 'only.sig');
      await signModel({ path: only, signer: { kind: 'key', privateKeyPem }, outputPath: sig, workers: 0 });
      renameSync(path.join(only, 'a'), rawName(only, 0xfe));
      expect(await codeOf(verifyModel({ path: only, signaturePath: sig, policy, workers: 0 }))).toBe('verification:TAMPERED');
    });

    it('an undecodable folder name is reported once, not walked', async () => {
      const folder = Buffer.concat([Buffer.from(`${model}/dir`), Buffer.from([0xff])]);
      mkdirSync(folder);
      writeFileSync(Buffer.concat([folder, Buffer.from('/inner.bin')]), 'x');
      const hashed = await hashModel(model, { workers: 0 });
      expect(hashed.undecodable).toEqual(['dir\\xFF']);
    });

    it('refuses to sign it (MODEL_NAME_NOT_UTF8, exit 2)', async () => {
      writeFileSync(rawName(model, 0xff), 'x');
      expect(
        await codeOf(signModel({ path: model, signer: { kind: 'key', privateKeyPem }, outputPath: signature, workers: 0 })).then((got) =>
          got.split(':'),
        ),
      ).toEqual(['input', 'MODEL_NAME_NOT_UTF8']);
    });
  });

  describe('when a file is named model.sig', () => {
    it.each([
      ['the signature in use, inside the model', true, 'VERIFIED'],
      ['another model.sig, the signature being elsewhere', false, 'verification:TAMPERED'],
    ])('%s -> %s', async (_label, inUse, expected) => {
      const inside = path.join(model, 'model.sig');
      await signModel({ path: model, signer: { kind: 'key', privateKeyPem }, outputPath: inside, workers: 0 });
      // The statement records model.sig among its ignore paths, as model_signing does.
      const recorded = JSON.parse(
        Buffer.from(
          (JSON.parse(readFileSync(inside, 'utf8')) as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload,
          'base64',
        ).toString(),
      ) as {
        predicate: { serialization: { ignore_paths: string[] } };
      };
      expect(recorded.predicate.serialization.ignore_paths).toContain('model.sig');
      const elsewhere = path.join(dir, 'copy.sig');
      writeFileSync(elsewhere, readFileSync(inside));
      expect(await codeOf(verifyModel({ path: model, signaturePath: inUse ? inside : elsewhere, policy, workers: 0 }))).toBe(expected);
    });
  });

  describe('when paths are ignored', () => {
    it('lists every applied entry in the result details and the message', async () => {
      writeFileSync(path.join(model, 'loader.py'), 'import os');
      mkdirSync(path.join(model, '.git'));
      writeFileSync(path.join(model, '.git', 'HEAD'), 'ref');
      const verified = await verifyModel({
        path: model,
        signaturePath: signature,
        policy,
        ignorePaths: ['loader.py'],
        allowUnsignedIgnorePaths: true,
        workers: 0,
      });
      const result = modelResult('m', verified);
      expect(result.details?.['ignoredPaths']).toEqual(
        expect.arrayContaining([
          { path: 'loader.py', source: 'caller', present: true },
          { path: '.git', source: 'signature', present: true },
        ]),
      );
      expect(result.message).toContain('not compared (ignored): .git (recorded in the signature), loader.py (ignorePaths)');
    });

    it.each([
      [['loader.py'], 'policy:POLICY_DENIED'],
      [['.git'], 'VERIFIED'],
      [['.git/objects'], 'VERIFIED'],
    ])('ignorePaths %j without the trust policy allowance -> %s', async (ignorePaths, expected) => {
      writeFileSync(path.join(model, 'loader.py'), 'import os');
      if (expected === 'VERIFIED') renameSync(path.join(model, 'loader.py'), path.join(dir, 'loader.py'));
      expect(await codeOf(verifyModel({ path: model, signaturePath: signature, policy, ignorePaths, workers: 0 }))).toBe(expected);
    });
  });
});

describe('pythonBytesRepr', () => {
  it.each([
    ["it's", `b"it's"`],
    [`a"b'c`, `b'a"b\\'c'`],
    ['\n\t\r\\\u0000\u00ff~\u007f', `b'\\n\\t\\r\\\\\\x00\\xff~\\x7f'`],
    ['{"k": "v"}', `b'{"k": "v"}'`],
    ['', `b''`],
  ])('renders %j as Python does', (text, expected) => {
    expect(pythonBytesRepr(Buffer.from(text, 'latin1'))).toBe(expected);
  });
});

describe('legacyPae', () => {
  it('is the v0.2 encoding: DSSEV1, the lengths, and the repr of the payload', () => {
    expect(legacyPae(Buffer.from('{"a": 1}')).toString()).toBe(`DSSEV1 28 application/vnd.in-toto+json 8 b'{"a": 1}'`);
  });
});

describe('signModel with a certificate', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it.each([
    ['no PEM certificate', 'not a certificate', 'input:SIGNING_CERTIFICATE_INVALID'],
    [
      'a certificate that does not parse',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      'input:SIGNING_CERTIFICATE_INVALID',
    ],
  ])('refuses %s before hashing', async (_label, certificatePem, expected) => {
    writeFileSync(path.join(dir, 'w.bin'), 'w');
    expect(
      await codeOf(signModel({ path: dir, signer: { kind: 'certificate', privateKeyPem, certificatePem, chainPem: [] }, workers: 0 })),
    ).toBe(expected);
  });

  it.skipIf(!existsSync(keys))('refuses a certificate that is not for the private key', async () => {
    writeFileSync(path.join(dir, 'w.bin'), 'w');
    const certificatePem = readFileSync(path.join(keys, 'signing-key-cert.pem'), 'utf8');
    const error = await signModel({
      path: dir,
      signer: { kind: 'certificate', privateKeyPem, certificatePem, chainPem: [] },
      workers: 0,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'input',
      code: 'SIGNING_CERTIFICATE_INVALID',
      message: expect.stringContaining('public keys differ'),
    });
  });

  it('refuses a key that is not EC', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(path.join(dir, 'w.bin'), 'w');
    expect(
      await codeOf(
        signModel({ path: dir, signer: { kind: 'certificate', privateKeyPem: rsa, certificatePem: '', chainPem: [] }, workers: 0 }),
      ),
    ).toBe('input:KEY_INVALID');
  });
});
