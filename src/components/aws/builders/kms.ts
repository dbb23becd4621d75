/**
 * Pure builders for customer-managed KMS key policies. Administrators manage a key (no wildcard actions) but cannot use it;
 * only the named principals (the agent role, a service under an encryption-context condition) can.
 */
import { type AwsScope, accountRootArn, dnsSuffixOf } from './arn.js';
import { type PolicyDocument, type Statement, toPolicyDocument } from './policy-document.js';

/** What key administrators may do: manage, never encrypt or decrypt. */
export const KEY_ADMIN_ACTIONS: readonly string[] = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RevokeGrant',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];

/** What a data principal may do with a key. */
export const KEY_USE_ACTIONS: readonly string[] = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/** A principal allowed to use the key, optionally only through one service. */
export interface KeyUser {
  readonly sid: string;
  /** IAM principal ARN(s) (`AWS`) or a service principal (`Service`). */
  readonly principal: { readonly AWS: string | readonly string[] } | { readonly Service: string };
  readonly actions?: readonly string[];
  readonly condition?: Statement['Condition'];
}

/**
 * A key policy. In a key policy `Resource: "*"` means "this key" (AWS requires it). Administrators
 * default to the account root, i.e. IAM principals the account has granted key administration.
 */
export function buildKeyPolicy(
  scope: AwsScope,
  users: readonly KeyUser[],
  admins: readonly string[] = [accountRootArn(scope)],
): PolicyDocument {
  return toPolicyDocument([
    { Sid: 'KeyAdministration', Effect: 'Allow', Principal: { AWS: [...admins] }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' },
    ...users.map((user): Statement => ({
      Sid: user.sid,
      Effect: 'Allow',
      Principal: user.principal,
      Action: [...(user.actions ?? KEY_USE_ACTIONS)],
      Resource: '*',
      ...(user.condition !== undefined ? { Condition: user.condition } : {}),
    })),
  ]);
}

/** CloudWatch Logs may use the key only for the named log group(s) (encryption-context condition). */
export function logsKeyUser(scope: AwsScope, logGroupArns: readonly string[]): KeyUser {
  return {
    sid: 'CloudWatchLogsForAgentLogGroups',
    principal: { Service: `logs.${scope.region}.${dnsSuffixOf(scope.region)}` },
    actions: KEY_USE_ACTIONS,
    condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': [...logGroupArns] } },
  };
}
