import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { agentfence, root, type CliResult } from './run-cli.js';

const fixtures = path.resolve(root, '../shared/fixtures/npm-provenance/slsa-verifier');
const scratch = mkdtempSync(path.join(tmpdir(), 'agentfence-verify-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[], cwd = root): Promise<CliResult> {
  return agentfence(args, { cwd, env: { CI: '1' } });
}

let counter = 0;
/** A copy of the project's stacks in a scratch folder, edited. */
function project(edit: (dir: string) => void): string {
  const dir = path.join(scratch, `p${counter++}`);
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  edit(dir);
  return dir;
}

describe('agentfence verify <agent>', () => {
  describe('when the example stacks are verified', () => {
    it.each(['payments', 'support-triage'])('%s exits 0, prints one line per artifact and writes the report', async (agent) => {
      const output = path.join(scratch, `${agent}.json`);
      const r = await cli(['verify', agent, '--output', output]);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      // The hosted model is trusted by name only: allow-listed, not verified.
      expect(lines.slice(0, 4).map((line) => line.split(' ')[0])).toEqual(['VERIFIED', 'ALLOW-LISTED', 'VERIFIED', 'VERIFIED']);
      expect(lines.at(-1)).toBe(`${agent}: 4 verified, 1 allow-listed, 0 blocked, 0 warned (enforce mode)`);
      const report = JSON.parse(readFileSync(output, 'utf8')) as { schemaVersion: string; agent: string; manifestDigest: string };
      expect(report).toMatchObject({ schemaVersion: 'agentfence.verification/v2', agent });
    });
    it('prints the report itself with --format json', async () => {
      const r = await cli(['verify', 'payments', '--format', 'json', '--output', path.join(scratch, 'j.json')]);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { summary: object; verifiedHosts: string[] };
      expect(report.summary).toEqual({ verified: 4, allowListed: 1, blocked: 0, warned: 0 });
      expect(report.verifiedHosts).toEqual(['api.payments-gateway.example', 'auth.payments-gateway.example']);
    });
  });

  describe('when an artifact is blocked', () => {
    it('payments-tampered exits 1 with TAMPERED', async () => {
      const r = await cli(['verify', 'payments-tampered', '--output', path.join(scratch, 't.json')]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^BLOCKED +model +fraud-scorer@1\.3\.0 +TAMPERED: .*changed: model\.safetensors/m);
    });
    it.each<[string, (dir: string) => void, RegExp]>([
      [
        'an unsigned plugin',
        (dir) => rmSync(path.join(dir, 'stacks/payments/attestations/@acme'), { recursive: true }),
        /^BLOCKED +plugin +@acme\/ledger-mcp +UNSIGNED: /m,
      ],
      [
        'an unsigned API',
        (dir) => rmSync(path.join(dir, 'stacks/payments/apis/payments-gateway.sigstore.json')),
        /^BLOCKED +api +payments-gateway +UNSIGNED: /m,
      ],
      [
        'a tampered model',
        (dir) => writeFileSync(path.join(dir, 'stacks/payments/models/fraud-scorer/README.md'), 'changed\n'),
        /^BLOCKED +model +fraud-scorer@1\.3\.0 +TAMPERED: /m,
      ],
    ])('%s exits 1 with the reason', async (_name, edit, line) => {
      const dir = project(edit);
      const r = await cli(['verify', 'payments'], dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(line);
      expect(JSON.parse(readFileSync(path.join(dir, '.agentfence/payments/verification.json'), 'utf8'))).toMatchObject({
        summary: { blocked: 1 },
      });
    });
    it('emits SARIF with one error result per blocked artifact', async () => {
      const r = await cli(['verify', 'payments-tampered', '--format', 'sarif', '--output', path.join(scratch, 's.json')]);
      expect(r.status).toBe(1);
      const sarif = JSON.parse(r.stdout) as {
        version: string;
        runs: { results: { ruleId: string; level: string; properties: { reason: string } }[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results).toEqual([
        expect.objectContaining({
          ruleId: 'supply-chain-model',
          level: 'error',
          properties: expect.objectContaining({ reason: 'TAMPERED' }),
        }),
      ]);
    });
  });

  describe('when the input is bad', () => {
    it.each([[['verify', 'no-such-agent']], [['verify']], [['verify', 'payments', '--bogus']]])(
      '%j exits 2 without a stack trace',
      async (args) => {
        const r = await cli(args);
        expect(r.status).toBe(2);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      },
    );
  });
});

describe('agentfence verify plugin', () => {
  const pkg = (name: string) => ['--tarball', path.join(fixtures, name), '--attestations', path.join(fixtures, `${name}.json`)];
  it('passes a genuine package from its source repository', async () => {
    const r = await cli([
      'verify',
      'plugin',
      ...pkg('provenance-npm-test-cli-v1-prega.tgz'),
      '--source-repository',
      'https://github.com/sigstore/sigstore-js',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^VERIFIED +plugin +sigstore@2\.3\.1 +provenance by https:\/\/github\.com\/sigstore\/sigstore-js\//m);
  });
  it.each([
    [
      ['provenance-npm-test-cli-v1-prega-invalidsigprov.tgz', '--source-repository', 'https://github.com/sigstore/sigstore-js'],
      'TLOG_INVALID',
    ],
    [
      ['gundam-visor-cli-v1-tag-invalidsigpub.tgz', '--source-repository', 'https://github.com/ramonpetgrave64/gundam-visor'],
      'TLOG_INVALID',
    ],
    [['gundam-visor-cli-v1-tag.tgz', '--source-repository', 'https://github.com/acme/gundam-visor'], 'UNTRUSTED_SIGNER'],
  ])('blocks %j with %s', async ([file, ...flags], reason) => {
    const r = await cli(['verify', 'plugin', ...pkg(file!), ...flags, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'blocked', reason });
  });
  it('exits 2 when the tarball is missing', async () => {
    expect(
      (
        await cli([
          'verify',
          'plugin',
          '--tarball',
          path.join(scratch, 'none.tgz'),
          '--attestations',
          path.join(fixtures, 'gundam-visor-cli-v1-tag.tgz.json'),
        ])
      ).status,
    ).toBe(2);
  });
});

describe('agentfence sign api / verify api', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keyFile = path.join(scratch, 'gov.pk8.pem');
  const pubFile = path.join(scratch, 'gov.pub.pem');
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(pubFile, publicKey.export({ format: 'pem', type: 'spki' }));
  const descriptor = path.join(scratch, 'helpdesk.json');
  cpSync(path.join(root, 'stacks/support-triage/apis/helpdesk.json'), descriptor);

  it('signs a descriptor that then verifies with the public key and prints its hosts', async () => {
    const signed = await cli(['sign', 'api', descriptor, '--key', keyFile]);
    expect(signed.status).toBe(0);
    const r = await cli([
      'verify',
      'api',
      descriptor,
      '--signature',
      path.join(scratch, 'helpdesk.sigstore.json'),
      '--key',
      pubFile,
      '--data-classification',
      'internal',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^VERIFIED +api +helpdesk +.*hosts api\.helpdesk\.example/m);
  });
  it('verifies the committed example signature with the committed public key', async () => {
    const r = await cli([
      'verify',
      'api',
      'stacks/payments/apis/payments-gateway.json',
      '--signature',
      'stacks/payments/apis/payments-gateway.sigstore.json',
      '--key',
      'stacks/keys/acme-api-governance.pub.pem',
    ]);
    expect(r.status).toBe(0);
  });
  it.each<[string, string[], string]>([
    ['another key', ['--key', 'stacks/keys/acme-registry.pub.pem'], 'UNTRUSTED_SIGNER'],
    [
      'a classification the API does not allow',
      ['--key', 'stacks/keys/acme-api-governance.pub.pem', '--data-classification', 'restricted'],
      'CLASSIFICATION_DENIED',
    ],
  ])('blocks when checked against %s', async (_name, flags, reason) => {
    const r = await cli([
      'verify',
      'api',
      'stacks/payments/apis/payments-gateway.json',
      '--signature',
      'stacks/payments/apis/payments-gateway.sigstore.json',
      ...flags,
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ reason });
  });
  it('refuses an oversized descriptor before reading it (INPUT_TOO_LARGE, exit 2)', async () => {
    const big = path.join(scratch, 'big-descriptor.json');
    writeFileSync(big, `{"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`);
    const r = await cli(['sign', 'api', big, '--key', keyFile]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_TOO_LARGE');
  });
  it.each([
    [['sign', 'api', path.join(scratch, 'nope.json'), '--key', keyFile]],
    [['sign', 'api', path.join(root, 'package.json'), '--key', keyFile]],
    [['sign', 'api', descriptor]],
    [['sign', 'api', descriptor, '--key', keyFile, '--output', descriptor]],
    [['sign', 'nothing']],
    [['verify', 'api', descriptor, '--signature', descriptor]],
  ])('%j exits 2', async (args) => {
    expect((await cli(args)).status).toBe(2);
  });
});
