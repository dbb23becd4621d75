import { describe, expect, it } from 'vitest';
import { supplyChainVerified } from '../../../src/rules/supply-chain.js';
import type { LoadedVerification, VerificationLookup } from '../../../src/rules/types.js';
import type { VerificationReport } from '../../../src/verify/types.js';
import { component, messages, res } from './helpers.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const POLICY_DIGEST = `sha256:${'ef'.repeat(32)}`;
const report = (changes: Partial<VerificationReport> = {}): VerificationReport => ({
  schemaVersion: 'agentfence.verification/v2',
  agent: 'payments',
  mode: 'enforce',
  manifestDigest: DIGEST,
  trustPolicyDigest: POLICY_DIGEST,
  files: [],
  results: [
    { kind: 'model', name: 'fraud-scorer', status: 'verified', message: 'signed by acme-ml-release' },
    { kind: 'plugin', name: '@acme/ledger-mcp', version: '2.1.3', status: 'verified', message: 'provenance verified' },
    { kind: 'api', name: 'payments-gateway', status: 'verified', message: 'descriptor verified' },
  ],
  verifiedHosts: ['api.payments.example.com'],
  summary: { verified: 3, allowListed: 0, blocked: 0, warned: 0 },
  ...changes,
});

/** The report as the rule receives it, from a lookup named `source` (what a message calls it). */
function write(source: string, report: VerificationReport): VerificationLookup {
  return () => ({ ok: true, report, source });
}
const none =
  (problem: string): VerificationLookup =>
  () => ({ ok: false, problem });
const env = component('agentfence:aws:AgentEnvironment', 'payments');
const check = (lookup: VerificationLookup, config: Record<string, unknown> = {}, resources = [env]) =>
  messages(supplyChainVerified, resources, config, lookup);

