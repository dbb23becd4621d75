/**
 * Data-protection rules: customer-managed KMS keys everywhere data rests (S3, DynamoDB, SNS, SQS,
 * logs, secrets), key rotation, S3 public access blocked / TLS-only / versioned, DynamoDB PITR,
 * log retention per risk tier, and confidential stores protected from deletion.
 */
import { allows, conditionKeys, parsePolicyDocument, strings } from './policy-document.js';
import { agentFacts, AGENT_FACT_SCHEMA, arnAccount } from './graph/agent.js';
import { refIndex } from './graph/refs.js';
import { companions, label, secretViolation, tagsOf, unknownViolation, urnTypeChain, violation } from './violations.js';
import type { PlannedResource, ResourceRule, StackRule, StackView, Violation } from './types.js';
import { getPath, iamGlob, isRecord, isSecret, isUnknown, readValue, show } from './values.js';

const LLM02 = 'LLM02:2025 Sensitive Information Disclosure';
const ASI06 = 'ASI06 Memory & Context Poisoning';
const BUCKETS = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'] as const;

/** Whether a key reference names an AWS-managed key: `alias/aws/...`, bare or as an alias ARN. */
function isAwsManagedAlias(value: string): boolean {
  return /^(?:arn:aws[a-z-]*:kms:[^:]*:[^:]*:)?alias\/aws\//.test(value);
}

/**
 * Checks a "customer-managed key" property: set, known, and not an AWS-managed alias. An unknown
 * value (a key created in the same deployment) is reported as unknown, never passed.
 */
function requireCmk(resource: PlannedResource, property: string, awsAlias: string | undefined): Violation[] {
  const value = getPath(resource.props, property);
  if (isUnknown(value)) return [unknownViolation(resource, property)];
  if (isSecret(value)) return [secretViolation(resource, property)];
  if (typeof value !== 'string' || value === '') {
    return [
      violation(
        resource,
        `${label(resource)} must be encrypted with a customer-managed KMS key (got ${property} ${show(value === '' ? undefined : value)})`,
      ),
    ];
  }
  if (isAwsManagedAlias(value) || (awsAlias !== undefined && value === awsAlias)) {
    return [violation(resource, `${label(resource)} must use a customer-managed KMS key, not an AWS-managed one (got ${show(value)})`)];
  }
  return [];
}

function cmkRule(id: string, title: string, type: string, property: string, checkov: string, what: string): ResourceRule {
  return {
    kind: 'resource',
    id,
    title,
    description: `Checks whether ${what} is encrypted with a customer-managed KMS key (${property}).`,
    severity: 'high',
    pillar: 'data-protection',
    owasp: [LLM02, ASI06],
    checkov,
    defaultEnforcement: 'mandatory',
    remediation: `Set ${property} to the agent's KMS key ARN.`,
    types: [type],
    evaluate: (resource) => requireCmk(resource, property, undefined),
  };
}

export const snsTopicEncrypted = cmkRule(
  'sns-topic-encrypted-cmk',
  'SNS topics use a customer-managed key',
  'aws:sns/topic:Topic',
  'kmsMasterKeyId',
  'CKV_AWS_26',
  'an SNS topic',
);
export const sqsQueueEncrypted = cmkRule(
  'sqs-queue-encrypted-cmk',
  'SQS queues use a customer-managed key',
  'aws:sqs/queue:Queue',
  'kmsMasterKeyId',
  'CKV_AWS_27',
  'an SQS queue',
);
export const logGroupEncrypted = cmkRule(
  'log-group-encrypted-cmk',
  'Log groups use a customer-managed key',
  'aws:cloudwatch/logGroup:LogGroup',
  'kmsKeyId',
  'CKV_AWS_158',
  'a CloudWatch log group',
);
export const agentcoreGatewayEncrypted = cmkRule(
  'agentcore-gateway-encrypted-cmk',
  'AgentCore gateways use a customer-managed key',
  'aws:bedrock/agentcoreGateway:AgentcoreGateway',
  'kmsKeyArn',
  'CKV_AWS_373',
  'an AgentCore gateway',
);
export const secretEncrypted = cmkRule(
  'secret-encrypted-cmk',
  'Secrets use a customer-managed key',
  'aws:secretsmanager/secret:Secret',
  'kmsKeyId',
  'CKV_AWS_149',
  'a Secrets Manager secret',
);

