/**
 * Verifying a signed model: the Sigstore bundle first (signer per policy), then the statement
 * (predicate, names, root digest), then a full re-hash of the model that must match the signed
 * manifest exactly: every signed file present with the same digest, and no unsigned file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, VerificationError } from '../../errors.js';
import { verifyBundle } from '../sigstore/index.js';
import { describeDiff, diffResources, isExactMatch, type ManifestDiff } from './resources.js';
import { GIT_PATHS, isIgnored, normalizeIgnorePaths } from './paths.js';
import { hashModel } from './serialize.js';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from './statement.js';
import type { ModelVerification, SignedModelManifest, VerifyModelOptions } from './types.js';

/** A model signature larger than this is refused before parsing (a real one is kilobytes to a few MB). */
const MAX_SIGNATURE_BYTES = 64 * 1024 * 1024;

/** The model does not match its signature; `diff` lists every extra, missing and changed resource. */
export class ModelMismatchError extends VerificationError {
  readonly diff: ManifestDiff;

  constructor(model: string, diff: ManifestDiff) {
    const hint = diff.missing.includes('.') ? ' (the signature covers a single file: pass that file as the model, not its folder)' : '';
    super('TAMPERED', `model ${model} does not match its signature: ${describeDiff(diff)}${hint}`);
    this.diff = diff;
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
    throw new VerificationError('UNSIGNED', `no model signature at ${signaturePath}; sign the model with \`agentfence sign model\``, { cause: error });
  }
  if (size > MAX_SIGNATURE_BYTES) throw new VerificationError('MALFORMED_BUNDLE', `model signature ${signaturePath} is ${size} bytes (limit ${MAX_SIGNATURE_BYTES})`);
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
  const names = expected.resources.map((r) => (expected.serialization.method === 'shards' ? r.name.split(':')[0]! : r.name));
  return GIT_PATHS.filter((git) => !names.some((name) => isIgnored(name, [git])));
}

/**
 * Verifies a model against its OpenSSF model-signing bundle and the signer policy.
 * @throws VerificationError UNSIGNED | MALFORMED_BUNDLE | UNTRUSTED_SIGNER | SIGNATURE_INVALID |
 *   CERTIFICATE_INVALID | TLOG_INVALID | NO_TRANSPARENCY_PROOF | EXPIRED | DIGEST_MISMATCH |
 *   TAMPERED ({@link ModelMismatchError}) | SYMLINK_REFUSED | PATH_REFUSED;
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
  const verified = verifyBundle(bundle, { kind: 'none' }, options.policy, options.now === undefined ? {} : { now: options.now });
  // Model signatures are DSSE envelopes over an in-toto statement, nothing else.
  if (verified.dsse === undefined || verified.dsse.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerificationError('MALFORMED_BUNDLE', `model signature must be a DSSE envelope of type ${IN_TOTO_PAYLOAD_TYPE} (got ${verified.dsse?.payloadType ?? 'a message signature'})`);
  }
  let statement: unknown = verified.statement;
  if (statement === undefined) {
    try {
      statement = JSON.parse(verified.dsse.payload.toString('utf8')) as unknown;
    } catch (error) {
      throw new VerificationError('MALFORMED_BUNDLE', 'model signature payload is not JSON', { cause: error });
    }
  }
  const expected = parseStatement(statement);

  const signatureInside = insideRoot(modelPath, signaturePath);
  const ignorePaths = [
    ...normalizeIgnorePaths(expected.serialization.ignorePaths, false),
    ...callerIgnores,
    ...gitIgnores(expected),
    ...(signatureInside === undefined ? [] : [signatureInside]),
  ];
  const actual = await hashModel(modelPath, {
    method: expected.serialization.method,
    hashType: expected.serialization.hashType,
    ...(expected.serialization.shardSize === undefined ? {} : { shardSize: expected.serialization.shardSize }),
    allowSymlinks: options.allowSymlinks ?? false,
    ignorePaths,
    ignoreGitPaths: false,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });

  // Exact match: every signed resource present and unchanged, and nothing unsigned.
  const diff = diffResources(expected.resources, actual.manifest.resources);
  if (!isExactMatch(diff)) throw new ModelMismatchError(modelPath, diff);

  return {
    name: expected.modelName,
    path: modelPath,
    rootDigest: expected.rootDigest,
    predicateType: expected.predicateType,
    serialization: expected.serialization,
    resources: expected.resources,
    signer: verified.signer,
    timestamps: verified.timestamps,
    tlogIndexes: verified.tlogIndexes,
    ...(verified.trustRoot === undefined ? {} : { trustRoot: verified.trustRoot }),
    stats: actual.stats,
  };
}
