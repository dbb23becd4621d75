import { describe, expect, it } from 'vitest';
import { formatProgress, progressBar, throughputLine } from '../../../../src/cli/render.js';
import type { CommandContext } from '../../../../src/cli/context.js';

function context(progress: boolean): { ctx: CommandContext; err: string[] } {
  const err: string[] = [];
  const ctx = { progress, stderr: { write: (s: string) => err.push(s) } } as unknown as CommandContext;
  return { ctx, err };
}

describe('model hashing progress', () => {
  describe('when formatting a progress line', () => {
    it.each([
      [{ bytesDone: 0, bytesTotal: 2e9 }, 1, /^hashing \[\.{24}\] {3}0% 0 B\/2\.00 GB -- B\/s ETA --:--$/],
      // the first frame: a few bytes after microseconds must not show a rate or a 300-hour ETA
      [{ bytesDone: 924, bytesTotal: 1e9 }, 0.000001, /^hashing \[\.{24}\] {3}0% 924 B\/1\.00 GB -- B\/s ETA --:--$/],
      [{ bytesDone: 5e6, bytesTotal: 1e9 }, 0.2, /-- B\/s ETA --:--$/],
      [{ bytesDone: 1e9, bytesTotal: 2e9 }, 1, /^hashing \[#{12}\.{12}\] {2}50% 1\.00 GB\/2\.00 GB 1\.00 GB\/s ETA 0:01$/],
      [{ bytesDone: 2e9, bytesTotal: 2e9 }, 4, /^hashing \[#{24}\] 100% 2\.00 GB\/2\.00 GB 500\.0 MB\/s ETA 0:00$/],
      [{ bytesDone: 0, bytesTotal: 0 }, 0, /100%/],
    ])('renders %j after %d s', (progress, seconds, expected) => {
      expect(formatProgress(progress, seconds)).toMatch(expected);
    });
  });

  describe('when stderr is not a TTY', () => {
    it('draws nothing', () => {
      const { ctx, err } = context(false);
      const bar = progressBar(ctx);
      expect(bar.onProgress).toBeUndefined();
      bar.done();
      expect(err).toEqual([]);
    });
  });

  describe('when stderr is a TTY', () => {
    it('draws on one line, throttled, and clears it when done', () => {
      const { ctx, err } = context(true);
      const bar = progressBar(ctx);
      bar.onProgress!({ bytesDone: 1, bytesTotal: 10 });
      bar.onProgress!({ bytesDone: 2, bytesTotal: 10 });
      bar.onProgress!({ bytesDone: 10, bytesTotal: 10 });
      bar.done();
      expect(err).toHaveLength(3);
      expect(err[0]).toMatch(/^\rhashing \[/);
      expect(err[1]).toContain('100%');
      expect(err[2]).toBe('\r\u001b[K');
    });
  });

  describe('when --verbose reports throughput', () => {
    it('states files, resources, bytes, time, rate and threads', () => {
      expect(throughputLine({ files: 32, resources: 32, bytes: 2e9, seconds: 1, workers: 2 })).toBe(
        'hashed 32 files (32 resources, 2.00 GB) in 1.00 s: 2.00 GB/s on 2 worker threads',
      );
    });
  });
});
