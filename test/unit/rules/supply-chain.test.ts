import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supplyChainVerified } from '../../../src/rules/supply-chain.js';
import type { VerificationReport } from '../../../src/verify/types.js';
import { component, messages, res } from './helpers.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const report = (changes: Partial<VerificationReport> = {}): VerificationReport => ({
  schemaVersion: 'agentfence.verification/v1',
  agent: 'payments',
  mode: 'enforce',
  manifestDigest: DIGEST,
  results: [
    { kind: 'model', name: 'fraud-scorer', status: 'verified', message: 'signed by acme-ml-release' },
    { kind: 'plugin', name: '@acme/ledger-mcp', version: '2.1.3', status: 'verified', message: 'provenance verified' },
    { kind: 'api', name: 'payments-gateway', status: 'verified', message: 'descriptor verified' },
  ],
  verifiedHosts: ['api.payments.example.com'],
  summary: { verified: 3, blocked: 0, warned: 0 },
  ...changes,
});

const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-supply-'));
function write(name: string, content: unknown): string {
  writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}
const env = component('agentfence:aws:AgentEnvironment', 'payments');
const check = (file: string, config: Record<string, unknown> = {}, resources = [env]) => messages(supplyChainVerified, resources, { verificationFile: file, ...config }, dir);

describe('supply-chain-verified', () => {
  describe('when every artifact verified', () => {
    it('finds nothing', () => {
      expect(check(write('ok.json', report()), { manifestDigest: DIGEST })).toEqual([]);
    });
    it('accepts warned results (trust policy in warn mode)', () => {
      const warned = report({ mode: 'warn', results: [{ kind: 'model', name: 'fraud-scorer', status: 'warned', reason: 'UNSIGNED', message: 'no model.sig' }] });
      expect(check(write('warn.json', warned))).toEqual([]);
    });
  });
  describe('when verification did not pass', () => {
    it('blocks an unsigned model', () => {
      const unsigned = report({ results: [{ kind: 'model', name: 'fraud-scorer', status: 'blocked', reason: 'UNSIGNED', message: 'no signature at models/fraud-scorer/model.sig' }] });
      expect(check(write('unsigned.json', unsigned))).toEqual(['model "fraud-scorer" must pass supply-chain verification (got blocked UNSIGNED: no signature at models/fraud-scorer/model.sig)']);
    });
    it.each([
      ['missing', 'nope.json', 'agent "payments" supply chain must be verified before deploy (got no verification report at nope.json; run `agentfence verify`)'],
      ['malformed', 'bad.json', 'agent "payments" supply chain must be verified before deploy (got an invalid verification report at bad.json: malformed JSON)'],
      ['of another schema', 'schema.json', expect.stringContaining('schemaVersion "v0", expected "agentfence.verification/v1"')],
      ['with a result of unknown status', 'status.json', expect.stringContaining('result "x" with status "maybe"')],
    ])('blocks a report that is %s', (_, file, expected) => {
      write('bad.json', '{');
      write('schema.json', { ...report(), schemaVersion: 'v0' });
      write('status.json', report({ results: [{ kind: 'model', name: 'x', status: 'maybe' as 'verified', message: '' }] }));
      expect(check(file)).toEqual([expected]);
    });
    it('blocks a report for another agent', () => {
      expect(check(write('other.json', report({ agent: 'support-triage' })))).toEqual([
        'agent "payments" supply chain must be verified for agent "payments" (got a report for "support-triage")',
      ]);
    });
    it('blocks a stale report (manifest changed since verify)', () => {
      expect(check(write('stale.json', report()), { manifestDigest: `sha256:${'cd'.repeat(32)}` })).toEqual([expect.stringContaining('got a stale report for "sha256:abab')]);
    });
    it('blocks an artifact the stack references but the report lacks', () => {
      const withInputs = res('agentfence:aws:AgentEnvironment', 'payments', { manifest: { models: [{ name: 'fraud-scorer' }, { name: 'planner' }] } });
      expect(check(write('ok2.json', report()), {}, [withInputs])).toEqual(['model "planner" must have a verification result (got none in ok2.json)']);
    });
  });
  it('blocks an artifact named in config (from the manifest) that the report lacks', () => {
    const artifacts = [{ kind: 'model', name: 'fraud-scorer' }, { kind: 'api', name: 'payments-gateway' }, { kind: 'api', name: 'fx-rates' }];
    expect(check(write('ok3.json', report()), { artifacts })).toEqual(['api "fx-rates" must have a verification result (got none in ok3.json)']);
  });
  it('checks nothing in a stack without agents', () => {
    expect(check('nope.json', {}, [res('aws:s3/bucket:Bucket', 'b', {})])).toEqual([]);
  });
  describe('in a stack without agent components, when the config names the agent or its artifacts', () => {
    const bucket = [res('aws:s3/bucket:Bucket', 'b', {})];
    it('blocks a missing report', () => {
      expect(check('nope.json', { agent: 'payments' }, bucket)).toEqual(['agent "payments" supply chain must be verified before deploy (got no verification report at nope.json; run `agentfence verify`)']);
    });
    it('blocks a blocked or missing artifact', () => {
      const unsigned = report({ results: [{ kind: 'model', name: 'fraud-scorer', status: 'blocked', reason: 'UNSIGNED', message: 'no signature' }] });
      expect(check(write('raw.json', unsigned), { artifacts: [{ kind: 'model', name: 'fraud-scorer' }, { kind: 'api', name: 'fx-rates' }] }, bucket)).toEqual([
        'model "fraud-scorer" must pass supply-chain verification (got blocked UNSIGNED: no signature)',
        'api "fx-rates" must have a verification result (got none in raw.json)',
      ]);
    });
    it('blocks a report for another agent', () => {
      expect(check(write('raw-other.json', report({ agent: 'support-triage' })), { agent: 'payments' }, bucket)).toEqual([expect.stringContaining('(got a report for "support-triage")')]);
    });
    it('passes a report that covers them', () => {
      expect(check(write('raw-ok.json', report()), { agent: 'payments', artifacts: [{ kind: 'model', name: 'fraud-scorer' }] }, bucket)).toEqual([]);
    });
  });
});