/** DynamoDB memory tables: SSE with a customer-managed key. */
export const dynamodbTableEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb-table-encrypted-cmk',
  title: 'DynamoDB tables use a customer-managed key',
  description: 'Checks whether a DynamoDB table has server-side encryption enabled with a customer-managed KMS key.',
  severity: 'high',
  pillar: 'data-protection',
  owasp: [LLM02, ASI06],
  checkov: 'CKV_AWS_119',
  defaultEnforcement: 'mandatory',
  remediation: 'Set serverSideEncryption { enabled: true, kmsKeyArn: <agent key> }.',
  types: ['aws:dynamodb/table:Table'],
  evaluate(resource) {
    const enabled = getPath(resource.props, 'serverSideEncryption.enabled');
    if (isUnknown(enabled)) return [unknownViolation(resource, 'serverSideEncryption.enabled')];
    if (enabled !== true) {
      return [
        violation(
          resource,
          `${label(resource)} must have server-side encryption with a customer-managed KMS key (got serverSideEncryption.enabled ${show(enabled)})`,
        ),
      ];
    }
    return requireCmk(resource, 'serverSideEncryption.kmsKeyArn', 'alias/aws/dynamodb');
  },
};

/** Point-in-time recovery lets poisoned or deleted memory be rolled back. */
export const dynamodbTablePitr: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb-table-pitr',
  title: 'DynamoDB tables have point-in-time recovery',
  description: 'Checks whether a DynamoDB table has point-in-time recovery enabled.',
  severity: 'medium',
  pillar: 'data-protection',
  owasp: [ASI06],
  checkov: 'CKV_AWS_28',
  defaultEnforcement: 'mandatory',
  remediation: 'Set pointInTimeRecovery { enabled: true }.',
  types: ['aws:dynamodb/table:Table'],
  evaluate(resource) {
    const enabled = getPath(resource.props, 'pointInTimeRecovery.enabled');
    if (isUnknown(enabled)) return [unknownViolation(resource, 'pointInTimeRecovery.enabled')];
    return enabled === true
      ? []
      : [violation(resource, `${label(resource)} must have point-in-time recovery enabled (got ${show(enabled)})`)];
  },
};

/** Rotation bounds the damage of a leaked data key. */
export const kmsKeyRotation: ResourceRule = {
  kind: 'resource',
  id: 'kms-key-rotation',
  title: 'KMS keys rotate',
  description: 'Checks whether a symmetric KMS key has automatic key rotation enabled.',
  severity: 'medium',
  pillar: 'data-protection',
  owasp: [LLM02],
  checkov: 'CKV_AWS_7',
  defaultEnforcement: 'mandatory',
  remediation: 'Set enableKeyRotation: true.',
  types: ['aws:kms/key:Key'],
  evaluate(resource) {
    const legacy = readValue(resource.props, 'customerMasterKeySpec');
    const spec = legacy.kind === 'absent' ? readValue(resource.props, 'keySpec') : legacy;
    // Only symmetric keys can rotate automatically; an unknown or secret spec may be symmetric.
    if (spec.kind === 'value' && spec.value !== 'SYMMETRIC_DEFAULT') return [];
    const enabled = resource.props['enableKeyRotation'];
    if (isUnknown(enabled)) return [unknownViolation(resource, 'enableKeyRotation')];
    return enabled === true
      ? []
      : [violation(resource, `${label(resource)} must have key rotation enabled (got enableKeyRotation ${show(enabled)})`)];
  },
};

const SSE_TYPES = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];

function sseRules(value: unknown): unknown[] {
  if (isUnknown(value)) return [value];
  const list: readonly unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((entry): readonly unknown[] =>
    isRecord(entry) ? (Array.isArray(entry['rules']) ? entry['rules'] : entry['rule'] !== undefined ? [entry['rule']] : [entry]) : [entry],
  );
}

