/**
 * AuditTrail: the agent's KMS-encrypted audit log group (retention from the manifest, at least 365
 * days for high-risk agents) fed by a CloudTrail trail, with metric filters and alarms for bursts of
 * AccessDenied and for any call by the agent role outside its declared actions, notifying the owner
 * through an encrypted SNS topic.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { RiskTier } from '../../manifest/types.js';
import { argError, scopeProps, assertAction, assertAgentName, assertArn, assertInt, assertOneOf, assertScope } from './builders/args.js';
import { accountRootArn, arn, type AwsScope, partitionOf } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { denyInsecureTransport, toPolicyDocument } from './builders/policy-document.js';
import { agentTags } from './builders/tags.js';
import { buildWatchSpecs, resolveRetention, type WatchSpec } from './builders/audit.js';
import { RETAIN_TAG } from '../../rules/data-protection.js';
import { buildKeyPolicy, logsKeyUser } from './builders/kms.js';
import { KEY_DELETION_WINDOW_DAYS } from './encrypted-store.js';
import { createBoundedRole } from './bounded-role.js';
import { hardenBucket } from './secure-bucket.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** AuditTrailArgs describe what is audited and who is told. */
export interface AuditTrailArgs {
  /** The agent's name. */
  readonly agentName: string;
  /** Account and region. */
  readonly scope: AwsScope;
  /** Risk tier: `high` forces at least 365 days of retention. */
  readonly riskTier: RiskTier;
  /** Owning team (tag). */
  readonly owner: string;
  /** Log retention in days (rounded up to a value CloudWatch accepts). */
  readonly retentionDays: number;
  /** The agent role whose calls are watched. */
  readonly agentRoleArn: string;
  /** Every action the agent role may call; any other call raises the undeclared-calls alarm. */
  readonly declaredActions: readonly string[];
  /** Email subscribed to the alarm topic. Defaults to none (then `alarmTopicArn` must be set). */
  readonly alarmEmail?: string;
  /** An existing topic that also receives the alarms. Defaults to none. */
  readonly alarmTopicArn?: string;
  /** Create a CloudTrail trail that delivers to the audit log group. Defaults to true. */
  readonly cloudTrail?: boolean;
  /** AccessDenied events in 5 minutes that raise the alarm. Defaults to 5. */
  readonly accessDeniedThreshold?: number;
  /** Principals that administer (never use) the audit key. Defaults to the account root (IAM-delegated admins). */
  readonly keyAdmins?: readonly string[];
}

const COMPONENT = 'AuditTrail';

/** Validates args; every error names the arg. */
export function validateAuditTrailArgs(args: AuditTrailArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertScope(COMPONENT, 'scope', args.scope);
  assertOneOf(COMPONENT, 'riskTier', args.riskTier, ['low', 'high'] as const);
  assertInt(COMPONENT, 'retentionDays', args.retentionDays, 1, 3653);
  assertArn(COMPONENT, 'agentRoleArn', args.agentRoleArn);
  if (!Array.isArray(args.declaredActions) || args.declaredActions.length === 0)
    throw argError(COMPONENT, 'declaredActions', 'be a non-empty list', args.declaredActions);
  args.declaredActions.forEach((action, i) => assertAction(COMPONENT, `declaredActions[${i}]`, action));
  if (args.alarmEmail !== undefined && !EMAIL.test(args.alarmEmail))
    throw argError(COMPONENT, 'alarmEmail', 'be an email address', args.alarmEmail);
  if (args.alarmTopicArn !== undefined) assertArn(COMPONENT, 'alarmTopicArn', args.alarmTopicArn);
  if (args.alarmEmail === undefined && args.alarmTopicArn === undefined)
    throw argError(COMPONENT, 'alarmEmail', 'be set (or alarmTopicArn) so alarms reach the owner', undefined);
  if (args.accessDeniedThreshold !== undefined) assertInt(COMPONENT, 'accessDeniedThreshold', args.accessDeniedThreshold, 1, 10_000);
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
}

/** What every section of the audit trail shares. */
interface Context {
  readonly name: string;
  readonly args: AuditTrailArgs;
  readonly parent: pulumi.Resource;
  readonly child: pulumi.CustomResourceOptions;
  readonly tags: Record<string, string>;
  readonly logGroupArn: string;
  readonly trailName: string;
  readonly trailArn: string;
}

/** Options of a resource kept on `pulumi destroy`, with the tag that tells the policy pack so (CrossGuard cannot see the option). */
function retained(
  ctx: Context,
  extra: pulumi.CustomResourceOptions = {},
): { opts: pulumi.CustomResourceOptions; tags: Record<string, string> } {
  return { opts: { parent: ctx.parent, retainOnDelete: true, ...extra }, tags: { ...ctx.tags, [RETAIN_TAG]: 'true' } };
}

