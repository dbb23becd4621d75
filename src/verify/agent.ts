/**
 * `agentfence verify <agent>`: every model, plugin and API of an agent against the trust policy,
 * one verdict each, fail closed (any error is a block with its reason). In `warn` mode a failure is
 * `warned` instead of `blocked`. The report is what `.agentfence/<agent>/verification.json` holds;
 * it records the digest of every file it read, so a later change makes it stale.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgentfenceError, ConfigError, isAgentfenceError, VerificationError } from '../errors.js';
import { present } from '../invariant.js';
import { defaultSignaturePath } from './model/paths.js';
import { toReason } from './reason.js';
import { fileDigest, VERIFICATION_SCHEMA_VERSION } from './report.js';
import type { LoadedAgent } from '../manifest/load.js';
import type { ApiSpec, ModelSpec, PluginSpec } from '../manifest/types.js';
import { verifyApiDescriptor } from './api/index.js';
import type { HashProgress } from './model/types.js';
import {
  buildRegistryKeyRing,
  fetchRegistryEvidence,
  readNpmLockfile,
  registryPackages,
  readVendored,
  toNpmPurl,
  toRegistryUrl,
  verifyNpmPackage,
  type NpmPackageEvidence,
  type NpmVerification,
  type RegistryKeyRing,
} from './npm/index.js';
import { selectAuthorities, trustRootsOf, type ResolvedAuthority, type TrustRootCache } from './authorities.js';
import { loadPublicGoodRoot } from './sigstore/index.js';
import type { ArtifactKind, ArtifactResult, VerificationReport, VerifiedFile } from './types.js';

/** Size limits: a descriptor or bundle larger than this is refused before it is parsed. */
const MAX_DESCRIPTOR_BYTES = 1024 * 1024;
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/** Reads a file no larger than `max` bytes. @throws VerificationError MALFORMED_BUNDLE when larger. */
function readBounded(file: string, max: number, what: string): Buffer {
  const size = statSync(file).size;
  if (size > max) throw new VerificationError('MALFORMED_BUNDLE', `${what} must be at most ${max} bytes (got ${size})`);
  return readFileSync(file);
}

/** Knobs of {@link verifyAgent}. */
export interface VerifyAgentOptions {
  /** Read plugin evidence from the registry instead of vendored files. Defaults to false. */
  readonly online?: boolean;
  /** Base URL of the registry `online` reads (the CLI resolves npm's configuration; see `toRegistryUrl`). Required when online. */
  readonly registry?: string;
  readonly fetch?: Parameters<typeof fetchRegistryEvidence>[3];
  /** The clock signatures and descriptors are judged at. Defaults to the time of verification. */
  readonly now?: Date;
  /** Model hashing progress, per model. */
  readonly onModelProgress?: (model: string, progress: HashProgress) => void;
  readonly workers?: number;
}

interface Context {
  readonly agent: LoadedAgent;
  readonly roots: TrustRootCache;
  readonly options: VerifyAgentOptions;
  /** Every file read, absolute, for the report's digests. */
  readonly files: Set<string>;
  keys?: RegistryKeyRing;
}

/** "Expected" of a blocked artifact: the authority names that could have vouched for it. */
function expectedSigners(ctx: Context, kind: ArtifactKind, signedBy: string | undefined): string {
  const policy = ctx.agent.trustPolicy.policy;
  const authorities =
    kind === 'model'
      ? policy.models.authorities
      : kind === 'plugin'
        ? policy.plugins.authorities
        : kind === 'image'
          ? (policy.images?.authorities ?? [])
          : policy.apis.authorities;
  const names = authorities.map((authority) => authority.name).filter((name) => signedBy === undefined || name === signedBy);
  return names.length > 0 ? names.join(' or ') : 'no authority';
}

function blockedResult(kind: ArtifactKind, name: string, error: unknown, extra: Partial<ArtifactResult> = {}): ArtifactResult {
  const message = error instanceof Error ? error.message : String(error);
  return { kind, name, ...extra, status: 'blocked', reason: toReason(error), message };
}

