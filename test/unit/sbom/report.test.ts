import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/rules/types.js';
import { buildSbom } from '../../../src/sbom/build.js';
import { ident } from '../../../src/sbom/html.js';
import { esc, renderReport, reportVerdict, type ReportInput } from '../../../src/sbom/report.js';
import { vouchersOf } from '../../../src/sbom/vouchers.js';
import type { TrustPolicy } from '../../../src/manifest/types.js';
import { scoreSbom } from '../../../src/sbom/scorecard.js';
import { SpecProfiles } from '../../../src/sbom/spec.js';
import type { VerificationReport } from '../../../src/verify/types.js';
import { inputFor, makeProject, manifest, verification } from './helpers.js';

const finding: Finding = {
  ruleId: 'no-wildcard-action',
  severity: 'critical',
  enforcementLevel: 'mandatory',
  message: 'policy statement must not grant "*" (got <img src=x onerror=alert(1)>)',
  urn: 'urn:pulumi:demo::agentfence::aws:iam/rolePolicy:RolePolicy::x',
};

async function reportInput(overrides: Partial<ReportInput> = {}, given: VerificationReport | null = verification()): Promise<ReportInput> {
  const v = given ?? undefined;
  const m = manifest();
  const { doc } = await buildSbom(inputFor(m, v === undefined ? {} : { verification: v }), SpecProfiles['1.6']);
  return {
    agentName: 'demo',
    manifest: m,
    manifestPath: 'stacks/demo/agent.yaml',
    ...(v === undefined ? {} : { verification: v }),
    findings: [],
    sbom: doc,
    scorecard: scoreSbom(doc),
    tool: { name: 'agentfence', version: '0.1.0' },
    ...overrides,
  };
}

const allVerified = (): VerificationReport => {
  const v = verification();
  // as the verifier does, a verdict for every artifact: the hosted model too
  const hosted = { kind: 'model' as const, name: 'planner', status: 'verified' as const, message: 'hosted model is allow-listed by the trust policy' };
  return { ...v, results: [...v.results.map((r) => ({ ...r, status: 'verified' as const })), hosted], summary: { verified: 4, allowListed: 0, blocked: 0, warned: 0 } };
};

/** The page without its line-break opportunities, for reading text that identifiers broke up. */
const text = (html: string): string => html.replace(/<wbr>/g, '');

const policy: TrustPolicy = {
  version: 1,
  mode: 'enforce',
  trustedRoots: [{ name: 'public-good', source: 'public-good' }],
  models: { authorities: [{ name: 'acme-ml-release', key: { publicKey: 'keys/ml.pub.pem' } }], hosted: ['anthropic.claude'] },
  plugins: { authorities: [{ name: 'acme-plugin-ci', keyless: { issuer: 'https://token.actions.githubusercontent.com', subjectRegExp: 'https://github\\.com/acme/.+' } }] },
  apis: { authorities: [{ name: 'acme-api-governance', key: { publicKey: 'keys/gov.pub.pem' } }, { name: 'unused-key', key: { publicKey: 'keys/unused.pub.pem' } }] },
};

describe('reportVerdict', () => {
  it.each([
    ['a blocked artifact', {}, verification(), 'blocked'],
    ['a mandatory finding', { findings: [finding] }, allVerified(), 'blocked'],
    ['no verification', {}, null, 'incomplete'],
    ['findings that could not be computed', { findings: undefined as never, findingsProblem: 'plan failed' }, allVerified(), 'incomplete'],
    ['an advisory finding', { findings: [{ ...finding, enforcementLevel: 'advisory' as const }] }, allVerified(), 'warnings'],
    ['everything clean', {}, allVerified(), 'pass'],
    ['a verification that has no result for an artifact', {}, { ...allVerified(), results: allVerified().results.filter((r) => r.kind !== 'api') }, 'incomplete'],
    ['a verification with no results at all', {}, { ...allVerified(), results: [], summary: { verified: 0, allowListed: 0, blocked: 0, warned: 0 } }, 'incomplete'],
  ])('is right for %s', async (_label, overrides, v, verdict) => {
    const input = await reportInput(overrides, v);
    if ('findings' in overrides && (overrides as { findings?: unknown }).findings === undefined) delete (input as { findings?: unknown }).findings;
    expect(reportVerdict(input)).toBe(verdict);
  });
});

