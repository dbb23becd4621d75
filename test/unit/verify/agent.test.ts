import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAgent } from '../../../src/manifest/load.js';
import { verifyAgent } from '../../../src/verify/agent.js';
import type { ArtifactResult, VerificationReport } from '../../../src/verify/types.js';

const root = path.resolve(import.meta.dirname, '../../..');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project with a copy of the example stacks, changed by `edit`. */
function project(edit: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-verify-'));
  temps.push(dir);
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  edit(dir);
  return dir;
}

function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

async function verify(dir: string, agent: string): Promise<VerificationReport> {
  return verifyAgent(loadAgent(agent, dir), { workers: 1 });
}

const byName = (report: VerificationReport, name: string): ArtifactResult => {
  const found = report.results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
};

describe('verifyAgent', () => {
  describe('when every artifact of the example stacks is signed by the trust policy', () => {
    it.each([
      ['payments', ['api.payments-gateway.example', 'auth.payments-gateway.example'], '@acme/ledger-mcp'],
      ['support-triage', ['api.helpdesk.example'], '@acme/helpdesk-mcp'],
    ])('%s verifies every model, plugin, API and image', async (agent, hosts, plugin) => {
      const report = await verify(root, agent);
      expect(report.schemaVersion).toBe('agentfence.verification/v2');
      // The hosted model is trusted by name only: allow-listed, not verified.
      expect(report.results.map((r) => [r.kind, r.status])).toEqual([
        ['model', 'verified'],
        ['model', 'allow-listed'],
        ['plugin', 'verified'],
        ['api', 'verified'],
        ['image', 'verified'],
      ]);
      expect(report.summary).toEqual({ verified: 4, allowListed: 1, blocked: 0, warned: 0 });
      expect(report.trustPolicyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      // Every file the verification read is recorded: manifest, trust policy and its keys, signatures, descriptors, evidence.
      const files = report.files.map((f) => f.path);
      expect(files).toEqual(
        expect.arrayContaining([
          `stacks/${agent}/agent.yaml`,
          'stacks/trust-policy.yaml',
          `stacks/${agent}/models/${agent === 'payments' ? 'fraud-scorer' : 'ticket-classifier'}/model.sig`,
        ]),
      );
      expect(files.some((f) => f.startsWith('stacks/keys/'))).toBe(true);
      // Every authority's key, the image builder's included: a rotated key makes the report stale.
      expect(files).toContain('stacks/keys/acme-release-engineering.pub.pem');
      expect(files.some((f) => f.includes('/attestations/'))).toBe(true);
      expect(files.some((f) => f.endsWith('.sigstore.json'))).toBe(true);
      expect(report.verifiedHosts).toEqual(hosts);
      expect(report.manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const pluginResult = byName(report, plugin);
      expect(pluginResult.signer?.authority).toBe('acme-plugin-ci');
      expect(pluginResult.signer?.extensions?.['sourceRepositoryURI']).toBe(`https://github.com/acme/${plugin.split('/')[1]}`);
      expect(pluginResult.digests?.['sha512']).toMatch(/^[0-9a-f]{128}$/);
    });
  });

  describe('when an artifact does not verify', () => {
    const payments = (dir: string) => path.join(dir, 'stacks/payments');
    it.each<[string, (dir: string) => void, string, string]>([
      [
        'a model byte changed',
        (dir) => writeFileSync(path.join(payments(dir), 'models/fraud-scorer/config.json'), '{"tampered":true}\n'),
        'fraud-scorer',
        'TAMPERED',
      ],
      [
        'the model signature removed',
        (dir) => rmSync(path.join(payments(dir), 'models/fraud-scorer/model.sig')),
        'fraud-scorer',
        'UNSIGNED',
      ],
      [
        'a hosted model not allow-listed',
        (dir) =>
          replaceIn(
            path.join(payments(dir), 'agent.yaml'),
            'hosted: anthropic.claude-sonnet-4-5-20250929-v1:0',
            'hosted: acme.unknown-model-v1',
          ),
        'planner',
        'POLICY_DENIED',
      ],
      [
        'the plugin attestations removed',
        (dir) => rmSync(path.join(payments(dir), 'attestations/@acme'), { recursive: true }),
        '@acme/ledger-mcp',
        'UNSIGNED',
      ],
      [
        'the plugin range excludes the vendored version',
        (dir) => replaceIn(path.join(payments(dir), 'agent.yaml'), 'version: ^2.1.0', 'version: ^3.0.0'),
        '@acme/ledger-mcp',
        'VERSION_MISMATCH',
      ],
      [
        'the plugin integrity changed in the vendored file',
        (dir) => {
          const file = path.join(payments(dir), 'attestations/@acme/ledger-mcp@2.1.3.json');
          const doc = JSON.parse(readFileSync(file, 'utf8')) as { integrity: string };
          doc.integrity = `sha512-${Buffer.alloc(64, 1).toString('base64')}`;
          writeFileSync(file, JSON.stringify(doc));
        },
        '@acme/ledger-mcp',
        'SIGNATURE_INVALID',
      ],
      [
        'the plugin provenance signed by a workflow the policy does not trust',
        (dir) => replaceIn(path.join(dir, 'stacks/trust-policy.yaml'), 'release\\.yml@refs/tags', 'publish\\.yml@refs/tags'),
        '@acme/ledger-mcp',
        'UNTRUSTED_SIGNER',
      ],
      [
        'the trust policy pins the plugin to another repository of the organisation',
        (dir) =>
          replaceIn(
            path.join(dir, 'stacks/trust-policy.yaml'),
            '"@acme/ledger-mcp": https://github.com/acme/ledger-mcp',
            '"@acme/ledger-mcp": https://github.com/acme/helpdesk-mcp',
          ),
        '@acme/ledger-mcp',
        'UNTRUSTED_SIGNER',
      ],
      [
        'no repository pinned for the plugin',
        (dir) => replaceIn(path.join(dir, 'stacks/trust-policy.yaml'), '    "@acme/ledger-mcp": https://github.com/acme/ledger-mcp\n', ''),
        '@acme/ledger-mcp',
        'UNTRUSTED_SIGNER',
      ],
      [
        'the manifest pins another repository than the trust policy',
        (dir) =>
          replaceIn(
            path.join(payments(dir), 'agent.yaml'),
            '    version: ^2.1.0\n',
            '    version: ^2.1.0\n    sourceRepository: https://github.com/acme/ledger-mcp-fork\n',
          ),
        '@acme/ledger-mcp',
        'UNTRUSTED_SIGNER',
      ],
      [
        'the API signature removed',
        (dir) => rmSync(path.join(payments(dir), 'apis/payments-gateway.sigstore.json')),
        'payments-gateway',
        'UNSIGNED',
      ],
      [
        'the API descriptor edited',
        (dir) =>
          replaceIn(
            path.join(payments(dir), 'apis/payments-gateway.json'),
            '"owner": "api-governance@example.com"',
            '"owner": "someone@example.com"',
          ),
        'payments-gateway',
        'DIGEST_MISMATCH',
      ],
      [
        'an oversized API descriptor',
        (dir) => writeFileSync(path.join(payments(dir), 'apis/payments-gateway.json'), `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`),
        'payments-gateway',
        'MALFORMED_BUNDLE',
      ],
      [
        'the agent sends restricted data to the API',
        (dir) =>
          replaceIn(
            path.join(payments(dir), 'agent.yaml'),
            'dataClassifications: [confidential]',
            'dataClassifications: [confidential, restricted]',
          ),
        'payments-gateway',
        'CLASSIFICATION_DENIED',
      ],
      [
        'the API signed by a key the policy does not name',
        (dir) =>
          replaceIn(
            path.join(dir, 'stacks/trust-policy.yaml'),
            'publicKey: keys/acme-api-governance.pub.pem',
            'publicKey: keys/acme-ml-release.pub.pem',
          ),
        'payments-gateway',
        'UNTRUSTED_SIGNER',
      ],
    ])('%s -> blocked', async (_name, edit, artifact, reason) => {
      const report = await verify(project(edit), 'payments');
      const result = byName(report, artifact);
      expect(result).toMatchObject({ status: 'blocked', reason });
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.expected).toMatch(
        reason === 'VERSION_MISMATCH' ? /^\^3\.0\.0$/ : reason === 'POLICY_DENIED' ? /^anthropic\./ : /^acme-[a-z-]+$/,
      );
      expect(report.summary.blocked).toBe(1);
      expect(report.results.filter((r) => r.name !== artifact).every((r) => r.status === 'verified' || r.status === 'allow-listed')).toBe(
        true,
      );
    });
    it('keeps an unverified API out of the verified hosts', async () => {
      const report = await verify(
        project((dir) => rmSync(path.join(dir, 'stacks/payments/apis/payments-gateway.sigstore.json'))),
        'payments',
      );
      expect(report.verifiedHosts).toEqual([]);
    });
  });

  describe('when the trust policy is in warn mode', () => {
    const warnProject = (riskTier: string) =>
      project((d) => {
        replaceIn(path.join(d, 'stacks/trust-policy.yaml'), 'mode: enforce', 'mode: warn');
        if (riskTier !== 'high') replaceIn(path.join(d, 'stacks/payments/agent.yaml'), 'riskTier: high', `riskTier: ${riskTier}`);
        rmSync(path.join(d, 'stacks/payments/attestations/@acme'), { recursive: true });
      });

    it('reports failures of a low-risk agent as warned, not blocked', async () => {
      const report = await verify(warnProject('low'), 'payments');
      expect(report.mode).toBe('warn');
      expect(byName(report, '@acme/ledger-mcp')).toMatchObject({ status: 'warned', reason: 'UNSIGNED' });
      expect(report.summary).toEqual({ verified: 3, allowListed: 1, blocked: 0, warned: 1 });
    });

    it('never applies to a high-risk agent: its failures are blocked, and a note says why', async () => {
      const report = await verify(warnProject('high'), 'payments');
      expect(report.mode).toBe('enforce');
      expect(byName(report, '@acme/ledger-mcp')).toMatchObject({ status: 'blocked', reason: 'UNSIGNED' });
      expect(report.summary).toEqual({ verified: 3, allowListed: 1, blocked: 1, warned: 0 });
      expect(report.notes).toContain('trust policy mode warn does not apply to high-risk agent payments: enforced');
    });
  });

  describe('when the trust policy does not require provenance', () => {
    const withoutProvenance = (signedBy: boolean) =>
      project((d) => {
        replaceIn(path.join(d, 'stacks/trust-policy.yaml'), 'requireProvenance: true', 'requireProvenance: false');
        const file = path.join(d, 'stacks/payments/attestations/@acme/ledger-mcp@2.1.3.json');
        const doc = JSON.parse(readFileSync(file, 'utf8')) as { attestations: { attestations: { predicateType: string }[] } };
        doc.attestations.attestations = doc.attestations.attestations.filter((a) => !a.predicateType.startsWith('https://slsa.dev/'));
        writeFileSync(file, JSON.stringify(doc));
        if (signedBy)
          replaceIn(
            path.join(d, 'stacks/payments/agent.yaml'),
            '    version: ^2.1.0\n',
            '    version: ^2.1.0\n    signedBy: acme-plugin-ci\n',
          );
      });
    it('verifies a plugin with only the registry signature and publish attestation', async () => {
      expect(byName(await verify(withoutProvenance(false), 'payments'), '@acme/ledger-mcp')).toMatchObject({ status: 'verified' });
    });
    it('still blocks a plugin whose manifest names a signedBy authority but that has no provenance', async () => {
      expect(byName(await verify(withoutProvenance(true), 'payments'), '@acme/ledger-mcp')).toMatchObject({
        status: 'blocked',
        reason: 'UNSIGNED',
      });
    });
  });

  describe('when the manifest names a lockfile', () => {
    it('verifies each registry package and notes links', async () => {
      const dir = project((d) => {
        const stack = path.join(d, 'stacks/payments');
        const vendored = JSON.parse(readFileSync(path.join(stack, 'attestations/@acme/ledger-mcp@2.1.3.json'), 'utf8')) as {
          integrity: string;
        };
        writeFileSync(
          path.join(stack, 'package-lock.json'),
          JSON.stringify({
            lockfileVersion: 3,
            packages: {
              '': { name: 'payments-agent' },
              'node_modules/@acme/ledger-mcp': { version: '2.1.3', integrity: vendored.integrity },
              'node_modules/@acme/unsigned-helper': { version: '1.0.0', integrity: `sha512-${Buffer.alloc(64, 2).toString('base64')}` },
              'node_modules/local': { resolved: 'tools/local', link: true },
            },
          }),
        );
        replaceIn(
          path.join(stack, 'agent.yaml'),
          /plugins:\n {2}- name: "@acme\/ledger-mcp"\n {4}version: \^2\.1\.0\n/,
          'plugins:\n  - lockfile: package-lock.json\n',
        );
      });
      const report = await verify(dir, 'payments');
      expect(byName(report, '@acme/ledger-mcp')).toMatchObject({ status: 'verified', version: '2.1.3' });
      expect(byName(report, '@acme/unsigned-helper')).toMatchObject({ status: 'blocked', reason: 'UNSIGNED' });
      expect(report.notes).toEqual([expect.stringContaining('node_modules/local: skipped (link')]);
    });
  });
});

describe('verifyAgent --online (registry stubbed)', () => {
  const registry = 'https://registry.test/';
  const vendored = JSON.parse(readFileSync(path.join(root, 'stacks/payments/attestations/@acme/ledger-mcp@2.1.3.json'), 'utf8')) as {
    integrity: string;
    signatures: unknown;
    attestations: unknown;
    publishedAt: string;
  };
  function stub(withAttestations: boolean) {
    const urls: string[] = [];
    const respond = (ok: boolean, status: number, body: unknown) => Promise.resolve({ ok, status, json: () => Promise.resolve(body) });
    const fetch = (url: string) => {
      urls.push(url);
      if (url === `${registry}@acme%2Fledger-mcp`) {
        return respond(true, 200, {
          versions: {
            '2.0.9': { dist: { integrity: 'sha512-x' } },
            '2.1.3': {
              dist: {
                integrity: vendored.integrity,
                signatures: vendored.signatures,
                ...(withAttestations ? { attestations: { url: `${registry}-/npm/v1/attestations/@acme%2fledger-mcp@2.1.3` } } : {}),
              },
            },
          },
          time: { '2.1.3': vendored.publishedAt },
        });
      }
      if (url.startsWith(`${registry}-/npm/v1/attestations/`)) return respond(true, 200, vendored.attestations);
      return respond(false, 404, {});
    };
    return { fetch, urls };
  }
  it('reads the packument and attestations from the configured registry', async () => {
    const { fetch, urls } = stub(true);
    const report = await verifyAgent(loadAgent('payments', root), { online: true, fetch, registry, workers: 1 });
    expect(byName(report, '@acme/ledger-mcp')).toMatchObject({ status: 'verified', version: '2.1.3' });
    expect(urls).toEqual([`${registry}@acme%2Fledger-mcp`, `${registry}-/npm/v1/attestations/@acme%2fledger-mcp@2.1.3`]);
  });
  it('blocks a version the registry publishes without attestations', async () => {
    const report = await verifyAgent(loadAgent('payments', root), { online: true, fetch: stub(false).fetch, registry, workers: 1 });
    expect(byName(report, '@acme/ledger-mcp')).toMatchObject({ status: 'blocked', reason: 'UNSIGNED' });
  });
  it('refuses a registry that is not https', async () => {
    const report = await verifyAgent(loadAgent('payments', root), {
      online: true,
      fetch: stub(true).fetch,
      registry: 'http://registry.test/',
      workers: 1,
    });
    expect(byName(report, '@acme/ledger-mcp')).toMatchObject({
      status: 'blocked',
      reason: 'ERROR',
      message: expect.stringContaining('https'),
    });
  });
});
