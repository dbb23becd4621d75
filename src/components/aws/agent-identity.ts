/**
 * AgentIdentity: one IAM role per agent that only its runtime can assume, capped by a permissions
 * boundary made for it, with 1-hour sessions, ownership tags, the kill switch, and for AgentCore a
 * workload identity.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { RiskTier, Runtime } from '../../manifest/types.js';
import { assertAction, assertAgentName, assertArn, assertOneOf, assertScope, argError } from './builders/args.js';
import { type AwsScope } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { agentTags } from './builders/tags.js';
import { agentRoleName, buildDenyAllPolicy, buildPermissionsBoundary, buildTrustPolicy } from './builders/identity.js';

/** Sessions of the agent role last at most one hour. */
export const MAX_SESSION_SECONDS = 3600;

/** AgentIdentityArgs describe the agent whose role is created. */
export interface AgentIdentityArgs {
  /** The agent's name (kebab-case); the role is named `agentfence-<agent>`. */
  readonly agentName: string;
  /** The runtime whose service principal alone may assume the role. */
  readonly runtime: Runtime;
  /** Account and region the agent runs in (trust conditions, ARNs). */
  readonly scope: AwsScope;
  /** Owning team, written to the `agentfence:owner` tag. */
  readonly owner: string;
  /** Risk tier, written to the `agentfence:risk-tier` tag. */
  readonly riskTier: RiskTier;
  /** Every action the agent may ever hold; the permissions boundary allows nothing else. */
  readonly boundaryActions: readonly string[];
  /** Explicit resource ARNs from the manifest's tools that the boundary leaves room for. Defaults to none. */
  readonly boundaryResources?: readonly string[];
  /** Actions with no resource-level permissions the boundary allows on "*" (e.g. `ecr:GetAuthorizationToken` to pull the runtime image). Defaults to none. */
  readonly boundaryUnscopedActions?: readonly string[];
  /** Kill switch: attach an explicit deny-all to the role. Defaults to false. */
  readonly paused?: boolean;
}

const COMPONENT = 'AgentIdentity';

/** Validates args; every error names the arg. */
export function validateAgentIdentityArgs(args: AgentIdentityArgs): void {
  assertAgentName(COMPONENT, 'agentName', args.agentName);
  assertOneOf(COMPONENT, 'runtime', args.runtime, ['agentcore', 'ecs', 'lambda', 'eks'] as const);
  assertScope(COMPONENT, 'scope', args.scope);
  if (typeof args.owner !== 'string' || args.owner.trim() === '' || args.owner.length > 256)
    throw argError(COMPONENT, 'owner', 'be a non-empty tag value (<= 256 chars)', args.owner);
  assertOneOf(COMPONENT, 'riskTier', args.riskTier, ['low', 'high'] as const);
  if (!Array.isArray(args.boundaryActions) || args.boundaryActions.length === 0)
    throw argError(COMPONENT, 'boundaryActions', 'be a non-empty list', args.boundaryActions);
  args.boundaryActions.forEach((action, i) => assertAction(COMPONENT, `boundaryActions[${i}]`, action));
  (args.boundaryResources ?? []).forEach((resource, i) => assertArn(COMPONENT, `boundaryResources[${i}]`, resource));
  if (args.paused !== undefined && typeof args.paused !== 'boolean') throw argError(COMPONENT, 'paused', 'be a boolean', args.paused);
}

export class AgentIdentity extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:AgentIdentity';
  /** The agent's IAM role. */
  readonly role: aws.iam.Role;
  /** The permissions boundary attached to the role. */
  readonly boundary: aws.iam.Policy;
  /** The explicit deny-all, present only while the agent is paused. */
  readonly killSwitch?: aws.iam.RolePolicy;
  /** AgentCore workload identity, for the `agentcore` runtime only. */
  readonly workloadIdentity?: aws.bedrock.AgentcoreWorkloadIdentity;
  readonly roleArn: pulumi.Output<string>;
  readonly roleName: pulumi.Output<string>;

  constructor(name: string, args: AgentIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super(AgentIdentity.__pulumiType, name, {}, opts);
    validateAgentIdentityArgs(args);
    const tags = agentTags({ agent: args.agentName, owner: args.owner, riskTier: args.riskTier });

    this.boundary = new aws.iam.Policy(
      `${name}-boundary`,
      {
        name: physicalName(['agentfence', args.agentName, 'boundary'], 128),
        description: `Permissions boundary of agent ${args.agentName}: the most it can ever be granted.`,
        policy: JSON.stringify(
          buildPermissionsBoundary({
            agent: args.agentName,
            scope: args.scope,
            actions: args.boundaryActions,
            resources: args.boundaryResources ?? [],
            unscopedActions: args.boundaryUnscopedActions ?? [],
          }),
        ),
        tags,
      },
      { parent: this },
    );

    this.role = new aws.iam.Role(
      `${name}-role`,
      {
        name: agentRoleName(args.agentName),
        description: `Execution role of agent ${args.agentName} (${args.runtime}); managed by agentfence.`,
        assumeRolePolicy: JSON.stringify(buildTrustPolicy(args.runtime, args.agentName, args.scope)),
        permissionsBoundary: this.boundary.arn,
        maxSessionDuration: MAX_SESSION_SECONDS,
        forceDetachPolicies: true,
        tags,
      },
      { parent: this },
    );

    if (args.paused === true) {
      this.killSwitch = new aws.iam.RolePolicy(
        `${name}-kill-switch`,
        { name: 'agentfence-kill-switch', role: this.role.name, policy: JSON.stringify(buildDenyAllPolicy()) },
        { parent: this },
      );
    }

    if (args.runtime === 'agentcore') {
      this.workloadIdentity = new aws.bedrock.AgentcoreWorkloadIdentity(
        `${name}-workload`,
        { name: physicalName(['agentfence', args.agentName], 48) },
        { parent: this },
      );
    }

    this.roleArn = this.role.arn;
    this.roleName = this.role.name;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName, boundaryArn: this.boundary.arn, paused: args.paused === true });
  }
}
