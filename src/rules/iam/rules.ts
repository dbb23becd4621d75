/**
 * IAM rules that reason over principals rather than single statements: escalation paths across all
 * policies of a principal (iam:PassRole + an action that takes a passed role, sts:AssumeRole out of
 * the stack), and the effective permissions of each agent role by simulation (declared tools work,
 * high-risk tools and permissions management do not, a paused agent can do nothing).
 */
import { allows, type PolicyStatement } from '../policy-document.js';
import { label, violation } from '../violations.js';
import type { StackRule, Violation } from '../types.js';
import { agentEnvironments, isGatedTool } from './agent-metadata.js';
import { expandAction, isPermissionsManagement, PASSED_ROLE_ACTIONS } from './data.js';
import { identityStatements, type Principal, principalsOf } from './principals.js';
import { coversAction, type SimPolicies, simulate } from './simulate.js';

const ASI03 = 'ASI03 Identity & Privilege Abuse';

function policiesOf(principal: Principal): SimPolicies {
  return {
    identity: identityStatements(principal),
    ...(principal.boundary === undefined ? {} : { boundary: principal.boundary.statements }),
  };
}

/** A concrete resource to probe a statement's resource pattern with (wildcards read as one character). */
function probe(pattern: string): string {
  return pattern === '*' ? '*' : pattern.replace(/[*?]/g, 'x');
}

function stringsOf(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

/**
 * Resources (as probes) on which the principal may perform the action, judged "may" (undecidable
 * conditions count as met): every resource pattern of an Allow statement covering the action that
 * the whole evaluation (denies, boundary) lets through.
 */
function reachable(policies: SimPolicies, action: string): string[] {
  const out = new Set<string>();
  for (const statement of policies.identity) {
    if (!allows(statement) || !coversAction(statement, action)) continue;
    const resources = statement.notResources.length > 0 ? ['*'] : stringsOf(statement.resources);
    for (const pattern of resources) {
      if (simulate({ action, resource: probe(pattern) }, policies, 'met') === 'allowed') out.add(pattern);
    }
  }
  return [...out];
}

function roleArnOf(principal: Principal, account: string): string {
  const arn = principal.resource.props['arn'];
  return typeof arn === 'string' ? arn : `arn:aws:iam::${account}:role/${principal.name}`;
}

function accountOf(pattern: string): string {
  return pattern.split(':')[4] ?? '';
}

/** Escalation paths, each naming its steps. */
export const iamEscalationPaths: StackRule = {
  kind: 'stack',
  id: 'iam-escalation-paths',
  title: 'No privilege-escalation paths across policies',
  description:
    'Checks whether any role, user or group, across all its policies (inline, managed, attachments, exclusive sets) under its boundary and denies, can pass a role to an action that takes a passed role (Lambda, ECS, Glue, EC2, CloudFormation, SageMaker, Bedrock AgentCore, ...) or assume a role outside the stack.',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03],
  checkov: 'CKV_AWS_286',
  defaultEnforcement: 'mandatory',
  remediation:
    'Drop iam:PassRole or the passed-role action from the principal, and sts:AssumeRole on roles outside the stack; deploy such changes through the pipeline, not the agent.',
  evaluateStack(stack) {
    const principals = principalsOf(stack);
    const roles = principals.filter((p) => p.kind === 'role');
    const out: Violation[] = [];
    for (const principal of principals) {
      out.push(...principal.problems);
      const policies = policiesOf(principal);
      const subject = `${principal.kind} ${principal.name}`;
      // iam:PassRole to some role plus any action that hands a passed role to a service is an escalation path.
      const passPatterns = reachable(policies, 'iam:PassRole');
      if (passPatterns.length > 0) {
        const actions = PASSED_ROLE_ACTIONS.filter((action) => reachable(policies, action).length > 0);
        if (actions.length > 0) {
          const targets = new Set<string>();
          for (const pattern of passPatterns) {
            const account = accountOf(pattern) || '000000000000';
            const inStack = roles.filter(
              (role) =>
                role !== principal &&
                simulate({ action: 'iam:PassRole', resource: roleArnOf(role, account) }, policies, 'met') === 'allowed' &&
                matchesPattern(pattern, roleArnOf(role, account)),
            );
            for (const role of inStack) targets.add(`role ${role.name}`);
            if (/[*?]/.test(pattern) || inStack.length === 0) targets.add(pattern === '*' ? 'any role (Resource "*")' : `role ${pattern}`);
          }
          for (const target of [...targets].sort()) {
            out.push(
              violation(
                principal.resource,
                `${subject} can pass ${target} to ${actions.join(', ')}: an escalation path (${label(principal.resource)} must not hold both iam:PassRole and an action that takes a passed role)`,
              ),
            );
          }
        }
      }
      // sts:AssumeRole on roles that are not this stack's own reaches permissions nobody reviewed here.
      for (const action of ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']) {
        for (const pattern of reachable(policies, action)) {
          const inStack = roles.some((role) => matchesPattern(pattern, roleArnOf(role, accountOf(pattern))));
          if (pattern === '*' || /[*?]/.test(pattern.split(':').slice(0, 5).join(':')) || !inStack) {
            out.push(
              violation(
                principal.resource,
                `${subject} can ${action} on ${pattern === '*' ? 'any role (Resource "*")' : `role ${pattern}`}, outside this stack or in another account (${label(principal.resource)} must assume only roles of this stack)`,
              ),
            );
          }
        }
      }
    }
    return out;
  },
};

