import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI in-process in `cwd` and collects both streams. */
async function cli(cwd: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv: ['node', 'agentfence', ...args],
    env: { NO_COLOR: '1' },
    cwd: () => cwd,
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
  });
  return { status, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-quiet-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, 'sbom'), path.join(dir, 'sbom'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--quiet prints only the verdict and the findings', () => {
  it('verify: the verdict line alone when nothing is blocked, and no log on stderr', async () => {
    const r = await cli(dir, 'verify', 'payments', '--quiet');
    expect(r).toEqual({
      status: 0,
      stdout: 'PASSED: payments: 4 verified, 1 allow-listed, 0 blocked, 0 warned (enforce mode)\n',
      stderr: '',
    });
  });

  it('validate: the verdict line', async () => {
    expect(await cli(dir, 'validate', 'payments', '-q')).toEqual({
      status: 0,
      stdout: 'valid: stacks/payments/agent.yaml, stacks/trust-policy.yaml\n',
      stderr: '',
    });
  });

  it('sbom --check: the verdict line, without the scorecard', async () => {
    expect(await cli(dir, 'sbom', 'payments', '--check', '--quiet')).toEqual({
      status: 0,
      stdout: 'sbom/payments.cdx.json is up to date (CycloneDX 1.6, 6 components, 1 services)\n',
      stderr: '',
    });
  });

  it('authorize: the decision, without the policies behind it', async () => {
    const input = JSON.stringify({ supplierId: 'SUP-1', amount: 500, currency: 'EUR', reference: 'INV-1' });
    const claims = JSON.stringify({ sub: 'clerk-7', scope: 'openid payments:transfer' });
    const r = await cli(dir, 'authorize', 'payments', '--tool', 'initiate-transfer', '--input', input, '--claims', claims, '--quiet');
    expect(r).toEqual({
      status: 0,
      stdout: 'ALLOW  initiate-transfer (action AgentCore::Action::"initiate-transfer-approval___initiate_transfer")\n',
      stderr: '',
    });
    const loud = await cli(dir, 'authorize', 'payments', '--tool', 'initiate-transfer', '--input', input, '--claims', claims);
    expect(loud.stdout).toMatch(/permitted by /);
  });

  it('verify and check of a blocked agent: each blocked finding, then the verdict', async () => {
    rmSync(path.join(dir, 'stacks/payments/attestations/@acme'), { recursive: true });
    const verify = await cli(dir, 'verify', 'payments', '--quiet');
    const lines = verify.stdout.trimEnd().split('\n');
    expect([verify.status, verify.stderr, lines.length]).toEqual([1, '', 2]);
    expect(lines[0]).toBe(
      'BLOCKED  plugin @acme/ledger-mcp  UNSIGNED: @acme/ledger-mcp must have vendored attestations at stacks/payments/attestations/@acme/ledger-mcp@<version>.json (none found)',
    );
    expect(lines[1]).toBe('BLOCKED: payments: 3 verified, 1 allow-listed, 1 blocked, 0 warned (enforce mode)');

    const check = await cli(dir, 'check', 'payments', '--quiet');
    expect([check.status, check.stderr]).toEqual([1, '']);
    const out = check.stdout.trimEnd().split('\n');
    expect(out.at(-1)).toMatch(/^BLOCKED: payments: \d+ resources, \d+ rules, [1-9]\d* mandatory and 0 advisory findings$/);
    // nothing but findings (and their resource) before the verdict
    for (const line of out.slice(0, -1)) expect(line).toMatch(/^(MANDATORY|ADVISORY | {10}at urn:pulumi:)/);
    expect(out.some((line) => line.includes('supply-chain-verified'))).toBe(true);
  });
});
