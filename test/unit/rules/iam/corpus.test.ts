/**
 * A red-team corpus over the payments example plan: each case seeds one realistic IAM
 * misconfiguration (or one compliant variation) into the plan the components build, and asserts the
 * rule, the verdict and the message. The closing counts are the issue's corpus numbers.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planAgent } from '../../../../src/plan/offline.js';
import { readPlanDocument } from '../../../../src/plan/read.js';
import { evaluateRules } from '../../../../src/rules/index.js';
import type { Finding, PlannedResource } from '../../../../src/rules/types.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const A = '111122223333';
const OTHER = '444455556666';
const ROLE = 'agentfence-payments';
const EXEC_ROLE = 'agentfence-payments-exec-initiate-transfer';
const TABLE = `arn:aws:dynamodb:eu-west-1:${A}:table/ledger`;
const TRANSFER = `arn:aws:lambda:eu-west-1:${A}:function:initiate-transfer`;
const CONFIG = { 'supply-chain-verified': 'disabled', 'network-firewall-allowlist-verified': 'disabled' } as const;

type Doc = { Version: string; Statement: Record<string, unknown>[] };
type Mutate = (plan: PlannedResource[]) => PlannedResource[];
let base: PlannedResource[] = [];

beforeAll(async () => {
  base = readPlanDocument(await planAgent('payments', root), 'payments').resources as PlannedResource[];
}, 120_000);

const clone = (plan: readonly PlannedResource[]): PlannedResource[] => structuredClone(plan) as PlannedResource[];
const byName = (plan: PlannedResource[], name: string): PlannedResource => {
  const found = plan.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no resource ${name}`);
  return found;
};
const docOf = (r: PlannedResource, key = 'policy'): Doc => JSON.parse(r.props[key] as string) as Doc;
const setProp = (r: PlannedResource, key: string, value: unknown): void => {
  (r.props as Record<string, unknown>)[key] = value;
};
const doc = (...Statement: Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const add =
  (type: string, name: string, props: Record<string, unknown>): Mutate =>
  (plan) => [...plan, { urn: `urn:pulumi:payments::agentfence::${type}::${name}`, type, name, props }];

/** Adds statements to the agent's own least-privilege policy. */
const grant =
  (...statements: Record<string, unknown>[]): Mutate =>
  (plan) => {
    const policy = byName(plan, 'payments-policy-policy');
    const d = docOf(policy);
    d.Statement.push(...statements);
    setProp(policy, 'policy', JSON.stringify(d));
    return plan;
  };
/** Adds statements to the agent's policy and its boundary: what it takes for a grant to be effective. */
const grantBoth =
  (...statements: Record<string, unknown>[]): Mutate =>
  (plan) => {
    const boundary = byName(plan, 'payments-identity-boundary');
    const d = docOf(boundary);
    d.Statement.push(...statements);
    setProp(boundary, 'policy', JSON.stringify(d));
    return grant(...statements)(plan);
  };
/**
 * A role added by hand beside the generated ones (the generated boundary denies iam:* and
 * sts:AssumeRole, so escalations are seeded where no such boundary exists), with its own policies.
 */
const HAND = 'ops-worker';
const handRole = (...statements: Record<string, unknown>[]): Mutate =>
  add('aws:iam/role:Role', HAND, {
    name: HAND,
    assumeRolePolicy: doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': A } },
    }),
    inlinePolicies: [{ name: 'ops', policy: doc(...statements) }],
  });
/** Rewrites one resource's policy-like property. */
const edit =
  (name: string, key: string, change: (d: Doc) => void): Mutate =>
  (plan) => {
    const r = byName(plan, name);
    const d = docOf(r, key);
    change(d);
    setProp(r, key, JSON.stringify(d));
    return plan;
  };
const prop =
  (name: string, key: string, value: unknown): Mutate =>
  (plan) => {
    setProp(byName(plan, name), key, value);
    return plan;
  };
const chain =
  (...steps: Mutate[]): Mutate =>
  (plan) =>
    steps.reduce((p, step) => step(p), plan);
const attach = (policyArn: string): Mutate =>
  add('aws:iam/rolePolicyAttachment:RolePolicyAttachment', `extra-${policyArn.split('/').pop()}`, { role: ROLE, policyArn });
