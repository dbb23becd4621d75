import { describe, expect, it } from 'vitest';
import { takeOutputOption } from '../../../src/cli/flags.js';
import { colorEnabled } from '../../../src/cli/render.js';

describe('colorEnabled', () => {
  describe('when the environment and terminal vary', () => {
    it.each([
      [{}, true, true],
      [{}, false, false],
      [{ NO_COLOR: '1' }, true, false],
      // no-color.org: an empty NO_COLOR does not count
      [{ NO_COLOR: '' }, true, true],
      [{ FORCE_COLOR: '1' }, false, true],
      [{ FORCE_COLOR: '0' }, true, false],
      [{ FORCE_COLOR: 'false' }, true, false],
      [{ FORCE_COLOR: '' }, false, false],
      [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    ])('answers %j on a TTY=%s with %s', (env, tty, expected) => {
      expect(colorEnabled(env, tty)).toBe(expected);
    });
  });
});

describe('takeOutputOption', () => {
  describe('when argv carries an output file', () => {
    it.each([
      [['payments', '-o', 'r.sarif'], 'r.sarif', ['payments']],
      [['--output', 'r.json', 'payments', '-f', 'json'], 'r.json', ['payments', '-f', 'json']],
      [['--output=x', 'payments'], 'x', ['payments']],
      [['payments', '--', '-o', 'x'], undefined, ['payments', '--', '-o', 'x']],
      [['payments'], undefined, ['payments']],
    ])('splits %j', (argv, file, rest) => {
      expect(takeOutputOption(argv)).toEqual(file === undefined ? { rest } : { file, rest });
    });
    it.each([[['-o']], [['payments', '--output']]])('refuses %j without a file', (argv) => {
      expect(() => takeOutputOption(argv)).toThrow(/needs a file/);
    });
  });
});
