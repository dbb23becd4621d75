import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSbom } from '../../../src/sbom/build.js';
import { CHANGE_RULES, diffSboms, renderDiffText } from '../../../src/sbom/diff.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import type { VerificationReport } from '../../../src/verify/types.js';
import { descriptor, fixtures, inputFor, makeProject, manifest, verification } from './helpers.js';

type Json = Record<string, unknown>;

async function bom(m = manifest(), v: VerificationReport = verification(), edit?: (stackDir: string) => void): Promise<Json> {
  const project = makeProject(m);
  edit?.(project.stackDir);
  return (await buildSbom(inputFor(m, { verification: v }, project), SpecProfiles['1.6'])).doc;
}

const codes = (diff: ReturnType<typeof diffSboms>) => diff.flags.map((f) => `${f.severity}:${f.code}:${f.name}`);

describe('diffSboms', () => {
  describe('when both documents are the same agent, unchanged', () => {
    it('reports nothing', async () => {
      const diff = diffSboms(await bom(), await bom());
      expect(diff.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
      expect(diff.flags).toEqual([]);
    });
  });

  describe('when a plugin is added', () => {
    it('lists it as added and flags it', async () => {
      const m = manifest({ plugins: [...manifest().plugins, { name: 'left-pad', version: '^1.3.0' }] });
      const diff = diffSboms(await bom(), await bom(m));
      expect(diff.added.map((e) => `${e.kind}:${e.name}`)).toEqual(['plugin:left-pad']);
      expect(codes(diff)).toContain('high:PLUGIN_ADDED:left-pad');
    });
  });

  describe('when a model signer changes', () => {
    it('flags SIGNER_CHANGED as high', async () => {
      const v = verification();
      const changed: VerificationReport = {
        ...v,
        results: v.results.map((r) => (r.kind === 'model' ? { ...r, signer: { identity: 'mallory@example.com', issuer: 'https://accounts.example.com' } } : r)),
      };
      const diff = diffSboms(await bom(), await bom(manifest(), changed));
      expect(codes(diff)).toEqual(expect.arrayContaining(['high:SIGNER_CHANGED:fraud-scorer']));
      const entry = diff.changed.find((c) => c.name === 'fraud-scorer')!;
      expect(entry.changes).toContainEqual({ field: 'signer', old: 'stefanb@us.ibm.com', new: 'mallory@example.com' });
    });
  });

  describe('when an API gains an endpoint', () => {
    it('flags ENDPOINT_ADDED with the new host', async () => {
      const after = await bom(manifest(), verification(), (stackDir) =>
        writeFileSync(path.join(stackDir, 'apis/payments-gateway.json'), JSON.stringify({ ...descriptor, hosts: [...descriptor.hosts, 'exfil.example.net'] })),
      );
      const diff = diffSboms(await bom(), after);
      const flag = diff.flags.find((f) => f.code === 'ENDPOINT_ADDED')!;
      expect(flag).toMatchObject({ severity: 'high', name: 'payments-gateway' });
      expect(flag.message).toContain('https://exfil.example.net');
    });
  });

  describe('when a model is removed', () => {
    it('lists it as removed', async () => {
      const m = manifest({ models: manifest().models.filter((x) => x.name !== 'fraud-scorer') });
      const diff = diffSboms(await bom(), await bom(m));
      expect(diff.removed.map((e) => `${e.kind}:${e.name}`)).toEqual(['model:fraud-scorer']);
      expect(codes(diff)).toContain('low:MODEL_REMOVED:fraud-scorer');
    });
  });

  describe('when a model file changes', () => {
    it('flags MODEL_DIGEST_CHANGED even though the bom-ref changed', async () => {
      const after = await bom(manifest(), verification());
      const model = (after['components'] as Json[]).find((c) => c['name'] === 'fraud-scorer')!;
      model['hashes'] = [{ alg: 'SHA-256', content: 'f'.repeat(64) }];
      model['bom-ref'] = `model:fraud-scorer@sha256:${'f'.repeat(64)}`;
      const diff = diffSboms(await bom(), after);
      expect(diff.added).toEqual([]);
      expect(codes(diff)).toContain('high:MODEL_DIGEST_CHANGED:fraud-scorer');
    });
  });

  describe('when more sensitive data is sent to a third party', () => {
    it('flags the classification by sensitivity', async () => {
      const m = manifest({ apis: [{ ...manifest().apis[0]!, dataClassifications: ['confidential', 'restricted'] }] });
      const diff = diffSboms(await bom(), await bom(m));
      expect(codes(diff)[0]).toBe('critical:DATA_CLASSIFICATION_ADDED:payments-gateway');
    });
  });

  describe('when a third-party document names a classification that is an Object.prototype key', () => {
    it.each(['constructor', '__proto__', 'toString'])('still gives the flow a severity of the scale (%s)', (classification) => {
      const base = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 };
      const after = { ...base, services: [{ name: 'api', 'x-trust-boundary': true, data: [{ flow: 'outbound', classification }] }] };
      const diff = diffSboms(base, after);
      const flow = diff.flags.find((f) => f.code === 'DATA_CLASSIFICATION_ADDED');
      expect(flow?.severity).toBe('high');
      expect(diff.summary.high).toBe(2);
    });
  });

  describe("when the agent's own grants or autonomy change", () => {
    it('flags permissions, autonomy and risk tier', async () => {
      const m = manifest({
        autonomy: 'autonomous',
        riskTier: 'low',
        tools: [{ ...manifest().tools[0]!, actions: ['lambda:InvokeFunction', 'lambda:UpdateFunctionCode'] }],
      });
      const diff = diffSboms(await bom(), await bom(m));
      expect(codes(diff)).toEqual(
        expect.arrayContaining(['high:AGENT_PERMISSIONS_CHANGED:demo', 'high:AGENT_AUTONOMY_CHANGED:demo', 'medium:AGENT_RISK_TIER_CHANGED:demo']),
      );
    });
  });

  describe('when a verification status changes', () => {
    it.each([
      ['verified', 'high'],
      ['blocked', 'info'],
    ] as const)('flags a change away from %s as %s', async (from, severity) => {
      const v = verification();
      const flip = (status: 'verified' | 'blocked'): VerificationReport => ({
        ...v,
        results: v.results.map((r) => (r.kind === 'plugin' ? { ...r, status, ...(status === 'blocked' ? { reason: 'UNTRUSTED_SIGNER' as const } : {}) } : r)),
      });
      const to = from === 'verified' ? 'blocked' : 'verified';
      const diff = diffSboms(await bom(manifest(), flip(from)), await bom(manifest(), flip(to)));
      expect(codes(diff)).toContain(`${severity}:VERIFICATION_STATUS_CHANGED:@acme/ledger-mcp`);
    });
  });

  describe('when a plugin\'s licence or supplier changes at the same version', () => {
    const plugin = (doc: Json): Record<string, any> => (doc['components'] as Record<string, any>[]).find((c) => c['name'] === 'ledger-mcp')!;
    it.each([
      ['licence', (c: Record<string, any>) => (c['licenses'] = [{ license: { id: 'GPL-3.0-only' } }]), 'medium:LICENSE_CHANGED:@acme/ledger-mcp'],
      ['supplier', (c: Record<string, any>) => (c['supplier'] = { name: 'Someone Else' }), 'medium:SUPPLIER_CHANGED:@acme/ledger-mcp'],
    ])('flags the %s change', async (_label, edit, code) => {
      const before = await bom();
      const after = structuredClone(before);
      edit(plugin(after));
      expect(codes(diffSboms(before, after))).toEqual([code]);
    });
  });

  describe('when a field has no flag rule', () => {
    it('lists the change without flagging it, even for a field named like an Object.prototype key', () => {
      const entity = (fields: Record<string, string>): Json => ({ components: [{ type: 'library', name: 'x', purl: 'pkg:npm/x@1', properties: Object.entries(fields).map(([name, value]) => ({ name, value })) }] });
      const before: Json = { components: [{ type: 'library', name: 'x', purl: 'pkg:npm/x@1', description: 'a' }] };
      const after: Json = { components: [{ type: 'library', name: 'x', purl: 'pkg:npm/x@1', description: 'b' }] };
      expect(diffSboms(before, after).flags).toEqual([]);
      expect(diffSboms(entity({}), entity({})).flags).toEqual([]);
      expect(Object.isFrozen(CHANGE_RULES)).toBe(true);
      expect(Object.hasOwn(CHANGE_RULES, 'plugin.constructor')).toBe(false);
    });
  });

  describe('when the documents were made by someone else', () => {
    const dir = path.join(fixtures, 'cyclonedx-1.6');
    const read = (file: string): Json => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json;
    it.each(readdirSync(dir).filter((f) => f.startsWith('valid-')))('finds no change between %s and itself', (file) => {
      const diff = diffSboms(read(file), read(file));
      expect(diff.flags).toEqual([]);
      expect(diff.changed).toEqual([]);
    });
    it('flags a new endpoint, a new PII flow and a crossing trust boundary on the SaaSBOM example', () => {
      const before = read('valid-saasbom-1.6.json');
      const after = read('valid-saasbom-1.6.json');
      const service = (after['services'] as Json[])[0]!;
      service['endpoints'] = [...(service['endpoints'] as string[]), 'https://partner.example.org/feed'];
      service['x-trust-boundary'] = true;
      service['data'] = [...(service['data'] as Json[]), { flow: 'outbound', classification: 'restricted' }];
      const diff = diffSboms(before, after);
      expect(diff.changed.map((c) => c.name)).toEqual(['com.example/Stock Ticker Service']);
      expect(diff.flags.map((f) => f.code).sort()).toEqual(['DATA_CLASSIFICATION_ADDED', 'ENDPOINT_ADDED', 'TRUST_BOUNDARY_CROSSING_ADDED']);
    });
    it('reports every component of the ML example as added against an empty BOM', () => {
      const empty = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 };
      const diff = diffSboms(empty, read('valid-machine-learning-1.6.json'));
      expect(diff.added.map((e) => e.kind)).toEqual(['model']);
      expect(diff.flags.map((f) => f.code)).toEqual(['MODEL_ADDED']);
    });
  });

  describe('renderDiffText', () => {
    it('starts with a one-line summary and lists flags by severity', async () => {
      const m = manifest({ plugins: [...manifest().plugins, { name: 'left-pad', version: '^1.3.0' }] });
      const text = renderDiffText(diffSboms(await bom(), await bom(m)));
      expect(text.split('\n')[0]).toMatch(/^sbom diff: 1 added, 0 removed, \d+ changed; flags: /);
      expect(text).toContain('[high] PLUGIN_ADDED: new plugin left-pad@?');
    });
    it('escapes control and bidi characters from the documents, so a hostile SBOM cannot forge or hide lines', () => {
      const base = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 };
      const after = { ...base, services: [{ name: 'evil\nsbom diff: 0 added\u001b[2K\rhidden\u202e', 'x-trust-boundary': true }] };
      const text = renderDiffText(diffSboms(base, after));
      expect(text.split('\n')[0]).toMatch(/^sbom diff: 1 added/);
      expect(text.split('\n').filter((line) => line.startsWith('sbom diff:'))).toHaveLength(1);
      // eslint-disable-next-line no-control-regex -- the control characters are what the rendered diff must not contain
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain('evil\\u000asbom diff: 0 added\\u001b[2K\\u000dhidden\\u202e');
    });
  });
});

