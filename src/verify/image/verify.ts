/**
 * Provenance of a container image pinned by digest: a Sigstore bundle carrying a DSSE in-toto
 * statement whose subject is the image's sha256 digest (what `cosign attest --new-bundle-format`
 * and GitHub artifact attestations produce), signed by an `images` authority of the trust policy,
 * with a SLSA provenance predicate.
 */
import { VerificationError } from '../../errors.js';
import { verifyWithAuthorities, type AuthorizedVerification, type ResolvedAuthority } from '../authorities.js';
import { parseImageReference, type ImageReference } from './reference.js';

export { ociPurl, parseImageReference, type ImageReference } from './reference.js';

/** The predicate types accepted as build provenance of an image. */
export const IMAGE_PROVENANCE_PREDICATES: readonly string[] = Object.freeze([
  'https://slsa.dev/provenance/v1',
  'https://slsa.dev/provenance/v0.2',
]);

/** Where an image was built from, as its SLSA provenance says (v1 `buildDefinition`/`runDetails`, v0.2 `invocation`/`builder`). */
export interface ImageProvenance {
  readonly sourceRepository?: string;
  readonly sourceRef?: string;
  readonly builder?: string;
}

function field(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys)
    at = at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** The source repository, ref and builder a SLSA provenance predicate names; absent fields stay absent. */
export function provenanceOf(predicate: unknown): ImageProvenance {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const external = field(predicate, 'buildDefinition', 'externalParameters');
  // v0.2 names the source as `git+<url>@<ref>`
  const configSource = /^(?:git\+)?(https?:\/\/[^@\s]+)(?:@(.+))?$/.exec(text(field(predicate, 'invocation', 'configSource', 'uri')) ?? '');
  const repository = text(field(external, 'workflow', 'repository')) ?? text(field(external, 'repository')) ?? configSource?.[1];
  const ref = text(field(external, 'workflow', 'ref')) ?? text(field(external, 'ref')) ?? configSource?.[2];
  const builder = text(field(predicate, 'runDetails', 'builder', 'id')) ?? text(field(predicate, 'builder', 'id'));
  return {
    ...(repository === undefined ? {} : { sourceRepository: repository }),
    ...(ref === undefined ? {} : { sourceRef: ref }),
    ...(builder === undefined ? {} : { builder }),
  };
}

/** A verified image: its reference, the bundle's verification and the provenance predicate type. */
export interface ImageVerification {
  readonly image: ImageReference;
  readonly bundle: AuthorizedVerification;
  readonly predicateType: string;
  /** What the signed provenance says about the build. */
  readonly provenance: ImageProvenance;
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
  return { image, bundle, predicateType: statement.predicateType, provenance: provenanceOf(statement.predicate) };
}
