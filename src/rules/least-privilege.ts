/**
 * Least-privilege rules over every identity policy in the plan (managed, inline, role/user/group
 * policies): explicit actions on explicit resources, no NotAction/NotResource, no admin managed
 * policies, no privilege-escalation actions, and high-risk actions only through an approval gate.
 */
import { assertNever } from '../errors.js';
import { allows, parsePolicyDocument, type PolicyStatement, strings } from './policy-document.js';
import { isUnder, label, secretViolation, showList, unknownViolation, violation } from './violations.js';
import type { PlannedResource, ResourceRule, StackRule, Violation } from './types.js';
import { agentEnvironments, isGatedTool } from './iam/agent-metadata.js';
import { expandAction, findAction, type IamAction, isPermissionsManagement } from './iam/data.js';
import { awsManagedPolicyName, awsManagedPolicyStatements } from './iam/managed.js';
import { kmsKeyPolicyRootWildcard, resourcePolicyNoPublicAccess } from './iam/resource-policies.js';
import { agentEffectivePermissions, broadGrants, iamBoundaryBounds, iamEscalationPaths } from './iam/rules.js';
import { policyArnScope } from './iam/wildcards.js';
import { iamGlob, isRecord, isSecret, isUnknown, show } from './values.js';

const ASI03 = 'ASI03 Identity & Privilege Abuse';
const ASI02 = 'ASI02 Tool Misuse & Exploitation';

/** Resource types that carry identity policy documents, and where. */
export const POLICY_TYPES = [
  'aws:iam/policy:Policy',
  'aws:iam/rolePolicy:RolePolicy',
  'aws:iam/userPolicy:UserPolicy',
  'aws:iam/groupPolicy:GroupPolicy',
  'aws:iam/role:Role',
] as const;

export interface PolicyView {
  readonly resource: PlannedResource;
  /** Which document: `policy` or `inlinePolicies[0].policy`. */
  readonly where: string;
  readonly statements: readonly PolicyStatement[];
}

/**
 * Every identity policy document of a resource. Unknown, secret and malformed documents become
 * violations (never a pass) in `problems`.
 */
export function identityPolicies(resource: PlannedResource): { views: PolicyView[]; problems: Violation[] } {
  const sources: [string, unknown][] = [];
  if (resource.type === 'aws:iam/role:Role') {
    const inline = resource.props['inlinePolicies'];
    if (isUnknown(inline)) return { views: [], problems: [unknownViolation(resource, 'inlinePolicies')] };
    if (isSecret(inline)) return { views: [], problems: [secretViolation(resource, 'inlinePolicies')] };
    if (Array.isArray(inline)) {
      inline.forEach((entry, index) => {
        // An entry that is not an object (unknown, secret, malformed) is reported by the parser.
        if (isRecord(entry)) sources.push([`inlinePolicies[${index}].policy`, entry['policy']]);
        else sources.push([`inlinePolicies[${index}]`, entry]);
      });
    }
  } else {
    sources.push(['policy', resource.props['policy']]);
  }
  const views: PolicyView[] = [];
  const problems: Violation[] = [];
  for (const [where, value] of sources) {
    const parsed = parsePolicyDocument(value);
    switch (parsed.kind) {
      case 'document':
        views.push({ resource, where, statements: parsed.statements });
        break;
      case 'unknown':
        problems.push(unknownViolation(resource, where));
        break;
      case 'secret':
        problems.push(secretViolation(resource, where));
        break;
      case 'invalid':
        problems.push(violation(resource, `${label(resource)} ${where} must be a valid policy document (got: ${parsed.reason})`));
        break;
      case 'absent':
        if (resource.type !== 'aws:iam/role:Role')
          problems.push(violation(resource, `${label(resource)} ${where} must be set (got not set)`));
        break;
      default:
        assertNever(parsed, 'a parsed policy document');
    }
  }
  return { views, problems };
}

/** Runs `check` over every Allow statement of every identity policy of the resource. */
function overAllowStatements(resource: PlannedResource, check: (statement: PolicyStatement, view: PolicyView) => Violation[]): Violation[] {
  const { views, problems } = identityPolicies(resource);
  return [...problems, ...views.flatMap((view) => view.statements.filter(allows).flatMap((statement) => check(statement, view)))];
}

function where(view: PolicyView, statement: PolicyStatement): string {
  return `${label(view.resource)} ${view.where}${statement.sid ? ` statement ${JSON.stringify(statement.sid)}` : ''}`;
}

