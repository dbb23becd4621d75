/**
 * What an SBOM is built from: the agent manifest plus what was read beside it (model signature
 * statements, API descriptors, lockfile packages) and, when available, the verifier's verdicts.
 * A plain data structure, so `buildSbom` is a pure function of it.
 */
import type { AgentManifest, ApiSpec, ModelSpec, RuntimeImageSpec } from '../manifest/types.js';
import type { ApiDescriptor, VerificationReport } from '../verify/types.js';

/** One file of a signed model, as the model-signing statement lists it. */
export interface SignedFile {
  /** Path relative to the model root, `/`-separated. */
  readonly name: string;
  readonly sha256: string;
}

/** What the model's signature bundle says about the model (read, not verified, here). */
export interface ModelSignatureInfo {
  /** Project-relative path of the signature file. */
  readonly path: string;
  /** sha256 of the signature file's bytes. */
  readonly sha256: string;
  /** The statement subject's digest: sha256 over the sorted per-file digests. */
  readonly rootDigest?: string;
  readonly files: readonly SignedFile[];
  readonly predicateType?: string;
}

/** A model of the manifest with what its signature says (local) or just its id (hosted). */
export interface SbomModel {
  readonly spec: ModelSpec;
  /** Absent for hosted models and for local models without a readable signature. */
  readonly signature?: ModelSignatureInfo;
  /** Why the signature could not be read (missing, malformed), for the SBOM's evidence. */
  readonly signatureProblem?: string;  /** Project-relative path of the local model (its folder, or its one file). */
  readonly location?: string;
}

/** Who supplies a package, as its package.json says (or the owner of its source repository). */
export interface PackageSupplier {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

/** What a package's own package.json says about it (licence, supplier), and where it was read. */
export interface PackageInfo {
  /** `tarball`: inside the vendored tarball whose sha512 is the signed integrity; `registry`: --online. */
  readonly source: 'tarball' | 'registry';
  /** Project-relative path of the vendored tarball. */
  readonly path?: string;
  readonly license?: string;
  readonly supplier?: PackageSupplier;
  /** `author` of the package.json, or the `repository` owner when no author is named. */
  readonly supplierFrom?: 'author' | 'repository';
  readonly description?: string;
  /** The repository URL as https. */
  readonly repository?: string;
  readonly homepage?: string;
}

/** An npm package the agent loads, from the manifest (name + range) or a lockfile entry. */
export interface SbomPlugin {
  readonly name: string;
  /** The exact version, when known (lockfile, or the verifier's result). */
  readonly version?: string;
  /** The manifest's semver range. */
  readonly range?: string;
  /** SRI integrity (`sha512-<base64>`). */
  readonly integrity?: string;
  /** Tarball URL from the lockfile. */
  readonly resolved?: string;
  /** Project-relative lockfile path, for lockfile-derived packages. */
  readonly lockfile?: string;
  /** Names of packages this one depends on (lockfile mode), as purls of resolved entries. */
  readonly dependsOn?: readonly string[];
  /** Lockfile entries marked dev/optional. */
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly license?: string;
  /** Project-relative path of the vendored attestation file, with its sha256, when present. */
  readonly attestation?: { readonly path: string; readonly sha256: string };
  /** Whether the package is a direct dependency of the agent. */
  readonly direct: boolean;
  /** Licence and supplier from the package's own package.json, when it could be read and trusted. */
  readonly package?: PackageInfo;
  /** Why the package's metadata could not be used (tarball digest mismatch, unreadable). */
  readonly packageProblem?: string;
}

/** A third-party API of the manifest with its descriptor and bundle as found on disk. */
export interface SbomApi {
  readonly spec: ApiSpec;
  /** The descriptor as read (unverified unless the verification says so); absent if unreadable. */
  readonly descriptor?: ApiDescriptor;
  readonly descriptorPath: string;
  readonly descriptorSha256?: string;
  readonly signaturePath: string;
  readonly signatureSha256?: string;
}

/** The agent's runtime container image (manifest `runtimeImage`), pinned by digest. */
export interface SbomImage {
  readonly spec: RuntimeImageSpec;
  /** Registry host (and port) of the reference. */
  readonly registry: string;
  /** Repository path inside the registry (`agentfence/payments`). */
  readonly repository: string;
  /** Hex of the image's sha256 manifest digest. */
  readonly sha256: string;
  /** Project-relative path of the provenance bundle, with its sha256, when it could be read. */
  readonly attestation?: { readonly path: string; readonly sha256: string };
  /** Why the bundle could not be read (not set, missing, outside the stack folder). */
  readonly attestationProblem?: string;
}

/** Where the verification verdicts in an SBOM came from. */
export type VerificationSource = 'in-process' | 'file' | 'none';

/** Everything {@link buildSbom} needs; pure data, so the build is a function of it. */
export interface SbomInput {
  readonly agentName: string;
  readonly manifest: AgentManifest;
  /** sha256 (hex) of the manifest file's bytes. */
  readonly manifestSha256: string;
  /** Project-relative path of the manifest. */
  readonly manifestPath: string;
  readonly models: readonly SbomModel[];
  readonly plugins: readonly SbomPlugin[];
  readonly apis: readonly SbomApi[];
  /** The runtime image, when the manifest pins one. Defaults to none. */
  readonly images?: readonly SbomImage[];
  readonly verification?: VerificationReport;
  readonly verificationSource: VerificationSource;
  readonly tool: { readonly name: string; readonly version: string };
  readonly libraryVersion: string;
  /** ISO 8601 timestamp (the adapter passes SOURCE_DATE_EPOCH or now); absent only when asked. */
  readonly timestamp?: string;
  /**
   * Where project files resolve outside the repository: a VCS base URL that a project-relative
   * path is appended to (e.g. `https://github.com/o/r/blob/HEAD/`). Absent: paths stay relative.
   */
  readonly repositoryUrl?: string;
}
