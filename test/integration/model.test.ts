import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { agentfence, root } from './run-cli.js';

const fixtures = path.resolve(root, '../shared/fixtures/model-signing');
const keys = path.join(fixtures, 'keys');

const cli = (cwd: string, ...args: string[]) => agentfence(args, { cwd });

/** The reference implementation's verify commands for each fixture (scripts/tests/test-verify-*.sh), in our flags. */
const fixtureArgs: Record<string, string[]> = {
  'v1.0.0-sigstore': [
    'v1.0.0-sigstore',
    '--signature',
    'v1.0.0-sigstore/model.sig',
    '--identity',
    'stefanb@us.ibm.com',
    '--issuer',
    'https://sigstore.verify.ibm.com/oauth2',
  ],
  'v1.1.0-sigstore': [
    'v1.1.0-sigstore',
    '--signature',
    'v1.1.0-sigstore/model.sig',
    '--identity',
    'stefanb@us.ibm.com',
    '--issuer',
    'https://sigstore.verify.ibm.com/oauth2',
    '--ignore-paths',
    'v1.1.0-sigstore/ignore-me',
  ],
  'v1.0.0-elliptic-key': [
    'v1.0.0-elliptic-key/signme-1',
    '--signature',
    'v1.0.0-elliptic-key/model.sig',
    '--key',
    'keys/signing-key-pub.pem',
  ],
  'v1.1.0-elliptic-key': ['v1.1.0-elliptic-key', '--signature', 'v1.1.0-elliptic-key/model.sig', '--key', 'keys/signing-key-pub.pem'],
  'v1.0.0-certificate': [
    'v1.0.0-certificate',
    '--signature',
    'v1.0.0-certificate/model.sig',
    '--certificate-chain',
    'keys/ca-cert.pem',
    '--certificate-chain',
    'keys/int-ca-cert.pem',
  ],
  'v1.1.0-certificate': ['v1.1.0-certificate', '--signature', 'v1.1.0-certificate/model.sig', '--certificate-chain', 'keys/ca-cert.pem'],
};

