/**
 * AgentEnvironment: the whole fenced environment of one agent, composed from its validated manifest:
 * identity, least-privilege policy, approval gates, encrypted stores, network boundary and audit
 * trail; for the AgentCore runtime also the runtime (VPC network mode) and its MCP gateway (JWT
 * authorizer, policy engine in ENFORCE mode).
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { AgentManifest } from '../../manifest/types.js';
import { accountRootArn, argError, arn, assertScope, type AwsScope, physicalName, toPolicyDocument, uniqueSorted } from './builders/common.js';
import { buildAgentMetadata } from '../../rules/iam/agent-metadata.js';
import { agentRoleArn, agentRoleName } from './builders/identity.js';
import { buildKeyPolicy } from './builders/kms.js';
import { foundationModelArn, grantedActions, isGated } from './builders/least-privilege.js';
import { AgentIdentity } from './agent-identity.js';
import { ApprovalGate } from './approval-gate.js';
import { AuditTrail } from './audit-trail.js';
import { EncryptedStore, KEY_DELETION_WINDOW_DAYS } from './encrypted-store.js';
import { LeastPrivilegePolicy } from './least-privilege-policy.js';
import { NetworkBoundary } from './network-boundary.js';
import { createBoundedRole } from './bounded-role.js';

/** A JWT authorizer for the AgentCore runtime and gateway (never NONE). */
export interface JwtAuthorizerArgs {
  /** OpenID Connect discovery URL (https). */
  readonly discoveryUrl: string;
  /** Accepted `aud` values. Defaults to none (then `allowedClients` must be set). */
  readonly allowedAudiences?: readonly string[];
  /** Accepted `client_id` values. Defaults to none (then `allowedAudiences` must be set). */
  readonly allowedClients?: readonly string[];
}

/** AgentEnvironmentArgs: the manifest plus the stack-level settings the manifest does not carry. */
export interface AgentEnvironmentArgs {
  /** The validated agent manifest. */
  readonly manifest: AgentManifest;
  /** Hosts of the agent's API descriptors: the firewall allowlist. Defaults to none. */
  readonly apiHosts?: readonly string[];
  /** Kill switch from stack config; the agent is paused when this or the manifest's `paused` is true. Defaults to false. */
  readonly paused?: boolean;
  /** Container image of the AgentCore runtime. Defaults to `<account>.dkr.ecr.<region>.amazonaws.com/agentfence/<agent>:latest`. */
  readonly runtimeImage?: string;
  /** JWT authorizer of the AgentCore runtime and gateway. Defaults to a Cognito user pool and client created for the agent. */
  readonly authorizer?: JwtAuthorizerArgs;
  /** Reviewers of approval requests. Defaults to the owner's email. */
  readonly reviewerEmails?: readonly string[];
  /** Seconds an approval request waits before it is rejected. Defaults to 86400. */
  readonly approvalTimeoutSeconds?: number;
  /** VPC CIDR. Defaults to 10.64.0.0/16. */
  readonly cidrBlock?: string;
  /** Availability zones. Defaults to the region's `a` and `b` zones. */
  readonly availabilityZones?: readonly string[];
  /** Principals that administer (never use) the agent's keys. Defaults to the account root (IAM-delegated admins). */
  readonly keyAdmins?: readonly string[];
  /** Create a CloudTrail trail for the audit log group. Defaults to true. */
  readonly cloudTrail?: boolean;
}

const COMPONENT = 'AgentEnvironment';

