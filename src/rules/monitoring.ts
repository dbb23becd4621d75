/**
 * Monitoring rules (hygiene, advisory by default): flow logs on every VPC, and per agent an audit
 * log group and an alarm on AccessDenied.
 */
import { agentFacts, agentFactsOf, AGENT_FACT_SCHEMA, arnRegion } from './graph/agent.js';
import { firstResource, refIndex, showRef } from './graph/refs.js';
import { s3BucketEncrypted, s3BucketPublicAccessBlocked, s3BucketTlsOnly, s3BucketVersioning } from './data-protection.js';
import { ancestorOfType, label, unknownViolation, violation } from './violations.js';
import type { PlannedResource, ResourceRule, StackRule, StackView, Violation } from './types.js';
import { isUnknown, readValue, show } from './values.js';
import { noVerification } from './verification.js';

const ASI10 = 'ASI10 Rogue Agents';

const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const BUCKETS = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'];

/** What is wrong with a flow log, link by link (traffic type, destination, its encryption and retention). */
function flowLogProblems(stack: StackView, log: PlannedResource): Violation[] {
  const refs = refIndex(stack);
  const traffic = readValue(log.props, 'trafficType');
  if (traffic.kind === 'unknown') return [unknownViolation(log, 'trafficType')];
  if (traffic.kind !== 'value' || traffic.value !== 'ALL')
    return [
      violation(
        log,
        `${label(log)} must record ALL traffic, accepted and rejected (got trafficType ${traffic.kind === 'value' ? show(traffic.value) : 'not set'})`,
      ),
    ];
  const type = readValue(log.props, 'logDestinationType');
  const toS3 = type.kind === 'value' && type.value === 's3';
  if (type.kind === 'value' && !['cloud-watch-logs', 's3'].includes(String(type.value)))
    return [
      violation(
        log,
        `${label(log)} must deliver to a CloudWatch log group or an S3 bucket in the stack (got logDestinationType ${show(type.value)})`,
      ),
    ];
  const destination = refs.prop(
    log,
    log.props['logDestination'] !== undefined ? 'logDestination' : 'logGroupName',
    toS3 ? BUCKETS : [LOG_GROUP],
  );
  if (destination.kind === 'unknown') return [unknownViolation(log, 'logDestination')];
  if (destination.kind !== 'resolved')
    return [
      violation(
        log,
        `${label(log)} must deliver to a ${toS3 ? 'bucket' : 'log group'} defined in the stack, so its encryption and retention can be checked (got ${showRef(destination)})`,
      ),
    ];
  if (toS3) return [];
  const group = firstResource(destination);
  const out: Violation[] = [];
  const key = readValue(group.props, 'kmsKeyId');
  if (key.kind === 'absent')
    out.push(violation(log, `${label(log)} delivers to ${label(group)}, which must be encrypted with a KMS key (got no kmsKeyId)`));
  const days = readValue(group.props, 'retentionInDays');
  if (days.kind === 'absent' || (days.kind === 'value' && (typeof days.value !== 'number' || days.value <= 0)))
    out.push(
      violation(
        log,
        `${label(log)} delivers to ${label(group)}, which must set a retention (got retentionInDays ${days.kind === 'value' ? show(days.value) : 'not set'})`,
      ),
    );
  return out;
}