/** No wildcard in actions: every action is named. */
export const iamNoWildcardAction: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-wildcard-action',
  title: 'No wildcard actions',
  description: 'Checks whether any Allow statement of an identity policy grants "*", "service:*" or any other wildcard action.',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03, ASI02],
  checkov: 'CKV_AWS_63',
  defaultEnforcement: 'mandatory',
  remediation: 'List the exact actions each tool needs.',
  types: POLICY_TYPES,
  evaluate(resource) {
    return overAllowStatements(resource, (statement, view) => {
      const { values, unknown } = strings(statement.actions);
      const out: Violation[] = [];
      if (unknown) out.push(unknownViolation(resource, `${view.where} actions`));
      const wild = values.filter((action) => action.includes('*') || action.includes('?'));
      // Expanded exactly on AWS's data: the message says what the wildcard really grants.
      if (wild.length > 0)
        out.push(
          violation(resource, `${where(view, statement)} must name explicit actions (got ${wild.map(describeExpansion).join(', ')})`),
        );
      return out;
    });
  },
};

/** `"s3:Get*" (63 actions, incl. Permissions management s3:GetBucketPolicy...)`. */
function describeExpansion(pattern: string): string {
  const actions = expandAction(pattern);
  const managing = actions.filter(isPermissionsManagement).map((a) => a.name);
  const writes = actions.filter((a) => a.accessLevels.includes('Write')).length;
  const parts = [`${actions.length} actions`];
  if (writes > 0) parts.push(`${writes} Write`);
  if (managing.length > 0) parts.push(`Permissions management: ${managing.slice(0, 3).join(', ')}${managing.length > 3 ? ', ...' : ''}`);
  return `${show(pattern)} (${parts.join('; ')})`;
}

/** Whether an action has no resource-level permissions per AWS's data (so `*` is its only resource) and touches no data. */
function starOnlyRead(action: string): boolean {
  return wildcardOnly(action)?.accessLevels.every((level) => level === 'List' || level === 'Read') === true;
}

/** Whether a statement's conditions pin the resource (tags, the calling service, the owning account). */
function constrainsResource(statement: PolicyStatement): boolean {
  return Object.entries(statement.conditions).some(
    ([operator, block]) =>
      !/not|ifexists|null/i.test(operator) &&
      isRecord(block) &&
      Object.keys(block).some((key) => /^(aws:resourcetag\/|kms:viaservice$|aws:resourceaccount$|aws:resourceorgid$)/i.test(key)),
  );
}

type ResourceWildcardConfig = { allowedActions: string[] };

/** No `*` resource: explicit ARNs only, except for actions that have no resource-level permissions. */
export const iamNoWildcardResource: ResourceRule<ResourceWildcardConfig> = {
  kind: 'resource',
  id: 'iam-no-wildcard-resource',
  title: 'No wildcard resources',
  description:
    'Checks whether any Allow statement of an identity policy grants actions on Resource "*" or on an ARN with a wide wildcard (bucket, account, region, role, name); allowed: "*" for List/Read actions that have no resource-level permissions per AWS\'s data (and configured actions), and bounded wildcards (an object-key prefix under one bucket, a table\'s indexes).',
  severity: 'high',
  pillar: 'least-privilege',
  owasp: [ASI03],
  checkov: 'CKV_AWS_355',
  defaultEnforcement: 'mandatory',
  remediation: 'Scope each statement to the exact resource ARNs.',
  configSchema: {
    type: 'object',
    properties: {
      allowedActions: {
        type: 'array',
        items: { type: 'string' },
        default: [
          'cloudwatch:PutMetricData',
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'ec2:DescribeNetworkInterfaces',
          'sts:GetCallerIdentity',
        ],
      },
    },
    additionalProperties: false,
  },
  types: POLICY_TYPES,
  evaluate(resource, config) {
    return overAllowStatements(resource, (statement, view) => {
      const resources = strings(statement.resources);
      const out: Violation[] = [];
      if (resources.unknown) out.push(unknownViolation(resource, `${view.where} resources`));
      const actions = strings(statement.actions);
      // Wildcards inside ARNs: only the bounded ones stay (an object-key prefix, a table's indexes).
      const wide = constrainsResource(statement)
        ? []
        : resources.values.filter((arn) => arn !== '*' && policyArnScope(arn).kind === 'wide');
      if (wide.length > 0)
        out.push(
          violation(
            resource,
            `${where(view, statement)} must scope ${showList(actions.values)} to explicit ARNs or bounded wildcards (got ${showList(wide)})`,
          ),
        );
      if (!resources.values.includes('*')) return out;
      const configured = (a: string) => config.allowedActions.some((x) => x.toLowerCase() === a.toLowerCase());
      // "*" is the only resource an action without resource-level permissions takes: allowed for List/Read per the data.
      const exempt = !actions.unknown && actions.values.length > 0 && actions.values.every((a) => configured(a) || starOnlyRead(a));
      if (!exempt)
        out.push(
          violation(resource, `${where(view, statement)} must scope ${showList(actions.values)} to explicit resources (got Resource "*")`),
        );
      return out;
    });
  },
};

