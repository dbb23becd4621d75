/**
 * Public types of the Sigstore verification core: trust material in, a signer policy, the artifact
 * the bundle must be about, and the verified result.
 */
import type { Signer } from '../types.js';

/**
 * A parsed, schema-checked Sigstore trusted root (`trusted_root.json`). Only the loaders of this
 * module create one; its trust material is kept privately, keyed by the object.
 */
export interface TrustRoot {
  /** sha256 hex of the canonical trusted_root JSON. */
  readonly digest: string;
  /** Where it came from: `public-good`, a file name, or the caller's label. */
  readonly name: string;
}

/** What is expected of the signer. */
export type SignerPolicy =
  | {
      readonly kind: 'keyless';
      /** OIDC issuer, compared exactly. */
      readonly issuer: string;
      /** Certificate identity (SAN), compared exactly. */
      readonly subject?: string;
      /** Certificate identity as a regular expression; anchored by us (`^(?:...)$`). */
      readonly subjectRegExp?: string;
      /** Fulcio extensions by name (`sourceRepositoryURI`) or dotted OID, compared as decoded DER strings. */
      readonly extensions?: Readonly<Record<string, string>>;
      readonly trustRoot: TrustRoot;
    }
  | {
      readonly kind: 'key';
      readonly publicKeyPem: string;
      /** When the key may sign (checked at the bundle's signed times, else now). Defaults to always. */
      readonly validFor?: { readonly start?: Date | string; readonly end?: Date | string };
      /** Trust material for tlog entries / TSA timestamps, when the bundle carries them. */
      readonly trustRoot?: TrustRoot;
    }
  | {
      readonly kind: 'certificate';
      /** PEM certificates: the trusted root first, then intermediates. */
      readonly chainPem: readonly string[];
    };

/** The artifact the bundle must be about. */
export type ArtifactInput =
  | { readonly kind: 'bytes'; readonly data: Uint8Array }
  | { readonly kind: 'digest'; readonly algorithm: 'sha256' | 'sha384' | 'sha512'; readonly hex: string }
  /** DSSE only: the caller matches the statement's subjects itself (model signing). */
  | { readonly kind: 'none' };

/** An in-toto v1 / v0.1 statement carried in a DSSE envelope. */
export interface InTotoStatement {
  readonly _type: string;
  readonly subject: readonly { name: string; digest: Record<string, string> }[];
  readonly predicateType: string;
  readonly predicate: unknown;
}

/** A verified bundle. */
export interface SigstoreVerification {
  readonly signer: Signer;
  /** RFC 3339 times of verified tlog integrated times and TSA timestamps. */
  readonly timestamps: readonly string[];
  /** Log indexes of the verified tlog entries, deduplicated. */
  readonly tlogIndexes: readonly string[];
  /** sha256 of the trusted root used (absent for pure key/PKI). */
  readonly trustRoot?: string;
  /** Thresholds that were enforced. */
  readonly threshold: { readonly tlog: number; readonly timestamps: number };
  /** DSSE bundles: the envelope payload type and payload bytes (verified). Message signatures: absent. */
  readonly dsse?: { readonly payloadType: string; readonly payload: Buffer };
  /** DSSE with an in-toto statement: the parsed statement. */
  readonly statement?: InTotoStatement;
}

/** Options of {@link verifyBundle}. */
export interface VerifyBundleOptions {
  /** The clock for certificate-chain and key validity checks. Defaults to the current time. */
  readonly now?: Date;
}

/** Sign with a local EC private key (PEM): v0.3 bundle with `publicKey.hint`, no tlog, no TSA. */
export interface KeySigner {
  readonly kind: 'key';
  readonly privateKeyPem: string;
  /** Defaults to {@link publicKeyHint} of the derived public key. */
  readonly keyHint?: string;
}

/** Sign keyless: Fulcio certificate from an OIDC token, Rekor entry, optional TSA timestamp. */
export interface KeylessSigner {
  readonly kind: 'keyless';
  readonly identityToken: string;
  /** Defaults to the public-good Fulcio. */
  readonly fulcioURL?: string;
  /** Defaults to the public-good Rekor. */
  readonly rekorURL?: string;
  /** No TSA timestamp unless given. */
  readonly tsaURL?: string;
  /** Rekor entry kind for DSSE bundles. Defaults to `dsse`. */
  readonly rekorEntryType?: 'dsse' | 'intoto';
}
