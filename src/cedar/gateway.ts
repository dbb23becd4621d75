/**
 * One gateway's Cedar, generated from a manifest and checked with the real engine: the schema, the
 * policies, their validation (syntax, schema and type errors), authorization of one call, and the
 * two analyses AgentCore's own validation reports (a policy always true for a high-risk tool; a
 * policy that can never be satisfied), found by partial evaluation with the caller and the input
 * unknown.
 */
import type { DetailedError, EntityJson, PartialAuthorizationAnswer, TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import type { AgentManifest } from '../manifest/types.js';
import { decide } from './decide.js';
import { cedarEngine } from './engine.js';
import { buildPolicies, type GeneratedPolicy, type PolicyOptions } from './policies.js';
import { buildCedarSchema, PRINCIPAL_TYPE, type GatewayAuthorizer } from './schema.js';
import { conformsToInputSchema, toCedarInput } from './request.js';
import { gatewayTools, type GatewayTool } from './targets.js';

/** A gateway's generated Cedar. */
export interface GatewayCedar {
  readonly tools: readonly GatewayTool[];
  readonly schema: string;
  readonly policies: readonly GeneratedPolicy[];
  readonly gatewayArn: string;
  readonly authorizer: GatewayAuthorizer;
}

/** A problem the engine found in a generated policy. */
export interface CedarProblem {
  readonly kind: 'parse' | 'validation' | 'overly-permissive' | 'unsatisfiable';
  /** The policy it is in; absent when the whole set failed to parse. */
  readonly policyId?: string;
  readonly message: string;
  /** 1-based line and column inside the policy text, when the engine gave a location. */
  readonly line?: number;
  readonly col?: number;
  /** Offset inside the policy text, when the engine gave a location. */
  readonly offset?: number;
}

/** The placeholder gateway ARN used offline (the real one is known only after deploy). */
export function offlineGatewayArn(manifest: AgentManifest): string {
  return `arn:aws:bedrock-agentcore:${manifest.identity.region}:${manifest.identity.account}:gateway/agentfence-${manifest.name}`;
}

/** Generates the schema and policies of the manifest's gateway. */
export function buildGatewayCedar(manifest: AgentManifest, options: Partial<PolicyOptions> = {}): GatewayCedar {
  const tools = gatewayTools(manifest);
  const authorizer = options.authorizer ?? 'oauth';
  const gatewayArn = options.gatewayArn ?? offlineGatewayArn(manifest);
  const paused = options.paused ?? manifest.paused === true;
  return {
    tools,
    schema: buildCedarSchema(tools, authorizer),
    policies: buildPolicies(tools, { gatewayArn, paused, authorizer }),
    gatewayArn,
    authorizer,
  };
}

/** 1-based line and column of `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: before.length - before.lastIndexOf('\n') };
}

function problemOf(kind: CedarProblem['kind'], error: DetailedError, policy: GeneratedPolicy | undefined): CedarProblem {
  const offset = error.sourceLocations?.[0]?.start;
  const help = error.help !== null && error.help !== '' ? ` (${error.help})` : '';
  const base = { kind, message: `${error.message}${help}`, ...(policy !== undefined ? { policyId: policy.id } : {}) };
  return offset !== undefined && policy !== undefined ? { ...base, offset, ...lineCol(policy.text, offset) } : base;
}

/** Parses the schema and each policy, then validates them (strict mode); every problem found. */
export function validateGatewayCedar(cedar: GatewayCedar): CedarProblem[] {
  const engine = cedarEngine();
  const problems: CedarProblem[] = [];
  const schema = engine.checkParseSchema(cedar.schema);
  if (schema.type === 'failure') return schema.errors.map((error) => problemOf('parse', error, undefined));
  const parsed: Record<string, string> = {};
  for (const policy of cedar.policies) {
    // Each policy alone, so an error's offset is inside that policy's text.
    const answer = engine.checkParsePolicySet({ staticPolicies: { [policy.id]: policy.text } });
    if (answer.type === 'failure') problems.push(...answer.errors.map((error) => problemOf('parse', error, policy)));
    else parsed[policy.id] = policy.text;
  }
  if (Object.keys(parsed).length === 0) return problems;
  const answer = engine.validate({ schema: cedar.schema, policies: { staticPolicies: parsed }, validationSettings: { mode: 'strict' } });
  if (answer.type === 'failure') return [...problems, ...answer.errors.map((error) => problemOf('validation', error, undefined))];
  const byId = new Map(cedar.policies.map((policy) => [policy.id, policy]));
  for (const found of answer.validationErrors) problems.push(problemOf('validation', found.error, byId.get(found.policyId)));
  return problems;
}

/** One call to authorize. */
export interface CallRequest {
  /** Manifest tool name. */
  readonly tool: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** Caller token claims; `sub` becomes the principal id. Defaults to none. */
  readonly claims?: Readonly<Record<string, string>>;
}

/** The engine's answer for one call. */
export interface CallDecision {
  readonly decision: 'allow' | 'deny';
  /** Policies that determined the decision (the satisfied permits on allow, the satisfied forbids on deny), sorted. */
  readonly policies: readonly string[];
  /** Evaluation or request errors (a request error always denies), sorted. */
  readonly errors: readonly string[];
}

function principalEntity(cedar: GatewayCedar, claims: Readonly<Record<string, string>>): EntityJson & { readonly uid: TypeAndId } {
  const id = claims['sub'] ?? 'anonymous';
  return cedar.authorizer === 'oauth'
    ? { uid: { type: PRINCIPAL_TYPE.oauth, id }, attrs: { id }, parents: [], tags: { ...claims } }
    : { uid: { type: PRINCIPAL_TYPE.iam, id }, attrs: { id }, parents: [] };
}

/** Decides one call with the real engine, validating the request against the schema; fails closed. */
export function authorizeCall(cedar: GatewayCedar, request: CallRequest): CallDecision {
  const entry = cedar.tools.find((tool) => tool.tool.name === request.tool);
  if (entry === undefined) {
    return {
      decision: 'deny',
      policies: [],
      errors: [
        `tool ${JSON.stringify(request.tool)} is not exposed by the gateway (tools: ${cedar.tools.map((tool) => tool.tool.name).join(', ') || 'none'})`,
      ],
    };
  }
  let input;
  try {
    input = toCedarInput(entry.tool.mcp.inputSchema, request.input);
  } catch (error) {
    return { decision: 'deny', policies: [], errors: [(error as Error).message] };
  }
  const claims = request.claims ?? {};
  const answer = decide(cedar, {
    principal: principalEntity(cedar, claims),
    action: { type: 'AgentCore::Action', id: entry.action },
    context: { input },
    // String claims (the schema's tags) and an input of the tool's input schema: the engine would accept the request.
    conforms:
      Object.values(claims).every((claim) => typeof claim === 'string') && conformsToInputSchema(entry.tool.mcp.inputSchema, request.input),
  });
  if (answer.type === 'failure') return { decision: 'deny', policies: [], errors: answer.errors.map((error) => error.message) };
  // The engine reports both as sets, in an order that varies from call to call: sorted, so the same call prints the same.
  const errors = answer.response.diagnostics.errors.map((found) => `${found.policyId}: ${found.error.message}`).sort();
  return { decision: answer.response.decision, policies: [...answer.response.diagnostics.reason].sort(), errors };
}

/** Partial evaluation of one tool's policies with the input unknown and the caller unknown, or a caller with no claims. */
function residuals(cedar: GatewayCedar, entry: GatewayTool, caller: 'unknown' | 'no-claims'): PartialAuthorizationAnswer {
  const principal = { type: PRINCIPAL_TYPE[cedar.authorizer], id: 'agentfence-analysis' };
  return cedarEngine().isAuthorizedPartial({
    principal: caller === 'unknown' ? null : principal,
    action: { type: 'AgentCore::Action', id: entry.action },
    resource: { type: 'AgentCore::Gateway', id: cedar.gatewayArn },
    context: { input: { __extn: { fn: 'unknown', arg: 'input' } } },
    policies: {
      staticPolicies: Object.fromEntries(
        cedar.policies.filter((policy) => policy.action === entry.action).map((policy) => [policy.id, policy.text]),
      ),
    },
    entities:
      caller === 'unknown'
        ? []
        : [{ uid: principal, attrs: { id: principal.id }, parents: [], ...(cedar.authorizer === 'oauth' ? { tags: {} } : {}) }],
  });
}

/** Whether a residual condition is `false` in one of its top-level conjuncts (so it can never hold). */
function foldsTo(expr: unknown, value: boolean): boolean {
  if (expr === null || typeof expr !== 'object') return false;
  const node = expr as Record<string, unknown>;
  if ('Value' in node) return node['Value'] === value;
  const and = node[value ? '||' : '&&'] as { left: unknown; right: unknown } | undefined;
  return and !== undefined && (foldsTo(and.left, value) || foldsTo(and.right, value));
}

/**
 * Partial evaluation of each tool's policies with the caller and the input unknown: a permit of a
 * high-risk tool that is already satisfied is always true (overly permissive); a policy whose
 * residual is `false` can never apply (ineffective). Constant folding only: a contradiction between
 * two unknown-dependent terms (`x > 5 && x < 3`) is not found.
 */
export function analyzeGatewayCedar(cedar: GatewayCedar): CedarProblem[] {
  const problems: CedarProblem[] = [];
  for (const entry of cedar.tools) {
    const anyone = residuals(cedar, entry, 'no-claims');
    const unknown = residuals(cedar, entry, 'unknown');
    if (anyone.type === 'failure' || unknown.type === 'failure') {
      const errors = [...(anyone.type === 'failure' ? anyone.errors : []), ...(unknown.type === 'failure' ? unknown.errors : [])];
      problems.push({
        kind: 'validation',
        message: `partial evaluation of ${entry.tool.name} must succeed (got ${errors.map((error) => error.message).join('; ')})`,
      });
      continue;
    }
    for (const policy of cedar.policies.filter((candidate) => candidate.action === entry.action)) {
      // Satisfied for a caller with no claims whatever the input: nothing constrains a high-risk tool.
      if (policy.effect === 'permit' && entry.tool.risk === 'high' && anyone.response.satisfied.includes(policy.id)) {
        problems.push({
          kind: 'overly-permissive',
          policyId: policy.id,
          message: `${policy.id} permits every call of high-risk tool ${entry.tool.name}, by a caller with no claims and with any input`,
        });
      }
      const residual = unknown.response.residuals[policy.id];
      const never = residual !== undefined && residual.conditions.some((clause) => foldsTo(clause.body, clause.kind === 'unless'));
      if (never)
        problems.push({
          kind: 'unsatisfiable',
          policyId: policy.id,
          message: `${policy.id} can never be satisfied (a condition is always false), so it has no effect`,
        });
    }
  }
  return problems;
}
