/**
 * The agent manifest (`stacks/<agent>/agent.yaml`) and the trust policy (`stacks/trust-policy.yaml`)
 * as TypeScript types. The JSON Schemas in this folder are the source of truth for what is valid;
 * these types describe a document that has passed them. Paths are relative to the stack folder
 * (manifest) or to the folder holding the trust policy.
 */

export type RiskTier = 'low' | 'high';
export type Runtime = 'agentcore' | 'ecs' | 'lambda' | 'eks';
export type Classification = 'public' | 'internal' | 'confidential' | 'restricted';
/** How far the agent acts on its own: it suggests, acts with a human in the loop, or acts alone. */
export type Autonomy = 'assistive' | 'supervised' | 'autonomous';

export interface Owner {
  readonly team: string;
  readonly email: string;
}

export interface AgentIdentitySpec {
  readonly runtime: Runtime;
  /** 12-digit AWS account id. */
  readonly account: string;
  readonly region: string;
}

export interface ToolSpec {
  readonly name: string;
  readonly description?: string;
  /** IAM actions `service:Action`, never a wildcard. */
  readonly actions: readonly string[];
  /** Explicit resource ARNs, never `*`. */
  readonly resources: readonly string[];
  readonly risk: RiskTier;
  readonly approval: 'required' | 'none';
  /** The MCP interface the gateway exposes for this tool. Defaults to none (the tool is not reachable through the gateway). */
  readonly mcp?: ToolInterfaceSpec;
  /** Conditions on each call, compiled to the tool's Cedar policies. Defaults to none (any authenticated caller, any input). */
  readonly conditions?: ToolConditions;
}

/** A JSON Schema type a tool input field may have, and the Cedar type it maps to. */
export type ToolInputType = 'string' | 'integer' | 'number' | 'boolean';

/** One field of a tool's input: a primitive, or an array of primitives. */
export interface ToolInputProperty {
  readonly type: ToolInputType | 'array';
  readonly description?: string;
  /** Element type of an array field. */
  readonly items?: { readonly type: ToolInputType };
  /** Allowed values of a string field (also compiled to Cedar). */
  readonly enum?: readonly string[];
}

/** A tool's MCP input schema: a flat object of primitive (or primitive array) fields. */
export interface ToolInputSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, ToolInputProperty>>;
  readonly required?: readonly string[];
}

/** Where a gateway tool runs: exactly one of a Lambda function, an operation of a signed API, an MCP server of a verified plugin. */
export type ToolTarget =
  | { readonly lambda: string }
  | { readonly openApi: { readonly api: string; readonly operation: string } }
  | { readonly mcpServer: { readonly plugin: string; readonly endpoint: string } };

/** The tool as the gateway exposes it over MCP. */
export interface ToolInterfaceSpec {
  /** MCP tool name (letters, digits, `_`); the Cedar action is `<target>___<toolName>`. */
  readonly toolName: string;
  readonly description: string;
  readonly inputSchema: ToolInputSchema;
  readonly target: ToolTarget;
}

/** Structured conditions (compiled to Cedar) and raw Cedar for experts. */
export interface ToolConditions {
  /** Numeric input fields and their inclusive bounds; a call outside them is forbidden. */
  readonly limits?: Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;
  /** String input fields and the values they may take; any other value is forbidden. */
  readonly allowedValues?: Readonly<Record<string, readonly string[]>>;
  /** Input fields a call must carry. */
  readonly requiredFields?: readonly string[];
  /** OAuth scopes the caller's `scope` claim must hold, each as a whole space-separated token. */
  readonly scopes?: readonly string[];
  /** Claims the caller's token must carry with exactly these values. */
  readonly claims?: Readonly<Record<string, string>>;
  /** A Cedar expression the permit also requires (`when { ... }`), type-checked against the generated schema. */
  readonly when?: string;
  /** A Cedar expression that, when true, refuses the call (`unless { ... }` on the permit). */
  readonly unless?: string;
}

/** A container image by digest with its Sigstore provenance bundle (in-toto subject = the image digest). */
export interface RuntimeImageSpec {
  /** `<registry>/<repository>@sha256:<64 hex>`. */
  readonly ref: string;
  /** The Sigstore bundle in the stack folder (`cosign attest --new-bundle-format`, GitHub artifact attestations). */
  readonly attestation?: string;
  /** Name of an `images` authority in the trust policy. */
  readonly signedBy?: string;
  /** The tag the image was pushed under, recorded in the SBOM's purl (the digest is what deploys). Defaults to none. */
  readonly tag?: string;
  /** SPDX licence id or expression of the image's contents, for the SBOM. Defaults to none. */
  readonly license?: string;
}

