import { describe, expect, it } from 'vitest';
import { buildSbom, NOT_VERIFIED } from '../../../src/sbom/build.js';
import { SpecProfiles, toSpecProfile } from '../../../src/sbom/spec.js';
import { validateCycloneDx } from '../../../src/sbom/validate.js';
import { inputFor, INTEGRITY, makeProject, manifest, verification } from './helpers.js';

type Json = Record<string, any>;

const props = (node: Json): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const p of (node['properties'] ?? []) as { name: string; value: string }[]) (out[p.name] ??= []).push(p.value);
  return out;
};

describe('buildSbom', () => {
  describe.each(['1.6', '1.7'] as const)('when built at CycloneDX %s', (version) => {
    it('passes the strict schema and the integrity checks', async () => {
      const built = await buildSbom(inputFor(undefined, { verification: verification() }), SpecProfiles[version]);
      expect(built.doc['specVersion']).toBe(version);
      expect(await validateCycloneDx(built.json, version)).toEqual([]);
    });
  });

  describe('when built at 1.7', () => {
    it('puts the verification status on each attestation reference, which 1.6 cannot hold', async () => {
      const input = inputFor(undefined, { verification: verification() });
      const at17 = (await buildSbom(input, SpecProfiles['1.7'])).doc;
      const at16 = (await buildSbom(input, SpecProfiles['1.6'])).doc;
      const attestation = (doc: Json) =>
        (doc['components'] as Json[]).find((c) => c['name'] === 'fraud-scorer')!['externalReferences'].find((e: Json) => e['type'] === 'attestation');
      expect(attestation(at17)['properties']).toEqual([{ name: 'agentfence:verification:status', value: 'verified' }]);
      expect(attestation(at16)['properties']).toBeUndefined();
    });
  });

  describe('when the output would not validate', () => {
    it('throws SBOM_INVALID_OUTPUT and returns nothing', async () => {
      // the manifest schema's email format is looser than CycloneDX's idn-email
      const input = inputFor(manifest({ owner: { team: 'payments-platform', email: 'a@b.c' } }));
      await expect(buildSbom(input, SpecProfiles['1.6'])).rejects.toMatchObject({ code: 'SBOM_INVALID_OUTPUT', kind: 'config' });
    });
  });

  describe('when a plugins lockfile is missing', () => {
    it('throws LOCKFILE_MISSING', () => {
      expect(() => inputFor(manifest({ plugins: [{ lockfile: 'nope/package-lock.json' }] }))).toThrow(
        expect.objectContaining({ code: 'LOCKFILE_MISSING', kind: 'input' }),
      );
    });
  });

  describe('when built twice from the same inputs', () => {
    it('is byte-identical and its serial number derives from the content', async () => {
      const project = makeProject();
      const a = await buildSbom(inputFor(manifest(), {}, project), SpecProfiles['1.6']);
      const b = await buildSbom(inputFor(manifest(), {}, project), SpecProfiles['1.6']);
      expect(a.json).toBe(b.json);
      expect(a.doc['serialNumber']).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const other = await buildSbom(inputFor(manifest({ riskTier: 'low' }), {}, project), SpecProfiles['1.6']);
      expect(other.doc['serialNumber']).not.toBe(a.doc['serialNumber']);
      expect(a.json).not.toContain('"timestamp"');
    });
  });

  describe('when a timestamp is asked for', () => {
    it('writes metadata.timestamp', async () => {
      const built = await buildSbom(inputFor(undefined, { timestamp: '2026-11-25T12:00:00Z' }), SpecProfiles['1.6']);
      expect((built.doc['metadata'] as Json)['timestamp']).toBe('2026-11-25T12:00:00.000Z');
    });
  });

  describe('when the agent has models, plugins, APIs and stores', () => {
    it('records every element a reviewer needs', async () => {
      const { doc } = await buildSbom(inputFor(undefined, { verification: verification() }), SpecProfiles['1.6']);
      const metadata = doc['metadata'] as Json;
      expect(metadata['component']).toMatchObject({ type: 'application', name: 'demo', 'bom-ref': 'agent:demo' });
      expect(props(metadata['component'])).toMatchObject({ 'agentfence:risk-tier': ['high'], 'agentfence:autonomy': ['supervised'], 'agentfence:owner:team': ['payments-platform'] });
      expect(metadata['tools'].components.map((t: Json) => t['name']).sort()).toEqual(['agentfence', 'cyclonedx-library']);
      expect(metadata['lifecycles']).toContainEqual({ phase: 'pre-build' });
      expect(metadata['manufacturer']).toMatchObject({ name: 'payments-platform' });

      const components = doc['components'] as Json[];
      const model = components.find((c) => c['name'] === 'fraud-scorer')!;
      expect(model['type']).toBe('machine-learning-model');
      expect(model['bom-ref']).toMatch(/^model:fraud-scorer@sha256:[0-9a-f]{64}$/);
      expect(model['hashes']).toEqual([{ alg: 'SHA-256', content: model['bom-ref'].split('sha256:')[1] }]);
      expect(model['modelCard'].modelParameters.task).toBe('tabular-classification');
      expect(model['externalReferences']).toContainEqual(
        expect.objectContaining({ type: 'attestation', url: 'stacks/demo/models/fraud-scorer/model.sig', hashes: [expect.objectContaining({ alg: 'SHA-256' })] }),
      );
      expect(model['components'].map((f: Json) => f['name'])).toEqual(['signme-1', 'signme-2']);
      expect(props(model)['agentfence:verification:signer']).toEqual(['stefanb@us.ibm.com']);
      expect(props(model)['agentfence:verification:tlog-index']).toEqual(['123456']);
      expect(props(model)['agentfence:verification:trusted-root']).toEqual([`sha256:${'cd'.repeat(32)}`]);

      const hosted = components.find((c) => c['name'] === 'planner')!;
      expect(hosted['type']).toBe('machine-learning-model');
      expect(props(hosted)['agentfence:verification:status']).toEqual([NOT_VERIFIED]);

      const plugin = components.find((c) => c['name'] === 'ledger-mcp')!;
      expect(plugin).toMatchObject({ type: 'library', group: '@acme', version: '2.1.3', purl: 'pkg:npm/%40acme/ledger-mcp@2.1.3', 'bom-ref': 'pkg:npm/%40acme/ledger-mcp@2.1.3' });
      expect(plugin['hashes']).toEqual([{ alg: 'SHA-512', content: Buffer.from(INTEGRITY.slice(7), 'base64').toString('hex') }]);
      expect(plugin['externalReferences']).toContainEqual(expect.objectContaining({ type: 'vcs', url: 'https://github.com/acme/ledger-mcp' }));
      expect(props(plugin)['agentfence:verification:source-repository']).toEqual(['https://github.com/acme/ledger-mcp']);

      const stores = components.filter((c) => c['type'] === 'data');
      expect(stores.map((s) => s['data'][0].classification).sort()).toEqual(['confidential', 'restricted']);

      const [service] = doc['services'] as Json[];
      expect(service).toMatchObject({
        'bom-ref': 'api:payments-gateway',
        provider: { name: 'Acme Payments Ltd' },
        endpoints: ['https://api.acmepay.example', 'https://api.acmepay.example/v2', 'https://auth.acmepay.example'],
        authenticated: true,
        'x-trust-boundary': true,
        trustZone: 'third-party:Acme Payments Ltd',
        data: [{ flow: 'outbound', classification: 'confidential' }],
      });
      expect(props(service!)).toMatchObject({ 'agentfence:verification:status': ['blocked'], 'agentfence:verification:reason': ['EXPIRED'] });

      const deps = doc['dependencies'] as Json[];
      const root = deps.find((d) => d['ref'] === 'agent:demo')!;
      expect([...root['dependsOn']].sort()).toEqual(
        [...components.map((c) => c['bom-ref']), 'api:payments-gateway'].sort(),
      );
      expect(deps.every((d) => Array.isArray(d['dependsOn']))).toBe(true);
    });
  });

  describe('when nothing was verified', () => {
    it('marks every model, plugin and API not-verified', async () => {
      const { doc } = await buildSbom(inputFor(), SpecProfiles['1.6']);
      const nodes = [...(doc['components'] as Json[]).filter((c) => c['type'] !== 'data'), ...(doc['services'] as Json[])];
      expect(nodes).toHaveLength(4);
      for (const node of nodes) expect(props(node)['agentfence:verification:status']).toEqual([NOT_VERIFIED]);
      expect(props(doc['metadata'] as Json)['agentfence:verification:source']).toEqual(['none']);
    });
  });

  describe('when a model signature is missing or a descriptor is unreadable', () => {
    it('records the problem instead of guessing digests or endpoints', async () => {
      const project = makeProject();
      const { rmSync, writeFileSync } = await import('node:fs');
      rmSync(`${project.stackDir}/models/fraud-scorer/model.sig`);
      writeFileSync(`${project.stackDir}/apis/payments-gateway.json`, '{"name": 1}');
      const { doc } = await buildSbom(inputFor(manifest(), {}, project), SpecProfiles['1.6']);
      const model = (doc['components'] as Json[]).find((c) => c['name'] === 'fraud-scorer')!;
      expect(model['bom-ref']).toBe('model:fraud-scorer@unsigned');
      expect(model['hashes']).toBeUndefined();
      expect(props(model)['agentfence:model:signature-problem']?.[0]).toContain('no signature at stacks/demo/models/fraud-scorer/model.sig');
      const [service] = doc['services'] as Json[];
      expect(service!['endpoints']).toBeUndefined();
      expect(service!['x-trust-boundary']).toBe(true);
    });
  });
});

describe('toSpecProfile', () => {
  it.each(['1.5', '1.4', '2.0', '', 1.6, undefined])('refuses %j with SBOM_SPEC_UNSUPPORTED', (value) => {
    expect(() => toSpecProfile(value)).toThrow(expect.objectContaining({ code: 'SBOM_SPEC_UNSUPPORTED', kind: 'input' }));
  });
  it.each(['1.6', '1.7'])('accepts %s', (value) => {
    expect(toSpecProfile(value).version).toBe(value);
  });
});
