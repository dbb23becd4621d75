/**
 * The model's resource list (model_signing calls it the manifest; it is not the agent manifest):
 * resource names, canonical order (Python's `sorted` over `PurePosixPath` parts, then shard
 * offsets), the root digest, and the exact comparison a verifier needs (extra, missing, changed).
 */
import { createHash } from 'node:crypto';
import { present } from '../../invariant.js';
import type { ModelHashType, ModelResource, ModelSerialization } from './types.js';

/** The reference implementation's default shard size (1 GB, not GiB). */
export const DEFAULT_SHARD_SIZE = 1_000_000_000;

/** The Node.js digest behind each model-signing hash name. */
export const NODE_DIGEST: Readonly<Record<ModelHashType, string>> = Object.freeze({ sha256: 'sha256', blake2b: 'blake2b512' });

/** Hex length of each hash's digest. */
export const DIGEST_HEX_LENGTH: Readonly<Record<ModelHashType, number>> = Object.freeze({ sha256: 64, blake2b: 128 });

/** The resource `algorithm` a serialization produces: `sha256` or `sha256-sharded-<size>`. */
export function resourceAlgorithm(serialization: Pick<ModelSerialization, 'method' | 'hashType' | 'shardSize'>): string {
  return serialization.method === 'shards'
    ? `${serialization.hashType}-sharded-${serialization.shardSize ?? DEFAULT_SHARD_SIZE}`
    : serialization.hashType;
}

/** A shard resource name, `path:start:end` (end exclusive). */
export function shardName(file: string, start: number, end: number): string {
  return `${file}:${start}:${end}`;
}

/** The `[start, end)` shards of a file of `size` bytes; an empty file has none (as in the reference). */
export function shardRanges(size: number, shardSize: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < size; start += shardSize) ranges.push([start, Math.min(start + shardSize, size)]);
  return ranges;
}

interface SortKey {
  readonly parts: readonly string[];
  readonly start: number;
  readonly end: number;
}

function sortKey(name: string, sharded: boolean): SortKey {
  if (!sharded) return { parts: name.split('/'), start: 0, end: 0 };
  const [file = '', start = '', end = ''] = name.split(':');
  return { parts: file.split('/'), start: Number(start), end: Number(end) };
}

function codePointOf(character: string): number {
  return present(character.codePointAt(0), 'a code point');
}

/** Compares strings by Unicode code point, as Python does (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  // Array.from walks a string by code point: a surrogate pair is one element.
  const left = Array.from(a, codePointOf);
  const right = Array.from(b, codePointOf);
  for (const [i, x] of left.entries()) {
    const y = right[i];
    if (y === undefined) break;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (const [i, part] of a.parts.entries()) {
    const other = b.parts[i];
    if (other === undefined) break;
    const c = compareCodePoints(part, other);
    if (c !== 0) return c;
  }
  return a.parts.length - b.parts.length || a.start - b.start || a.end - b.end;
}

/** Resources in the reference implementation's canonical order. */
export function sortResources(resources: readonly ModelResource[], sharded: boolean): ModelResource[] {
  return resources
    .map((resource) => ({ resource, key: sortKey(resource.name, sharded) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ resource }) => resource);
}

/** sha256 hex over the raw bytes of each digest, in the order given. */
export function rootDigestOf(resources: readonly ModelResource[]): string {
  const hash = createHash('sha256');
  for (const resource of resources) hash.update(Buffer.from(resource.digest, 'hex'));
  return hash.digest('hex');
}

/** How an actual manifest differs from the signed one. */
export interface ManifestDiff {
  /** Present in the model, not in the signature. */
  readonly extra: readonly string[];
  /** In the signature, not in the model. */
  readonly missing: readonly string[];
  /** In both, with a different digest (or algorithm). */
  readonly changed: readonly { readonly name: string; readonly expected: string; readonly actual: string }[];
}

/** Compares two resource lists by name and `algorithm:digest`. */
export function diffResources(expected: readonly ModelResource[], actual: readonly ModelResource[]): ManifestDiff {
  const want = new Map(expected.map((r) => [r.name, `${r.algorithm}:${r.digest}`]));
  const have = new Map(actual.map((r) => [r.name, `${r.algorithm}:${r.digest}`]));
  const extra = [...have.keys()].filter((name) => !want.has(name)).sort(compareCodePoints);
  const missing = [...want.keys()].filter((name) => !have.has(name)).sort(compareCodePoints);
  const changed = [...want.entries()]
    .flatMap(([name, digest]) => {
      const actual = have.get(name);
      return actual !== undefined && actual !== digest ? [{ name, expected: digest, actual }] : [];
    })
    .sort((a, b) => compareCodePoints(a.name, b.name));
  return { extra, missing, changed };
}

/** Whether a diff is empty. */
export function isExactMatch(diff: ManifestDiff): boolean {
  return diff.extra.length === 0 && diff.missing.length === 0 && diff.changed.length === 0;
}

/** One sentence listing every difference, for a TAMPERED error. */
export function describeDiff(diff: ManifestDiff): string {
  const parts: string[] = [];
  if (diff.changed.length > 0)
    parts.push(`changed: ${diff.changed.map((c) => `${c.name} (expected ${c.expected}, got ${c.actual})`).join(', ')}`);
  if (diff.extra.length > 0) parts.push(`extra (not signed): ${diff.extra.join(', ')}`);
  if (diff.missing.length > 0) parts.push(`missing: ${diff.missing.join(', ')}`);
  return parts.join('; ');
}
