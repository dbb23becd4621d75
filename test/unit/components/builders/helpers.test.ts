import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/errors.js';
import { assertAction, assertArn, assertScope } from '../../../../src/components/aws/builders/args.js';
import { arn, partitionOf } from '../../../../src/components/aws/builders/arn.js';
import { pascal, physicalName } from '../../../../src/components/aws/builders/names.js';
import { agentTags } from '../../../../src/components/aws/builders/tags.js';

describe('physicalName', () => {
  describe('when the joined name fits', () => {
    it('joins the parts', () => {
      expect(physicalName(['agentfence', 'payments', 'memory'], 63)).toBe('agentfence-payments-memory');
    });
  });
  describe('when it is too long', () => {
    it.each([20, 40, 63])('stays within %i characters and stays unique', (max) => {
      const a = physicalName(['agentfence', 'x'.repeat(80), 'one'], max);
      const b = physicalName(['agentfence', 'x'.repeat(80), 'two'], max);
      expect(a.length).toBeLessThanOrEqual(max);
      expect(b.length).toBeLessThanOrEqual(max);
      expect(a).not.toBe(b);
      expect(a.startsWith('agentfence-')).toBe(true);
    });
  });
});

describe('partitionOf / arn', () => {
  it.each([
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('%s is in partition %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
    expect(arn({ account: '111122223333', region }, 'logs', 'log-group:x')).toBe(
      `arn:${partition}:logs:${region}:111122223333:log-group:x`,
    );
  });
});

describe('pascal', () => {
  it.each([
    ['read-ledger', 'ReadLedger'],
    ['s3:GetObject', 'S3GetObject'],
    ['a_b-c', 'ABC'],
  ])('%s -> %s', (input, output) => {
    expect(pascal(input)).toBe(output);
  });
});

describe('agentTags', () => {
  it('carries agent, owner and risk tier, sorted by key', () => {
    expect(Object.entries(agentTags({ agent: 'a', owner: 'o', riskTier: 'high' }, { Name: 'n' }))).toEqual([
      ['Name', 'n'],
      ['agentfence:agent', 'a'],
      ['agentfence:owner', 'o'],
      ['agentfence:risk-tier', 'high'],
    ]);
  });
});

describe('argument assertions', () => {
  describe('when the value is invalid', () => {
    it.each([
      ['action wildcard', () => assertAction('C', 'tools[0].actions[0]', 's3:*'), 'C args.tools[0].actions[0] must'],
      ['bare service', () => assertAction('C', 'a', 's3'), 'C args.a must'],
      ['ARN wildcard', () => assertArn('C', 'tools[1].resources[0]', 'arn:aws:s3:::bucket/*'), 'C args.tools[1].resources[0] must'],
      ['star resource', () => assertArn('C', 'r', '*'), 'C args.r must'],
      ['short account', () => assertScope('C', 'scope', { account: '123', region: 'eu-west-1' }), 'C args.scope.account must'],
      ['bad region', () => assertScope('C', 'scope', { account: '111122223333', region: 'Europe' }), 'C args.scope.region must'],
    ])('%s throws COMPONENT_ARG_INVALID naming the arg', (_, call, message) => {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe('COMPONENT_ARG_INVALID');
      expect((error as InputError).message).toContain(message);
    });
  });
  describe('when the value is valid', () => {
    it('returns it', () => {
      expect(assertAction('C', 'a', 'dynamodb:GetItem')).toBe('dynamodb:GetItem');
      expect(assertArn('C', 'r', 'arn:aws:s3:::acme-supplier-master/suppliers/index.json')).toContain('acme');
    });
  });
});
