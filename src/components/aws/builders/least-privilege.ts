/**
 * Pure builders for the agent's own policy: one statement per directly granted tool, the data and
 * KMS permissions of the agent's own stores, `states:StartExecution` on each approval gate, and
 * writing to its audit log. Never a wildcard action or resource, never NotAction/NotResource.
 */
import { ConfigError } from '../../../errors.js';
import type { DataStoreSpec, ToolSpec } from '../../../manifest/types.js';
import { findAction } from '../../../rules/iam/data.js';
import { arnScope } from '../../../rules/iam/wildcards.js';
import { assertAction, assertArn, assertSlug, assertUnique, argError, isList } from './args.js';
import { pascal } from './names.js';
import { type PolicyDocument, type Statement, toPolicyDocument, uniqueSorted } from './policy-document.js';

/** Whether a tool goes through an approval gate instead of being granted to the agent. */
export function isGated(tool: Pick<ToolSpec, 'risk' | 'approval'>): boolean {
  return tool.approval === 'required' || tool.risk === 'high';
}

/** The data actions the agent gets on its own stores, per kind. Deletion stays with retention. */
export const STORE_ACTIONS: Readonly<Record<DataStoreSpec['kind'], readonly string[]>> = {
  s3: ['s3:GetObject', 's3:PutObject'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
};

/** Listing a bucket is granted on the bucket ARN itself, objects on `<bucket>/*`. */
export const BUCKET_LIST_ACTIONS: readonly string[] = ['s3:ListBucket'];

/** Using a store's key: only through the store's service (`kms:ViaService`). */
export const STORE_KEY_ACTIONS: readonly string[] = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];

/** Writing the agent's own, pre-created audit log stream (no CreateLogStream, so no wildcard). */
export const LOG_WRITE_ACTIONS: readonly string[] = ['logs:PutLogEvents'];

/** Invoking a hosted (Bedrock) model the manifest names. */
export const MODEL_ACTIONS: readonly string[] = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