/** Flow logs are the only record of where an agent's traffic went: all of it, kept encrypted for a set time. */
export const vpcFlowLogs: StackRule = {
  kind: 'stack',
  id: 'vpc-flow-logs',
  title: 'VPCs have flow logs of all traffic, encrypted and retained',
  description:
    'Checks whether every VPC in the stack has a flow log that records ALL traffic (not only ACCEPT or REJECT) to a log group defined in the stack with a KMS key and a retention (or to a bucket in the stack, which the data-protection rules judge).',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10],
  checkov: 'CKV2_AWS_11',
  defaultEnforcement: 'advisory',
  remediation: 'Add an aws.ec2.FlowLog with trafficType ALL for the VPC to a KMS-encrypted log group with retentionInDays.',
  evaluateStack(stack) {
    const refs = refIndex(stack);
    const logs = stack.ofType(FLOW_LOG);
    const out: Violation[] = [];
    for (const vpc of stack.ofType('aws:ec2/vpc:Vpc')) {
      const mine = logs.filter((log) => {
        const ref = refs.prop(log, 'vpcId', ['aws:ec2/vpc:Vpc']);
        return ref.kind === 'resolved' && ref.resources.includes(vpc);
      });
      if (mine.length === 0) {
        const pending = logs.filter((log) => refs.prop(log, 'vpcId', ['aws:ec2/vpc:Vpc']).kind === 'unknown');
        out.push(
          pending[0] !== undefined
            ? unknownViolation(pending[0], 'vpcId')
            : violation(vpc, `${label(vpc)} must have a flow log (got none)`),
        );
        continue;
      }
      const verdicts = mine.map((log) => flowLogProblems(stack, log));
      // one complete flow log is enough; otherwise every broken link is named
      if (!verdicts.some((v) => v.length === 0)) out.push(...verdicts.flat());
    }
    return out;
  },
};

const ENVIRONMENT = 'agentfence:aws:AgentEnvironment';
const IDENTITY = 'agentfence:aws:AgentIdentity';

/** A resource serves an agent when it sits under the agent's component (or the stack has one agent). */
function belongsTo(stack: StackView, resource: PlannedResource, agent: PlannedResource, single: boolean): boolean {
  return single || ancestorOfType(stack, resource, agent.type) === agent;
}

function stackAgents(stack: StackView): readonly PlannedResource[] {
  const environments = stack.ofType(ENVIRONMENT);
  return environments.length > 0 ? environments : stack.ofType(IDENTITY);
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
            ? {
                ...violation(agent, `${label(agent)}: the AccessDenied alarm cannot be checked before deploy (got an unknown metricName)`),
                unknown: true,
              }
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
  title: 'CloudTrail trails are encrypted, validated and logging',
  description:
    'Checks whether a CloudTrail trail encrypts with a customer-managed KMS key, validates log files and has logging on (enableLogging not false).',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10],
  checkov: 'CKV_AWS_35',
  defaultEnforcement: 'advisory',
  remediation: 'Set kmsKeyId, enableLogFileValidation: true and leave enableLogging on.',
  types: ['aws:cloudtrail/trail:Trail'],
  evaluate(resource) {
    const out: Violation[] = [];
    const key = resource.props['kmsKeyId'];
    if (isUnknown(key)) out.push(unknownViolation(resource, 'kmsKeyId'));
    else if (typeof key !== 'string' || key === '')
      out.push(
        violation(
          resource,
          `${label(resource)} must be encrypted with a customer-managed KMS key (got kmsKeyId ${show(key === '' ? undefined : key)})`,
        ),
      );
    for (const flag of ['enableLogFileValidation', 'enableLogging'] as const) {
      // enableLogging defaults to true; only an explicit false stops the trail
      if (flag === 'enableLogging' && resource.props[flag] === undefined) continue;
      const value = resource.props[flag];
      if (isUnknown(value)) out.push(unknownViolation(resource, flag));
      else if (value !== true) out.push(violation(resource, `${label(resource)} must set ${flag} to true (got ${show(value)})`));
    }
    return out;
  },
};

type FactConfig = { account?: string; region?: string; riskTier?: string; alarmEmail?: string; agentRoleArn?: string };
const FACTS_SCHEMA = { type: 'object', properties: { ...AGENT_FACT_SCHEMA }, additionalProperties: false } as const;
const TRAIL = 'aws:cloudtrail/trail:Trail';
const BUCKET_RULES = [s3BucketEncrypted, s3BucketPublicAccessBlocked, s3BucketTlsOnly, s3BucketVersioning];

