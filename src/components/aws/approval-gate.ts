/**
 * ApprovalGate: human-in-the-loop for one gated tool. A Step Functions state machine notifies
 * reviewers on a KMS-encrypted SNS topic with a task token, waits (timeout = rejection), and only on
 * explicit approval performs the action with its own executor role, the only role that holds the
 * tool's permission. The agent may only start executions.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { RiskTier, ToolSpec } from '../../manifest/types.js';
import { argError, isMissing, assertAgentName, assertArn, assertInt, assertScope } from './builders/args.js';
import { accountRootArn, arn, type AwsScope, partitionOf } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { agentTags } from './builders/tags.js';
import {
  buildExecutorBoundary,
  buildExecutorPolicy,
  buildExecutorTrustPolicy,
  buildGateDefinition,
  buildReviewerTopicPolicy,
  gateStateMachineArn,
  gateStateMachineName,
} from './builders/approval.js';
import { buildKeyPolicy } from './builders/kms.js';
import { assertTools } from './builders/least-privilege.js';
import { createBoundedRole } from './bounded-role.js';
import { KEY_DELETION_WINDOW_DAYS } from './encrypted-store.js';

/** A reviewer who does not decide within a day rejects. */
export const DEFAULT_APPROVAL_TIMEOUT_SECONDS = 86_400;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** ApprovalGateArgs describe one gated tool and who reviews it. */
export interface ApprovalGateArgs {
  /** The agent's name. */
  readonly agentName: string;
  /** Account and region. */
  readonly scope: AwsScope;
  /** The gated tool: its actions and resources go to the executor role only. */
  readonly tool: ToolSpec;
  /** Reviewers notified (email) for each request. */
  readonly reviewerEmails: readonly string[];
  /** Owning team (tag). */
  readonly owner: string;
  /** Risk tier (tag). */
  readonly riskTier: RiskTier;
  /** Seconds a request waits for a decision before it is rejected. Defaults to 86400 (one day). */
  readonly timeoutSeconds?: number;
  /** Principals that administer (never use) the gate's key. Defaults to the account root (IAM-delegated admins). */
  readonly keyAdmins?: readonly string[];
}

const COMPONENT = 'ApprovalGate';

/** Validates args; every error names the arg. */
export function validateApprovalGateArgs(args: ApprovalGateArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertScope(COMPONENT, 'scope', args.scope);
  if (isMissing(args.tool)) throw argError(COMPONENT, 'tool', 'be a tool', args.tool);
  assertTools([args.tool], COMPONENT);
  if (!Array.isArray(args.reviewerEmails) || args.reviewerEmails.length === 0)
    throw argError(COMPONENT, 'reviewerEmails', 'list at least one reviewer', args.reviewerEmails);
  args.reviewerEmails.forEach((email, i) => {
    if (typeof email !== 'string' || !EMAIL.test(email)) throw argError(COMPONENT, `reviewerEmails[${i}]`, 'be an email address', email);
  });
  // Step Functions waits at most a year for a task token.
  if (args.timeoutSeconds !== undefined) assertInt(COMPONENT, 'timeoutSeconds', args.timeoutSeconds, 60, 31_536_000);
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
}

export class ApprovalGate extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:ApprovalGate';
  readonly executorRole: aws.iam.Role;
  readonly key: aws.kms.Key;
  readonly topic: aws.sns.Topic;
  readonly stateMachine: aws.sfn.StateMachine;
  /** The state machine's ARN (deterministic): the one resource the agent may start. */
  readonly stateMachineArn: string;

  constructor(name: string, args: ApprovalGateArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ApprovalGate.__pulumiType, name, {}, opts);
    validateApprovalGateArgs(args);
    const { scope, tool } = args;
    const tags = agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier }, { 'agentfence:tool': tool.name });
    const timeout = args.timeoutSeconds ?? DEFAULT_APPROVAL_TIMEOUT_SECONDS;
    this.stateMachineArn = gateStateMachineArn(args.agentName, tool.name, scope);
    const child = { parent: this };

    const topicName = physicalName(['agentfence', args.agentName, 'approve', tool.name], 256);
    this.executorRole = createBoundedRole(this, `${name}-executor`, {
      roleName: physicalName(['agentfence', args.agentName, 'exec', tool.name], 64),
      description: `Performs tool ${tool.name} of agent ${args.agentName} after human approval; only its gate can assume it.`,
      assumeRolePolicy: buildExecutorTrustPolicy(this.stateMachineArn, scope),
      boundary: buildExecutorBoundary(tool, arn(scope, 'sns', topicName), args.agentName, scope),
      tags,
    }).role;

    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `Encrypts approval requests for tool ${tool.name} of agent ${args.agentName}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: this.executorRole.arn.apply((executorArn) =>
          JSON.stringify(
            buildKeyPolicy(
              scope,
              [{ sid: 'GateExecutorUse', principal: { AWS: executorArn }, actions: ['kms:Decrypt', 'kms:GenerateDataKey'] }],
              args.keyAdmins ?? [accountRootArn(scope)],
            ),
          ),
        ),
        tags,
      },
      child,
    );

    this.topic = new aws.sns.Topic(`${name}-reviewers`, { name: topicName, kmsMasterKeyId: this.key.arn, tags }, child);
    new aws.sns.TopicPolicy(
      `${name}-reviewers-policy`,
      {
        arn: this.topic.arn,
        policy: pulumi
          .all([this.topic.arn, this.executorRole.arn])
          .apply(([topicArn, executorArn]) => JSON.stringify(buildReviewerTopicPolicy(topicArn, executorArn))),
      },
      child,
    );
    args.reviewerEmails.forEach((email, index) => {
      new aws.sns.TopicSubscription(`${name}-reviewer-${index + 1}`, { topic: this.topic.arn, protocol: 'email', endpoint: email }, child);
    });

    const executorPolicy = new aws.iam.RolePolicy(
      `${name}-executor-policy`,
      {
        name: 'agentfence-gate-executor',
        role: this.executorRole.name,
        policy: pulumi
          .all([this.topic.arn, this.key.arn])
          .apply(([topicArn, keyArn]) => JSON.stringify(buildExecutorPolicy(tool, topicArn, keyArn))),
      },
      child,
    );

    this.stateMachine = new aws.sfn.StateMachine(
      `${name}-machine`,
      {
        name: gateStateMachineName(args.agentName, tool.name),
        type: 'STANDARD',
        roleArn: this.executorRole.arn,
        definition: this.topic.arn.apply((topicArn) =>
          JSON.stringify(buildGateDefinition({ tool, topicArn, timeoutSeconds: timeout, partition: partitionOf(scope.region) })),
        ),
        encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: this.key.arn, kmsDataKeyReusePeriodSeconds: 300 },
        tags,
      },
      { parent: this, dependsOn: [executorPolicy] },
    );
    this.registerOutputs({ stateMachineArn: this.stateMachineArn, topicArn: this.topic.arn, executorRoleArn: this.executorRole.arn });
  }
}
