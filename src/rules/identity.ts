/**
 * Identity rules: each agent has its own role, trusted by exactly one service principal under
 * SourceAccount/SourceArn conditions, fenced by a permissions boundary, with short sessions and tags.
 */
import { assertNever } from '../errors.js';
import { allows, conditionKeys, parsePolicyDocument, type PolicyStatement } from './policy-document.js';
import { label, secretViolation, showList, tagsOf, unknownViolation, urnTypeChain, violation } from './violations.js';
import type { PlannedResource, ResourceRule, StackRule, Violation } from './types.js';
import { isRecord, isSecret, isUnknown, show } from './values.js';

const ROLE = 'aws:iam/role:Role';
const RUNTIME = 'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime';
const ASI03 = 'ASI03 Identity & Privilege Abuse';

type TrustConfig = { allowedPrincipalTypes: string[]; requireSourceConditions: boolean };

const SOURCE_KEYS: ReadonlySet<string> = new Set(['aws:sourceaccount', 'aws:sourcearn']);

/**
 * Whether a statement pins aws:SourceAccount or aws:SourceArn: a positive match (StringEquals,
 * StringLike, ArnEquals, ArnLike) that requires the key (no IfExists) to something other than "*".
 */
function scopesSource(statement: PolicyStatement): boolean {
  return Object.entries(statement.conditions).some(([operator, block]) => {
    if (!/^(?:for(?:any|all)value:)?(?:string(?:equals|like)|arn(?:equals|like))$/i.test(operator) || !isRecord(block)) return false;
    return Object.entries(block).some(([key, value]) => {
      if (!SOURCE_KEYS.has(key.toLowerCase())) return false;
      const values = Array.isArray(value) ? value : [value];
      return values.length > 0 && values.every((v) => typeof v === 'string' && v !== '' && v !== '*');
    });
  });
}