/** Why a trail does not deliver the agent's events, link by link; empty when it does. */
function trailProblems(stack: StackView, trail: PlannedResource, region: string | undefined): Violation[] {
  const out: Violation[] = [];
  const logging = readValue(trail.props, 'enableLogging');
  if (logging.kind === 'value' && logging.value === false)
    return [violation(trail, `${label(trail)} must be logging to cover the agent (got enableLogging false)`)];
  const multi = readValue(trail.props, 'isMultiRegionTrail');
  const arn = typeof trail.props['arn'] === 'string' ? trail.props['arn'] : undefined;
  const home = arn === undefined ? undefined : arnRegion(arn);
  if (multi.kind === 'unknown') out.push(unknownViolation(trail, 'isMultiRegionTrail'));
  else if (!(multi.kind === 'value' && multi.value === true) && region !== undefined && home !== undefined && home !== region) {
    out.push(
      violation(trail, `${label(trail)} must be multi-region or in the agent's region ${region} (got a single-region trail in ${home})`),
    );
  }
  const bucketRef = refIndex(stack).prop(trail, 's3BucketName', BUCKETS);
  if (bucketRef.kind === 'unknown') out.push(unknownViolation(trail, 's3BucketName'));
  else if (bucketRef.kind !== 'resolved')
    out.push(
      violation(
        trail,
        `${label(trail)} must deliver to a bucket defined in the stack, so its protection can be checked (got s3BucketName ${showRef(bucketRef)})`,
      ),
    );
  else {
    const bucket = firstResource(bucketRef);
    for (const { rule, failure } of bucketFailures(stack).get(bucket) ?? []) {
      out.push(violation(trail, `${label(trail)} delivers to ${label(bucket)}, which fails ${rule}: ${failure.message}`));
    }
  }
  return out;
}

const bucketCache = new WeakMap<StackView, Map<PlannedResource, { rule: string; failure: Violation }[]>>();

/** The data-protection failures of every trail bucket, computed once per stack (one pass of each bucket rule). */
function bucketFailures(stack: StackView): Map<PlannedResource, { rule: string; failure: Violation }[]> {
  const cached = bucketCache.get(stack);
  if (cached !== undefined) return cached;
  const refs = refIndex(stack);
  const buckets = [
    ...new Set(
      stack.ofType(TRAIL).flatMap((trail) => {
        const ref = refs.prop(trail, 's3BucketName', BUCKETS);
        return ref.kind === 'resolved' ? ref.resources.slice(0, 1) : [];
      }),
    ),
  ];
  // the bucket rules over a view whose only buckets are the trail buckets
  const view: StackView = {
    resources: stack.resources,
    byUrn: (urn) => stack.byUrn(urn),
    ofType: (...types) => [
      ...(types.some((t) => BUCKETS.includes(t)) ? buckets : []),
      ...stack.ofType(...types.filter((t) => !BUCKETS.includes(t))),
    ],
  };
  const out = new Map<PlannedResource, { rule: string; failure: Violation }[]>();
  for (const rule of BUCKET_RULES) {
    for (const failure of rule.evaluateStack(view, {}, { verification: noVerification })) {
      const bucket = buckets.find((b) => failure.urn === b.urn || failure.message.startsWith(label(b)));
      if (bucket !== undefined) out.set(bucket, [...(out.get(bucket) ?? []), { rule: rule.id, failure }]);
    }
  }
  bucketCache.set(stack, out);
  return out;
}

