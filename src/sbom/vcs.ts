/**
 * Where an SBOM's file references resolve: project files (signature bundles, descriptors, vendored
 * tarballs, model cards) are named by their repository path, made absolute against a VCS base
 * (`https://host/owner/repo/blob/<commit>/`) when the adapter passes one. The document says which
 * it did, so a reader knows whether a reference is a URL or a path inside the repository, and a
 * check of a committed SBOM can rebuild it against the same base.
 */
import { isRecord, type JsonObject } from '../json.js';

/** `absolute` (resolved against the base) or `relative` (paths from the repository root). */
export const EXTERNAL_REFERENCES = 'agentfence:external-references';
/** The VCS base the references were resolved against, when absolute. */
export const EXTERNAL_REFERENCES_BASE = 'agentfence:external-references:base';
/** Why they are relative, when they are. */
export const EXTERNAL_REFERENCES_NOTE = 'agentfence:external-references:note';

/** The metadata properties saying how file references resolve. */
export function vcsProperties(base: string | undefined): Array<[string, string]> {
  if (base !== undefined) return [[EXTERNAL_REFERENCES, 'absolute'], [EXTERNAL_REFERENCES_BASE, base]];
  return [
    [EXTERNAL_REFERENCES, 'relative'],
    [EXTERNAL_REFERENCES_NOTE, 'no VCS base was given: file references are paths relative to the repository root'],
  ];
}

/**
 * The VCS base a committed SBOM's text records: the URL, `null` when it records relative
 * references, `undefined` when it says nothing (not JSON, or written before this was recorded).
 */
export function committedVcsBase(text: string): string | null | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const props = (doc as { metadata?: { properties?: unknown } } | null)?.metadata?.properties;
  if (!Array.isArray(props)) return undefined;
  const value = (name: string): string | undefined => {
    const hit = props.find((p): p is JsonObject => isRecord(p) && p['name'] === name);
    return typeof hit?.['value'] === 'string' ? hit['value'] : undefined;
  };
  const mode = value(EXTERNAL_REFERENCES);
  if (mode === 'relative') return null;
  const base = value(EXTERNAL_REFERENCES_BASE);
  return mode === 'absolute' && base !== undefined && URL.canParse(base) ? base : undefined;
}
