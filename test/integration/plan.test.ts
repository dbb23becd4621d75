import { beforeAll, describe, expect, it } from 'vitest';

import { agentfence, type CliResult } from './run-cli.js';

const cli = (...args: string[]): Promise<CliResult> => agentfence(args);

interface Step {
  op: string;
  urn: string;
  newState: { type: string; custom: boolean; inputs?: Record<string, unknown>; parent?: string };
}

describe('agentfence plan', () => {
  describe('when asked for JSON on the payments example', () => {
    let r: CliResult;
    let doc: { steps: Step[]; diagnostics: unknown[] };
    beforeAll(async () => {
      r = await cli('plan', 'payments', '--format', 'json');
      doc = JSON.parse(r.stdout) as typeof doc;
    });
    const ofType = (type: string) => doc.steps.filter((step) => step.newState.type === type);

    it('exits 0 with the preview document on stdout and nothing on stderr', () => {
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(doc.diagnostics).toEqual([]);
      expect(doc.steps.every((step) => step.op === 'create')).toBe(true);
    });
    it.each([
      ['the agent role', 'aws:iam/role:Role', 'identity-role'],
      ['its permissions boundary', 'aws:iam/policy:Policy', 'identity-boundary'],
      ['its least-privilege policy', 'aws:iam/policy:Policy', 'policy-policy'],
      ['the approval gate', 'aws:sfn/stateMachine:StateMachine', 'gate-initiate-transfer-machine'],
      ['a store key', 'aws:kms/key:Key', 'store-payment-evidence-key'],
      ['the evidence bucket', 'aws:s3/bucket:Bucket', 'store-payment-evidence-bucket'],
      ['the memory table', 'aws:dynamodb/table:Table', 'store-payment-memory-table'],
      ['the VPC', 'aws:ec2/vpc:Vpc', 'network-vpc'],
      ['the firewall', 'aws:networkfirewall/firewall:Firewall', 'network-firewall'],
      ['a VPC endpoint', 'aws:ec2/vpcEndpoint:VpcEndpoint', 'network-endpoint-logs'],
      ['flow logs', 'aws:ec2/flowLog:FlowLog', 'network-flow-log'],
      ['the audit log group', 'aws:cloudwatch/logGroup:LogGroup', 'audit-log-group'],
      ['the AccessDenied alarm', 'aws:cloudwatch/metricAlarm:MetricAlarm', 'audit-access-denied-alarm'],
      ['the undeclared-calls alarm', 'aws:cloudwatch/metricAlarm:MetricAlarm', 'audit-undeclared-calls-alarm'],
    ])('plans %s', (_, type, name) => {
      expect(ofType(type).map((step) => step.urn.split('::').pop())).toContain(`payments-${name}`);
    });
    it('grants the agent the gate but not the transfer', () => {
      const policy = ofType('aws:iam/policy:Policy').find((step) => step.urn.endsWith('payments-policy-policy'))!;
      const text = policy.newState.inputs!['policy'] as string;
      expect(text).toContain('states:StartExecution');
      expect(text).not.toContain('lambda:InvokeFunction');
    });
  });

  describe('when asked for text', () => {
    it('prints the resource tree and counts', async () => {
      const r = await cli('plan', 'support-triage');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\+ pulumi:pulumi:Stack {2}agentfence-support-triage$/m);
      expect(r.stdout).toMatch(/^ {2}\+ agentfence:aws:AgentEnvironment {2}support-triage$/m);
      expect(r.stdout).toMatch(/Resources: \d+ to create/);
      expect(r.stdout).not.toContain('\u001b[');
    });
  });

  describe('when --json is given', () => {
    it('is an alias of --format json', async () => {
      const r = await cli('plan', 'support-triage', '--json');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).steps.length).toBeGreaterThan(50);
    });
  });

  describe('when the input is bad', () => {
    it.each([
      ['an unknown agent', ['plan', 'nope'], 'AGENT_NOT_FOUND'],
      ['no agent', ['plan'], 'CLI_USAGE'],
      ['two agents', ['plan', 'payments', 'support-triage'], 'CLI_USAGE'],
      ['sarif', ['plan', 'payments', '--format', 'sarif'], 'CLI_USAGE'],
      ['an unknown flag', ['plan', 'payments', '--frobnicate'], 'CLI_USAGE'],
    ])('%s exits 2 without a stack trace', async (_, args, code) => {
      const r = await cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('when asked for help', () => {
    it('prints the usage without planning', async () => {
      const r = await cli('plan', '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('usage: agentfence plan <agent>');
    });
  });
});