/** CloudTrail is the evidence of what the agent's role did: it must be on and kept where it is protected. */
export const cloudtrailCoversAgent: StackRule<FactConfig> = {
  kind: 'stack',
  id: 'cloudtrail-covers-agent',
  title: "A logging CloudTrail trail covers the agent's region",
  description:
    "Checks whether the stack has a CloudTrail trail with logging on, multi-region or in the agent's region, delivering to a bucket defined in the stack that passes the S3 encryption, public-access, TLS-only and versioning rules.",
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10, 'ASI03 Identity & Privilege Abuse'],
  checkov: 'CKV_AWS_67',
  defaultEnforcement: 'advisory',
  remediation: 'Compose an AuditTrail (cloudTrail: true) or add a multi-region trail delivering to a hardened bucket of the stack.',
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const trails = stack.ofType(TRAIL);
    const region = agentFacts(stack, config).region;
    if (trails.length === 0) {
      const agents = stackAgents(stack);
      const [agent] = agents;
      return agent === undefined ? [] : [violation(agent, `${label(agent)} must be covered by a CloudTrail trail in the stack (got none)`)];
    }
    const verdicts = trails.map((trail) => trailProblems(stack, trail, region));
    return verdicts.some((v) => v.length === 0) ? [] : verdicts.flat();
  },
};

const ALARM = 'aws:cloudwatch/metricAlarm:MetricAlarm';
const TOPIC = 'aws:sns/topic:Topic';
const SUBSCRIPTION = 'aws:sns/topicSubscription:TopicSubscription';
const FILTER = 'aws:cloudwatch/logMetricFilter:LogMetricFilter';

/** An alarm that notifies nobody is a log line: it must act, through a topic someone reads. */
export const alarmNotifiesOwner: StackRule<FactConfig> = {
  kind: 'stack',
  id: 'alarm-notifies-owner',
  title: 'Alarms reach the owner',
  description:
    "Checks whether every metric alarm has actions enabled and an alarm action to an SNS topic defined in the stack with a subscription to the owner's alarm email (rule config alarmEmail, else the AuditTrail's record; any subscription when neither names one).",
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10],
  defaultEnforcement: 'advisory',
  remediation: "Set actionsEnabled (default true) and alarmActions to the agent's alarm topic, subscribed by the owner's email.",
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const refs = refIndex(stack);

    // subscriptions by the topic they follow, indexed once
    const byTopic = new Map<PlannedResource, PlannedResource[]>();
    for (const sub of stack.ofType(SUBSCRIPTION)) {
      const topic = refs.prop(sub, 'topic', [TOPIC]);
      for (const t of topic.kind === 'resolved' ? topic.resources : []) byTopic.set(t, [...(byTopic.get(t) ?? []), sub]);
    }
    const out: Violation[] = [];
    for (const alarm of stack.ofType(ALARM)) {
      const email = agentFactsOf(stack, alarm, config).alarmEmail?.toLowerCase();
      const enabled = readValue(alarm.props, 'actionsEnabled');
      if (enabled.kind === 'value' && enabled.value === false) {
        out.push(violation(alarm, `${label(alarm)} must have its actions enabled to reach the owner (got actionsEnabled false)`));
        continue;
      }
      const actions = refs.propList(alarm, 'alarmActions', [TOPIC]);
      if (actions.length === 0) {
        out.push(violation(alarm, `${label(alarm)} must notify the owner through an alarm action (got no alarmActions)`));
        continue;
      }
      if (actions.some((a) => a.kind === 'unknown')) {
        out.push(unknownViolation(alarm, 'alarmActions'));
        continue;
      }
      const topics = actions.flatMap((a) => (a.kind === 'resolved' ? a.resources : []));
      if (topics.length === 0) {
        out.push(
          violation(
            alarm,
            `${label(alarm)} must notify a topic defined in the stack, so its subscription can be checked (got ${actions.map(showRef).join(', ')})`,
          ),
        );
        continue;
      }
      const reaches = topics
        .flatMap((t) => byTopic.get(t) ?? [])
        .some((sub) => {
          const endpoint = readValue(sub.props, 'endpoint');
          return email === undefined || (endpoint.kind === 'value' && String(endpoint.value).toLowerCase() === email);
        });
      if (!reaches)
        out.push(
          violation(
            alarm,
            `${label(alarm)} notifies ${topics.map(label).join(', ')}, which must have a subscription ${email === undefined ? '' : `to ${email} `}(got none)`,
          ),
        );
    }
    return out;
  },
};

