import { describe, expect, it } from 'vitest';
import { ApprovalGate, type ApprovalGateArgs } from '../../../src/components/aws/approval-gate.js';
import { record, SCOPE, tool } from './harness.js';

const TRANSFER = tool('initiate-transfer', {
  actions: ['lambda:InvokeFunction'],
  resources: ['arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer'],
  risk: 'high',
  approval: 'required',
});
const args = (overrides: Partial<ApprovalGateArgs> = {}): ApprovalGateArgs => ({
  agentName: 'payments',
  scope: SCOPE,
  tool: TRANSFER,
  reviewerEmails: ['reviewer@example.com', 'second@example.com'],
  owner: 'payments-platform',
  riskTier: 'high',
  ...overrides,
});

describe('ApprovalGate', () => {
  describe('when created for a gated tool', () => {
    it('encrypts the reviewer topic with its own rotating key and subscribes each reviewer', async () => {
      const r = await record(() => new ApprovalGate('gate', args()));
      const key = r.one('aws:kms/key:Key');
      expect(key.inputs['enableKeyRotation']).toBe(true);
      expect(r.one('aws:sns/topic:Topic').inputs['kmsMasterKeyId']).toBe(key.outputs['arn']);
      expect(r.ofType('aws:sns/topicSubscription:TopicSubscription').map((s) => [s.inputs['protocol'], s.inputs['endpoint']])).toEqual([
        ['email', 'reviewer@example.com'],
        ['email', 'second@example.com'],
      ]);
    });
    it('runs a STANDARD, KMS-encrypted state machine that waits for a task token with a timeout', async () => {
      const r = await record(() => new ApprovalGate('gate', args({ timeoutSeconds: 7200 })));
      const machine = r.one('aws:sfn/stateMachine:StateMachine');
      expect(machine.inputs['type']).toBe('STANDARD');
      expect(machine.inputs['name']).toBe('agentfence-payments-gate-initiate-transfer');
      expect(machine.inputs['encryptionConfiguration']).toMatchObject({
        type: 'CUSTOMER_MANAGED_KMS_KEY',
        kmsKeyId: r.one('aws:kms/key:Key').outputs['arn'],
      });
      const definition = JSON.parse(machine.inputs['definition'] as string);
      expect(definition.States.RequestApproval.Resource).toBe('arn:aws:states:::sns:publish.waitForTaskToken');
      expect(definition.States.RequestApproval.TimeoutSeconds).toBe(7200);
      expect(definition.States.RequestApproval.Parameters.TopicArn).toBe(r.one('aws:sns/topic:Topic').outputs['arn']);
      expect(definition.States.TimedOut.Type).toBe('Fail');
    });
    it('gives the tool permission to the executor role only, which only this gate can assume', async () => {
      const r = await record(() => new ApprovalGate('gate', args()));
      const executor = r.one('aws:iam/role:Role', 'executor');
      expect(r.one('aws:sfn/stateMachine:StateMachine').inputs['roleArn']).toBe(executor.outputs['arn']);
      const trust = JSON.parse(executor.inputs['assumeRolePolicy'] as string);
      expect(trust.Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(
        'arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-payments-gate-initiate-transfer',
      );
      const policy = r.json('aws:iam/rolePolicy:RolePolicy', 'executor-policy', 'policy');
      expect(policy.Statement[0]).toEqual({
        Sid: 'PerformInitiateTransfer',
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: ['arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer'],
      });
      expect(executor.inputs['permissionsBoundary']).toBe(r.one('aws:iam/policy:Policy', 'executor-boundary').outputs['arn']);
    });
    it('defaults the decision timeout to one day', async () => {
      const r = await record(() => new ApprovalGate('gate', args()));
      expect(
        JSON.parse(r.one('aws:sfn/stateMachine:StateMachine').inputs['definition'] as string).States.RequestApproval.TimeoutSeconds,
      ).toBe(86400);
    });
    it('lets only the executor publish to reviewers', async () => {
      const r = await record(() => new ApprovalGate('gate', args()));
      const doc = r.json('aws:sns/topicPolicy:TopicPolicy', undefined, 'policy');
      expect(doc.Statement[0].Principal).toEqual({ AWS: r.one('aws:iam/role:Role', 'executor').outputs['arn'] });
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['reviewerEmails', { reviewerEmails: [] }],
      ['reviewerEmails[1]', { reviewerEmails: ['a@example.com', 'not-an-email'] }],
      ['timeoutSeconds', { timeoutSeconds: 10 }],
      ['timeoutSeconds', { timeoutSeconds: 40_000_000 }],
      ['tools[0].actions[0]', { tool: { ...TRANSFER, actions: ['lambda:*'] } }],
      ['tool', { tool: undefined as never }],
    ])('throws naming args.%s', (arg, overrides) => {
      expect(() => new ApprovalGate('gate', args(overrides as Partial<ApprovalGateArgs>))).toThrow(`ApprovalGate args.${arg} must`);
    });
  });
});