/**
 * Whether AWS's service authorization reference lists `service:Action` with no resource types, so
 * `Resource: "*"` is the only way to grant it (e.g. ecr:GetAuthorizationToken). Unknown services,
 * unknown actions and patterns answer false.
 */
export function isWildcardOnlyAction(action: string): boolean {
  return wildcardOnly(action) !== undefined;
}

/** The action as AWS's data lists it, when it has no resource types; undefined for patterns and unknown actions. */
function wildcardOnly(action: string): IamAction | undefined {
  if (/[*?]/.test(action)) return undefined;
  const found = findAction(action);
  return found !== undefined && found.resourceTypes.length === 0 ? found : undefined;
}

/** NotAction/NotResource in an Allow grants everything not listed. */
export const iamNoNotAction: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-not-action',
  title: 'No NotAction or NotResource in Allow statements',
  description: 'Checks whether any Allow statement of an identity policy uses NotAction or NotResource, which grant everything not listed.',
  severity: 'high',
  pillar: 'least-privilege',
  owasp: [ASI03],
  defaultEnforcement: 'mandatory',
  remediation: 'Replace NotAction/NotResource with explicit Action/Resource lists.',
  types: POLICY_TYPES,
  evaluate(resource) {
    return overAllowStatements(resource, (statement, view) => {
      const used = [statement.notActions.length > 0 ? 'NotAction' : '', statement.notResources.length > 0 ? 'NotResource' : ''].filter(
        Boolean,
      );
      return used.length === 0
        ? []
        : [violation(resource, `${where(view, statement)} must use Action and Resource, not ${used.join('/')} (got ${used.join(', ')})`)];
    });
  },
};

type AdminConfig = { deniedPolicies: string[]; allowedPolicies: string[] };

/** Attachments that list their ARNs in `policyArns` (the provider's exclusive attachment sets). */
const EXCLUSIVE_ATTACHMENT_TYPES: readonly string[] = [
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive',
  'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive',
];

const ATTACHMENT_TYPES = [
  ...EXCLUSIVE_ATTACHMENT_TYPES,
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
  'aws:iam/userPolicyAttachment:UserPolicyAttachment',
  'aws:iam/groupPolicyAttachment:GroupPolicyAttachment',
  'aws:iam/policyAttachment:PolicyAttachment',
  'aws:iam/role:Role',
];

/** AWS-managed admin and service-wide full-access policies grant far more than any tool needs. */
export const iamNoAdminPolicy: ResourceRule<AdminConfig> = {
  kind: 'resource',
  id: 'iam-no-admin-policy',
  title: 'No admin or full-access managed policies',
  description:
    'Checks whether an AWS-managed policy attached to a role, user or group is an admin, power-user or full-access policy by name, or by its published content grants every action, a whole service, Permissions management or data reads on Resource "*".',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03],
  checkov: 'CKV_AWS_274',
  defaultEnforcement: 'mandatory',
  remediation: 'Attach a least-privilege customer policy generated from the tools instead.',
  configSchema: {
    type: 'object',
    properties: {
      deniedPolicies: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess', '*FullAccess*', '*PowerUser*'],
      },
      allowedPolicies: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
    },
    additionalProperties: false,
  },
  types: ATTACHMENT_TYPES,
  evaluate(resource, config) {
    const property =
      resource.type === 'aws:iam/role:Role'
        ? 'managedPolicyArns'
        : EXCLUSIVE_ATTACHMENT_TYPES.includes(resource.type)
          ? 'policyArns'
          : 'policyArn';
    const arns = resource.props[property];
    if (isUnknown(arns)) return [unknownViolation(resource, property)];
    const list = Array.isArray(arns) ? arns : arns === undefined ? [] : [arns];
    const out: Violation[] = [];
    for (const arn of list) {
      if (isUnknown(arn)) {
        out.push(unknownViolation(resource, 'a managed policy ARN'));
        continue;
      }
      if (isSecret(arn)) {
        out.push(secretViolation(resource, property));
        continue;
      }
      if (typeof arn !== 'string') continue;
      const name = awsManagedPolicyName(arn);
      if (name === undefined) continue;
      if (config.allowedPolicies.some((pattern) => iamGlob(pattern, name))) continue;
      if (config.deniedPolicies.some((pattern) => iamGlob(pattern, name))) {
        out.push(violation(resource, `${label(resource)} must not attach admin or full-access managed policies (got ${show(arn)})`));
        continue;
      }
      // Judged by content, not name: AdministratorAccess-Amplify is admin, ReadOnlyAccess reads every bucket.
      const statements = awsManagedPolicyStatements(arn);
      const reasons = statements === undefined ? ['content unknown to the managed-policy data'] : broadGrants(statements);
      if (reasons.length > 0)
        out.push(
          violation(
            resource,
            `${label(resource)} must not attach AWS managed policy ${name}, which grants ${reasons.join('; ')} (got ${show(arn)})`,
          ),
        );
    }
    return out;
  },
};

