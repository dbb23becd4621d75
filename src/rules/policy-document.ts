/**
 * IAM policy documents as rules need them: a JSON string or an object, `Statement` as an array or a
 * single object, `Action`/`Resource`/`Principal` as a string or a list, conditions kept as given.
 * Unknown and secret values are kept so each rule can report them instead of passing.
 */
import { isKnown, isRecord, isSecret, isUnknown } from './values.js';

export interface PolicyStatement {
  readonly sid?: string;
  /** `Allow`, `Deny`, or the raw value when it is neither (unknown, malformed). */
  readonly effect: unknown;
  readonly actions: readonly unknown[];
  readonly notActions: readonly unknown[];
  readonly resources: readonly unknown[];
  readonly notResources: readonly unknown[];
  /** Principals flattened to `{type, value}`; `*` as `{type: '*', value: '*'}`. */
  readonly principals: readonly { readonly type: string; readonly value: unknown }[];
  readonly hasNotPrincipal: boolean;
  /** `{operator: {key: value | values}}` as in the document. */
  readonly conditions: Readonly<Record<string, unknown>>;
}

export type ParsedPolicy =
  | { readonly kind: 'document'; readonly statements: readonly PolicyStatement[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'secret' }
  | { readonly kind: 'invalid'; readonly reason: string };

function list(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function toPrincipals(value: unknown): PolicyStatement['principals'] {
  if (value === undefined) return [];
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isRecord(value)) return [{ type: 'unknown', value }];
  return Object.entries(value).flatMap(([type, v]) => list(v).map((one) => ({ type, value: one })));
}

function toStatement(raw: unknown): PolicyStatement | string {
  if (!isRecord(raw)) return `a statement must be an object (got ${typeof raw})`;
  const conditions = raw['Condition'];
  return {
    ...(typeof raw['Sid'] === 'string' ? { sid: raw['Sid'] } : {}),
    effect: raw['Effect'],
    actions: list(raw['Action']),
    notActions: list(raw['NotAction']),
    resources: list(raw['Resource']),
    notResources: list(raw['NotResource']),
    principals: toPrincipals(raw['Principal']),
    hasNotPrincipal: raw['NotPrincipal'] !== undefined,
    conditions: isRecord(conditions) ? conditions : {},
  };
}

/** What `Output.toJSON()` / `toString()` return outside an `apply`. */
const OUTPUT_PLACEHOLDER = 'on an [Output<T>] is not supported';

const parsedStrings = new Map<string, ParsedPolicy>();
/** Documents given as objects, by identity: the rules read a plan's props and never write them. */
const parsedObjects = new WeakMap<object, ParsedPolicy>();

/** Parses a policy document value from a resource's props. Never throws. Results are immutable and shared. */
export function parsePolicyDocument(value: unknown): ParsedPolicy {
  if (typeof value === 'object' && value !== null) {
    let parsed = parsedObjects.get(value);
    if (parsed === undefined) {
      parsed = parse(value);
      parsedObjects.set(value, parsed);
    }
    return parsed;
  }
  if (typeof value !== 'string') return parse(value);
  let parsed = parsedStrings.get(value);
  if (parsed === undefined) {
    parsed = parse(value);
    // Several rules read the same documents: parse each JSON string once (bounded).
    if (parsedStrings.size >= 4096) parsedStrings.clear();
    parsedStrings.set(value, parsed);
  }
  return parsed;
}

function parse(value: unknown): ParsedPolicy {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (isUnknown(value)) return { kind: 'unknown' };
  if (isSecret(value)) return { kind: 'secret' };
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch {
      return { kind: 'invalid', reason: 'the policy must be valid JSON' };
    }
  }
  if (!isRecord(doc)) return { kind: 'invalid', reason: 'the policy must be a JSON object' };
  // `JSON.stringify` over an Output leaves Pulumi's placeholder text where the action or ARN should be.
  if ((typeof value === 'string' ? value : JSON.stringify(doc)).includes(OUTPUT_PLACEHOLDER)) {
    return { kind: 'invalid', reason: 'the policy must not hold Output values serialised by JSON.stringify (use pulumi.jsonStringify)' };
  }
  const rawStatements = doc['Statement'];
  if (isUnknown(rawStatements)) return { kind: 'unknown' };
  if (rawStatements === undefined) return { kind: 'invalid', reason: 'the policy must have a Statement' };
  const statements: PolicyStatement[] = [];
  for (const raw of list(rawStatements)) {
    if (isUnknown(raw)) return { kind: 'unknown' };
    const statement = toStatement(raw);
    if (typeof statement === 'string') return { kind: 'invalid', reason: statement };
    statements.push(statement);
  }
  return { kind: 'document', statements };
}

/** Whether the statement allows (an unknown or odd effect counts as allowing: fail closed). */
export function allows(statement: PolicyStatement): boolean {
  return statement.effect !== 'Deny';
}

/** Condition keys present in a statement, lower-cased (`aws:sourcearn`, ...). */
export function conditionKeys(statement: PolicyStatement): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const block of Object.values(statement.conditions)) {
    if (isRecord(block)) for (const key of Object.keys(block)) keys.add(key.toLowerCase());
  }
  return keys;
}

/** The known string values of a list; `unknown` is true when any entry is unknown or secret. */
export function strings(values: readonly unknown[]): { readonly values: readonly string[]; readonly unknown: boolean } {
  const out: string[] = [];
  let unknown = false;
  for (const value of values) {
    if (!isKnown(value)) unknown = true;
    else if (typeof value === 'string') out.push(value);
  }
  return { values: out, unknown };
}