/** Keeps artifact paths inside the project: a manifest must not point the verifier elsewhere. */
function insideProject(agent: LoadedAgent, relative: string, what: string): string {
  const full = path.resolve(agent.manifest.stackDir, relative);
  const root = agent.location.projectRoot;
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new VerificationError('PATH_REFUSED', `${what} ${relative} must stay inside the project ${root}`);
  }
  return full;
}

async function verifyModelSpec(ctx: Context, spec: ModelSpec): Promise<ArtifactResult> {
  const policy = ctx.agent.trustPolicy.policy;
  if (spec.hosted !== undefined) {
    // A hosted model is trusted only if the organisation allow-lists its id.
    if ((policy.models.hosted ?? []).includes(spec.hosted)) {
      return {
        kind: 'model',
        name: spec.name,
        status: 'allow-listed',
        message: `hosted model ${spec.hosted} is allow-listed by the trust policy (trusted by name; nothing was signed)`,
        details: { hosted: spec.hosted },
      };
    }
    return {
      kind: 'model',
      name: spec.name,
      status: 'blocked',
      reason: 'POLICY_DENIED',
      message: `hosted model ${spec.hosted} must be listed in the trust policy's models.hosted (allowed: ${(policy.models.hosted ?? []).join(', ') || 'none'})`,
      expected: (policy.models.hosted ?? []).join(', '),
    };
  }
  if (spec.path === undefined) {
    return {
      kind: 'model',
      name: spec.name,
      status: 'blocked',
      reason: 'ERROR',
      message: `model ${spec.name} must have a path or a hosted id`,
    };
  }
  const modelPath = insideProject(ctx.agent, spec.path, `model ${spec.name} path`);
  if (!existsSync(modelPath)) {
    return {
      kind: 'model',
      name: spec.name,
      status: 'blocked',
      reason: 'ERROR',
      message: `model ${spec.name} must exist at ${spec.path} (not found)`,
    };
  }
  const signaturePath =
    spec.signature !== undefined
      ? insideProject(ctx.agent, spec.signature, `model ${spec.name} signature`)
      : defaultSignaturePath(modelPath);
  if (!existsSync(signaturePath)) {
    return {
      kind: 'model',
      name: spec.name,
      status: 'blocked',
      reason: 'UNSIGNED',
      message: `model ${spec.name} must have a signature at ${path.relative(ctx.agent.manifest.stackDir, signaturePath)} (none found)`,
    };
  }
  const authorities = selectAuthorities(policy.models.authorities, spec.signedBy, ctx.agent.trustPolicy, ctx.roots, 'models');
  const { verifyModel, modelResult, ModelMismatchError } = await import('./model/index.js');
  const failures: AgentfenceError[] = [];
  const { onModelProgress } = ctx.options;
  ctx.files.add(signaturePath);
  for (const authority of authorities) {
    try {
      const verified = await verifyModel({
        path: modelPath,
        signaturePath,
        policy: authority.policy,
        ...(spec.ignorePaths ? { ignorePaths: spec.ignorePaths } : {}),
        allowUnsignedIgnorePaths: (policy.models.allowIgnorePaths ?? []).includes(authority.name),
        ...(ctx.options.now ? { now: ctx.options.now } : {}),
        ...(ctx.options.workers ? { workers: ctx.options.workers } : {}),
        ...(onModelProgress ? { onProgress: (p: HashProgress) => onModelProgress(spec.name, p) } : {}),
      });
      const result = modelResult(spec.name, verified);
      return {
        ...result,
        ...(spec.version !== undefined ? { version: spec.version } : {}),
        message: `${result.message}; authority ${authority.name}`,
        signer: { ...present(result.signer, `the signer of verified model ${spec.name}`), authority: authority.name },
        details: { ...result.details, path: path.relative(ctx.agent.location.projectRoot, modelPath) },
      };
    } catch (error) {
      if (!isAgentfenceError(error) || error.kind === 'config' || error.kind === 'input') throw error;
      // A re-hash mismatch is final: the signature verified, the bytes differ.
      if (error instanceof ModelMismatchError) throw error;
      failures.push(error);
    }
  }
  throw pickFailure(failures, authorities, `model ${spec.name}`);
}