function matchesPattern(pattern: string, arn: string): boolean {
  const statement: PolicyStatement = {
    effect: 'Allow',
    actions: ['*'],
    notActions: [],
    resources: [pattern],
    notResources: [],
    principals: [],
    hasNotPrincipal: false,
    conditions: {},
  };
  return simulate({ action: 'iam:PassRole', resource: arn }, { identity: [statement] }, 'met') === 'allowed';
}

/** The agent's effective permissions, simulated from its role's policies and boundary. */
export const agentEffectivePermissions: StackRule = {
  kind: 'stack',
  id: 'agent-effective-permissions',
  title: "The agent's effective permissions match its declared tools",
  description:
    'Checks whether each agent, its role simulated (identity policies, permissions boundary, explicit denies) against the tools its AgentEnvironment records, can perform every declared low-risk tool action on its resources, cannot perform any action of a high-risk or approval-gated tool directly, holds no Permissions management action, and can perform nothing while paused.',
  severity: 'critical',
  pillar: 'least-privilege',
  owasp: [ASI03, 'ASI02 Tool Misuse & Exploitation'],
  defaultEnforcement: 'mandatory',
  remediation: 'Generate the role from the manifest (AgentEnvironment) and keep the boundary in step; remove any extra grant.',
  evaluateStack(stack) {
    const out: Violation[] = [];
    const principals = principalsOf(stack);
    for (const { resource, metadata } of agentEnvironments(stack)) {
      if (metadata.kind === 'absent') continue;
      if (metadata.kind === 'invalid') {
        out.push(violation(resource, `${label(resource)} ${metadata.reason}`));
        continue;
      }
      const meta = metadata.value;
      const role = principals.find((p) => p.kind === 'role' && p.name === meta.roleName);
      if (role === undefined) {
        out.push(violation(resource, `Agent ${meta.agent} must have its role ${meta.roleName} in the plan (got no such role)`));
        continue;
      }
      const policies = policiesOf(role);
      const agent = `Agent ${meta.agent} (role ${meta.roleName})`;
      if (meta.paused) {
        // The kill switch: no Allow of the role may get through.
        for (const statement of policies.identity.filter(allows)) {
          for (const action of stringsOf(statement.actions)) {
            for (const pattern of statement.notResources.length > 0 ? ['*'] : stringsOf(statement.resources)) {
              const concrete = expandAction(action)[0]?.name ?? action;
              if (simulate({ action: concrete, resource: probe(pattern) }, policies, 'met') === 'allowed') {
                out.push(
                  violation(
                    role.resource,
                    `${agent} is paused and must be able to perform nothing (got ${concrete} on ${pattern} allowed)`,
                  ),
                );
              }
            }
          }
        }
        continue;
      }
      for (const tool of meta.tools) {
        for (const action of tool.actions) {
          for (const arn of tool.resources) {
            const resourceProbe = probe(arn);
            if (isGatedTool(tool)) {
              // A high-risk tool runs only from its approval gate's executor, never with the agent's own role.
              if (simulate({ action, resource: resourceProbe }, policies, 'met') === 'allowed') {
                out.push(
                  violation(
                    role.resource,
                    `${agent} must not be able to perform ${action} on ${arn} of high-risk tool ${tool.name} directly, only through its approval gate (got allowed)`,
                  ),
                );
              }
            } else {
              // The environment works: every declared action on every declared resource is allowed.
              const decision = simulate({ action, resource: resourceProbe }, policies, 'unmet');
              if (decision !== 'allowed') {
                out.push(
                  violation(
                    role.resource,
                    `${agent} must be able to perform ${action} on ${arn} for tool ${tool.name} (got ${decision.replace('-', ' ')}${role.boundary === undefined ? '' : ` under ${role.boundary.label}`})`,
                  ),
                );
              }
            }
          }
        }
      }
      // No Permissions management action reaches the agent, whatever the policy calls it.
      const managing = new Set<string>();
      for (const statement of policies.identity.filter(allows)) {
        const patterns = statement.notActions.length > 0 ? ['*'] : stringsOf(statement.actions);
        for (const pattern of patterns) {
          for (const action of expandAction(pattern)) {
            if (!isPermissionsManagement(action) || managing.has(action.name)) continue;
            if (statement.notActions.length > 0 && !coversAction(statement, action.name)) continue;
            const resources = statement.notResources.length > 0 ? ['*'] : stringsOf(statement.resources);
            if (resources.some((r) => simulate({ action: action.name, resource: probe(r) }, policies, 'met') === 'allowed'))
              managing.add(action.name);
          }
        }
      }
      if (managing.size > 0) {
        const list = [...managing].sort();
        out.push(
          violation(
            role.resource,
            `${agent} must hold no Permissions management action (got ${list.slice(0, 8).join(', ')}${list.length > 8 ? ` and ${list.length - 8} more` : ''})`,
          ),
        );
      }
    }
    return out;
  },
};

