import { describe, expect, it } from 'vitest';
import {
  agentcoreGatewayEncrypted,
  dataStoreProtected,
  dynamodbTableEncrypted,
  dynamodbTablePitr,
  kmsKeyRotation,
  logGroupEncrypted,
  logGroupRetention,
  s3BucketEncrypted,
  s3BucketPublicAccessBlocked,
  s3BucketTlsOnly,
  s3BucketVersioning,
  secretEncrypted,
  snsTopicEncrypted,
  sqsQueueEncrypted,
} from '../../../src/rules/data-protection.js';
import type { PlannedResource } from '../../../src/rules/types.js';
import { component, messages, policy, res, UNKNOWN } from './helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const store = component('agentfence:aws:EncryptedStore', 'evidence');
const bucket = (props: Record<string, unknown> = {}) =>
  res('aws:s3/bucket:Bucket', 'evidence-bucket', { bucket: 'acme-evidence', ...props }, { parent: store });
const sse = (rule: Record<string, unknown>, ref: unknown = 'acme-evidence') =>
  res(
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    'evidence-sse',
    {
      bucket: ref,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY, ...rule }, bucketKeyEnabled: true }],
    },
    { parent: store },
  );
const pab = (flags: Record<string, unknown> = {}, ref: unknown = 'acme-evidence') =>
  res(
    'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
    'evidence-pab',
    { bucket: ref, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...flags },
    { parent: store },
  );
const versioning = (status: unknown, ref: unknown = 'acme-evidence') =>
  res(
    'aws:s3/bucketVersioning:BucketVersioning',
    'evidence-versioning',
    { bucket: ref, versioningConfiguration: { status } },
    { parent: store },
  );
