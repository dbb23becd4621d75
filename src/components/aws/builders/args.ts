/**
 * Validation of component arguments: every failure is `COMPONENT_ARG_INVALID` and names the
 * component and the argument (`<Component> args.<arg> must ... (got ...)`).
 */
import { InputError } from '../../../errors.js';
import type { AwsScope } from './arn.js';

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

/**
 * Whether a program left out an arg the types call required: JavaScript and YAML programs are not
 * type-checked, so the validators still look.
 */
export function isMissing(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** `Array.isArray` without widening a typed list to `any[]`. */
export function isList<T>(value: readonly T[] | undefined): value is readonly T[] {
  return Array.isArray(value);
}

/**
 * The scope's fields as a program passed them, for the props a component records before its args
 * are validated (the validator then names a missing scope).
 */
export function scopeProps(scope: AwsScope | undefined): { account: string | undefined; region: string | undefined } {
  return { account: scope?.account, region: scope?.region };
}

/** A non-empty list. */
export function assertNonEmpty<T>(component: string, arg: string, value: readonly T[] | undefined): readonly T[] {
  if (!isList(value) || value.length === 0) throw argError(component, arg, 'be a non-empty list', value);
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
