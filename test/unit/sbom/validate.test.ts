import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntegrity, MAX_SBOM_BYTES, parseCycloneDx } from '../../../src/sbom/validate.js';
import { fixtures } from './helpers.js';

const dir = path.join(fixtures, 'cyclonedx-1.6');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const valid = files.filter((f) => f.startsWith('valid-'));
const invalid = files.filter((f) => f.startsWith('invalid-'));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseCycloneDx', () => {
  describe('when given the official valid 1.6 documents', () => {
    it.each(valid)('accepts %s', async (file) => {
      const parsed = await parseCycloneDx(readFileSync(path.join(dir, file)), file);
      expect(parsed.specVersion).toBe('1.6');
    });
  });

  describe('when given the official invalid 1.6 documents', () => {
    it.each(invalid)('refuses %s with a typed input error', async (file) => {
      const error = await parseCycloneDx(readFileSync(path.join(dir, file)), file).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'input', code: expect.stringMatching(/^SBOM_(INVALID|NOT_CYCLONEDX)$/) });
    });
    it('carries the validator messages with JSON pointers', async () => {
      const error = await parseCycloneDx(readFileSync(path.join(dir, 'invalid-service-data-1.6.json')), 'x').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SBOM_INVALID', issues: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^\/services\/0\/data/) })]) });
      expect((error as Error).message).toContain('/services/0/data');
    });
  });

  describe('when the input is not a CycloneDX 1.6/1.7 JSON document', () => {
    it.each([
      ['not JSON', '{"bomFormat": ', 'SBOM_NOT_JSON'],
      ['a JSON array', '[]', 'SBOM_NOT_CYCLONEDX'],
      ['a JSON string', '"CycloneDX"', 'SBOM_NOT_CYCLONEDX'],
      ['an SPDX document', '{"spdxVersion":"SPDX-2.3"}', 'SBOM_NOT_CYCLONEDX'],
      ['the wrong bomFormat', '{"bomFormat":"cyclonedx","specVersion":"1.6"}', 'SBOM_NOT_CYCLONEDX'],
      ['spec 1.5', '{"bomFormat":"CycloneDX","specVersion":"1.5","version":1}', 'SBOM_SPEC_UNSUPPORTED'],
      ['spec 2.0', '{"bomFormat":"CycloneDX","specVersion":"2.0","version":1}', 'SBOM_SPEC_UNSUPPORTED'],
      ['a numeric spec', '{"bomFormat":"CycloneDX","specVersion":1.6,"version":1}', 'SBOM_SPEC_UNSUPPORTED'],
      ['an unknown top-level field', '{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"trustBoundary":true}', 'SBOM_INVALID'],
    ])('refuses %s with %s', async (_label, text, code) => {
      await expect(parseCycloneDx(bytes(text), 'doc')).rejects.toMatchObject({ kind: 'input', code });
    });
    it('refuses bytes that are not UTF-8', async () => {
      await expect(parseCycloneDx(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'doc')).rejects.toMatchObject({ code: 'SBOM_NOT_UTF8' });
    });
    it('refuses components nested deeper than the validator can walk as bad input, not as a missing validator', async () => {
      const depth = 5000;
      const text = `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[${'{"type":"library","name":"n","components":['.repeat(depth)}${']}'.repeat(depth)}]}`;
      await expect(parseCycloneDx(bytes(text), 'doc')).rejects.toMatchObject({ kind: 'input', code: 'SBOM_INVALID' });
    });
    it('refuses a document over the size limit before parsing it', async () => {
      await expect(parseCycloneDx(new Uint8Array(MAX_SBOM_BYTES + 1), 'doc')).rejects.toMatchObject({ code: 'SBOM_TOO_LARGE' });
    });
  });

  describe('when fed arbitrary JSON values', () => {
    it('never crashes and never accepts a non-CycloneDX value', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const result = await parseCycloneDx(bytes((JSON.stringify(value) as string | undefined) ?? 'null'), 'fuzz').then(
            () => 'accepted',
            (e: unknown) => (e as { kind?: string }).kind,
          );
          expect(result).toBe('input');
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('checkIntegrity', () => {
  it.each([
    ['a dangling dependency ref', { components: [{ 'bom-ref': 'a' }], dependencies: [{ ref: 'b' }] }, '/dependencies/0/ref'],
    ['a dangling dependsOn', { components: [{ 'bom-ref': 'a' }], dependencies: [{ ref: 'a', dependsOn: ['x'] }] }, '/dependencies/0/dependsOn/0'],
    ['a duplicate bom-ref', { components: [{ 'bom-ref': 'a' }, { 'bom-ref': 'a' }] }, '/components/1'],
    ['an unparsable endpoint', { services: [{ 'bom-ref': 's', endpoints: ['https://exa mple.com'] }] }, '/services/0/endpoints/0'],
    ['an unparsable absolute URL', { components: [{ 'bom-ref': 'a', externalReferences: [{ url: 'http://[::1', type: 'vcs' }] }] }, '/components/0/externalReferences/0/url'],
  ])('reports %s', (_label, doc, pointer) => {
    expect(checkIntegrity(doc as Record<string, unknown>).map((i) => i.path)).toEqual([pointer]);
  });
  it('accepts nested refs and relative file references', () => {
    const doc = {
      metadata: { component: { 'bom-ref': 'root' } },
      components: [{ 'bom-ref': 'm', components: [{ 'bom-ref': 'm#f' }], externalReferences: [{ url: 'stacks/a/model.sig', type: 'attestation' }] }],
      dependencies: [{ ref: 'root', dependsOn: ['m', 'm#f'] }],
    };
    expect(checkIntegrity(doc)).toEqual([]);
  });
});