describe('agentfence verify model', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'af-model-cli-'));
    cpSync(fixtures, work, { recursive: true });
    const makeWritable = (dir: string): void => {
      chmodSync(dir, 0o755);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) makeWritable(full);
        else chmodSync(full, 0o644);
      }
    };
    makeWritable(work);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('when each reference-signed model is verified as its README says', () => {
    it.each(Object.keys(fixtureArgs))('%s exits 0 with a verified JSON result', async (name) => {
      const r = await cli(fixtures, 'verify', 'model', ...fixtureArgs[name]!, '--format', 'json');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { schemaVersion: string; result: { status: string; digests: { sha256: string } } };
      expect(out.schemaVersion).toBe('agentfence.model-verification/v1');
      expect(out.result.status).toBe('verified');
      expect(out.result.digests.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    });
  });

  describe('when a copy of a signed model is tampered with', () => {
    it('exits 1, names every changed, extra and missing file, and says TAMPERED', async () => {
      appendFileSync(path.join(work, 'v1.0.0-certificate', 'signme-1'), '!');
      writeFileSync(path.join(work, 'v1.0.0-certificate', 'added.bin'), 'x');
      rmSync(path.join(work, 'v1.0.0-certificate', 'signme-2'));
      const r = await cli(work, 'verify', 'model', ...fixtureArgs['v1.0.0-certificate']!);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /^BLOCKED model v1\.0\.0-certificate\s+TAMPERED: .*changed: signme-1 .*extra \(not signed\): added\.bin; missing: signme-2/,
      );
    });

    it('exits 1 with SARIF carrying the block as an error', async () => {
      appendFileSync(path.join(work, 'v1.1.0-elliptic-key', 'signme-2'), '!');
      const r = await cli(work, 'verify', 'model', ...fixtureArgs['v1.1.0-elliptic-key']!, '--format', 'sarif');
      expect(r.status).toBe(1);
      const sarif = JSON.parse(r.stdout) as { runs: [{ results: [{ level: string; message: { text: string } }] }] };
      expect(sarif.runs[0].results[0].level).toBe('error');
      expect(sarif.runs[0].results[0].message.text).toContain('TAMPERED');
    });

    it('exits 1 as UNSIGNED when the signature is missing', async () => {
      const r = await cli(work, 'verify', 'model', 'v1.1.0-sigstore', '--signature', 'nope.sig', '--key', 'keys/signing-key-pub.pem');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('UNSIGNED');
    });

    it('exits 1 when the signer is not the one asked for', async () => {
      const r = await cli(
        fixtures,
        'verify',
        'model',
        'v1.0.0-sigstore',
        '--signature',
        'v1.0.0-sigstore/model.sig',
        '--identity',
        'someone@example.com',
        '--issuer',
        'https://sigstore.verify.ibm.com/oauth2',
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('BLOCKED');
    });
  });

  describe('when the command line is wrong', () => {
    it.each([
      ['no signer method', ['v1.1.0-elliptic-key']],
      ['two signer methods', ['v1.1.0-elliptic-key', '--key', 'keys/signing-key-pub.pem', '--certificate-chain', 'keys/ca-cert.pem']],
      ['an identity without issuer', ['v1.1.0-sigstore', '--identity', 'stefanb@us.ibm.com']],
      ['a missing model', ['no-such-model', '--key', 'keys/signing-key-pub.pem']],
      ['a missing key file', ['v1.1.0-elliptic-key', '--key', 'keys/none.pem']],
      ['an unknown flag', ['v1.1.0-elliptic-key', '--frobnicate']],
      ['a bad worker count', ['v1.1.0-elliptic-key', '--key', 'keys/signing-key-pub.pem', '--workers', 'many']],
    ])('exits 2 on %s without a stack trace', async (_label, args) => {
      const r = await cli(fixtures, 'verify', 'model', ...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('agentfence sign model', () => {
  let work: string;
  let keyFile: string;
  let pubFile: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'af-sign-cli-'));
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    keyFile = path.join(work, 'key.pem');
    pubFile = path.join(work, 'pub.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pubFile, publicKey.export({ type: 'spki', format: 'pem' }));
    mkdirSync(path.join(work, 'model', 'shards'), { recursive: true });
    writeFileSync(path.join(work, 'model', 'config.json'), '{"a":1}');
    writeFileSync(path.join(work, 'model', 'shards', 'w.bin'), Buffer.alloc(1000, 3));
    writeFileSync(path.join(work, 'model', 'scratch.txt'), 'ignored');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('when a model is signed with a key and then verified', () => {
    it('signs (files), verifies, and blocks after a change', async () => {
      const signed = await cli(work, 'sign', 'model', 'model', '--key', keyFile, '--ignore-paths', 'model/scratch.txt', '--format', 'json');
      expect(signed.status).toBe(0);
      const summary = JSON.parse(signed.stdout) as { signature: string; resources: number; serialization: { ignorePaths: string[] } };
      expect(summary.signature).toBe(path.join(work, 'model', 'model.sig'));
      expect(summary.resources).toBe(2);
      expect(summary.serialization.ignorePaths).toContain('scratch.txt');
      expect((await cli(work, 'verify', 'model', 'model', '--key', pubFile)).status).toBe(0);
      writeFileSync(path.join(work, 'model', 'new.bin'), 'x');
      const blocked = await cli(work, 'verify', 'model', 'model', '--key', pubFile);
      expect(blocked.status).toBe(1);
      expect(blocked.stdout).toContain('new.bin');
      rmSync(path.join(work, 'model', 'new.bin'));
    });

    it('signs by shards to another path and verifies with --verbose throughput', async () => {
      const out = path.join(work, 'shards.sig');
      expect(
        (
          await cli(
            work,
            'sign',
            'model',
            'model',
            '--key',
            keyFile,
            '--method',
            'shards',
            '--shard-size',
            '300',
            '--signature',
            out,
            '--ignore-paths',
            'model/scratch.txt',
            '--ignore-paths',
            'model/model.sig',
          )
        ).status,
      ).toBe(0);
      // The files signature model/model.sig is not the one in use: it is content unless ignored at verification too.
      const unlisted = await cli(work, 'verify', 'model', 'model', '--signature', out, '--key', pubFile);
      expect([unlisted.status, unlisted.stdout]).toEqual([1, expect.stringContaining('extra (not signed): model.sig')]);
      const r = await cli(
        work,
        'verify',
        'model',
        'model',
        '--signature',
        out,
        '--key',
        pubFile,
        '--verbose',
        '--ignore-paths',
        'model/model.sig',
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('not compared (ignored): scratch.txt (recorded in the signature), model.sig (ignorePaths)');
      expect(r.stderr).toMatch(/hashed 2 files \(5 resources, .*\/s/);
    });

    it.each([
      ['no key and no token', ['model']],
      ['a key that is not a key', ['model', '--key', path.join('model', 'config.json')]],
      ['an unknown method', ['model', '--key', 'key.pem', '--method', 'tensors']],
      ['a shard size without shards', ['model', '--key', 'key.pem', '--shard-size', '8']],
      ['an ignore path that is the model itself', ['model', '--key', 'key.pem', '--ignore-paths', 'model']],
      ['a certificate without its key', ['model', '--certificate', 'cert.pem']],
      ['a chain without a certificate', ['model', '--key', 'key.pem', '--chain', 'chain.pem']],
      ['a certificate that is not for the key', ['model', '--key', 'key.pem', '--certificate', path.join(keys, 'signing-key-cert.pem')]],
    ])('exits 2 on %s', async (_label, args) => {
      const env = { SIGSTORE_ID_TOKEN: '', ACTIONS_ID_TOKEN_REQUEST_URL: undefined };
      const r = await agentfence(['sign', 'model', ...args], { cwd: work, env });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('the example models in stacks/', () => {
  it.each(['stacks/payments/models/fraud-scorer', 'stacks/support-triage/models/ticket-classifier'])(
    '%s verifies against the acme-ml-release public key',
    async (model) => {
      const r = await cli(root, 'verify', 'model', model, '--key', 'stacks/keys/acme-ml-release.pub.pem', '--format', 'json');
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as { result: { status: string } }).result.status).toBe('verified');
    },
  );
});
