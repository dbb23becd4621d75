/**
 * Gathers an SBOM's inputs from the stack folder: the manifest's bytes (for its digest), each
 * model's signature statement (root digest and per-file digests, read but not verified here),
 * API descriptors and their bundles, plugin lockfiles and vendored attestations. Unreadable
 * artifacts are recorded as such (the verifier's verdict says why they block), never guessed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { InputError } from '../errors.js';
import type { AgentManifest, ApiSpec, ModelSpec, RuntimeImageSpec } from '../manifest/types.js';
import { parseImageReference } from '../verify/image/reference.js';
import type { ApiDescriptor, VerificationReport } from '../verify/types.js';
import { parseNpmLockfile } from '../verify/npm/lockfile.js';
import { defaultSignaturePath } from '../verify/model/paths.js';
import { parseModelStatement } from '../verify/model/statement.js';
import { lockfilePlugins } from './lockfile.js';
import { packageInfoFromTarball } from './package-info.js';
import type { ModelSignatureInfo, PackageInfo, SbomApi, SbomImage, SbomInput, SbomModel, SbomPlugin, VerificationSource } from './types.js';
import { isRecord } from '../json.js';

/** Largest side file (signature bundle, descriptor, lockfile, attestation) read for an SBOM. */
const MAX_SIDE_FILE = 64 * 1024 * 1024;

export interface GatherOptions {
  readonly agentName: string;
  readonly manifest: AgentManifest;
  readonly manifestFile: string;
  readonly stackDir: string;
  readonly projectRoot: string;
  readonly verification?: VerificationReport;
  readonly verificationSource: VerificationSource;
  readonly tool: { readonly name: string; readonly version: string };
  readonly libraryVersion: string;
  readonly timestamp?: string;
  /** VCS base URL project paths resolve against (see {@link SbomInput.repositoryUrl}). */
  readonly repositoryUrl?: string;
  /** Package metadata fetched from the registry (`--online`), by `name@version`; wins over a tarball. */
  readonly packageInfo?: ReadonlyMap<string, PackageInfo>;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Project-relative posix path. */
function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Resolves a manifest-relative path inside the stack folder, or undefined when it escapes. */
function inside(stackDir: string, relPath: string): string | undefined {
  const resolved = path.resolve(stackDir, relPath);
  const base = path.resolve(stackDir);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) return undefined;
  if (existsSync(resolved)) {
    // a symlink may not lead out of the stack folder either
    const real = realpathSync(resolved);
    const realBase = realpathSync(base);
    if (real !== realBase && !real.startsWith(realBase + path.sep)) return undefined;
  }
  return resolved;
}

function readSide(file: string): Buffer | undefined {
  if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size > MAX_SIDE_FILE) return undefined;
  return readFileSync(file);
}


/**
 * Reads the statement of an OpenSSF model-signing bundle (read, not verified: the verifier's verdict
 * says whether it holds) through the model core's one statement parser.
 * @throws VerificationError MALFORMED_BUNDLE | DIGEST_MISMATCH | PATH_REFUSED from the parser; Error on a bundle without a DSSE envelope.
 */
