/**
 * Shared pure helpers for the AWS components: IAM document types, ARNs and partitions, physical
 * names within AWS length limits, tags, and argument validation whose errors name the argument.
 * No Pulumi import: everything here is plain data in, plain data out.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../../errors.js';

/** One IAM policy statement. `Resource`/`Action` are always explicit lists here. */
export interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource?: readonly string[] | string;
  readonly Principal?: Readonly<Record<string, string | readonly string[]>> | '*';
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[] | boolean>>>>;
}

/** An IAM policy document (identity, resource, trust or key policy). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Statement[];
}

/** Wraps statements in a versioned document. */
export function toPolicyDocument(statements: readonly Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** The resource-policy statement that refuses every request not made over TLS, for anyone. */
export function denyInsecureTransport(actions: readonly string[], resources: readonly string[]): Statement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: actions,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Where the agent lives: enough to build every ARN without asking AWS. */
export interface AwsScope {
  readonly account: string;
  readonly region: string;
}

/** The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The DNS suffix of service endpoints in a region's partition. */
export function dnsSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `arn:<partition>:iam::<account>:root`: the account itself, i.e. its IAM administrators. */
export function accountRootArn(scope: AwsScope): string {
  return `arn:${partitionOf(scope.region)}:iam::${scope.account}:root`;
}

/** Builds an ARN in the scope's partition. `regional: false` leaves region (and optionally account) empty. */
export function arn(scope: AwsScope, service: string, resource: string, regional = true, withAccount = true): string {
  return `arn:${partitionOf(scope.region)}:${service}:${regional ? scope.region : ''}:${withAccount ? scope.account : ''}:${resource}`;
}

/** The IAM service prefix of an action (`s3:GetObject` -> `s3`). */
export function serviceOf(action: string): string {
  const index = action.indexOf(':');
  return (index > 0 ? action.slice(0, index) : action).toLowerCase();
}

/** Sorted, de-duplicated copy. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** `read-ledger` -> `ReadLedger`: a readable IAM `Sid` / state name fragment (IAM allows [A-Za-z0-9]). */
export function pascal(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * A deterministic physical name from parts joined by `separator`, within `max` characters: when too
 * long it keeps a prefix and appends an 8-hex digest of the full name, so names stay unique.
 */
export function physicalName(parts: readonly string[], max: number, separator = '-'): string {
  const full = parts.filter((part) => part.length > 0).join(separator);
  if (full.length <= max) return full;
  const digest = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, max - 9).replace(/[^A-Za-z0-9]+$/, '')}${separator}${digest}`;
}

/** Tags every agentfence resource carries, so ownership and blast radius are visible in AWS. */
export interface AgentTagInput {
  readonly agent: string;
  readonly owner: string;
  readonly riskTier: string;
}

/** `agentfence:agent`, `agentfence:owner`, `agentfence:risk-tier` (+ extras), sorted by key. */
export function agentTags(input: AgentTagInput, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const tags: Record<string, string> = {
    'agentfence:agent': input.agent,
    'agentfence:owner': input.owner,
    'agentfence:risk-tier': input.riskTier,
    ...extra,
  };
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---- argument validation: every failure names the component and the argument --------------------

/** Thrown for invalid component args: `COMPONENT_ARG_INVALID`, message `<Component> args.<arg> must ... (got ...)`. */
export function argError(component: string, arg: string, must: string, got: unknown): InputError {
  return new InputError('COMPONENT_ARG_INVALID', `${component} args.${arg} must ${must} (got ${show(got)})`);
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const AGENT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ACCOUNT = /^[0-9]{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[^\s*?]+$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** A non-empty kebab-case agent name (<= 63 chars). */
export function assertAgentName(component: string, arg: string, value: unknown): string {
  if (typeof value !== 'string' || !AGENT_NAME.test(value))
    throw argError(component, arg, 'be a lower-case name matching [a-z0-9][a-z0-9-]{0,62}', value);
  return value;
}

/** A name of a tool/store (letters, digits, `-`, `_`). */
export function assertSlug(component: string, arg: string, value: unknown): string {
  if (typeof value !== 'string' || !SLUG.test(value))
    throw argError(component, arg, 'be a name matching [A-Za-z0-9][A-Za-z0-9_-]{0,62}', value);
  return value;
}

/** A 12-digit account id and a region name. */
export function assertScope(component: string, arg: string, value: unknown): AwsScope {
  const scope = value as Partial<AwsScope> | undefined;
  if (typeof scope?.account !== 'string' || !ACCOUNT.test(scope.account))
    throw argError(component, `${arg}.account`, 'be a 12-digit AWS account id', scope?.account);
  if (typeof scope.region !== 'string' || !REGION.test(scope.region))
    throw argError(component, `${arg}.region`, 'be an AWS region such as eu-west-1', scope.region);
  return { account: scope.account, region: scope.region };
}

/** An explicit IAM action `service:Action`: no wildcard, no bare service. */
export function assertAction(component: string, arg: string, value: unknown): string {
  if (typeof value !== 'string' || !ACTION.test(value))
    throw argError(component, arg, 'be an explicit IAM action service:Action without wildcards', value);
  return value;
}

/** An explicit ARN: no `*` or `?` anywhere. */
export function assertArn(component: string, arg: string, value: unknown): string {
  if (typeof value !== 'string' || !ARN.test(value)) throw argError(component, arg, 'be an explicit ARN without wildcards', value);
  return value;
}

/** An integer within [min, max]. */
export function assertInt(component: string, arg: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw argError(component, arg, `be an integer in [${min}, ${max}]`, value);
  }
  return value;
}

/** One of a fixed set of strings. */
export function assertOneOf<T extends string>(component: string, arg: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw argError(component, arg, `be one of ${allowed.join('|')}`, value);
  return value as T;
}

/** A non-empty list. */
export function assertNonEmpty<T>(component: string, arg: string, value: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) throw argError(component, arg, 'be a non-empty list', value);
  return value;
}

/** Names in a list are unique. */
export function assertUnique(component: string, arg: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw argError(component, arg, 'have unique names', name);
    seen.add(name);
  }
}