/** Data-reading actions that on Resource "*" read every store of the account. */
const DATA_READS = [
  's3:GetObject',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'kms:Decrypt',
  'sqs:ReceiveMessage',
];

/**
 * What makes a policy's content broad, judged by expansion on AWS's data: every action, a whole
 * service, Permissions management, or data reads, on Resource "*". Empty when it is none of these.
 */
export function broadGrants(statements: readonly PolicyStatement[]): string[] {
  const reasons = new Set<string>();
  const policies: SimPolicies = { identity: statements };
  for (const statement of statements.filter(allows)) {
    const onStar =
      statement.notResources.length > 0 ||
      stringsOf(statement.resources).some((r) => r === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r));
    if (!onStar) continue;
    if (statement.notActions.length > 0) reasons.add('NotAction on "*" (everything else)');
    for (const pattern of stringsOf(statement.actions)) {
      if (pattern === '*' || pattern === '*:*') reasons.add('every action ("*")');
      else if (/^[^:]+:\*$/.test(pattern)) reasons.add(`every ${pattern.split(':')[0]} action (${JSON.stringify(pattern)})`);
    }
  }
  const managing = new Set<string>();
  const reads = new Set<string>();
  for (const statement of statements.filter(allows)) {
    for (const pattern of statement.notActions.length > 0 ? ['*'] : stringsOf(statement.actions)) {
      if (pattern === '*' && statement.notActions.length === 0) continue; // already reported
      for (const action of expandAction(pattern)) {
        if (isPermissionsManagement(action) && simulate({ action: action.name, resource: '*' }, policies, 'met') === 'allowed')
          managing.add(action.name);
      }
    }
  }
  for (const action of DATA_READS) if (simulate({ action, resource: '*' }, policies, 'met') === 'allowed') reads.add(action);
  if (managing.size > 0)
    reasons.add(
      `Permissions management on "*" (${[...managing].sort().slice(0, 3).join(', ')}${managing.size > 3 ? `, ${managing.size - 3} more` : ''})`,
    );
  if (reads.size > 0) reasons.add(`reading all data on "*" (${[...reads].sort().join(', ')})`);
  return [...reasons];
}

/** A boundary that allows admin or wildcard access bounds nothing. */
export const iamBoundaryBounds: StackRule = {
  kind: 'stack',
  id: 'iam-boundary-bounds',
  title: 'Permissions boundaries actually bound',
  description:
    'Checks whether the permissions boundary of any role or user, judged by content (AWS managed boundaries by their published documents), grants every action, a whole service, Permissions management or data reads on Resource "*": such a boundary is no boundary.',
  severity: 'high',
  pillar: 'identity',
  owasp: [ASI03],
  defaultEnforcement: 'mandatory',
  remediation: "Use a boundary that lists the agent's actions on its resources (AgentIdentity generates one).",
  evaluateStack(stack) {
    const out: Violation[] = [];
    for (const principal of principalsOf(stack)) {
      if (principal.boundary === undefined) continue;
      const reasons = broadGrants(principal.boundary.statements);
      if (reasons.length > 0)
        out.push(
          violation(
            principal.resource,
            `${label(principal.resource)} ${principal.boundary.label} must bound the ${principal.kind}'s permissions (got ${reasons.join('; ')})`,
          ),
        );
    }
    return out;
  },
};
