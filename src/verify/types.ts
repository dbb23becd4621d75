/**
 * The supply-chain verdict: one result per artifact, written to `.agentfence/verification.json`
 * by `agentfence verify` and read by the policy pack's supply-chain rule, the SBOM and the report.
 */

export type ArtifactKind = 'model' | 'plugin' | 'api' | 'image';
export type VerificationStatus = 'verified' | 'blocked' | 'warned';

/** Why an artifact was blocked (or warned, in warn mode). */
export type ReasonCode =
  | 'UNSIGNED'
  | 'MALFORMED_BUNDLE'
  | 'UNTRUSTED_SIGNER'
  | 'SIGNATURE_INVALID'
  | 'TAMPERED'
  | 'DIGEST_MISMATCH'
  | 'EXPIRED'
  | 'NO_TRANSPARENCY_PROOF'
  | 'TLOG_INVALID'
  | 'CERTIFICATE_INVALID'
  | 'TRUST_ROOT_INVALID'
  | 'POLICY_DENIED'
  | 'VERSION_MISMATCH'
  | 'CLASSIFICATION_DENIED'
  | 'SYMLINK_REFUSED'
  | 'PATH_REFUSED'
  | 'ERROR';

/** Who signed, as read from the verified bundle. */
export interface Signer {
  /** SAN of a keyless certificate, subject of a PKI leaf, or `key:<hint>` for a key. */
  readonly identity: string;
  /** OIDC issuer (keyless) or the CA subject (PKI); absent for keys. */
  readonly issuer?: string;
  /** Decoded certificate extensions, by name (sourceRepositoryURI, ...). */
  readonly extensions?: Readonly<Record<string, string>>;
  readonly keyHint?: string;
  /** The trust-policy authority that matched. */
  readonly authority?: string;
}

/** One artifact's verdict. */
export interface ArtifactResult {
  readonly kind: ArtifactKind;
  /** Manifest name (model/API) or npm name. */
  readonly name: string;
  readonly version?: string;
  readonly status: VerificationStatus;
  /** Present unless verified. */
  readonly reason?: ReasonCode;
  /** A sentence a person can act on: expected vs. actual. */
  readonly message: string;
  readonly signer?: Signer;
  /** What the policy expected (authority names or identities), for "expected vs. actual". */
  readonly expected?: string;
  /** Digests of the artifact as verified (`sha256:<hex>`, `sha512:<hex>`). */
  readonly digests?: Readonly<Record<string, string>>;
  readonly tlogIndexes?: readonly string[];
  /** RFC 3339 times from tlog integrated times and TSA timestamps. */
  readonly timestamps?: readonly string[];
  /** sha256 of the trusted root used. */
  readonly trustRoot?: string;
  /** Kind-specific evidence: file lists for models, hosts for APIs, provenance source for plugins. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The whole verification of an agent: `.agentfence/verification.json`. */
export interface VerificationReport {
  readonly schemaVersion: 'agentfence.verification/v1';
  readonly agent: string;
  readonly mode: 'enforce' | 'warn';
  /** sha256 of the manifest the results are about, so stale results are detected. */
  readonly manifestDigest: string;
  readonly results: readonly ArtifactResult[];
  /** API hosts whose descriptors verified: the egress allowlist the network boundary may use. */
  readonly verifiedHosts: readonly string[];
  readonly summary: { readonly verified: number; readonly blocked: number; readonly warned: number };
  /** What was deliberately not verified and why (lockfile links and workspace folders). */
  readonly notes?: readonly string[];
}

/** A third-party API descriptor (`stacks/<agent>/apis/<name>.json`), signed as an in-toto subject. */
export interface ApiDescriptor {
  readonly schemaVersion: 'agentfence.api/v1';
  readonly name: string;
  readonly provider: string;
  /** https URL the agent calls. */
  readonly baseUrl: string;
  /** Every host the agent may reach for this API (the egress allowlist entries). */
  readonly hosts: readonly string[];
  /** Classifications of data the provider is approved to receive. */
  readonly dataClassifications: readonly ('public' | 'internal' | 'confidential' | 'restricted')[];
  readonly auth: { readonly type: 'oauth2' | 'api-key' | 'mtls' | 'aws-sigv4' | 'none' };
  /** Digest of the OpenAPI document the descriptor covers, `sha256:<hex>`. */
  readonly openapi: { readonly digest: string; readonly url?: string };
  readonly owner: string;
  /** RFC 3339 date-time after which the descriptor is no longer trusted. */
  readonly expires: string;
}
