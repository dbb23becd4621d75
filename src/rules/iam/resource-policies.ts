/**
 * Resource policies an agent stack can carry (S3 bucket, KMS key, SNS topic, SQS queue, Secrets
 * Manager secret, Lambda permission, ECR repository), in the spirit of IAM Access
 * Analyzer's "no public access" check: no `*` principal without a condition that really pins the
 * caller, no grant to another account, no Deny neutralised by a condition that limits it to one
 * account, and (advisory) no unconditioned `kms:*` to root.
 */
import { allows, parsePolicyDocument, type PolicyStatement } from '../policy-document.js';
import { label, unknownViolation, violation } from '../violations.js';
import type { PlannedResource, ResourceRule, StackRule, StackView, Violation } from '../types.js';
import { isRecord, isUnknown, show } from '../values.js';

const ASI03 = 'ASI03 Identity & Privilege Abuse';

/**
 * Resource types with a resource policy, and the property that holds it. VPC endpoint policies are
 * not here: they decide which resources traffic through the endpoint may reach, not who may call a
 * resource, and `vpc-endpoint-policy-scoped` judges them (missing, or reaching beyond the agent).
 */
export const RESOURCE_POLICY_TYPES: Readonly<Record<string, string>> = {
  'aws:s3/bucketPolicy:BucketPolicy': 'policy',
  'aws:kms/key:Key': 'policy',
  'aws:kms/keyPolicy:KeyPolicy': 'policy',
  'aws:sns/topic:Topic': 'policy',
  'aws:sns/topicPolicy:TopicPolicy': 'policy',
  'aws:sqs/queue:Queue': 'policy',
  'aws:sqs/queuePolicy:QueuePolicy': 'policy',
  'aws:secretsmanager/secretPolicy:SecretPolicy': 'policy',
  'aws:ecr/repositoryPolicy:RepositoryPolicy': 'policy',
};

const LAMBDA_PERMISSION = 'aws:lambda/permission:Permission';

/** Condition keys that pin who may call, when matched positively against concrete values. */
const CALLER_KEYS = new Set([
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:userid',
  'kms:calleraccount',
  'aws:resourceaccount',
]);

/** The 12-digit accounts a string names: a bare id, or the account field of an ARN. */
function accountIn(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const field = value.split(':')[4];
  return field !== undefined && /^\d{12}$/.test(field) ? field : undefined;
}

/** Positive caller-pinning conditions of a statement, with the accounts they name. */
function callerPins(statement: PolicyStatement): { pinned: boolean; accounts: string[] } {
  let pinned = false;
  const accounts: string[] = [];
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (/not|ifexists|null/i.test(operator) || !isRecord(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      if (!CALLER_KEYS.has(key.toLowerCase())) continue;
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
      if (values.length === 0 || values.some((v) => v === '*' || v === '')) continue;
      pinned = true;
      for (const value of values) {
        const account = accountIn(value);
        if (account !== undefined) accounts.push(account);
      }
    }
  }
  return { pinned, accounts };
}

/** The accounts of the stack: every account in the ARNs of its roles and policies (and their boundaries). */
export function stackAccounts(stack: StackView): ReadonlySet<string> {
  const accounts = new Set<string>();
  for (const resource of stack.ofType('aws:iam/role:Role', 'aws:iam/policy:Policy')) {
    for (const key of ['arn', 'permissionsBoundary']) {
      const value = resource.props[key];
      if (typeof value === 'string') {
        const account = accountIn(value);
        if (account !== undefined) accounts.add(account);
      }
    }
  }
  return accounts;
}

interface Judged {
  readonly statements: readonly PolicyStatement[];
}

function documentOf(resource: PlannedResource, key: string): Judged | Violation | undefined {
  const parsed = parsePolicyDocument(resource.props[key]);
  switch (parsed.kind) {
    case 'document':
      return { statements: parsed.statements };
    case 'absent':
      return undefined;
    case 'unknown':
      return unknownViolation(resource, key);
    case 'secret':
      return violation(resource, `${label(resource)} ${key} must be readable to be judged (got a secret)`);
    case 'invalid':
      return violation(resource, `${label(resource)} ${key} must be a valid policy document (got: ${parsed.reason})`);
    default:
      throw new Error('unreachable');
  }
}