/** Trust policy scoped to one service principal with SourceAccount/SourceArn conditions. */
export const iamRoleTrustScoped: ResourceRule<TrustConfig> = {
  kind: 'resource',
  id: 'iam-role-trust-scoped',
  title: 'Role trust policy is scoped to one service',
  description:
    'Checks whether an IAM role can be assumed only by one service principal (never "*", an account root or another account) under aws:SourceAccount or aws:SourceArn conditions.',
  severity: 'critical',
  pillar: 'identity',
  owasp: [ASI03, 'ASI10 Rogue Agents'],
  checkov: 'CKV_AWS_60',
  defaultEnforcement: 'mandatory',
  remediation: 'Trust exactly the runtime service principal and add aws:SourceAccount / aws:SourceArn conditions.',
  configSchema: {
    type: 'object',
    properties: {
      allowedPrincipalTypes: { type: 'array', items: { enum: ['Service', 'AWS', 'Federated'] }, default: ['Service'] },
      requireSourceConditions: { type: 'boolean', default: true },
    },
    additionalProperties: false,
  },
  types: [ROLE],
  evaluate(resource, config) {
    const parsed = parsePolicyDocument(resource.props['assumeRolePolicy']);
    const subject = `${label(resource)} trust policy`;
    switch (parsed.kind) {
      case 'unknown':
        return [unknownViolation(resource, 'the trust policy')];
      case 'secret':
        return [secretViolation(resource, 'the trust policy')];
      case 'absent':
        return [violation(resource, `${subject} must be set (got not set)`)];
      case 'invalid':
        return [violation(resource, `${subject} must be a valid policy document (got: ${parsed.reason})`)];
      case 'document':
        break;
      default:
        assertNever(parsed, 'a parsed policy document');
    }
    const out: Violation[] = [];
    const services = new Set<string>();
    const own = roleAccount(resource);
    for (const statement of parsed.statements.filter(allows)) {
      if (statement.hasNotPrincipal) out.push(violation(resource, `${subject} must not use NotPrincipal (got NotPrincipal)`));
      // SourceAccount/SourceArn naming another account hands the role to that account's resources.
      for (const account of sourceAccounts(statement)) {
        if (own !== undefined && account !== own)
          out.push(
            violation(resource, `${subject} aws:SourceAccount/aws:SourceArn must name the role's own account ${own} (got ${account})`),
          );
      }
      for (const principal of statement.principals) {
        const account = principal.type === 'AWS' && typeof principal.value === 'string' ? accountOf(principal.value) : undefined;
        const allowedType = config.allowedPrincipalTypes.includes(principal.type);
        if (
          !isUnknown(principal.value) &&
          account !== undefined &&
          own !== undefined &&
          account !== own &&
          !/(^\d{12}$|:root$)/.test(String(principal.value))
        ) {
          out.push(violation(resource, `${subject} must not trust another account (got ${show(principal.value)}, account ${account})`));
        }
        // An OIDC provider without aud and sub conditions lets any workload of that provider in.
        if (
          allowedType &&
          principal.type === 'Federated' &&
          typeof principal.value === 'string' &&
          !/saml-provider\//.test(principal.value) &&
          !pinsOidc(statement)
        ) {
          out.push(
            violation(
              resource,
              `${subject} must condition a federated (OIDC) principal on both its aud and sub claims (got ${show(principal.value)} with ${showList([...conditionKeys(statement)]) || 'no conditions'})`,
            ),
          );
        }
        if (isUnknown(principal.value)) {
          out.push(unknownViolation(resource, 'a trust policy principal'));
        } else if (principal.value === '*' || principal.type === '*') {
          out.push(violation(resource, `${subject} must not trust any principal (got "*")`));
        } else if (principal.type === 'AWS' && typeof principal.value === 'string' && /(^\d{12}$|:root$)/.test(principal.value)) {
          out.push(violation(resource, `${subject} must trust a service principal, not an account root (got ${show(principal.value)})`));
        } else if (!config.allowedPrincipalTypes.includes(principal.type)) {
          out.push(
            violation(
              resource,
              `${subject} principal must be of type ${config.allowedPrincipalTypes.join('|')} (got ${principal.type} ${show(principal.value)})`,
            ),
          );
        } else if (principal.type === 'Service' && typeof principal.value === 'string') {
          services.add(principal.value);
        }
      }
      if (config.requireSourceConditions && statement.principals.some((p) => p.type === 'Service')) {
        const keys = conditionKeys(statement);
        if (!scopesSource(statement)) {
          out.push(
            violation(
              resource,
              `${subject} must condition on aws:SourceAccount or aws:SourceArn (got ${keys.size === 0 ? 'no conditions' : showList([...keys])})`,
            ),
          );
        }
      }
    }
    if (services.size > 1) {
      out.push(violation(resource, `${subject} must trust exactly one service principal (got ${showList([...services].sort())})`));
    }
    return out;
  },
};

function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const field = value.split(':')[4];
  return field !== undefined && /^\d{12}$/.test(field) ? field : undefined;
}

/** The role's own account: from its ARN, else from its permissions boundary's ARN. */
function roleAccount(resource: PlannedResource): string | undefined {
  for (const key of ['arn', 'permissionsBoundary']) {
    const value = resource.props[key];
    if (typeof value === 'string') {
      const account = accountOf(value);
      if (account !== undefined) return account;
    }
  }
  return undefined;
}

/** Accounts named by positive aws:SourceAccount / aws:SourceArn conditions. */
function sourceAccounts(statement: PolicyStatement): string[] {
  const out: string[] = [];
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (/not/i.test(operator) || !isRecord(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      if (!SOURCE_KEYS.has(key.toLowerCase())) continue;
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        const account = typeof value === 'string' ? accountOf(value) : undefined;
        if (account !== undefined) out.push(account);
      }
    }
  }
  return out;
}

/** Whether an OIDC trust statement pins both the audience and the subject claim to concrete values. */
function pinsOidc(statement: PolicyStatement): boolean {
  const pinned = new Set<string>();
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (/not|ifexists/i.test(operator) || !isRecord(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      const values = Array.isArray(raw) ? raw : [raw];
      if (values.length === 0 || values.some((v) => typeof v !== 'string' || v === '' || v === '*')) continue;
      const claim = key.toLowerCase().split(':').pop();
      if (claim === 'aud' || claim === 'sub') pinned.add(claim);
    }
  }
  return pinned.has('aud') && pinned.has('sub');
}

