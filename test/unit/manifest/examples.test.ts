import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { loadAgent, loadTrustPolicy, ManifestError, resolveAgent } from '../../../src/manifest/index.js';
import type { ApiDescriptor } from '../../../src/verify/types.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the example stacks', () => {
  describe.each([
    ['payments', 'high', 'agentcore', 365, 'initiate-transfer'],
    ['support-triage', 'low', 'lambda', 90, 'escalate-to-human'],
  ] as const)('when loading %s', (name, tier, runtime, retention, gatedTool) => {
    const agent = loadAgent(name, root);

    it('loads the manifest and the trust policy beside it', () => {
      expect(agent.location.manifestFile).toBe(path.join(root, 'stacks', name, 'agent.yaml'));
      expect(agent.manifest.manifest.name).toBe(name);
      expect(agent.manifest.manifest.riskTier).toBe(tier);
      expect(agent.manifest.manifest.identity).toEqual({ runtime, account: '111122223333', region: 'eu-west-1' });
      expect(agent.manifest.manifest.monitoring.logRetentionDays).toBe(retention);
      expect(agent.trustPolicy.file).toBe(path.join(root, 'stacks/trust-policy.yaml'));
    });

    it('gates its one high-risk tool behind approval', () => {
      const high = agent.manifest.manifest.tools.filter((tool) => tool.risk === 'high');
      expect(high.map((tool) => [tool.name, tool.approval])).toEqual([[gatedTool, 'required']]);
    });

    it('names only hosted models the trust policy allows', () => {
      const hosted = agent.manifest.manifest.models.flatMap((model) => (model.hosted === undefined ? [] : [model.hosted]));
      expect(hosted.length).toBe(1);
      for (const id of hosted) expect(agent.trustPolicy.policy.models.hosted).toContain(id);
    });

    it('ships API descriptors whose OpenAPI digest matches the document beside them', () => {
      for (const api of agent.manifest.manifest.apis) {
        const file = path.join(agent.location.stackDir, api.descriptor);
        const descriptor = JSON.parse(readFileSync(file, 'utf8')) as ApiDescriptor;
        expect(descriptor.schemaVersion).toBe('agentfence.api/v1');
        expect(descriptor.name).toBe(api.name);
        expect(new URL(descriptor.baseUrl).protocol).toBe('https:');
        expect(descriptor.hosts).toContain(new URL(descriptor.baseUrl).hostname);
        for (const c of api.dataClassifications) expect(descriptor.dataClassifications).toContain(c);
        const openapi = readFileSync(file.replace(/\.json$/, '.openapi.yaml'));
        expect(descriptor.openapi.digest).toBe(`sha256:${createHash('sha256').update(openapi).digest('hex')}`);
      }
    });
  });

  it('has a trust policy whose keys are real PEM public keys', () => {
    const policy = loadTrustPolicy(path.join(root, 'stacks/trust-policy.yaml')).policy;
    expect(policy.mode).toBe('enforce');
    expect(policy.models.authorities.map((a) => a.name)).toEqual(['acme-ml-release']);
    expect(policy.apis.authorities.map((a) => a.name)).toEqual(['acme-api-governance']);
  });
});

describe('loadAgent', () => {
  describe('when the agent cannot be found', () => {
    it('throws AGENT_NOT_FOUND as bad input', () => {
      expect(() => loadAgent('no-such-agent', root)).toThrow(expect.objectContaining({ code: 'AGENT_NOT_FOUND', kind: 'input' }) as Error);
    });
  });

  describe('when the stack has no trust policy beside it', () => {
    it('throws TRUST_POLICY_NOT_FOUND', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-agent-'));
      try {
        cpSync(path.join(root, 'test/fixtures/manifests/valid-minimal'), path.join(dir, 'stacks/fixture'), { recursive: true });
        expect(() => loadAgent(path.join(dir, 'stacks/fixture'), dir)).toThrow(ManifestError);
        try {
          loadAgent(path.join(dir, 'stacks/fixture'), dir);
        } catch (error) {
          expect((error as ManifestError).errors.map((e) => e.code)).toEqual(['TRUST_POLICY_NOT_FOUND']);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when the manifest names a signer the trust policy lacks', () => {
    it('throws UNKNOWN_AUTHORITY with the location in the manifest', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-agent-'));
      try {
        cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
        const file = path.join(dir, 'stacks/payments/agent.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('signedBy: acme-api-governance', 'signedBy: acme-ml-release'));
        const location = resolveAgent(file, dir);
        expect(location.name).toBe('payments');
        let caught: unknown;
        try {
          loadAgent(file, dir);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(InputError);
        expect((caught as ManifestError).errors.map((e) => `${e.code} ${e.path}`)).toEqual(['UNKNOWN_AUTHORITY apis[0].signedBy']);
        expect((caught as ManifestError).message).toContain('stacks/payments/agent.yaml:');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it.each([
      [
        'a mistyped image authority',
        'acme-release-engineerng',
        'known: acme-release-engineering; did you mean "acme-release-engineering"?)',
      ],
      ['an authority of another kind', 'acme-ml-release', 'known: acme-release-engineering)'],
    ])('refuses %s for runtimeImage.signedBy at its line, with the nearest images authority', (_label, signer, hint) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-agent-'));
      try {
        cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
        const file = path.join(dir, 'stacks/payments/agent.yaml');
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace('  signedBy: acme-release-engineering', `  signedBy: ${signer}`));
        const line = text.split('\n').findIndex((l) => l === '  signedBy: acme-release-engineering') + 1;
        let caught: unknown;
        try {
          loadAgent(file, dir);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(InputError);
        const errors = (caught as ManifestError).errors;
        expect(errors.map((e) => `${e.code} ${e.path} ${e.line}:${e.col}`)).toEqual([`UNKNOWN_AUTHORITY runtimeImage.signedBy ${line}:13`]);
        expect(errors[0]!.message).toBe(
          `runtimeImage.signedBy must name one of the trust policy's images authorities (got "${signer}"; ${hint}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses an image signer when the trust policy has no images section', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-agent-'));
      try {
        cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
        const policy = path.join(dir, 'stacks/trust-policy.yaml');
        writeFileSync(policy, readFileSync(policy, 'utf8').replace(/\nimages:\n(?: .*\n)*/, '\n'));
        let caught: unknown;
        try {
          loadAgent(path.join(dir, 'stacks/payments/agent.yaml'), dir);
        } catch (error) {
          caught = error;
        }
        expect((caught as ManifestError).errors.map((e) => e.message)).toEqual([
          `runtimeImage.signedBy must name one of the trust policy's images authorities (got "acme-release-engineering"; known: none)`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
