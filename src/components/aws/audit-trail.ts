/**
 * AuditTrail: the agent's KMS-encrypted audit log group (retention from the manifest, at least 365
 * days for high-risk agents) fed by a CloudTrail trail, with metric filters and alarms for bursts of
 * AccessDenied and for any call by the agent role outside its declared actions, notifying the owner
 * through an encrypted SNS topic.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { RiskTier } from '../../manifest/types.js';
import { accountRootArn, agentTags, argError, arn, assertAction, assertAgentName, assertArn, assertInt, assertOneOf, assertScope, type AwsScope, denyInsecureTransport, partitionOf, physicalName, toPolicyDocument } from './builders/common.js';
import { accessDeniedPattern, resolveRetention, undeclaredCallsPattern } from './builders/audit.js';
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
  if (!Array.isArray(args.declaredActions) || args.declaredActions.length === 0) throw argError(COMPONENT, 'declaredActions', 'be a non-empty list', args.declaredActions);
  args.declaredActions.forEach((action, i) => assertAction(COMPONENT, `declaredActions[${i}]`, action));
  if (args.alarmEmail !== undefined && !EMAIL.test(args.alarmEmail)) throw argError(COMPONENT, 'alarmEmail', 'be an email address', args.alarmEmail);
  if (args.alarmTopicArn !== undefined) assertArn(COMPONENT, 'alarmTopicArn', args.alarmTopicArn);
  if (args.alarmEmail === undefined && args.alarmTopicArn === undefined) throw argError(COMPONENT, 'alarmEmail', 'be set (or alarmTopicArn) so alarms reach the owner', undefined);
  if (args.accessDeniedThreshold !== undefined) assertInt(COMPONENT, 'accessDeniedThreshold', args.accessDeniedThreshold, 1, 10_000);
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
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
    super(AuditTrail.__pulumiType, name, {}, opts);
    validateAuditTrailArgs(args);
    const { scope } = args;
    const child = { parent: this };
    const tags = agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier });
    const groupName = `/agentfence/${args.agentName}/audit`;
    const trailName = physicalName(['agentfence', args.agentName], 128);
    const trailArn = arn(scope, 'cloudtrail', `trail/${trailName}`);
    const namespace = `Agentfence/${args.agentName}`;
    this.retentionInDays = resolveRetention(args.retentionDays, args.riskTier);
    this.logGroupArn = arn(scope, 'logs', `log-group:${groupName}`);
    this.agentStreamArn = `${this.logGroupArn}:log-stream:agent`;
    const withTrail = args.cloudTrail ?? true;
    const alarmArnPattern = arn(scope, 'cloudwatch', `alarm:${physicalName(['agentfence', args.agentName], 200)}-*`);

    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `Encrypts the audit trail and alarms of agent ${args.agentName}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          buildKeyPolicy(
            scope,
            [
              logsKeyUser(scope, [this.logGroupArn]),
              {
                sid: 'CloudTrailEncryptsThisTrailOnly',
                principal: { Service: 'cloudtrail.amazonaws.com' },
                actions: ['kms:DescribeKey', 'kms:GenerateDataKey'],
                condition: { StringEquals: { 'aws:SourceArn': trailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn } },
              },
              {
                sid: 'CloudWatchAlarmsPublishEncrypted',
                principal: { Service: 'cloudwatch.amazonaws.com' },
                actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
                condition: { StringEquals: { 'aws:SourceAccount': scope.account } },
              },
            ],
            args.keyAdmins ?? [accountRootArn(scope)],
          ),
        ),
        tags,
      },
      child,
    );

    // High-risk audit logs must not be deletable by a stack change.
    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-log-group`,
      { name: groupName, retentionInDays: this.retentionInDays, kmsKeyId: this.key.arn, deletionProtectionEnabled: args.riskTier === 'high', tags },
      args.riskTier === 'high' ? { parent: this, retainOnDelete: true } : child,
    );
    this.agentStream = new aws.cloudwatch.LogStream(`${name}-agent-stream`, { name: 'agent', logGroupName: this.logGroup.name }, child);

    // ---- owner notification ----
    this.alarmTopic = new aws.sns.Topic(`${name}-alarms`, { name: physicalName(['agentfence', args.agentName, 'alarms'], 256), kmsMasterKeyId: this.key.arn, tags }, child);
    new aws.sns.TopicPolicy(
      `${name}-alarms-policy`,
      {
        arn: this.alarmTopic.arn,
        policy: this.alarmTopic.arn.apply((topicArn) =>
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
      child,
    );
    if (args.alarmEmail !== undefined) {
      new aws.sns.TopicSubscription(`${name}-owner`, { topic: this.alarmTopic.arn, protocol: 'email', endpoint: args.alarmEmail }, child);
    }

    // ---- CloudTrail -> audit log group ----
    if (withTrail) {
      const bucket = new aws.s3.Bucket(
        `${name}-trail-bucket`,
        { bucket: physicalName([physicalName(['agentfence', args.agentName], 40), 'trail', scope.account], 63), forceDestroy: false, tags },
        { parent: this, retainOnDelete: true },
      );
      const bucketArn = pulumi.interpolate`arn:${partitionOf(scope.region)}:s3:::${bucket.bucket}`;
      hardenBucket(
        this,
        `${name}-trail-bucket`,
        bucket,
        this.key.arn,
        bucketArn.apply((bArn) =>
          JSON.stringify(
            toPolicyDocument([
              denyInsecureTransport(['s3:*'], [bArn, `${bArn}/*`]),
              { Sid: 'CloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: ['s3:GetBucketAcl'], Resource: [bArn], Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
              {
                Sid: 'CloudTrailWrite',
                Effect: 'Allow',
                Principal: { Service: 'cloudtrail.amazonaws.com' },
                Action: ['s3:PutObject'],
                Resource: [`${bArn}/AWSLogs/${scope.account}/*`],
                Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
              },
            ]),
          ),
        ),
        this.retentionInDays,
      );
      const delivery = toPolicyDocument([{ Sid: 'DeliverToAuditLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`${this.logGroupArn}:log-stream:*`] }]);
      const trailRole = createBoundedRole(this, `${name}-trail-role`, {
        roleName: physicalName(['agentfence', args.agentName, 'trail'], 64),
        description: `Delivers CloudTrail events of agent ${args.agentName} to its audit log group`,
        assumeRolePolicy: toPolicyDocument([
          {
            Sid: 'AssumeByTrailOnly',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['sts:AssumeRole'],
            Condition: { StringEquals: { 'aws:SourceAccount': scope.account, 'aws:SourceArn': trailArn } },
          },
        ]),
        boundary: delivery,
        tags,
      }).role;
      const trailPolicy = new aws.iam.RolePolicy(
        `${name}-trail-policy`,
        {
          name: 'agentfence-trail-delivery',
          role: trailRole.name,
          policy: JSON.stringify(delivery),
        },
        child,
      );
      this.trail = new aws.cloudtrail.Trail(
        `${name}-trail`,
        {
          name: trailName,
          s3BucketName: bucket.bucket,
          cloudWatchLogsGroupArn: pulumi.interpolate`${this.logGroup.arn}:*`,
          cloudWatchLogsRoleArn: trailRole.arn,
          kmsKeyId: this.key.arn,
          enableLogFileValidation: true,
          enableLogging: true,
          isMultiRegionTrail: true,
          includeGlobalServiceEvents: true,
          tags,
        },
        { parent: this, dependsOn: [trailPolicy] },
      );
    }

    // ---- metric filters and alarms ----
    const undeclared = undeclaredCallsPattern(args.agentRoleArn, args.declaredActions);
    const watches = [
      {
        id: 'access-denied',
        metric: 'AccessDenied',
        pattern: accessDeniedPattern(args.agentRoleArn),
        threshold: args.accessDeniedThreshold ?? 5,
        description: `Agent ${args.agentName} was denied access repeatedly: probing or a broken tool.`,
      },
      {
        id: 'undeclared-calls',
        metric: 'UndeclaredCalls',
        pattern: undeclared.pattern,
        threshold: 1,
        description: `Agent ${args.agentName} called an AWS API outside its declared ${undeclared.granularity === 'action' ? 'actions' : 'services'}.`,
      },
    ];
    for (const watch of watches) {
      const filter = new aws.cloudwatch.LogMetricFilter(
        `${name}-${watch.id}`,
        {
          name: physicalName(['agentfence', args.agentName, watch.id], 512),
          logGroupName: this.logGroup.name,
          pattern: watch.pattern,
          metricTransformation: { name: watch.metric, namespace, value: '1', defaultValue: '0' },
        },
        child,
      );
      this.alarms.push(
        new aws.cloudwatch.MetricAlarm(
          `${name}-${watch.id}-alarm`,
          {
            name: `${physicalName(['agentfence', args.agentName], 200)}-${watch.id}`,
            alarmDescription: watch.description,
            namespace,
            metricName: watch.metric,
            statistic: 'Sum',
            period: 300,
            evaluationPeriods: 1,
            threshold: watch.threshold,
            comparisonOperator: 'GreaterThanOrEqualToThreshold',
            treatMissingData: 'notBreaching',
            alarmActions: [this.alarmTopic.arn, ...(args.alarmTopicArn !== undefined ? [args.alarmTopicArn] : [])],
            tags,
          },
          { parent: this, dependsOn: [filter] },
        ),
      );
    }
    this.registerOutputs({ logGroupArn: this.logGroupArn, retentionInDays: this.retentionInDays, alarmTopicArn: this.alarmTopic.arn });
  }
}
