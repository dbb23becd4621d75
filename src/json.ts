/**
 * The one guard for untrusted JSON (bundles, plans, lockfiles, trust roots, SBOMs, package.json):
 * a parsed value is an object only when it is a non-null, non-array object. Every reader narrows
 * through here, so no two copies can drift on what counts as an object.
 */

/** A JSON object whose members are not yet trusted. */
export type JsonObject = Record<string, unknown>;

/** Whether the value is a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
