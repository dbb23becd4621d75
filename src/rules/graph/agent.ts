/**
 * What the network, monitoring and data rules need to know about the agent beyond its resources:
 * its account and region, its risk tier, the owner's alarm email and the agent role. Rule config
 * (what `check <agent>` derives from the manifest) wins; otherwise the agentfence components record
 * these facts as their own props (AuditTrail, NetworkBoundary, AgentEnvironment), and the risk tier
 * is also read from the `agentfence:risk-tier` tag.
 */
import type { PlannedResource, RuleConfig, StackView } from '../types.js';
import { readValue } from '../values.js';

/** The agent facts a stack (or its rule config) states; absent where neither says. */
export interface AgentFacts {
  readonly account?: string;
  readonly region?: string;
  readonly riskTier?: string;
  readonly alarmEmail?: string;
  /** ARNs of the agent's execution role(s). */
  readonly agentRoleArns: readonly string[];
}

/** Component types that record agent facts as props. */
export const AGENT_COMPONENTS = ['agentfence:aws:AgentEnvironment', 'agentfence:aws:AuditTrail', 'agentfence:aws:NetworkBoundary'] as const;
const IDENTITY = 'agentfence:aws:AgentIdentity';
const ROLE = 'aws:iam/role:Role';

/** JSON Schema properties a rule adds to its config to take agent facts from `check`. */
export const AGENT_FACT_SCHEMA = {
  account: { type: 'string', pattern: '^\\d{12}$' },
  region: { type: 'string', minLength: 1 },
  riskTier: { type: 'string', minLength: 1 },
  alarmEmail: { type: 'string', minLength: 3 },
  agentRoleArn: { type: 'string', minLength: 1 },
} as const;

function text(props: Readonly<Record<string, unknown>>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = readValue(props, key);
    if (value.kind === 'value' && typeof value.value === 'string' && value.value !== '') return value.value;
  }
  return undefined;
}

const cache = new WeakMap<StackView, Map<string, AgentFacts>>();

/** The agent facts of a stack: rule config first, then what the agentfence components recorded. Computed once per stack and config. */
export function agentFacts(stack: StackView, config: RuleConfig = {}): AgentFacts {
  const key = JSON.stringify(Object.keys(AGENT_FACT_SCHEMA).map((k) => config[k]));
  let perStack = cache.get(stack);
  if (perStack === undefined) cache.set(stack, (perStack = new Map<string, AgentFacts>()));
  const known = perStack.get(key);
  if (known !== undefined) return known;
  const facts = readFacts(stack, config);
  perStack.set(key, facts);
  return facts;
}

function readFacts(stack: StackView, config: RuleConfig): AgentFacts {
  const components = stack.ofType(...AGENT_COMPONENTS);
  const first = (...keys: string[]): string | undefined =>
    text(config, ...keys) ?? components.map((c) => text(c.props, ...keys)).find((v) => v !== undefined);
  const tagged = stack.resources.map((r) => riskTag(r)).find((v) => v !== undefined);
  const roleArn = first('agentRoleArn');
  const identityRoles = stack
    .ofType(ROLE)
    .filter((role) => role.parent !== undefined && stack.byUrn(role.parent)?.type === IDENTITY)
    .map((role) => text(role.props, 'arn'))
    .filter((arn): arn is string => arn !== undefined);
  const account = first('account');
  const region = first('region');
  const riskTier = first('riskTier', 'risk') ?? tagged;
  const alarmEmail = first('alarmEmail');
  return {
    ...(account === undefined ? {} : { account }),
    ...(region === undefined ? {} : { region }),
    ...(riskTier === undefined ? {} : { riskTier }),
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    agentRoleArns: [...new Set([...(roleArn === undefined ? [] : [roleArn]), ...identityRoles])],
  };
}

/**
 * The facts of the agent a resource belongs to: rule config first, then the agentfence components
 * it sits under (a stack may hold several agents), then the stack-wide facts.
 */
export function agentFactsOf(stack: StackView, resource: PlannedResource, config: RuleConfig = {}): AgentFacts {
  const ancestors: PlannedResource[] = [];
  const seen = new Set<string>();
  for (let p = resource.parent; p !== undefined && !seen.has(p);) {
    seen.add(p);
    const parent = stack.byUrn(p);
    if (parent === undefined) break;
    if ((AGENT_COMPONENTS as readonly string[]).includes(parent.type)) ancestors.push(parent);
    p = parent.parent;
  }
  const global = agentFacts(stack, config);
  if (ancestors.length === 0) return global;
  const first = (...keys: string[]): string | undefined =>
    text(config, ...keys) ?? ancestors.map((c) => text(c.props, ...keys)).find((v) => v !== undefined);
  const roleArn = first('agentRoleArn');
  const pick = (key: 'account' | 'region' | 'riskTier' | 'alarmEmail', ...keys: string[]) => {
    const value = first(...keys) ?? global[key];
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...pick('account', 'account'),
    ...pick('region', 'region'),
    ...pick('riskTier', 'riskTier', 'risk'),
    ...pick('alarmEmail', 'alarmEmail'),
    agentRoleArns: roleArn !== undefined ? [roleArn] : global.agentRoleArns,
  };
}

function riskTag(resource: PlannedResource): string | undefined {
  const tags = resource.props['tags'];
  if (typeof tags !== 'object' || tags === null) return undefined;
  return text(tags as Record<string, unknown>, 'agentfence:risk-tier');
}

/** The account of an ARN (`arn:partition:service:region:account:...`), when it has one. */
export function arnAccount(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** The region of an ARN, when it has one. */
export function arnRegion(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[3] !== '' ? parts[3] : undefined;
}
