import { mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { hashModel } from '../../../../src/verify/model/index.js';
import { tempDir } from './helpers.js';

/** The test models of the reference implementation (model-transparency tests/conftest.py), rebuilt here. */
const models: Record<string, (dir: string) => string> = {
  sample_model_folder: (dir) => {
    const model = path.join(dir, 'sample_model');
    for (let i = 0; i < 2; i++) {
      mkdirSync(path.join(model, `d${i}`), { recursive: true });
      for (let j = 0; j < 3; j++) writeFileSync(path.join(model, `d${i}`, `f${i}${j}`), `This is file f${i}${j} in d${i}.`);
    }
    for (let i = 0; i < 4; i++) writeFileSync(path.join(model, `f${i}`), `This is file f${i} in root.`);
    return model;
  },
  deep_model_folder: (dir) => {
    const deep = path.join(dir, 'deep_model', 'd0', 'd1', 'd2', 'd3', 'd4');
    mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(path.join(deep, `f${i}`), `This is file f${i}.`);
    return path.join(dir, 'deep_model');
  },
  sample_model_file: (dir) => {
    writeFileSync(path.join(dir, 'file_model'), 'This is a simple model');
    return path.join(dir, 'file_model');
  },
  empty_model_file: (dir) => {
    writeFileSync(path.join(dir, 'empty_file_model'), '');
    return path.join(dir, 'empty_file_model');
  },
  model_folder_with_empty_file: (dir) => {
    mkdirSync(path.join(dir, 'empty_file_inside_model'));
    writeFileSync(path.join(dir, 'empty_file_inside_model', 'empty_file'), '');
    return path.join(dir, 'empty_file_inside_model');
  },
};

/**
 * Root digests, resource counts and first names of the reference's golden statements
 * (model-transparency @ e343073, tests/_signing/testdata/signing/TestPayload/*).
 */
const goldens = [
  {
    model: 'sample_model_folder',
    method: 'files',
    shardSize: undefined,
    root: '143cc682e555951649f18e2761c3d526d2502996f5e32dc187ef7f8a614f8df7',
    count: 10,
    first: 'd0/f00',
  },
  {
    model: 'sample_model_folder',
    method: 'shards',
    shardSize: 1_000_000_000,
    root: '143cc682e555951649f18e2761c3d526d2502996f5e32dc187ef7f8a614f8df7',
    count: 10,
    first: 'd0/f00:0:23',
  },
  {
    model: 'sample_model_folder',
    method: 'shards',
    shardSize: 8,
    root: '2139af57fd2a4f324ac7cd0fc04898cce73d0871b363c8eb3fc07ab7da4c8445',
    count: 30,
    first: 'd0/f00:0:8',
  },
  {
    model: 'deep_model_folder',
    method: 'files',
    shardSize: undefined,
    root: '18b5a45fe7983f7194e8ffd96c80f5f0ec53191bf4a32b6aff293f043e816d7a',
    count: 4,
    first: 'd0/d1/d2/d3/d4/f0',
  },
  {
    model: 'deep_model_folder',
    method: 'shards',
    shardSize: 8,
    root: 'fe81b684c60474cea9b27ba1de9993e54bb19806664613758aa4d335ee398497',
    count: 8,
    first: 'd0/d1/d2/d3/d4/f0:0:8',
  },
  {
    model: 'sample_model_file',
    method: 'files',
    shardSize: undefined,
    root: '002d162f867c5eee944e5080d25829b6625be0e3f081f6fbafc7dd655ca2e178',
    count: 1,
    first: '.',
  },
  {
    model: 'sample_model_file',
    method: 'shards',
    shardSize: 8,
    root: '57d54248751a51781ac2bed647670df0c45d3926e337021585c34a82384b6573',
    count: 3,
    first: '.:0:8',
  },
  {
    model: 'empty_model_file',
    method: 'files',
    shardSize: undefined,
    root: '5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456',
    count: 1,
    first: '.',
  },
  {
    model: 'model_folder_with_empty_file',
    method: 'files',
    shardSize: undefined,
    root: '5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456',
    count: 1,
    first: 'empty_file',
  },
  {
    model: 'model_folder_with_empty_file',
    method: 'shards',
    shardSize: 8,
    root: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    count: 0,
    first: undefined,
  },
] as const;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentfenceError) return error.code;
    throw error;
  }
  return 'PASSED';
}

