import { describe, expect, it } from 'vitest';
import { LeastPrivilegePolicy, type LeastPrivilegePolicyArgs } from '../../../src/components/aws/least-privilege-policy.js';
import type { ToolSpec } from '../../../src/manifest/types.js';
import { record, SCOPE, tool } from './harness.js';

const POLICY = 'aws:iam/policy:Policy';
const args = (overrides: Partial<LeastPrivilegePolicyArgs> = {}): LeastPrivilegePolicyArgs => ({
  agentName: 'payments',
  scope: SCOPE,
  roleName: 'agentfence-payments',
  tools: [
    tool('read-ledger'),
    tool('pay', {
      actions: ['lambda:InvokeFunction'],
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:pay'],
      risk: 'high',
      approval: 'required',
    }),
  ],
  stores: [
    {
      name: 'memory',
      kind: 'dynamodb',
      arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/agentfence-payments-memory',
      keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-4333-8444-555555555555',
    },
  ],
  gates: [{ tool: 'pay', stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-payments-gate-pay' }],
  logStreamArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/agentfence/payments/audit:log-stream:agent',
  ...overrides,
});

describe('LeastPrivilegePolicy', () => {
  describe.each([
    ['one low-risk tool', [tool('a')], ['ToolA']],
    ['two low-risk tools', [tool('a'), tool('b')], ['ToolA', 'ToolB']],
    ['a gated tool only', [tool('pay', { risk: 'high', approval: 'required' })], []],
    ['a low-risk tool needing approval', [tool('ask', { approval: 'required' })], []],
  ] as const)('when the manifest has %s', (_, tools, toolSids) => {
    it('grants exactly one statement per directly granted tool', async () => {
      const r = await record(() => new LeastPrivilegePolicy('lp', args({ tools: tools as unknown as ToolSpec[], gates: [] })));
      const doc = r.json(POLICY, undefined, 'policy');
      expect(doc.Statement.map((s: { Sid: string }) => s.Sid).filter((sid: string) => sid.startsWith('Tool'))).toEqual(toolSids);
    });
  });

  describe('when created', () => {
    it('attaches the policy to the agent role', async () => {
      const r = await record(() => new LeastPrivilegePolicy('lp', args()));
      const policy = r.one(POLICY);
      expect(r.one('aws:iam/rolePolicyAttachment:RolePolicyAttachment').inputs).toEqual({
        role: 'agentfence-payments',
        policyArn: policy.outputs['arn'],
      });
    });
    it('grants the store, its key through DynamoDB, the gate start and the log stream, and nothing of the gated tool', async () => {
      const r = await record(() => new LeastPrivilegePolicy('lp', args()));
      const doc = r.json(POLICY, undefined, 'policy');
      expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
        'ToolReadLedger',
        'StoreMemoryItems',
        'StoreMemoryKey',
        'GatePayStart',
        'AuditLogWrite',
      ]);
      expect(doc.Statement[2].Resource).toEqual(['arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-4333-8444-555555555555']);
      expect(doc.Statement[3]).toEqual({
        Sid: 'GatePayStart',
        Effect: 'Allow',
        Action: ['states:StartExecution'],
        Resource: ['arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-payments-gate-pay'],
      });
      expect(JSON.stringify(doc)).not.toContain('lambda:InvokeFunction');
      expect(JSON.stringify(doc)).not.toMatch(/NotAction|NotResource|"\*"/);
    });
  });

  describe('when there are many tools', () => {
    it('splits the statements across managed policies within the size limit', async () => {
      const many = Array.from({ length: 120 }, (_, i) => tool(`tool-${i}`));
      const r = await record(() => new LeastPrivilegePolicy('lp', args({ tools: many, gates: [] })));
      const policies = r.ofType(POLICY);
      expect(policies.length).toBeGreaterThan(1);
      expect(r.ofType('aws:iam/rolePolicyAttachment:RolePolicyAttachment')).toHaveLength(policies.length);
      const sids = policies.flatMap((p) => JSON.parse(p.inputs['policy'] as string).Statement.map((s: { Sid: string }) => s.Sid));
      expect(sids.filter((sid: string) => sid.startsWith('Tool'))).toHaveLength(120);
      for (const p of policies) expect((p.inputs['policy'] as string).length).toBeLessThanOrEqual(6144);
    });
  });

  describe('when args are invalid', () => {
    it.each([
      ['tools[0].actions[0]', { tools: [tool('a', { actions: ['*'] })] }],
      ['tools[0].resources[0]', { tools: [tool('a', { resources: ['arn:aws:s3:::*'] })] }],
      ['tools', { tools: [tool('a'), tool('a')] }],
      ['stores[0].arn', { stores: [{ name: 'm', kind: 'dynamodb', arn: '*', keyArn: 'k' }] }],
      ['gates[0].stateMachineArn', { gates: [{ tool: 'pay', stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:*' }] }],
      ['roleName', { roleName: '' }],
      ['tools', { tools: [], stores: [], gates: [], logStreamArn: undefined as never }],
    ])('throws naming args.%s', (arg, overrides) => {
      const input = args(overrides as Partial<LeastPrivilegePolicyArgs>);
      if ('logStreamArn' in overrides) delete (input as { logStreamArn?: string }).logStreamArn;
      expect(() => new LeastPrivilegePolicy('lp', input)).toThrow(`LeastPrivilegePolicy args.${arg} must`);
    });
  });
});