describe('renderReport', () => {
  describe('when manifest, SBOM and findings carry markup', () => {
    it('escapes all of it', async () => {
      const html = text(renderReport(await reportInput({ findings: [finding] })));
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<img');
      expect(html).toContain('descriptor expired &lt;b&gt;');
    });
  });

  describe('when rendered', () => {
    it('is a self-contained page: no scripts, no external URLs in src/href, a CSP forbidding loads', async () => {
      const html = renderReport(await reportInput({ findings: [finding] }));
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    });
    it('shows the verdict, each artifact with its signer, the findings, the scorecard and the trust boundary', async () => {
      const html = text(renderReport(await reportInput({ findings: [finding] })));
      expect(html).toContain('<div class="verdict blocked" role="status" id="verdict"><strong>Blocked</strong>');
      expect(html).toContain('stefanb@us.ibm.com');
      expect(html).toContain('no-wildcard-action');
      expect(html).toContain('NTIA-2021 minimum elements');
      expect(html).toMatch(/<svg role="img" aria-labelledby="tb-title tb-desc"/);
      expect(html).toContain('<th scope="col">Vouched by</th>');
      expect(html).toContain('@media print');
      for (const id of ['identity', 'boundary', 'supply-chain', 'guardrails', 'scorecard']) expect(html).toContain(`<h2 id="${id}">`);
    });
    it('lists failures before verified artifacts', async () => {
      const html = text(renderReport(await reportInput()));
      expect(html.indexOf('payments-gateway</th>')).toBeLessThan(html.indexOf('fraud-scorer</th>'));
    });
    it('says so when guardrails were not checked instead of showing an empty table', async () => {
      const input = await reportInput({ findingsProblem: 'the offline plan failed: boom' });
      delete (input as { findings?: unknown }).findings;
      const html = renderReport(input);
      expect(html).toContain('Guardrails were not checked: the offline plan failed: boom.');
      expect(html).not.toContain('No guardrail findings');
    });
    it('names who vouched: the authority with its key fingerprint or keyless identity, and the allow-list', async () => {
      const v = allVerified();
      const results = v.results.map((r) => (r.kind === 'api' ? { ...r, signer: { identity: 'key:gov', authority: 'acme-api-governance' } } : r.kind === 'plugin' ? { ...r, signer: { ...r.signer!, authority: 'acme-plugin-ci' } } : r));
      const withSigners = { ...v, results: results.map((r) => (r.name === 'planner' ? { ...r, details: { hosted: 'anthropic.claude' } } : r)) };
      const fingerprints = new Map([['acme-api-governance', 'SHA256:abc/def+ghi=']]);
      const vouchers = vouchersOf(policy, fingerprints, withSigners);
      const html = text(renderReport(await reportInput({ vouchers }, withSigners)));
      expect(html).toContain('<h2 id="vouchers">Who vouched</h2>');
      expect(html).toMatch(/<th scope="row">acme-api-governance<\/th><td>apis<\/td><td>public key <code>SHA256:abc\/def\+ghi=<\/code>/);
      expect(html).toContain('keyless: <code>^https://github\\.com/acme/.+$</code>');
      expect(html).toContain('<code>@acme/ledger-mcp@2.1.3</code>');
      expect(html).toMatch(/models\.hosted<\/th><td>hosted models<\/td><td>the trust policy’s allow-list/);
      // an authority that vouched for nothing of this agent is not listed as having vouched
      expect(html).toMatch(/<th scope="row">acme-ml-release<\/th><td>models<\/td><td>public key <code>fingerprint unknown<\/code><\/td><td><code>fraud-scorer<\/code>/);
      expect(html).not.toContain('<th scope="row">unused-key</th>');
    });
    it('says when and from which commit it was made', async () => {
      const html = text(renderReport(await reportInput({ generatedAt: '2026-12-01T10:00:00Z', commit: 'a'.repeat(40) })));
      expect(html).toContain('<dt>Made</dt><dd>2026-12-01T10:00:00Z</dd>');
      expect(html).toContain(`<dt>From commit</dt><dd><code>${'a'.repeat(40)}</code></dd>`);
      expect(text(renderReport(await reportInput()))).toContain('not in a git checkout');
    });
    it('colours each artifact in the picture by its verdict: a blocked model is red there too', async () => {
      const v = verification({ results: verification().results.map((r) => (r.kind === 'model' ? { ...r, status: 'blocked' as const, reason: 'TAMPERED' as const } : r)) });
      const html = renderReport(await reportInput({}, v));
      const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
      expect(svg).toMatch(/class="node bad" data-status="blocked"\/><text[^>]*>fraud-scorer</);
      expect(svg).toMatch(/class="node bad" data-status="blocked"\/><text[^>]*>payments-gateway</);
      expect(svg).toMatch(/class="node ok" data-status="verified"\/><text[^>]*>@acme\/ledger-mcp</);
      expect(svg).toContain('hosted model · not-verified');
    });
    it('shows a hosted model as allow-listed, never verified, even from an old report', async () => {
      const html = text(renderReport(await reportInput({}, allVerified())));
      expect(html).toMatch(/planner<\/th><td>anthropic\.claude-sonnet-4-5-20250929-v1:0<\/td><td><span class="status listed">/);
      expect(html).toContain('no signature: trust policy allow-list');
    });
    it('lets long identifiers wrap at their separators, never mid-word, and follows the dark colour scheme', async () => {
      const html = renderReport(await reportInput({ findings: [finding] }));
      expect(html).toContain('arn:<wbr>aws:<wbr>lambda:<wbr>eu-<wbr>west-<wbr>1:<wbr>');
      expect(html).toContain('@media (prefers-color-scheme:dark)');
      expect(html).toContain('@media (max-width:640px)');
      expect(html).not.toMatch(/overflow-wrap:anywhere|word-break:break-all/);
      expect(ident('pkg:npm/%40acme/ledger-mcp@2.1.3')).toBe('pkg:<wbr>npm/<wbr>%40acme/<wbr>ledger-<wbr>mcp@<wbr>2.<wbr>1.<wbr>3');
      expect(ident('<b>')).toBe('&lt;b&gt;');
      expect(ident('a'.repeat(40))).toBe(`${'a'.repeat(16)}<wbr>${'a'.repeat(16)}<wbr>${'a'.repeat(8)}`);
    });
    it('is a pure function of its input', async () => {
      const input = await reportInput();
      expect(renderReport(input)).toBe(renderReport(input));
    });
  });
});