describe('hashModel', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  describe("when serializing the reference implementation's test models", () => {
    it.each(goldens)(
      '$model by $method (shard $shardSize) gives the golden root digest',
      async ({ model, method, shardSize, root, count, first }) => {
        const modelPath = models[model]!(dir);
        const hashed = await hashModel(modelPath, { method, ...(shardSize === undefined ? {} : { shardSize }) });
        expect(hashed.rootDigest).toBe(root);
        expect(hashed.manifest.resources).toHaveLength(count);
        expect(hashed.manifest.resources[0]?.name).toBe(first);
        expect(hashed.manifest.modelName).toBe(path.basename(modelPath));
      },
    );
  });

  describe('when the model has a git folder, ignored paths or nested ignored folders', () => {
    it('leaves out .git*, the given paths and everything below an ignored folder', async () => {
      const model = models.sample_model_folder!(dir);
      mkdirSync(path.join(model, '.git', 'objects'), { recursive: true });
      writeFileSync(path.join(model, '.git', 'objects', 'x'), 'git');
      writeFileSync(path.join(model, '.gitattributes'), '*.bin lfs');
      writeFileSync(path.join(model, 'README.md'), 'readme');
      const hashed = await hashModel(model, { ignorePaths: ['README.md', 'd1/'] });
      expect(hashed.manifest.resources.map((r) => r.name)).toEqual(['d0/f00', 'd0/f01', 'd0/f02', 'f0', 'f1', 'f2', 'f3']);
      expect(hashed.manifest.serialization.ignorePaths).toEqual(['.git', '.gitattributes', '.github', '.gitignore', 'README.md', 'd1']);
    });

    it('keeps .git* when git paths are not ignored', async () => {
      const model = models.deep_model_folder!(dir);
      writeFileSync(path.join(model, '.gitignore'), '*.tmp');
      const hashed = await hashModel(model, { ignoreGitPaths: false });
      expect(hashed.manifest.resources.map((r) => r.name)).toContain('.gitignore');
    });
  });

  describe('when names sort differently as strings and as path components', () => {
    it("orders by components like Python's PurePosixPath (a/b before a.b)", async () => {
      const model = path.join(dir, 'm');
      mkdirSync(path.join(model, 'a'), { recursive: true });
      writeFileSync(path.join(model, 'a', 'b'), '1');
      writeFileSync(path.join(model, 'a.b'), '2');
      writeFileSync(path.join(model, 'a-c'), '3');
      const hashed = await hashModel(model);
      expect(hashed.manifest.resources.map((r) => r.name)).toEqual(['a/b', 'a-c', 'a.b']);
    });

    it('orders shards by offset numerically, not as text', async () => {
      const model = path.join(dir, 'm');
      mkdirSync(model);
      writeFileSync(path.join(model, 'w'), Buffer.alloc(100, 1));
      const hashed = await hashModel(model, { method: 'shards', shardSize: 8 });
      expect(hashed.manifest.resources.slice(0, 3).map((r) => r.name)).toEqual(['w:0:8', 'w:8:16', 'w:16:24']);
      expect(hashed.manifest.resources.at(-1)?.name).toBe('w:96:100');
    });
  });

  describe('when the model is large enough for the worker pool', () => {
    it('gives the same digests on worker threads as inline, for files and shards', async () => {
      const model = path.join(dir, 'big');
      mkdirSync(model);
      for (let i = 0; i < 5; i++) writeFileSync(path.join(model, `w${i}.bin`), Buffer.alloc(9 * 1024 * 1024 + i, i + 1));
      writeFileSync(path.join(model, 'config.json'), '{"small":true}');
      for (const options of [{}, { method: 'shards' as const, shardSize: 4 * 1024 * 1024 }]) {
        const pooled = await hashModel(model, { ...options, workers: 2 });
        const inline = await hashModel(model, { ...options, workers: 0 });
        expect(pooled.stats.workers).toBe(2);
        expect(inline.stats.workers).toBe(0);
        expect(pooled.manifest.resources).toEqual(inline.manifest.resources);
        expect(pooled.rootDigest).toBe(inline.rootDigest);
      }
    });

    it('reports progress up to the total byte count', async () => {
      const model = path.join(dir, 'big');
      mkdirSync(model);
      writeFileSync(path.join(model, 'a.bin'), Buffer.alloc(40 * 1024 * 1024, 7));
      let last = { bytesDone: 0, bytesTotal: 0 };
      await hashModel(model, { workers: 1, onProgress: (p) => (last = p) });
      expect(last).toEqual({ bytesDone: 40 * 1024 * 1024, bytesTotal: 40 * 1024 * 1024 });
    });
  });

  describe('when hashing with blake2b', () => {
    it('records blake2b and 128-hex digests', async () => {
      const model = models.sample_model_folder!(dir);
      const hashed = await hashModel(model, { hashType: 'blake2b' });
      expect(hashed.manifest.serialization.hashType).toBe('blake2b');
      expect(hashed.manifest.resources.every((r) => r.algorithm === 'blake2b' && r.digest.length === 128)).toBe(true);
    });
  });

  describe('when the model contains something that must be refused', () => {
    it.each([
      [
        'a symlink to a file inside the model, not allowed',
        (m: string) => symlinkSync(path.join(m, 'f0'), path.join(m, 'link')),
        false,
        'SYMLINK_REFUSED',
      ],
      [
        'a symlink leaving the model, even when allowed',
        (m: string) => symlinkSync('/etc/hostname', path.join(m, 'link')),
        true,
        'SYMLINK_REFUSED',
      ],
      [
        'a relative symlink climbing out, even when allowed',
        (m: string) => symlinkSync('../..', path.join(m, 'up')),
        true,
        'SYMLINK_REFUSED',
      ],
      [
        'a broken symlink, when allowed',
        (m: string) => symlinkSync(path.join(m, 'nothing'), path.join(m, 'link')),
        true,
        'SYMLINK_REFUSED',
      ],
      ['a FIFO', (m: string) => execFileSync('mkfifo', [path.join(m, 'pipe')]), false, 'PATH_REFUSED'],
    ])('refuses %s', async (_label, mutate, allowSymlinks, code) => {
      const model = models.sample_model_folder!(dir);
      mutate(model);
      expect(await codeOf(hashModel(model, { allowSymlinks }))).toBe(code);
    });

    it('follows a symlink that stays inside the model when allowed', async () => {
      const model = models.sample_model_folder!(dir);
      symlinkSync(path.join(model, 'f0'), path.join(model, 'link'));
      const hashed = await hashModel(model, { allowSymlinks: true });
      const byName = new Map(hashed.manifest.resources.map((r) => [r.name, r.digest]));
      expect(byName.get('link')).toBe(byName.get('f0'));
    });

    it('refuses the model path itself when it is a symlink', async () => {
      const model = models.sample_model_folder!(dir);
      symlinkSync(model, path.join(dir, 'alias'));
      expect(await codeOf(hashModel(path.join(dir, 'alias')))).toBe('SYMLINK_REFUSED');
    });
  });

  describe('when the input is bad', () => {
    it.each([
      ['a missing model', (d: string) => path.join(d, 'nope'), {}, 'MODEL_NOT_FOUND'],
      ['an empty folder', (d: string) => (mkdirSync(path.join(d, 'empty')), path.join(d, 'empty')), {}, 'MODEL_EMPTY'],
      [
        'a folder whose only file is ignored',
        (d: string) => (mkdirSync(path.join(d, 'm')), writeFileSync(path.join(d, 'm', 'x'), 'x'), path.join(d, 'm')),
        { ignorePaths: ['x'] },
        'MODEL_EMPTY',
      ],
      ['an unsupported hash', (d: string) => models.sample_model_file!(d), { hashType: 'blake3' }, 'HASH_UNSUPPORTED'],
      ['a zero shard size', (d: string) => models.sample_model_file!(d), { method: 'shards', shardSize: 0 }, 'SHARD_SIZE_INVALID'],
      ['a fractional shard size', (d: string) => models.sample_model_file!(d), { method: 'shards', shardSize: 1.5 }, 'SHARD_SIZE_INVALID'],
      [
        'a colon in a sharded name',
        (d: string) => (mkdirSync(path.join(d, 'm')), writeFileSync(path.join(d, 'm', 'a:b'), 'x'), path.join(d, 'm')),
        { method: 'shards' },
        'SHARD_NAME_INVALID',
      ],
    ])('rejects %s', async (_label, make, options, code) => {
      expect(await codeOf(hashModel(make(dir), options as never))).toBe(code);
    });
  });
});