/** Validates the args that only this component reads; children validate theirs. */
export function validateAgentEnvironmentArgs(args: AgentEnvironmentArgs): AwsScope {
  if (args.manifest === undefined || args.manifest === null || typeof args.manifest !== 'object') throw argError(COMPONENT, 'manifest', 'be a validated agent manifest', args.manifest);
  const scope = assertScope(COMPONENT, 'manifest.identity', args.manifest.identity);
  if (args.authorizer !== undefined) {
    if (!/^https:\/\/[^\s]+$/.test(args.authorizer.discoveryUrl)) throw argError(COMPONENT, 'authorizer.discoveryUrl', 'be an https URL', args.authorizer.discoveryUrl);
    if ((args.authorizer.allowedAudiences ?? []).length === 0 && (args.authorizer.allowedClients ?? []).length === 0) {
      throw argError(COMPONENT, 'authorizer', 'restrict allowedAudiences or allowedClients', args.authorizer);
    }
  }
  if (args.runtimeImage !== undefined && !/^[a-z0-9.-]+(:[0-9]+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/.test(args.runtimeImage)) {
    throw argError(COMPONENT, 'runtimeImage', 'be an image reference registry/repository:tag or @sha256:digest', args.runtimeImage);
  }
  if (args.manifest.network?.egress === 'none' && (args.apiHosts ?? []).length > 0) {
    throw argError(COMPONENT, 'apiHosts', "be empty when the manifest's network.egress is 'none'", args.apiHosts);
  }
  return scope;
}

export class AgentEnvironment extends pulumi.ComponentResource {
  static readonly __pulumiType = 'agentfence:aws:AgentEnvironment';
  readonly identity: AgentIdentity;
  readonly audit: AuditTrail;
  readonly stores: EncryptedStore[] = [];
  readonly gates: ApprovalGate[] = [];
  readonly policy: LeastPrivilegePolicy;
  readonly network: NetworkBoundary;
  readonly runtime?: aws.bedrock.AgentcoreAgentRuntime;
  readonly gateway?: aws.bedrock.AgentcoreGateway;
  readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: AgentEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
    const scope = validateAgentEnvironmentArgs(args);
    const m = args.manifest;
    const paused = args.paused === true || m.paused === true;
    // What the guardrails need (agent, role, tools with risk and approval, kill switch), recorded as
    // the component's input so that a real `pulumi preview --json` and the state carry it.
    const metadata = buildAgentMetadata({ agent: m.name, roleName: agentRoleName(m.name), paused, tools: m.tools });
    super(AgentEnvironment.__pulumiType, name, { agentfence: metadata }, opts);
    const agent = m.name;
    const owner = m.owner.team;
    const riskTier = m.riskTier;
    const gatedTools = m.tools.filter(isGated);
    const models = m.models.filter((model) => model.hosted !== undefined).map((model) => ({ name: model.name, hostedId: model.hosted! }));
    const actions = grantedActions(m.tools, m.dataStores, gatedTools.length > 0, models.length > 0);
    const keyAdmins = args.keyAdmins !== undefined ? { keyAdmins: args.keyAdmins } : {};
    const child = { parent: this };

    this.identity = new AgentIdentity(
      `${name}-identity`,
      {
        agentName: agent,
        runtime: m.identity.runtime,
        scope,
        owner,
        riskTier,
        boundaryActions: actions,
        boundaryResources: uniqueSorted([
          ...m.tools.filter((tool) => !isGated(tool)).flatMap((tool) => tool.resources),
          ...models.map((model) => foundationModelArn(scope.region, model.hostedId)),
        ]),
        paused,
      },
      child,
    );
    this.roleArn = this.identity.roleArn;

    this.audit = new AuditTrail(
      `${name}-audit`,
      {
        agentName: agent,
        scope,
        riskTier,
        owner,
        retentionDays: m.monitoring.logRetentionDays,
        agentRoleArn: agentRoleArn(agent, scope),
        declaredActions: actions,
        ...(m.monitoring.alarmEmail !== undefined ? { alarmEmail: m.monitoring.alarmEmail } : m.monitoring.alarmTopicArn === undefined ? { alarmEmail: m.owner.email } : {}),
        ...(m.monitoring.alarmTopicArn !== undefined ? { alarmTopicArn: m.monitoring.alarmTopicArn } : {}),
        ...(args.cloudTrail !== undefined ? { cloudTrail: args.cloudTrail } : {}),
        ...keyAdmins,
      },
      { parent: this, dependsOn: [this.identity] },
    );

    for (const store of m.dataStores) {
      this.stores.push(
        new EncryptedStore(`${name}-store-${store.name}`, { agentName: agent, scope, store, agentRoleArn: this.identity.roleArn, owner, riskTier, ...keyAdmins }, child),
      );
    }

    for (const tool of gatedTools) {
      this.gates.push(
        new ApprovalGate(
          `${name}-gate-${tool.name}`,
          {
            agentName: agent,
            scope,
            tool,
            reviewerEmails: args.reviewerEmails ?? [m.owner.email],
            owner,
            riskTier,
            ...(args.approvalTimeoutSeconds !== undefined ? { timeoutSeconds: args.approvalTimeoutSeconds } : {}),
            ...keyAdmins,
          },
          child,
        ),
      );
    }

    this.policy = new LeastPrivilegePolicy(
      `${name}-policy`,
      {
        agentName: agent,
        scope,
        roleName: this.identity.roleName,
        tools: m.tools,
        stores: this.stores.map((store, i) => ({ name: m.dataStores[i]!.name, kind: m.dataStores[i]!.kind, arn: store.arn, keyArn: store.keyArn })),
        gates: this.gates.map((gate, i) => ({ tool: gatedTools[i]!.name, stateMachineArn: gate.stateMachineArn })),
        models,
        logStreamArn: this.audit.agentStreamArn,
      },
      { parent: this, dependsOn: [...this.stores, ...this.gates, this.audit] },
    );

    this.network = new NetworkBoundary(
      `${name}-network`,
      {
        agentName: agent,
        scope,
        runtime: m.identity.runtime,
        egress: m.network.egress,
        allowedHosts: m.network.egress === 'firewall' ? args.apiHosts ?? [] : [],
        actions,
        owner,
        riskTier,
        flowLogRetentionDays: Math.max(m.monitoring.logRetentionDays, 365),
        ...(args.cidrBlock !== undefined ? { cidrBlock: args.cidrBlock } : {}),
        ...(args.availabilityZones !== undefined ? { availabilityZones: args.availabilityZones } : {}),
        ...keyAdmins,
      },
      child,
    );

    if (m.identity.runtime === 'agentcore') {
      const built = this.buildAgentCore(name, args, scope);
      this.runtime = built.runtime;
      this.gateway = built.gateway;
    }
    this.registerOutputs({ agentfence: metadata, roleArn: this.roleArn, paused, gateArns: this.gates.map((gate) => gate.stateMachineArn), storeArns: this.stores.map((store) => store.arn) });
  }

  /** The AgentCore runtime in VPC mode and its gateway: CUSTOM_JWT authorizer, policy engine ENFORCE. */
  private buildAgentCore(name: string, args: AgentEnvironmentArgs, scope: AwsScope): { runtime: aws.bedrock.AgentcoreAgentRuntime; gateway: aws.bedrock.AgentcoreGateway } {
    const m = args.manifest;
    const agent = m.name;
    const child = { parent: this };
    const underscore = physicalName(['agentfence', agent.replace(/-/g, '_')], 48, '_');
    const tags = { 'agentfence:agent': agent, 'agentfence:owner': m.owner.team, 'agentfence:risk-tier': m.riskTier };

    let jwt: { discoveryUrl: pulumi.Input<string>; allowedAudiences?: string[]; allowedClients?: pulumi.Input<string>[] };
    if (args.authorizer !== undefined) {
      jwt = {
        discoveryUrl: args.authorizer.discoveryUrl,
        ...(args.authorizer.allowedAudiences !== undefined ? { allowedAudiences: [...args.authorizer.allowedAudiences] } : {}),
        ...(args.authorizer.allowedClients !== undefined ? { allowedClients: [...args.authorizer.allowedClients] } : {}),
      };
    } else {
      // No identity provider given: a Cognito user pool of the agent's own issues the tokens.
      const pool = new aws.cognito.UserPool(
        `${name}-callers`,
        {
          name: physicalName(['agentfence', agent, 'callers'], 128),
          deletionProtection: 'ACTIVE',
          adminCreateUserConfig: { allowAdminCreateUserOnly: true },
          passwordPolicy: { minimumLength: 14, requireLowercase: true, requireNumbers: true, requireSymbols: true, requireUppercase: true, temporaryPasswordValidityDays: 1 },
          mfaConfiguration: 'ON',
          softwareTokenMfaConfiguration: { enabled: true },
          tags,
        },
        child,
      );
      const client = new aws.cognito.UserPoolClient(
        `${name}-callers-client`,
        { name: physicalName(['agentfence', agent], 128), userPoolId: pool.id, generateSecret: true, preventUserExistenceErrors: 'ENABLED', enableTokenRevocation: true, explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] },
        child,
      );
      jwt = { discoveryUrl: pulumi.interpolate`https://cognito-idp.${scope.region}.amazonaws.com/${pool.id}/.well-known/openid-configuration`, allowedClients: [client.id] };
    }

    const gatewayName = physicalName(['agentfence', agent], 100);
    const key = new aws.kms.Key(
      `${name}-agentcore-key`,
      {
        description: `Encrypts the AgentCore gateway and policy engine of agent ${agent}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          buildKeyPolicy(
            scope,
            [
              {
                sid: 'AgentCoreInThisAccountOnly',
                principal: { Service: 'bedrock-agentcore.amazonaws.com' },
                actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
                condition: { StringEquals: { 'aws:SourceAccount': scope.account } },
              },
            ],
            args.keyAdmins ?? [accountRootArn(scope)],
          ),
        ),
        tags,
      },
      child,
    );
    const gatewayRole = createBoundedRole(this, `${name}-gateway-role`, {
      roleName: physicalName(['agentfence', agent, 'gateway'], 64),
      description: `Role of the AgentCore gateway of agent ${agent}; holds no tool permissions itself.`,
      assumeRolePolicy: toPolicyDocument([
        {
          Sid: 'AssumeByAgentCoreGatewayOnly',
          Effect: 'Allow',
          Principal: { Service: 'bedrock-agentcore.amazonaws.com' },
          Action: ['sts:AssumeRole'],
          Condition: { StringEquals: { 'aws:SourceAccount': scope.account }, ArnLike: { 'aws:SourceArn': arn(scope, 'bedrock-agentcore', 'gateway/*') } },
        },
      ]),
      // At most: fetch outbound credentials of the agent's own workload identity from the token vault.
      boundary: toPolicyDocument([
        {
          Sid: 'OutboundCredentialsOfThisAgentOnly',
          Effect: 'Allow',
          Action: ['bedrock-agentcore:GetResourceApiKey', 'bedrock-agentcore:GetResourceOauth2Token', 'bedrock-agentcore:GetWorkloadAccessToken'],
          Resource: [
            arn(scope, 'bedrock-agentcore', 'workload-identity-directory/default'),
            arn(scope, 'bedrock-agentcore', `workload-identity-directory/default/workload-identity/${physicalName(['agentfence', agent], 48)}`),
            arn(scope, 'bedrock-agentcore', 'token-vault/default'),
          ],
        },
      ]),
      tags,
    }).role;
    const engine = new aws.bedrock.AgentcorePolicyEngine(
      `${name}-policy-engine`,
      { name: underscore, description: `Cedar policies for the tools of agent ${agent}: anything not permitted is denied.`, encryptionKeyArn: key.arn, tags },
      child,
    );
    const authorizer = { customJwtAuthorizer: jwt };
    const gateway = new aws.bedrock.AgentcoreGateway(
      `${name}-gateway`,
      {
        name: gatewayName,
        description: `MCP gateway of agent ${agent}: JWT-authenticated, every tool call checked by the policy engine.`,
        roleArn: gatewayRole.arn,
        protocolType: 'MCP',
        authorizerType: 'CUSTOM_JWT',
        authorizerConfiguration: authorizer,
        kmsKeyArn: key.arn,
        policyEngineConfiguration: { arn: engine.policyEngineArn, mode: 'ENFORCE' },
        tags,
      },
      child,
    );
    const runtime = new aws.bedrock.AgentcoreAgentRuntime(
      `${name}-runtime`,
      {
        agentRuntimeName: underscore,
        description: `Runtime of agent ${agent}, inside its VPC.`,
        roleArn: this.identity.roleArn,
        agentRuntimeArtifact: { containerConfiguration: { containerUri: args.runtimeImage ?? `${scope.account}.dkr.ecr.${scope.region}.amazonaws.com/agentfence/${agent}:latest` } },
        networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: this.network.subnetIds, securityGroups: this.network.securityGroupIds } },
        authorizerConfiguration: authorizer,
        tags,
      },
      { parent: this, dependsOn: [this.policy] },
    );
    return { runtime, gateway };
  }
}
