/**
 * Pure builders for the agent's identity: the runtime's service principal, the trust policy with
 * confused-deputy conditions, the permissions boundary and the kill-switch deny-all.
 */
import type { Runtime } from '../../../manifest/types.js';
import { arn, type AwsScope, dnsSuffixOf, partitionOf } from './arn.js';
import { physicalName } from './names.js';
import { type PolicyDocument, type Statement, serviceOf, toPolicyDocument, uniqueSorted } from './policy-document.js';

/** The one service principal allowed to assume the agent role, per runtime. */
export function servicePrincipal(runtime: Runtime, region: string): string {
  const suffix = dnsSuffixOf(region);
  switch (runtime) {
    case 'agentcore':
      return `bedrock-agentcore.${suffix}`;
    case 'ecs':
      return `ecs-tasks.${suffix}`;
    case 'lambda':
      return `lambda.${suffix}`;
    case 'eks':
      return `pods.eks.${suffix}`;
    default:
      throw new Error(`unknown runtime ${JSON.stringify(runtime satisfies never)}`);
  }
}

/** The ARN pattern `aws:SourceArn` must match: only this account's resources of the runtime may assume the role. */
export function sourceArnPattern(runtime: Runtime, agent: string, scope: AwsScope): string {
  switch (runtime) {
    case 'agentcore':
      return arn(scope, 'bedrock-agentcore', '*');
    case 'ecs':
      return arn(scope, 'ecs', '*');
    case 'lambda':
      return arn(scope, 'lambda', `function:${agent}*`);
    case 'eks':
      return arn(scope, 'eks', 'cluster/*');
    default:
      throw new Error(`unknown runtime ${JSON.stringify(runtime satisfies never)}`);
  }
}

/** The agent role's physical name (deterministic, so other policies can name it before it exists). */
export function agentRoleName(agent: string): string {
  return physicalName(['agentfence', agent], 64);
}

/** The agent role's ARN, derived from its name. */
export function agentRoleArn(agent: string, scope: AwsScope): string {
  return `arn:${partitionOf(scope.region)}:iam::${scope.account}:role/${agentRoleName(agent)}`;
}

/**
 * Trust policy: exactly the runtime's service principal, only on behalf of this account
 * (`aws:SourceAccount`) and of the runtime's resources in this account (`aws:SourceArn`).
 * EKS Pod Identity also needs `sts:TagSession`.
 */
export function buildTrustPolicy(runtime: Runtime, agent: string, scope: AwsScope): PolicyDocument {
  const actions = runtime === 'eks' ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
  return toPolicyDocument([
    {
      Sid: 'AssumeByRuntimeOnly',
      Effect: 'Allow',
      Principal: { Service: servicePrincipal(runtime, scope.region) },
      Action: actions,
      Condition: {
        StringEquals: { 'aws:SourceAccount': scope.account },
        ArnLike: { 'aws:SourceArn': sourceArnPattern(runtime, agent, scope) },
      },
    },
  ]);
}

/** What the boundary must leave room for. */
export interface BoundaryInput {
  readonly agent: string;
  readonly scope: AwsScope;
  /** Every action the agent may ever hold (tools, stores, gates, logs, KMS). */
  readonly actions: readonly string[];
  /** Explicit resources from the manifest's tools. */
  readonly resources: readonly string[];
  /** Actions AWS authorizes only on Resource "*" (no resource-level permissions), e.g. `ecr:GetAuthorizationToken`. Defaults to none. */
  readonly unscopedActions?: readonly string[];
}

/** The ARN patterns of resources agentfence creates for this agent (named `agentfence-<agent>-...`). */
export function agentResourcePatterns(agent: string, scope: AwsScope): Record<string, string[]> {
  const prefix = physicalName(['agentfence', agent], 40);
  const partition = partitionOf(scope.region);
  return {
    s3: [`arn:${partition}:s3:::${prefix}-*`],
    dynamodb: [arn(scope, 'dynamodb', `table/${prefix}-*`)],
    states: [arn(scope, 'states', `stateMachine:${prefix}-*`)],
    logs: [arn(scope, 'logs', `log-group:/agentfence/${agent}/*`)],
    kms: [arn(scope, 'kms', 'key/*')],
  };
}

/**
 * The permissions boundary: a cap the agent's policies can never exceed, whatever is attached later.
 * One Allow per service with exactly the actions the agent may hold, on the manifest's ARNs and the
 * agent's own resource-name prefix (KMS keys only when tagged for this agent); and an explicit deny
 * of identity and organisation administration so the agent cannot widen its own access.
 */
export function buildPermissionsBoundary(input: BoundaryInput): PolicyDocument {
  const patterns = agentResourcePatterns(input.agent, input.scope);
  const byService = new Map<string, string[]>();
  for (const action of uniqueSorted(input.actions)) {
    const service = serviceOf(action);
    byService.set(service, [...(byService.get(service) ?? []), action]);
  }
  const statements: Statement[] = [];
  for (const [service, actions] of [...byService.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const declared = input.resources.filter((resource) => resource.split(':')[2] === service);
    const own = patterns[service] ?? [];
    const resources = uniqueSorted([...declared, ...own]);
    if (resources.length === 0) continue;
    statements.push({
      Sid: `Cap${service.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase())}`,
      Effect: 'Allow',
      Action: actions,
      Resource: resources,
      ...(service === 'kms' ? { Condition: { StringEquals: { 'aws:ResourceTag/agentfence:agent': input.agent } } } : {}),
    });
  }
  // Only actions that support no narrower resource: anything else stays capped to its ARNs above.
  if ((input.unscopedActions ?? []).length > 0)
    statements.push({ Sid: 'CapUnscoped', Effect: 'Allow', Action: uniqueSorted(input.unscopedActions ?? []), Resource: '*' });
  statements.push({
    Sid: 'DenyIdentityAdministration',
    Effect: 'Deny',
    Action: ['iam:*', 'organizations:*', 'account:*', 'sts:AssumeRole'],
    Resource: '*',
  });
  return toPolicyDocument(statements);
}

/** The kill switch: an explicit deny of everything, which beats every Allow. */
export function buildDenyAllPolicy(): PolicyDocument {
  return toPolicyDocument([{ Sid: 'AgentfenceKillSwitch', Effect: 'Deny', Action: ['*'], Resource: '*' }]);
}
