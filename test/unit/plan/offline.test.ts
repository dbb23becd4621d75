import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../src/errors.js';
import { planAgent, type PreviewDocument, resolvePlanTarget } from '../../../src/plan/offline.js';
import { readPlanDocument } from '../../../src/plan/read.js';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.resolve(root, '../shared/fixtures/pulumi-json');

/** A scratch project holding a copy of one example stack, removed after the tests. */
function scratchProject(agent: string, stackConfig?: string, edit?: (stackDir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-plan-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  cpSync(path.join(root, 'stacks', agent), path.join(dir, 'stacks', agent), { recursive: true });
  if (stackConfig !== undefined) writeFileSync(path.join(dir, 'stacks', `Pulumi.${agent}.yaml`), stackConfig);
  edit?.(path.join(dir, 'stacks', agent));
  scratch.push(dir);
  return dir;
}
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AgentfenceError ? error.code : `untyped: ${String(error)}`;
  }
  return 'no error';
}

describe('planAgent', () => {
  const plans: Record<string, PreviewDocument> = {};
  beforeAll(async () => {
    plans['payments'] = await planAgent('payments', root);
    plans['support-triage'] = await planAgent('support-triage', root);
  });

  describe.each(['payments', 'support-triage'])('when planning the %s example', (agent) => {
    it('starts with the stack and lists every parent before its children', () => {
      const steps = plans[agent]!.steps;
      expect(steps[0]!.newState.type).toBe('pulumi:pulumi:Stack');
      const seen = new Set<string>();
      for (const step of steps) {
        expect(step.op).toBe('create');
        expect(step.newState.urn).toBe(step.urn);
        if (step.newState.parent !== undefined) expect(seen.has(step.newState.parent), step.urn).toBe(true);
        seen.add(step.urn);
      }
      expect(plans[agent]!.changeSummary.create).toBe(steps.length);
    });
    it('is read by the guardrail reader as a preview with every resource', () => {
      const read = readPlanDocument(JSON.stringify(plans[agent]), `${agent}.json`);
      expect(read.kind).toBe('preview');
      expect(read.resources).toHaveLength(plans[agent]!.steps.length);
    });
    it('carries the stack config of stacks/Pulumi.<agent>.yaml', () => {
      expect(plans[agent]!.config).toMatchObject({ 'agentfence:manifest': `${agent}/agent.yaml`, 'aws:region': 'eu-west-1' });
    });
    it('includes components as custom: false and cloud resources with inputs', () => {
      for (const step of plans[agent]!.steps) {
        // a component's inputs are its own args (the SDK sends them since 3.202), never a child's
        if (step.newState.type.startsWith('agentfence:')) expect(step.newState.custom).toBe(false);
        if (step.newState.type.startsWith('aws:')) {
          expect(step.newState.custom).toBe(true);
          expect(step.newState.inputs).toBeTypeOf('object');
        }
      }
    });
  });

  describe('when planning payments', () => {
    it('plans a complete environment', () => {
      const types = new Set(plans['payments']!.steps.map((step) => step.newState.type));
      for (const type of [
        'aws:iam/role:Role',
        'aws:iam/policy:Policy',
        'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
        'aws:sfn/stateMachine:StateMachine',
        'aws:kms/key:Key',
        'aws:s3/bucket:Bucket',
        'aws:dynamodb/table:Table',
        'aws:ec2/vpc:Vpc',
        'aws:networkfirewall/firewall:Firewall',
        'aws:ec2/vpcEndpoint:VpcEndpoint',
        'aws:ec2/flowLog:FlowLog',
        'aws:cloudwatch/logGroup:LogGroup',
        'aws:cloudwatch/metricAlarm:MetricAlarm',
        'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime',
        'aws:bedrock/agentcoreGateway:AgentcoreGateway',
      ]) {
        expect(types.has(type), type).toBe(true);
      }
    });
    it('allowlists the hosts of the payments API descriptor', () => {
      const descriptor = JSON.parse(readFileSync(path.join(root, 'stacks/payments/apis/payments-gateway.json'), 'utf8')) as {
        hosts: string[];
      };
      const group = plans['payments']!.steps.find((step) => step.newState.type === 'aws:networkfirewall/ruleGroup:RuleGroup')!;
      expect((group.newState.inputs as any).ruleGroup.rulesSource.rulesSourceList.targets).toEqual([...descriptor.hosts].sort());
    });
    it('protects and retains the confidential and restricted stores', () => {
      const data = plans['payments']!.steps.filter(
        (step) => ['aws:s3/bucket:Bucket', 'aws:dynamodb/table:Table'].includes(step.newState.type) && !step.urn.includes('trail-bucket'),
      );
      expect(data).toHaveLength(2);
      for (const step of data) expect([step.newState.protect, step.newState.retainOnDelete]).toEqual([true, true]);
    });
  });

  describe('when planned twice in one process', () => {
    it('gives the same document byte for byte', async () => {
      const again = await planAgent('payments', root);
      expect(JSON.stringify(again)).toBe(JSON.stringify(plans['payments']));
    });
  });

  describe('when compared with a real pulumi preview --json', () => {
    it('uses only fields the real document uses', () => {
      const real = JSON.parse(readFileSync(path.join(fixtures, 'sample-preview-creates.json'), 'utf8')) as {
        steps: { newState: object }[];
      };
      const stepKeys = new Set(real.steps.flatMap((step) => Object.keys(step)));
      const stateKeys = new Set([...real.steps.flatMap((step) => Object.keys(step.newState)), 'protect', 'retainOnDelete']);
      for (const step of plans['payments']!.steps) {
        for (const key of Object.keys(step)) expect(stepKeys.has(key), key).toBe(true);
        for (const key of Object.keys(step.newState)) expect(stateKeys.has(key), key).toBe(true);
      }
    });
  });

  describe('when the stack config pauses the agent', () => {
    it('plans the deny-all kill switch', async () => {
      const dir = scratchProject(
        'support-triage',
        'config:\n  agentfence:manifest: support-triage/agent.yaml\n  agentfence:paused: true\n',
      );
      const plan = await planAgent('support-triage', dir);
      const kill = plan.steps.find((step) => step.urn.endsWith('-kill-switch'));
      expect(kill?.newState.type).toBe('aws:iam/rolePolicy:RolePolicy');
      expect(JSON.parse((kill!.newState.inputs as { policy: string }).policy).Statement[0]).toMatchObject({
        Effect: 'Deny',
        Action: ['*'],
      });
    });
  });

  describe('when the input is bad', () => {
    it.each([
      ['an unknown agent', () => planAgent('no-such-agent', root), 'AGENT_NOT_FOUND'],
      [
        'a stack config naming another manifest',
        () => planAgent('support-triage', scratchProject('support-triage', 'config:\n  agentfence:manifest: payments/agent.yaml\n')),
        'STACK_CONFIG_INVALID',
      ],
      [
        'a stack config for another region',
        () =>
          planAgent(
            'support-triage',
            scratchProject('support-triage', 'config:\n  agentfence:manifest: support-triage/agent.yaml\n  aws:region: us-east-1\n'),
          ),
        'STACK_CONFIG_INVALID',
      ],
      [
        'a stack config that is not YAML',
        () => planAgent('support-triage', scratchProject('support-triage', 'config: [unclosed\n')),
        'STACK_CONFIG_INVALID',
      ],
      [
        'an invalid manifest',
        () =>
          planAgent(
            'support-triage',
            scratchProject('support-triage', undefined, (dir) => {
              const file = path.join(dir, 'agent.yaml');
              writeFileSync(file, readFileSync(file, 'utf8').replace('riskTier: low', 'riskTier: medium'));
            }),
          ),
        'MANIFEST_INVALID',
      ],
      [
        'an API descriptor with a wildcard host',
        () =>
          planAgent(
            'support-triage',
            scratchProject('support-triage', undefined, (dir) => {
              const file = path.join(dir, 'apis/helpdesk.json');
              const descriptor = JSON.parse(readFileSync(file, 'utf8'));
              descriptor.hosts.push('*.helpdesk.example');
              writeFileSync(file, JSON.stringify(descriptor));
            }),
          ),
        'DESCRIPTOR_INVALID',
      ],
    ])('%s fails with a typed error', async (_, run, code) => {
      expect(await codeOf(run())).toBe(code);
    });
  });
});

describe('resolvePlanTarget', () => {
  describe('when the stack has no Pulumi.<agent>.yaml', () => {
    it('names the manifest relative to the project root', () => {
      const dir = scratchProject('payments');
      expect(resolvePlanTarget('payments', dir)).toMatchObject({
        stack: 'payments',
        project: 'agentfence',
        config: { 'agentfence:manifest': 'stacks/payments/agent.yaml' },
      });
    });
  });
});
