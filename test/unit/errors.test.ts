import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentfenceError, assertNever, ERROR_CODES, type ErrorCode, ExitCode, exitCodeOf, kindOfCode } from '../../src/errors.js';
import { expectCode, expectThrowsCode, FAMILIES } from '../helpers/errors.js';

const all = Object.entries(ERROR_CODES).flatMap(([kind, codes]) => codes.map((code) => [kind, code] as const));
const testRoot = path.resolve(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'output' ? [] : testFiles(full);
    return entry.name.endsWith('.ts') && full !== import.meta.filename ? [full] : [];
  });
}

describe('error codes', () => {
  it('belong to exactly one family each', () => {
    const codes = all.map(([, code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });
  describe.each(all)('when a %s error has code %s', (kind, code) => {
    it('is built by its own family, instanceof it, and maps to the family exit code', () => {
      const error = new FAMILIES[kindOfCode(code)](code as never, 'm');
      expect(error.kind).toBe(kind);
      expectCode(error, code);
      expect(exitCodeOf(error)).toBe(kind === 'verification' || kind === 'policy' ? ExitCode.BLOCKED : ExitCode.BAD_INPUT);
    });
  });
  // Every code is produced by at least one test: the code appears, quoted, in a test file.
  it('are each named by at least one test', () => {
    const text = testFiles(testRoot)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const missing = all.map(([, code]) => code).filter((code) => !text.includes(`'${code}'`) && !text.includes(`"${code}"`));
    expect(missing).toEqual([]);
  });
});

describe('AgentfenceError', () => {
  it('cannot be built without a family', () => {
    // @ts-expect-error the base constructor is protected: a code always comes with its family
    expect(() => new AgentfenceError('input', 'CLI_USAGE', 'm')).toBeDefined();
  });
});

describe('assertNever', () => {
  it('fails closed with a ConfigError at run time', async () => {
    const error = await expectThrowsCode(
      () => assertNever('surprise' as never, 'a kind', 'TRUST_POLICY_AUTHORITY'),
      'TRUST_POLICY_AUTHORITY',
    );
    expect(error.message).toBe('a kind must be one of the known cases (got "surprise")');
  });
  it('defaults to POLICY_INVALID', async () => {
    await expectThrowsCode(() => assertNever(1 as never, 'x'), 'POLICY_INVALID');
  });
});

describe('expectCode', () => {
  it.each<[string, unknown, ErrorCode]>([
    ['a plain Error', new Error('x'), 'CLI_USAGE'],
    ['the right code in the wrong family', new FAMILIES.config('POLICY_INVALID', 'm'), 'CLI_USAGE'],
  ])('rejects %s', (_, error, code) => {
    expect(() => expectCode(error, code)).toThrow();
  });
});

describe('exitCodeOf', () => {
  it.each([[new Error('x')], ['string'], [undefined]])('maps a foreign value %j to bad input, never a pass', (value) => {
    expect(exitCodeOf(value)).toBe(ExitCode.BAD_INPUT);
  });
});
