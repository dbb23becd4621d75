/**
 * Package URLs and digests: npm purls with the scope's `@` percent-encoded (the purl spec's form,
 * also what the bom-refs use), OCI image purls, and SRI integrity strings turned into CycloneDX hash values.
 */
import { Enums } from '@cyclonedx/cyclonedx-library';
import { ociPurl as ociImagePurl } from '../verify/image/reference.js';

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3A/gi, ':');
}

/** `pkg:npm/%40scope/name@version` (version omitted when unknown). */
export function npmPurl(name: string, version?: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const namespace = slash > 0 ? `${encodeSegment(name.slice(0, slash))}/` : '';
  const base = slash > 0 ? name.slice(slash + 1) : name;
  return `pkg:npm/${namespace}${encodeSegment(base)}${version === undefined ? '' : `@${encodeSegment(version)}`}`;
}

/**
 * `pkg:oci/<name>@sha256%3A<hex>?repository_url=<registry>/<repository>[&tag=<tag>]`: the purl
 * spec's `oci` type (name = last repository segment, lowercased; the digest is the version).
 */
export function ociPurl(image: { readonly registry: string; readonly repository: string; readonly sha256: string }, tag?: string): string {
  return ociImagePurl({ registry: image.registry, repository: image.repository, sha256: image.sha256, ...(tag === undefined ? {} : { tag }) });
}

/** A purl without its version, qualifiers and subpath: the identity `sbom diff` matches on. */
export function purlIdentity(purl: string): string {
  const noSubpath = purl.split('#')[0] ?? purl;
  const noQualifiers = noSubpath.split('?')[0] ?? noSubpath;
  const at = noQualifiers.lastIndexOf('@');
  const slash = noQualifiers.lastIndexOf('/');
  return at > slash ? noQualifiers.slice(0, at) : noQualifiers;
}

const SRI_ALGORITHMS = {
  sha512: Enums.HashAlgorithm['SHA-512'],
  sha384: Enums.HashAlgorithm['SHA-384'],
  sha256: Enums.HashAlgorithm['SHA-256'],
  sha1: Enums.HashAlgorithm['SHA-1'],
} as const;
export type SriAlgorithm = (typeof SRI_ALGORITHMS)[keyof typeof SRI_ALGORITHMS];

/**
 * The strongest digest of an SRI string (`sha512-<base64>` ...) as CycloneDX algorithm + hex,
 * or undefined when it holds no well-formed digest.
 */
export function sriToHash(integrity: string): { alg: SriAlgorithm; hex: string } | undefined {
  const lengths: Record<string, number> = { sha512: 64, sha384: 48, sha256: 32, sha1: 20 };
  let best: { alg: SriAlgorithm; hex: string; rank: number } | undefined;
  for (const token of integrity.trim().split(/\s+/)) {
    const [, name, base64] = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(token) ?? [];
    if (name === undefined || base64 === undefined) continue;
    const algo = name as keyof typeof SRI_ALGORITHMS;
    const bytes = Buffer.from(base64, 'base64');
    // a digest of the wrong length is not a digest of that algorithm
    if (bytes.length !== lengths[algo]) continue;
    const rank = Object.keys(SRI_ALGORITHMS).indexOf(algo);
    if (best === undefined || rank < best.rank) best = { alg: SRI_ALGORITHMS[algo], hex: bytes.toString('hex'), rank };
  }
  return best === undefined ? undefined : { alg: best.alg, hex: best.hex };
}
