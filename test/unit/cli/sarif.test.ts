import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../src/rules/index.js';
import {
  GATE_DESCRIPTORS,
  MANIFEST_DESCRIPTORS,
  SUPPLY_CHAIN_DESCRIPTORS,
  manifestRuleId,
  renderRuleDocs,
  ruleAnchor,
  ruleCatalogue,
  toSarif,
  type SarifFinding,
} from '../../../src/cli/sarif.js';

const docsFile = path.resolve(import.meta.dirname, '../../../docs/rules.md');

type Run = {
  results: { partialFingerprints: Record<string, string>; locations?: unknown[] }[];
  invocations: { executionSuccessful: boolean }[];
  automationDetails: { id: string };
};
const runOf = (log: object) => (log as { runs: Run[] }).runs[0]!;

const finding = (over: Partial<SarifFinding> = {}): SarifFinding => ({
  ruleId: 'supply-chain-model',
  level: 'error',
  message: 'model m blocked: TAMPERED',
  location: { file: 'stacks/a/agent.yaml', startLine: 10 },
  logicalLocation: { name: 'model:m', kind: 'artifact' },
  ...over,
});

describe('sarif', () => {
  describe('when the catalogue is built', () => {
    const catalogue = ruleCatalogue(rules);
    it('has one descriptor per id, each with what, why and how to fix', () => {
      expect(new Set(catalogue.map((r) => r.id)).size).toBe(catalogue.length);
      for (const rule of catalogue) {
        expect(rule.description, rule.id).toMatch(/^Checks whether/);
        expect(rule.why.length, rule.id).toBeGreaterThan(30);
        expect(rule.fix.length, rule.id).toBeGreaterThan(10);
        expect(rule.name, rule.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(ruleAnchor(rule.id)).toBe(rule.id);
      }
    });
    it('covers every guardrail rule, artifact kind, manifest check and gate check', () => {
      const ids = catalogue.map((r) => r.id);
      for (const rule of [...rules, ...SUPPLY_CHAIN_DESCRIPTORS, ...MANIFEST_DESCRIPTORS, ...GATE_DESCRIPTORS])
        expect(ids).toContain(rule.id);
    });
    it('matches docs/rules.md (AGENTFENCE_UPDATE_GENERATED=1 regenerates it)', () => {
      const text = renderRuleDocs(catalogue);
      if (process.env['AGENTFENCE_UPDATE_GENERATED'] === '1') writeFileSync(docsFile, text);
      expect(readFileSync(docsFile, 'utf8')).toBe(text);
      for (const rule of catalogue) expect(text).toContain(`\n### ${rule.id}\n`);
    });
  });

  describe('when a manifest error code is mapped to its rule', () => {
    it.each([
      ['YAML_SYNTAX', 'manifest-readable'],
      ['DUPLICATE_KEY', 'manifest-readable'],
      ['TOO_LARGE', 'manifest-readable'],
      ['SCHEMA_REQUIRED', 'manifest-schema'],
      ['SCHEMA_UNKNOWN_FIELD', 'manifest-schema'],
      ['UNKNOWN_AUTHORITY', 'trust-policy-references'],
      ['KEY_PRIVATE', 'trust-policy-references'],
      ['PATH_ESCAPE', 'trust-policy-references'],
      ['APPROVAL_REQUIRED', 'manifest-semantics'],
      ['NAME_MISMATCH', 'manifest-semantics'],
      ['SOMETHING_NEW', 'manifest-semantics'],
    ])('maps %s to %s', (code, rule) => {
      expect(manifestRuleId(code)).toBe(rule);
    });
  });

  describe('when a log is built', () => {
    const base = { command: 'verify' as const, agent: 'a', version: '1.0.0', rules: SUPPLY_CHAIN_DESCRIPTORS };
    it('refuses a result whose rule has no descriptor in the run', () => {
      expect(() => toSarif({ ...base, findings: [finding({ ruleId: 'no-such-rule' })] })).toThrow(/no-such-rule must have a descriptor/);
    });
    it('keeps the fingerprint when only the line moves', () => {
      const a = runOf(toSarif({ ...base, findings: [finding()] })).results[0]!.partialFingerprints;
      const b = runOf(toSarif({ ...base, findings: [finding({ location: { file: 'stacks/a/agent.yaml', startLine: 42 } })] })).results[0]!
        .partialFingerprints;
      expect(b).toEqual(a);
    });
    it.each([
      ['another artifact', { logicalLocation: { name: 'model:n', kind: 'artifact' as const } }],
      ['another file', { location: { file: 'stacks/b/agent.yaml', startLine: 10 } }],
      ['another rule', { ruleId: 'supply-chain-api' }],
      ['another identity', { identity: 'x' }],
    ])('changes the fingerprint for %s', (_label, over) => {
      const a = runOf(toSarif({ ...base, findings: [finding()] })).results[0]!.partialFingerprints;
      const b = runOf(toSarif({ ...base, findings: [finding(over)] })).results[0]!.partialFingerprints;
      expect(b).not.toEqual(a);
    });
    it('marks the invocation failed when a stage could not run, and names the agent in the automation id', () => {
      const run = runOf(toSarif({ ...base, findings: [], failures: [{ stage: 'plan', code: 'X', message: 'broken' }] }));
      expect(run.invocations[0]!.executionSuccessful).toBe(false);
      expect(run.automationDetails.id).toBe('agentfence/verify/a/');
    });
    it('marks the invocation successful when nothing failed', () => {
      expect(runOf(toSarif({ ...base, findings: [] })).invocations[0]!.executionSuccessful).toBe(true);
    });
  });
});
