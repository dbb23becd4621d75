/**
 * Types of the OpenSSF model-signing core (`model_signing` v1.x interop): how a model is
 * serialized into resources, the manifest those resources form, and what verification returns.
 */
import type { KeylessSigner, KeySigner, SignerPolicy } from '../sigstore/types.js';
import type { Signer } from '../types.js';

/** Hash of each resource: `sha256` (default) or `blake2b` (BLAKE2b-512, where Node's OpenSSL has it). */
export type ModelHashType = 'sha256' | 'blake2b';

/** `files`: one resource per file; `shards`: one resource per `[start, end)` slice of `shardSize` bytes. */
export type SerializationMethod = 'files' | 'shards';

/** The `predicate.serialization` section: everything needed to re-hash the model the same way. */
export interface ModelSerialization {
  readonly method: SerializationMethod;
  readonly hashType: ModelHashType;
  /** Shards only: the shard size in bytes. */
  readonly shardSize?: number;
  readonly allowSymlinks: boolean;
  /** Paths relative to the model root that were left out (recorded since model_signing v1.1). */
  readonly ignorePaths: readonly string[];
}

/** One signed resource: a file (`d0/f00`) or a shard (`d0/f00:0:1000000000`); `.` is a single-file model. */
export interface ModelResource {
  readonly name: string;
  /** `sha256`, `blake2b`, or `<hash>-sharded-<shardSize>`. */
  readonly algorithm: string;
  /** Lowercase hex. */
  readonly digest: string;
}

/** A model's manifest: its resources in canonical order (the reference implementation's sort). */
export interface ModelManifest {
  /** Informative only: the last component of the model path. */
  readonly modelName: string;
  readonly serialization: ModelSerialization;
  readonly resources: readonly ModelResource[];
}

/** A manifest read from a signature, with the root digest its subject claims. */
export interface SignedModelManifest extends ModelManifest {
  readonly predicateType: string;
  /** sha256 hex of the statement subject (v1.0) or computed from the listed resources (legacy v0.1). */
  readonly rootDigest: string;
}

/** Progress of a hashing run, reported a few times per second at most by the caller's throttle. */
export interface HashProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** What a hashing run measured. */
export interface HashStats {
  readonly files: number;
  readonly resources: number;
  readonly bytes: number;
  readonly seconds: number;
  /** Worker threads used (0: everything hashed inline). */
  readonly workers: number;
}

/** Knobs of {@link hashModel}. */
export interface HashModelOptions {
  /** Defaults to `files`. */
  readonly method?: SerializationMethod;
  /** Defaults to `sha256`. */
  readonly hashType?: ModelHashType;
  /** Shards only. Defaults to 1,000,000,000 bytes, the reference implementation's default. */
  readonly shardSize?: number;
  /** Follow symlinks that stay inside the model. Defaults to false (a symlink is refused). */
  readonly allowSymlinks?: boolean;
  /** Paths relative to the model root to leave out (a directory leaves out everything below it). */
  readonly ignorePaths?: readonly string[];
  /** Also leave out `.git`, `.gitattributes`, `.github`, `.gitignore` at the root. Defaults to true. */
  readonly ignoreGitPaths?: boolean;
  /** Worker threads. Defaults to the available parallelism; 0 hashes everything inline. */
  readonly workers?: number;
  readonly onProgress?: (progress: HashProgress) => void;
}

/** A hashed model. */
export interface HashedModel {
  /** Absolute path of the model (directory or single file). */
  readonly path: string;
  readonly manifest: ModelManifest;
  /** sha256 hex over the raw resource digests in canonical order. */
  readonly rootDigest: string;
  /** Entries whose name is not valid UTF-8 (`\xNN`-escaped): never hashed, always unsigned extras. */
  readonly undecodable: readonly string[];
  /** The ignore entries that matched something in the model. */
  readonly ignoredHits: readonly string[];
  readonly stats: HashStats;
}