export function readModelStatement(bytes: Uint8Array): Omit<ModelSignatureInfo, 'path' | 'sha256'> {
  const bundle = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  const envelope = isRecord(bundle) ? bundle['dsseEnvelope'] : undefined;
  if (!isRecord(envelope) || typeof envelope['payload'] !== 'string') throw new Error('the bundle has no DSSE envelope');
  const signed = parseModelStatement(JSON.parse(Buffer.from(envelope['payload'], 'base64').toString('utf8')) as unknown);
  const files = signed.resources
    .filter((resource) => resource.algorithm === 'sha256')
    .map((resource) => ({ name: resource.name, sha256: resource.digest }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, rootDigest: signed.rootDigest, predicateType: signed.predicateType };
}

function gatherModel(options: GatherOptions, spec: ModelSpec): SbomModel {
  if (spec.hosted !== undefined || spec.path === undefined) return { spec };
  const modelFile = inside(options.stackDir, spec.path);
  const location = modelFile === undefined ? {} : { location: rel(options.projectRoot, modelFile) };
  if (modelFile === undefined) return { spec, signatureProblem: `model path ${JSON.stringify(spec.path)} leaves the stack folder` };
  // The signature is where sign and verify put it: the one default, or the manifest's own path.
  const file = spec.signature === undefined ? defaultSignaturePath(modelFile) : inside(options.stackDir, spec.signature);
  if (file === undefined) return { spec, ...location, signatureProblem: `signature path ${JSON.stringify(spec.signature)} leaves the stack folder` };
  const bytes = readSide(file);
  if (bytes === undefined) return { spec, ...location, signatureProblem: `no signature at ${rel(options.projectRoot, file)}` };
  try {
    const statement = readModelStatement(bytes);
    // a single-file model lists its one resource as "."; name it after the file
    const single = path.posix.basename(spec.path);
    const files = statement.files.map((f) => (f.name === '.' ? { ...f, name: single } : f));
    return { spec, ...location, signature: { path: rel(options.projectRoot, file), sha256: sha256(bytes), ...statement, files } };
  } catch (error) {
    return { spec, ...location, signatureProblem: `unreadable signature ${rel(options.projectRoot, file)}: ${(error as Error).message}` };
  }
}

/** Accepts a descriptor only in the documented shape; anything else is left to the verifier to block. */
function toDescriptor(value: unknown): ApiDescriptor | undefined {
  if (!isRecord(value)) return undefined;
  const strings = ['name', 'provider', 'baseUrl', 'owner', 'expires'].every((key) => typeof value[key] === 'string');
  const hosts = Array.isArray(value['hosts']) && (value['hosts'] as unknown[]).every((h) => typeof h === 'string');
  const classes = Array.isArray(value['dataClassifications']) && (value['dataClassifications'] as unknown[]).every((c) => typeof c === 'string');
  const auth = isRecord(value['auth']) && typeof value['auth']['type'] === 'string';
  const openapi = isRecord(value['openapi']) && typeof value['openapi']['digest'] === 'string';
  return strings && hosts && classes && auth && openapi ? (value as unknown as ApiDescriptor) : undefined;
}

function gatherApi(options: GatherOptions, spec: ApiSpec): SbomApi {
  const descriptorFile = inside(options.stackDir, spec.descriptor);
  const signatureFile = inside(options.stackDir, spec.signature);
  const descriptorBytes = descriptorFile === undefined ? undefined : readSide(descriptorFile);
  const signatureBytes = signatureFile === undefined ? undefined : readSide(signatureFile);
  let descriptor: ApiDescriptor | undefined;
  try {
    descriptor = descriptorBytes === undefined ? undefined : toDescriptor(JSON.parse(descriptorBytes.toString('utf8')));
  } catch {
    descriptor = undefined;
  }
  return {
    spec,
    descriptorPath: rel(options.projectRoot, descriptorFile ?? path.resolve(options.stackDir, path.basename(spec.descriptor))),
    signaturePath: rel(options.projectRoot, signatureFile ?? path.resolve(options.stackDir, path.basename(spec.signature))),
    ...(descriptor === undefined ? {} : { descriptor }),
    ...(descriptorBytes === undefined ? {} : { descriptorSha256: sha256(descriptorBytes) }),
    ...(signatureBytes === undefined ? {} : { signatureSha256: sha256(signatureBytes) }),
  };
}

/** The runtime image of the manifest: its digest-pinned reference and the provenance bundle beside it (read, not verified). */
function gatherImage(options: GatherOptions, spec: RuntimeImageSpec): SbomImage {
  const image = { spec, ...parseImageReference(spec.ref) };
  if (spec.attestation === undefined) return { ...image, attestationProblem: 'runtimeImage.attestation is not set' };
  const file = inside(options.stackDir, spec.attestation);
  if (file === undefined) return { ...image, attestationProblem: `attestation path ${JSON.stringify(spec.attestation)} leaves the stack folder` };
  const bytes = readSide(file);
  if (bytes === undefined) return { ...image, attestationProblem: `no attestation at ${rel(options.projectRoot, file)}` };
  return { ...image, attestation: { path: rel(options.projectRoot, file), sha256: sha256(bytes) } };
}

interface Vendored {
  readonly version: string;
  readonly integrity?: string;
  readonly path: string;
  readonly sha256: string;
}

/** Vendored attestation files (`attestations/*.json` with `{name, version, integrity}`) for one package. */
function vendoredFor(options: GatherOptions, name: string): Vendored[] {
  const dir = inside(options.stackDir, options.manifest.attestations ?? 'attestations');
  if (dir === undefined || !existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const found: Vendored[] = [];
  // `<name>@<version>.json`, scoped packages under their scope folder (`@acme/ledger-mcp@2.1.3.json`)
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.json')).sort();
  for (const entry of entries) {
    const file = path.join(dir, entry);
    const bytes = readSide(file);
    if (bytes === undefined) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(bytes.toString('utf8'));
    } catch {
      continue;
    }
    if (!isRecord(doc) || doc['name'] !== name || typeof doc['version'] !== 'string' || semver.valid(doc['version']) === null) continue;
    found.push({
      version: doc['version'],
      ...(typeof doc['integrity'] === 'string' ? { integrity: doc['integrity'] } : {}),
      path: rel(options.projectRoot, file),
      sha256: sha256(bytes),
    });
  }
  return found;
}

function hexToSri(digest: string | undefined): string | undefined {
  const hex = digest === undefined ? undefined : /^(?:sha512:)?([0-9a-f]{128})$/.exec(digest)?.[1];
  return hex === undefined ? undefined : `sha512-${Buffer.from(hex, 'hex').toString('base64')}`;
}

/**
 * Licence and supplier of one package version: the registry's document when fetched (`--online`),
 * else the package.json inside the vendored tarball `<attestations>/<name>@<version>.tgz`, used only
 * when its sha512 is the integrity the registry signed.
 */
function packageMetadata(options: GatherOptions, name: string, version: string, integrity: string | undefined): Pick<SbomPlugin, 'package' | 'packageProblem'> {
  const fetched = options.packageInfo?.get(`${name}@${version}`);
  if (fetched !== undefined) return { package: fetched };
  const dir = inside(options.stackDir, options.manifest.attestations ?? 'attestations');
  if (dir === undefined || !/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return {};
  const file = path.join(dir, ...name.split('/').slice(0, -1), `${name.slice(name.lastIndexOf('/') + 1)}@${version}.tgz`);
  const bytes = inside(options.stackDir, path.relative(options.stackDir, file)) === undefined ? undefined : readSide(file);
  if (bytes === undefined) return {};
  const read = packageInfoFromTarball(bytes, { name, version, ...(integrity === undefined ? {} : { integrity }) }, rel(options.projectRoot, file));
  return read.info === undefined ? { packageProblem: read.problem } : { package: read.info };
}

function gatherPlugins(options: GatherOptions): SbomPlugin[] {
  const plugins: SbomPlugin[] = [];
  for (const spec of options.manifest.plugins) {
    if ('lockfile' in spec) {
      const file = inside(options.stackDir, spec.lockfile);
      const bytes = file === undefined ? undefined : readSide(file);
      if (file === undefined || bytes === undefined) {
        throw new InputError('LOCKFILE_MISSING', `plugins lockfile ${JSON.stringify(spec.lockfile)} must exist inside the stack folder`);
      }
      const lockfile = rel(options.projectRoot, file);
      plugins.push(...lockfilePlugins(parseNpmLockfile(bytes.toString('utf8'), lockfile)).map((p) => ({ ...p, lockfile })));
      continue;
    }
    const results = (options.verification?.results ?? []).filter((r) => r.kind === 'plugin' && r.name === spec.name);
    const vendored = vendoredFor(options, spec.name).filter((v) => semver.satisfies(v.version, spec.version));
    // the verifier's version wins; else the highest vendored version inside the range
    const version =
      results.find((r) => r.version !== undefined)?.version ?? semver.rsort(vendored.map((v) => v.version))[0];
    const attestation = vendored.find((v) => v.version === version);
    const verified = results.find((r) => r.version === version);
    const integrity =
      spec.integrity ??
      (typeof verified?.details?.['integrity'] === 'string' ? (verified.details['integrity']) : undefined) ??
      hexToSri(verified?.digests?.['sha512']) ??
      attestation?.integrity;
    plugins.push({
      name: spec.name,
      range: spec.version,
      direct: true,
      ...(version === undefined ? {} : { version }),
      ...(integrity === undefined ? {} : { integrity }),
      ...(attestation === undefined ? {} : { attestation: { path: attestation.path, sha256: attestation.sha256 } }),
      ...(version === undefined ? {} : packageMetadata(options, spec.name, version, attestation?.integrity ?? integrity)),
    });
  }
  return plugins;
}

/**
 * Reads everything the SBOM of one agent needs from its stack folder.
 * @throws InputError LOCKFILE_MISSING / LOCKFILE_INVALID for a plugins lockfile that cannot be read.
 */
export function gatherSbomInput(options: GatherOptions): SbomInput {
  const manifestBytes = readFileSync(options.manifestFile);
  return {
    agentName: options.agentName,
    manifest: options.manifest,
    manifestSha256: sha256(manifestBytes),
    manifestPath: rel(options.projectRoot, options.manifestFile),
    models: [...options.manifest.models].sort((a, b) => a.name.localeCompare(b.name)).map((m) => gatherModel(options, m)),
    plugins: gatherPlugins(options),
    apis: [...options.manifest.apis].sort((a, b) => a.name.localeCompare(b.name)).map((a) => gatherApi(options, a)),
    images: options.manifest.runtimeImage === undefined ? [] : [gatherImage(options, options.manifest.runtimeImage)],
    ...(options.verification === undefined ? {} : { verification: relativizeVerification(options.verification, options.projectRoot) }),
    verificationSource: options.verificationSource,
    tool: options.tool,
    libraryVersion: options.libraryVersion,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.repositoryUrl === undefined ? {} : { repositoryUrl: options.repositoryUrl }),
  };
}

/** The verifier's messages with this machine's project root removed, so SBOMs match across clones. */
export function relativizeVerification(report: VerificationReport, projectRoot: string): VerificationReport {
  const prefix = `${path.resolve(projectRoot)}${path.sep}`;
  const strip = (text: string): string => text.split(prefix).join('');
  return {
    ...report,
    results: report.results.map((r) => ({
      ...r,
      message: strip(r.message),
      ...(r.expected === undefined ? {} : { expected: strip(r.expected) }),
    })),
  };
}
