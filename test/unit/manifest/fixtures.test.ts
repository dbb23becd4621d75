import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest, validateTrustPolicy, type LocatedError } from '../../../src/manifest/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const manifestsDir = path.join(root, 'test/fixtures/manifests');
const trustPoliciesDir = path.join(root, 'test/fixtures/trust-policies');

interface Expected {
  readonly code: string;
  readonly path: string;
  readonly line: number;
  readonly col: number;
}

/** Every case folder holding `file` (or one of the names), with its expected.json. */
function cases(dir: string, names: readonly string[]): { name: string; file: string; expected: Expected[] }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = names.map((name) => path.join(dir, entry.name, name)).find((candidate) => existsSync(candidate));
      if (file === undefined) return [];
      const expected = JSON.parse(readFileSync(path.join(dir, entry.name, 'expected.json'), 'utf8')) as Expected[];
      return [{ name: entry.name, file, expected }];
    });
}

function project(errors: readonly LocatedError[]): Expected[] {
  return errors
    .map(({ code, path: at, line, col }) => ({ code, path: at, line, col }))
    .sort((a, b) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code) || a.path.localeCompare(b.path));
}

const manifestCases = cases(manifestsDir, ['agent.yaml', 'agent.json']);
const trustPolicyCases = cases(trustPoliciesDir, ['trust-policy.yaml']);

describe('validateManifest', () => {
  it('has a fixture for at least 25 invalid manifests', () => {
    expect(manifestCases.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  describe.each(manifestCases.filter((c) => c.expected.length === 0).map((c) => [c.name, c] as const))(
    'when the manifest is %s',
    (_name, c) => {
      it('is valid and returns the typed manifest', () => {
        const result = validateManifest(c.file, { trustPolicyFile: path.join(manifestsDir, 'trust-policy.yaml') });
        expect(result.errors).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.manifest?.manifest.name).toBe('fixture-agent');
        expect(result.manifest?.stackDir).toBe(path.dirname(c.file));
      });
    },
  );

  describe.each(manifestCases.filter((c) => c.expected.length > 0).map((c) => [c.name, c] as const))(
    'when the manifest is %s',
    (_name, c) => {
      it('is rejected with the expected codes, paths and line:col', () => {
        const result = validateManifest(c.file, { trustPolicyFile: path.join(manifestsDir, 'trust-policy.yaml') });
        expect(result.valid).toBe(false);
        expect(result.manifest).toBeUndefined();
        expect(project(result.errors)).toEqual(project(c.expected as LocatedError[]));
        for (const error of result.errors) {
          expect(error.file).toBe(c.file);
          expect(error.message).toMatch(/ must | is required| is not a known field|must hold|must be/);
          if (error.path !== '') expect(error.message.startsWith(error.path)).toBe(true);
        }
      });
    },
  );
});

describe('validateTrustPolicy', () => {
  it('has fixtures for valid and invalid trust policies', () => {
    expect(trustPolicyCases.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(trustPolicyCases.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(1);
  });

  describe.each(trustPolicyCases.map((c) => [c.name, c] as const))('when the trust policy is %s', (_name, c) => {
    it(c.expected.length === 0 ? 'is valid' : 'is rejected with the expected codes, paths and line:col', () => {
      const result = validateTrustPolicy(c.file);
      expect(project(result.errors)).toEqual(project(c.expected as LocatedError[]));
      expect(result.valid).toBe(c.expected.length === 0);
      expect(result.trustPolicy === undefined).toBe(c.expected.length > 0);
    });
  });
});