describe('diffSboms across spec versions', () => {
  it('sees no component change between the 1.6 and 1.7 renderings of the same agent', async () => {
    const project = makeProject();
    const input = inputFor(manifest(), { verification: verification() }, project);
    const at16 = (await buildSbom(input, SpecProfiles['1.6'])).doc;
    const at17 = (await buildSbom(input, SpecProfiles['1.7'])).doc;
    const diff = diffSboms(at16, at17);
    expect(diff.flags).toEqual([]);
    expect(diff.old.specVersion).toBe('1.6');
    expect(diff.new.specVersion).toBe('1.7');
  });
});

describe('diffSboms and scoreSbom on arbitrary shapes', () => {
  it('never throw, whatever the components and services hold', async () => {
    const fc = (await import('fast-check')).default;
    const { scoreSbom } = await import('../../../src/sbom/scorecard.js');
    const node = fc.dictionary(
      fc.constantFrom('type', 'name', 'group', 'version', 'purl', 'bom-ref', 'hashes', 'properties', 'endpoints', 'data', 'x-trust-boundary', 'components', 'supplier', 'licenses', 'externalReferences'),
      fc.jsonValue(),
    );
    const doc = fc.record({ components: fc.array(node, { maxLength: 6 }), services: fc.array(node, { maxLength: 4 }), dependencies: fc.jsonValue(), metadata: fc.jsonValue() });
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const diff = diffSboms(a, b);
        expect(diff.summary.added + diff.summary.removed).toBeGreaterThanOrEqual(0);
        scoreSbom(a);
      }),
      { numRuns: 300 },
    );
  });
});