/** Content errors (tamper, digest) beat "not this signer"; all identity misses -> UNTRUSTED_SIGNER. */
function pickFailure(failures: readonly AgentfenceError[], authorities: readonly ResolvedAuthority[], what: string): AgentfenceError {
  const order = ['TAMPERED', 'DIGEST_MISMATCH', 'PATH_REFUSED', 'SYMLINK_REFUSED', 'EXPIRED', 'MALFORMED_BUNDLE'];
  for (const code of order) {
    const hit = failures.find((error) => error.code === code);
    if (hit) return hit;
  }
  if (failures.length > 1 && failures.some((error) => error.code === 'UNTRUSTED_SIGNER')) {
    return new VerificationError(
      'UNTRUSTED_SIGNER',
      `${what} must be signed by ${authorities.map((a) => `${a.name} (${a.describe})`).join(' or ')} (got: ${failures.map((e) => e.message).join('; ')})`,
    );
  }
  return failures[0] ?? new VerificationError('UNTRUSTED_SIGNER', `${what}: no authority to verify against`);
}

function pluginResult(verified: NpmVerification, evidence: NpmPackageEvidence, stackDir: string): ArtifactResult {
  const provenance = verified.provenance;
  const parts = [
    provenance
      ? `provenance by ${provenance.authority}${provenance.sourceRepository ? ` from ${provenance.sourceRepository}` : ''}`
      : 'no provenance (not required)',
    verified.publish ? `publish attestation by ${verified.publish.keyid}` : undefined,
    verified.registrySignature ? `registry signature by ${verified.registrySignature.keyid}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return {
    kind: 'plugin',
    name: verified.name,
    version: verified.version,
    status: 'verified',
    message: parts.join('; '),
    ...(provenance ? { signer: { ...provenance.signer, authority: provenance.authority } } : {}),
    digests: { sha512: verified.sha512 },
    tlogIndexes: [...(provenance?.tlogIndexes ?? []), ...(verified.publish?.tlogIndexes ?? [])],
    timestamps: [...(provenance?.timestamps ?? []), ...(verified.publish?.timestamps ?? [])],
    ...(provenance?.trustRoot !== undefined ? { trustRoot: provenance.trustRoot } : {}),
    details: {
      purl: toNpmPurl(verified.name, verified.version),
      integrity: verified.integrity,
      ...(provenance
        ? { provenance: { predicateType: provenance.predicateType, sourceRepository: provenance.sourceRepository ?? null } }
        : {}),
      ...(verified.publish ? { publishKey: verified.publish.keyid } : {}),
      ...(verified.registrySignature ? { registryKey: verified.registrySignature.keyid } : {}),
      ...(evidence.source
        ? { evidence: evidence.source.startsWith('http') ? evidence.source : path.relative(stackDir, evidence.source) }
        : {}),
    },
  };
}

async function evidenceFor(ctx: Context, name: string, want: { version?: string; range?: string }): Promise<NpmPackageEvidence> {
  if (ctx.options.online) {
    if (ctx.options.registry === undefined)
      throw new ConfigError('REGISTRY_INVALID', 'online verification must be given the registry URL to read (got none)');
    return fetchRegistryEvidence(toRegistryUrl(ctx.options.registry), name, want, ctx.options.fetch);
  }
  const dir = insideProject(ctx.agent, ctx.agent.manifest.manifest.attestations ?? 'attestations', 'attestations folder');
  const evidence = readVendored(dir, name, want);
  if (evidence.source !== undefined) ctx.files.add(evidence.source);
  return evidence;
}

async function verifyPluginSpec(ctx: Context, spec: PluginSpec, notes: string[]): Promise<ArtifactResult[]> {
  const policy = ctx.agent.trustPolicy.policy;
  ctx.keys ??= buildRegistryKeyRing(policy.plugins.registryKeys ?? []);
  const keys = ctx.keys;
  const authorities = () => selectAuthorities(policy.plugins.authorities, spec.signedBy, ctx.agent.trustPolicy, ctx.roots, 'plugins');
  // The repository each package's provenance must come from: the manifest's pin, else the trust policy's.
  const pinFor = (name: string, manifestPin?: string): { sourceRepository?: { repository: string } } => {
    const policyPin = policy.plugins.repositories?.[name];
    if (manifestPin !== undefined && policyPin !== undefined && manifestPin !== policyPin) {
      throw new VerificationError(
        'UNTRUSTED_SIGNER',
        `${name} sourceRepository ${manifestPin} in agent.yaml must equal the trust policy's ${policyPin}`,
      );
    }
    const repository = manifestPin ?? policyPin;
    return repository === undefined ? {} : { sourceRepository: { repository } };
  };
  const common = {
    keys,
    // A manifest that names the signer (signedBy) needs that signer's provenance, whatever the policy default.
    requireProvenance: (policy.plugins.requireProvenance ?? true) || spec.signedBy !== undefined,
    publicGood: () => loadPublicGoodRoot(),
    ...(ctx.options.now ? { now: ctx.options.now } : {}),
  };
  if ('lockfile' in spec) {
    const lockfile = insideProject(ctx.agent, spec.lockfile, 'lockfile');
    ctx.files.add(lockfile);
    const contents = registryPackages(readNpmLockfile(lockfile));
    notes.push(...contents.notes.map((note) => `${spec.lockfile}: ${note}`));
    if (contents.packages.length === 0) {
      return [
        {
          kind: 'plugin',
          name: spec.lockfile,
          status: 'blocked',
          reason: 'ERROR',
          message: `lockfile ${spec.lockfile} must list at least one registry package (nothing to verify)`,
        },
      ];
    }
    const resolved = authorities();
    const results: ArtifactResult[] = [];
    for (const entry of contents.packages) {
      try {
        if (entry.integrity === undefined) {
          throw new VerificationError(
            'UNSIGNED',
            `${entry.name}@${entry.version} (${entry.key}) must have an integrity in ${spec.lockfile}`,
          );
        }
        const evidence = await evidenceFor(ctx, entry.name, { version: entry.version });
        const verified = verifyNpmPackage(evidence, {
          ...common,
          authorities: resolved,
          expectedIntegrity: entry.integrity,
          ...pinFor(entry.name),
        });
        results.push(pluginResult(verified, evidence, ctx.agent.manifest.stackDir));
      } catch (error) {
        results.push(
          blockedResult('plugin', entry.name, error, { version: entry.version, expected: expectedSigners(ctx, 'plugin', spec.signedBy) }),
        );
      }
    }
    return results;
  }
  try {
    const evidence = await evidenceFor(ctx, spec.name, { range: spec.version });
    const verified = verifyNpmPackage(evidence, {
      ...common,
      authorities: authorities(),
      ...pinFor(spec.name, spec.sourceRepository),
      range: spec.version,
      ...(spec.integrity !== undefined ? { expectedIntegrity: spec.integrity } : {}),
    });
    return [pluginResult(verified, evidence, ctx.agent.manifest.stackDir)];
  } catch (error) {
    // A version outside the range expects the range; anything else expects a trusted signer.
    const expected = toReason(error) === 'VERSION_MISMATCH' ? spec.version : expectedSigners(ctx, 'plugin', spec.signedBy);
    return [blockedResult('plugin', spec.name, error, { expected })];
  }
}

