import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Codes the loader can emit that no document can trigger (fail-closed defaults, the error's own code, yaml's code names). */
const UNTRIGGERABLE = new Set(['MANIFEST_INVALID', 'MANIFEST_UNREADABLE', 'SCHEMA_INVALID', 'MULTIPLE_DOCS']);

function read(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

describe('manifest error codes', () => {
  const source = read(path.join(root, 'src/manifest'), (f) => f.endsWith('.ts') && !f.includes('generated')).join('\n');
  const codes = [...new Set([...source.matchAll(/'([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1]!))].filter(
    (c) => !UNTRIGGERABLE.has(c),
  );
  const tests = [
    ...read(path.join(root, 'test/fixtures/manifests'), (f) => f === 'expected.json'),
    ...read(path.join(root, 'test/fixtures/trust-policies'), (f) => f === 'expected.json'),
    ...read(path.join(root, 'test/unit/manifest'), (f) => f.endsWith('.test.ts') && f !== 'codes.test.ts'),
  ].join('\n');

  describe.each(codes.sort().map((code) => [code]))('when the loader can emit %s', (code) => {
    it('has a fixture or test that triggers it', () => {
      const quoted = [`"${code}"`, `'${code}'`];
      expect(
        quoted.some((q) => tests.includes(q)),
        `no fixture or test mentions ${code}`,
      ).toBe(true);
    });
  });
});
