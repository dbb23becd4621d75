/**
 * Monitoring rules (hygiene, advisory by default): flow logs on every VPC, and per agent an audit
 * log group and an alarm on AccessDenied.
 */
import { ancestorOfType, companions, label, unknownViolation, violation } from './stack.js';
import type { PlannedResource, ResourceRule, StackRule, StackView, Violation } from './types.js';
import { isUnknown, show } from './values.js';

const ASI10 = 'ASI10 Rogue Agents';

/** Flow logs are the only record of where an agent's traffic went. */
export const vpcFlowLogs: StackRule = {
  kind: 'stack',
  id: 'vpc-flow-logs',
  title: 'VPCs have flow logs',
  description: 'Checks whether every VPC in the stack has a flow log.',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10],
  checkov: 'CKV2_AWS_11',
  defaultEnforcement: 'advisory',
  remediation: 'Add an aws.ec2.FlowLog for the VPC to an encrypted log group.',
  evaluateStack(stack) {
    return stack.ofType('aws:ec2/vpc:Vpc').flatMap((vpc) => {
      const logs = companions(stack, vpc, ['aws:ec2/flowLog:FlowLog'], 'vpcId');
      return logs.length > 0 ? [] : [violation(vpc, `${label(vpc)} must have a flow log (got none)`)];
    });
  },
};

const AGENT_TYPES = ['agentfence:aws:AgentEnvironment', 'agentfence:aws:AgentIdentity'];

/** A resource serves an agent when it sits under the agent's component (or the stack has one agent). */
function belongsTo(stack: StackView, resource: PlannedResource, agent: PlannedResource, single: boolean): boolean {
  return single || ancestorOfType(stack, resource, agent.type) === agent;
}

function stackAgents(stack: StackView): readonly PlannedResource[] {
  const environments = stack.ofType(AGENT_TYPES[0]!);
  return environments.length > 0 ? environments : stack.ofType(AGENT_TYPES[1]!);
}

function mentionsAccessDenied(alarm: PlannedResource): boolean | 'unknown' {
  const fields = [alarm.props['metricName'], alarm.props['alarmName'], alarm.name];
  if (fields.some((f) => typeof f === 'string' && !isUnknown(f) && /access.?denied/i.test(f))) return true;
  return isUnknown(alarm.props['metricName']) ? 'unknown' : false;
}

/** Without an audit log and an AccessDenied alarm, a probing agent goes unnoticed. */
export const agentAuditTrail: StackRule = {
  kind: 'stack',
  id: 'agent-audit-trail',
  title: 'Each agent has an audit log group and an AccessDenied alarm',
  description: 'Checks whether each agent in the stack has a CloudWatch log group and a metric alarm on AccessDenied events.',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10, 'ASI03 Identity & Privilege Abuse'],
  checkov: 'CKV2_AWS_10',
  defaultEnforcement: 'advisory',
  remediation: 'Compose an AuditTrail for the agent (log group, metric filter and alarm).',
  evaluateStack(stack) {
    const out: Violation[] = [];
    const groups = stack.ofType('aws:cloudwatch/logGroup:LogGroup');
    const alarms = stack.ofType('aws:cloudwatch/metricAlarm:MetricAlarm');
    const agents = stackAgents(stack);
    for (const agent of agents) {
      const mine = (r: PlannedResource) => belongsTo(stack, r, agent, agents.length === 1);
      if (!groups.some(mine)) out.push(violation(agent, `${label(agent)} must have an audit log group (got none)`));
      const verdicts = alarms.filter(mine).map(mentionsAccessDenied);
      if (!verdicts.includes(true)) {
        out.push(
          verdicts.includes('unknown')
            ? { ...violation(agent, `${label(agent)}: the AccessDenied alarm cannot be checked before deploy (got an unknown metricName)`), unknown: true }
            : violation(agent, `${label(agent)} must have an alarm on AccessDenied (got ${verdicts.length} other alarms)`),
        );
      }
    }
    return out;
  },
};

/** The audit trail itself must be tamper-evident, encrypted and cover every region. */
export const cloudtrailSecure: ResourceRule = {
  kind: 'resource',
  id: 'cloudtrail-trail-secure',
  title: 'CloudTrail trails are encrypted, validated and multi-region',
  description: 'Checks whether a CloudTrail trail encrypts with a customer-managed KMS key, validates log files and covers all regions.',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10],
  checkov: 'CKV_AWS_35',
  defaultEnforcement: 'advisory',
  remediation: 'Set kmsKeyId, enableLogFileValidation: true and isMultiRegionTrail: true.',
  types: ['aws:cloudtrail/trail:Trail'],
  evaluate(resource) {
    const out: Violation[] = [];
    const key = resource.props['kmsKeyId'];
    if (isUnknown(key)) out.push(unknownViolation(resource, 'kmsKeyId'));
    else if (typeof key !== 'string' || key === '') out.push(violation(resource, `${label(resource)} must be encrypted with a customer-managed KMS key (got kmsKeyId ${show(key === '' ? undefined : key)})`));
    for (const flag of ['enableLogFileValidation', 'isMultiRegionTrail'] as const) {
      const value = resource.props[flag];
      if (isUnknown(value)) out.push(unknownViolation(resource, flag));
      else if (value !== true) out.push(violation(resource, `${label(resource)} must set ${flag} to true (got ${show(value)})`));
    }
    return out;
  },
};

export const monitoringRules = [vpcFlowLogs, agentAuditTrail, cloudtrailSecure] as const;