/** The identity a filter pattern is about (`$.userIdentity...arn = "..."`), if it names one. */
function patternIdentities(pattern: string): string[] {
  return [...pattern.matchAll(/\$\.userIdentity(?:\.sessionContext\.sessionIssuer)?\.arn\s*=\s*"([^"]+)"/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
}

/** An alarm on a metric nothing produces never fires: the filter feeding it must exist and watch the agent. */
export const alarmMetricFiltered: StackRule<FactConfig> = {
  kind: 'stack',
  id: 'alarm-metric-filter-exists',
  title: "Alarms watch metrics that the agent's events produce",
  description:
    'Checks whether every alarm on a custom (non AWS/) metric is fed by a log metric filter of the stack (same metric name and namespace) on a log group of the stack, whose pattern, when it names an identity, names the agent role.',
  severity: 'medium',
  pillar: 'monitoring',
  owasp: [ASI10, 'ASI03 Identity & Privilege Abuse'],
  defaultEnforcement: 'advisory',
  remediation: "Keep the metric filter that produces the alarm's metric, on the audit log group, with the agent role in its pattern.",
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const refs = refIndex(stack);
    const byMetric = new Map<string, PlannedResource[]>();
    for (const filter of stack.ofType(FILTER)) {
      const key = JSON.stringify([getMetric(filter, 'namespace'), getMetric(filter, 'name')]);
      byMetric.set(key, [...(byMetric.get(key) ?? []), filter]);
    }
    const out: Violation[] = [];
    for (const alarm of stack.ofType(ALARM)) {
      const name = readValue(alarm.props, 'metricName');
      const namespace = readValue(alarm.props, 'namespace');
      if (name.kind === 'absent' || namespace.kind === 'absent') continue;
      if (name.kind !== 'value' || namespace.kind !== 'value') {
        out.push(unknownViolation(alarm, 'metricName/namespace'));
        continue;
      }
      if (String(namespace.value).startsWith('AWS/')) continue;
      const roles = agentFactsOf(stack, alarm, config).agentRoleArns;
      const feeding = byMetric.get(JSON.stringify([namespace.value, name.value])) ?? [];
      if (feeding.length === 0) {
        out.push(
          violation(
            alarm,
            `${label(alarm)} watches ${show(namespace.value)}/${show(name.value)}, which must be produced by a metric filter in the stack (got none: the alarm can never fire)`,
          ),
        );
        continue;
      }
      const problems = feeding.map((filter): string | undefined => {
        const group = refs.prop(filter, 'logGroupName', [LOG_GROUP]);
        if (group.kind === 'unknown') return undefined;
        if (group.kind !== 'resolved') return `${label(filter)} reads log group ${showRef(group)}, which is not defined in the stack`;
        const pattern = readValue(filter.props, 'pattern');
        if (pattern.kind !== 'value' || typeof pattern.value !== 'string') return undefined;
        const named = patternIdentities(pattern.value);
        if (named.length === 0 || roles.length === 0) return undefined;
        return named.some((arn) => roles.includes(arn))
          ? undefined
          : `${label(filter)} matches events of ${showList(named)}, not of the agent role ${showList(roles)}`;
      });
      if (problems.every((p) => p !== undefined))
        out.push(violation(alarm, `${label(alarm)} must be fed by a filter on the agent's events (got ${problems.join('; ')})`));
    }
    return out;
  },
};

function getMetric(filter: PlannedResource, key: 'name' | 'namespace'): unknown {
  const value = readValue(filter.props, `metricTransformation.${key}`);
  return value.kind === 'value' ? value.value : undefined;
}

function showList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

export const monitoringRules = [
  vpcFlowLogs,
  agentAuditTrail,
  cloudtrailSecure,
  cloudtrailCoversAgent,
  alarmNotifiesOwner,
  alarmMetricFiltered,
] as const;
