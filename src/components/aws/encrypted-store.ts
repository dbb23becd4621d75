/**
 * EncryptedStore: one data store of the agent (S3 bucket or DynamoDB table) under its own
 * customer-managed KMS key that only the agent role (through the store's service) and key
 * administrators can touch. Confidential and restricted stores survive `pulumi destroy`.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { DataStoreSpec, RiskTier } from '../../manifest/types.js';
import { argError, isMissing, assertAgentName, assertArn, assertInt, assertOneOf, assertScope, assertSlug } from './builders/args.js';
import { accountRootArn, type AwsScope } from './builders/arn.js';
import { agentTags } from './builders/tags.js';
import { buildKeyPolicy } from './builders/kms.js';
import { STORE_KEY_ACTIONS } from './builders/least-privilege.js';
import { bucketName, buildBucketPolicy, isProtected, storeArn, tableName, TTL_ATTRIBUTE } from './builders/store.js';
import { hardenBucket, type SecureBucketParts } from './secure-bucket.js';

/** KMS keys wait this long before deletion, so a mistaken delete can be cancelled. */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** EncryptedStoreArgs describe one data store from the manifest. */
export interface EncryptedStoreArgs {
  /** The agent's name. */
  readonly agentName: string;
  /** Account and region. */
  readonly scope: AwsScope;
  /** The store from the manifest: name, kind, classification, retention. */
  readonly store: DataStoreSpec;
  /** The agent role: the only principal that may read or write the data. */
  readonly agentRoleArn: pulumi.Input<string>;
  /** Owning team (tag). */
  readonly owner: string;
  /** Risk tier (tag). */
  readonly riskTier: RiskTier;
  /** Principals that administer (never use) the key. Defaults to the account root (IAM-delegated admins). */
  readonly keyAdmins?: readonly string[];
}

const COMPONENT = 'EncryptedStore';

/** Validates args; every error names the arg. */
export function validateEncryptedStoreArgs(args: EncryptedStoreArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertScope(COMPONENT, 'scope', args.scope);
  if (isMissing(args.store)) throw argError(COMPONENT, 'store', 'be a data store', args.store);
  assertSlug(COMPONENT, 'store.name', args.store.name);
  assertOneOf(COMPONENT, 'store.kind', args.store.kind, ['s3', 'dynamodb'] as const);
  assertOneOf(COMPONENT, 'store.classification', args.store.classification, ['public', 'internal', 'confidential', 'restricted'] as const);
  assertInt(COMPONENT, 'store.retentionDays', args.store.retentionDays, 1, 36500);
  if (isMissing(args.agentRoleArn) || args.agentRoleArn === '')
    throw argError(COMPONENT, 'agentRoleArn', 'be the agent role ARN', args.agentRoleArn);
  (args.keyAdmins ?? []).forEach((admin, i) => assertArn(COMPONENT, `keyAdmins[${i}]`, admin));
}

export class EncryptedStore extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:EncryptedStore';
  readonly key: aws.kms.Key;
  readonly bucket?: aws.s3.Bucket;
  readonly bucketParts?: SecureBucketParts;
  readonly table?: aws.dynamodb.Table;
  /** ARN of the bucket or table (deterministic: known before deploy). */
  readonly arn: string;
  readonly keyArn: pulumi.Output<string>;

  constructor(name: string, args: EncryptedStoreArgs, opts?: pulumi.ComponentResourceOptions) {
    super(EncryptedStore.__pulumiType, name, {}, opts);
    validateEncryptedStoreArgs(args);
    const { store, scope } = args;
    const tags = agentTags(
      { agent: args.agentName, owner: args.owner, riskTier: args.riskTier },
      { 'agentfence:store': store.name, 'agentfence:classification': store.classification },
    );
    // Losing the key or the data of a confidential store is unrecoverable: keep both on destroy.
    const keep: pulumi.CustomResourceOptions = isProtected(store.classification)
      ? { parent: this, protect: true, retainOnDelete: true }
      : { parent: this };
    const via = `${store.kind}.${scope.region}.amazonaws.com`;

    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `Data key of store ${store.name} of agent ${args.agentName} (${store.classification})`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: pulumi.output(args.agentRoleArn).apply((roleArn) =>
          JSON.stringify(
            buildKeyPolicy(
              scope,
              [
                {
                  sid: 'AgentUseThroughStoreServiceOnly',
                  principal: { AWS: roleArn },
                  actions: STORE_KEY_ACTIONS,
                  condition: { StringEquals: { 'kms:ViaService': via, 'kms:CallerAccount': scope.account } },
                },
                // DynamoDB encrypts through grants the deploying administrator creates for the table.
                ...(store.kind === 'dynamodb'
                  ? [
                      {
                        sid: 'AdminGrantsForDynamoDbOnly',
                        principal: { AWS: [...(args.keyAdmins ?? [accountRootArn(scope)])] },
                        actions: ['kms:CreateGrant'],
                        condition: { StringEquals: { 'kms:ViaService': via }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
                      },
                    ]
                  : []),
              ],
              args.keyAdmins ?? [accountRootArn(scope)],
            ),
          ),
        ),
        tags,
      },
      keep,
    );
    this.keyArn = this.key.arn;
    this.arn = storeArn(args.agentName, store, scope);

    if (store.kind === 's3') {
      this.bucket = new aws.s3.Bucket(
        `${name}-bucket`,
        { bucket: bucketName(args.agentName, store.name, scope), forceDestroy: false, tags },
        keep,
      );
      const policy = pulumi.output(args.agentRoleArn).apply((roleArn) => JSON.stringify(buildBucketPolicy(this.arn, roleArn)));
      this.bucketParts = hardenBucket(this, name, this.bucket, this.key.arn, policy, store.retentionDays);
    } else {
      this.table = new aws.dynamodb.Table(
        `${name}-table`,
        {
          name: tableName(args.agentName, store.name),
          billingMode: 'PAY_PER_REQUEST',
          hashKey: 'pk',
          rangeKey: 'sk',
          attributes: [
            { name: 'pk', type: 'S' },
            { name: 'sk', type: 'S' },
          ],
          serverSideEncryption: { enabled: true, kmsKeyArn: this.key.arn },
          pointInTimeRecovery: { enabled: true },
          // Items expire at `expiresAt` (epoch seconds), which writers set to now + retention.
          ttl: { attributeName: TTL_ATTRIBUTE, enabled: true },
          deletionProtectionEnabled: isProtected(store.classification),
          tags: { ...tags, 'agentfence:retention-days': String(store.retentionDays) },
        },
        keep,
      );
    }
    this.registerOutputs({ arn: this.arn, keyArn: this.keyArn });
  }
}