/** Options of {@link verifyModel}. */
export interface VerifyModelOptions {
  /** The model: a directory, or a single file. */
  readonly path: string;
  /** The Sigstore bundle (`model.sig`). */
  readonly signaturePath: string;
  readonly policy: SignerPolicy;
  /** Extra paths relative to the model root to leave out, on top of those the signature records. */
  readonly ignorePaths?: readonly string[];
  /** Follow symlinks that stay inside the model. Defaults to false. */
  readonly allowSymlinks?: boolean;
  readonly onProgress?: (progress: HashProgress) => void;
  /** Worker threads. Defaults to the available parallelism. */
  readonly workers?: number;
  /** Clock for certificate and key validity. Defaults to now. */
  readonly now?: Date;
  /**
   * Private-PKI signatures: validate the chain at the leaf's notBefore (`leaf-not-before`, what the
   * reference implementation does, so an expired leaf still verifies the models it signed) or at
   * `now` (stricter: a leaf past its notAfter is EXPIRED). Defaults to `leaf-not-before`.
   */
  readonly certificateTime?: 'leaf-not-before' | 'now';
  /**
   * Allow `ignorePaths` beyond those the signature records (they hide files from the exact match).
   * Defaults to false: such a path is POLICY_DENIED.
   */
  readonly allowUnsignedIgnorePaths?: boolean;
}

/** One ignore entry applied while re-hashing a model, in the verdict's `details.ignoredPaths`. */
export interface IgnoredPath {
  /** Relative to the model root. */
  readonly path: string;
  /**
   * `signature`: recorded by the signer; `caller`: agent.yaml `ignorePaths` or `--ignore-paths`;
   * `git`: the default `.git*` entries; `signature-file`: the signature being verified.
   */
  readonly source: 'signature' | 'caller' | 'git' | 'signature-file';
  /** Whether something at that path existed in the model (and so was not compared). */
  readonly present: boolean;
}

/** A verified model: who signed it and exactly what was signed. */
export interface ModelVerification {
  /** The statement subject name (the model folder's name when it was signed). */
  readonly name: string;
  /** Absolute path of the model that was re-hashed. */
  readonly path: string;
  /** sha256 hex root digest (the statement subject). */
  readonly rootDigest: string;
  readonly predicateType: string;
  readonly serialization: ModelSerialization;
  /** Every verified resource, in canonical order. */
  readonly resources: readonly ModelResource[];
  /** Every ignore entry applied, with where it came from and whether it hid anything. */
  readonly ignoredPaths: readonly IgnoredPath[];
  readonly signer: Signer;
  readonly timestamps: readonly string[];
  readonly tlogIndexes: readonly string[];
  readonly trustRoot?: string;
  readonly stats: HashStats;
}

/**
 * Sign with a private-PKI certificate (model_signing's `certificate` method): the leaf's EC key,
 * the leaf, and the chain above it (intermediates, optionally the root), all PEM. The bundle
 * carries the chain and no transparency-log entry.
 */
export interface CertificateSigner {
  readonly kind: 'certificate';
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  /** Intermediates (and optionally the root), in any order; each PEM may hold several certificates. */
  readonly chainPem: readonly string[];
}

/** Options of {@link signModel}. */
export interface SignModelOptions {
  /** The model: a directory, or a single file. */
  readonly path: string;
  readonly signer: KeySigner | KeylessSigner | CertificateSigner;
  /** Paths relative to the model root to leave out; recorded in the statement. */
  readonly ignorePaths?: readonly string[];
  /** Where to write the bundle. Defaults to `model.sig` in the model directory (beside a single file). */
  readonly outputPath?: string;
  /** Defaults to `files`. */
  readonly method?: SerializationMethod;
  /** Defaults to `sha256`. */
  readonly hashType?: ModelHashType;
  /** Shards only. Defaults to 1,000,000,000 bytes. */
  readonly shardSize?: number;
  /** Defaults to false. */
  readonly allowSymlinks?: boolean;
  /** Defaults to true. */
  readonly ignoreGitPaths?: boolean;
  readonly workers?: number;
  readonly onProgress?: (progress: HashProgress) => void;
}

/** A signed model. */
export interface SignedModel {
  readonly signaturePath: string;
  readonly bundle: object;
  /** The in-toto statement that was signed. */
  readonly statement: object;
  readonly manifest: ModelManifest;
  readonly rootDigest: string;
  readonly stats: HashStats;
}
