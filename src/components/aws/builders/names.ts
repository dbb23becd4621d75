/**
 * Physical names within AWS length limits and readable IAM `Sid` fragments. Deterministic: the same
 * parts always give the same name.
 */
import { createHash } from 'node:crypto';

/** `read-ledger` -> `ReadLedger`: a readable IAM `Sid` / state name fragment (IAM allows [A-Za-z0-9]). */
export function pascal(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
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