/** What is wrong with one resource policy, given the stack's own accounts. */
export function judgeResourcePolicy(
  resource: PlannedResource,
  statements: readonly PolicyStatement[],
  own: ReadonlySet<string>,
): Violation[] {
  const out: Violation[] = [];
  const subject = `${label(resource)} policy`;
  for (const statement of statements) {
    const sid = statement.sid === undefined ? '' : ` statement ${JSON.stringify(statement.sid)}`;
    if (allows(statement)) {
      const pins = callerPins(statement);
      for (const principal of statement.principals) {
        if (isUnknown(principal.value)) {
          out.push(unknownViolation(resource, 'a policy principal'));
          continue;
        }
        const value = typeof principal.value === 'string' ? principal.value : '';
        // A "*" principal is public unless a condition pins the caller to concrete accounts, ARNs, an org or an endpoint.
        if ((principal.type === '*' || (principal.type === 'AWS' && value === '*')) && !pins.pinned) {
          out.push(
            violation(
              resource,
              `${subject}${sid} must not allow public access (got Principal "*" without a condition that pins the caller)`,
            ),
          );
          continue;
        }
        const account = principal.type === 'AWS' ? accountIn(value) : undefined;
        // A principal of another account is a cross-account grant.
        if (account !== undefined && own.size > 0 && !own.has(account)) {
          out.push(
            violation(resource, `${subject}${sid} must not grant access to another account (got ${show(value)}, account ${account})`),
          );
        }
      }
      if (statement.hasNotPrincipal)
        out.push(violation(resource, `${subject}${sid} must not use NotPrincipal in an Allow (got NotPrincipal)`));
      // A service principal pinned to another account's SourceAccount/SourceArn serves that account.
      const foreign = pins.accounts.filter((a) => own.size > 0 && !own.has(a));
      if (foreign.length > 0)
        out.push(violation(resource, `${subject}${sid} must condition on this stack's account (got ${[...new Set(foreign)].join(', ')})`));
    } else {
      // A Deny (e.g. TLS only) narrowed by a positive caller condition applies to that caller only: neutralised for everyone else.
      const pins = callerPins(statement);
      if (pins.pinned) {
        out.push(
          violation(
            resource,
            `${subject}${sid} Deny must apply to every caller, not only to the ones its condition names (got a Deny limited by ${Object.values(
              statement.conditions,
            )
              .flatMap((b) => (isRecord(b) ? Object.keys(b) : []))
              .join(', ')})`,
          ),
        );
      }
    }
  }
  return out;
}

/** No public, cross-account or neutralised resource policies. */
export const resourcePolicyNoPublicAccess: StackRule = {
  kind: 'stack',
  id: 'resource-policy-no-public-access',
  title: 'Resource policies grant no public or cross-account access',
  description:
    'Checks whether any resource policy (S3 bucket, KMS key, SNS topic, SQS queue, Secrets Manager secret, ECR repository, Lambda permission) allows a "*" principal without a condition pinning the caller, grants another account, conditions a service on another account, or limits a Deny to named callers. VPC endpoint policies are judged by vpc-endpoint-policy-scoped.',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03, 'ASI02 Tool Misuse & Exploitation'],
  checkov: 'CKV_AWS_70',
  defaultEnforcement: 'mandatory',
  remediation: "Name the stack's own principals, and add aws:SourceAccount/aws:SourceArn or aws:PrincipalOrgID conditions.",
  evaluateStack(stack) {
    const own = stackAccounts(stack);
    const out: Violation[] = [];
    for (const [type, key] of Object.entries(RESOURCE_POLICY_TYPES)) {
      for (const resource of stack.ofType(type)) {
        const judged = documentOf(resource, key);
        if (judged === undefined) continue;
        if ('message' in judged) {
          out.push(judged);
          continue;
        }
        out.push(...judgeResourcePolicy(resource, judged.statements, own));
      }
    }
    for (const permission of stack.ofType(LAMBDA_PERMISSION)) {
      const principal = permission.props['principal'];
      if (isUnknown(principal)) {
        out.push(unknownViolation(permission, 'principal'));
        continue;
      }
      const value = typeof principal === 'string' ? principal : '';
      const pinned = ['sourceArn', 'sourceAccount', 'principalOrgId'].some(
        (key) => typeof permission.props[key] === 'string' && permission.props[key] !== '',
      );
      if (value === '*' && !pinned)
        out.push(
          violation(
            permission,
            `${label(permission)} must not let anyone invoke the function (got principal "*" without sourceArn, sourceAccount or principalOrgId)`,
          ),
        );
      const account = accountIn(value);
      if (account !== undefined && own.size > 0 && !own.has(account))
        out.push(violation(permission, `${label(permission)} must not grant another account (got principal ${show(value)})`));
      if (value.endsWith('.amazonaws.com') && !pinned)
        out.push(
          violation(
            permission,
            `${label(permission)} must pin the calling service with sourceArn or sourceAccount (got ${show(value)} unconditioned)`,
          ),
        );
      const sourceAccount = permission.props['sourceAccount'];
      if (typeof sourceAccount === 'string' && own.size > 0 && !own.has(sourceAccount))
        out.push(violation(permission, `${label(permission)} sourceAccount must be this stack's account (got ${sourceAccount})`));
    }
    return out;
  },
};

/** `kms:*` to the account root with no condition delegates the key wholesale to IAM (advisory). */
export const kmsKeyPolicyRootWildcard: ResourceRule = {
  kind: 'resource',
  id: 'kms-key-policy-root-wildcard',
  title: 'Key policies do not hand kms:* to the account root',
  description:
    'Checks whether a KMS key policy allows kms:* (or *) to an account root principal without conditions, which lets any IAM policy in the account use and manage the key.',
  severity: 'medium',
  pillar: 'identity',
  owasp: [ASI03],
  defaultEnforcement: 'advisory',
  remediation:
    'Grant the root only the administrative actions (as the agentfence key policy does) and name the principals that use the key.',
  types: ['aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'],
  evaluate(resource) {
    const judged = documentOf(resource, 'policy');
    if (judged === undefined || 'message' in judged) return judged === undefined ? [] : [judged];
    return judged.statements
      .filter((s) => allows(s) && Object.keys(s.conditions).length === 0)
      .filter(
        (s) =>
          s.actions.some((a) => a === '*' || a === 'kms:*') &&
          s.principals.some((p) => p.type === 'AWS' && typeof p.value === 'string' && /(^\d{12}$|:root$)/.test(p.value)),
      )
      .map(() =>
        violation(resource, `${label(resource)} policy must not allow kms:* to the account root without conditions (got kms:* to root)`),
      );
  },
};
