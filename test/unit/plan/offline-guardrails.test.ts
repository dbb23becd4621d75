import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planAgent } from '../../../src/plan/offline.js';
import { readPlanDocument } from '../../../src/plan/read.js';
import { evaluateRules, type Evaluation } from '../../../src/rules/index.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The guardrail catalogue on the offline plans: what the components build must pass it by construction. */
describe('offline plan under the guardrail rules', () => {
  const evaluations: Record<string, Evaluation> = {};
  beforeAll(async () => {
    for (const agent of ['payments', 'support-triage']) {
      const plan = await planAgent(agent, root);
      // Supply chain is the verifier's verdict, not a property of the plan: switched off here.
      evaluations[agent] = evaluateRules(readPlanDocument(plan, agent).resources, { baseDir: root, config: { 'supply-chain-verified': 'disabled', 'network-firewall-allowlist-verified': 'disabled' } });
    }
  });

  describe.each(['payments', 'support-triage'])('when the %s example is planned', (agent) => {
    it('has no finding at all', () => {
      expect(evaluations[agent]!.findings.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
    });
  });
});
