import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { evaluateRules, isBlocked, resolveSettings, rules } from '../../../src/rules/evaluate.js';
import { res, UNKNOWN } from './helpers.js';

const wildcard = res('aws:iam/policy:Policy', 'p', {
  policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }] }),
});
const untagged = res('aws:iam/role:Role', 'r', {
  assumeRolePolicy: JSON.stringify({
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'lambda.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '1' } },
      },
    ],
  }),
  permissionsBoundary: 'arn:b',
});

describe('the rule catalogue', () => {
  it('has unique kebab-case ids, "Checks whether" descriptions and OWASP threats', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/^Checks whether /);
      expect(rule.owasp.length).toBeGreaterThan(0);
      if (rule.checkov !== undefined) expect(rule.checkov).toMatch(/^CKV2?_AWS_\d+$/);
      expect(rule.id).not.toBe('all');
    }
  });
  it('covers every pillar of the issue', () => {
    expect(new Set(rules.map((r) => r.pillar))).toEqual(
      new Set(['identity', 'least-privilege', 'data-protection', 'network', 'monitoring', 'supply-chain', 'human-oversight']),
    );
  });
  it('is mandatory for least privilege, data protection, network and supply chain; advisory for tags and monitoring', () => {
    for (const rule of rules) {
      // what a plan cannot verify (a rule group outside the stack, a missing TLS inspection) is noted, not blocked
      const notes = ['network-firewall-rule-groups-defined', 'network-firewall-tls-inspection'];
      if (['least-privilege', 'data-protection', 'network', 'supply-chain'].includes(rule.pillar) && !notes.includes(rule.id))
        expect(rule.defaultEnforcement, rule.id).toBe('mandatory');
      if (notes.includes(rule.id)) expect(['advisory', 'disabled'], rule.id).toContain(rule.defaultEnforcement);
      if (rule.pillar === 'monitoring' || rule.id === 'agent-required-tags') expect(rule.defaultEnforcement, rule.id).toBe('advisory');
    }
  });
  it('declares no enforcementLevel in any config schema (CrossGuard refuses it)', () => {
    for (const rule of rules) expect(JSON.stringify(rule.configSchema ?? {})).not.toContain('enforcementLevel');
  });
});

describe('resolveSettings', () => {
  describe('when the config is valid', () => {
    it('applies "all", then per-rule levels, and fills schema defaults', () => {
      const settings = resolveSettings({
        all: 'advisory',
        'iam-no-wildcard-action': 'mandatory',
        'iam-role-session-duration': { enforcementLevel: 'disabled', maxSeconds: 1800 },
      });
      const byId = new Map(settings.map((s) => [s.rule.id, s]));
      expect(byId.get('kms-key-rotation')?.enforcementLevel).toBe('advisory');
      expect(byId.get('iam-no-wildcard-action')?.enforcementLevel).toBe('mandatory');
      expect(byId.get('iam-role-session-duration')).toMatchObject({ enforcementLevel: 'disabled', config: { maxSeconds: 1800 } });
      expect(byId.get('log-group-retention')?.config).toEqual({
        minimumDays: 90,
        highRiskMinimumDays: 365,
        riskTierTag: 'agentfence:risk-tier',
      });
    });
  });
  describe('when the config is invalid', () => {
    it.each([
      ['an unknown rule', { 'no-such-rule': 'advisory' }, 'names rule "no-such-rule", which must be one of all,'],
      ['a bad "all" level', { all: 'strict' }, 'config "all" must be one of mandatory|advisory|disabled (got "strict")'],
      [
        'a bad rule level',
        { 'kms-key-rotation': 'remediate' },
        'config "kms-key-rotation" must be one of mandatory|advisory|disabled (got "remediate")',
      ],
      [
        'a config failing the schema',
        { 'iam-role-session-duration': { maxSeconds: 'long' } },
        'config of rule iam-role-session-duration must match its schema (got /maxSeconds must be integer)',
      ],
      [
        'an unknown property',
        { 'iam-role-session-duration': { maxSecond: 10 } },
        'must match its schema (got / must NOT have additional properties)',
      ],
      [
        'config for a rule that takes none',
        { 'kms-key-rotation': { keyId: 'x' } },
        'rule kms-key-rotation takes no configuration (got keyId)',
      ],
      ['a number as an entry', { 'kms-key-rotation': 3 }, 'config "kms-key-rotation" must be a level or an object (got 3)'],
    ])('throws ConfigError RULE_CONFIG_INVALID for %s', (_, config, message) => {
      let thrown: unknown;
      try {
        resolveSettings(config);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect(thrown).toMatchObject({ code: 'RULE_CONFIG_INVALID', message: expect.stringContaining(message) });
    });
  });
});

describe('evaluateRules', () => {
  it('turns violations into findings with rule id, severity, level and URN', () => {
    const { findings } = evaluateRules([wildcard]);
    expect(findings).toContainEqual({
      ruleId: 'iam-no-wildcard-action',
      severity: 'critical',
      enforcementLevel: 'mandatory',
      message: expect.stringMatching(/^IAM policy "p" policy must name explicit actions \(got "\*" \(\d+ actions/),
      urn: wildcard.urn,
      resourceType: 'aws:iam/policy:Policy',
    });
    expect(isBlocked(findings)).toBe(true);
  });
  it('skips disabled rules and downgrades by config', () => {
    expect(evaluateRules([wildcard], { config: { 'iam-no-wildcard-action': 'disabled' } }).findings.map((f) => f.ruleId)).not.toContain(
      'iam-no-wildcard-action',
    );
    const advisory = evaluateRules([wildcard], { config: { all: 'advisory' } });
    expect(isBlocked(advisory.findings)).toBe(false);
    expect(advisory.findings.length).toBeGreaterThan(0);
  });
  it('reports advisory findings only for a tidy role missing tags', () => {
    const { findings } = evaluateRules([untagged]);
    expect(findings.map((f) => [f.ruleId, f.enforcementLevel])).toEqual([['agent-required-tags', 'advisory']]);
  });
  it('keeps unknown findings at the rule level unless asked to downgrade them', () => {
    const unknown = res('aws:kms/key:Key', 'k', { enableKeyRotation: UNKNOWN });
    expect(evaluateRules([unknown]).findings).toEqual([
      expect.objectContaining({ ruleId: 'kms-key-rotation', enforcementLevel: 'mandatory', unknown: true }),
    ]);
    expect(evaluateRules([unknown], { unknownAsAdvisory: true }).findings).toEqual([
      expect.objectContaining({ enforcementLevel: 'advisory', unknown: true }),
    ]);
  });
  it('never prints a secret value', () => {
    const secret = res('aws:iam/policy:Policy', 'p', { policy: '[secret]' });
    const stateSecret = res('aws:sns/topic:Topic', 't', {
      kmsMasterKeyId: { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'c2VjcmV0LWtleQ==' },
    });
    const text = JSON.stringify(evaluateRules([secret, stateSecret]).findings);
    expect(text).toContain('[secret]');
    expect(text).not.toContain('c2VjcmV0LWtleQ==');
  });
});

describe('the pack example config', () => {
  it('validates against every rule schema', async () => {
    const { readFileSync } = await import('node:fs');
    const file = new URL('../../../policy-packs/agent-guardrails/config.example.json', import.meta.url);
    const settings = resolveSettings(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
    expect(settings.find((s) => s.rule.id === 'agent-required-tags')?.enforcementLevel).toBe('mandatory');
  });
});
