/**
 * The Cedar policies of a gateway, generated from the manifest: one permit per tool scoped to this
 * gateway's ARN and the tool's action (for a gated tool, its approval-gate action) with its
 * conditions; a forbid per limit and per allowed-value list the manifest sets (so an out-of-bounds
 * call is refused by a named policy, whatever else permits it); and, when the agent is paused, one
 * `forbid(principal, action, resource);` that stops every tool at once.
 * Condition syntax follows https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/policy-conditions.html
 */
import { InputError } from '../errors.js';
import { present } from '../invariant.js';
import type { ToolInputProperty } from '../manifest/types.js';
import { PRINCIPAL_TYPE, type GatewayAuthorizer } from './schema.js';
import type { GatewayTool } from './targets.js';

/** What a generated policy is for. */
export type PolicyRole = 'permit' | 'limit' | 'allowed-values' | 'kill-switch';

/** Where an expert's raw Cedar sits inside a generated policy. */
export interface RawCedarOrigin {
  readonly toolIndex: number;
  readonly field: 'when' | 'unless';
  /** Offset of the raw expression inside the policy text. */
  readonly offset: number;
  readonly length: number;
}

/** One generated Cedar policy. */
export interface GeneratedPolicy {
  /** Stable id (also its AgentCore policy name, with `-` for `_`). */
  readonly id: string;
  readonly effect: 'permit' | 'forbid';
  readonly role: PolicyRole;
  /** The manifest tool it governs; absent for the kill switch. */
  readonly tool?: string;
  /** The Cedar action it is scoped to; absent for the kill switch. */
  readonly action?: string;
  readonly text: string;
  readonly raw: readonly RawCedarOrigin[];
}

/** What the generator needs besides the tools. */
export interface PolicyOptions {
  /** ARN of the gateway the policies are attached to. */
  readonly gatewayArn: string;
  /** Kill switch on. Defaults to false. */
  readonly paused?: boolean;
  /** The gateway's authorizer. Defaults to `oauth`. */
  readonly authorizer?: GatewayAuthorizer;
}

const RESERVED = new Set(['true', 'false', 'if', 'then', 'else', 'in', 'like', 'has', 'is', '__cedar']);

/** `context.input.<field>`, quoted when the field name is a Cedar keyword. */
export function inputRef(field: string): string {
  return RESERVED.has(field) ? `context.input[${JSON.stringify(field)}]` : `context.input.${field}`;
}

/** `context.input has <field>`. */
function hasRef(field: string): string {
  return RESERVED.has(field) ? `context.input has ${JSON.stringify(field)}` : `context.input has ${field}`;
}

/** A number as a Cedar literal of the field's type: a Long, or a decimal("...") with at most 4 decimals. */
export function numberLiteral(value: number, property: ToolInputProperty, where: string): string {
  if (!Number.isFinite(value)) throw new InputError('CEDAR_LITERAL', `${where} must be a finite number (got ${value})`);
  if (property.type === 'integer') {
    if (!Number.isSafeInteger(value))
      throw new InputError('CEDAR_LITERAL', `${where} must be an integer for an integer field (got ${value})`);
    return String(value);
  }
  const fixed = value.toFixed(4);
  if (Number(fixed) !== value || Math.abs(value) >= 922337203685477)
    throw new InputError('CEDAR_LITERAL', `${where} must fit a Cedar decimal (4 decimal places, |x| < 922337203685477; got ${value})`);
  return `decimal(${JSON.stringify(fixed)})`;
}

/** `left <op> right` for a Long or a decimal field. */
function compare(field: string, op: '<' | '>' | '<=' | '>=', literal: string, property: ToolInputProperty): string {
  if (property.type === 'integer') return `${inputRef(field)} ${op} ${literal}`;
  const method = { '<': 'lessThan', '>': 'greaterThan', '<=': 'lessThanOrEqual', '>=': 'greaterThanOrEqual' }[op];
  return `${inputRef(field)}.${method}(${literal})`;
}

/** Guards an optional field: the condition only applies when the call carries it. */
function whenPresent(entry: GatewayTool, field: string, condition: string): string {
  const required = new Set(entry.tool.mcp.inputSchema.required ?? []);
  return required.has(field) ? condition : `${hasRef(field)} && ${condition}`;
}

/** The caller's `scope` claim holds `scope` as a whole space-separated token. */
export function scopeCondition(scope: string): string {
  const tag = 'principal.getTag("scope")';
  const s = JSON.stringify(scope).slice(1, -1);
  return `(${tag} == "${s}" || ${tag} like "${s} *" || ${tag} like "* ${s}" || ${tag} like "* ${s} *")`;
}

function scopeHead(entry: GatewayTool, gatewayArn: string, authorizer: GatewayAuthorizer): string {
  return `(principal is ${PRINCIPAL_TYPE[authorizer]}, action == AgentCore::Action::${JSON.stringify(entry.action)}, resource == AgentCore::Gateway::${JSON.stringify(gatewayArn)})`;
}

function policyId(...parts: string[]): string {
  return parts.join('-').replace(/_/g, '-');
}

