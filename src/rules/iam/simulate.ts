/**
 * A focused IAM policy evaluator for one principal in one account: identity policies, permissions
 * boundaries and explicit denies, after AWS's evaluation logic (an explicit Deny wins; otherwise an
 * identity Allow is needed, and, when there is a boundary, a boundary Allow too). Conditions are
 * evaluated against the request context for the common operators; a condition this evaluator cannot
 * decide is treated according to `undecided`, so callers choose the safe side: "can the agent do
 * this?" assumes it unmet, "can it never do that?" assumes it met.
 */
import type { PolicyStatement } from '../policy-document.js';
import { globMatches } from './data.js';

/** One request: the action, the resource ARN, and the request context keys that are known. */
export interface SimRequest {
  readonly action: string;
  readonly resource: string;
  /** Condition keys of the request (case-insensitive names), e.g. `aws:SourceAccount`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** The policies that decide a request of the principal. */
export interface SimPolicies {
  /** Statements of every identity policy attached (inline and managed). */
  readonly identity: readonly PolicyStatement[];
  /** Statements of the permissions boundary; undefined when there is none. */
  readonly boundary?: readonly PolicyStatement[];
}

export type SimDecision = 'allowed' | 'implicitly-denied' | 'explicitly-denied';

/** How a condition the evaluator cannot decide (unknown operator, absent key it cannot rule on) counts. */
export type Undecided = 'met' | 'unmet';

function matchesAny(patterns: readonly unknown[], value: string, caseInsensitive: boolean): boolean {
  return patterns.some((pattern) => typeof pattern === 'string' && globMatches(pattern, value, caseInsensitive));
}

/** Whether a statement's Action/NotAction covers the action (case-insensitive). */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.notActions.length > 0) return !matchesAny(statement.notActions, action, true);
  return matchesAny(statement.actions, action, true);
}

/** Whether a statement's Resource/NotResource covers the ARN (case-sensitive). */
export function coversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.notResources.length > 0) return !matchesAny(statement.notResources, resource, false);
  return matchesAny(statement.resources, resource, false);
}

function contextValue(context: SimRequest['context'], key: string): readonly string[] | undefined {
  if (context === undefined) return undefined;
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() === lower) return typeof value === 'string' ? [value] : value;
  }
  return undefined;
}

/** One condition operator over one key: true, false, or undefined when this evaluator cannot tell. */
function evaluateOperator(operator: string, key: string, expected: readonly string[], context: SimRequest['context']): boolean | undefined {
  const match = /^(ForAnyValue:|ForAllValues:)?([A-Za-z]+?)(IfExists)?$/.exec(operator);
  if (match === null) return undefined;
  const [, setPrefix, base = '', ifExists] = match;
  const actual = contextValue(context, key);
  const op = base.toLowerCase();
  if (op === 'null') {
    const wantsAbsent = expected.some((value) => value.toLowerCase() === 'true');
    return wantsAbsent === (actual === undefined);
  }
  if (actual === undefined) {
    if (ifExists !== undefined) return true;
    if (setPrefix?.toLowerCase() === 'forallvalues:') return true;
    // A negated operator over an absent key matches; a positive one does not (AWS's documented behaviour).
    if (/^(stringnot|arnnot)/.test(op)) return true;
    if (/^(string|arn|bool|numeric|date|ipaddress|notipaddress|binary)/.test(op)) return false;
    return undefined;
  }
  const test = (value: string, pattern: string): boolean | undefined => {
    switch (op) {
      case 'stringequals':
      case 'arnequals':
        return value === pattern;
      case 'stringequalsignorecase':
        return value.toLowerCase() === pattern.toLowerCase();
      case 'stringlike':
      case 'arnlike':
        return globMatches(pattern, value, false);
      case 'stringnotequals':
      case 'arnnotequals':
        return value !== pattern;
      case 'stringnotequalsignorecase':
        return value.toLowerCase() !== pattern.toLowerCase();
      case 'stringnotlike':
      case 'arnnotlike':
        return !globMatches(pattern, value, false);
      case 'bool':
        return value.toLowerCase() === pattern.toLowerCase();
      default:
        return undefined;
    }
  };
  const negated = /not/.test(op);
  const valueMatches = (value: string): boolean | undefined => {
    const results = expected.map((pattern) => test(value, pattern));
    if (results.includes(undefined)) return undefined;
    // Positive operators: any expected value matches; negated ones: none of them may match.
    return negated ? results.every(Boolean) : results.some(Boolean);
  };
  const perValue = actual.map(valueMatches);
  if (perValue.includes(undefined)) return undefined;
  if (setPrefix?.toLowerCase() === 'forallvalues:') return perValue.every(Boolean);
  return perValue.some(Boolean);
}

/** Whether every condition of the statement holds: true, false, or undefined when undecidable. */
export function conditionsHold(statement: PolicyStatement, context: SimRequest['context']): boolean | undefined {
  let undecided = false;
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (block === null || typeof block !== 'object') return undefined;
    for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
      const expected = (Array.isArray(raw) ? raw : [raw]).map((value) => String(value));
      const result = evaluateOperator(operator, key, expected, context);
      if (result === false) return false;
      if (result === undefined) undecided = true;
    }
  }
  return undecided ? undefined : true;
}

function applies(statement: PolicyStatement, request: SimRequest, undecided: Undecided): boolean {
  if (!coversAction(statement, request.action) || !coversResource(statement, request.resource)) return false;
  const held = conditionsHold(statement, request.context);
  return held === undefined ? undecided === 'met' : held;
}

function isDeny(statement: PolicyStatement): boolean {
  return statement.effect === 'Deny';
}

/**
 * The decision for one request. `undecided` says how undecidable conditions count: `unmet` for
 * "the agent can do this" (an Allow it may not get does not count, a Deny it may hit does not either,
 * so pass `met` for denies by calling twice if needed), `met` for "it can never do that".
 */
export function simulate(request: SimRequest, policies: SimPolicies, undecided: Undecided = 'unmet'): SimDecision {
  // An explicit Deny in any policy wins; under `unmet`, a Deny with undecidable conditions still counts (fail closed for "can").
  const denyMode: Undecided = undecided === 'unmet' ? 'met' : 'unmet';
  const all = [...policies.identity, ...(policies.boundary ?? [])];
  if (all.some((statement) => isDeny(statement) && applies(statement, request, denyMode))) return 'explicitly-denied';
  const allowedBy = (statements: readonly PolicyStatement[]): boolean =>
    statements.some((statement) => !isDeny(statement) && applies(statement, request, undecided));
  if (!allowedBy(policies.identity)) return 'implicitly-denied';
  if (policies.boundary !== undefined && !allowedBy(policies.boundary)) return 'implicitly-denied';
  return 'allowed';
}
