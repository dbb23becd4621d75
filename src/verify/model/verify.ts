/**
 * Verifying a signed model: the Sigstore bundle first (signer per policy), then the statement
 * (predicate, names, root digest), then a full re-hash of the model that must match the signed
 * manifest exactly: every signed file present with the same digest, and no unsigned file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, PolicyError, VerificationError } from '../../errors.js';
import { present } from '../../invariant.js';
import { describeDiff, diffResources, isExactMatch, type ManifestDiff } from './resources.js';
import { GIT_PATHS, isIgnored, normalizeIgnorePaths } from './paths.js';
import { hashModel } from './serialize.js';
import { verifyModelSignature } from './signature.js';
import { IN_TOTO_PAYLOAD_TYPE, parseModelStatement } from './statement.js';
import type { IgnoredPath, ModelVerification, SignedModelManifest, VerifyModelOptions } from './types.js';

/** A model signature larger than this is refused before parsing (a real one is kilobytes to a few MB). */
const MAX_SIGNATURE_BYTES = 64 * 1024 * 1024;

/** The model does not match its signature; `diff` lists every extra, missing and changed resource. */
export class ModelMismatchError extends VerificationError {
  readonly diff: ManifestDiff;
  /** The ignore entries that were applied (so a reviewer sees what was not compared). */
  readonly ignoredPaths: readonly IgnoredPath[];

  constructor(model: string, diff: ManifestDiff, ignoredPaths: readonly IgnoredPath[] = []) {
    const hint = diff.missing.includes('.') ? ' (the signature covers a single file: pass that file as the model, not its folder)' : '';
    super('TAMPERED', `model ${model} does not match its signature: ${describeDiff(diff)}${hint}`);
    this.diff = diff;
    this.ignoredPaths = ignoredPaths;
  }
}

/**
 * Reads and parses a bundle file.
 * @throws VerificationError UNSIGNED (no file) | MALFORMED_BUNDLE
 */
export function readSignature(signaturePath: string): unknown {
  let size: number;
  try {
    size = statSync(signaturePath).size;
  } catch (error) {
    throw new VerificationError('UNSIGNED', `no model signature at ${signaturePath}; sign the model with \`agentfence sign model\``, {
      cause: error,
    });
  }
  if (size > MAX_SIGNATURE_BYTES)
    throw new VerificationError('MALFORMED_BUNDLE', `model signature ${signaturePath} is ${size} bytes (limit ${MAX_SIGNATURE_BYTES})`);
  try {
    return JSON.parse(readFileSync(signaturePath, 'utf8')) as unknown;
  } catch (error) {
    throw new VerificationError('MALFORMED_BUNDLE', `model signature ${signaturePath} is not a JSON Sigstore bundle`, { cause: error });
  }
}