describe('supply-chain-verified', () => {
  describe('when every artifact verified', () => {
    it('finds nothing', () => {
      expect(check(write('ok.json', report()), { manifestDigest: DIGEST })).toEqual([]);
    });
    it('accepts warned results (trust policy in warn mode)', () => {
      const warned = report({
        mode: 'warn',
        results: [{ kind: 'model', name: 'fraud-scorer', status: 'warned', reason: 'UNSIGNED', message: 'no model.sig' }],
      });
      expect(check(write('warn.json', warned))).toEqual([]);
    });
  });
  describe('when verification did not pass', () => {
    it('blocks an unsigned model', () => {
      const unsigned = report({
        results: [
          {
            kind: 'model',
            name: 'fraud-scorer',
            status: 'blocked',
            reason: 'UNSIGNED',
            message: 'no signature at models/fraud-scorer/model.sig',
          },
        ],
      });
      expect(check(write('unsigned.json', unsigned))).toEqual([
        'model "fraud-scorer" must pass supply-chain verification (got blocked UNSIGNED: no signature at models/fraud-scorer/model.sig)',
      ]);
    });
    it.each([
      ['missing', '.agentfence/payments/verification.json must exist; run agentfence verify first'],
      [
        'stale',
        '.agentfence/payments/verification.json must describe the agent as it is now (got a stale report: it was made under another trust policy)',
      ],
    ])('blocks when the lookup has no report (%s), with its reason', (_, problem) => {
      expect(check(none(problem))).toEqual([`agent "payments" supply chain must be verified before deploy (got ${problem})`]);
    });
    it('blocks when no lookup is given at all (fail closed)', () => {
      expect(messages(supplyChainVerified, [env], {})).toEqual([
        expect.stringContaining('must be verified before deploy (got no verification report was given'),
      ]);
    });
    it('asks the lookup for the agent it judges', () => {
      const asked: (string | undefined)[] = [];
      const spy: VerificationLookup = (agent): LoadedVerification => {
        asked.push(agent);
        return { ok: true, report: report(), source: 's' };
      };
      check(spy, {}, [env, component('agentfence:aws:AgentEnvironment', 'support-triage')]);
      check(spy, { agent: 'payments' }, [component('aws:s3/bucket:Bucket', 'b')]);
      expect(asked).toEqual(['payments', 'support-triage', 'payments']);
    });
    it('blocks a report for another agent', () => {
      expect(check(write('other.json', report({ agent: 'support-triage' })))).toEqual([
        'agent "payments" supply chain must be verified for agent "payments" (got a report for "support-triage")',
      ]);
    });
    it('blocks a stale report (manifest changed since verify)', () => {
      expect(check(write('stale.json', report()), { manifestDigest: `sha256:${'cd'.repeat(32)}` })).toEqual([
        expect.stringContaining('got a stale report for "sha256:abab'),
      ]);
    });
    it('blocks a report judged under another trust policy (tightened since verify)', () => {
      expect(check(write('policy.json', report()), { manifestDigest: DIGEST, trustPolicyDigest: `sha256:${'cd'.repeat(32)}` })).toEqual([
        expect.stringContaining('must be verified under the current trust policy sha256:cdcd'),
      ]);
    });
    it('accepts an allow-listed hosted model (it does not block)', () => {
      const hosted = report({
        results: [{ kind: 'model', name: 'planner', status: 'allow-listed', message: 'hosted model x is allow-listed' }],
      });
      expect(check(write('hosted.json', hosted), { artifacts: [{ kind: 'model', name: 'planner' }] })).toEqual([]);
    });
    it('blocks an artifact the stack references but the report lacks', () => {
      const withInputs = res('agentfence:aws:AgentEnvironment', 'payments', {
        manifest: { models: [{ name: 'fraud-scorer' }, { name: 'planner' }] },
      });
      expect(check(write('ok2.json', report()), {}, [withInputs])).toEqual([
        'model "planner" must have a verification result (got none in ok2.json)',
      ]);
    });
  });
  it('blocks an artifact named in config (from the manifest) that the report lacks', () => {
    const artifacts = [
      { kind: 'model', name: 'fraud-scorer' },
      { kind: 'api', name: 'payments-gateway' },
      { kind: 'api', name: 'fx-rates' },
    ];
    expect(check(write('ok3.json', report()), { artifacts })).toEqual([
      'api "fx-rates" must have a verification result (got none in ok3.json)',
    ]);
  });
  it('checks nothing in a stack without agents', () => {
    expect(check(none('no report'), {}, [res('aws:s3/bucket:Bucket', 'b', {})])).toEqual([]);
  });
  describe('in a stack without agent components, when the config names the agent or its artifacts', () => {
    const bucket = [res('aws:s3/bucket:Bucket', 'b', {})];
    it('blocks a missing report', () => {
      expect(check(none('no report at nope.json'), { agent: 'payments' }, bucket)).toEqual([
        'agent "payments" supply chain must be verified before deploy (got no report at nope.json)',
      ]);
    });
    it('blocks a blocked or missing artifact', () => {
      const unsigned = report({
        results: [{ kind: 'model', name: 'fraud-scorer', status: 'blocked', reason: 'UNSIGNED', message: 'no signature' }],
      });
      expect(
        check(
          write('raw.json', unsigned),
          {
            artifacts: [
              { kind: 'model', name: 'fraud-scorer' },
              { kind: 'api', name: 'fx-rates' },
            ],
          },
          bucket,
        ),
      ).toEqual([
        'model "fraud-scorer" must pass supply-chain verification (got blocked UNSIGNED: no signature)',
        'api "fx-rates" must have a verification result (got none in raw.json)',
      ]);
    });
    it('blocks a report for another agent', () => {
      expect(check(write('raw-other.json', report({ agent: 'support-triage' })), { agent: 'payments' }, bucket)).toEqual([
        expect.stringContaining('(got a report for "support-triage")'),
      ]);
    });
    it('passes a report that covers them', () => {
      expect(
        check(write('raw-ok.json', report()), { agent: 'payments', artifacts: [{ kind: 'model', name: 'fraud-scorer' }] }, bucket),
      ).toEqual([]);
    });
  });
});
