import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile } from '../../../src/cli/input.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  describe('when the file exists within the bound', () => {
    it('returns its bytes', () => {
      writeFileSync(path.join(dir, 'small.pem'), 'PEM');
      expect(readInputFile(dir, 'small.pem', '--key').toString()).toBe('PEM');
    });
  });
  describe('when the file is larger than the bound', () => {
    it('refuses it with INPUT_TOO_LARGE before reading it', () => {
      // sparse: the size is real, the disk use is not
      writeFileSync(path.join(dir, 'huge.json'), '');
      truncateSync(path.join(dir, 'huge.json'), MAX_INPUT_BYTES + 1);
      expect(() => readInputFile(dir, 'huge.json', '--bundle')).toThrow(
        expect.objectContaining({ code: 'INPUT_TOO_LARGE', kind: 'input' }),
      );
      expect(() => readInputFile(dir, 'huge.json', '--bundle', MAX_INPUT_BYTES + 1)).not.toThrow();
    });
  });
  describe('when the file is missing or a directory', () => {
    it.each([['absent.pem'], ['.']])('refuses %s with FILE_NOT_FOUND naming the flag', (file) => {
      expect(() => readInputFile(dir, file, '--key')).toThrow(
        expect.objectContaining({ code: 'FILE_NOT_FOUND', message: expect.stringContaining(`--key ${file}`) }),
      );
    });
  });
});
