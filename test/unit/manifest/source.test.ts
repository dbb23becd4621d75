import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  loadManifest,
  ManifestError,
  MAX_ALIAS_COUNT,
  MAX_FILE_BYTES,
  validateManifest,
  validateTrustPolicy,
} from '../../../src/manifest/index.js';
import { parseSource } from '../../../src/manifest/source.js';

const root = path.resolve(import.meta.dirname, '../../..');
const minimal = path.join(root, 'test/fixtures/manifests/valid-minimal/agent.yaml');

function refusal(bytes: Uint8Array, file = '/virtual/agent.yaml'): { code: string; line: number; col: number } {
  try {
    parseSource(bytes, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    const first = (error as ManifestError).errors[0]!;
    expect((error as ManifestError).code).toBe('MANIFEST_INVALID');
    expect((error as ManifestError).kind).toBe('input');
    return { code: first.code, line: first.line, col: first.col };
  }
  throw new Error('expected a refusal');
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseSource', () => {
  describe('when the input is hostile or not a manifest', () => {
    it.each([
      ['larger than 1 MiB', utf8(`a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`), 'TOO_LARGE', 1, 1],
      ['not UTF-8 (a Latin-1 byte on line 3)', new Uint8Array([...utf8('a: 1\nb: 2\nc: caf'), 0xe9, ...utf8('\n')]), 'NOT_UTF8', 3, 1],
      ['a truncated UTF-8 sequence', new Uint8Array([...utf8('a: '), 0xe2, 0x82]), 'NOT_UTF8', 1, 1],
      ['a duplicate key', utf8('name: a\nversion: 1\nname: b\n'), 'DUPLICATE_KEY', 3, 1],
      ['a sequence', utf8('- a\n- b\n'), 'NOT_A_MAPPING', 1, 1],
      ['a scalar', utf8('just text\n'), 'NOT_A_MAPPING', 1, 1],
      ['empty', utf8(''), 'NOT_A_MAPPING', 1, 1],
      ['two documents', utf8('a: 1\n---\nb: 2\n'), 'MULTI_DOCUMENT', 2, 1],
      ['a syntax error', utf8('a: [1, 2\n'), 'YAML_SYNTAX', 2, 1],
      ['an unknown tag', utf8('a: !secret x\n'), 'YAML_SYNTAX', 1, 4],
    ])('refuses a document that is %s', (_what, bytes, code, line, col) => {
      expect(refusal(bytes)).toEqual({ code, line, col });
    });

    it.each([
      ['YAML', '/virtual/agent.yaml', 'version: 1\nname: a\nname: b\n'],
      ['a quoted YAML key', '/virtual/agent.yaml', 'version: 1\n"name": a\n"name": b\n'],
      ['JSON', '/virtual/agent.json', '{"version": 1, "name": "a", "name": "b"}'],
    ])('names the whole duplicated key in %s', (_what, file, text) => {
      try {
        parseSource(utf8(text), file);
        expect.unreachable();
      } catch (error) {
        expect((error as ManifestError).errors[0]!.message).toBe('the key "name" must appear once in its mapping (got it again)');
      }
    });

    describe('when a 1 MiB document holds 90,000 keys', () => {
      const wide = (extra: string): string => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'agentfence-wide-')), 'agent.yaml');
        const keys = Array.from({ length: 90_000 }, (_, i) => `k${String(i).padStart(6, '0')}: 1`);
        writeFileSync(file, `${keys.join('\n')}\n${extra}`);
        return file;
      };
      it('finds a duplicate key in seconds, not minutes', () => {
        const file = wide('k000007: 2\n');
        const started = performance.now();
        const result = validateManifest(file);
        expect(performance.now() - started).toBeLessThan(20_000);
        expect(result.errors.map((e) => [e.code, e.line, e.col])).toEqual([['DUPLICATE_KEY', 90_001, 1]]);
      }, 120_000);
      it('locates every unknown field in seconds, not minutes', () => {
        const file = wide('');
        const started = performance.now();
        const result = validateManifest(file);
        expect(performance.now() - started).toBeLessThan(20_000);
        const unknown = result.errors.filter((e) => e.code === 'SCHEMA_UNKNOWN_FIELD');
        expect(unknown).toHaveLength(90_000);
        expect(unknown.at(-1)).toMatchObject({ path: 'k089999', line: 90_000, col: 1 });
      }, 120_000);
    });

    it('refuses an alias bomb before expanding it', () => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 9; i++)
        levels.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      const started = performance.now();
      expect(refusal(utf8(`${levels.join('\n')}\n`)).code).toBe('ALIAS_LIMIT');
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it(`accepts fewer than ${MAX_ALIAS_COUNT} aliases and refuses ${MAX_ALIAS_COUNT}`, () => {
      const text = (n: number): string => `base: &b x\nlist: [${Array(n).fill('*b').join(', ')}]\n`;
      expect((parseSource(utf8(text(MAX_ALIAS_COUNT - 1)), '/virtual/agent.yaml').value['list'] as unknown[]).length).toBe(
        MAX_ALIAS_COUNT - 1,
      );
      expect(refusal(utf8(text(MAX_ALIAS_COUNT))).code).toBe('ALIAS_LIMIT');
    });

    it('refuses nesting deep enough to exhaust the parser as bad input', () => {
      const deep = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
      const error = (() => {
        try {
          parseSource(utf8(deep), '/virtual/agent.yaml');
          return undefined;
        } catch (caught) {
          return caught;
        }
      })();
      // Either parsed (a valid, if silly, document) or refused as input: never another error.
      if (error !== undefined) expect(error).toBeInstanceOf(InputError);
    });
  });

  describe('when the input is acceptable', () => {
    it('strips a UTF-8 byte order mark', () => {
      expect(parseSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a: 1\n')]), '/virtual/agent.yaml').value).toEqual({ a: 1 });
    });
    it('reads YAML 1.2 scalars: yes/no/on stay strings, no dates', () => {
      expect(parseSource(utf8('a: yes\nb: on\nc: 2024-01-01\nd: 010\n'), '/virtual/agent.yaml').value).toEqual({
        a: 'yes',
        b: 'on',
        c: '2024-01-01',
        d: 10,
      });
    });
    it('reads a .json file as strict JSON', () => {
      expect(refusal(utf8('{"a": 1, /* no comments */ "b": 2}'), '/virtual/agent.json').code).toBe('JSON_SYNTAX');
      expect(parseSource(utf8('{"a": {"b": [1, 2]}}'), '/virtual/agent.json').value).toEqual({ a: { b: [1, 2] } });
    });
  });
});

