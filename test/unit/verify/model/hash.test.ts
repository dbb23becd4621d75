import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { hashTasks, type HashTask } from '../../../../src/verify/model/hash.js';
import { tempDir } from './helpers.js';

/** Declared sizes only steer scheduling: a large one sends a small real file to the worker pool. */
const POOLED = 64 * 1024 * 1024;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentfenceError) return error.code;
    throw error;
  }
  return 'PASSED';
}

describe('hashTasks', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  const content = Buffer.from('0123456789abcdefghij');
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, 'f');
    writeFileSync(file, content);
  });
  afterEach(() => cleanup());

  describe.each([
    ['inline', 0],
    ['on worker threads', 2],
  ])('when hashing %s', (_label, workers) => {
    const size = workers === 0 ? 20 : POOLED;

    it('hashes whole files and ranges like a one-shot hash', async () => {
      const tasks: HashTask[] = [
        { path: file, start: 0, size },
        { path: file, start: 5, end: 15, size },
        { path: file, start: 0, size: 1 },
      ];
      const { digests } = await hashTasks(tasks, { algorithm: 'sha256', noFollow: true, workers });
      expect(digests).toEqual([
        createHash('sha256').update(content).digest('hex'),
        createHash('sha256').update(content.subarray(5, 15)).digest('hex'),
        createHash('sha256').update(content).digest('hex'),
      ]);
    });

    it.each<[string, (d: string, f: string) => HashTask, string]>([
      ['a range past the end of the file (it shrank)', (_d, f) => ({ path: f, start: 0, end: 1000, size }), 'TAMPERED'],
      ['a file removed after the walk', (d) => ({ path: path.join(d, 'gone'), start: 0, size }), 'TAMPERED'],
      [
        'a file swapped for a symlink after the walk',
        (d, f) => (symlinkSync(f, path.join(d, 'link')), { path: path.join(d, 'link'), start: 0, size }),
        'SYMLINK_REFUSED',
      ],
      [
        'a directory where a file was',
        (d) => (mkdirSync(path.join(d, 'sub')), { path: path.join(d, 'sub'), start: 0, size }),
        'MODEL_UNREADABLE',
      ],
    ])('fails closed on %s', async (_label, make, code) => {
      expect(await codeOf(hashTasks([make(dir, file)], { algorithm: 'sha256', noFollow: true, workers }))).toBe(code);
    });
  });

  describe('when small files add up to more than the inline budget', () => {
    it('sends them to the pool as well', async () => {
      const tasks = Array.from({ length: 40 }, () => ({ path: file, start: 0, size: 1024 * 1024 - 1 }));
      const { digests, workers } = await hashTasks(tasks, { algorithm: 'sha256', noFollow: true, workers: 2 });
      expect(workers).toBe(2);
      expect(new Set(digests)).toEqual(new Set([createHash('sha256').update(content).digest('hex')]));
    });
  });

  describe('when many tasks go to a small pool', () => {
    it('returns every digest in task order', async () => {
      const files = Array.from({ length: 9 }, (_, i) => {
        const f = path.join(dir, `w${i}`);
        writeFileSync(f, `weights ${i}`);
        return f;
      });
      const { digests, workers } = await hashTasks(
        files.map((f, i) => ({ path: f, start: 0, size: POOLED + i })),
        { algorithm: 'blake2b512', noFollow: false, workers: 2 },
      );
      expect(workers).toBe(2);
      expect(digests).toEqual(files.map((_, i) => createHash('blake2b512').update(`weights ${i}`).digest('hex')));
    });
  });
});
