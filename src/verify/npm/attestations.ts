/**
 * npm attestations (`/-/npm/v1/attestations/<name>@<version>`): the SLSA provenance, signed keyless
 * by the build, and the publish attestation, signed by the registry key. Both are DSSE in-toto
 * statements whose subject is `pkg:npm/<name>@<version>` with the tarball's sha512.
 */
import { VerificationError } from '../../errors.js';
import type { InTotoStatement, TrustRoot } from '../sigstore/index.js';
import { verifyBundle } from '../sigstore/index.js';
import { verifyWithAuthorities, type AuthorizedVerification, type ResolvedAuthority } from '../authorities.js';
import { isKeyValidAt, type RegistryKeyRing } from './keys.js';
import { toNpmPurl } from './integrity.js';
import { isRecord } from '../../json.js';

export const PUBLISH_PREDICATE = 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1';
export const SLSA_PREDICATES = ['https://slsa.dev/provenance/v1', 'https://slsa.dev/provenance/v0.2'] as const;

/** One entry of the registry's attestations response. */
export interface NpmAttestation {
  readonly predicateType: string;
  readonly bundle: unknown;
}

/** Parses an attestations response `{attestations:[{predicateType, bundle}]}`. @throws VerificationError MALFORMED_BUNDLE */
export function toNpmAttestations(json: unknown, what: string): NpmAttestation[] {
  const list = (json as { attestations?: unknown } | null)?.attestations;
  if (!Array.isArray(list))
    throw new VerificationError('MALFORMED_BUNDLE', `${what} attestations must be {"attestations":[...]} (got ${typeof json})`);
  return list.map((entry: unknown, index) => {
    const { predicateType, bundle } = (entry ?? {}) as { predicateType?: unknown; bundle?: unknown };
    if (typeof predicateType !== 'string' || typeof bundle !== 'object' || bundle === null) {
      throw new VerificationError('MALFORMED_BUNDLE', `${what} attestation #${index} must have a predicateType and a bundle`);
    }
    return { predicateType, bundle };
  });
}

/** The package a statement must be about. */
export interface NpmSubject {
  readonly name: string;
  readonly version: string;
  /** sha512 of the tarball, hex. */
  readonly sha512: string;
}

/**
 * Requires the statement to name the package's PURL with the tarball's sha512.
 * @throws VerificationError MALFORMED_BUNDLE (no statement / subject without a sha512) | DIGEST_MISMATCH
 */
export function assertNpmSubject(statement: InTotoStatement | undefined, subject: NpmSubject, what: string): void {
  // The statement parser already refused one without a subject list or with a non-object digest.
  if (statement === undefined) {
    throw new VerificationError('MALFORMED_BUNDLE', `${what} must carry an in-toto statement with subjects`);
  }
  const purl = toNpmPurl(subject.name, subject.version);
  const named = statement.subject.filter((entry) => entry.name === purl);
  if (named.length === 0) {
    throw new VerificationError(
      'DIGEST_MISMATCH',
      `${what} must name ${purl} (got ${statement.subject.map((entry) => JSON.stringify(entry.name)).join(', ') || 'no subject'})`,
    );
  }
  for (const entry of named) {
    const digest = entry.digest['sha512'];
    if (typeof digest !== 'string')
      throw new VerificationError('MALFORMED_BUNDLE', `${what} subject ${purl} must carry a sha512 digest (it has none)`);
    // The signed digest must be the tarball we hold, or the attestation is about other bytes.
    if (digest.toLowerCase() !== subject.sha512) {
      throw new VerificationError('DIGEST_MISMATCH', `${what} subject ${purl} sha512 must be ${subject.sha512} (signed: ${digest})`);
    }
  }
}

function dsseKeyIds(bundle: unknown): string[] {
  const envelope = isRecord(bundle) ? bundle['dsseEnvelope'] : undefined;
  const signatures = isRecord(envelope) ? envelope['signatures'] : undefined;
  if (!Array.isArray(signatures)) return [];
  return signatures
    .map((signature: unknown) => (isRecord(signature) && typeof signature['keyid'] === 'string' ? signature['keyid'] : ''))
    .filter((keyid) => keyid !== '');
}

function keyHintOf(bundle: unknown): string | undefined {
  const hint = (bundle as { verificationMaterial?: { publicKey?: { hint?: unknown } } } | null)?.verificationMaterial?.publicKey?.hint;
  return typeof hint === 'string' && hint !== '' ? hint : undefined;
}

function hasPublicKey(bundle: unknown): boolean {
  const material = isRecord(bundle) ? bundle['verificationMaterial'] : undefined;
  return isRecord(material) && 'publicKey' in material;
}

function hasTlogEntries(bundle: unknown): boolean {
  const entries = (bundle as { verificationMaterial?: { tlogEntries?: unknown } } | null)?.verificationMaterial?.tlogEntries;
  return Array.isArray(entries) && entries.length > 0;
}