describe('esc', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('buildSbom with a lockfile plugin', () => {
  it('lists every locked package with its SHA-512 and distribution reference', async () => {
    const m = manifest({ plugins: [{ lockfile: 'plugins/package-lock.json' }] });
    const project = makeProject(m);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(project.stackDir, 'plugins'));
    const integrity = `sha512-${Buffer.alloc(64, 9).toString('base64')}`;
    writeFileSync(
      path.join(project.stackDir, 'plugins/package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { '@acme/tool': '1.0.0' } },
          'node_modules/@acme/tool': { version: '1.0.0', integrity, resolved: 'https://registry.example/@acme/tool/-/tool-1.0.0.tgz', dependencies: { dep: '2' } },
          'node_modules/dep': { version: '2.0.0', integrity },
        },
      }),
    );
    const { doc } = await buildSbom(inputFor(m, {}, project), SpecProfiles['1.7']);
    const libs = (doc['components'] as Array<Record<string, any>>).filter((c) => c['type'] === 'library');
    expect(libs.map((c) => c['purl'])).toEqual(['pkg:npm/%40acme/tool@1.0.0', 'pkg:npm/dep@2.0.0']);
    expect(libs[0]!['externalReferences'][0]).toMatchObject({ type: 'distribution', hashes: [{ alg: 'SHA-512', content: '09'.repeat(64) }] });
    const deps = doc['dependencies'] as Array<Record<string, any>>;
    expect(deps.find((d) => d['ref'] === 'pkg:npm/%40acme/tool@1.0.0')!['dependsOn']).toEqual(['pkg:npm/dep@2.0.0']);
    expect(deps.find((d) => d['ref'] === 'agent:demo')!['dependsOn']).not.toContain('pkg:npm/dep@2.0.0');
    expect(doc['compositions']).toEqual([{ aggregate: 'complete', assemblies: ['agent:demo'], dependencies: ['agent:demo'] }]);
  });
});