/** A hosted model the agent may invoke. */
export interface ModelGrant {
  readonly name: string;
  /** Bedrock model id, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  readonly hostedId: string;
}

/** The foundation-model ARN of a Bedrock model id (foundation models have no account). */
export function foundationModelArn(region: string, hostedId: string): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:bedrock:${region}::foundation-model/${hostedId}`;
}

/** One statement per hosted model: invoke exactly that model. */
export function buildModelStatements(models: readonly ModelGrant[], region: string): Statement[] {
  return models.map((model) => ({
    Sid: `Model${pascal(model.name)}`,
    Effect: 'Allow' as const,
    Action: [...MODEL_ACTIONS],
    Resource: [foundationModelArn(region, model.hostedId)],
  }));
}

/** A store as the policy sees it: concrete ARNs once the store exists. */
export interface StoreGrant {
  readonly name: string;
  readonly kind: DataStoreSpec['kind'];
  /** Bucket or table ARN. */
  readonly arn: string;
  readonly keyArn: string;
}

/** A gate as the policy sees it. */
export interface GateGrant {
  readonly tool: string;
  readonly stateMachineArn: string;
}

export interface AgentPolicyInput {
  readonly region: string;
  readonly tools: readonly ToolSpec[];
  readonly stores: readonly StoreGrant[];
  readonly gates: readonly GateGrant[];
  /** Hosted models the agent invokes. Defaults to none. */
  readonly models?: readonly ModelGrant[];
  /** The agent's audit log stream ARN (`arn:...:log-group:<group>:log-stream:<stream>`). */
  readonly logStreamArn?: string;
}

const COMPONENT = 'LeastPrivilegePolicy';

/** Validates the tools the policy is built from; errors name the offending arg. */
export function assertTools(tools: readonly ToolSpec[], component = COMPONENT): void {
  tools.forEach((tool, index) => {
    assertSlug(component, `tools[${index}].name`, tool.name);
    if (!isList(tool.actions) || tool.actions.length === 0)
      throw argError(component, `tools[${index}].actions`, 'be a non-empty list', tool.actions);
    if (!isList(tool.resources) || tool.resources.length === 0)
      throw argError(component, `tools[${index}].resources`, 'be a non-empty list', tool.resources);
    tool.actions.forEach((action, i) => assertAction(component, `tools[${index}].actions[${i}]`, action));
    // As the manifest allows: bounded wildcards, and `*` only when no action has resource-level permissions.
    const starOnly = tool.actions.every((action) => findAction(action)?.resourceTypes.length === 0);
    tool.resources.forEach((resource, i) => {
      if ((resource === '*' && starOnly) || (resource !== '*' && arnScope(resource).kind === 'bounded')) return;
      assertArn(component, `tools[${index}].resources[${i}]`, resource);
    });
  });
  assertUnique(
    component,
    'tools',
    tools.map((tool) => tool.name),
  );
}

/** One statement per directly granted (low-risk, no-approval) tool: `Tool<Name>`. */
export function buildToolStatements(tools: readonly ToolSpec[]): Statement[] {
  return tools
    .filter((tool) => !isGated(tool))
    .map((tool) => ({
      Sid: `Tool${pascal(tool.name)}`,
      Effect: 'Allow' as const,
      Action: uniqueSorted(tool.actions),
      Resource: uniqueSorted(tool.resources),
    }));
}

/** Data + key statements for each of the agent's own stores. */
export function buildStoreStatements(stores: readonly StoreGrant[], region: string): Statement[] {
  const statements: Statement[] = [];
  for (const store of stores) {
    const id = pascal(store.name);
    if (store.kind === 's3') {
      statements.push({ Sid: `Store${id}List`, Effect: 'Allow', Action: [...BUCKET_LIST_ACTIONS], Resource: [store.arn] });
      statements.push({ Sid: `Store${id}Objects`, Effect: 'Allow', Action: [...STORE_ACTIONS.s3], Resource: [`${store.arn}/*`] });
    } else {
      statements.push({ Sid: `Store${id}Items`, Effect: 'Allow', Action: [...STORE_ACTIONS.dynamodb], Resource: [store.arn] });
    }
    // The key is usable only through the store's own service, so it cannot decrypt data exfiltrated elsewhere.
    statements.push({
      Sid: `Store${id}Key`,
      Effect: 'Allow',
      Action: [...STORE_KEY_ACTIONS],
      Resource: [store.keyArn],
      Condition: { StringEquals: { 'kms:ViaService': `${store.kind}.${region}.amazonaws.com` } },
    });
  }
  return statements;
}

/** The only permission a gated tool gives the agent: asking for a human decision. */
export function buildGateStatements(gates: readonly GateGrant[]): Statement[] {
  return gates.map((gate) => ({
    Sid: `Gate${pascal(gate.tool)}Start`,
    Effect: 'Allow' as const,
    Action: ['states:StartExecution'],
    Resource: [gate.stateMachineArn],
  }));
}

/** The agent's whole inline policy. */
export function buildAgentPolicy(input: AgentPolicyInput): PolicyDocument {
  const statements = [
    ...buildToolStatements(input.tools),
    ...buildModelStatements(input.models ?? [], input.region),
    ...buildStoreStatements(input.stores, input.region),
    ...buildGateStatements(input.gates),
  ];
  if (input.logStreamArn !== undefined) {
    statements.push({ Sid: 'AuditLogWrite', Effect: 'Allow', Action: [...LOG_WRITE_ACTIONS], Resource: [input.logStreamArn] });
  }
  return toPolicyDocument(statements);
}

/** Every action the agent may hold (for the permissions boundary and VPC endpoints). */
export function grantedActions(
  tools: readonly ToolSpec[],
  stores: readonly Pick<DataStoreSpec, 'kind'>[],
  gated: boolean,
  models = false,
): string[] {
  const actions: string[] = tools.filter((tool) => !isGated(tool)).flatMap((tool) => tool.actions);
  if (models) actions.push(...MODEL_ACTIONS);
  for (const store of stores)
    actions.push(...STORE_ACTIONS[store.kind], ...(store.kind === 's3' ? BUCKET_LIST_ACTIONS : []), ...STORE_KEY_ACTIONS);
  if (gated) actions.push('states:StartExecution');
  actions.push(...LOG_WRITE_ACTIONS);
  return uniqueSorted(actions);
}

/** AWS's size limit of one managed policy document (non-whitespace characters). */
export const MANAGED_POLICY_MAX_CHARS = 6144;

/** AWS's default number of managed policies attached to one role. */
export const MAX_ATTACHED_POLICIES = 10;

/**
 * Packs statements, in order, into as few documents as fit the managed-policy size limit.
 * @throws ConfigError POLICY_TOO_LARGE when one statement alone, or the whole set, exceeds what a role can hold.
 */
export function chunkStatements(
  statements: readonly Statement[],
  maxChars = MANAGED_POLICY_MAX_CHARS,
  maxDocuments = MAX_ATTACHED_POLICIES,
): Statement[][] {
  const overhead = JSON.stringify(toPolicyDocument([])).length;
  const chunks: Statement[][] = [];
  let current: Statement[] = [];
  let size = overhead;
  for (const statement of statements) {
    const length = JSON.stringify(statement).length + 1;
    if (overhead + length > maxChars) {
      throw new ConfigError(
        'POLICY_TOO_LARGE',
        `policy statement ${statement.Sid} must fit ${maxChars} characters (got ${overhead + length}); split the tool`,
      );
    }
    if (size + length > maxChars && current.length > 0) {
      chunks.push(current);
      current = [];
      size = overhead;
    }
    current.push(statement);
    size += length;
  }
  if (current.length > 0) chunks.push(current);
  if (chunks.length > maxDocuments) {
    throw new ConfigError(
      'POLICY_TOO_LARGE',
      `the agent's permissions must fit ${maxDocuments} managed policies of ${maxChars} characters (got ${chunks.length}); reduce or merge tools`,
    );
  }
  return chunks;
}