/** Service principals of compute that runs an agent: a role they assume is an agent identity. */
const RUNTIME_PRINCIPALS = /^(bedrock-agentcore|bedrock|lambda|ecs-tasks|pods\.eks|ec2)\./;

/**
 * Whether a role is an agent's own identity: under an AgentIdentity component, or (in stacks not
 * built from our components) assumable by agent compute. Service roles of our other components
 * (gate executors, flow logs, trails, gateways) are not. An unreadable trust policy counts as an
 * agent role: fail closed.
 */
export function isAgentRole(resource: PlannedResource): boolean {
  const chain = urnTypeChain(resource.urn).slice(0, -1);
  if (chain.includes('agentfence:aws:AgentIdentity')) return true;
  if (chain.some((type) => type.startsWith('agentfence:'))) return false;
  const parsed = parsePolicyDocument(resource.props['assumeRolePolicy']);
  if (parsed.kind !== 'document') return true;
  return parsed.statements.some((st) =>
    st.principals.some((p) => p.type === 'Service' && (typeof p.value !== 'string' || RUNTIME_PRINCIPALS.test(p.value))),
  );
}

type BoundaryConfig = { scope: 'agent-roles' | 'all-roles' };

/** A permissions boundary caps whatever policies get attached to an agent's role later. */
export const iamRolePermissionsBoundary: ResourceRule<BoundaryConfig> = {
  kind: 'resource',
  id: 'iam-role-permissions-boundary',
  title: 'Agent roles have a permissions boundary',
  description:
    'Checks whether an agent role (under an AgentIdentity, or assumable by agent compute: AgentCore, Lambda, ECS tasks, EKS pods, EC2) has a permissions boundary attached, so later grants cannot exceed it.',
  severity: 'high',
  pillar: 'identity',
  owasp: [ASI03],
  defaultEnforcement: 'mandatory',
  remediation: "Set permissionsBoundary to the organisation's agent boundary policy ARN.",
  configSchema: {
    type: 'object',
    properties: { scope: { enum: ['agent-roles', 'all-roles'], default: 'agent-roles' } },
    additionalProperties: false,
  },
  types: [ROLE],
  evaluate(resource, config) {
    if (config.scope === 'agent-roles' && !isAgentRole(resource)) return [];
    const boundary = resource.props['permissionsBoundary'];
    if (isUnknown(boundary)) return [unknownViolation(resource, 'permissionsBoundary')];
    if (typeof boundary !== 'string' || boundary === '') {
      return [
        violation(resource, `${label(resource)} must have a permissions boundary (got ${show(boundary === '' ? undefined : boundary)})`),
      ];
    }
    return [];
  },
};

type SessionConfig = { maxSeconds: number };

/** Short sessions limit how long stolen credentials stay useful. */
export const iamRoleSessionDuration: ResourceRule<SessionConfig> = {
  kind: 'resource',
  id: 'iam-role-session-duration',
  title: 'Role sessions last at most one hour',
  description: "Checks whether an IAM role's maximum session duration is at most the configured limit (default 3600 s).",
  severity: 'medium',
  pillar: 'identity',
  owasp: [ASI03],
  defaultEnforcement: 'mandatory',
  remediation: 'Set maxSessionDuration to 3600 or less.',
  configSchema: {
    type: 'object',
    properties: { maxSeconds: { type: 'integer', minimum: 900, maximum: 43200, default: 3600 } },
    additionalProperties: false,
  },
  types: [ROLE],
  evaluate(resource, config) {
    // The provider default is 3600 s when the input is absent.
    const value = resource.props['maxSessionDuration'] ?? 3600;
    if (isUnknown(value)) return [unknownViolation(resource, 'maxSessionDuration')];
    if (typeof value !== 'number' || value > config.maxSeconds) {
      return [violation(resource, `${label(resource)} maxSessionDuration must be at most ${config.maxSeconds} s (got ${show(value)})`)];
    }
    return [];
  },
};

type TagsConfig = { requiredTags: string[] };