function checkSseRule(bucket: PlannedResource, rule: unknown, where: string): Violation[] {
  if (isUnknown(rule)) return [unknownViolation(bucket, where)];
  const def = getPath(rule, 'applyServerSideEncryptionByDefault');
  const algorithm = getPath(def, 'sseAlgorithm');
  const key = getPath(def, 'kmsMasterKeyId');
  if (isUnknown(def) || isUnknown(algorithm)) return [unknownViolation(bucket, `${where} sseAlgorithm`)];
  if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
    return [violation(bucket, `${label(bucket)} must be encrypted with a customer-managed KMS key (got sseAlgorithm ${show(algorithm)})`)];
  }
  if (isUnknown(key)) return [unknownViolation(bucket, `${where} kmsMasterKeyId`)];
  if (isSecret(key)) return [secretViolation(bucket, `${where} kmsMasterKeyId`)];
  if (typeof key !== 'string' || key === '' || isAwsManagedAlias(key)) {
    return [
      violation(
        bucket,
        `${label(bucket)} must be encrypted with a customer-managed KMS key (got kmsMasterKeyId ${show(key === '' ? undefined : key)})`,
      ),
    ];
  }
  return [];
}

function bucketRule(
  meta: Omit<StackRule, 'kind' | 'evaluateStack'>,
  check: (stack: StackView, bucket: PlannedResource) => Violation[],
): StackRule {
  return { ...meta, kind: 'stack', evaluateStack: (stack) => stack.ofType(...BUCKETS).flatMap((bucket) => check(stack, bucket)) };
}

/** SSE-KMS with a customer key, inline or through a separate encryption configuration. */
export const s3BucketEncrypted = bucketRule(
  {
    id: 's3-bucket-encrypted-cmk',
    title: 'S3 buckets use a customer-managed key',
    description:
      'Checks whether an S3 bucket is encrypted by default with SSE-KMS under a customer-managed key (inline or via a BucketServerSideEncryptionConfiguration).',
    severity: 'high',
    pillar: 'data-protection',
    owasp: [LLM02, ASI06],
    checkov: 'CKV_AWS_145',
    defaultEnforcement: 'mandatory',
    remediation: 'Add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and the agent key.',
  },
  (stack, bucket) => {
    const inline = bucket.props['serverSideEncryptionConfiguration'];
    const separate = companions(stack, bucket, SSE_TYPES, 'bucket');
    const rules = [
      ...sseRules(inline).map((rule) => [rule, 'serverSideEncryptionConfiguration'] as const),
      ...separate.flatMap((sse) => sseRules(sse.props).map((rule) => [rule, `${sse.name} rule`] as const)),
    ];
    // With a separate configuration present, it is what S3 applies; the inline one is legacy.
    const effective = separate.length > 0 ? rules.filter(([, where]) => where !== 'serverSideEncryptionConfiguration') : rules;
    if (effective.length === 0) {
      return [
        violation(
          bucket,
          `${label(bucket)} must be encrypted with a customer-managed KMS key (got no server-side encryption configuration)`,
        ),
      ];
    }
    return effective.flatMap(([rule, where]) => checkSseRule(bucket, rule, where));
  },
);

const PAB = ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock'];
const PAB_FLAGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'] as const;

/** All four public-access-block flags on, and no public canned ACL. */
export const s3BucketPublicAccessBlocked = bucketRule(
  {
    id: 's3-bucket-public-access-blocked',
    title: 'S3 buckets block all public access',
    description: 'Checks whether an S3 bucket has a public access block with all four flags on and no public canned ACL.',
    severity: 'critical',
    pillar: 'data-protection',
    owasp: [LLM02],
    checkov: 'CKV2_AWS_6',
    defaultEnforcement: 'mandatory',
    remediation: 'Add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.',
  },
  (stack, bucket) => {
    const out: Violation[] = [];
    const acl = bucket.props['acl'];
    if (isUnknown(acl)) out.push(unknownViolation(bucket, 'acl'));
    else if (typeof acl === 'string' && /^public-|^authenticated-read$/.test(acl)) {
      out.push(violation(bucket, `${label(bucket)} must not have a public ACL (got ${show(acl)})`));
    }
    const blocks = companions(stack, bucket, PAB, 'bucket');
    if (blocks.length === 0) {
      out.push(violation(bucket, `${label(bucket)} must have a public access block with all four flags on (got none)`));
      return out;
    }
    for (const block of blocks) {
      for (const flag of PAB_FLAGS) {
        const value = block.props[flag];
        if (isUnknown(value)) out.push(unknownViolation(block, flag));
        else if (value !== true)
          out.push(violation(block, `${label(bucket)} public access block must set ${flag} to true (got ${show(value)})`));
      }
    }
    return out;
  },
);