/** Actions that let a principal grant itself more power (Rhino Security / Checkov CKV_AWS_286 families). */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:CreateRole',
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
  'lambda:CreateFunction',
  'lambda:AddPermission',
  'glue:UpdateDevEndpoint',
  'cloudformation:CreateStack',
  'cloudformation:UpdateStack',
  'ec2:RunInstances',
  'ssm:SendCommand',
  'sts:AssumeRole:*',
  'iam:PassRole:*',
];

function escalations(actions: readonly string[], resources: readonly string[]): string[] {
  const anyResource = resources.includes('*');
  const found = new Set<string>();
  for (const escalation of ESCALATION_ACTIONS) {
    // `iam:PassRole` and `sts:AssumeRole` escalate only on Resource "*" (any role).
    const onlyOnStar = escalation.endsWith(':*');
    const name = onlyOnStar ? escalation.slice(0, -2) : escalation;
    if (onlyOnStar && !anyResource) continue;
    const hit = actions.find((pattern) => iamGlob(pattern, name));
    if (hit !== undefined) found.add(hit === name ? name : `${name} (via ${hit})`);
  }
  return [...found];
}

/** Escalation actions turn any foothold into account takeover. */
export const iamNoPrivilegeEscalation: ResourceRule = {
  kind: 'resource',
  id: 'iam-no-privilege-escalation',
  title: 'No privilege-escalation actions',
  description:
    'Checks whether any Allow statement grants an action that lets a principal raise its own privileges (iam:Put*Policy, iam:Attach*Policy, iam:CreateAccessKey, iam:PassRole or sts:AssumeRole on "*", lambda:UpdateFunctionCode, ...).',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03],
  checkov: 'CKV_AWS_286',
  defaultEnforcement: 'mandatory',
  remediation: 'Remove the escalation actions; run such changes through the deployment pipeline, not the agent.',
  types: POLICY_TYPES,
  evaluate(resource) {
    return overAllowStatements(resource, (statement, view) => {
      const actions = strings(statement.actions);
      const resources = strings(statement.resources);
      const out: Violation[] = [];
      if (actions.unknown) out.push(unknownViolation(resource, `${view.where} actions`));
      const found = escalations(actions.values, resources.unknown ? ['*'] : resources.values);
      if (found.length > 0)
        out.push(violation(resource, `${where(view, statement)} must not grant privilege-escalation actions (got ${found.join(', ')})`));
      return out;
    });
  },
};

type HighRiskTool = { name: string; actions: string[]; resources: string[] };
type GateConfig = { highRiskActions: string[]; highRiskTools: HighRiskTool[] };

const GATE = 'agentfence:aws:ApprovalGate';

/** One high-risk (action, resources) pair to guard; resources `*` means the action on anything. */
interface Guarded {
  readonly action: string;
  readonly resources: readonly string[];
  readonly label: string;
}

function guardedOf(config: GateConfig): Guarded[] {
  return [
    ...config.highRiskActions.map((action) => ({ action, resources: ['*'], label: show(action) })),
    ...config.highRiskTools.flatMap((tool) =>
      tool.actions.map((action) => ({ action, resources: tool.resources, label: `${show(action)} of tool ${show(tool.name)}` })),
    ),
  ];
}

/**
 * The guards a statement's actions can name, in their order: a guard's action has a literal service
 * prefix, so a pattern with a literal prefix can only match guards of that service (compared
 * lower-cased, as `iamGlob` compares). A pattern with a wildcard in its prefix, or none, may name any.
 * Without this, every statement of a fleet's stack met every agent's guards.
 */
function guardIndex(guarded: readonly Guarded[]): (statement: PolicyStatement) => readonly Guarded[] {
  const byService = new Map<string, number[]>();
  const anyService: number[] = [];
  guarded.forEach((guard, i) => {
    const service = serviceOf(guard.action);
    if (service === undefined) anyService.push(i);
    else byService.set(service, [...(byService.get(service) ?? []), i]);
  });
  return (statement) => {
    const found = new Set(anyService);
    for (const pattern of strings(statement.actions).values) {
      const service = serviceOf(pattern);
      if (service === undefined) return guarded;
      for (const i of byService.get(service) ?? []) found.add(i);
    }
    return [...found].sort((a, b) => a - b).map((i) => guarded[i] as Guarded);
  };
}

