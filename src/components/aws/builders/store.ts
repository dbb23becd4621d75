/**
 * Pure builders for an agent's data store: physical names, the bucket policy (TLS only, data access
 * for the agent role only), lifecycle expiry from the retention, and whether the store is protected
 * from `pulumi destroy`.
 */
import type { Classification, DataStoreSpec } from '../../../manifest/types.js';
import { arn, type AwsScope, partitionOf } from './arn.js';
import { physicalName } from './names.js';
import { denyInsecureTransport, type PolicyDocument, toPolicyDocument } from './policy-document.js';

/** Deterministic, globally unique-enough bucket name: `agentfence-<agent>-<store>-<account>` (<= 63, lower case). */
export function bucketName(agent: string, store: string, scope: AwsScope): string {
  return physicalName([physicalName(['agentfence', agent], 40), store.toLowerCase().replace(/_/g, '-'), scope.account], 63);
}

/** Deterministic table name `agentfence-<agent>-<store>`. */
export function tableName(agent: string, store: string): string {
  return physicalName([physicalName(['agentfence', agent], 40), store], 255);
}

/** The store's ARN before it exists (bucket or table). */
export function storeArn(agent: string, store: Pick<DataStoreSpec, 'name' | 'kind'>, scope: AwsScope): string {
  return store.kind === 's3'
    ? `arn:${partitionOf(scope.region)}:s3:::${bucketName(agent, store.name, scope)}`
    : arn(scope, 'dynamodb', `table/${tableName(agent, store.name)}`);
}

/** Confidential and restricted data survive `pulumi destroy` (protect + retainOnDelete). */
export function isProtected(classification: Classification): boolean {
  return classification === 'confidential' || classification === 'restricted';
}

/** Object-level actions denied to every principal but the agent (and any named readers). */
export const BUCKET_DATA_ACTIONS: readonly string[] = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:GetObject',
  's3:GetObjectVersion',
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:PutObject',
];

/**
 * Bucket policy: deny any request not over TLS, and deny data access to every principal other than
 * the agent role (and named readers such as an approval executor). Bucket administration stays with
 * IAM so administrators are never locked out.
 */
export function buildBucketPolicy(bucketArn: string, agentRoleArn: string, readers: readonly string[] = []): PolicyDocument {
  const resources = [bucketArn, `${bucketArn}/*`];
  return toPolicyDocument([
    denyInsecureTransport(['s3:*'], resources),
    {
      Sid: 'DenyDataAccessToOtherPrincipals',
      Effect: 'Deny',
      Principal: '*',
      Action: [...BUCKET_DATA_ACTIONS],
      Resource: resources,
      Condition: { StringNotEquals: { 'aws:PrincipalArn': [agentRoleArn, ...readers] } },
    },
  ]);
}

/** Days a noncurrent object version is kept after being overwritten or deleted. */
export const NONCURRENT_VERSION_DAYS = 30;

/** Lifecycle rules: objects expire after the retention; old versions and aborted uploads are cleaned up. */
export function buildLifecycleRules(retentionDays: number): {
  id: string;
  status: 'Enabled';
  filter: { prefix: string };
  expiration?: { days: number };
  noncurrentVersionExpiration?: { noncurrentDays: number };
  abortIncompleteMultipartUpload?: { daysAfterInitiation: number };
}[] {
  return [
    {
      id: 'expire-after-retention',
      status: 'Enabled',
      filter: { prefix: '' },
      expiration: { days: retentionDays },
      noncurrentVersionExpiration: { noncurrentDays: Math.min(NONCURRENT_VERSION_DAYS, retentionDays) },
    },
    {
      id: 'abort-incomplete-uploads',
      status: 'Enabled',
      filter: { prefix: '' },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
    },
  ];
}

/** DynamoDB's TTL attribute: the application writes `expiresAt` = now + retention (epoch seconds). */
export const TTL_ATTRIBUTE = 'expiresAt';