const extraPolicy = (name: string, ...statements: Record<string, unknown>[]): Mutate =>
  chain(add('aws:iam/policy:Policy', name, { name, policy: doc(...statements) }), attach(`arn:aws:iam::${A}:policy/${name}`));
const bucketPolicy = (...statements: Record<string, unknown>[]): Mutate =>
  add('aws:s3/bucketPolicy:BucketPolicy', 'seeded-bucket-policy', {
    bucket: 'agentfence-payments-payment-evidence-111122223333',
    policy: doc(...statements),
  });
const trust = (change: (statement: Record<string, unknown>) => void): Mutate =>
  edit('payments-identity-role', 'assumeRolePolicy', (d) => change(d.Statement[0]!));
const metadata =
  (change: (m: Record<string, unknown>) => void): Mutate =>
  (plan) => {
    const env = plan.find((r) => r.type === 'agentfence:aws:AgentEnvironment')!;
    const m = structuredClone(env.props['agentfence']) as Record<string, unknown>;
    change(m);
    setProp(env, 'agentfence', m);
    return plan;
  };

/** [label, seed, rule, message pattern]. */
const misconfigurations: [string, Mutate, string, RegExp][] = [
  ['Action "*" on "*"', grant(allow('*', '*')), 'iam-no-wildcard-action', /must name explicit actions \(got "\*" \(\d+ actions/],
  [
    'a whole service',
    grant(allow('s3:*', 'arn:aws:s3:::acme-supplier-master/*')),
    'iam-no-wildcard-action',
    /got "s3:\*" \(\d+ actions; \d+ Write; Permissions management/,
  ],
  ['a partial action wildcard', grant(allow('dynamodb:Get*', TABLE)), 'iam-no-wildcard-action', /got "dynamodb:Get\*" \(\d+ actions/],
  [
    'an infix action wildcard',
    grant(allow('iam:*Role*', `arn:aws:iam::${A}:role/x`)),
    'iam-no-wildcard-action',
    /"iam:\*Role\*".*Permissions management/,
  ],
  ['a List wildcard', grant(allow('ec2:Describe*', '*')), 'iam-no-wildcard-action', /"ec2:Describe\*"/],
  [
    'a table read on "*"',
    grant(allow('dynamodb:GetItem', '*')),
    'iam-no-wildcard-resource',
    /must scope "dynamodb:GetItem" to explicit resources \(got Resource "\*"\)/,
  ],
  [
    'every bucket',
    grant(allow('s3:GetObject', 'arn:aws:s3:::*')),
    'iam-no-wildcard-resource',
    /bounded wildcards \(got "arn:aws:s3:::\*"\)/,
  ],
  ['every role', grant(allow('iam:GetRole', `arn:aws:iam::${A}:role/*`)), 'iam-no-wildcard-resource', /role\/\*/],
  [
    'every account',
    grant(allow('iam:GetRole', 'arn:aws:iam::*:role/agentfence-payments')),
    'iam-no-wildcard-resource',
    /arn:aws:iam::\*:role/,
  ],
  ['every region', grant(allow('dynamodb:GetItem', `arn:aws:dynamodb:*:${A}:table/ledger`)), 'iam-no-wildcard-resource', /dynamodb:\*:/],
  [
    'a Write with resource types on "*"',
    grant(allow('logs:CreateLogGroup', '*')),
    'iam-no-wildcard-resource',
    /logs:CreateLogGroup.*Resource "\*"/,
  ],
  ['an image pull on "*"', grant(allow('ecr:BatchGetImage', '*')), 'iam-no-wildcard-resource', /ecr:BatchGetImage.*Resource "\*"/],
  ['NotAction', grant({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), 'iam-no-not-action', /not NotAction/],
  ['NotResource', grant({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::x/*' }), 'iam-no-not-action', /NotResource/],
  ['AdministratorAccess attached', attach('arn:aws:iam::aws:policy/AdministratorAccess'), 'iam-no-admin-policy', /AdministratorAccess/],
  [
    'AdministratorAccess-Amplify (judged by content)',
    attach('arn:aws:iam::aws:policy/AdministratorAccess-Amplify'),
    'iam-no-admin-policy',
    /AdministratorAccess-Amplify, which grants/,
  ],
  [
    'ReadOnlyAccess (reads every bucket)',
    attach('arn:aws:iam::aws:policy/ReadOnlyAccess'),
    'iam-no-admin-policy',
    /ReadOnlyAccess, which grants .*reading all data on "\*" \(.*s3:GetObject/,
  ],
  ['PowerUserAccess', attach('arn:aws:iam::aws:policy/PowerUserAccess'), 'iam-no-admin-policy', /PowerUserAccess/],
  ['IAMFullAccess', attach('arn:aws:iam::aws:policy/IAMFullAccess'), 'iam-no-admin-policy', /IAMFullAccess/],
  [
    'S3 full access in managedPolicyArns',
    prop('payments-identity-role', 'managedPolicyArns', ['arn:aws:iam::aws:policy/AmazonS3FullAccess']),
    'iam-no-admin-policy',
    /AmazonS3FullAccess/,
  ],
  [
    'SecurityAudit (permissions reads on "*")',
    attach('arn:aws:iam::aws:policy/SecurityAudit'),
    'iam-no-admin-policy',
    /SecurityAudit, which grants/,
  ],
  [
    'iam:PutRolePolicy',
    grant(allow('iam:PutRolePolicy', `arn:aws:iam::${A}:role/${ROLE}`)),
    'iam-no-privilege-escalation',
    /iam:PutRolePolicy/,
  ],
  [
    'iam:AttachRolePolicy',
    grant(allow('iam:AttachRolePolicy', `arn:aws:iam::${A}:role/${ROLE}`)),
    'iam-no-privilege-escalation',
    /iam:AttachRolePolicy/,
  ],
  [
    'iam:CreatePolicyVersion',
    grant(allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/agentfence-payments-least-privilege`)),
    'iam-no-privilege-escalation',
    /iam:CreatePolicyVersion/,
  ],
  [
    'iam:CreateAccessKey',
    grant(allow('iam:CreateAccessKey', `arn:aws:iam::${A}:user/ops`)),
    'iam-no-privilege-escalation',
    /iam:CreateAccessKey/,
  ],
  [
    'lambda:UpdateFunctionCode',
    grant(allow('lambda:UpdateFunctionCode', TRANSFER)),
    'iam-no-privilege-escalation',
    /lambda:UpdateFunctionCode/,
  ],
  ['iam:PassRole on "*"', grant(allow('iam:PassRole', '*')), 'iam-no-privilege-escalation', /iam:PassRole/],
  [
    'iam:UpdateAssumeRolePolicy',
    grant(allow('iam:UpdateAssumeRolePolicy', `arn:aws:iam::${A}:role/${EXEC_ROLE}`)),
    'iam-no-privilege-escalation',
    /iam:UpdateAssumeRolePolicy/,
  ],
  [
    'iam:Put* wildcard',
    grant(allow('iam:Put*', `arn:aws:iam::${A}:role/${ROLE}`)),
    'iam-no-privilege-escalation',
    /iam:PutRolePolicy \(via iam:Put\*\)/,
  ],
  [
    'PassRole to the gate executor + lambda:CreateFunction in two statements',
    handRole(
      allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`),
      allow('lambda:CreateFunction', `arn:aws:lambda:eu-west-1:${A}:function:x`),
    ),
    'iam-escalation-paths',
    new RegExp(`role ${HAND} can pass role ${EXEC_ROLE} to lambda:CreateFunction`),
  ],
  [
    'PassRole to an admin role + ecs:RunTask in a separate role policy',
    chain(
      handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/admin`)),
      add('aws:iam/rolePolicy:RolePolicy', 'seeded-inline', {
        role: HAND,
        name: 'seeded',
        policy: doc(allow('ecs:RunTask', `arn:aws:ecs:eu-west-1:${A}:task-definition/x:1`)),
      }),
    ),
    'iam-escalation-paths',
    new RegExp(`role ${HAND} can pass role arn:aws:iam::${A}:role/admin to ecs:RunTask`),
  ],
  [
    'PassRole + glue:CreateJob in an attached managed policy',
    chain(
      handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`)),
      add('aws:iam/policy:Policy', 'seeded-glue', {
        name: 'seeded-glue',
        policy: doc(allow('glue:CreateJob', `arn:aws:glue:eu-west-1:${A}:job/x`)),
      }),
      add('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'seeded-glue-attach', {
        role: HAND,
        policyArn: `arn:aws:iam::${A}:policy/seeded-glue`,
      }),
    ),
    'iam-escalation-paths',
    new RegExp(`role ${HAND} can pass role ${EXEC_ROLE} to glue:CreateJob`),
  ],
  [
    'PassRole + an exclusive attachment set granting lambda:UpdateFunctionConfiguration',
    chain(
      handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`)),
      add('aws:iam/policy:Policy', 'seeded-cfg', {
        name: 'seeded-cfg',
        policy: doc(allow('lambda:UpdateFunctionConfiguration', TRANSFER)),
      }),
      add('aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive', 'seeded-set', {
        roleName: HAND,
        policyArns: [`arn:aws:iam::${A}:policy/seeded-cfg`],
      }),
    ),
    'iam-escalation-paths',
    /to lambda:UpdateFunctionConfiguration/,
  ],
  [
    'PassRole + cloudformation:CreateStack',
    handRole(
      allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`),
      allow('cloudformation:CreateStack', `arn:aws:cloudformation:eu-west-1:${A}:stack/x/*`),
    ),
    'iam-escalation-paths',
    /to cloudformation:CreateStack/,
  ],
  [
    'PassRole + an AgentCore runtime',
    handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`), allow('bedrock-agentcore:CreateAgentRuntime', '*')),
    'iam-escalation-paths',
    /to bedrock-agentcore:CreateAgentRuntime/,
  ],
  [
    'PassRole + ec2:RunInstances',
    handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`), allow('ec2:RunInstances', '*')),
    'iam-escalation-paths',
    /to ec2:RunInstances/,
  ],
  [
    'PassRole + AWS managed Lambda full access',
    chain(
      handRole(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`)),
      add('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'seeded-lfa', {
        role: HAND,
        policyArn: 'arn:aws:iam::aws:policy/AWSLambda_FullAccess',
      }),
    ),
    'iam-escalation-paths',
    /can pass role .* to lambda:CreateFunction/,
  ],
  [
    'AssumeRole into another account',
    handRole(allow('sts:AssumeRole', `arn:aws:iam::${OTHER}:role/x`)),
    'iam-escalation-paths',
    /can sts:AssumeRole on role arn:aws:iam::444455556666:role\/x, outside this stack or in another account/,
  ],
  ['AssumeRole on "*"', handRole(allow('sts:AssumeRole', '*')), 'iam-escalation-paths', /can sts:AssumeRole on any role/],
  [
    'AssumeRole on a role outside the stack',
    handRole(allow('sts:AssumeRole', `arn:aws:iam::${A}:role/ops-admin`)),
    'iam-escalation-paths',
    /ops-admin, outside this stack/,
  ],
  [
    'the agent boundary losing its deny of iam:*',
    chain(
      grantBoth(allow('iam:PassRole', `arn:aws:iam::${A}:role/${EXEC_ROLE}`), allow('lambda:CreateFunction', '*')),
      edit('payments-identity-boundary', 'policy', (d) => (d.Statement = d.Statement.filter((x) => x['Effect'] !== 'Deny'))),
    ),
    'iam-escalation-paths',
    new RegExp(`role ${ROLE} can pass role ${EXEC_ROLE} to lambda:CreateFunction`),
  ],
  [
    'paused without the kill switch',
    metadata((m) => (m['paused'] = true)),
    'agent-effective-permissions',
    /is paused and must be able to perform nothing/,
  ],
  [
    'a tool the policy does not grant',
    edit('payments-policy-policy', 'policy', (d) => (d.Statement = d.Statement.filter((s) => s['Sid'] !== 'ToolReadLedger'))),
    'agent-effective-permissions',
    /must be able to perform dynamodb:GetItem on .*table\/ledger for tool read-ledger \(got implicitly denied/,
  ],
  [
    'a boundary that blocks a tool',
    edit('payments-identity-boundary', 'policy', (d) => (d.Statement = d.Statement.filter((s) => s['Sid'] !== 'CapDynamodb'))),
    'agent-effective-permissions',
    /must be able to perform dynamodb:Query .* \(got implicitly denied under permissions boundary/,
  ],
  [
    'an explicit deny on a tool',
    grantBoth({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }),
    'agent-effective-permissions',
    /s3:GetObject .* for tool lookup-supplier \(got explicitly denied/,
  ],
  [
    'a high-risk tool granted directly',
    grantBoth(allow('lambda:InvokeFunction', TRANSFER)),
    'agent-effective-permissions',
    /must not be able to perform lambda:InvokeFunction on .*initiate-transfer of high-risk tool initiate-transfer directly/,
  ],
  [
    'the same, as the approval-gate rule sees it (no --config)',
    grantBoth(allow('lambda:InvokeFunction', TRANSFER)),
    'high-risk-actions-via-approval-gate',
    /of tool "initiate-transfer" must be reachable only through an approval gate/,
  ],
  [
    'a permissions-management grant',
    grantBoth(allow('kms:PutKeyPolicy', `arn:aws:kms:eu-west-1:${A}:key/k`)),
    'agent-effective-permissions',
    /must hold no Permissions management action \(got kms:PutKeyPolicy\)/,
  ],
  [
    'a bucket-policy write',
    grantBoth(allow('s3:PutBucketPolicy', 'arn:aws:s3:::acme-supplier-master')),
    'agent-effective-permissions',
    /s3:PutBucketPolicy/,
  ],
  [
    'a boundary of "*"',
    edit('payments-identity-boundary', 'policy', (d) => d.Statement.push(allow('*', '*'))),
    'iam-boundary-bounds',
    /must bound the role's permissions \(got every action/,
  ],
  [
    'a boundary with a whole service',
    edit('payments-identity-boundary', 'policy', (d) => d.Statement.push(allow('s3:*', '*'))),
    'iam-boundary-bounds',
    /every s3 action/,
  ],
  [
    'PowerUserAccess as the boundary',
    prop('payments-identity-role', 'permissionsBoundary', 'arn:aws:iam::aws:policy/PowerUserAccess'),
    'iam-boundary-bounds',
    /PowerUserAccess must bound/,
  ],
  [
    'trust: another account root',
    trust((s) => (s['Principal'] = { AWS: `arn:aws:iam::${OTHER}:root` })),
    'iam-role-trust-scoped',
    /not an account root/,
  ],
  [
    'trust: a role of another account',
    trust((s) => (s['Principal'] = { AWS: `arn:aws:iam::${OTHER}:role/ci` })),
    'iam-role-trust-scoped',
    /must not trust another account \(got "arn:aws:iam::444455556666:role\/ci"/,
  ],
  [
    'trust: SourceAccount of another account',
    trust((s) => ((s['Condition'] as Record<string, Record<string, string>>)['StringEquals']!['aws:SourceAccount'] = OTHER)),
    'iam-role-trust-scoped',
    /must name the role's own account 111122223333 \(got 444455556666\)/,
  ],
  [
    'trust: SourceArn of another account',
    trust(
      (s) =>
        ((s['Condition'] as Record<string, Record<string, string>>)['ArnLike']!['aws:SourceArn'] =
          `arn:aws:bedrock-agentcore:eu-west-1:${OTHER}:*`),
    ),
    'iam-role-trust-scoped',
    /got 444455556666/,
  ],
  [
    'trust: an OIDC provider',
    trust((s) => (s['Principal'] = { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` })),
    'iam-role-trust-scoped',
    /must be of type Service/,
  ],
  ['trust: anyone', trust((s) => (s['Principal'] = '*')), 'iam-role-trust-scoped', /must not trust any principal/],
  [
    'trust: no source condition',
    trust((s) => delete s['Condition']),
    'iam-role-trust-scoped',
    /must condition on aws:SourceAccount or aws:SourceArn/,
  ],
  ['an IAM user', add('aws:iam/user:User', 'ops', { name: 'ops' }), 'iam-no-users-or-access-keys', /must not exist in an agent stack/],
  [
    'an access key',
    add('aws:iam/accessKey:AccessKey', 'ops-key', { user: 'ops' }),
    'iam-no-users-or-access-keys',
    /aws:iam\/accessKey:AccessKey/,
  ],
  [
    'a public bucket policy',
    bucketPolicy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    'resource-policy-no-public-access',
    /must not allow public access/,
  ],
  [
    'a cross-account bucket grant',
    bucketPolicy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    }),
    'resource-policy-no-public-access',
    /must not grant access to another account/,
  ],
  [
    'a TLS Deny limited to one account',
    bucketPolicy({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': A } },
    }),
    'resource-policy-no-public-access',
    /Deny must apply to every caller/,
  ],
  [
    'a public queue',
    add('aws:sqs/queuePolicy:QueuePolicy', 'q', {
      queueUrl: 'https://q',
      policy: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:SendMessage', Resource: '*' }),
    }),
    'resource-policy-no-public-access',
    /public access/,
  ],
  [
    'a cross-account topic',
    add('aws:sns/topicPolicy:TopicPolicy', 't', {
      arn: 'arn:t',
      policy: doc({ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sns:Publish', Resource: '*' }),
    }),
    'resource-policy-no-public-access',
    /another account/,
  ],
  [
    'a public key policy',
    add('aws:kms/key:Key', 'k', { policy: doc({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }) }),
    'resource-policy-no-public-access',
    /public access/,
  ],
  [
    'a public secret',
    add('aws:secretsmanager/secretPolicy:SecretPolicy', 's', {
      secretArn: 'arn:s',
      policy: doc({ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
    }),
    'resource-policy-no-public-access',
    /public access/,
  ],
  [
    'a cross-account ECR repository',
    add('aws:ecr/repositoryPolicy:RepositoryPolicy', 'r', {
      repository: 'agentfence/payments',
      policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'ecr:BatchGetImage' }),
    }),
    'resource-policy-no-public-access',
    /another account/,
  ],
  [
    'a Lambda permission for anyone',
    add('aws:lambda/permission:Permission', 'p', { action: 'lambda:InvokeFunction', function: 'initiate-transfer', principal: '*' }),
    'resource-policy-no-public-access',
    /must not let anyone invoke/,
  ],
  [
    'a Lambda permission for S3 without sourceArn',
    add('aws:lambda/permission:Permission', 'p', {
      action: 'lambda:InvokeFunction',
      function: 'initiate-transfer',
      principal: 's3.amazonaws.com',
    }),
    'resource-policy-no-public-access',
    /must pin the calling service/,
  ],
  [
    'a Lambda permission for another account',
    add('aws:lambda/permission:Permission', 'p', { action: 'lambda:InvokeFunction', function: 'initiate-transfer', principal: OTHER }),
    'resource-policy-no-public-access',
    /must not grant another account/,
  ],
  [
    'an endpoint without a policy',
    prop('payments-network-endpoint-s3', 'policy', undefined),
    'vpc-endpoint-policy-scoped',
    /must have a policy limited to the agent's own resources \(got no policy: full access/,
  ],
  [
    'an endpoint policy open to all',
    prop('payments-network-endpoint-kms', 'policy', doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })),
    'vpc-endpoint-policy-scoped',
    /must allow only resources of account \d{12} \(got statement "without Sid" with Resource "\*"/,
  ],
  [
    'a service conditioned on another account',
    add('aws:sns/topicPolicy:TopicPolicy', 't2', {
      arn: 'arn:t',
      policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': OTHER } },
      }),
    }),
    'resource-policy-no-public-access',
    /must condition on this stack's account \(got 444455556666\)/,
  ],
  [
    'kms:* to root without conditions',
    add('aws:kms/key:Key', 'k2', {
      policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }),
    }),
    'kms-key-policy-root-wildcard',
    /must not allow kms:\* to the account root/,
  ],
];

/** [label, variation]: each must leave the plan without any finding. */
const compliant: [string, Mutate][] = [
  [
    'ecr:GetAuthorizationToken on "*" beside a scoped pull',
    grant(
      allow('ecr:GetAuthorizationToken', '*'),
      allow(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], `arn:aws:ecr:eu-west-1:${A}:repository/agentfence/payments`),
    ),
  ],
  [
    'an egress rule with protocol "6" to 443 through the firewall',
    add('aws:ec2/securityGroupRule:SecurityGroupRule', 'tls-egress', {
      type: 'egress',
      protocol: '6',
      fromPort: 443,
      toPort: 443,
      cidrBlocks: ['0.0.0.0/0'],
      securityGroupId: 'sg-1',
    }),
  ],
  [
    'a log group that never expires',
    add('aws:cloudwatch/logGroup:LogGroup', 'forever', {
      name: '/agentfence/payments/forever',
      retentionInDays: 0,
      kmsKeyId: `arn:aws:kms:eu-west-1:${A}:key/k`,
      tags: { 'agentfence:risk-tier': 'high' },
    }),
  ],
  [
    'an object-key prefix under the evidence bucket',
    grant(allow('s3:GetObject', 'arn:aws:s3:::agentfence-payments-payment-evidence-111122223333/2026/*')),
  ],
  ['the indexes of the ledger table', grant(allow('dynamodb:Query', [TABLE, `${TABLE}/index/*`]))],
  ['sts:GetCallerIdentity on "*"', grant(allow('sts:GetCallerIdentity', '*'))],
  ['ec2:DescribeNetworkInterfaces on "*"', grant(allow('ec2:DescribeNetworkInterfaces', '*'))],
  [
    'a bucket policy "*" pinned to the organisation',
    bucketPolicy({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    }),
  ],
  [
    'a TLS-only Deny for everyone',
    bucketPolicy({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  ],
  [
    'a Lambda permission pinned by sourceArn',
    add('aws:lambda/permission:Permission', 'p', {
      action: 'lambda:InvokeFunction',
      function: 'x',
      principal: 'bedrock-agentcore.amazonaws.com',
      sourceArn: `arn:aws:bedrock-agentcore:eu-west-1:${A}:gateway/g`,
    }),
  ],
  [
    'an SQS policy for SNS of this account',
    add('aws:sqs/queuePolicy:QueuePolicy', 'q', {
      queueUrl: 'https://q',
      policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: '*',
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:t` } },
      }),
    }),
  ],
  [
    'a second customer policy in the stack, scoped',
    extraPolicy('seeded-scoped', allow('s3:GetObject', 'arn:aws:s3:::acme-supplier-master/suppliers/index.json')),
  ],
  ['an explicit Deny the tools do not need', grant({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' })],
  [
    'a KMS grant pinned by kms:ViaService',
    grant(
      allow('kms:Decrypt', `arn:aws:kms:eu-west-1:${A}:key/*`, {
        Condition: { StringEquals: { 'kms:ViaService': `s3.eu-west-1.amazonaws.com` } },
      }),
    ),
  ],
  ['an AWS managed policy without broad grants (X-Ray writes)', attach('arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess')],
  [
    'a topic policy for CloudWatch of this account',
    add('aws:sns/topicPolicy:TopicPolicy', 't', {
      arn: 'arn:t',
      policy: doc({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': A } },
      }),
    }),
  ],
];

function run(seed: Mutate): readonly Finding[] {
  return evaluateRules(seed(clone(base)), { config: CONFIG }).findings;
}

describe('the IAM red-team corpus over the payments plan', () => {
  it('starts from a plan with no finding at all', () => {
    expect(run((p) => p).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  describe.each(misconfigurations)('when the plan has %s', (_label, seed, ruleId, message) => {
    it(`is caught by ${ruleId} with a message naming it`, () => {
      const findings = run(seed);
      const hit = findings.find((f) => f.ruleId === ruleId && message.test(f.message));
      expect(hit, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')).toBeDefined();
      expect(hit!.enforcementLevel).toBe(ruleId === 'kms-key-policy-root-wildcard' ? 'advisory' : 'mandatory');
    });
  });

  describe.each(compliant)('when the plan has %s', (_label, seed) => {
    it('passes without any finding', () => {
      expect(run(seed).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  });

  it('holds at least 60 misconfigurations and 15 compliant variations', () => {
    expect(misconfigurations.length).toBeGreaterThanOrEqual(60);
    expect(compliant.length).toBeGreaterThanOrEqual(15);
  });
});
