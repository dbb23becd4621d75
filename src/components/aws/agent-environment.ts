/**
 * AgentEnvironment: the whole fenced environment of one agent, composed from its validated manifest:
 * identity, least-privilege policy, approval gates, encrypted stores, network boundary and audit
 * trail; for the AgentCore runtime also the runtime (VPC network mode) and its MCP gateway (JWT
 * authorizer, policy engine in ENFORCE mode).
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { AgentManifest } from '../../manifest/types.js';
import { buildGatewayCedar } from '../../cedar/gateway.js';
import { gatewayTools, type GatewayTool } from '../../cedar/targets.js';
import { argError, assertScope, isMissing } from './builders/args.js';
import { present } from '../../invariant.js';
import { accountRootArn, arn, type AwsScope } from './builders/arn.js';
import { physicalName } from './builders/names.js';
import { toPolicyDocument, uniqueSorted } from './builders/policy-document.js';
import { buildAgentMetadata } from '../../rules/iam/agent-metadata.js';
import { agentRoleArn, agentRoleName } from './builders/identity.js';
import {
  buildGatewayInvokeStatements,
  buildImagePullStatements,
  gatewayFunctionArns,
  gateRequestFunctionName,
  gateRequestSource,
  groupTargets,
  parseEcrImage,
  repositoryArn,
  toInlineInputSchema,
  type ImageRef,
  type TargetSpec,
} from './builders/agentcore.js';
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
  /** Container image of the AgentCore runtime, in ECR and pinned by digest (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<hex>`). Required for the AgentCore runtime. */
  readonly runtimeImage?: string;
  /** OpenAPI documents (JSON or YAML text) of the APIs that OpenAPI tool targets use, by API name, read from the verified descriptors. Defaults to none. */
  readonly openApiDocuments?: Readonly<Record<string, string>>;
  /** Outbound credentials from the token vault per gateway target (OpenAPI and MCP server targets). Defaults to none. */
  readonly targetCredentials?: Readonly<
    Record<string, { readonly apiKeyProviderArn: string } | { readonly oauthProviderArn: string; readonly scopes: readonly string[] }>
  >;
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
  if (isMissing(args.manifest) || typeof args.manifest !== 'object')
    throw argError(COMPONENT, 'manifest', 'be a validated agent manifest', args.manifest);
  const scope = assertScope(COMPONENT, 'manifest.identity', args.manifest.identity);
  if (args.authorizer !== undefined) {
    if (!/^https:\/\/[^\s]+$/.test(args.authorizer.discoveryUrl))
      throw argError(COMPONENT, 'authorizer.discoveryUrl', 'be an https URL', args.authorizer.discoveryUrl);
    if ((args.authorizer.allowedAudiences ?? []).length === 0 && (args.authorizer.allowedClients ?? []).length === 0) {
      throw argError(COMPONENT, 'authorizer', 'restrict allowedAudiences or allowedClients', args.authorizer);
    }
  }
  // A tag can be moved to other bytes after review: the runtime runs an image pinned by digest, from ECR.
  if (args.runtimeImage !== undefined && parseEcrImage(args.runtimeImage) === undefined) {
    throw argError(
      COMPONENT,
      'runtimeImage',
      'be an ECR image pinned by digest (<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>)',
      args.runtimeImage,
    );
  }
  if (args.manifest.identity.runtime === 'agentcore' && args.runtimeImage === undefined) {
    throw argError(
      COMPONENT,
      'runtimeImage',
      'be set for the AgentCore runtime (an ECR image pinned by digest; stack config agentfence:runtimeImage)',
      args.runtimeImage,
    );
  }
  for (const entry of gatewayTools(args.manifest)) {
    if (
      entry.kind === 'openapi' &&
      'openApi' in entry.tool.mcp.target &&
      args.openApiDocuments?.[entry.tool.mcp.target.openApi.api] === undefined
    ) {
      throw argError(
        COMPONENT,
        `openApiDocuments.${entry.tool.mcp.target.openApi.api}`,
        `hold the OpenAPI document of tool ${entry.tool.name}'s target`,
        undefined,
      );
    }
  }
  if (args.manifest.network.egress === 'none' && (args.apiHosts ?? []).length > 0) {
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
  readonly targets: aws.bedrock.AgentcoreGatewayTarget[] = [];
  readonly toolPolicies: aws.bedrock.AgentcorePolicy[] = [];
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
    const models = m.models.flatMap((model) => (model.hosted === undefined ? [] : [{ name: model.name, hostedId: model.hosted }]));
    const image = m.identity.runtime === 'agentcore' && args.runtimeImage !== undefined ? parseEcrImage(args.runtimeImage) : undefined;
    const actions = uniqueSorted([
      ...grantedActions(m.tools, m.dataStores, gatedTools.length > 0, models.length > 0),
      ...(image !== undefined ? ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] : []),
    ]);
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
          ...(image !== undefined ? [repositoryArn(image)] : []),
        ]),
        ...(image !== undefined ? { boundaryUnscopedActions: ['ecr:GetAuthorizationToken'] } : {}),
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
        ...(m.monitoring.alarmEmail !== undefined
          ? { alarmEmail: m.monitoring.alarmEmail }
          : m.monitoring.alarmTopicArn === undefined
            ? { alarmEmail: m.owner.email }
            : {}),
        ...(m.monitoring.alarmTopicArn !== undefined ? { alarmTopicArn: m.monitoring.alarmTopicArn } : {}),
        ...(args.cloudTrail !== undefined ? { cloudTrail: args.cloudTrail } : {}),
        ...keyAdmins,
      },
      { parent: this, dependsOn: [this.identity] },
    );

    for (const store of m.dataStores) {
      this.stores.push(
        new EncryptedStore(
          `${name}-store-${store.name}`,
          { agentName: agent, scope, store, agentRoleArn: this.identity.roleArn, owner, riskTier, ...keyAdmins },
          child,
        ),
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
        // stores and gates were created in the order of the manifest's data stores and gated tools
        stores: m.dataStores.map((spec, i) => {
          const store = present(this.stores[i], `store ${spec.name}`);
          return { name: spec.name, kind: spec.kind, arn: store.arn, keyArn: store.keyArn };
        }),
        gates: gatedTools.map((tool, i) => ({
          tool: tool.name,
          stateMachineArn: present(this.gates[i], `gate ${tool.name}`).stateMachineArn,
        })),
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
        allowedHosts: m.network.egress === 'firewall' ? (args.apiHosts ?? []) : [],
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
      const built = this.buildAgentCore(name, args, scope, present(image, 'the validated runtime image'), paused);
      this.runtime = built.runtime;
      this.gateway = built.gateway;
    }
    this.registerOutputs({
      agentfence: metadata,
      roleArn: this.roleArn,
      paused,
      gateArns: this.gates.map((gate) => gate.stateMachineArn),
      storeArns: this.stores.map((store) => store.arn),
    });
  }

  /** The AgentCore runtime in VPC mode and its gateway: CUSTOM_JWT authorizer, policy engine ENFORCE. */
  private buildAgentCore(
    name: string,
    args: AgentEnvironmentArgs,
    scope: AwsScope,
    image: ImageRef,
    paused: boolean,
  ): { runtime: aws.bedrock.AgentcoreAgentRuntime; gateway: aws.bedrock.AgentcoreGateway } {
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
          passwordPolicy: {
            minimumLength: 14,
            requireLowercase: true,
            requireNumbers: true,
            requireSymbols: true,
            requireUppercase: true,
            temporaryPasswordValidityDays: 1,
          },
          mfaConfiguration: 'ON',
          softwareTokenMfaConfiguration: { enabled: true },
          tags,
        },
        child,
      );
      const client = new aws.cognito.UserPoolClient(
        `${name}-callers-client`,
        {
          name: physicalName(['agentfence', agent], 128),
          userPoolId: pool.id,
          generateSecret: true,
          preventUserExistenceErrors: 'ENABLED',
          enableTokenRevocation: true,
          explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        },
        child,
      );
      jwt = {
        discoveryUrl: pulumi.interpolate`https://cognito-idp.${scope.region}.amazonaws.com/${pool.id}/.well-known/openid-configuration`,
        allowedClients: [client.id],
      };
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
    const tools = gatewayTools(m);
    const functionArns = gatewayFunctionArns(tools, agent, scope);
    const invoke = buildGatewayInvokeStatements(functionArns);
    const gatewayRole = createBoundedRole(this, `${name}-gateway-role`, {
      roleName: physicalName(['agentfence', agent, 'gateway'], 64),
      description: `Role of the AgentCore gateway of agent ${agent}; may only invoke the agent's own tool functions.`,
      assumeRolePolicy: toPolicyDocument([
        {
          Sid: 'AssumeByAgentCoreGatewayOnly',
          Effect: 'Allow',
          Principal: { Service: 'bedrock-agentcore.amazonaws.com' },
          Action: ['sts:AssumeRole'],
          Condition: {
            StringEquals: { 'aws:SourceAccount': scope.account },
            ArnLike: { 'aws:SourceArn': arn(scope, 'bedrock-agentcore', 'gateway/*') },
          },
        },
      ]),
      // At most: fetch outbound credentials of the agent's own workload identity from the token vault.
      boundary: toPolicyDocument([
        {
          Sid: 'OutboundCredentialsOfThisAgentOnly',
          Effect: 'Allow',
          Action: [
            'bedrock-agentcore:GetResourceApiKey',
            'bedrock-agentcore:GetResourceOauth2Token',
            'bedrock-agentcore:GetWorkloadAccessToken',
          ],
          Resource: [
            arn(scope, 'bedrock-agentcore', 'workload-identity-directory/default'),
            arn(
              scope,
              'bedrock-agentcore',
              `workload-identity-directory/default/workload-identity/${physicalName(['agentfence', agent], 48)}`,
            ),
            arn(scope, 'bedrock-agentcore', 'token-vault/default'),
          ],
        },
        ...invoke,
      ]),
      tags,
    }).role;
    if (invoke.length > 0) {
      new aws.iam.RolePolicy(
        `${name}-gateway-invoke`,
        { name: 'invoke-own-tool-functions', role: gatewayRole.name, policy: JSON.stringify(toPolicyDocument(invoke)) },
        child,
      );
    }
    const engine = new aws.bedrock.AgentcorePolicyEngine(
      `${name}-policy-engine`,
      {
        name: underscore,
        description: `Cedar policies for the tools of agent ${agent}: anything not permitted is denied.`,
        encryptionKeyArn: key.arn,
        tags,
      },
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
    this.buildTargets(name, args, scope, gateway, tools, tags);
    this.buildToolPolicies(name, m, engine, gateway, paused);
    // The execution role pulls exactly its image's repository; the registry token has no narrower resource.
    const pull = new aws.iam.RolePolicy(
      `${name}-runtime-pull`,
      {
        name: 'pull-runtime-image',
        role: this.identity.roleName,
        policy: JSON.stringify(toPolicyDocument(buildImagePullStatements(image))),
      },
      child,
    );
    const runtime = new aws.bedrock.AgentcoreAgentRuntime(
      `${name}-runtime`,
      {
        agentRuntimeName: underscore,
        description: `Runtime of agent ${agent}, inside its VPC.`,
        roleArn: this.identity.roleArn,
        agentRuntimeArtifact: { containerConfiguration: { containerUri: present(args.runtimeImage, 'the validated runtime image') } },
        networkConfiguration: {
          networkMode: 'VPC',
          networkModeConfig: { subnets: this.network.subnetIds, securityGroups: this.network.securityGroupIds },
        },
        authorizerConfiguration: authorizer,
        tags,
      },
      { parent: this, dependsOn: [this.policy, pull] },
    );
    return { runtime, gateway };
  }

  /** One gateway target per target of the manifest's tools; gated tools only through their approval-gate request function. */
  private buildTargets(
    name: string,
    args: AgentEnvironmentArgs,
    scope: AwsScope,
    gateway: aws.bedrock.AgentcoreGateway,
    tools: readonly GatewayTool[],
    tags: Record<string, string>,
  ): void {
    const agent = args.manifest.name;
    for (const target of groupTargets(tools)) {
      const targetConfiguration = this.targetConfiguration(name, args, scope, target, tags);
      const credentials = args.targetCredentials?.[target.name];
      this.targets.push(
        new aws.bedrock.AgentcoreGatewayTarget(
          `${name}-target-${target.name}`,
          {
            name: target.name,
            description: `Tools ${target.tools.map((entry) => entry.tool.name).join(', ')} of agent ${agent} (${target.kind}).`,
            gatewayIdentifier: gateway.gatewayId,
            targetConfiguration,
            credentialProviderConfiguration:
              credentials === undefined
                ? target.kind === 'lambda' || target.kind === 'approval-gate'
                  ? { gatewayIamRole: {} }
                  : undefined
                : 'apiKeyProviderArn' in credentials
                  ? { apiKey: { providerArn: credentials.apiKeyProviderArn } }
                  : { oauth: { providerArn: credentials.oauthProviderArn, scopes: [...credentials.scopes] } },
          },
          { parent: this },
        ),
      );
    }
  }

  private targetConfiguration(
    name: string,
    args: AgentEnvironmentArgs,
    scope: AwsScope,
    target: TargetSpec,
    tags: Record<string, string>,
  ): aws.types.input.bedrock.AgentcoreGatewayTargetTargetConfiguration {
    const inline = target.tools.map((entry) => ({
      name: entry.tool.mcp.toolName,
      description: entry.tool.mcp.description,
      inputSchema: toInlineInputSchema(entry.tool.mcp.inputSchema),
    }));
    const [first] = target.tools;
    switch (target.kind) {
      case 'lambda':
        return {
          mcp: { lambda: { lambdaArn: (first.tool.mcp.target as { lambda: string }).lambda, toolSchema: { inlinePayloads: inline } } },
        };
      case 'approval-gate':
        return {
          mcp: {
            lambda: { lambdaArn: this.gateRequestFunction(name, args, scope, first, tags).arn, toolSchema: { inlinePayloads: inline } },
          },
        };
      case 'openapi': {
        const api = (first.tool.mcp.target as { openApi: { api: string } }).openApi.api;
        return {
          mcp: {
            openApiSchema: { inlinePayload: { payload: present(args.openApiDocuments?.[api], `the validated openApiDocuments.${api}`) } },
          },
        };
      }
      case 'mcp-server':
        return { mcp: { mcpServer: { endpoint: (first.tool.mcp.target as { mcpServer: { endpoint: string } }).mcpServer.endpoint } } };
      default: {
        const unreachable: never = target.kind;
        throw argError(COMPONENT, 'manifest.tools', 'use a known target kind', unreachable);
      }
    }
  }

  /** The function a gated tool's target invokes: it only starts an execution of the tool's approval gate. */
  private gateRequestFunction(
    name: string,
    args: AgentEnvironmentArgs,
    scope: AwsScope,
    entry: GatewayTool,
    tags: Record<string, string>,
  ): aws.lambda.Function {
    const agent = args.manifest.name;
    // Gates are created in the order of the manifest's gated tools.
    const gate = present(
      this.gates[args.manifest.tools.filter(isGated).findIndex((tool) => tool.name === entry.tool.name)],
      `the approval gate of tool ${entry.tool.name}`,
    );
    const functionName = gateRequestFunctionName(agent, entry.tool.name);
    const statements = [
      { Sid: 'StartThisApprovalGateOnly', Effect: 'Allow' as const, Action: ['states:StartExecution'], Resource: [gate.stateMachineArn] },
      {
        Sid: 'WriteAuditLog',
        Effect: 'Allow' as const,
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [`${this.audit.logGroupArn}:log-stream:*`],
      },
    ];
    const role = createBoundedRole(this, `${name}-gate-${entry.tool.name}-request-role`, {
      roleName: physicalName(['agentfence', agent, entry.tool.name, 'request'], 64),
      description: `Role of the approval request function of tool ${entry.tool.name} (agent ${agent}): starts its approval gate, nothing else.`,
      assumeRolePolicy: toPolicyDocument([
        {
          Sid: 'AssumeByLambdaOnly',
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: ['sts:AssumeRole'],
          Condition: { StringEquals: { 'aws:SourceAccount': scope.account } },
        },
      ]),
      boundary: toPolicyDocument(statements),
      tags,
    }).role;
    const policy = new aws.iam.RolePolicy(
      `${name}-gate-${entry.tool.name}-request-policy`,
      { name: 'start-approval-gate', role: role.name, policy: JSON.stringify(toPolicyDocument(statements)) },
      { parent: this },
    );
    return new aws.lambda.Function(
      `${name}-gate-${entry.tool.name}-request`,
      {
        name: functionName,
        description: `Turns a gateway call of ${entry.tool.name} into an approval request; never performs the action.`,
        role: role.arn,
        runtime: 'nodejs20.x',
        handler: 'index.handler',
        code: new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset(gateRequestSource(gate.stateMachineArn)) }),
        timeout: 10,
        reservedConcurrentExecutions: 5,
        tracingConfig: { mode: 'Active' },
        loggingConfig: { logFormat: 'JSON', logGroup: this.audit.logGroup.name },
        tags,
      },
      { parent: this, dependsOn: [policy] },
    );
  }

  /** One AgentCore policy per generated Cedar policy, attached to the engine, validated against the targets' schema. */
  private buildToolPolicies(
    name: string,
    m: AgentManifest,
    engine: aws.bedrock.AgentcorePolicyEngine,
    gateway: aws.bedrock.AgentcoreGateway,
    paused: boolean,
  ): void {
    const offline = buildGatewayCedar(m, { paused });
    const texts = gateway.gatewayArn.apply((gatewayArn) =>
      buildGatewayCedar(m, { gatewayArn, paused }).policies.map((policy) => policy.text),
    );
    offline.policies.forEach((policy, i) => {
      this.toolPolicies.push(
        new aws.bedrock.AgentcorePolicy(
          `${name}-cedar-${policy.id}`,
          {
            name: policy.id.replace(/-/g, '_'),
            description:
              policy.tool === undefined
                ? `Kill switch of agent ${m.name}: every tool call is denied.`
                : `${policy.effect} ${policy.role} of tool ${policy.tool} (agent ${m.name}).`,
            policyEngineId: engine.policyEngineId,
            definition: { cedar: { statement: texts.apply((all) => present(all[i], `the Cedar text of policy ${policy.id}`)) } },
            validationMode: 'FAIL_ON_ANY_FINDINGS',
          },
          { parent: this, dependsOn: this.targets },
        ),
      );
    });
  }
}