const VERSIONING = ['aws:s3/bucketVersioning:BucketVersioning', 'aws:s3/bucketVersioningV2:BucketVersioningV2'];

/** Versioning keeps overwritten or poisoned objects recoverable. */
export const s3BucketVersioning = bucketRule(
  {
    id: 's3-bucket-versioning',
    title: 'S3 buckets are versioned',
    description: 'Checks whether an S3 bucket has versioning enabled (inline or via a BucketVersioning resource).',
    severity: 'medium',
    pillar: 'data-protection',
    owasp: [ASI06],
    checkov: 'CKV_AWS_21',
    defaultEnforcement: 'mandatory',
    remediation: 'Add a BucketVersioning with status Enabled.',
  },
  (stack, bucket) => {
    const inline = getPath(bucket.props, 'versioning.enabled');
    if (inline === true) return [];
    const versionings = companions(stack, bucket, VERSIONING, 'bucket');
    const statuses = versionings.map((v) => getPath(v.props, 'versioningConfiguration.status'));
    if (statuses.includes('Enabled')) return [];
    if (isUnknown(inline) || statuses.some(isUnknown)) return [unknownViolation(bucket, 'versioning')];
    return [
      violation(
        bucket,
        `${label(bucket)} must have versioning enabled (got ${statuses.length > 0 ? `status ${statuses.map((s) => show(s)).join(', ')}` : `versioning ${show(inline)}`})`,
      ),
    ];
  },
);

/** A Deny of s3:* to every principal on aws:SecureTransport=false keeps data off plain HTTP. */
function deniesInsecureTransport(policy: unknown): boolean | 'unknown' | 'narrow' {
  const parsed = parsePolicyDocument(policy);
  if (parsed.kind === 'unknown') return 'unknown';
  if (parsed.kind !== 'document') return false;
  const tlsDenies = parsed.statements.filter((statement) => {
    if (allows(statement)) return false;
    return Object.values(statement.conditions).some(
      (block) =>
        isRecord(block) &&
        Object.entries(block).some(
          ([key, value]) =>
            key.toLowerCase() === 'aws:securetransport' &&
            [false, 'false'].includes((Array.isArray(value) ? value[0] : value) as string | boolean),
        ),
    );
  });
  if (tlsDenies.length === 0) return false;
  // A Deny of one action, or for one principal, leaves every other request free to use plain HTTP.
  const covers = tlsDenies.some(
    (statement) =>
      statement.principals.some((p) => p.type === '*' || (p.type === 'AWS' && p.value === '*')) &&
      strings(statement.actions).values.some((action) => action === '*' || action.toLowerCase() === 's3:*'),
  );
  return covers ? true : 'narrow';
}

export const s3BucketTlsOnly = bucketRule(
  {
    id: 's3-bucket-tls-only',
    title: 'S3 buckets refuse plain HTTP',
    description: 'Checks whether an S3 bucket policy denies every request made without TLS (aws:SecureTransport false).',
    severity: 'high',
    pillar: 'data-protection',
    owasp: [LLM02],
    checkov: 'CKV_AWS_379',
    defaultEnforcement: 'mandatory',
    remediation: 'Add a bucket policy statement Deny s3:* when aws:SecureTransport is false.',
  },
  (stack, bucket) => {
    const policies = [
      bucket.props['policy'],
      ...companions(stack, bucket, ['aws:s3/bucketPolicy:BucketPolicy'], 'bucket').map((p) => p.props['policy']),
    ];
    const verdicts = policies.filter((p) => p !== undefined && p !== null).map(deniesInsecureTransport);
    if (verdicts.includes(true)) return [];
    if (verdicts.includes('unknown')) return [unknownViolation(bucket, 'the bucket policy')];
    const got =
      verdicts.length === 0
        ? 'no bucket policy'
        : verdicts.includes('narrow')
          ? 'a Deny on aws:SecureTransport false that does not cover s3:* for every principal'
          : 'no Deny on aws:SecureTransport false';
    return [violation(bucket, `${label(bucket)} must deny requests without TLS (got ${got})`)];
  },
);