describe('loadManifest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'agentfence-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A stack folder `name` with the minimal manifest plus `model` as a local model path. */
  function stackWithModel(name: string, model: string, signature?: string): string {
    const stack = path.join(dir, name);
    mkdirSync(stack, { recursive: true });
    const text = readMinimal().replace(
      '  - name: planner\n',
      `  - name: local\n    path: ${model}\n${signature === undefined ? '' : `    signature: ${signature}\n`}  - name: planner\n`,
    );
    writeFileSync(path.join(stack, 'agent.yaml'), text);
    return stack;
  }

  describe('when a referenced path is a symlink', () => {
    it('refuses one that leads out of the stack folder', () => {
      const outside = path.join(dir, 'outside-model');
      mkdirSync(outside, { recursive: true });
      const stack = stackWithModel('escape', 'models/evil');
      mkdirSync(path.join(stack, 'models'));
      symlinkSync(outside, path.join(stack, 'models/evil'));
      const result = validateManifest(path.join(stack, 'agent.yaml'));
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([['SYMLINK_ESCAPE', 'models[0].path']]);
    });
    it('refuses a folder symlink on the way out, even to a missing signature', () => {
      const stack = stackWithModel('escape-parent', 'models/m', 'sigs/model.sig');
      mkdirSync(path.join(stack, 'models/m'), { recursive: true });
      symlinkSync(dir, path.join(stack, 'sigs'));
      const result = validateManifest(path.join(stack, 'agent.yaml'));
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([['SYMLINK_ESCAPE', 'models[0].signature']]);
    });
    it('refuses a dangling symlink that points out', () => {
      const stack = stackWithModel('dangling', 'models/m', 'models/m/model.sig');
      mkdirSync(path.join(stack, 'models/m'), { recursive: true });
      symlinkSync(path.join(dir, 'nowhere/model.sig'), path.join(stack, 'models/m/model.sig'));
      const result = validateManifest(path.join(stack, 'agent.yaml'));
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([['SYMLINK_ESCAPE', 'models[0].signature']]);
    });
    it('refuses a chain of dangling symlinks whose last link points out', () => {
      const stack = stackWithModel('dangling-chain', 'models/m', 'models/m/model.sig');
      mkdirSync(path.join(stack, 'models/m'), { recursive: true });
      symlinkSync(path.join(dir, 'nowhere/model.sig'), path.join(stack, 'models/m/hop'));
      symlinkSync('hop', path.join(stack, 'models/m/model.sig'));
      const result = validateManifest(path.join(stack, 'agent.yaml'));
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([['SYMLINK_ESCAPE', 'models[0].signature']]);
    });
    it('accepts one that stays inside', () => {
      const stack = stackWithModel('inside', 'models/alias');
      mkdirSync(path.join(stack, 'models/real'), { recursive: true });
      symlinkSync(path.join(stack, 'models/real'), path.join(stack, 'models/alias'));
      expect(loadManifest(path.join(stack, 'agent.yaml')).manifest.models[0]?.path).toBe('models/alias');
    });
  });

  describe('when the file cannot be read as a manifest', () => {
    it.each([
      ['missing', (d: string) => path.join(d, 'no-such/agent.yaml'), 'FILE_MISSING'],
      ['a folder', (d: string) => d, 'NOT_A_FILE'],
      [
        'over 1 MiB on disk',
        (d: string) => {
          const file = path.join(d, 'huge.yaml');
          writeFileSync(file, `a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
          return file;
        },
        'TOO_LARGE',
      ],
    ])('refuses a path that is %s', (_what, make, code) => {
      const result = validateManifest(make(dir));
      expect(result.valid).toBe(false);
      expect(result.errors.map((e) => e.code)).toEqual([code]);
    });
    it('throws a ManifestError listing every error with file:line:col', () => {
      const file = path.join(dir, 'broken.yaml');
      writeFileSync(file, readMinimal().replace('risk: low', 'risk: none').replace('runtime: lambda', 'runtime: vm'));
      expect(() => loadManifest(file)).toThrow(ManifestError);
      try {
        loadManifest(file);
      } catch (error) {
        expect((error as ManifestError).errors).toHaveLength(2);
        expect((error as ManifestError).message).toContain(
          'broken.yaml:13:12: identity.runtime must be one of agentcore|ecs|lambda|eks (got "vm") [SCHEMA_ENUM]',
        );
      }
    });
  });

  describe('when the trust policy is given as a manifest', () => {
    it('rejects it against the manifest schema', () => {
      const result = validateManifest(path.join(root, 'stacks/trust-policy.yaml'));
      expect(result.valid).toBe(false);
      expect(result.errors.some((e) => e.code === 'SCHEMA_UNKNOWN_FIELD' && e.path === 'mode')).toBe(true);
    });
    it('and a manifest given as a trust policy is rejected too', () => {
      expect(validateTrustPolicy(minimal).errors.some((e) => e.code === 'SCHEMA_UNKNOWN_FIELD' && e.path === 'identity')).toBe(true);
    });
  });
});

function readMinimal(): string {
  return readFileSync(minimal, 'utf8');
}
