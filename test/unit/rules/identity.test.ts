import { describe, expect, it } from 'vitest';
import {
  agentRequiredTags,
  iamRoleOnePerAgent,
  iamRolePermissionsBoundary,
  iamRoleSessionDuration,
  iamRoleTrustScoped,
} from '../../../src/rules/identity.js';
import { messages, policy, res, UNKNOWN } from './helpers.js';

const ROLE = 'aws:iam/role:Role';
const trust = (statement: Record<string, unknown>) =>
  policy([
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Service: 'bedrock-agentcore.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
      ...statement,
    },
  ]);
const tags = { 'agentfence:agent': 'payments', 'agentfence:owner': 'team', 'agentfence:risk-tier': 'high' };
const happyRole = (props: Record<string, unknown> = {}) =>
  res(ROLE, 'agent-role', {
    assumeRolePolicy: trust({}),
    permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
    maxSessionDuration: 3600,
    tags,
    ...props,
  });

describe('iam-role-trust-scoped', () => {
  describe('when the trust policy names one service under a source condition', () => {
    it('finds nothing', () => {
      expect(messages(iamRoleTrustScoped, [happyRole()])).toEqual([]);
    });
    it('accepts the policy as an object, not only a JSON string', () => {
      expect(messages(iamRoleTrustScoped, [happyRole({ assumeRolePolicy: JSON.parse(trust({})) })])).toEqual([]);
    });
  });
  describe('when the trust policy is too open', () => {
    it.each([
      ['any principal', { Principal: '*' }, 'must not trust any principal (got "*")'],
      ['an AWS "*" principal', { Principal: { AWS: '*' } }, 'must not trust any principal (got "*")'],
      [
        'an account root',
        { Principal: { AWS: 'arn:aws:iam::444455556666:root' } },
        'must trust a service principal, not an account root (got "arn:aws:iam::444455556666:root")',
      ],
      ['a bare account id', { Principal: { AWS: '444455556666' } }, 'not an account root (got "444455556666")'],
      [
        'a federated principal',
        { Principal: { Federated: 'cognito-identity.amazonaws.com' } },
        'principal must be of type Service (got Federated "cognito-identity.amazonaws.com")',
      ],
      ['no source condition', { Condition: undefined }, 'must condition on aws:SourceAccount or aws:SourceArn (got no conditions)'],
      [
        'two services',
        { Principal: { Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] } },
        'must trust exactly one service principal (got "ecs-tasks.amazonaws.com", "lambda.amazonaws.com")',
      ],
      ['NotPrincipal', { NotPrincipal: { AWS: 'x' } }, 'must not use NotPrincipal'],
      [
        'a source condition matching anything',
        { Condition: { StringLike: { 'aws:SourceAccount': '*' } } },
        'must condition on aws:SourceAccount or aws:SourceArn (got "aws:sourceaccount")',
      ],
      [
        'a negated source condition',
        { Condition: { StringNotEquals: { 'aws:SourceAccount': '444455556666' } } },
        'must condition on aws:SourceAccount or aws:SourceArn (got "aws:sourceaccount")',
      ],
      [
        'a source condition that holds when the key is absent',
        { Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } },
        'must condition on aws:SourceAccount or aws:SourceArn',
      ],
    ])('blocks %s', (_, change, expected) => {
      const found = messages(iamRoleTrustScoped, [happyRole({ assumeRolePolicy: trust(change) })]);
      expect(found).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
      expect(found.every((m) => m.startsWith('IAM role "agent-role" trust policy'))).toBe(true);
    });
    it('accepts a source ARN pattern scoped to the account', () => {
      const role = happyRole({
        assumeRolePolicy: trust({
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/*' } },
        }),
      });
      expect(messages(iamRoleTrustScoped, [role])).toEqual([]);
    });
    it('accepts another principal type when configured', () => {
      const role = happyRole({
        assumeRolePolicy: trust({
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            StringEquals: {
              'cognito-identity.amazonaws.com:aud': 'eu-west-1:pool',
              'cognito-identity.amazonaws.com:sub': 'eu-west-1:caller',
            },
          },
        }),
      });
      expect(messages(iamRoleTrustScoped, [role], { allowedPrincipalTypes: ['Service', 'Federated'] })).toEqual([]);
    });
  });
  describe('when the trust policy cannot be read', () => {
    it.each([
      ['unknown', UNKNOWN, 'the trust policy cannot be checked before deploy'],
      ['secret', '[secret]', 'must not be a secret to be checked (got [secret])'],
      ['absent', undefined, 'trust policy must be set (got not set)'],
      ['malformed JSON', '{"Statement": [', 'must be a valid policy document (got: the policy must be valid JSON)'],
      ['without Statement', '{}', 'must be a valid policy document (got: the policy must have a Statement)'],
    ])('reports %s, never a pass', (_, value, expected) => {
      expect(messages(iamRoleTrustScoped, [happyRole({ assumeRolePolicy: value })])).toEqual([expect.stringContaining(expected)]);
    });
    it('reports an unknown principal as unknown', () => {
      expect(
        messages(iamRoleTrustScoped, [happyRole({ assumeRolePolicy: JSON.parse(trust({ Principal: { Service: UNKNOWN } })) })]),
      ).toEqual([expect.stringContaining('cannot be checked before deploy')]);
    });
  });
});

describe('iam-role-permissions-boundary', () => {
  it.each([
    ['set', 'arn:aws:iam::111122223333:policy/b', []],
    ['absent', undefined, ['IAM role "agent-role" must have a permissions boundary (got not set)']],
    ['empty', '', ['IAM role "agent-role" must have a permissions boundary (got not set)']],
    ['unknown', UNKNOWN, ['IAM role "agent-role": permissionsBoundary cannot be checked before deploy (got a value unknown until deploy)']],
  ])('when the boundary is %s', (_, value, expected) => {
    expect(messages(iamRolePermissionsBoundary, [happyRole({ permissionsBoundary: value })])).toEqual(expected);
  });
});

describe('iam-role-permissions-boundary scope', () => {
  const gate = res('agentfence:aws:ApprovalGate', 'gate', {});
  const executor = res(ROLE, 'executor', { assumeRolePolicy: trust({ Principal: { Service: 'states.amazonaws.com' } }) }, { parent: gate });
  const identity = res('agentfence:aws:AgentIdentity', 'id', {});
  const agentRole = res(ROLE, 'agent', { assumeRolePolicy: trust({}) }, { parent: identity });
  const lambdaRole = res(ROLE, 'fn', { assumeRolePolicy: trust({ Principal: { Service: 'lambda.amazonaws.com' } }) });
  const serviceRole = res(ROLE, 'trail', { assumeRolePolicy: trust({ Principal: { Service: 'cloudtrail.amazonaws.com' } }) });
  it.each([
    ['a gate executor (service role of a component)', executor, undefined, 0],
    ['a gate executor when all roles are in scope', executor, { scope: 'all-roles' }, 1],
    ['the role under AgentIdentity', agentRole, undefined, 1],
    ['a Lambda role outside our components', lambdaRole, undefined, 1],
    ['a CloudTrail service role outside our components', serviceRole, undefined, 0],
  ])('when the role without a boundary is %s', (_, role, config, count) => {
    expect(messages(iamRolePermissionsBoundary, [role], config)).toHaveLength(count);
  });
});

describe('iam-role-session-duration', () => {
  it.each([
    ['3600', 3600, undefined, []],
    ['absent (provider default 3600)', undefined, undefined, []],
    ['7200', 7200, undefined, ['IAM role "agent-role" maxSessionDuration must be at most 3600 s (got 7200)']],
    ['43200', 43200, undefined, ['IAM role "agent-role" maxSessionDuration must be at most 3600 s (got 43200)']],
    ['1800 under a 900 s limit', 1800, { maxSeconds: 900 }, ['IAM role "agent-role" maxSessionDuration must be at most 900 s (got 1800)']],
    ['unknown', UNKNOWN, undefined, [expect.stringContaining('maxSessionDuration cannot be checked before deploy')]],
  ])('when the session is %s', (_, value, config, expected) => {
    expect(messages(iamRoleSessionDuration, [happyRole({ maxSessionDuration: value })], config)).toEqual(expected);
  });
});

describe('agent-required-tags', () => {
  it.each([
    ['all present', tags, []],
    [
      'missing owner',
      { ...tags, 'agentfence:owner': undefined },
      [
        'IAM role "agent-role" must have tags "agentfence:agent", "agentfence:owner", "agentfence:risk-tier" (got missing "agentfence:owner")',
      ],
    ],
    ['absent', undefined, [expect.stringContaining('got missing "agentfence:agent", "agentfence:owner", "agentfence:risk-tier"')]],
    ['unknown', UNKNOWN, [expect.stringContaining('tags cannot be checked before deploy')]],
  ])('when tags are %s', (_, value, expected) => {
    expect(messages(agentRequiredTags, [happyRole({ tags: value })])).toEqual(expected);
  });
  it('is advisory by default', () => {
    expect(agentRequiredTags.defaultEnforcement).toBe('advisory');
  });
});

describe('iam-role-one-per-agent', () => {
  const runtime = (name: string, roleArn: unknown) =>
    res('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime', name, { roleArn, networkConfiguration: { networkMode: 'VPC' } });
  it('finds nothing when each runtime has its own role', () => {
    expect(messages(iamRoleOnePerAgent, [runtime('a', 'arn:aws:iam::1:role/a'), runtime('b', 'arn:aws:iam::1:role/b')])).toEqual([]);
  });
  it('blocks two runtimes sharing a role', () => {
    expect(messages(iamRoleOnePerAgent, [runtime('a', 'arn:aws:iam::1:role/x'), runtime('b', 'arn:aws:iam::1:role/x')])).toEqual([
      'AgentCore runtime "a" must have a role of its own (got role "arn:aws:iam::1:role/x" shared with "b")',
      'AgentCore runtime "b" must have a role of its own (got role "arn:aws:iam::1:role/x" shared with "a")',
    ]);
  });
  it('blocks a Lambda function sharing the runtime role', () => {
    const fn = res('aws:lambda/function:Function', 'tool', { role: 'arn:aws:iam::1:role/x' });
    expect(messages(iamRoleOnePerAgent, [runtime('a', 'arn:aws:iam::1:role/x'), fn])).toHaveLength(2);
  });
  it('reports an unknown role reference', () => {
    expect(messages(iamRoleOnePerAgent, [runtime('a', UNKNOWN)])).toEqual([
      expect.stringContaining('roleArn cannot be checked before deploy'),
    ]);
  });
});