/** The lower-cased service prefix of an action or pattern; undefined when it has none or a wildcard in it. */
function serviceOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  if (colon === -1) return undefined;
  const service = action.slice(0, colon);
  return /[*?]/.test(service) ? undefined : service.toLowerCase();
}

/** Whether a statement grants the guarded action on (some of) its resources; unknown resources count. */
function grants(statement: PolicyStatement, guarded: Guarded): boolean {
  const actions = strings(statement.actions).values;
  if (!actions.some((pattern) => iamGlob(pattern, guarded.action) || iamGlob(guarded.action, pattern))) return false;
  if (guarded.resources.includes('*')) return true;
  const resources = strings(statement.resources);
  if (resources.unknown) return true;
  return resources.values.some((r) => guarded.resources.some((g) => iamGlob(r, g) || iamGlob(g, r)));
}

/** High-risk tools run only through a human approval gate, never with the agent's own identity. */
export const highRiskActionsViaApprovalGate: StackRule<GateConfig> = {
  kind: 'stack',
  id: 'high-risk-actions-via-approval-gate',
  title: 'High-risk actions only through an approval gate',
  description:
    'Checks whether each configured high-risk action (or high-risk tool: actions on resources) is granted only to an approval gate (agentfence:aws:ApprovalGate) and never directly by any other identity policy in the stack.',
  severity: 'critical',
  pillar: 'human-oversight',
  owasp: ['ASI09 Human-Agent Trust Exploitation', ASI02],
  defaultEnforcement: 'mandatory',
  remediation: 'Mark the tool `approval: required` so the action runs only from the ApprovalGate executor.',
  configSchema: {
    type: 'object',
    properties: {
      highRiskActions: { type: 'array', items: { type: 'string', pattern: '^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$' }, default: [] },
      highRiskTools: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'actions', 'resources'],
          properties: {
            name: { type: 'string', minLength: 1 },
            actions: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$' } },
            resources: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
          additionalProperties: false,
        },
        default: [],
      },
    },
    additionalProperties: false,
  },
  evaluateStack(stack, config) {
    // The gated tools an AgentEnvironment records count as configured: no --config needed.
    const recorded = agentEnvironments(stack).flatMap(({ metadata }) =>
      metadata.kind === 'value' ? metadata.value.tools.filter(isGatedTool) : [],
    );
    const known = new Set(config.highRiskTools.map((tool) => tool.name));
    const guarded = guardedOf({
      ...config,
      highRiskTools: [
        ...config.highRiskTools,
        ...recorded
          .filter((tool) => !known.has(tool.name))
          .map((tool) => ({ name: tool.name, actions: [...tool.actions], resources: [...tool.resources] })),
      ],
    });
    if (guarded.length === 0) return [];
    const out: Violation[] = [];
    const gated = new Set<Guarded>();
    const candidates = guardIndex(guarded);
    for (const resource of stack.ofType(...POLICY_TYPES)) {
      const underGate = isUnder(resource, GATE);
      const { views, problems } = identityPolicies(resource);
      if (!underGate) out.push(...problems);
      for (const view of views) {
        for (const statement of view.statements.filter(allows)) {
          if (strings(statement.actions).unknown && !underGate) out.push(unknownViolation(resource, `${view.where} actions`));
          for (const guard of candidates(statement)) {
            if (!grants(statement, guard)) continue;
            if (underGate) gated.add(guard);
            else
              out.push(
                violation(
                  resource,
                  `High-risk action ${guard.label} must be reachable only through an approval gate (got granted directly by ${where(view, statement)})`,
                ),
              );
          }
        }
      }
    }
    for (const guard of guarded) {
      if (!gated.has(guard))
        out.push({ message: `High-risk action ${guard.label} must have an approval gate that executes it (got no ${GATE} granting it)` });
    }
    return out;
  },
};

export const leastPrivilegeRules = [
  iamNoWildcardAction,
  iamNoWildcardResource,
  iamNoNotAction,
  iamNoAdminPolicy,
  iamNoPrivilegeEscalation,
  highRiskActionsViaApprovalGate,
  iamEscalationPaths,
  agentEffectivePermissions,
  iamBoundaryBounds,
  resourcePolicyNoPublicAccess,
  kmsKeyPolicyRootWildcard,
] as const;