/** Ownership tags make every agent resource attributable and its kill switch findable. */
export const agentRequiredTags: ResourceRule<TagsConfig> = {
  kind: 'resource',
  id: 'agent-required-tags',
  title: 'Agent identities carry ownership tags',
  description:
    'Checks whether agent roles and runtimes carry the required tags (default agentfence:agent, agentfence:owner, agentfence:risk-tier).',
  severity: 'low',
  pillar: 'identity',
  owasp: ['ASI10 Rogue Agents'],
  defaultEnforcement: 'advisory',
  remediation: 'Add the required tags to the role and the runtime.',
  configSchema: {
    type: 'object',
    properties: {
      requiredTags: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: ['agentfence:agent', 'agentfence:owner', 'agentfence:risk-tier'],
      },
    },
    additionalProperties: false,
  },
  types: [ROLE, RUNTIME],
  evaluate(resource, config) {
    const raw = resource.props['tags'];
    if (isUnknown(raw)) return [unknownViolation(resource, 'tags')];
    const tags = tagsOf(resource) ?? {};
    const missing = config.requiredTags.filter((key) => {
      const value = tags[key];
      return value === undefined || value === '' || (typeof value !== 'string' && !isUnknown(value));
    });
    if (missing.length === 0) return [];
    return [violation(resource, `${label(resource)} must have tags ${showList(config.requiredTags)} (got missing ${showList(missing)})`)];
  },
};

const ROLE_REFERENCES: readonly (readonly [string, string])[] = [
  [RUNTIME, 'roleArn'],
  ['aws:lambda/function:Function', 'role'],
  ['aws:ecs/taskDefinition:TaskDefinition', 'taskRoleArn'],
];

/** No role may serve two agents or runtimes: one identity per agent. */
export const iamRoleOnePerAgent: StackRule = {
  kind: 'stack',
  id: 'iam-role-one-per-agent',
  title: 'One role per agent',
  description:
    'Checks whether every agent runtime (AgentCore runtime, Lambda function, ECS task) has a role of its own, not shared with another runtime.',
  severity: 'high',
  pillar: 'identity',
  owasp: [ASI03, 'ASI07 Insecure Inter-Agent Communication'],
  defaultEnforcement: 'mandatory',
  remediation: 'Give each agent runtime its own IAM role (AgentIdentity).',
  evaluateStack(stack) {
    const users = new Map<string, PlannedResource[]>();
    const out: Violation[] = [];
    for (const [type, prop] of ROLE_REFERENCES) {
      for (const resource of stack.ofType(type)) {
        const role = resource.props[prop];
        if (isUnknown(role)) {
          out.push(unknownViolation(resource, prop));
          continue;
        }
        if (isSecret(role) || typeof role !== 'string' || role === '') continue;
        users.set(role, [...(users.get(role) ?? []), resource]);
      }
    }
    for (const [role, runtimes] of users) {
      if (runtimes.length < 2) continue;
      for (const runtime of runtimes) {
        const others = runtimes.filter((r) => r !== runtime).map((r) => r.name);
        out.push(
          violation(runtime, `${label(runtime)} must have a role of its own (got role ${show(role)} shared with ${showList(others)})`),
        );
      }
    }
    return out;
  },
};

/** Long-lived credentials have no place in an agent stack: agents use roles. */
export const iamNoUsersOrAccessKeys: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-users-or-access-keys',
  title: 'No IAM users or access keys',
  description:
    'Checks whether the stack creates IAM users, access keys or console login profiles, whose long-lived credentials an agent stack never needs.',
  severity: 'high',
  pillar: 'identity',
  owasp: [ASI03],
  checkov: 'CKV_AWS_273',
  defaultEnforcement: 'mandatory',
  remediation: 'Use the agent role (AgentIdentity) and short-lived sessions instead of IAM users and keys.',
  types: ['aws:iam/user:User', 'aws:iam/accessKey:AccessKey', 'aws:iam/userLoginProfile:UserLoginProfile'],
  evaluate(resource) {
    return [
      violation(
        resource,
        `${label(resource)} must not exist in an agent stack: agents use roles, not long-lived credentials (got ${resource.type})`,
      ),
    ];
  },
};

export const identityRules = [
  iamNoUsersOrAccessKeys,
  iamRoleTrustScoped,
  iamRolePermissionsBoundary,
  iamRoleSessionDuration,
  agentRequiredTags,
  iamRoleOnePerAgent,
] as const;
