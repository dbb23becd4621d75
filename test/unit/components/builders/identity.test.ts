import { describe, expect, it } from 'vitest';
import {
  buildDenyAllPolicy,
  buildPermissionsBoundary,
  buildTrustPolicy,
  servicePrincipal,
} from '../../../../src/components/aws/builders/identity.js';

const scope = { account: '111122223333', region: 'eu-west-1' };

describe('buildTrustPolicy', () => {
  describe.each([
    ['agentcore', 'bedrock-agentcore.amazonaws.com', ['sts:AssumeRole'], 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:*'],
    ['ecs', 'ecs-tasks.amazonaws.com', ['sts:AssumeRole'], 'arn:aws:ecs:eu-west-1:111122223333:*'],
    ['lambda', 'lambda.amazonaws.com', ['sts:AssumeRole'], 'arn:aws:lambda:eu-west-1:111122223333:function:payments*'],
    ['eks', 'pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession'], 'arn:aws:eks:eu-west-1:111122223333:cluster/*'],
  ] as const)('when the runtime is %s', (runtime, principal, actions, sourceArn) => {
    const doc = buildTrustPolicy(runtime, 'payments', scope);
    it('trusts exactly the runtime service principal', () => {
      expect(doc.Statement).toHaveLength(1);
      expect(doc.Statement[0]!.Principal).toEqual({ Service: principal });
      expect(doc.Statement[0]!.Action).toEqual(actions);
    });
    it('requires aws:SourceAccount and aws:SourceArn', () => {
      expect(doc.Statement[0]!.Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': sourceArn },
      });
    });
  });
  describe('when the region is in China', () => {
    it('uses the China service domain', () => {
      expect(servicePrincipal('lambda', 'cn-north-1')).toBe('lambda.amazonaws.com.cn');
    });
  });
});

describe('buildPermissionsBoundary', () => {
  const doc = buildPermissionsBoundary({
    agent: 'payments',
    scope,
    actions: ['dynamodb:GetItem', 's3:GetObject', 'kms:Decrypt', 'states:StartExecution', 'logs:PutLogEvents', 'sns:Publish'],
    resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/ledger'],
  });
  const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
  it('allows each service only its declared actions', () => {
    expect(bySid['CapDynamodb']!.Action).toEqual(['dynamodb:GetItem']);
    expect(bySid['CapS3']!.Action).toEqual(['s3:GetObject']);
  });
  it('limits resources to the manifest ARNs and the agent prefix', () => {
    expect(bySid['CapDynamodb']!.Resource).toEqual([
      'arn:aws:dynamodb:eu-west-1:111122223333:table/agentfence-payments-*',
      'arn:aws:dynamodb:eu-west-1:111122223333:table/ledger',
    ]);
    expect(bySid['CapS3']!.Resource).toEqual(['arn:aws:s3:::agentfence-payments-*']);
  });
  it('allows KMS only on keys tagged for the agent', () => {
    expect(bySid['CapKms']!.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/agentfence:agent': 'payments' } });
  });
  it('drops a service with no resource to name', () => {
    expect(bySid['CapSns']).toBeUndefined();
  });
  it('denies identity administration', () => {
    expect(bySid['DenyIdentityAdministration']).toMatchObject({
      Effect: 'Deny',
      Action: ['iam:*', 'organizations:*', 'account:*', 'sts:AssumeRole'],
    });
  });
  it('never allows a bare wildcard', () => {
    for (const statement of doc.Statement.filter((s) => s.Effect === 'Allow')) {
      expect(statement.Action).not.toContain('*');
      expect(statement.Resource).not.toBe('*');
    }
  });
});

describe('buildDenyAllPolicy', () => {
  it('denies every action on every resource', () => {
    expect(buildDenyAllPolicy().Statement).toEqual([{ Sid: 'AgentfenceKillSwitch', Effect: 'Deny', Action: ['*'], Resource: '*' }]);
  });
});
