import { describe, expect, it } from 'vitest';
import { agentAuditTrail, cloudtrailSecure, vpcFlowLogs } from '../../../src/rules/monitoring.js';
import type { PlannedResource } from '../../../src/rules/types.js';
import { component, messages, res, UNKNOWN } from './helpers.js';

describe('vpc-flow-logs', () => {
  const net = component('agentfence:aws:NetworkBoundary', 'net');
  const vpc = res('aws:ec2/vpc:Vpc', 'net-vpc', { cidrBlock: '10.0.0.0/16' }, { parent: net });
  const group = res(
    'aws:cloudwatch/logGroup:LogGroup',
    'net-flow-logs',
    {
      arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/flow',
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      retentionInDays: 365,
    },
    { parent: net },
  );
  const log = (vpcId: unknown) =>
    res(
      'aws:ec2/flowLog:FlowLog',
      'net-flow',
      { vpcId, trafficType: 'ALL', logDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:/flow' },
      { parent: net },
    );
  it.each<[string, PlannedResource[], unknown[]]>([
    [
      'a flow log whose VPC is unknown until deploy',
      [net, vpc, group, log(UNKNOWN)],
      ['flow log "net-flow": vpcId cannot be checked before deploy (got a value unknown until deploy)'],
    ],
    ['a flow log naming it', [net, { ...vpc, props: { ...vpc.props, id: 'vpc-1' } }, group, log('vpc-1')], []],
    ['no flow log', [net, vpc], ['VPC "net-vpc" must have a flow log (got none)']],
    [
      'a flow log of another VPC',
      [net, vpc, group, res('aws:ec2/vpc:Vpc', 'other', { id: 'vpc-other' }, { parent: net }), log('vpc-other')],
      ['VPC "net-vpc" must have a flow log (got none)'],
    ],
  ])('when the VPC has %s', (_, resources, expected) => {
    expect(messages(vpcFlowLogs, resources)).toEqual(expected);
  });
});

describe('agent-audit-trail', () => {
  const env = component('agentfence:aws:AgentEnvironment', 'payments');
  const audit = component('agentfence:aws:AuditTrail', 'payments-audit', env);
  const group = res('aws:cloudwatch/logGroup:LogGroup', 'payments-audit-logs', { retentionInDays: 365 }, { parent: audit });
  const alarm = (metricName: unknown) =>
    res(
      'aws:cloudwatch/metricAlarm:MetricAlarm',
      'payments-audit-denied',
      { metricName, namespace: 'agentfence/payments' },
      { parent: audit },
    );
  it.each<[string, PlannedResource[], unknown[]]>([
    ['a log group and an AccessDenied alarm', [env, audit, group, alarm('AccessDeniedCount')], []],
    ['no log group', [env, audit, alarm('AccessDenied')], ['agent "payments" must have an audit log group (got none)']],
    [
      'only another alarm',
      [env, audit, group, res('aws:cloudwatch/metricAlarm:MetricAlarm', 'cpu', { metricName: 'CPUUtilization' }, { parent: audit })],
      ['agent "payments" must have an alarm on AccessDenied (got 1 other alarms)'],
    ],
    [
      'an alarm of unknown metric',
      [env, audit, group, res('aws:cloudwatch/metricAlarm:MetricAlarm', 'a', { metricName: UNKNOWN }, { parent: audit })],
      [expect.stringContaining('cannot be checked before deploy')],
    ],
    ['no agent in the stack', [group], []],
  ])('when the stack has %s', (_, resources, expected) => {
    expect(messages(agentAuditTrail, resources)).toEqual(expected);
  });
  it('attributes resources to their own agent when there are several', () => {
    const other = component('agentfence:aws:AgentEnvironment', 'triage');
    expect(messages(agentAuditTrail, [env, audit, group, alarm('AccessDenied'), other])).toEqual([
      'agent "triage" must have an audit log group (got none)',
      'agent "triage" must have an alarm on AccessDenied (got 0 other alarms)',
    ]);
  });
  it('is advisory by default', () => {
    expect([agentAuditTrail.defaultEnforcement, vpcFlowLogs.defaultEnforcement]).toEqual(['advisory', 'advisory']);
  });
});

describe('cloudtrail-trail-secure', () => {
  const trail = (props: Record<string, unknown>) =>
    res('aws:cloudtrail/trail:Trail', 'audit', {
      kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k',
      enableLogFileValidation: true,
      isMultiRegionTrail: true,
      ...props,
    });
  it.each([
    ['encrypted, validated, multi-region', {}, []],
    [
      'without a key',
      { kmsKeyId: undefined },
      ['CloudTrail trail "audit" must be encrypted with a customer-managed KMS key (got kmsKeyId not set)'],
    ],
    [
      'without log validation',
      { enableLogFileValidation: false },
      ['CloudTrail trail "audit" must set enableLogFileValidation to true (got false)'],
    ],
    ['not logging', { enableLogging: false }, ['CloudTrail trail "audit" must set enableLogging to true (got false)']],
    [
      'with an unknown key',
      { kmsKeyId: UNKNOWN },
      ['CloudTrail trail "audit": kmsKeyId cannot be checked before deploy (got a value unknown until deploy)'],
    ],
  ])('when the trail is %s', (_, change, expected) => {
    expect(messages(cloudtrailSecure, [trail(change)])).toEqual(expected);
  });
});
