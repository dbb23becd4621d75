/**
 * Signing a model: hash it, build the v1.0 statement exactly as `model_signing` does, sign it as a
 * DSSE envelope in a v0.3 Sigstore bundle, and write `model.sig` (which then ignores itself).
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { signDsse } from '../sigstore/index.js';
import { defaultSignaturePath, normalizeIgnorePaths } from './paths.js';
import { hashModel } from './serialize.js';
import { buildStatement, IN_TOTO_PAYLOAD_TYPE } from './statement.js';
import type { SignedModel, SignModelOptions } from './types.js';

/**
 * The key hint `model_signing` writes and checks: sha256 hex of the public key's SPKI PEM.
 * @throws InputError KEY_INVALID
 */
export function modelKeyHint(keyPem: string): string {
  let spki: string;
  try {
    const key = keyPem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(keyPem)) : createPublicKey(keyPem);
    spki = key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (error) {
    throw new InputError('KEY_INVALID', 'the signing key is not a PEM EC key', { cause: error });
  }
  return createHash('sha256').update(spki).digest('hex');
}

/**
 * Signs a model and writes its `model.sig`.
 * @throws InputError MODEL_NOT_FOUND | MODEL_UNREADABLE | MODEL_EMPTY | KEY_INVALID | IGNORE_PATH_INVALID |
 *   HASH_UNSUPPORTED | SHARD_SIZE_INVALID | PATH_REFUSED; VerificationError SYMLINK_REFUSED; the Sigstore core's signing errors
 */
export async function signModel(options: SignModelOptions): Promise<SignedModel> {
  const root = path.resolve(options.path);
  const signaturePath = path.resolve(options.outputPath ?? defaultSignaturePath(root));
  const rel = path.relative(root, signaturePath);
  const signatureInside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
  const ignorePaths = [...normalizeIgnorePaths(options.ignorePaths ?? [], true), ...(signatureInside === undefined ? [] : [signatureInside])];

  const hashed = await hashModel(root, {
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.hashType === undefined ? {} : { hashType: options.hashType }),
    ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    ...(options.allowSymlinks === undefined ? {} : { allowSymlinks: options.allowSymlinks }),
    ...(options.ignoreGitPaths === undefined ? {} : { ignoreGitPaths: options.ignoreGitPaths }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ignorePaths,
  });
  const { statement, rootDigest } = buildStatement(hashed.manifest);
  const signer =
    options.signer.kind === 'key' ? { ...options.signer, keyHint: options.signer.keyHint ?? modelKeyHint(options.signer.privateKeyPem) } : options.signer;
  const bundle = await signDsse(Buffer.from(JSON.stringify(statement), 'utf8'), IN_TOTO_PAYLOAD_TYPE, signer);

  // Written beside its final name and renamed, so a crash never leaves half a signature.
  const temporary = `${signaturePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(bundle)}\n`, { mode: 0o644 });
  renameSync(temporary, signaturePath);
  return { signaturePath, bundle, statement, manifest: hashed.manifest, rootDigest, stats: hashed.stats };
}