type RetentionConfig = { minimumDays: number; highRiskMinimumDays: number; riskTierTag: string };

/** Audit logs must outlive an incident investigation; longer for high-risk agents. */
export const logGroupRetention: ResourceRule<RetentionConfig> = {
  kind: 'resource',
  id: 'log-group-retention',
  title: 'Log retention meets the risk tier minimum',
  description:
    'Checks whether a CloudWatch log group keeps logs at least the minimum for its risk tier (tag agentfence:risk-tier: high -> 365 days, else 90).',
  severity: 'medium',
  pillar: 'data-protection',
  owasp: ['ASI10 Rogue Agents'],
  checkov: 'CKV_AWS_338',
  defaultEnforcement: 'mandatory',
  remediation: 'Set retentionInDays to at least the tier minimum.',
  configSchema: {
    type: 'object',
    properties: {
      minimumDays: { type: 'integer', minimum: 1, default: 90 },
      highRiskMinimumDays: { type: 'integer', minimum: 1, default: 365 },
      riskTierTag: { type: 'string', minLength: 1, default: 'agentfence:risk-tier' },
    },
    additionalProperties: false,
  },
  types: ['aws:cloudwatch/logGroup:LogGroup'],
  evaluate(resource, config) {
    const tier = tagsOf(resource)?.[config.riskTierTag];
    const minimum = tier === 'high' ? config.highRiskMinimumDays : config.minimumDays;
    const days = resource.props['retentionInDays'];
    if (isUnknown(days)) return [unknownViolation(resource, 'retentionInDays')];
    // 0 is CloudWatch's "never expire": longer than any minimum.
    if (typeof days !== 'number' || (days !== 0 && days < minimum)) {
      return [
        violation(
          resource,
          `${label(resource)} must keep logs at least ${minimum} days for risk tier ${show(tier ?? 'low')} (got retentionInDays ${show(days)})`,
        ),
      ];
    }
    return [];
  },
};

/** The tag an agentfence component puts on a resource it registers with `retainOnDelete: true`. */
export const RETAIN_TAG = 'agentfence:retain-on-delete';

type ProtectConfig = { classificationTag: string; protectedClassifications: string[] };

/** Confidential memory must survive a mistaken `pulumi destroy`. */
export const dataStoreProtected: ResourceRule<ProtectConfig> = {
  kind: 'resource',
  id: 'data-store-protected',
  title: 'Confidential data stores are protected from deletion',
  description:
    'Checks whether S3 buckets and DynamoDB tables tagged confidential or restricted are protected (protect or retainOnDelete, or DynamoDB deletion protection).',
  severity: 'high',
  pillar: 'data-protection',
  owasp: [ASI06],
  defaultEnforcement: 'mandatory',
  remediation: 'Set the resource option protect: true or retainOnDelete: true.',
  configSchema: {
    type: 'object',
    properties: {
      classificationTag: { type: 'string', minLength: 1, default: 'agentfence:classification' },
      protectedClassifications: { type: 'array', items: { type: 'string' }, default: ['confidential', 'restricted'] },
    },
    additionalProperties: false,
  },
  types: [...BUCKETS, 'aws:dynamodb/table:Table'],
  evaluate(resource, config) {
    const classification = tagsOf(resource)?.[config.classificationTag];
    if (isUnknown(classification)) return [unknownViolation(resource, `tag ${config.classificationTag}`)];
    if (isSecret(classification)) return [secretViolation(resource, `tag ${config.classificationTag}`)];
    if (typeof classification !== 'string' || !config.protectedClassifications.includes(classification)) return [];
    if (resource.protect === true || resource.retainOnDelete === true || resource.props['deletionProtectionEnabled'] === true) return [];
    // CrossGuard passes `protect` but not `retainOnDelete` (undefined here): an agentfence component
    // that sets the option records it in a tag, trusted only on the component's own children
    if (
      resource.retainOnDelete === undefined &&
      tagsOf(resource)?.[RETAIN_TAG] === 'true' &&
      urnTypeChain(resource.urn)
        .slice(0, -1)
        .some((t) => t.startsWith('agentfence:aws:'))
    )
      return [];
    const retain =
      resource.retainOnDelete === undefined
        ? 'retainOnDelete not visible to this check (CrossGuard does not pass it: use protect)'
        : `retainOnDelete ${show(resource.retainOnDelete)}`;
    return [
      violation(
        resource,
        `${label(resource)} holds ${classification} data and must be protected from deletion (got protect ${show(resource.protect ?? false)}, ${retain})`,
      ),
    ];
  },
};

