import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSbom } from '../../../src/sbom/build.js';
import { bomLink } from '../../../src/sbom/extras.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import { committedTimestamp, sbomTimestamp } from '../../../src/sbom/timestamp.js';
import { committedVcsBase } from '../../../src/sbom/vcs.js';
import { validateCycloneDx } from '../../../src/sbom/validate.js';
import type { ArtifactResult } from '../../../src/verify/types.js';
import { inputFor, makeProject, manifest, root, verification } from './helpers.js';

type Json = Record<string, any>;

const props = (node: Json): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const p of (node['properties'] ?? []) as { name: string; value: string }[]) (out[p.name] ??= []).push(p.value);
  return out;
};
const component = (doc: Json, name: string): Json => (doc['components'] as Json[]).find((c) => c['name'] === name)!;

/** buildSbom with its document typed for reading in tests. */
async function built(...args: Parameters<typeof buildSbom>): Promise<{ doc: Json; json: string }> {
  const b = await buildSbom(...args);
  return { doc: b.doc, json: b.json };
}

function withResult(result: ArtifactResult) {
  const base = verification();
  return verification({ results: [...base.results.filter((r) => !(r.kind === result.kind && r.name === result.name)), result] });
}

describe('buildSbom components', () => {
  describe('when a hosted model is allow-listed', () => {
    it.each([
      ['the old report form (status verified)', 'verified'],
      ['the new report form (status allow-listed)', 'allow-listed'],
    ])('records it as allow-listed, never verified, from %s', async (_label, status) => {
      const report = withResult({ kind: 'model', name: 'planner', status: status as never, message: 'hosted model is allow-listed', details: { hosted: 'x' } });
      const { doc } = await built(inputFor(undefined, { verification: report }), SpecProfiles['1.6']);
      const planner = component(doc, 'planner');
      expect(props(planner)['agentfence:verification:status']).toEqual(['allow-listed']);
      expect(planner).toMatchObject({ version: 'anthropic.claude-sonnet-4-5-20250929-v1:0', purl: 'pkg:generic/anthropic.claude-sonnet-4-5-20250929-v1%3A0' });
      // a signed local model that verified stays verified
      expect(props(component(doc, 'fraud-scorer'))['agentfence:verification:status']).toEqual(['verified']);
    });

    it.each(['blocked', 'warned'])('keeps a %s hosted model as it is', async (status) => {
      const report = withResult({ kind: 'model', name: 'planner', status: status as never, reason: 'POLICY_DENIED', message: 'not allow-listed' });
      const { doc } = await built(inputFor(undefined, { verification: report }), SpecProfiles['1.6']);
      expect(props(component(doc, 'planner'))['agentfence:verification:status']).toEqual([status]);
    });
  });

  describe('when the verifier ignored paths of a model', () => {
    it('lists each as agentfence:model:ignored-path, beside the manifest patterns', async () => {
      const m = manifest({ models: [{ ...manifest().models[0]!, ignorePaths: ['ignore-me'] }] });
      const report = withResult({ kind: 'model', name: 'fraud-scorer', status: 'verified', message: 'ok', details: { ignoredPaths: ['ignore-me', '.git', 42] } });
      const { doc } = await built(inputFor(m, { verification: report }), SpecProfiles['1.6']);
      const p = props(component(doc, 'fraud-scorer'));
      expect(p['agentfence:model:ignore-path']).toEqual(['ignore-me']);
      expect(p['agentfence:model:ignored-path']).toEqual(['.git', 'ignore-me']);
    });
    it('lists none when the details carry no list', async () => {
      const report = withResult({ kind: 'model', name: 'fraud-scorer', status: 'verified', message: 'ok', details: { ignoredPaths: 'ignore-me' } });
      const { doc } = await built(inputFor(undefined, { verification: report }), SpecProfiles['1.6']);
      expect(props(component(doc, 'fraud-scorer'))['agentfence:model:ignored-path']).toBeUndefined();
    });
  });

  describe('when the agent declares tools', () => {
    it('writes one property per grant, so a query can select by action, resource, risk or approval', async () => {
      const { doc } = await built(inputFor(), SpecProfiles['1.6']);
      const p = props(doc['metadata']['component']);
      expect(p['agentfence:tool']).toEqual(['initiate-transfer']);
      expect(p['agentfence:tool:initiate-transfer:risk']).toEqual(['high']);
      expect(p['agentfence:tool:initiate-transfer:approval']).toEqual(['required']);
      expect(p['agentfence:tool:initiate-transfer:action']).toEqual(['lambda:InvokeFunction']);
      expect(p['agentfence:tool:initiate-transfer:resource']).toEqual(['arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer']);
      expect(Object.values(p).flat().some((v) => v.includes('risk='))).toBe(false);
    });
  });

  describe('when the manifest carries a model card', () => {
    const card = {
      url: 'https://models.example.com/fraud-scorer/card',
      approach: 'supervised' as const,
      architectureFamily: 'multi-layer perceptron',
      datasets: [{ name: 'payments-2025', url: 'https://data.example.com/p25', classification: 'confidential' as const }],
      inputs: ['application/json'],
      outputs: ['application/json'],
      performanceMetrics: [{ type: 'AUC', value: '0.9', slice: 'holdout' }],
      limitations: ['euro payments only'],
      ethicalConsiderations: [{ name: 'false positives delay payments', mitigationStrategy: 'human approval' }],
      users: ['payments reviewers'],
    };
    it.each(['1.6', '1.7'] as const)('writes every field as CycloneDX %s modelCard and links the published card', async (version) => {
      const m = manifest({ models: [{ ...manifest().models[0]!, card }] });
      const built = await buildSbom(inputFor(m), SpecProfiles[version]);
      expect(await validateCycloneDx(built.json, version)).toEqual([]);
      const model = component(built.doc, 'fraud-scorer');
      expect(model['modelCard']).toEqual({
        modelParameters: {
          approach: { type: 'supervised' },
          task: 'tabular-classification',
          architectureFamily: 'multi-layer perceptron',
          datasets: [{ type: 'dataset', name: 'payments-2025', contents: { url: 'https://data.example.com/p25' }, classification: 'confidential' }],
          inputs: [{ format: 'application/json' }],
          outputs: [{ format: 'application/json' }],
        },
        quantitativeAnalysis: { performanceMetrics: [{ type: 'AUC', value: '0.9', slice: 'holdout' }] },
        considerations: {
          users: ['payments reviewers'],
          useCases: ['reconcile ledger', 'initiate transfers only after human approval'],
          technicalLimitations: ['euro payments only'],
          ethicalConsiderations: [{ name: 'false positives delay payments', mitigationStrategy: 'human approval' }],
        },
      });
      expect(model['externalReferences']).toContainEqual(expect.objectContaining({ type: 'model-card', url: card.url }));
    });
    it('writes no modelCard fields the manifest does not state', async () => {
      const { doc } = await built(inputFor(), SpecProfiles['1.6']);
      expect(Object.keys(component(doc, 'fraud-scorer')['modelCard'])).toEqual(['modelParameters', 'considerations']);
      expect(component(doc, 'fraud-scorer')['externalReferences'].some((e: Json) => e['type'] === 'model-card')).toBe(false);
      expect(component(doc, 'planner')['modelCard']).toEqual({ considerations: { useCases: ['reconcile ledger', 'initiate transfers only after human approval'] } });
    });
  });

  describe('when the signed model folder ships a README.md', () => {
    it('links it as the model card, with the digest the signature covers', async () => {
      const { doc } = await buildSbom(inputFor(), SpecProfiles['1.6']);
      expect(component(doc, 'fraud-scorer')['externalReferences'].some((e: Json) => e['type'] === 'model-card')).toBe(false);
      // the example model's signature lists its README.md
      const project = makeProject();
      const example = path.join(root, 'stacks/payments/models/fraud-scorer');
      for (const file of ['README.md', 'config.json', 'model.safetensors', 'model.sig']) copyFileSync(path.join(example, file), path.join(project.stackDir, 'models/fraud-scorer', file));
      const built = await buildSbom(inputFor(manifest(), {}, project), SpecProfiles['1.6']);
      expect(component(built.doc, 'fraud-scorer')['externalReferences']).toContainEqual(
        expect.objectContaining({ type: 'model-card', url: 'stacks/demo/models/fraud-scorer/README.md', hashes: [{ alg: 'SHA-256', content: expect.stringMatching(/^[0-9a-f]{64}$/) }] }),
      );
    });
  });

  describe('when a repository URL is given', () => {
    it('resolves every project file outside the repository: VCS base plus path', async () => {
      const input = { ...inputFor(), repositoryUrl: 'https://github.com/acme/agents/blob/HEAD/' };
      const built = await buildSbom(input, SpecProfiles['1.6']);
      const urls = [...(built.doc['components'] as Json[]), ...(built.doc['services'] as Json[])].flatMap((n) => (n['externalReferences'] ?? []).map((e: Json) => e['url'] as string));
      expect(urls).toContain('https://github.com/acme/agents/blob/HEAD/stacks/demo/models/fraud-scorer/model.sig');
      expect(urls).toContain('https://github.com/acme/agents/blob/HEAD/stacks/demo/apis/payments-gateway.json');
      expect(urls.every((u) => URL.canParse(u))).toBe(true);
      // the document says how its references resolve, and a check can read the base back
      expect(props(built.doc['metadata'] as Json)['agentfence:external-references']).toEqual(['absolute']);
      expect(props(built.doc['metadata'] as Json)['agentfence:external-references:base']).toEqual(['https://github.com/acme/agents/blob/HEAD/']);
      expect(committedVcsBase(built.json)).toBe('https://github.com/acme/agents/blob/HEAD/');
    });
    it('leaves them relative when none is given, and says so', async () => {
      const built = await buildSbom(inputFor(), SpecProfiles['1.6']);
      expect(component(built.doc, 'fraud-scorer')['externalReferences'][0]['url']).toBe('stacks/demo/models/fraud-scorer/model.sig');
      const meta = props(built.doc['metadata'] as Json);
      expect(meta['agentfence:external-references']).toEqual(['relative']);
      expect(meta['agentfence:external-references:base']).toBeUndefined();
      expect(meta['agentfence:external-references:note']).toEqual(['no VCS base was given: file references are paths relative to the repository root']);
      expect(committedVcsBase(built.json)).toBeNull();
    });
    it.each([
      ['not JSON', '{'],
      ['without metadata properties', '{"metadata":{}}'],
      ['an absolute mode without a URL', '{"metadata":{"properties":[{"name":"agentfence:external-references","value":"absolute"}]}}'],
    ])('reads no recorded base from a document %s', (_label, text) => {
      expect(committedVcsBase(text)).toBeUndefined();
    });
  });

  describe('when the agent sends data to an API', () => {
    it('names each flow\'s source (the agent) and destination (the API) by BOM-Links into this document', async () => {
      const { doc } = await built(inputFor(), SpecProfiles['1.6']);
      const [flow] = doc['services'][0]['data'] as Json[];
      const serial = doc['serialNumber'] as string;
      expect(flow).toMatchObject({ flow: 'outbound', source: [bomLink(serial, 1, 'agent:demo')], destination: [bomLink(serial, 1, 'api:payments-gateway')] });
      const refs = new Set([doc['metadata']['component']['bom-ref'], ...(doc['services'] as Json[]).map((s) => s['bom-ref'])]);
      for (const link of [...flow!['source'], ...flow!['destination']]) {
        expect(link.startsWith(serial.replace('urn:uuid:', 'urn:cdx:'))).toBe(true);
        expect(refs.has(decodeURIComponent(link.split('#')[1]))).toBe(true);
      }
    });
  });

  describe('when a plugin tarball is vendored', () => {
    function projectWithTarball(tamper: boolean) {
      const project = makeProject();
      const dir = path.join(project.stackDir, 'attestations/@acme');
      mkdirSync(dir, { recursive: true });
      rmSync(path.join(project.stackDir, 'attestations/%40acme%2Fledger-mcp@2.1.3.json'));
      const example = path.join(root, 'stacks/payments/attestations/@acme');
      copyFileSync(path.join(example, 'ledger-mcp@2.1.3.json'), path.join(dir, 'ledger-mcp@2.1.3.json'));
      copyFileSync(path.join(example, 'ledger-mcp@2.1.3.tgz'), path.join(dir, 'ledger-mcp@2.1.3.tgz'));
      if (tamper) writeFileSync(path.join(dir, 'ledger-mcp@2.1.3.tgz'), 'other bytes');
      return project;
    }
    it('takes licence and supplier from its package.json and points the distribution reference at it', async () => {
      const { doc } = await built(inputFor(manifest(), {}, projectWithTarball(false)), SpecProfiles['1.6']);
      const plugin = component(doc, 'ledger-mcp');
      expect(plugin['licenses']).toEqual([{ license: { id: 'Apache-2.0', acknowledgement: 'declared' } }]);
      expect(plugin['supplier']).toEqual({ name: 'acme', url: ['https://github.com/acme'] });
      expect(plugin['externalReferences']).toContainEqual(expect.objectContaining({ type: 'distribution', url: 'stacks/demo/attestations/@acme/ledger-mcp@2.1.3.tgz' }));
      expect(props(plugin)).toMatchObject({ 'agentfence:plugin:metadata-source': ['tarball'], 'agentfence:plugin:supplier-source': ['repository'] });
    });
    it('takes nothing from a tarball whose digest is not the signed integrity, and says why', async () => {
      const { doc } = await built(inputFor(manifest(), {}, projectWithTarball(true)), SpecProfiles['1.6']);
      const plugin = component(doc, 'ledger-mcp');
      expect(plugin['licenses']).toBeUndefined();
      expect(plugin['supplier']).toBeUndefined();
      expect(props(plugin)['agentfence:plugin:metadata-problem']?.[0]).toMatch(/tarball sha512 must be/);
    });
  });
});

