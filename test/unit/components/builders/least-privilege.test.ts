import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../../../src/errors.js';
import type { ToolSpec } from '../../../../src/manifest/types.js';
import {
  assertTools,
  buildAgentPolicy,
  buildToolStatements,
  chunkStatements,
  grantedActions,
  isGated,
} from '../../../../src/components/aws/builders/least-privilege.js';

const t = (name: string, risk: 'low' | 'high', approval: 'none' | 'required', actions = ['dynamodb:GetItem']): ToolSpec => ({
  name,
  actions,
  resources: [`arn:aws:dynamodb:eu-west-1:111122223333:table/${name}`],
  risk,
  approval,
});

describe('isGated', () => {
  it.each([
    ['low', 'none', false],
    ['low', 'required', true],
    ['high', 'required', true],
    ['high', 'none', true],
  ] as const)('risk %s, approval %s -> gated %s', (risk, approval, gated) => {
    expect(isGated({ risk, approval })).toBe(gated);
  });
});

describe('buildToolStatements', () => {
  describe('when tools mix risks', () => {
    const statements = buildToolStatements([
      t('read-ledger', 'low', 'none', ['dynamodb:Query', 'dynamodb:GetItem']),
      t('pay', 'high', 'required'),
      t('ask', 'low', 'required'),
    ]);
    it('grants one statement per direct tool with a readable Sid', () => {
      expect(statements.map((s) => s.Sid)).toEqual(['ToolReadLedger']);
    });
    it('lists explicit, sorted actions on explicit ARNs', () => {
      expect(statements[0]).toEqual({
        Sid: 'ToolReadLedger',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: ['arn:aws:dynamodb:eu-west-1:111122223333:table/read-ledger'],
      });
    });
  });
});

describe('buildAgentPolicy', () => {
  const doc = buildAgentPolicy({
    region: 'eu-west-1',
    tools: [t('read', 'low', 'none'), t('pay', 'high', 'required', ['lambda:InvokeFunction'])],
    stores: [
      {
        name: 'memory',
        kind: 'dynamodb',
        arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/agentfence-p-memory',
        keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k1',
      },
      {
        name: 'files',
        kind: 's3',
        arn: 'arn:aws:s3:::agentfence-p-files-111122223333',
        keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/k2',
      },
    ],
    gates: [{ tool: 'pay', stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-p-gate-pay' }],
    logStreamArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/agentfence/p/audit:log-stream:agent',
  });
  const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
  it('has exactly the expected statements in order', () => {
    expect(doc.Statement.map((s) => s.Sid)).toEqual([
      'ToolRead',
      'StoreMemoryItems',
      'StoreMemoryKey',
      'StoreFilesList',
      'StoreFilesObjects',
      'StoreFilesKey',
      'GatePayStart',
      'AuditLogWrite',
    ]);
  });
  it('never grants the gated tool action to the agent', () => {
    expect(JSON.stringify(doc)).not.toContain('lambda:InvokeFunction');
  });
  it('lets the agent only start its gate', () => {
    expect(bySid['GatePayStart']).toEqual({
      Sid: 'GatePayStart',
      Effect: 'Allow',
      Action: ['states:StartExecution'],
      Resource: ['arn:aws:states:eu-west-1:111122223333:stateMachine:agentfence-p-gate-pay'],
    });
  });
  it('uses store keys only through the store service', () => {
    expect(bySid['StoreMemoryKey']!.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-west-1.amazonaws.com' } });
    expect(bySid['StoreFilesKey']!.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } });
    expect(bySid['StoreFilesKey']!.Resource).toEqual(['arn:aws:kms:eu-west-1:111122223333:key/k2']);
  });
  it('grants objects of its own bucket only', () => {
    expect(bySid['StoreFilesObjects']!.Resource).toEqual(['arn:aws:s3:::agentfence-p-files-111122223333/*']);
  });
  it('never uses a bare wildcard, NotAction or NotResource', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"NotAction"|"NotResource"|"\*"/);
  });
});

describe('grantedActions', () => {
  it('covers direct tools, stores, gates and logs, not gated tools', () => {
    const actions = grantedActions(
      [t('read', 'low', 'none'), t('pay', 'high', 'required', ['lambda:InvokeFunction'])],
      [{ kind: 's3' }],
      true,
    );
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('s3:ListBucket');
    expect(actions).toContain('states:StartExecution');
    expect(actions).toContain('logs:PutLogEvents');
    expect(actions).not.toContain('lambda:InvokeFunction');
  });
});

describe('assertTools', () => {
  describe('when a tool is invalid', () => {
    it.each([
      ['wildcard action', [{ ...t('a', 'low', 'none'), actions: ['s3:*'] }], 'tools[0].actions[0]'],
      ['wildcard resource', [{ ...t('a', 'low', 'none'), resources: ['*'] }], 'tools[0].resources[0]'],
      ['no actions', [{ ...t('a', 'low', 'none'), actions: [] }], 'tools[0].actions'],
      ['bad name', [t('bad name', 'low', 'none')], 'tools[0].name'],
      ['duplicate names', [t('a', 'low', 'none'), t('a', 'low', 'none')], 'tools'],
    ])('%s is refused naming %s', (_, tools, arg) => {
      expect(() => assertTools(tools)).toThrow(InputError);
      expect(() => assertTools(tools)).toThrow(`args.${arg} must`);
    });
  });
});

describe('chunkStatements', () => {
  const statement = (i: number) => ({
    Sid: `Tool${i}`,
    Effect: 'Allow' as const,
    Action: ['s3:GetObject'],
    Resource: [`arn:aws:s3:::bucket-${i}/key`],
  });
  describe('when statements exceed one document', () => {
    const statements = Array.from({ length: 200 }, (_, i) => statement(i));
    const chunks = chunkStatements(statements);
    it('keeps every statement once, in order', () => {
      expect(chunks.flat().map((s) => s.Sid)).toEqual(statements.map((s) => s.Sid));
    });
    it('keeps each document within 6144 characters', () => {
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) expect(JSON.stringify({ Version: '2012-10-17', Statement: chunk }).length).toBeLessThanOrEqual(6144);
    });
  });
  describe('when too many documents would be needed', () => {
    it('throws POLICY_TOO_LARGE', () => {
      const statements = Array.from({ length: 2000 }, (_, i) => statement(i));
      expect(() => chunkStatements(statements)).toThrow(ConfigError);
      expect(() => chunkStatements(statements)).toThrow(/managed policies/);
    });
  });
  describe('when one statement alone is too large', () => {
    it('throws POLICY_TOO_LARGE naming the statement', () => {
      const huge = { ...statement(1), Resource: Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::bucket-${i}/key`) };
      expect(() => chunkStatements([huge])).toThrow(/Tool1 must fit/);
    });
  });
});

describe('buildModelStatements', () => {
  it('lets the agent invoke exactly each hosted model', async () => {
    const { buildModelStatements } = await import('../../../../src/components/aws/builders/least-privilege.js');
    expect(buildModelStatements([{ name: 'planner', hostedId: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }], 'eu-west-1')).toEqual([
      {
        Sid: 'ModelPlanner',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: ['arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0'],
      },
    ]);
  });
});
