/**
 * Reading property values the way a plan holds them: the preview's unknown sentinel, secrets
 * (`"[secret]"` in preview JSON, the signature wrapper in state), and safe rendering for messages.
 */
import { isRecord } from '../json.js';

/** The value Pulumi uses for "not known until deploy" in preview JSON and the engine. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** How `pulumi preview --json` and `pulumi stack export` show a secret. */
export const SECRET = '[secret]';

const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** The engine's typed unknown sentinels (bool, number, string, array, asset, archive, object). */
const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set([
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  UNKNOWN,
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
]);

/** Whether a value is an unknown sentinel (preview JSON uses the string one; the engine all seven). */
export function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_SENTINELS.has(value);
}

/** Whether a value is a secret (redacted string or the state's signature wrapper). */
export function isSecret(value: unknown): boolean {
  if (value === SECRET) return true;
  return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

/** Whether a value is usable by a rule: neither unknown nor secret. */
export function isKnown(value: unknown): boolean {
  return !isUnknown(value) && !isSecret(value);
}

/** Whether the value, or anything nested in it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isRecord(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export { isRecord } from '../json.js';

/** One key into a value: unknown and secret values stay what they are, non-objects have no keys. */
function stepInto(value: unknown, key: string): unknown {
  if (isUnknown(value) || isSecret(value)) return value;
  return isRecord(value) ? value[key] : undefined;
}

/** Reads a dotted path (`a.b.0.c`) from a props object; arrays of one element are stepped through. */
export function getPath(props: unknown, path: string): unknown {
  let current: unknown = props;
  for (const key of path.split('.')) {
    if (isUnknown(current) || isSecret(current)) return current;
    if (Array.isArray(current)) {
      const index = Number(key);
      current = Number.isInteger(index) ? current[index] : current.length === 1 ? stepInto(current[0], key) : undefined;
    } else if (isRecord(current)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * A plan value as a rule must see it: known, unknown until deploy, secret, or absent. Rules read
 * props through {@link readValue} and switch over `kind`, so none can forget the unknown or secret
 * case (a `"[secret]"` key spec read as a plain string once made a rotation check pass).
 */
export type PlanValue =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'secret' }
  | { readonly kind: 'absent' };

/** Reads a dotted path (see {@link getPath}) as a {@link PlanValue}; `null` counts as absent. */
export function readValue(props: unknown, path: string): PlanValue {
  return toPlanValue(getPath(props, path));
}

/** Classifies one already-read value as a {@link PlanValue}. */
export function toPlanValue(value: unknown): PlanValue {
  if (value === undefined || value === null) return ABSENT;
  if (isUnknown(value)) return UNKNOWN_VALUE;
  if (isSecret(value)) return SECRET_VALUE;
  return { kind: 'value', value };
}

const ABSENT: PlanValue = Object.freeze({ kind: 'absent' });
const UNKNOWN_VALUE: PlanValue = Object.freeze({ kind: 'unknown' });
const SECRET_VALUE: PlanValue = Object.freeze({ kind: 'secret' });

/** Renders a value for a message: secrets as `[secret]`, long values cut, never the secret itself. */
export function show(value: unknown): string {
  if (isSecret(value)) return SECRET;
  if (isUnknown(value)) return 'unknown';
  if (value === undefined) return 'not set';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(redact(value));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** A deep copy with every secret replaced by `[secret]`. */
export function redact(value: unknown): unknown {
  if (isSecret(value)) return SECRET;
  if (Array.isArray(value)) return value.map(redact);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  return value;
}

/** A list value as an array: a single value becomes `[value]`, absent becomes `[]`. */
export function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Glob match of an IAM pattern (`*`, `?`), case-insensitive as IAM actions are. Patterns come from
 * untrusted plans: matched by the greedy two-pointer walk (at most length x length steps), never by a
 * backtracking regular expression that a run of wildcards would make exponential.
 */
export function iamGlob(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