describe('sbomTimestamp', () => {
  const now = new Date('2026-12-01T10:11:12.345Z');
  it.each([
    [undefined, '2026-12-01T10:11:12Z'],
    ['', '2026-12-01T10:11:12Z'],
    ['0', '1970-01-01T00:00:00Z'],
    ['1764633600', '2025-12-02T00:00:00Z'],
    ['253402300799', '9999-12-31T23:59:59Z'],
  ])('SOURCE_DATE_EPOCH=%j gives %s', (epoch, expected) => {
    expect(sbomTimestamp(epoch, now)).toBe(expected);
  });
  it.each(['253402300800', '-1', '1.5', '1e9', 'yesterday', '0x10', '9999999999999'])('refuses SOURCE_DATE_EPOCH=%j as CLI_USAGE', (epoch) => {
    expect(() => sbomTimestamp(epoch, now)).toThrow(expect.objectContaining({ code: 'CLI_USAGE', kind: 'input' }));
  });
});

describe('committedTimestamp', () => {
  it.each([
    ['{"metadata":{"timestamp":"2026-01-01T00:00:00Z"}}', '2026-01-01T00:00:00Z'],
    ['{"metadata":{}}', undefined],
    ['{"metadata":{"timestamp":"not a date"}}', undefined],
    ['{"metadata":{"timestamp":5}}', undefined],
    ['null', undefined],
    ['not json', undefined],
  ])('%s -> %j', (text, expected) => {
    expect(committedTimestamp(text)).toBe(expected);
  });
});