const tlsPolicy = (value: unknown) =>
  policy([
    {
      Sid: 'TlsOnly',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::acme-evidence', 'arn:aws:s3:::acme-evidence/*'],
      Condition: { Bool: { 'aws:SecureTransport': value } },
    },
  ]);
const bucketPolicy = (doc: unknown, ref: unknown = 'acme-evidence') =>
  res('aws:s3/bucketPolicy:BucketPolicy', 'evidence-policy', { bucket: ref, policy: doc }, { parent: store });

describe('s3-bucket-encrypted-cmk', () => {
  it.each<[string, PlannedResource[], unknown[]]>([
    ['SSE-KMS with a customer key', [bucket(), sse({})], []],
    ['SSE-KMS bound by structure (reference unknown before deploy)', [bucket(), sse({}, UNKNOWN)], []],
    [
      'inline SSE-KMS (legacy bucket)',
      [
        bucket({
          serverSideEncryptionConfiguration: {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } },
          },
        }),
      ],
      [],
    ],
    [
      'no encryption configuration',
      [bucket()],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got no server-side encryption configuration)'],
    ],
    [
      'SSE-S3 (AES256)',
      [bucket(), sse({ sseAlgorithm: 'AES256', kmsMasterKeyId: undefined })],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got sseAlgorithm "AES256")'],
    ],
    [
      'the AWS-managed key',
      [bucket(), sse({ kmsMasterKeyId: 'alias/aws/s3' })],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got kmsMasterKeyId "alias/aws/s3")'],
    ],
    [
      'KMS without a key id',
      [bucket(), sse({ kmsMasterKeyId: undefined })],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got kmsMasterKeyId not set)'],
    ],
    [
      'a configuration for another bucket',
      [bucket(), res('aws:s3/bucket:Bucket', 'other', { bucket: 'acme-other' }, { parent: store }), sse({}, 'acme-other')],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got no server-side encryption configuration)'],
    ],
    [
      'an unknown key',
      [bucket(), sse({ kmsMasterKeyId: UNKNOWN })],
      ['S3 bucket "evidence-bucket": evidence-sse rule kmsMasterKeyId cannot be checked before deploy (got a value unknown until deploy)'],
    ],
    [
      'a secret key id',
      [bucket(), sse({ kmsMasterKeyId: '[secret]' })],
      ['S3 bucket "evidence-bucket": evidence-sse rule kmsMasterKeyId must not be a secret to be checked (got [secret])'],
    ],
    [
      'the AWS-managed key by its alias ARN',
      [bucket(), sse({ kmsMasterKeyId: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/s3' })],
      [
        'S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got kmsMasterKeyId "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3")',
      ],
    ],
    [
      'a separate configuration without rules over an inline one',
      [
        bucket({
          serverSideEncryptionConfiguration: {
            rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } },
          },
        }),
        res(
          'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
          'evidence-sse',
          { bucket: 'acme-evidence', rules: [] },
          { parent: store },
        ),
      ],
      ['S3 bucket "evidence-bucket" must be encrypted with a customer-managed KMS key (got no server-side encryption configuration)'],
    ],
  ])('when the bucket has %s', (_, resources, expected) => {
    expect(messages(s3BucketEncrypted, resources)).toEqual(expected);
  });
});

describe('s3-bucket-public-access-blocked', () => {
  it.each<[string, PlannedResource[], unknown[]]>([
    ['all four flags on', [bucket(), pab()], []],
    [
      'no public access block',
      [bucket()],
      ['S3 bucket "evidence-bucket" must have a public access block with all four flags on (got none)'],
    ],
    [
      'restrictPublicBuckets off',
      [bucket(), pab({ restrictPublicBuckets: false })],
      ['S3 bucket "evidence-bucket" public access block must set restrictPublicBuckets to true (got false)'],
    ],
    [
      'a public-read ACL',
      [bucket({ acl: 'public-read' }), pab()],
      ['S3 bucket "evidence-bucket" must not have a public ACL (got "public-read")'],
    ],
    [
      'an unknown flag',
      [bucket(), pab({ blockPublicPolicy: UNKNOWN })],
      [expect.stringContaining('blockPublicPolicy cannot be checked before deploy')],
    ],
  ])('when the bucket has %s', (_, resources, expected) => {
    expect(messages(s3BucketPublicAccessBlocked, resources)).toEqual(expected);
  });
});

describe('s3-bucket-versioning', () => {
  it.each<[string, PlannedResource[], unknown[]]>([
    ['versioning Enabled', [bucket(), versioning('Enabled')], []],
    ['inline versioning', [bucket({ versioning: { enabled: true } })], []],
    ['no versioning', [bucket()], ['S3 bucket "evidence-bucket" must have versioning enabled (got versioning not set)']],
    [
      'versioning Suspended',
      [bucket(), versioning('Suspended')],
      ['S3 bucket "evidence-bucket" must have versioning enabled (got status "Suspended")'],
    ],
    ['an unknown status', [bucket(), versioning(UNKNOWN)], [expect.stringContaining('versioning cannot be checked before deploy')]],
  ])('when the bucket has %s', (_, resources, expected) => {
    expect(messages(s3BucketVersioning, resources)).toEqual(expected);
  });
});

describe('s3-bucket-tls-only', () => {
  it.each<[string, PlannedResource[], unknown[]]>([
    ['a Deny on SecureTransport false', [bucket(), bucketPolicy(tlsPolicy('false'))], []],
    ['the Deny inline on the bucket', [bucket({ policy: tlsPolicy(false) })], []],
    ['no bucket policy', [bucket()], ['S3 bucket "evidence-bucket" must deny requests without TLS (got no bucket policy)']],
    [
      'a policy without the TLS Deny',
      [bucket(), bucketPolicy(policy([{ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' }]))],
      ['S3 bucket "evidence-bucket" must deny requests without TLS (got no Deny on aws:SecureTransport false)'],
    ],
    [
      'an Allow on SecureTransport false',
      [bucket(), bucketPolicy(JSON.parse(tlsPolicy('false').replace('"Deny"', '"Allow"')))],
      [expect.stringContaining('got no Deny on aws:SecureTransport false')],
    ],
    [
      'a TLS Deny of one action only',
      [bucket(), bucketPolicy(tlsPolicy('false').replace('"s3:*"', '"s3:DeleteObject"'))],
      [
        'S3 bucket "evidence-bucket" must deny requests without TLS (got a Deny on aws:SecureTransport false that does not cover s3:* for every principal)',
      ],
    ],
    [
      'a TLS Deny for one principal only',
      [bucket(), bucketPolicy(tlsPolicy('false').replace('"Principal":"*"', '"Principal":{"AWS":"arn:aws:iam::111122223333:role/x"}'))],
      [expect.stringContaining('does not cover s3:* for every principal')],
    ],
    [
      'a TLS Deny for every AWS principal',
      [bucket(), bucketPolicy(tlsPolicy('false').replace('"Principal":"*"', '"Principal":{"AWS":"*"}'))],
      [],
    ],
    [
      'an unknown policy',
      [bucket(), bucketPolicy(UNKNOWN)],
      [expect.stringContaining('the bucket policy cannot be checked before deploy')],
    ],
  ])('when the bucket has %s', (_, resources, expected) => {
    expect(messages(s3BucketTlsOnly, resources)).toEqual(expected);
  });
});

describe('dynamodb-table-encrypted-cmk', () => {
  const table = (sseBlock: unknown) => res('aws:dynamodb/table:Table', 'memory', { serverSideEncryption: sseBlock });
  it.each([
    ['a customer key', { enabled: true, kmsKeyArn: KEY }, []],
    [
      'no SSE block (AWS-owned key)',
      undefined,
      [
        'DynamoDB table "memory" must have server-side encryption with a customer-managed KMS key (got serverSideEncryption.enabled not set)',
      ],
    ],
    [
      'SSE disabled',
      { enabled: false },
      ['DynamoDB table "memory" must have server-side encryption with a customer-managed KMS key (got serverSideEncryption.enabled false)'],
    ],
    [
      'SSE on the AWS-managed key',
      { enabled: true },
      ['DynamoDB table "memory" must be encrypted with a customer-managed KMS key (got serverSideEncryption.kmsKeyArn not set)'],
    ],
    [
      'alias/aws/dynamodb',
      { enabled: true, kmsKeyArn: 'alias/aws/dynamodb' },
      ['DynamoDB table "memory" must use a customer-managed KMS key, not an AWS-managed one (got "alias/aws/dynamodb")'],
    ],
    [
      'an unknown key',
      { enabled: true, kmsKeyArn: UNKNOWN },
      ['DynamoDB table "memory": serverSideEncryption.kmsKeyArn cannot be checked before deploy (got a value unknown until deploy)'],
    ],
    [
      'a secret key',
      { enabled: true, kmsKeyArn: '[secret]' },
      ['DynamoDB table "memory": serverSideEncryption.kmsKeyArn must not be a secret to be checked (got [secret])'],
    ],
  ])('when the table has %s', (_, value, expected) => {
    expect(messages(dynamodbTableEncrypted, [table(value)])).toEqual(expected);
  });
});

describe('dynamodb-table-pitr', () => {
  it.each([
    ['enabled', { enabled: true }, []],
    ['absent', undefined, ['DynamoDB table "memory" must have point-in-time recovery enabled (got not set)']],
    ['disabled', { enabled: false }, ['DynamoDB table "memory" must have point-in-time recovery enabled (got false)']],
    ['unknown', { enabled: UNKNOWN }, [expect.stringContaining('cannot be checked before deploy')]],
  ])('when PITR is %s', (_, value, expected) => {
    expect(messages(dynamodbTablePitr, [res('aws:dynamodb/table:Table', 'memory', { pointInTimeRecovery: value })])).toEqual(expected);
  });
});

describe('kms-key-rotation', () => {
  it.each([
    ['on', { enableKeyRotation: true }, []],
    ['off', { enableKeyRotation: false }, ['KMS key "k" must have key rotation enabled (got enableKeyRotation false)']],
    ['absent', {}, ['KMS key "k" must have key rotation enabled (got enableKeyRotation not set)']],
    ['off on an asymmetric key (cannot rotate)', { enableKeyRotation: false, customerMasterKeySpec: 'RSA_2048' }, []],
    ['unknown', { enableKeyRotation: UNKNOWN }, [expect.stringContaining('enableKeyRotation cannot be checked before deploy')]],
    [
      'off with a secret key spec (may be symmetric)',
      { enableKeyRotation: false, keySpec: '[secret]' },
      ['KMS key "k" must have key rotation enabled (got enableKeyRotation false)'],
    ],
    [
      'off with an unknown key spec',
      { enableKeyRotation: false, keySpec: UNKNOWN },
      ['KMS key "k" must have key rotation enabled (got enableKeyRotation false)'],
    ],
  ])('when rotation is %s', (_, props, expected) => {
    expect(messages(kmsKeyRotation, [res('aws:kms/key:Key', 'k', props)])).toEqual(expected);
  });
});

describe.each([
  [snsTopicEncrypted, 'aws:sns/topic:Topic', 'kmsMasterKeyId', 'SNS topic', 'alias/aws/sns'],
  [sqsQueueEncrypted, 'aws:sqs/queue:Queue', 'kmsMasterKeyId', 'SQS queue', 'alias/aws/sqs'],
  [logGroupEncrypted, 'aws:cloudwatch/logGroup:LogGroup', 'kmsKeyId', 'log group', 'alias/aws/logs'],
  [secretEncrypted, 'aws:secretsmanager/secret:Secret', 'kmsKeyId', 'Secrets Manager secret', 'alias/aws/secretsmanager'],
  [agentcoreGatewayEncrypted, 'aws:bedrock/agentcoreGateway:AgentcoreGateway', 'kmsKeyArn', 'AgentCore gateway', 'alias/aws/bedrock'],
])('%s', (rule, type, property, friendly, awsAlias) => {
  it.each([
    ['a customer key', KEY, []],
    ['no key', undefined, [`${friendly} "x" must be encrypted with a customer-managed KMS key (got ${property} not set)`]],
    ['the AWS-managed key', awsAlias, [`${friendly} "x" must use a customer-managed KMS key, not an AWS-managed one (got "${awsAlias}")`]],
    ['an unknown key', UNKNOWN, [`${friendly} "x": ${property} cannot be checked before deploy (got a value unknown until deploy)`]],
    [
      'the AWS-managed key by its alias ARN',
      `arn:aws:kms:eu-west-1:111122223333:${awsAlias}`,
      [
        `${friendly} "x" must use a customer-managed KMS key, not an AWS-managed one (got "arn:aws:kms:eu-west-1:111122223333:${awsAlias}")`,
      ],
    ],
  ])('when it uses %s', (_, value, expected) => {
    expect(messages(rule, [res(type, 'x', { [property]: value })])).toEqual(expected);
  });
});

describe('log-group-retention', () => {
  const group = (days: unknown, tier?: string) =>
    res('aws:cloudwatch/logGroup:LogGroup', 'audit', {
      retentionInDays: days,
      tags: tier === undefined ? undefined : { 'agentfence:risk-tier': tier },
    });
  it.each([
    ['365 days for a high-risk agent', group(365, 'high'), []],
    ['90 days for a low-risk agent', group(90, 'low'), []],
    [
      '90 days for a high-risk agent',
      group(90, 'high'),
      ['log group "audit" must keep logs at least 365 days for risk tier "high" (got retentionInDays 90)'],
    ],
    ['30 days untagged', group(30), ['log group "audit" must keep logs at least 90 days for risk tier "low" (got retentionInDays 30)']],
    [
      'no retention',
      group(undefined, 'low'),
      ['log group "audit" must keep logs at least 90 days for risk tier "low" (got retentionInDays not set)'],
    ],
    ['unknown', group(UNKNOWN, 'low'), [expect.stringContaining('retentionInDays cannot be checked before deploy')]],
  ])('when the group keeps %s', (_, resource, expected) => {
    expect(messages(logGroupRetention, [resource])).toEqual(expected);
  });
  it('honours configured minimums', () => {
    expect(messages(logGroupRetention, [group(400, 'high')], { highRiskMinimumDays: 731 })).toEqual([
      expect.stringContaining('at least 731 days'),
    ]);
  });
});

describe('data-store-protected', () => {
  const table = (
    classification: unknown,
    options: { protect?: boolean; retainOnDelete?: boolean } = {},
    props: Record<string, unknown> = {},
  ) => res('aws:dynamodb/table:Table', 'memory', { tags: { 'agentfence:classification': classification }, ...props }, options);
  it.each([
    ['restricted and protected', table('restricted', { protect: true, retainOnDelete: true }), []],
    ['confidential with deletion protection', table('confidential', {}, { deletionProtectionEnabled: true }), []],
    ['internal and unprotected', table('internal'), []],
    [
      'restricted and unprotected',
      table('restricted'),
      [
        'DynamoDB table "memory" holds restricted data and must be protected from deletion (got protect false, retainOnDelete not visible to this check (CrossGuard does not pass it: use protect))',
      ],
    ],
    ['confidential with protect off', table('confidential', { protect: false }), [expect.stringContaining('holds confidential data')]],
    [
      'of unknown classification',
      table(UNKNOWN),
      [expect.stringContaining('tag agentfence:classification cannot be checked before deploy')],
    ],
    [
      'of secret classification',
      table('[secret]'),
      ['DynamoDB table "memory": tag agentfence:classification must not be a secret to be checked (got [secret])'],
    ],
  ])('when the store is %s', (_, resource, expected) => {
    expect(messages(dataStoreProtected, [resource])).toEqual(expected);
  });
});