/** The path of `inner` relative to `root` when it lies inside it, else undefined. */
function insideRoot(root: string, inner: string): string | undefined {
  const rel = path.relative(root, inner);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Default git ignores apply only where the signer did not sign anything (they may have signed .gitattributes). */
function gitIgnores(expected: SignedModelManifest): string[] {
  const names = expected.resources.map((r) =>
    expected.serialization.method === 'shards' ? present(r.name.split(':')[0], 'a shard file name') : r.name,
  );
  return GIT_PATHS.filter((git) => !names.some((name) => isIgnored(name, [git])));
}

/** The file name signers write their signature to; see {@link ignorePlan}. */
const SIGNATURE_FILE_NAME = 'model.sig';

/** Every ignore entry applied to a model, and why. */
function ignorePlan(expected: SignedModelManifest, callerIgnores: readonly string[], signatureInside: string | undefined): IgnoredPath[] {
  const plan = new Map<string, IgnoredPath['source']>();
  // model_signing records where it wrote the signature among the ignore paths. With the signature
  // now elsewhere, a `model.sig` there is content like any other file, never silently skipped.
  for (const entry of normalizeIgnorePaths(expected.serialization.ignorePaths, false)) {
    if (path.posix.basename(entry) === SIGNATURE_FILE_NAME && entry !== signatureInside) continue;
    plan.set(entry, 'signature');
  }
  for (const entry of callerIgnores) if (!plan.has(entry)) plan.set(entry, 'caller');
  for (const entry of gitIgnores(expected)) if (!plan.has(entry)) plan.set(entry, 'git');
  if (signatureInside !== undefined) plan.set(signatureInside, 'signature-file');
  return [...plan].map(([entry, source]) => ({ path: entry, source, present: false }));
}

/**
 * Verifies a model against its OpenSSF model-signing bundle and the signer policy.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   CERTIFICATE_INVALID | TLOG_INVALID | NO_TRANSPARENCY_PROOF | EXPIRED | DIGEST_MISMATCH |
 *   TAMPERED ({@link ModelMismatchError}) | SYMLINK_REFUSED | PATH_REFUSED;
 *   PolicyError POLICY_DENIED (ignore paths the signature does not record);
 *   InputError MODEL_NOT_FOUND | MODEL_UNREADABLE | MODEL_EMPTY | IGNORE_PATH_INVALID
 */
export async function verifyModel(options: VerifyModelOptions): Promise<ModelVerification> {
  const modelPath = path.resolve(options.path);
  const signaturePath = path.resolve(options.signaturePath);
  try {
    statSync(modelPath);
  } catch (error) {
    throw new InputError('MODEL_NOT_FOUND', `model path ${modelPath} does not exist`, { cause: error });
  }
  const callerIgnores = normalizeIgnorePaths(options.ignorePaths ?? [], true);

  const bundle = readSignature(signaturePath);
  const verified = verifyModelSignature(bundle, options.policy, {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.certificateTime === undefined ? {} : { certificateTime: options.certificateTime }),
  });
  // Model signatures are DSSE envelopes over an in-toto statement, nothing else.
  if (verified.dsse === undefined || verified.dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerificationError(
      'MALFORMED_BUNDLE',
      `model signature must be a DSSE envelope of type ${IN_TOTO_PAYLOAD_TYPE} (got ${verified.dsse?.payloadType ?? 'a message signature'})`,
    );
  }
  let statement: unknown = verified.statement;
  if (statement === undefined) {
    try {
      statement = JSON.parse(verified.dsse.payload.toString('utf8')) as unknown;
    } catch (error) {
      throw new VerificationError('MALFORMED_BUNDLE', 'model signature payload is not JSON', { cause: error });
    }
  }
  const expected = parseModelStatement(statement);

  // Paths left out beyond those the signer recorded hide content from the check: only by policy.
  const signed = normalizeIgnorePaths(expected.serialization.ignorePaths, false);
  const unsignedIgnores = callerIgnores.filter((entry) => !isIgnored(entry, signed));
  if (unsignedIgnores.length > 0 && options.allowUnsignedIgnorePaths !== true) {
    throw new PolicyError(
      'POLICY_DENIED',
      `model ${modelPath}: ignore paths ${unsignedIgnores.join(', ')} are not among those the signature records (${signed.join(', ') || 'none'}); the trust policy must allow this authority's models to ignore other paths (models.allowIgnorePaths), or re-sign the model with them`,
    );
  }

  const plan = ignorePlan(expected, callerIgnores, insideRoot(modelPath, signaturePath));
  const actual = await hashModel(modelPath, {
    method: expected.serialization.method,
    hashType: expected.serialization.hashType,
    ...(expected.serialization.shardSize === undefined ? {} : { shardSize: expected.serialization.shardSize }),
    allowSymlinks: options.allowSymlinks ?? false,
    ignorePaths: plan.map((entry) => entry.path),
    ignoreGitPaths: false,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const hits = new Set(actual.ignoredHits);
  const ignoredPaths = plan.map((entry) => ({ ...entry, present: hits.has(entry.path) }));

  // Exact match: every signed resource present and unchanged, and nothing unsigned. A name that
  // is not UTF-8 is unsigned whatever it looks like.
  const diff = diffResources(expected.resources, actual.manifest.resources);
  const withUndecodable =
    actual.undecodable.length === 0
      ? diff
      : { ...diff, extra: [...diff.extra, ...actual.undecodable.map((name) => `${name} (name is not valid UTF-8)`)] };
  if (!isExactMatch(withUndecodable)) throw new ModelMismatchError(modelPath, withUndecodable, ignoredPaths);

  return {
    name: expected.modelName,
    path: modelPath,
    rootDigest: expected.rootDigest,
    predicateType: expected.predicateType,
    serialization: expected.serialization,
    resources: expected.resources,
    ignoredPaths,
    signer: verified.signer,
    timestamps: verified.timestamps,
    tlogIndexes: verified.tlogIndexes,
    ...(verified.trustRoot === undefined ? {} : { trustRoot: verified.trustRoot }),
    stats: actual.stats,
  };
}
