/**
 * Serializing a model into its manifest, as `model_signing` does: walk the model, hash every file
 * (`files`) or every shard (`shards`), name the resources relative to the root, sort them, and
 * digest the digests.
 */
import { getHashes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../errors.js';
import { present } from '../../invariant.js';
import { hashTasks, type HashTask } from './hash.js';
import { DEFAULT_SHARD_SIZE, NODE_DIGEST, resourceAlgorithm, rootDigestOf, shardName, shardRanges, sortResources } from './resources.js';
import { GIT_PATHS, normalizeIgnorePaths, walkModel } from './paths.js';
import type { HashedModel, HashModelOptions, ModelHashType, ModelResource, ModelSerialization } from './types.js';

/**
 * Checks that this Node.js build can compute `hashType` (BLAKE2b depends on the OpenSSL build).
 * @throws InputError HASH_UNSUPPORTED
 */
export function assertHashSupported(hashType: string): asserts hashType is ModelHashType {
  if (hashType !== 'sha256' && hashType !== 'blake2b') {
    throw new InputError(
      'HASH_UNSUPPORTED',
      `hash type must be sha256 or blake2b (got ${JSON.stringify(hashType)}; blake3 is not available in Node.js crypto)`,
    );
  }
  if (!getHashes().includes(NODE_DIGEST[hashType])) {
    throw new InputError('HASH_UNSUPPORTED', `this Node.js build has no ${NODE_DIGEST[hashType]} digest (crypto.getHashes()); use sha256`);
  }
}

/** The shard size, checked: a positive safe integer. @throws InputError SHARD_SIZE_INVALID */
function checkShardSize(size: number): number {
  if (!Number.isSafeInteger(size) || size <= 0)
    throw new InputError('SHARD_SIZE_INVALID', `shard size must be a positive integer number of bytes (got ${size})`);
  return size;
}

/** The model name recorded as the statement subject: the last component of the resolved path. */
export function modelNameOf(modelPath: string): string {
  return path.basename(path.resolve(modelPath));
}

/**
 * Hashes a model (a directory or a single file) into its manifest and root digest.
 * @throws VerificationError SYMLINK_REFUSED | PATH_REFUSED | TAMPERED;
 *   InputError MODEL_NOT_FOUND | MODEL_UNREADABLE | MODEL_EMPTY | HASH_UNSUPPORTED | SHARD_SIZE_INVALID | IGNORE_PATH_INVALID
 */
export async function hashModel(modelPath: string, options: HashModelOptions = {}): Promise<HashedModel> {
  const started = performance.now();
  const method = options.method ?? 'files';
  const hashType = options.hashType ?? 'sha256';
  assertHashSupported(hashType);
  const shardSize = method === 'shards' ? checkShardSize(options.shardSize ?? DEFAULT_SHARD_SIZE) : undefined;
  const allowSymlinks = options.allowSymlinks ?? false;
  const ignored = normalizeIgnorePaths([...(options.ignorePaths ?? []), ...(options.ignoreGitPaths === false ? [] : GIT_PATHS)], false);

  const tree = walkModel(modelPath, { allowSymlinks, ignorePaths: ignored });
  // "Nothing was hashed" must never turn into a signature or a pass (an undecodable name is not nothing: the verifier reports it).
  if (tree.files.length === 0 && tree.undecodable.length === 0)
    throw new InputError('MODEL_EMPTY', `model ${tree.root} has no files to hash (after ignore paths)`);

  const names: string[] = [];
  const tasks: HashTask[] = [];
  for (const file of tree.files) {
    if (shardSize === undefined) {
      names.push(file.name);
      tasks.push({ path: file.path, start: 0, size: file.size });
      continue;
    }
    // A ':' in a sharded name could not be parsed back as `path:start:end` by any verifier.
    if (file.name.includes(':'))
      throw new InputError(
        'SHARD_NAME_INVALID',
        `${file.name} contains ':' and cannot be named in a shard serialization; use --method files`,
      );
    for (const [start, end] of shardRanges(file.size, shardSize)) {
      names.push(shardName(file.name, start, end));
      tasks.push({ path: file.path, start, end, size: end - start });
    }
  }

  const bytesTotal = tasks.reduce((sum, task) => sum + task.size, 0);
  let bytesDone = 0;
  const onProgress = options.onProgress;
  const { digests, workers } = await hashTasks(tasks, {
    algorithm: NODE_DIGEST[hashType],
    noFollow: !allowSymlinks,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(onProgress === undefined
      ? {}
      : {
          onBytes: (bytes: number) => {
            bytesDone += bytes;
            onProgress({ bytesDone, bytesTotal });
          },
        }),
  });

  const serialization: ModelSerialization = {
    method,
    hashType,
    ...(shardSize === undefined ? {} : { shardSize }),
    allowSymlinks,
    ignorePaths: [...ignored].sort(),
  };
  const algorithm = resourceAlgorithm(serialization);
  const resources: ModelResource[] = sortResources(
    names.map((name, i) => ({ name, algorithm, digest: present(digests[i], `the digest of ${name}`) })),
    method === 'shards',
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    path: tree.root,
    manifest: { modelName: path.basename(tree.root), serialization, resources },
    rootDigest: rootDigestOf(resources),
    undecodable: tree.undecodable,
    ignoredHits: tree.ignoredHits,
    stats: { files: tree.files.length, resources: resources.length, bytes: bytesTotal, seconds, workers },
  };
}
