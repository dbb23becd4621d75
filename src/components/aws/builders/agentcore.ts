/**
 * Pure builders for the AgentCore parts of an agent's environment: the runtime image reference
 * (by digest only) and what its execution role needs to pull it, the gateway targets of the
 * manifest's tools, the approval-gate request functions that front gated tools, and the gateway
 * role's permissions (exactly `lambda:InvokeFunction` on its own functions).
 */
import type { GatewayTool } from '../../../cedar/targets.js';
import type { ToolInputSchema } from '../../../manifest/types.js';
import { arn, type AwsScope } from './arn.js';
import { physicalName } from './names.js';
import { type Statement } from './policy-document.js';

/** A container image in ECR, pinned by digest. */
export interface ImageRef {
  readonly registry: string;
  readonly account: string;
  readonly region: string;
  readonly repository: string;
  /** `sha256:<64 hex>`. */
  readonly digest: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+)@(sha256:[a-f0-9]{64})$/;

/** Parses an ECR image reference pinned by digest; undefined for anything else (a tag, another registry). */
export function parseEcrImage(ref: string): ImageRef | undefined {
  const [, account, region, repository, digest] = ECR_IMAGE.exec(ref) ?? [];
  if (account === undefined || region === undefined || repository === undefined || digest === undefined) return undefined;
  return { registry: ref.slice(0, ref.indexOf('/')), account, region, repository, digest };
}

/** The ECR repository ARN of an image. */
export function repositoryArn(image: ImageRef): string {
  return arn({ account: image.account, region: image.region }, 'ecr', `repository/${image.repository}`);
}

/**
 * What an execution role needs to pull exactly this image: layer and manifest reads on its
 * repository, and a registry token, which AWS grants only on `"*"` (GetAuthorizationToken has no
 * resource-level permissions).
 */
export function buildImagePullStatements(image: ImageRef): Statement[] {
  return [
    {
      Sid: 'PullRuntimeImage',
      Effect: 'Allow',
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: [repositoryArn(image)],
    },
    { Sid: 'RegistryToken', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
  ];
}

/** Physical name of the Lambda function that turns a gated tool call into an approval request. */
export function gateRequestFunctionName(agent: string, tool: string): string {
  return physicalName(['agentfence', agent, tool, 'approval'], 64);
}

/** ARN of that function. */
export function gateRequestFunctionArn(agent: string, tool: string, scope: AwsScope): string {
  return arn(scope, 'lambda', `function:${gateRequestFunctionName(agent, tool)}`);
}

/** The Lambda functions the gateway invokes: declared Lambda targets and the approval-gate request functions. */
export function gatewayFunctionArns(tools: readonly GatewayTool[], agent: string, scope: AwsScope): string[] {
  const out = new Set<string>();
  for (const entry of tools) {
    if (entry.kind === 'approval-gate') out.add(gateRequestFunctionArn(agent, entry.tool.name, scope));
    else if ('lambda' in entry.tool.mcp.target) out.add(entry.tool.mcp.target.lambda);
  }
  return [...out].sort();
}

/** The gateway role's only permission: invoking its own functions. None when it has none. */
export function buildGatewayInvokeStatements(functionArns: readonly string[]): Statement[] {
  return functionArns.length === 0
    ? []
    : [{ Sid: 'InvokeOwnToolFunctions', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [...functionArns] }];
}

/** A tool input schema in the shape of an inline Lambda tool schema (`properties` as a list). */
export function toInlineInputSchema(schema: ToolInputSchema): {
  type: string;
  properties: { name: string; type: string; description?: string; required?: boolean; items?: { type: string } }[];
} {
  const required = new Set(schema.required ?? []);
  return {
    type: 'object',
    properties: Object.entries(schema.properties).map(([name, property]) => ({
      name,
      type: property.type,
      ...(property.description !== undefined ? { description: property.description } : {}),
      ...(required.has(name) ? { required: true } : {}),
      ...(property.items !== undefined ? { items: { type: property.items.type } } : {}),
    })),
  };
}

/** One gateway target: its name and the tools it carries. */
export interface TargetSpec {
  readonly name: string;
  readonly kind: GatewayTool['kind'];
  /** Never empty: a target exists because a tool names it. */
  readonly tools: readonly [GatewayTool, ...GatewayTool[]];
}

/** Gateway tools grouped by target, in first-seen order. */
export function groupTargets(tools: readonly GatewayTool[]): TargetSpec[] {
  const byName = new Map<string, [GatewayTool, ...GatewayTool[]]>();
  for (const entry of tools) {
    const group = byName.get(entry.target);
    if (group === undefined) byName.set(entry.target, [entry]);
    else group.push(entry);
  }
  return [...byName.entries()].map(([name, entries]) => ({ name, kind: entries[0].kind, tools: entries }));
}

/**
 * Source of the approval-gate request function: starts one execution of the gate's state machine
 * with the tool call as input and answers that the request awaits a reviewer. Node.js 20 ships the
 * AWS SDK v3, so the function has no dependencies.
 */
export function gateRequestSource(stateMachineArn: string): string {
  return [
    "import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';",
    'const sfn = new SFNClient({});',
    'export const handler = async (event, context) => {',
    `  const out = await sfn.send(new StartExecutionCommand({ stateMachineArn: ${JSON.stringify(stateMachineArn)}, input: JSON.stringify({ tool: context?.clientContext?.custom?.bedrockAgentCoreToolName ?? null, input: event }) }));`,
    "  return { status: 'PENDING_APPROVAL', executionArn: out.executionArn };",
    '};',
    '',
  ].join('\n');
}
