import { describe, expect, it } from 'vitest';
import { AgentIdentity, type AgentIdentityArgs } from '../../../src/components/aws/agent-identity.js';
import { record, SCOPE } from './harness.js';

const ROLE = 'aws:iam/role:Role';
const POLICY = 'aws:iam/policy:Policy';
const args = (overrides: Partial<AgentIdentityArgs> = {}): AgentIdentityArgs => ({
  agentName: 'payments',
  runtime: 'ecs',
  scope: SCOPE,
  owner: 'payments-platform',
  riskTier: 'high',
  boundaryActions: ['dynamodb:GetItem', 'logs:PutLogEvents'],
  boundaryResources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/ledger'],
  ...overrides,
});

describe('AgentIdentity', () => {
  describe.each([
    ['agentcore', 'bedrock-agentcore.amazonaws.com', 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:*'],
    ['ecs', 'ecs-tasks.amazonaws.com', 'arn:aws:ecs:eu-west-1:111122223333:*'],
    ['lambda', 'lambda.amazonaws.com', 'arn:aws:lambda:eu-west-1:111122223333:function:payments*'],
    ['eks', 'pods.eks.amazonaws.com', 'arn:aws:eks:eu-west-1:111122223333:cluster/*'],
  ] as const)('when the runtime is %s', (runtime, principal, sourceArn) => {
    it('creates one role trusted by exactly that service, for this account and its resources', async () => {
      const r = await record(() => new AgentIdentity('id', args({ runtime })));
      expect(r.ofType(ROLE)).toHaveLength(1);
      const trust = r.json(ROLE, undefined, 'assumeRolePolicy');
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0].Principal).toEqual({ Service: principal });
      expect(trust.Statement[0].Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': SCOPE.account },
        ArnLike: { 'aws:SourceArn': sourceArn },
      });
      expect(trust.Statement[0].Action).toEqual(runtime === 'eks' ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole']);
      expect(r.ofType('aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity')).toHaveLength(runtime === 'agentcore' ? 1 : 0);
    });
  });

  describe('when created', () => {
    it('attaches its own permissions boundary, 1-hour sessions and ownership tags', async () => {
      const r = await record(() => new AgentIdentity('id', args()));
      const role = r.one(ROLE).inputs;
      const boundary = r.one(POLICY, 'boundary');
      expect(role['permissionsBoundary']).toBe(boundary.outputs['arn']);
      expect(role['maxSessionDuration']).toBe(3600);
      expect(role['name']).toBe('agentfence-payments');
      expect(role['tags']).toEqual({
        'agentfence:agent': 'payments',
        'agentfence:owner': 'payments-platform',
        'agentfence:risk-tier': 'high',
      });
      const doc = JSON.parse(boundary.inputs['policy'] as string);
      expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['CapDynamodb', 'CapLogs', 'DenyIdentityAdministration']);
    });
    it('registers its children under the component', async () => {
      const r = await record(() => new AgentIdentity('id', args()));
      const component = r.one('agentfence:aws:AgentIdentity');
      expect(r.all.filter((res) => res.custom).every((res) => res.parent === component.urn)).toBe(true);
    });
  });

  describe('when paused', () => {
    it('attaches an explicit deny-all to the role', async () => {
      const r = await record(() => new AgentIdentity('id', args({ paused: true })));
      const kill = r.one('aws:iam/rolePolicy:RolePolicy', 'kill-switch');
      expect(kill.inputs['role']).toBe('agentfence-payments');
      expect(JSON.parse(kill.inputs['policy'] as string).Statement).toEqual([
        { Sid: 'AgentfenceKillSwitch', Effect: 'Deny', Action: ['*'], Resource: '*' },
      ]);
    });
  });
  describe('when not paused', () => {
    it('has no deny-all', async () => {
      const r = await record(() => new AgentIdentity('id', args({ paused: false })));
      expect(r.ofType('aws:iam/rolePolicy:RolePolicy')).toHaveLength(0);
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['agentName', { agentName: 'Payments!' }],
      ['runtime', { runtime: 'ec2' as never }],
      ['scope.account', { scope: { account: '12', region: 'eu-west-1' } }],
      ['scope.region', { scope: { account: '111122223333', region: 'mars' } }],
      ['owner', { owner: '' }],
      ['riskTier', { riskTier: 'medium' as never }],
      ['boundaryActions', { boundaryActions: [] }],
      ['boundaryActions[1]', { boundaryActions: ['s3:GetObject', 's3:*'] }],
      ['boundaryResources[0]', { boundaryResources: ['*'] }],
      ['paused', { paused: 'yes' as never }],
    ])('throws naming args.%s', (arg, overrides) => {
      expect(() => new AgentIdentity('id', args(overrides as Partial<AgentIdentityArgs>))).toThrow(`AgentIdentity args.${arg} must`);
    });
  });
});