/** The permit of one tool, with its structured and raw conditions. */
function permitOf(entry: GatewayTool, options: PolicyOptions, authorizer: GatewayAuthorizer): GeneratedPolicy {
  const c = entry.tool.conditions ?? {};
  const props = entry.tool.mcp.inputSchema.properties;
  const required = new Set(entry.tool.mcp.inputSchema.required ?? []);
  const terms: string[] = [];
  for (const field of c.requiredFields ?? []) if (!required.has(field)) terms.push(hasRef(field));
  for (const scope of c.scopes ?? []) {
    terms.push('principal.hasTag("scope")', scopeCondition(scope));
  }
  for (const [claim, value] of Object.entries(c.claims ?? {})) {
    terms.push(`principal.hasTag(${JSON.stringify(claim)})`, `principal.getTag(${JSON.stringify(claim)}) == ${JSON.stringify(value)}`);
  }
  for (const [field, bound] of Object.entries(c.limits ?? {})) {
    // The manifest checks tie every limit to a declared numeric field.
    const property = present(props[field], `the input property of limit ${field}`);
    const where = `tools.${entry.tool.name}.conditions.limits.${field}`;
    const parts: string[] = [];
    if (bound.min !== undefined) parts.push(compare(field, '>=', numberLiteral(bound.min, property, `${where}.min`), property));
    if (bound.max !== undefined) parts.push(compare(field, '<=', numberLiteral(bound.max, property, `${where}.max`), property));
    // An optional field is bounded when present (the type checker follows `has` through if-then-else).
    terms.push(`(${required.has(field) ? parts.join(' && ') : `if ${hasRef(field)} then ${parts.join(' && ')} else true`})`);
  }
  let text = `@id(${JSON.stringify(policyId('permit', entry.tool.name))})\npermit${scopeHead(entry, options.gatewayArn, authorizer)}`;
  // Dedupe `principal.hasTag("scope")` repeated for several scopes.
  const unique = [...new Set(terms)];
  if (unique.length > 0) text += `\nwhen { ${unique.join(' && ')} }`;
  const raw: RawCedarOrigin[] = [];
  for (const field of ['when', 'unless'] as const) {
    const expression = c[field];
    if (expression === undefined) continue;
    text += `\n${field} { `;
    raw.push({ toolIndex: entry.index, field, offset: text.length, length: expression.length });
    text += `${expression} }`;
  }
  return {
    id: policyId('permit', entry.tool.name),
    effect: 'permit',
    role: 'permit',
    tool: entry.tool.name,
    action: entry.action,
    text: `${text};`,
    raw,
  };
}

/** Forbids for inputs the manifest rules out: out-of-bounds numbers, values outside an allowed list. */
function forbidsOf(entry: GatewayTool, options: PolicyOptions): GeneratedPolicy[] {
  const out: GeneratedPolicy[] = [];
  const c = entry.tool.conditions ?? {};
  const props = entry.tool.mcp.inputSchema.properties;
  const head = `(principal, action == AgentCore::Action::${JSON.stringify(entry.action)}, resource == AgentCore::Gateway::${JSON.stringify(options.gatewayArn)})`;
  for (const [field, bound] of Object.entries(c.limits ?? {})) {
    // The manifest checks tie every limit to a declared numeric field.
    const property = present(props[field], `the input property of limit ${field}`);
    const where = `tools.${entry.tool.name}.conditions.limits.${field}`;
    const outside: string[] = [];
    if (bound.min !== undefined) outside.push(compare(field, '<', numberLiteral(bound.min, property, `${where}.min`), property));
    if (bound.max !== undefined) outside.push(compare(field, '>', numberLiteral(bound.max, property, `${where}.max`), property));
    const id = policyId('forbid', entry.tool.name, field, 'limit');
    out.push({
      id,
      effect: 'forbid',
      role: 'limit',
      tool: entry.tool.name,
      action: entry.action,
      text: `@id(${JSON.stringify(id)})\nforbid${head}\nwhen { ${whenPresent(entry, field, `(${outside.join(' || ')})`)} };`,
      raw: [],
    });
  }
  const lists = new Map<string, readonly string[]>();
  for (const [field, property] of Object.entries(props)) if (property.enum !== undefined) lists.set(field, property.enum);
  for (const [field, values] of Object.entries(c.allowedValues ?? {})) lists.set(field, values);
  for (const [field, values] of lists) {
    const id = policyId('forbid', entry.tool.name, field, 'values');
    const set = `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
    out.push({
      id,
      effect: 'forbid',
      role: 'allowed-values',
      tool: entry.tool.name,
      action: entry.action,
      text: `@id(${JSON.stringify(id)})\nforbid${head}\nwhen { ${whenPresent(entry, field, `!(${set}.contains(${inputRef(field)}))`)} };`,
      raw: [],
    });
  }
  return out;
}

/** The id of the kill-switch policy. */
export const KILL_SWITCH_ID = 'kill-switch';

/**
 * All policies of a gateway exposing `tools`, in a stable order: per tool its permit then its forbids, then the kill switch.
 * @throws InputError CEDAR_LITERAL when a limit does not fit its field's Cedar type.
 */
export function buildPolicies(tools: readonly GatewayTool[], options: PolicyOptions): GeneratedPolicy[] {
  const authorizer = options.authorizer ?? 'oauth';
  const out: GeneratedPolicy[] = [];
  for (const entry of tools) out.push(permitOf(entry, options, authorizer), ...forbidsOf(entry, options));
  if (options.paused === true) {
    out.push({
      id: KILL_SWITCH_ID,
      effect: 'forbid',
      role: 'kill-switch',
      text: `@id("${KILL_SWITCH_ID}")\nforbid(principal, action, resource);`,
      raw: [],
    });
  }
  return out;
}

/** The policy set as one Cedar text, policies separated by a blank line. */
export function policySetText(policies: readonly GeneratedPolicy[]): string {
  return `${policies.map((policy) => policy.text).join('\n\n')}\n`;
}