/** The audit key: the log group, CloudTrail (this trail only) and the alarm topic encrypt with it. */
function createAuditKey(ctx: Context): aws.kms.Key {
  const { scope } = ctx.args;
  return new aws.kms.Key(
    `${ctx.name}-key`,
    {
      description: `Encrypts the audit trail and alarms of agent ${ctx.args.agentName}`,
      enableKeyRotation: true,
      deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
      policy: JSON.stringify(
        buildKeyPolicy(
          scope,
          [
            logsKeyUser(scope, [ctx.logGroupArn]),
            {
              sid: 'CloudTrailEncryptsThisTrailOnly',
              principal: { Service: 'cloudtrail.amazonaws.com' },
              actions: ['kms:DescribeKey', 'kms:GenerateDataKey'],
              condition: { StringEquals: { 'aws:SourceArn': ctx.trailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': ctx.trailArn } },
            },
            {
              sid: 'CloudWatchAlarmsPublishEncrypted',
              principal: { Service: 'cloudwatch.amazonaws.com' },
              actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
              condition: { StringEquals: { 'aws:SourceAccount': scope.account } },
            },
          ],
          ctx.args.keyAdmins ?? [accountRootArn(scope)],
        ),
      ),
      tags: ctx.tags,
    },
    ctx.child,
  );
}

/** The encrypted topic that tells the owner, published to by this agent's alarms only. */
function createAlarmTopic(ctx: Context, key: aws.kms.Key): aws.sns.Topic {
  const { scope, agentName } = ctx.args;
  const alarmArnPattern = arn(scope, 'cloudwatch', `alarm:${physicalName(['agentfence', agentName], 200)}-*`);
  const topic = new aws.sns.Topic(
    `${ctx.name}-alarms`,
    { name: physicalName(['agentfence', agentName, 'alarms'], 256), kmsMasterKeyId: key.arn, tags: ctx.tags },
    ctx.child,
  );
  new aws.sns.TopicPolicy(
    `${ctx.name}-alarms-policy`,
    {
      arn: topic.arn,
      policy: topic.arn.apply((topicArn) =>
        JSON.stringify(
          toPolicyDocument([
            {
              Sid: 'PublishByAgentAlarmsOnly',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['sns:Publish'],
              Resource: [topicArn],
              Condition: { StringEquals: { 'aws:SourceAccount': scope.account }, ArnLike: { 'aws:SourceArn': alarmArnPattern } },
            },
            denyInsecureTransport(['sns:Publish', 'sns:Subscribe'], [topicArn]),
          ]),
        ),
      ),
    },
    ctx.child,
  );
  if (ctx.args.alarmEmail !== undefined) {
    new aws.sns.TopicSubscription(`${ctx.name}-owner`, { topic: topic.arn, protocol: 'email', endpoint: ctx.args.alarmEmail }, ctx.child);
  }
  return topic;
}

/** CloudTrail into a hardened, retained bucket and the audit log group, delivered by a bounded role. */
function createCloudTrail(
  ctx: Context,
  key: aws.kms.Key,
  logGroup: aws.cloudwatch.LogGroup,
  retentionInDays: number,
): aws.cloudtrail.Trail {
  const { scope, agentName } = ctx.args;
  const keep = retained(ctx);
  const bucket = new aws.s3.Bucket(
    `${ctx.name}-trail-bucket`,
    {
      bucket: physicalName([physicalName(['agentfence', agentName], 40), 'trail', scope.account], 63),
      forceDestroy: false,
      tags: keep.tags,
    },
    keep.opts,
  );
  const bucketArn = pulumi.interpolate`arn:${partitionOf(scope.region)}:s3:::${bucket.bucket}`;
  hardenBucket(
    ctx.parent,
    `${ctx.name}-trail-bucket`,
    bucket,
    key.arn,
    bucketArn.apply((bArn) =>
      JSON.stringify(
        toPolicyDocument([
          denyInsecureTransport(['s3:*'], [bArn, `${bArn}/*`]),
          {
            Sid: 'CloudTrailAclCheck',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['s3:GetBucketAcl'],
            Resource: [bArn],
            Condition: { StringEquals: { 'aws:SourceArn': ctx.trailArn } },
          },
          {
            Sid: 'CloudTrailWrite',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['s3:PutObject'],
            Resource: [`${bArn}/AWSLogs/${scope.account}/*`],
            Condition: { StringEquals: { 'aws:SourceArn': ctx.trailArn } },
          },
        ]),
      ),
    ),
    retentionInDays,
  );
  const delivery = toPolicyDocument([
    {
      Sid: 'DeliverToAuditLogGroup',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [`${ctx.logGroupArn}:log-stream:*`],
    },
  ]);
  const role = createBoundedRole(ctx.parent, `${ctx.name}-trail-role`, {
    roleName: physicalName(['agentfence', agentName, 'trail'], 64),
    description: `Delivers CloudTrail events of agent ${agentName} to its audit log group`,
    assumeRolePolicy: toPolicyDocument([
      {
        Sid: 'AssumeByTrailOnly',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: ['sts:AssumeRole'],
        Condition: { StringEquals: { 'aws:SourceAccount': scope.account, 'aws:SourceArn': ctx.trailArn } },
      },
    ]),
    boundary: delivery,
    tags: ctx.tags,
  }).role;
  const rolePolicy = new aws.iam.RolePolicy(
    `${ctx.name}-trail-policy`,
    { name: 'agentfence-trail-delivery', role: role.name, policy: JSON.stringify(delivery) },
    ctx.child,
  );
  return new aws.cloudtrail.Trail(
    `${ctx.name}-trail`,
    {
      name: ctx.trailName,
      s3BucketName: bucket.bucket,
      cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      kmsKeyId: key.arn,
      enableLogFileValidation: true,
      enableLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      tags: ctx.tags,
    },
    { parent: ctx.parent, dependsOn: [rolePolicy] },
  );
}

/** One watch: the metric filter on the audit log group and the alarm on its metric, notifying the topic(s). */
function createWatch(ctx: Context, watch: WatchSpec, logGroup: aws.cloudwatch.LogGroup, topic: aws.sns.Topic): aws.cloudwatch.MetricAlarm {
  const { agentName } = ctx.args;
  const namespace = `Agentfence/${agentName}`;
  const filter = new aws.cloudwatch.LogMetricFilter(
    `${ctx.name}-${watch.id}`,
    {
      name: physicalName(['agentfence', agentName, watch.id], 512),
      logGroupName: logGroup.name,
      pattern: watch.pattern,
      metricTransformation: { name: watch.metric, namespace, value: '1', defaultValue: '0' },
    },
    ctx.child,
  );
  return new aws.cloudwatch.MetricAlarm(
    `${ctx.name}-${watch.id}-alarm`,
    {
      name: `${physicalName(['agentfence', agentName], 200)}-${watch.id}`,
      alarmDescription: watch.description,
      namespace,
      metricName: watch.metric,
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: watch.threshold,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: [topic.arn, ...(ctx.args.alarmTopicArn !== undefined ? [ctx.args.alarmTopicArn] : [])],
      tags: ctx.tags,
    },
    { parent: ctx.parent, dependsOn: [filter] },
  );
}

export class AuditTrail extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:AuditTrail';
  readonly key: aws.kms.Key;
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** The stream the agent writes to (pre-created, so its policy names it exactly). */
  readonly agentStream: aws.cloudwatch.LogStream;
  readonly alarmTopic: aws.sns.Topic;
  readonly alarms: aws.cloudwatch.MetricAlarm[] = [];
  readonly trail?: aws.cloudtrail.Trail;
  /** Retention actually configured. */
  readonly retentionInDays: number;
  /** Deterministic ARNs. */
  readonly logGroupArn: string;
  readonly agentStreamArn: string;

  constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    // the agent facts the monitoring rules read (account, region, owner email, agent role) are recorded as props
    super(
      AuditTrail.__pulumiType,
      name,
      {
        agentName: args.agentName,
        ...scopeProps(args.scope),
        riskTier: args.riskTier,
        alarmEmail: args.alarmEmail,
        agentRoleArn: args.agentRoleArn,
      },
      opts,
    );
    validateAuditTrailArgs(args);
    const { scope } = args;
    const groupName = `/agentfence/${args.agentName}/audit`;
    const trailName = physicalName(['agentfence', args.agentName], 128);
    this.retentionInDays = resolveRetention(args.retentionDays, args.riskTier);
    this.logGroupArn = arn(scope, 'logs', `log-group:${groupName}`);
    this.agentStreamArn = `${this.logGroupArn}:log-stream:agent`;
    const ctx: Context = {
      name,
      args,
      parent: this,
      child: { parent: this },
      tags: agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier }),
      logGroupArn: this.logGroupArn,
      trailName,
      trailArn: arn(scope, 'cloudtrail', `trail/${trailName}`),
    };
    this.key = createAuditKey(ctx);
    // High-risk audit logs must not be deletable by a stack change.
    const keep = retained(ctx);
    const high = args.riskTier === 'high';
    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-log-group`,
      {
        name: groupName,
        retentionInDays: this.retentionInDays,
        kmsKeyId: this.key.arn,
        deletionProtectionEnabled: high,
        tags: high ? keep.tags : ctx.tags,
      },
      high ? keep.opts : ctx.child,
    );
    this.agentStream = new aws.cloudwatch.LogStream(`${name}-agent-stream`, { name: 'agent', logGroupName: this.logGroup.name }, ctx.child);
    this.alarmTopic = createAlarmTopic(ctx, this.key);
    if (args.cloudTrail ?? true) this.trail = createCloudTrail(ctx, this.key, this.logGroup, this.retentionInDays);
    for (const watch of buildWatchSpecs(args.agentName, args.agentRoleArn, args.declaredActions, args.accessDeniedThreshold ?? 5)) {
      this.alarms.push(createWatch(ctx, watch, this.logGroup, this.alarmTopic));
    }
    this.registerOutputs({ logGroupArn: this.logGroupArn, retentionInDays: this.retentionInDays, alarmTopicArn: this.alarmTopic.arn });
  }
}