const KEY = 'aws:kms/key:Key';

/** Where each store type names its KMS key (a frozen table, one row per store). */
const KEY_PROPERTIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'aws:dynamodb/table:Table': ['serverSideEncryption.kmsKeyArn'],
  'aws:cloudwatch/logGroup:LogGroup': ['kmsKeyId'],
  'aws:sns/topic:Topic': ['kmsMasterKeyId'],
  'aws:sqs/queue:Queue': ['kmsMasterKeyId'],
  'aws:secretsmanager/secret:Secret': ['kmsKeyId'],
  'aws:bedrock/agentcoreGateway:AgentcoreGateway': ['kmsKeyArn'],
  'aws:bedrock/agentcoreMemory:AgentcoreMemory': ['encryptionKeyArn'],
  'aws:cloudtrail/trail:Trail': ['kmsKeyId'],
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration': [
    'rules.applyServerSideEncryptionByDefault.kmsMasterKeyId',
    'rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId',
  ],
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2': [
    'rules.applyServerSideEncryptionByDefault.kmsMasterKeyId',
    'rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId',
  ],
});

type FactConfig = { account?: string; region?: string; riskTier?: string; alarmEmail?: string; agentRoleArn?: string };
const FACTS_SCHEMA = { type: 'object', properties: { ...AGENT_FACT_SCHEMA }, additionalProperties: false } as const;

/** A data key in another account is a key someone else can disable, read with, or delete. */
export const dataKeyInAgentAccount: StackRule<FactConfig> = {
  kind: 'stack',
  id: 'data-key-in-agent-account',
  title: "Data keys belong to the agent's account",
  description:
    "Checks whether every KMS key a store uses (S3, DynamoDB, log groups, SNS, SQS, secrets, AgentCore gateway and memory, CloudTrail) is a key defined in the stack or a key ARN in the agent's account (rule config account, else the components' record).",
  severity: 'high',
  pillar: 'data-protection',
  owasp: [LLM02, ASI06],
  defaultEnforcement: 'mandatory',
  remediation: "Encrypt with the agent's own key, created in the stack (EncryptedStore does).",
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const refs = refIndex(stack);
    const account = agentFacts(stack, config).account;
    const out: Violation[] = [];
    for (const [type, paths] of Object.entries(KEY_PROPERTIES)) {
      for (const store of stack.ofType(type)) {
        const path = paths.find((p) => readValue(store.props, p).kind !== 'absent');
        if (path === undefined) continue;
        const ref = refs.prop(store, path, [KEY]);
        if (ref.kind !== 'external') continue;
        const owner = arnAccount(ref.value);
        // a bare key id or alias is resolved in the store's own account
        if (owner === undefined) continue;
        if (account === undefined)
          out.push(
            violation(
              store,
              `${label(store)} uses key ${show(ref.value)}, which is not defined in the stack, and the agent's account is unknown (set rule config account)`,
            ),
          );
        else if (owner !== account)
          out.push(
            violation(
              store,
              `${label(store)} must use a KMS key of the agent's account ${account} (got ${show(ref.value)} in account ${owner})`,
            ),
          );
      }
    }
    return out;
  },
};

/** Actions that read data under a key, or let a principal give itself that right. */
const DECRYPTING = [
  'kms:decrypt',
  'kms:reencryptfrom',
  'kms:createGrant',
  'kms:generatedatakey',
  'kms:generatedatakeywithoutplaintext',
].map((a) => a.toLowerCase());
/** Condition keys that confine a statement to one account (their value must be the agent's). */
const CALLER_KEYS = ['kms:calleraccount', 'aws:principalaccount', 'aws:sourceaccount'];
/** Condition keys that confine a service principal to one resource or use. */
const SCOPING_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'kms:viaservice', 'kms:calleraccount'];

