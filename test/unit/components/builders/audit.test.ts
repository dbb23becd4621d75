import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/errors.js';
import {
  accessDeniedPattern,
  MAX_PATTERN_LENGTH,
  resolveRetention,
  undeclaredCallsPattern,
} from '../../../../src/components/aws/builders/audit.js';

const role = 'arn:aws:iam::111122223333:role/agentfence-payments';

describe('resolveRetention', () => {
  it.each([
    [90, 'low', 90],
    [100, 'low', 120],
    [90, 'high', 365],
    [365, 'high', 365],
    [366, 'high', 400],
    [2555, 'low', 2557],
    [3653, 'high', 3653],
  ] as const)('%i days for a %s-risk agent -> %i', (days, tier, expected) => {
    expect(resolveRetention(days, tier)).toBe(expected);
  });
  describe('when the retention is invalid', () => {
    it.each([0, -1, 1.5, 3654])('%s is refused', (days) => {
      expect(() => resolveRetention(days, 'low')).toThrow(ConfigError);
    });
  });
});

describe('accessDeniedPattern', () => {
  it('matches denied calls by the agent role', () => {
    expect(accessDeniedPattern(role)).toBe(
      `{ ($.errorCode = "AccessDenied*" || $.errorCode = "*UnauthorizedOperation") && $.userIdentity.sessionContext.sessionIssuer.arn = "${role}" }`,
    );
  });
});

describe('undeclaredCallsPattern', () => {
  describe('when the declared actions fit', () => {
    it('excludes each declared API by name', () => {
      const { pattern, granularity } = undeclaredCallsPattern(role, ['dynamodb:GetItem', 's3:GetObject', 'dynamodb:GetItem']);
      expect(granularity).toBe('action');
      expect(pattern).toBe(
        `{ $.userIdentity.sessionContext.sessionIssuer.arn = "${role}" && $.eventName != "GetItem" && $.eventName != "GetObject" }`,
      );
    });
  });
  describe('when they exceed the 1024-character limit', () => {
    it('falls back to the declared services', () => {
      const actions = Array.from({ length: 60 }, (_, i) => `dynamodb:Action${i}`);
      const { pattern, granularity } = undeclaredCallsPattern(role, actions);
      expect(granularity).toBe('service');
      expect(pattern).toContain('$.eventSource != "dynamodb.amazonaws.com"');
      expect(pattern.length).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    });
  });
  describe('when even the services do not fit', () => {
    it('throws AUDIT_PATTERN_TOO_LONG', () => {
      const actions = Array.from({ length: 40 }, (_, i) => `service${i}:Call${i}`);
      expect(() => undeclaredCallsPattern(role, actions)).toThrow(/undeclared-calls filter must fit 1024 characters/);
    });
  });
});