/** A verified publish attestation. */
export interface PublishAttestationResult {
  readonly keyid: string;
  readonly keySource: string;
  readonly timestamps: readonly string[];
  readonly tlogIndexes: readonly string[];
}

/**
 * Verifies the registry's publish attestation: signed by a known `npm:attestations` key that was
 * valid when the entry was logged (or now, when it carries no tlog entry), about this tarball.
 * @throws VerificationError UNTRUSTED_SIGNER | EXPIRED | SIGNATURE_INVALID | DIGEST_MISMATCH | ...
 */
export function verifyPublishAttestation(
  attestation: NpmAttestation,
  subject: NpmSubject,
  keys: RegistryKeyRing,
  options: { readonly publicGood?: () => TrustRoot; readonly now?: Date },
): PublishAttestationResult {
  const what = `${subject.name}@${subject.version} publish attestation`;
  const keyid = dsseKeyIds(attestation.bundle)[0] ?? keyHintOf(attestation.bundle);
  if (keyid === undefined)
    throw new VerificationError('UNTRUSTED_SIGNER', `${what} must name the registry key that signed it (no keyid or hint)`);
  const candidates = keys.find(keyid, 'npm:attestations');
  if (candidates.length === 0) {
    throw new VerificationError(
      'UNTRUSTED_SIGNER',
      `${what} is signed by ${keyid}, which must be a known registry key (known: ${keys.keyids.join(', ') || 'none'})`,
    );
  }
  const withTlog = hasTlogEntries(attestation.bundle);
  const failures: VerificationError[] = [];
  for (const key of candidates) {
    let verified;
    try {
      verified = verifyBundle(
        attestation.bundle,
        { kind: 'none' },
        { kind: 'key', publicKeyPem: key.pem, ...(withTlog && options.publicGood ? { trustRoot: options.publicGood() } : {}) },
        options.now ? { now: options.now } : {},
      );
    } catch (error) {
      if (error instanceof VerificationError) {
        failures.push(error);
        continue;
      }
      throw error;
    }
    const [firstTimestamp] = verified.timestamps;
    const signedAt = firstTimestamp !== undefined ? new Date(firstTimestamp) : (options.now ?? new Date());
    // The registry key must have been valid when the attestation was logged (key rotation).
    if (!isKeyValidAt(key, signedAt)) {
      failures.push(new VerificationError('EXPIRED', `${what} key ${keyid} was not valid at ${signedAt.toISOString()}`));
      continue;
    }
    if (verified.statement?.predicateType !== PUBLISH_PREDICATE) {
      throw new VerificationError(
        'MALFORMED_BUNDLE',
        `${what} must have predicateType ${PUBLISH_PREDICATE} (got ${verified.statement?.predicateType ?? 'none'})`,
      );
    }
    assertNpmSubject(verified.statement, subject, what);
    const predicate = verified.statement.predicate as { name?: unknown; version?: unknown } | null;
    if (predicate?.name !== subject.name || predicate.version !== subject.version) {
      throw new VerificationError(
        'DIGEST_MISMATCH',
        `${what} predicate must be ${subject.name}@${subject.version} (got ${String(predicate?.name)}@${String(predicate?.version)})`,
      );
    }
    return { keyid, keySource: key.source, timestamps: verified.timestamps, tlogIndexes: verified.tlogIndexes };
  }
  throw failures[0] ?? new VerificationError('UNTRUSTED_SIGNER', `${what} could not be verified with key ${keyid}`);
}

/** A verified SLSA provenance attestation. */
export interface ProvenanceResult extends AuthorizedVerification {
  readonly predicateType: string;
  readonly sourceRepository?: string;
  /** The repository the provenance says it was built from (SLSA v1 workflow repository, v0.2 config source). */
  readonly buildRepository?: string;
}

/**
 * Which repository a provenance must come from: the one the manifest or trust policy pins, or
 * `any` (only `verify plugin` without --source-repository, which warns).
 */
export type SourceRepositoryPin = { readonly repository: string } | 'any';

