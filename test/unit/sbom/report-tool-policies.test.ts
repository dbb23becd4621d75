import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolPolicyViews } from '../../../src/cedar/tests.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { renderReport, type ReportInput } from '../../../src/sbom/report.js';
import { scoreSbom } from '../../../src/sbom/scorecard.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('report tool policies', () => {
  const loaded = loadManifest(path.join(root, 'stacks/payments/agent.yaml'));
  const sbom = JSON.parse(readFileSync(path.join(root, 'sbom/payments.cdx.json'), 'utf8')) as ReportInput['sbom'];
  const base: ReportInput = { agentName: 'payments', manifest: loaded.manifest, sbom, scorecard: scoreSbom(sbom), tool: { name: 'agentfence', version: '0.0.0' } };

  describe('when the agent exposes tools through its gateway', () => {
    const html = renderReport({ ...base, toolPolicies: toolPolicyViews(loaded.manifest) });
    it('shows each tool with its action and Cedar policies', () => {
      expect(html).toContain('Tool policies (Cedar, enforced at the AgentCore gateway)');
      expect(html).toContain('<code>initiate-transfer-approval___initiate_transfer</code>');
      expect(html).toContain('@id(&quot;forbid-initiate-transfer-amount-limit&quot;)');
      expect(html).toContain('@id(&quot;permit-read-ledger&quot;)');
    });
    it('shows each authorization test with its outcome and deciding policy', () => {
      expect(html).toContain('a transfer above the limit is forbidden');
      expect(html).toMatch(/a transfer above the limit is forbidden<\/td><td>deny<\/td><td><span class="status ok">.*?deny<\/span><\/td><td>forbid-initiate-transfer-amount-limit/);
      expect(html).toContain('default deny');
    });
  });

  describe('when there are no gateway tools', () => {
    it('has no tool-policies section', () => {
      expect(renderReport({ ...base, toolPolicies: [] })).not.toContain('tool-policies');
      expect(renderReport(base)).not.toContain('tool-policies');
    });
  });
});
