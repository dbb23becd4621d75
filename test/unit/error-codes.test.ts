/**
 * The codes no other test happened to trigger, each produced by the real code path that raises it
 * (commands run in-process through the CLI's own `run`, cores called directly).
 */
import { decimalArgument, toCedarInput } from '../../src/cedar/request.js';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import type { ProcessLike } from '../../src/cli/context.js';
import { buildAllowlistTargets } from '../../src/components/aws/builders/network.js';
import { resolveRetention, undeclaredCallsPattern } from '../../src/components/aws/builders/audit.js';
import { chunkStatements } from '../../src/components/aws/builders/least-privilege.js';
import type { ErrorCode } from '../../src/errors.js';
import { readPlanDocument } from '../../src/plan/read.js';
import { validateCycloneDx } from '../../src/sbom/validate.js';
import { modelKeyHint } from '../../src/verify/model/sign.js';
import { hashModel } from '../../src/verify/model/serialize.js';
import { resolveAuthority, TrustRootCache } from '../../src/verify/authorities.js';
import { publicKeyFromPem } from '../../src/verify/sigstore/keys.js';
import { expectThrowsCode } from '../helpers/errors.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-codes-'));
const file = (name: string, content: string | Buffer) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};

/** Runs the CLI in-process; answers the exit code and stderr. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const proc: ProcessLike = {
    argv: [process.execPath, 'agentfence', ...args],
    env: { NO_COLOR: '1', CI: '1', ...env },
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    cwd: () => root,
  };
  return { code: await run(proc), stderr };
}

describe('error codes raised by the cores', () => {
  const roots = new TrustRootCache([], dir);
  it.each<[ErrorCode, () => unknown]>([
    ['API_HOST_INVALID', () => buildAllowlistTargets(['*.example.com'])],
    ['LOG_RETENTION_INVALID', () => resolveRetention(0, 'low')],
    [
      'AUDIT_PATTERN_TOO_LONG',
      () =>
        undeclaredCallsPattern(
          'arn:aws:iam::1:role/r',
          Array.from({ length: 400 }, (_, i) => `service${i}x:Get${i}`),
        ),
    ],
    [
      'POLICY_TOO_LARGE',
      () =>
        chunkStatements([
          { Sid: 'Big', Effect: 'Allow', Action: Array.from({ length: 800 }, (_, i) => `s3:GetObject${i}`), Resource: ['*'] },
        ] as never),
    ],
    ['PLAN_EMPTY', () => readPlanDocument({ steps: [] }, 'empty.json')],
    ['KEY_INVALID', () => modelKeyHint('not a key')],
    ['PUBLIC_KEY_INVALID', () => publicKeyFromPem('not a key')],
    [
      'TRUST_POLICY_KEY',
      () => resolveAuthority({ name: 'k', key: { publicKey: path.basename(file('bad.pem', 'not a key')) } }, dir, roots),
    ],
    ['TRUST_POLICY_AUTHORITY', () => resolveAuthority({ name: 'odd' } as never, dir, roots)],
    ['SBOM_VALIDATOR_UNAVAILABLE', () => validateCycloneDx('{}', '0.1')],
    ['SHARD_NAME_INVALID', () => hashModel(path.dirname(file('a:b', 'x')), { method: 'shards' })],
  ])('%s', async (code, trigger) => {
    await expectThrowsCode(trigger, code);
  });
});

describe('error codes raised by the CLI', () => {
  const bigPlan = file('big.json', '');
  truncateSync(bigPlan, 64 * 1024 * 1024 + 1);
  it.each<[ErrorCode, string[], Record<string, string>?]>([
    [
      'ATTESTATIONS_INVALID',
      [
        'verify',
        'plugin',
        '--tarball',
        file('p.tgz', 'x'),
        '--attestations',
        file('att.json', '{'),
        '--name',
        'left-pad',
        '--version',
        '1.3.0',
        '--identity',
        'i',
        '--issuer',
        'https://issuer.example',
      ],
    ],
    [
      'BUNDLE_INVALID',
      [
        'verify',
        'api',
        path.join(root, 'stacks/payments/apis/payments-gateway.json'),
        '--signature',
        file('b.json', '{'),
        '--key',
        path.join(root, 'stacks/keys/acme-api-governance.pub.pem'),
      ],
    ],
    ['PLAN_TOO_LARGE', ['report', 'payments', '--plan', bigPlan, '--verification', 'none', '-o', path.join(dir, 'r.html')]],
    ['OUTPUT_PATH_REFUSED', ['keygen', '--out', path.join(root, 'stacks')]],
    [
      'IDENTITY_TOKEN_UNAVAILABLE',
      ['sign', 'model', path.join(root, 'stacks/payments/models/fraud-scorer'), '--signature', path.join(dir, 'm.sig')],
      { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token' },
    ],
  ])('%s exits 2 and names the code', async (code, args, env) => {
    const r = await cli(args, env);
    expect(r.stderr).toContain(code);
    expect(r.code).toBe(2);
  });
});

describe('NOTHING_TO_VERIFY', () => {
  it('refuses an agent that declares nothing to verify (nothing checked is not a pass)', async () => {
    const { cpSync } = await import('node:fs');
    const project = path.join(dir, 'empty-agent');
    cpSync(path.join(root, 'stacks'), path.join(project, 'stacks'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{"name":"scratch","private":true}\n');
    const manifest = path.join(project, 'stacks/support-triage/agent.yaml');
    const text = readFileSync(manifest, 'utf8')
      .replace(/^models:\n(?: {2}.*\n)+/m, 'models: []\n')
      .replace(/^plugins:\n(?: {2}.*\n)+/m, 'plugins: []\n')
      .replace(/^apis:\n(?: {2}.*\n)+/m, 'apis: []\n')
      .replace(/^runtimeImage:\n(?: {2}.*\n)+/m, '');
    writeFileSync(manifest, text);
    let stderr = '';
    const code = await run({
      argv: [process.execPath, 'agentfence', 'verify', 'support-triage'],
      env: { NO_COLOR: '1', CI: '1' },
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => ((stderr += chunk), true) },
      cwd: () => project,
    });
    expect(stderr).toContain('NOTHING_TO_VERIFY');
    expect(code).toBe(2);
  });
});

describe('CEDAR_INPUT', () => {
  it.each([
    ['a number with more than four decimal places', () => decimalArgument(1.23456, 'amount')],
    ['an input that is not an object', () => toCedarInput({ type: 'object', properties: {} } as never, [1])],
  ])('refuses %s as bad input', (_label, call) => {
    expect(call).toThrow(expect.objectContaining({ kind: 'input', code: 'CEDAR_INPUT' }));
  });
});

describe('TRUST_POLICY_INVALID', () => {
  it('refuses to extend a trust policy that is not a mapping (init exits 2, nothing written)', async () => {
    const { cpSync, existsSync } = await import('node:fs');
    const project = path.join(dir, 'bad-trust-policy');
    cpSync(path.join(root, 'stacks'), path.join(project, 'stacks'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{"name":"scratch","private":true}\n');
    writeFileSync(path.join(project, 'stacks/trust-policy.yaml'), '- not a mapping\n');
    let stderr = '';
    const code = await run({
      argv: [process.execPath, 'agentfence', 'init', 'newbie'],
      env: { NO_COLOR: '1', CI: '1' },
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => ((stderr += chunk), true) },
      cwd: () => project,
    });
    expect(stderr).toContain('TRUST_POLICY_INVALID');
    expect(code).toBe(2);
    expect(existsSync(path.join(project, 'stacks/newbie'))).toBe(false);
  });
});