function verifyApiSpec(ctx: Context, spec: ApiSpec): ArtifactResult {
  const descriptorFile = insideProject(ctx.agent, spec.descriptor, `API ${spec.name} descriptor`);
  const signatureFile = insideProject(ctx.agent, spec.signature, `API ${spec.name} signature`);
  if (!existsSync(descriptorFile)) {
    return {
      kind: 'api',
      name: spec.name,
      status: 'blocked',
      reason: 'ERROR',
      message: `API ${spec.name} descriptor must exist at ${spec.descriptor} (not found)`,
    };
  }
  if (!existsSync(signatureFile)) {
    return {
      kind: 'api',
      name: spec.name,
      status: 'blocked',
      reason: 'UNSIGNED',
      message: `API ${spec.name} must have a signed descriptor bundle at ${spec.signature} (none found)`,
    };
  }
  ctx.files.add(descriptorFile);
  ctx.files.add(signatureFile);
  let bundle: unknown;
  try {
    bundle = JSON.parse(readBounded(signatureFile, MAX_BUNDLE_BYTES, `API ${spec.name} signature`).toString('utf8'));
  } catch (error) {
    if (error instanceof AgentfenceError) throw error;
    return {
      kind: 'api',
      name: spec.name,
      status: 'blocked',
      reason: 'MALFORMED_BUNDLE',
      message: `API ${spec.name} signature ${spec.signature} must be JSON: ${(error as Error).message}`,
    };
  }
  const authorities = selectAuthorities(
    ctx.agent.trustPolicy.policy.apis.authorities,
    spec.signedBy,
    ctx.agent.trustPolicy,
    ctx.roots,
    'apis',
  );
  const verified = verifyApiDescriptor(
    {
      descriptorBytes: readBounded(descriptorFile, MAX_DESCRIPTOR_BYTES, `API ${spec.name} descriptor`),
      bundle,
      where: `API ${spec.name} descriptor ${spec.descriptor}`,
    },
    authorities,
    { name: spec.name, dataClassifications: spec.dataClassifications },
    ctx.options.now ? { now: ctx.options.now } : {},
  );
  return {
    kind: 'api',
    name: spec.name,
    status: 'verified',
    message: `descriptor signed by ${verified.bundle.authority}; hosts ${verified.hosts.join(', ')}; allows ${verified.descriptor.dataClassifications.join(', ')}; expires ${verified.descriptor.expires}`,
    signer: { ...verified.bundle.signer, authority: verified.bundle.authority },
    digests: { sha256: verified.sha256 },
    tlogIndexes: verified.bundle.tlogIndexes,
    timestamps: verified.bundle.timestamps,
    ...(verified.bundle.trustRoot !== undefined ? { trustRoot: verified.bundle.trustRoot } : {}),
    details: {
      provider: verified.descriptor.provider,
      baseUrl: verified.descriptor.baseUrl,
      hosts: verified.hosts,
      dataClassifications: verified.descriptor.dataClassifications,
      auth: verified.descriptor.auth.type,
      expires: verified.descriptor.expires,
      descriptor: spec.descriptor,
    },
  };
}