function decrypts(actions: readonly string[]): boolean {
  return actions.some((action) => {
    const a = action.toLowerCase();
    return a === '*' || a === 'kms:*' || DECRYPTING.some((d) => iamGlob(a, d));
  });
}

/** A key policy that lets another account (or anyone) decrypt hands the data to them. */
export const kmsKeyPolicyNoForeignDecrypt: StackRule<FactConfig> = {
  kind: 'stack',
  id: 'kms-key-policy-no-foreign-decrypt',
  title: 'Key policies let no other account decrypt',
  description:
    "Checks whether a KMS key policy's Allow statements that permit decryption (kms:Decrypt, ReEncryptFrom, GenerateDataKey*, CreateGrant, kms:*) name only principals of the agent's account, or `*` confined to it by kms:CallerAccount or aws:PrincipalAccount, or a service principal confined by a source, via-service or encryption-context condition.",
  severity: 'high',
  pillar: 'data-protection',
  owasp: [LLM02, 'ASI03 Identity & Privilege Abuse'],
  checkov: 'CKV_AWS_33',
  defaultEnforcement: 'mandatory',
  remediation: "Grant decryption only to the agent's role and confined service principals; never to * or another account.",
  configSchema: FACTS_SCHEMA,
  evaluateStack(stack, config) {
    const facts = agentFacts(stack, config);
    const out: Violation[] = [];
    for (const key of stack.ofType(KEY, 'aws:kms/keyPolicy:KeyPolicy')) {
      const own = typeof key.props['arn'] === 'string' ? arnAccount(key.props['arn']) : undefined;
      const account = facts.account ?? own;
      const parsed = parsePolicyDocument(key.props['policy']);
      if (parsed.kind === 'unknown') {
        out.push(unknownViolation(key, 'policy'));
        continue;
      }
      if (parsed.kind !== 'document') continue;
      for (const statement of parsed.statements.filter(allows)) {
        const actions = strings(statement.actions);
        if (!actions.unknown && !decrypts(actions.values) && statement.notActions.length === 0) continue;
        const keys = [...conditionKeys(statement)];
        const pinned =
          account !== undefined &&
          Object.values(statement.conditions).some(
            (block) =>
              isRecord(block) &&
              Object.entries(block).some(([k, v]) => CALLER_KEYS.includes(k.toLowerCase()) && [v].flat().every((x) => x === account)),
          );
        const foreign: string[] = [];
        for (const principal of statement.principals) {
          const value = typeof principal.value === 'string' ? principal.value : show(principal.value);
          if (principal.type === '*' || value === '*') {
            if (!pinned) foreign.push('*');
          } else if (principal.type === 'AWS') {
            const owner = /^\d{12}$/.test(value) ? value : arnAccount(value);
            if (account === undefined || owner !== account) foreign.push(value);
          } else if (principal.type === 'Service') {
            if (!keys.some((k) => SCOPING_KEYS.includes(k) || k.startsWith('kms:encryptioncontext'))) foreign.push(`${value} (unconfined)`);
          } else foreign.push(value);
        }
        if (statement.hasNotPrincipal) foreign.push('NotPrincipal');
        if (foreign.length > 0) {
          out.push(
            violation(
              key,
              `${label(key)} policy must let only the agent's account${account === undefined ? '' : ` ${account}`} decrypt (got statement ${show(statement.sid ?? 'without Sid')} allowing ${foreign.map((f) => show(f)).join(', ')})`,
            ),
          );
        }
      }
    }
    return out;
  },
};

export const dataProtectionRules = [
  s3BucketEncrypted,
  s3BucketPublicAccessBlocked,
  s3BucketVersioning,
  s3BucketTlsOnly,
  dynamodbTableEncrypted,
  dynamodbTablePitr,
  kmsKeyRotation,
  snsTopicEncrypted,
  sqsQueueEncrypted,
  logGroupEncrypted,
  secretEncrypted,
  agentcoreGatewayEncrypted,
  logGroupRetention,
  dataStoreProtected,
  dataKeyInAgentAccount,
  kmsKeyPolicyNoForeignDecrypt,
] as const;
