/**
 * One npm package, end to end: tarball integrity, version range, registry signature, publish
 * attestation and SLSA provenance. Unlike `npm audit signatures`, a missing attestation is a block.
 */
import semver from 'semver';
import { PolicyError, VerificationError } from '../../errors.js';
import type { TrustRoot } from '../sigstore/index.js';
import type { ResolvedAuthority } from '../authorities.js';
import {
  PUBLISH_PREDICATE,
  SLSA_PREDICATES,
  toNpmAttestations,
  verifyProvenanceAttestation,
  verifyPublishAttestation,
  type ProvenanceResult,
  type PublishAttestationResult,
  type SourceRepositoryPin,
} from './attestations.js';
import {
  integrityOf,
  sha512HexOfIntegrity,
  verifyRegistrySignatures,
  type RegistrySignature,
  type RegistrySignatureResult,
} from './integrity.js';
import type { RegistryKeyRing } from './keys.js';

/** What is known about a package version: from a vendored file, the registry, or a tarball. */
export interface NpmPackageEvidence {
  readonly name: string;
  readonly version: string;
  /** The sha512 SRI integrity the registry (or lockfile) states. */
  readonly integrity: string;
  /** The packument's `dist.signatures`; absent when the source has none. */
  readonly signatures?: readonly RegistrySignature[];
  /** The registry's attestations response `{attestations:[...]}`; absent = unsigned. */
  readonly attestations?: unknown;
  /** Publish time (`time[version]`), for registry key validity. */
  readonly publishedAt?: string;
  /** The tarball itself, when at hand: its sha512 must equal `integrity`. */
  readonly tarball?: Uint8Array;
  /** Where the evidence came from (file path or URL), for messages. */
  readonly source?: string;
}

/** Knobs of {@link verifyNpmPackage}. */
export interface NpmVerifyOptions {
  readonly keys: RegistryKeyRing;
  /** Plugin authorities that may sign the provenance (OR). */
  readonly authorities: readonly ResolvedAuthority[];
  /** Require a SLSA provenance attestation. Defaults to true. */
  readonly requireProvenance?: boolean;
  /** A semver range the version must satisfy. */
  readonly range?: string;
  /** An integrity the manifest or lockfile pins; must equal the evidence's. */
  readonly expectedIntegrity?: string;
  /**
   * The repository the provenance must be built from, as the manifest or trust policy pins it; a
   * provenance without a pin is refused. `'any'` accepts every repository (explicit, CLI only).
   */
  readonly sourceRepository?: SourceRepositoryPin;
  /** The public-good root, for the tlog entries of registry publish attestations. */
  readonly publicGood?: () => TrustRoot;
  readonly now?: Date;
}

/** A verified package. */
export interface NpmVerification {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  /** sha512 hex of the tarball. */
  readonly sha512: string;
  readonly registrySignature?: RegistrySignatureResult;
  readonly publish?: PublishAttestationResult;
  readonly provenance?: ProvenanceResult;
}

/**
 * Verifies one package version against the registry keys and the plugin authorities.
 * @throws VerificationError UNSIGNED | UNTRUSTED_SIGNER | SIGNATURE_INVALID | DIGEST_MISMATCH | EXPIRED | MALFORMED_BUNDLE | ...
 * @throws PolicyError VERSION_MISMATCH
 */