/** The repository a SLSA predicate names as its build source, or undefined when it names none. */
export function buildRepositoryOf(predicateType: string, predicate: unknown): string | undefined {
  const at = (value: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
  if (predicateType === 'https://slsa.dev/provenance/v1') {
    const repository = at(predicate, 'buildDefinition', 'externalParameters', 'workflow', 'repository');
    return typeof repository === 'string' ? repository : undefined;
  }
  // v0.2: configSource.uri is `git+https://host/owner/repo@refs/...`.
  const uri = at(predicate, 'invocation', 'configSource', 'uri');
  if (typeof uri !== 'string') return undefined;
  const match = /^git\+(https:\/\/[^@]+)@/.exec(uri);
  return match?.[1];
}

/**
 * The repository a Fulcio certificate names: its source-repository URI, or on certificates from
 * before that extension (Fulcio v1 extensions only) the GitHub workflow repository `owner/repo`.
 */
function certificateRepositoryOf(signer: {
  readonly issuer?: string;
  readonly extensions?: Readonly<Record<string, string>>;
}): string | undefined {
  const uri = signer.extensions?.['sourceRepositoryURI'];
  if (uri !== undefined) return uri;
  const legacy = signer.extensions?.['githubWorkflowRepository'];
  return legacy !== undefined && signer.issuer === 'https://token.actions.githubusercontent.com' && /^[^/\s]+\/[^/\s]+$/.test(legacy)
    ? `https://github.com/${legacy}`
    : undefined;
}

/**
 * Ties a verified provenance to the pinned repository, as slsa-verifier's --source-uri does: the
 * certificate's source-repository extension (keyless signers) and the predicate's build repository
 * must both be it.
 * @throws VerificationError UNTRUSTED_SIGNER
 */
export function assertSourceRepository(
  what: string,
  pin: SourceRepositoryPin | undefined,
  certificate: { readonly keyless: boolean; readonly repository: string | undefined },
  build: string | undefined,
): void {
  if (pin === 'any') return;
  // Without a pin any repository that can run a trusted workflow could publish the package.
  if (pin === undefined) {
    throw new VerificationError(
      'UNTRUSTED_SIGNER',
      `${what} must be tied to a source repository: pin sourceRepository on the plugin in agent.yaml or plugins.repositories in the trust policy (built from ${certificate.repository ?? build ?? 'an unnamed repository'})`,
    );
  }
  // A keyless certificate says which repository's workflow run signed; another repo of the same org, or one calling a trusted reusable workflow, differs here.
  if (certificate.keyless && certificate.repository !== pin.repository) {
    throw new VerificationError(
      'UNTRUSTED_SIGNER',
      `${what} must be built from ${pin.repository} as pinned (certificate source repository: ${certificate.repository ?? 'none'})`,
    );
  }
  // The signed predicate must say the same, or the statement describes another build than the certificate.
  if (build !== pin.repository) {
    throw new VerificationError(
      'UNTRUSTED_SIGNER',
      `${what} must be built from ${pin.repository} as pinned (provenance build repository: ${build ?? 'none'})`,
    );
  }
}

/**
 * Verifies the SLSA provenance: signed by one of the plugin authorities (identity, issuer, source
 * repository as the trust policy requires), about this tarball, built from the pinned repository
 * (`options.sourceRepository`; unpinned is a block). A keyless provenance that names a key id must
 * name a known registry key (as npm does).
 * @throws VerificationError UNTRUSTED_SIGNER | SIGNATURE_INVALID | DIGEST_MISMATCH | TLOG_INVALID | ...
 */
export function verifyProvenanceAttestation(
  attestation: NpmAttestation,
  subject: NpmSubject,
  authorities: readonly ResolvedAuthority[],
  keys: RegistryKeyRing,
  options: { readonly now?: Date; readonly sourceRepository?: SourceRepositoryPin },
): ProvenanceResult {
  const what = `${subject.name}@${subject.version} provenance`;
  // A keyless provenance that names a key id claims a registry key: it must be one we know (as npm does).
  const keyless = keyHintOf(attestation.bundle) === undefined && !hasPublicKey(attestation.bundle);
  for (const keyid of keyless ? dsseKeyIds(attestation.bundle) : []) {
    if (!keys.has(keyid)) {
      throw new VerificationError(
        'UNTRUSTED_SIGNER',
        `${what} names key ${keyid}, which must be a known registry key (known: ${keys.keyids.join(', ') || 'none'})`,
      );
    }
  }
  const verified = verifyWithAuthorities(attestation.bundle, { kind: 'none' }, authorities, {
    what,
    ...(options.now ? { now: options.now } : {}),
  });
  const predicateType = verified.statement?.predicateType;
  if (predicateType === undefined || !(SLSA_PREDICATES as readonly string[]).includes(predicateType)) {
    throw new VerificationError('MALFORMED_BUNDLE', `${what} must have a SLSA provenance predicateType (got ${predicateType ?? 'none'})`);
  }
  assertNpmSubject(verified.statement, subject, what);
  const sourceRepository = certificateRepositoryOf(verified.signer);
  const buildRepository = buildRepositoryOf(predicateType, verified.statement?.predicate);
  // Keys and private-PKI leaves carry no Fulcio extension: for them the signed predicate alone names the repository.
  const signedKeyless = authorities.find((authority) => authority.name === verified.authority)?.policy.kind === 'keyless';
  assertSourceRepository(what, options.sourceRepository, { keyless: signedKeyless, repository: sourceRepository }, buildRepository);
  return {
    ...verified,
    predicateType,
    ...(sourceRepository !== undefined ? { sourceRepository } : {}),
    ...(buildRepository !== undefined ? { buildRepository } : {}),
  };
}