/** One authorization test: a call and the decision the generated policies must give. */
export interface AuthorizationTestSpec {
  readonly name: string;
  /** Name of a tool with an `mcp` interface. */
  readonly tool: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** The caller's token claims (tags of the OAuthUser principal). Defaults to none. */
  readonly claims?: Readonly<Record<string, string>>;
  /** Evaluate with the kill switch on. Defaults to the manifest's `paused`. */
  readonly paused?: boolean;
  readonly expect: 'allow' | 'deny';
}

export interface DataStoreSpec {
  readonly name: string;
  readonly kind: 's3' | 'dynamodb';
  readonly classification: Classification;
  readonly retentionDays: number;
  readonly description?: string;
}

/** A model: either a local artifact (file or folder) with a model-signing signature, or a hosted model id. */
export interface ModelSpec {
  readonly name: string;
  readonly description?: string;
  /** Local artifact path (file or directory). Exactly one of `path` and `hosted`. */
  readonly path?: string;
  /** Hosted model id (e.g. a Bedrock model id); must be allow-listed in the trust policy. */
  readonly hosted?: string;
  /** The OpenSSF model-signing bundle; defaults to `<path>/model.sig` for a directory. */
  readonly signature?: string;
  /** Name of a `models` authority in the trust policy. */
  readonly signedBy?: string;
  /** Paths inside the model that the signature ignores. */
  readonly ignorePaths?: readonly string[];
  readonly version?: string;
  readonly supplier?: string;
  readonly license?: string;
  /** Model card basics for the SBOM. */
  readonly task?: string;
  readonly architecture?: string;
  /** The model card: all optional; rendered as the SBOM's modelCard and in the report. */
  readonly card?: ModelCardSpec;
}

/** A model card as the manifest states it (CycloneDX `modelCard` fields). */
export interface ModelCardSpec {
  /** The published model card (https); a `model-card` external reference. */
  readonly url?: string;
  readonly approach?: 'supervised' | 'unsupervised' | 'reinforcement-learning' | 'semi-supervised' | 'self-supervised';
  readonly architectureFamily?: string;
  readonly datasets?: readonly {
    readonly name: string;
    readonly description?: string;
    readonly url?: string;
    readonly classification?: Classification;
  }[];
  /** Input formats (e.g. `text/plain`, `application/json`). */
  readonly inputs?: readonly string[];
  readonly outputs?: readonly string[];
  readonly performanceMetrics?: readonly { readonly type: string; readonly value: string; readonly slice?: string }[];
  /** Technical limitations. */
  readonly limitations?: readonly string[];
  readonly ethicalConsiderations?: readonly { readonly name: string; readonly mitigationStrategy?: string }[];
  /** Intended users. */
  readonly users?: readonly string[];
  readonly useCases?: readonly string[];
}

/** An npm package the agent loads (tool, MCP server): by name and semver range, or all of a lockfile. */
export type PluginSpec =
  | {
      readonly name: string;
      /** A semver range the verified version must satisfy. */
      readonly version: string;
      /** Expected SRI integrity (sha512-...) of the tarball, if pinned in the manifest. */
      readonly integrity?: string;
      /** The repository the package's provenance must be built from (`https://github.com/owner/repo`). */
      readonly sourceRepository?: string;
      readonly signedBy?: string;
    }
  | {
      /** An npm lockfile (v2/v3) whose every package is verified. */
      readonly lockfile: string;
      readonly signedBy?: string;
    };

/** A third-party API the agent calls, described by a signed descriptor. */
export interface ApiSpec {
  readonly name: string;
  /** The API descriptor (JSON) inside the stack folder. */
  readonly descriptor: string;
  /** Its Sigstore bundle. */
  readonly signature: string;
  /** Classifications of the data the agent sends to it. */
  readonly dataClassifications: readonly Classification[];
  readonly signedBy?: string;
}

export interface NetworkSpec {
  /** `firewall`: egress only through an allowlisting firewall; `none`: no egress at all. */
  readonly egress: 'firewall' | 'none';
}

export interface MonitoringSpec {
  readonly logRetentionDays: number;
  readonly alarmEmail?: string;
  readonly alarmTopicArn?: string;
}

/** An S3 bucket outside the agent's data stores, and its owner account. */
export interface ExternalBucketSpec {
  readonly bucket: string;
  /** 12-digit account id of the bucket's owner. */
  readonly account: string;
  readonly description?: string;
}

