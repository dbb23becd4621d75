/**
 * Provenance of a container image pinned by digest: a Sigstore bundle carrying a DSSE in-toto
 * statement whose subject is the image's sha256 digest (what `cosign attest --new-bundle-format`
 * and GitHub artifact attestations produce), signed by an `images` authority of the trust policy,
 * with a SLSA provenance predicate.
 */
import { VerificationError } from '../../errors.js';
import { verifyWithAuthorities, type AuthorizedVerification, type ResolvedAuthority } from '../authorities.js';

/** The predicate types accepted as build provenance of an image. */
export const IMAGE_PROVENANCE_PREDICATES: readonly string[] = Object.freeze([
  'https://slsa.dev/provenance/v1',
  'https://slsa.dev/provenance/v0.2',
]);

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
  const match = REF.exec(ref);
  if (match === null)
    throw new VerificationError('MALFORMED_BUNDLE', `image ${ref} must be referenced by digest (<registry>/<repository>@sha256:<64 hex>)`);
  return { registry: match[1]!, repository: match[2]!, sha256: match[3]! };
}

/** The package URL of an OCI image (`pkg:oci/<name>@sha256%3A<hex>?repository_url=<registry>/<repository>`). */
export function ociPurl(image: ImageReference): string {
  const name = image.repository.split('/').pop()!;
  return `pkg:oci/${encodeURIComponent(name)}@sha256%3A${image.sha256}?repository_url=${encodeURIComponent(`${image.registry}/${image.repository}`)}`;
}

/** A verified image: its reference, the bundle's verification and the provenance predicate type. */
export interface ImageVerification {
  readonly image: ImageReference;
  readonly bundle: AuthorizedVerification;
  readonly predicateType: string;
}

/**
 * Verifies an image's provenance bundle against the authorities.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | DIGEST_MISMATCH and the bundle verifier's codes.
 */
export function verifyImageAttestation(
  input: { readonly ref: string; readonly bundle: unknown; readonly where?: string },
  authorities: readonly ResolvedAuthority[],
  options: { readonly now?: Date } = {},
): ImageVerification {
  const where = input.where ?? `image ${input.ref}`;
  const image = parseImageReference(input.ref);
  if (input.bundle === undefined || input.bundle === null)
    throw new VerificationError('UNSIGNED', `${where} must have a provenance attestation (none found)`);
  // The signature must vouch for exactly this digest (the core matches the in-toto subject).
  const bundle = verifyWithAuthorities(input.bundle, { kind: 'digest', algorithm: 'sha256', hex: image.sha256 }, authorities, {
    what: where,
    ...(options.now ? { now: options.now } : {}),
  });
  const statement = bundle.statement;
  if (statement === undefined)
    throw new VerificationError('MALFORMED_BUNDLE', `${where} attestation must be a DSSE in-toto statement (got a message signature)`);
  // A statement of another kind (an API descriptor, a model signature) must not vouch for an image.
  if (!IMAGE_PROVENANCE_PREDICATES.includes(statement.predicateType)) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `${where} attestation must have predicateType ${IMAGE_PROVENANCE_PREDICATES.join(' or ')} (got ${statement.predicateType})`,
    );
  }
  if (
    !statement.subject.some(
      (subject: { readonly digest?: Readonly<Record<string, string>> }) => subject.digest?.['sha256']?.toLowerCase() === image.sha256,
    )
  ) {
    throw new VerificationError('DIGEST_MISMATCH', `${where} attestation must name sha256 ${image.sha256} (it does not)`);
  }
  return { image, bundle, predicateType: statement.predicateType };
}
