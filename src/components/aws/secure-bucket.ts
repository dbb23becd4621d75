/**
 * The hardening every agentfence bucket gets, as children of the calling component: SSE-KMS with a
 * bucket key, all four public access blocks, versioning, owner-enforced object ownership, a bucket
 * policy and lifecycle expiry. Uses the split S3 resources of @pulumi/aws v7.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { buildLifecycleRules } from './builders/store.js';

export interface SecureBucketParts {
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  readonly versioning: aws.s3.BucketVersioning;
  readonly ownership: aws.s3.BucketOwnershipControls;
  readonly policy: aws.s3.BucketPolicy;
  readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
}

/** Creates the hardening children of `bucket` under `parent`, named `${name}-<role>`. */
export function hardenBucket(
  parent: pulumi.Resource,
  name: string,
  bucket: aws.s3.Bucket,
  keyArn: pulumi.Input<string>,
  policy: pulumi.Input<string>,
  retentionDays: number,
): SecureBucketParts {
  const opts = { parent };
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-sse`,
    {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }],
    },
    opts,
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(
    `${name}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
    opts,
  );
  const ownership = new aws.s3.BucketOwnershipControls(
    `${name}-ownership`,
    { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } },
    opts,
  );
  const bucketPolicy = new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy }, { parent, dependsOn: [publicAccessBlock] });
  const lifecycle = new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    { bucket: bucket.id, rules: buildLifecycleRules(retentionDays) },
    { parent, dependsOn: [versioning] },
  );
  return { encryption, publicAccessBlock, versioning, ownership, policy: bucketPolicy, lifecycle };
}