async function guard(kind: ArtifactKind, name: string, work: () => Promise<ArtifactResult> | ArtifactResult): Promise<ArtifactResult> {
  try {
    return await work();
  } catch (error) {
    // Fail closed: whatever went wrong, the artifact is not verified.
    return blockedResult(kind, name, error);
  }
}

/** Messages name files relative to the project root: readable, and the same on every clone. */
function relativeTo(projectRoot: string, result: ArtifactResult): ArtifactResult {
  const prefix = `${path.resolve(projectRoot)}${path.sep}`;
  const strip = (text: string): string => text.split(prefix).join('');
  return { ...result, message: strip(result.message), ...(result.expected === undefined ? {} : { expected: strip(result.expected) }) };
}

/** In warn mode a failure is reported but does not block. */
function applyMode(result: ArtifactResult, mode: 'enforce' | 'warn'): ArtifactResult {
  return mode === 'warn' && result.status === 'blocked' ? { ...result, status: 'warned' } : result;
}

/**
 * Verifies every model, plugin and API of a loaded agent. Never throws for an artifact: each error
 * becomes that artifact's block (or warning) with its reason. "Nothing to verify" is not a pass of
 * anything: the report simply has no results, and the CLI says so.
 */
export async function verifyAgent(agent: LoadedAgent, options: VerifyAgentOptions = {}): Promise<VerificationReport> {
  const ctx: Context = {
    agent,
    roots: trustRootsOf(agent.trustPolicy),
    options,
    files: new Set([agent.manifest.file, agent.trustPolicy.file, ...trustPolicyFiles(agent)]),
  };
  const manifest = agent.manifest.manifest;
  const results: ArtifactResult[] = [];
  const notes: string[] = [];
  // A high-risk agent is always enforced: warn mode would let it deploy with unverified artifacts.
  const mode = manifest.riskTier === 'high' ? 'enforce' : agent.trustPolicy.policy.mode;
  if (mode !== agent.trustPolicy.policy.mode)
    notes.push(`trust policy mode warn does not apply to high-risk agent ${manifest.name}: enforced`);
  const { modelBlockedResult } = await import('./model/index.js');
  for (const model of manifest.models) {
    try {
      const result = await verifyModelSpec(ctx, model);
      results.push(
        result.status !== 'blocked' || result.expected !== undefined
          ? result
          : { ...result, expected: expectedSigners(ctx, 'model', model.signedBy) },
      );
    } catch (error) {
      // Fail closed, keeping the model core's evidence (extra, missing, changed files).
      results.push({
        ...modelBlockedResult(model.name, error),
        ...(model.version !== undefined ? { version: model.version } : {}),
        expected: model.hosted !== undefined ? 'a models.hosted entry' : expectedSigners(ctx, 'model', model.signedBy),
      });
    }
  }
  for (const plugin of manifest.plugins) {
    const name = 'lockfile' in plugin ? plugin.lockfile : plugin.name;
    try {
      results.push(...(await verifyPluginSpec(ctx, plugin, notes)));
    } catch (error) {
      results.push(blockedResult('plugin', name, error));
    }
  }
  for (const api of manifest.apis) {
    const result = await guard('api', api.name, () => verifyApiSpec(ctx, api));
    results.push(result.status === 'verified' ? result : { ...result, expected: expectedSigners(ctx, 'api', api.signedBy) });
  }
  if (manifest.runtimeImage !== undefined) {
    const { verifyRuntimeImage } = await import('./image/agent.js');
    const image = manifest.runtimeImage;
    const result = await guard('image', present(image.ref.split('@')[0], 'the image name'), () =>
      verifyRuntimeImage(agent, ctx.roots, image, ctx.options.now),
    );
    results.push(result.status === 'verified' ? result : { ...result, expected: expectedSigners(ctx, 'image', image.signedBy) });
  }
  const final = results.map((result) => relativeTo(agent.location.projectRoot, applyMode(result, mode)));
  const verifiedHosts = [
    ...new Set(
      final.filter((r) => r.kind === 'api' && r.status === 'verified').flatMap((r) => (r.details?.['hosts'] as string[] | undefined) ?? []),
    ),
  ].sort();
  const count = (status: ArtifactResult['status']) => final.filter((r) => r.status === status).length;
  return {
    schemaVersion: VERIFICATION_SCHEMA_VERSION,
    agent: manifest.name,
    mode,
    manifestDigest: fileDigest(agent.manifest.file),
    trustPolicyDigest: fileDigest(agent.trustPolicy.file),
    files: digestsOf(ctx.files, agent.location.projectRoot),
    results: final,
    verifiedHosts,
    summary: { verified: count('verified'), allowListed: count('allow-listed'), blocked: count('blocked'), warned: count('warned') },
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Key, certificate and trusted-root files the trust policy names: changing one changes what verifies. */
function trustPolicyFiles(agent: LoadedAgent): string[] {
  const { policy, baseDir } = agent.trustPolicy;
  const sections = [policy.models, policy.plugins, policy.apis, ...(policy.images === undefined ? [] : [policy.images])];
  const named = sections.flatMap((section) =>
    section.authorities.flatMap((authority) =>
      'key' in authority ? [authority.key.publicKey] : 'certificate' in authority ? [...authority.certificate.chain] : [],
    ),
  );
  const roots = policy.trustedRoots.flatMap((root) => (typeof root.source === 'object' ? [root.source.path] : []));
  return [...named, ...roots].map((file) => path.resolve(baseDir, file));
}

/** Project-relative digests of the files that exist inside the project, sorted by path. */
function digestsOf(files: ReadonlySet<string>, projectRoot: string): VerifiedFile[] {
  const out = new Map<string, string>();
  for (const file of files) {
    const rel = path.relative(projectRoot, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || !existsSync(file) || !statSync(file).isFile()) continue;
    out.set(rel.split(path.sep).join('/'), fileDigest(file));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, digest]) => ({ path: file, digest }));
}