export function verifyNpmPackage(evidence: NpmPackageEvidence, options: NpmVerifyOptions): NpmVerification {
  const id = `${evidence.name}@${evidence.version}`;
  // The version must be one the manifest allows, else a signed but unexpected release slips in.
  if (options.range !== undefined) {
    if (semver.valid(evidence.version) === null) throw new PolicyError('VERSION_MISMATCH', `${id} must have a semver version`);
    if (!semver.satisfies(evidence.version, options.range)) {
      throw new PolicyError('VERSION_MISMATCH', `${evidence.name} version must satisfy ${options.range} (got ${evidence.version})`);
    }
  }
  const sha512 = sha512HexOfIntegrity(evidence.integrity);
  // The bytes we hold must be the bytes the registry signed.
  if (evidence.tarball !== undefined) {
    const actual = integrityOf(evidence.tarball);
    if (sha512HexOfIntegrity(actual) !== sha512) {
      throw new VerificationError('DIGEST_MISMATCH', `${id} tarball integrity must be ${evidence.integrity} (got ${actual})`);
    }
  }
  // A pinned integrity (manifest or lockfile) must match what was attested.
  if (options.expectedIntegrity !== undefined && sha512HexOfIntegrity(options.expectedIntegrity) !== sha512) {
    throw new VerificationError(
      'DIGEST_MISMATCH',
      `${id} integrity must be ${options.expectedIntegrity} as pinned (got ${evidence.integrity})`,
    );
  }
  const subject = { name: evidence.name, version: evidence.version, sha512 };
  const now = options.now ?? new Date();
  const registrySignature =
    evidence.signatures !== undefined && evidence.signatures.length > 0
      ? verifyRegistrySignatures(
          {
            name: evidence.name,
            version: evidence.version,
            integrity: evidence.integrity,
            ...(evidence.publishedAt ? { publishedAt: new Date(evidence.publishedAt) } : {}),
          },
          evidence.signatures,
          options.keys,
          now,
        )
      : undefined;
  if (evidence.attestations === undefined || evidence.attestations === null) {
    throw new VerificationError(
      'UNSIGNED',
      `${id} must have attestations (provenance and publish); none found${evidence.source ? ` at ${evidence.source}` : ''}`,
    );
  }
  const attestations = toNpmAttestations(evidence.attestations, id);
  const publishes = attestations.filter((entry) => entry.predicateType === PUBLISH_PREDICATE);
  const provenances = attestations.filter((entry) => (SLSA_PREDICATES as readonly string[]).includes(entry.predicateType));
  const unknown = attestations.filter(
    (entry) => entry.predicateType !== PUBLISH_PREDICATE && !(SLSA_PREDICATES as readonly string[]).includes(entry.predicateType),
  );
  if (unknown.length > 0) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `${id} attestations must be SLSA provenance or npm publish (got ${unknown.map((entry) => entry.predicateType).join(', ')})`,
    );
  }
  if (publishes.length > 1 || provenances.length > 1) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `${id} must have at most one publish and one provenance attestation (got ${publishes.length} and ${provenances.length})`,
    );
  }
  // Registry evidence: the packument signature or the publish attestation, at least one.
  if (publishes.length === 0 && registrySignature === undefined) {
    throw new VerificationError('UNSIGNED', `${id} must be signed by the registry (no registry signature and no publish attestation)`);
  }
  const publish =
    publishes[0] !== undefined
      ? verifyPublishAttestation(publishes[0], subject, options.keys, {
          ...(options.publicGood ? { publicGood: options.publicGood } : {}),
          now,
        })
      : undefined;
  if (provenances[0] === undefined) {
    if (options.requireProvenance ?? true)
      throw new VerificationError('UNSIGNED', `${id} must have a SLSA provenance attestation (none found)`);
    return {
      name: evidence.name,
      version: evidence.version,
      integrity: evidence.integrity,
      sha512,
      ...(registrySignature ? { registrySignature } : {}),
      ...(publish ? { publish } : {}),
    };
  }
  const provenance = verifyProvenanceAttestation(provenances[0], subject, options.authorities, options.keys, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.sourceRepository !== undefined ? { sourceRepository: options.sourceRepository } : {}),
  });
  return {
    name: evidence.name,
    version: evidence.version,
    integrity: evidence.integrity,
    sha512,
    ...(registrySignature ? { registrySignature } : {}),
    ...(publish ? { publish } : {}),
    provenance,
  };
}