/** A validated agent manifest. */
export interface AgentManifest {
  readonly version: 1;
  readonly name: string;
  readonly description: string;
  readonly owner: Owner;
  readonly riskTier: RiskTier;
  readonly autonomy: Autonomy;
  readonly goals: readonly string[];
  readonly identity: AgentIdentitySpec;
  readonly tools: readonly ToolSpec[];
  readonly dataStores: readonly DataStoreSpec[];
  readonly models: readonly ModelSpec[];
  readonly plugins: readonly PluginSpec[];
  readonly apis: readonly ApiSpec[];
  readonly network: NetworkSpec;
  readonly monitoring: MonitoringSpec;
  /** Where vendored plugin attestations live. Defaults to `attestations/`. */
  readonly attestations?: string;
  /**
   * S3 buckets the tools read or write that are not the agent's own data stores, each with the
   * account that owns it (S3 ARNs carry no account). Defaults to none.
   */
  readonly externalBuckets?: readonly ExternalBucketSpec[];
  /** Kill switch: attach an explicit deny-all to the agent role. Defaults to false. */
  readonly paused?: boolean;
  /** The runtime's container image, pinned by digest, and its provenance attestation. Defaults to none (then stack config `agentfence:runtimeImage`). */
  readonly runtimeImage?: RuntimeImageSpec;
  /** Calls and the decisions the generated Cedar policies must give; run by `validate` and `gate`. Defaults to none. */
  readonly authorizationTests?: readonly AuthorizationTestSpec[];
}

// ---- trust policy ----------------------------------------------------------------------------

/** Certificate extensions (Fulcio OIDs), compared as exact DER-decoded values. */
export interface CertificateExtensions {
  readonly issuer?: string;
  readonly sourceRepositoryURI?: string;
  readonly sourceRepositoryRef?: string;
  readonly sourceRepositoryDigest?: string;
  readonly buildSignerURI?: string;
  readonly buildConfigURI?: string;
  readonly runnerEnvironment?: string;
  readonly githubWorkflowRepository?: string;
  readonly githubWorkflowRef?: string;
}

export type Authority =
  | {
      readonly name: string;
      readonly keyless: {
        readonly issuer: string;
        /** Exact SAN. Exactly one of `subject` and `subjectRegExp`. */
        readonly subject?: string;
        /** A regular expression we anchor (^...$) before matching the SAN. */
        readonly subjectRegExp?: string;
        readonly extensions?: CertificateExtensions;
      };
      /** Name of an entry in `trustedRoots`; defaults to the public-good root. */
      readonly trustedRoot?: string;
    }
  | {
      readonly name: string;
      /** A PEM public key: a path relative to the trust policy's folder. */
      readonly key: { readonly publicKey: string };
    }
  | {
      readonly name: string;
      /** A private PKI: PEM root (first) and intermediates, paths relative to the trust policy's folder. */
      readonly certificate: { readonly chain: readonly string[] };
    };

export interface TrustedRootSpec {
  readonly name: string;
  /** `public-good`: the root pinned in the installed @sigstore/tuf seeds. Else a path to a trusted_root.json or ClientTrustConfig. */
  readonly source: 'public-good' | { readonly path: string };
}

/** An npm registry signing key (the registry's `/-/npm/v1/keys` shape), for private registries. */
export interface RegistryKey {
  readonly keyid: string;
  /** Base64 SPKI DER, as the registry publishes it. */
  readonly key: string;
  readonly keytype?: string;
  readonly scheme?: string;
  /** ISO date-time; signatures made after it are refused. */
  readonly expires?: string | null;
}

export interface TrustPolicy {
  readonly version: 1;
  readonly mode: 'enforce' | 'warn';
  readonly trustedRoots: readonly TrustedRootSpec[];
  readonly models: {
    readonly authorities: readonly Authority[];
    /** Hosted model ids the organisation allows. */
    readonly hosted?: readonly string[];
    /**
     * Authorities whose models may leave out paths (agent.yaml `ignorePaths`) beyond those their
     * signature records; such paths hide files from the exact match. Defaults to none.
     */
    readonly allowIgnorePaths?: readonly string[];
  };
  readonly plugins: {
    readonly authorities: readonly Authority[];
    /** Require a SLSA provenance attestation, not only the registry signature. Defaults to true. */
    readonly requireProvenance?: boolean;
    /** Extra registry keys (private registries); the public npm keys come from the pinned TUF seeds. */
    readonly registryKeys?: readonly RegistryKey[];
    /** Package name -> the repository its provenance must be built from (as slsa-verifier's --source-uri). */
    readonly repositories?: Readonly<Record<string, string>>;
  };
  readonly apis: {
    readonly authorities: readonly Authority[];
  };
  /** Who may vouch for container images (their provenance attestations). Defaults to none: every image is refused. */
  readonly images?: {
    readonly authorities: readonly Authority[];
  };
}

/** A manifest loaded from disk, with where it came from. */
export interface LoadedManifest {
  readonly manifest: AgentManifest;
  /** Absolute path of the manifest file. */
  readonly file: string;
  /** Absolute path of the stack folder (the manifest's folder). */
  readonly stackDir: string;
}

export interface LoadedTrustPolicy {
  readonly policy: TrustPolicy;
  readonly file: string;
  /** Folder that key and root paths are relative to. */
  readonly baseDir: string;
}
