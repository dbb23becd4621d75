/**
 * The runtime image in the SBOM: its `pkg:oci` purl (checked against the purl spec's form and
 * parsed back by packageurl-js, the reference JavaScript implementation the CycloneDX library
 * itself uses), the `container` component built from the manifest and the verdict, and the fleet
 * view listing it per agent and in the where-used index.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import type { AgentManifest } from '../../../src/manifest/types.js';
import { buildSbom } from '../../../src/sbom/build.js';
import { renderFleetReport, usageIndex, type FleetAgent } from '../../../src/sbom/fleet.js';
import { ociPurl } from '../../../src/sbom/purl.js';
import { supplyChainRows } from '../../../src/sbom/report.js';
import { scoreSbom } from '../../../src/sbom/scorecard.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import { validateCycloneDx } from '../../../src/sbom/validate.js';
import { provenanceOf } from '../../../src/verify/image/verify.js';
import type { ArtifactResult } from '../../../src/verify/types.js';
import { inputFor, makeProject, manifest, verification } from './helpers.js';

type Json = Record<string, any>;

const HEX = '91ff9765061a3e27201aebf9cb80ccd3bc507768a723a0f816f05318e570e6ba';
const REGISTRY = '111122223333.dkr.ecr.eu-west-1.amazonaws.com';
const REF = `${REGISTRY}/agentfence/payments@sha256:${HEX}`;

describe('ociPurl', () => {
  it.each([
    [
      'an ECR repository',
      { registry: REGISTRY, repository: 'agentfence/payments', sha256: HEX },
      undefined,
      `pkg:oci/payments@sha256%3A${HEX}?repository_url=${REGISTRY}/agentfence/payments`,
    ],
    [
      'a tag, after repository_url (qualifiers sorted)',
      { registry: 'ghcr.io', repository: 'acme/agents/triage', sha256: HEX },
      'v1.2.0',
      `pkg:oci/triage@sha256%3A${HEX}?repository_url=ghcr.io/acme/agents/triage&tag=v1.2.0`,
    ],
    [
      'a registry with a port',
      { registry: 'localhost:5000', repository: 'demo', sha256: HEX },
      undefined,
      `pkg:oci/demo@sha256%3A${HEX}?repository_url=localhost:5000/demo`,
    ],
    [
      'an upper-case repository segment (name lowercased)',
      { registry: 'registry.example', repository: 'Team/MyImage', sha256: HEX },
      undefined,
      `pkg:oci/myimage@sha256%3A${HEX}?repository_url=registry.example/Team/MyImage`,
    ],
  ])('writes %s in the purl spec form', (_label, image, tag, expected) => {
    const purl = ociPurl(image, tag);
    expect(purl).toBe(expected);
    // the reference implementation reads back exactly the parts we meant
    const parsed = PackageURL.fromString(purl);
    expect(parsed.type).toBe('oci');
    expect(parsed.namespace ?? undefined).toBeUndefined();
    expect(parsed.name).toBe(image.repository.split('/').pop()!.toLowerCase());
    expect(parsed.version).toBe(`sha256:${HEX}`);
    expect(parsed.qualifiers).toEqual({ repository_url: `${image.registry}/${image.repository}`, ...(tag === undefined ? {} : { tag }) });
  });

  it('percent-encodes what a qualifier value cannot hold', () => {
    const purl = ociPurl({ registry: 'r.example', repository: 'a', sha256: HEX }, 'x&y=z');
    expect(purl).toContain('tag=x%26y%3Dz');
    expect(PackageURL.fromString(purl).qualifiers).toMatchObject({ tag: 'x&y=z' });
  });
});

describe('provenanceOf', () => {
  it.each([
    ['SLSA v1 with plain external parameters', { buildDefinition: { externalParameters: { repository: 'https://github.com/acme/pay', ref: 'refs/tags/v1' } }, runDetails: { builder: { id: 'https://b.example' } } }, { sourceRepository: 'https://github.com/acme/pay', sourceRef: 'refs/tags/v1', builder: 'https://b.example' }],
    ['SLSA v1 from GitHub Actions', { buildDefinition: { externalParameters: { workflow: { repository: 'https://github.com/acme/pay', ref: 'refs/heads/main', path: '.github/workflows/build.yml' } } } }, { sourceRepository: 'https://github.com/acme/pay', sourceRef: 'refs/heads/main' }],
    ['SLSA v0.2', { builder: { id: 'https://b.example/v0' }, invocation: { configSource: { uri: 'git+https://github.com/acme/pay@refs/heads/main' } } }, { sourceRepository: 'https://github.com/acme/pay', sourceRef: 'refs/heads/main', builder: 'https://b.example/v0' }],
    ['a predicate without build facts', { buildDefinition: { externalParameters: { repository: 42 } } }, {}],
    ['no predicate', null, {}],
  ])('reads %s', (_label, predicate, expected) => {
    expect(provenanceOf(predicate)).toEqual(expected);
  });
});

function imageManifest(image: Partial<NonNullable<AgentManifest['runtimeImage']>> = {}): AgentManifest {
  return manifest({ runtimeImage: { ref: REF, attestation: 'images/runtime.sigstore.json', signedBy: 'acme-release-engineering', license: 'Apache-2.0', ...image } });
}

function project(m: AgentManifest) {
  const p = makeProject(m);
  mkdirSync(path.join(p.stackDir, 'images'), { recursive: true });
  writeFileSync(path.join(p.stackDir, 'images/runtime.sigstore.json'), '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}\n');
  return p;
}

const verifiedImage: ArtifactResult = {
  kind: 'image',
  name: `${REGISTRY}/agentfence/payments`,
  version: `sha256:${HEX}`,
  status: 'verified',
  message: 'provenance signed',
  signer: { identity: 'key:6ff1', authority: 'acme-release-engineering' },
  digests: { sha256: HEX },
  details: { ref: REF, predicateType: 'https://slsa.dev/provenance/v1', sourceRepository: 'https://github.com/acme/payments-agent', sourceRef: 'refs/tags/v1.0.0', builder: 'https://acme.example/builder' },
};

function withImage(result: ArtifactResult = verifiedImage) {
  return verification({ results: [...verification().results, result] });
}

const container = (doc: Json): Json => (doc['components'] as Json[]).find((c) => c['type'] === 'container')!;
const propsOf = (node: Json): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const p of (node['properties'] ?? []) as { name: string; value: string }[]) (out[p.name] ??= []).push(p.value);
  return out;
};

describe('buildSbom with a runtime image', () => {
  describe('when its provenance verified', () => {
    it('is a container component with its purl, digest, supplier, signer and a dependency from the agent', async () => {
      const m = imageManifest({ tag: 'v1.0.0' });
      const { doc, json } = await buildSbom(inputFor(m, { verification: withImage() }, project(m)), SpecProfiles['1.6']);
      const c = container(doc);
      const purl = `pkg:oci/payments@sha256%3A${HEX}?repository_url=${REGISTRY}/agentfence/payments&tag=v1.0.0`;
      expect(c).toMatchObject({
        name: 'agentfence/payments',
        version: `sha256:${HEX}`,
        purl,
        'bom-ref': `pkg:oci/payments@sha256%3A${HEX}?repository_url=${REGISTRY}/agentfence/payments`,
        hashes: [{ alg: 'SHA-256', content: HEX }],
        licenses: [{ license: { id: 'Apache-2.0' } }],
        supplier: { name: 'payments-platform', contact: [{ email: 'payments-platform@example.com' }] },
      });
      const refs = Object.fromEntries((c['externalReferences'] as Json[]).map((r) => [r['type'], r]));
      expect(refs['distribution']).toMatchObject({ url: `https://${REGISTRY}/v2/agentfence/payments/manifests/sha256:${HEX}`, hashes: [{ alg: 'SHA-256', content: HEX }] });
      expect(refs['attestation']['url']).toBe('stacks/demo/images/runtime.sigstore.json');
      expect(refs['attestation']['hashes'][0]['alg']).toBe('SHA-256');
      expect(refs['vcs']).toMatchObject({ url: 'https://github.com/acme/payments-agent', comment: 'built from refs/tags/v1.0.0' });
      const p = propsOf(c);
      expect(p['agentfence:verification:status']).toEqual(['verified']);
      expect(p['agentfence:verification:authority']).toEqual(['acme-release-engineering']);
      expect(p['agentfence:verification:signer']).toEqual(['key:6ff1']);
      expect(p['agentfence:image:builder']).toEqual(['https://acme.example/builder']);
      expect(p['agentfence:image:tag']).toEqual(['v1.0.0']);
      const agentDeps = (doc['dependencies'] as Json[]).find((d) => d['ref'] === 'agent:demo')!;
      expect(agentDeps['dependsOn']).toContain(c['bom-ref']);
      expect(await validateCycloneDx(json, '1.6')).toEqual([]);
      // the container meets every minimum element it is in scope of
      const elements = scoreSbom(doc).elements.filter((e) => e.missing.includes('agentfence/payments'));
      expect(elements.map((e) => e.id)).toEqual([]);
    });

    it('validates at CycloneDX 1.7 too', async () => {
      const m = imageManifest();
      const { json } = await buildSbom(inputFor(m, { verification: withImage() }, project(m)), SpecProfiles['1.7']);
      expect(await validateCycloneDx(json, '1.7')).toEqual([]);
    });
  });

  describe('when its provenance is blocked', () => {
    it('records the verdict and takes no build facts from the unverified provenance', async () => {
      const m = imageManifest();
      const blocked: ArtifactResult = { ...verifiedImage, status: 'blocked', reason: 'DIGEST_MISMATCH', message: 'attestation names another digest' };
      const { doc } = await buildSbom(inputFor(m, { verification: withImage(blocked) }, project(m)), SpecProfiles['1.6']);
      const c = container(doc);
      expect(propsOf(c)['agentfence:verification:status']).toEqual(['blocked']);
      expect(propsOf(c)['agentfence:verification:reason']).toEqual(['DIGEST_MISMATCH']);
      expect(propsOf(c)['agentfence:image:builder']).toBeUndefined();
      expect((c['externalReferences'] as Json[]).map((r) => r['type'])).not.toContain('vcs');
    });
  });

  describe('when its attestation cannot be read', () => {
    it('says why and is not verified', async () => {
      const m = imageManifest({ attestation: 'images/missing.sigstore.json' });
      const { doc } = await buildSbom(inputFor(m, {}, project(m)), SpecProfiles['1.6']);
      const p = propsOf(container(doc));
      expect(p['agentfence:image:attestation-problem']).toEqual(['no attestation at stacks/demo/images/missing.sigstore.json']);
      expect(p['agentfence:verification:status']).toEqual(['not-verified']);
    });
  });

  it('has no container when the manifest pins no image', async () => {
    const { doc } = await buildSbom(inputFor(), SpecProfiles['1.6']);
    expect((doc['components'] as Json[]).filter((c) => c['type'] === 'container')).toEqual([]);
  });
});

describe('the fleet view with runtime images', () => {
  async function agent(name: string, hex: string): Promise<FleetAgent> {
    const ref = `${REGISTRY}/agentfence/${name}@sha256:${hex}`;
    const m = manifest({ name, runtimeImage: { ref, attestation: 'images/runtime.sigstore.json', license: 'Apache-2.0' } });
    const result: ArtifactResult = { ...verifiedImage, name: `${REGISTRY}/agentfence/${name}`, version: `sha256:${hex}`, digests: { sha256: hex } };
    const { doc } = await buildSbom(inputFor(m, { verification: withImage(result) }, project(m)), SpecProfiles['1.6']);
    return { name, verdict: 'pass', sbom: doc };
  }

  it("lists each agent's image instead of none, and indexes where each image is used", async () => {
    const agents = [await agent('alpha', 'a'.repeat(64)), await agent('beta', 'b'.repeat(64))];
    expect(supplyChainRows(agents[0]!.sbom!).filter((r) => r.kind === 'image')).toMatchObject([{ name: 'agentfence/alpha', version: `sha256:${'a'.repeat(64)}`, status: 'verified' }]);
    const images = usageIndex({ tool: { name: 'agentfence', version: '0' }, agents }).filter((e) => e.kind === 'image');
    expect(images.map((e) => [e.name, e.users.map((u) => `${u.agent}:${u.status}`)])).toEqual([
      ['agentfence/alpha', ['alpha:verified']],
      ['agentfence/beta', ['beta:verified']],
    ]);
    const html = renderFleetReport({ tool: { name: 'agentfence', version: '0' }, agents }).replace(/<wbr>/g, '');
    const alphaRow = html.split('<tr>').find((row) => row.startsWith('<th scope="row">alpha'))!;
    const cells = alphaRow.split('<td>');
    // Agent, Verdict, Models, Plugins, Images, APIs, Signers: the fifth cell is the image
    expect(cells[4]).toContain(`agentfence/alpha sha256:${'a'.repeat(64)}`);
    expect(cells[4]).not.toContain('none');
    expect(html).toContain('<td>image</td><th scope="row">agentfence/alpha</th>');
  });
});
