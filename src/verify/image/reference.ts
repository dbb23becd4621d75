/**
 * A container image reference pinned by digest, and its package URL. Pure and dependency-free, so
 * the SBOM core names images exactly as the verifier does without loading the verifier.
 */
import { VerificationError } from '../../errors.js';

/** An image reference pinned by digest. */
export interface ImageReference {
  readonly registry: string;
  readonly repository: string;
  /** Hex of the sha256 digest. */
  readonly sha256: string;
}

const REF = /^([a-z0-9.-]+(?::[0-9]+)?)\/([a-z0-9._/-]+)@sha256:([a-f0-9]{64})$/;

/**
 * Parses `<registry>/<repository>@sha256:<hex>`.
 * @throws VerificationError MALFORMED_BUNDLE when the reference is not pinned by digest.
 */
export function parseImageReference(ref: string): ImageReference {
  const [, registry, repository, sha256] = REF.exec(ref) ?? [];
  if (registry === undefined || repository === undefined || sha256 === undefined)
    throw new VerificationError('MALFORMED_BUNDLE', `image ${ref} must be referenced by digest (<registry>/<repository>@sha256:<64 hex>)`);
  return { registry, repository, sha256 };
}

/**
 * The package URL of an OCI image, in the purl spec's `oci` form:
 * `pkg:oci/<name>@sha256%3A<hex>?repository_url=<registry>/<repository>[&tag=<tag>]`. The name is
 * the repository's last path segment, lowercased; the digest's colon is percent-encoded (a version
 * segment), while `/` and `:` stay as they are inside the qualifier value, as the spec's examples
 * write them; qualifiers are sorted by key.
 */
export function ociPurl(image: ImageReference & { readonly tag?: string }): string {
  const name = image.repository.slice(image.repository.lastIndexOf('/') + 1).toLowerCase();
  const qualifier = (value: string): string => encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  const qualifiers = [`repository_url=${qualifier(`${image.registry}/${image.repository}`)}`];
  if (image.tag !== undefined) qualifiers.push(`tag=${qualifier(image.tag)}`);
  return `pkg:oci/${encodeURIComponent(name)}@sha256%3A${image.sha256}?${qualifiers.join('&')}`;
}
