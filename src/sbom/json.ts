/** Reading untrusted CycloneDX JSON without trusting its shape: every accessor answers a typed value or nothing. */
import { isRecord } from '../json.js';

export type Json = Record<string, unknown>;

/** The value as a JSON object, or undefined for anything else (arrays and null included). */
export function obj(value: unknown): Json | undefined {
  return isRecord(value) ? value : undefined;
}

/** The objects of an array, skipping non-objects; [] for anything that is not an array. */
export function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj).filter((v) => v !== undefined) : [];
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
