import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAgent } from '../../../src/plan/offline.js';
import { readPlanDocument } from '../../../src/plan/read.js';
import { evaluateRules } from '../../../src/rules/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of the support-triage stack, varied by `edit`. */
function variant(stackConfig: string, edit: (manifest: string) => string = (m) => m): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-guard-'));
  scratch.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  cpSync(path.join(root, 'stacks/support-triage'), path.join(dir, 'stacks/support-triage'), { recursive: true });
  writeFileSync(
    path.join(dir, 'stacks/Pulumi.support-triage.yaml'),
    `config:\n  agentfence:manifest: support-triage/agent.yaml\n${stackConfig}`,
  );
  const file = path.join(dir, 'stacks/support-triage/agent.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

/** The guardrail catalogue on offline plans: what the components build must pass it by construction. */
describe('offline plan under the guardrail rules', () => {
  const findings: Record<string, string[]> = {};
  const types: Record<string, Set<string>> = {};
  beforeAll(async () => {
    const cases: [string, string][] = [
      ['payments', root],
      ['support-triage', root],
      ['support-triage paused', variant('  agentfence:paused: true\n')],
      [
        'support-triage without egress',
        variant('', (m) => m.replace('  egress: firewall', '  egress: none').replace(/^apis:\n(?: {2}.*\n)+/m, 'apis: []\n')),
      ],
    ];
    for (const [label, cwd] of cases) {
      const plan = await planAgent(label.split(' ')[0]!, cwd);
      // Supply chain is the verifier's verdict, not a property of the plan: switched off here.
      const evaluation = evaluateRules(readPlanDocument(plan, label).resources, {
        config: {
          'supply-chain-verified': 'disabled',
          'network-firewall-allowlist-verified': 'disabled',
          'agentcore-target-declared': 'disabled',
        },
      });
      types[label] = new Set(plan.steps.flatMap((step) => [step.newState.type, step.urn.split('::').pop()!]));
      findings[label] = evaluation.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    }
    // Four offline plans through the Pulumi mocks: about 2 s each on an idle 2-core machine.
  }, 60_000);

  it('plans the variants as intended', () => {
    expect(types['support-triage without egress']!.has('aws:networkfirewall/firewall:Firewall')).toBe(false);
    expect(types['support-triage']!.has('aws:networkfirewall/firewall:Firewall')).toBe(true);
    expect(types['support-triage paused']!.has('support-triage-identity-kill-switch')).toBe(true);
    expect(types['support-triage']!.has('support-triage-identity-kill-switch')).toBe(false);
  });

  it.each(['payments', 'support-triage', 'support-triage paused', 'support-triage without egress'])('%s has no finding at all', (label) => {
    expect(findings[label]).toEqual([]);
  });
});
