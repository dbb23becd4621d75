/**
 * Property (#12): a random least-privilege manifest that `validate` accepts yields an agent policy
 * that passes the least-privilege rules, uses only existing actions on resources of their types in
 * the agent's own account, and grants exactly the declared action set (checked by simulation).
 * A second property plans the whole stack offline for a few such manifests and runs every rule over
 * it: no finding, and agent-effective-permissions simulates each tool under the real role, boundary
 * and denies. Tools are drawn from AWS's own data; fast-check runs seeded, so a failure prints its
 * seed and path.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildAgentPolicy } from '../../../../src/components/aws/builders/least-privilege.js';
import { planAgent } from '../../../../src/plan/offline.js';
import { readPlanDocument } from '../../../../src/plan/read.js';
import { validateManifest } from '../../../../src/manifest/index.js';
import { actionsOf, findAction, fittingResourceTypes } from '../../../../src/rules/iam/data.js';
import { simulate } from '../../../../src/rules/iam/simulate.js';
import { leastPrivilegeRules } from '../../../../src/rules/least-privilege.js';
import { evaluateRules } from '../../../../src/rules/evaluate.js';
import { parsePolicyDocument } from '../../../../src/rules/policy-document.js';
import { res } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const example = path.join(root, 'stacks/support-triage');
// The example without its Cedar authorization tests (they name the example's own tools).
const { authorizationTests: _tests, ...base } = parse(readFileSync(path.join(example, 'agent.yaml'), 'utf8')) as Record<string, unknown>;
const identity = base['identity'] as { account: string; region: string };
const { account, region } = identity;
const work = mkdtempSync(path.join(tmpdir(), 'agentfence-lp-property-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The files the manifest names (models, attestations, API descriptors), beside each generated manifest.
for (const entry of ['models', 'attestations', 'apis', 'images'])
  cpSync(path.join(example, entry), path.join(work, entry), { recursive: true });

/** Resource types with an ARN in the agent's account, and how to name one. */
const KINDS: { service: string; type: string; arn: (name: string) => string }[] = [
  { service: 'dynamodb', type: 'table', arn: (n) => `arn:aws:dynamodb:${region}:${account}:table/${n}` },
  { service: 'sqs', type: 'queue', arn: (n) => `arn:aws:sqs:${region}:${account}:${n}` },
  { service: 'sns', type: 'topic', arn: (n) => `arn:aws:sns:${region}:${account}:${n}` },
  { service: 'lambda', type: 'function', arn: (n) => `arn:aws:lambda:${region}:${account}:function:${n}` },
  { service: 'secretsmanager', type: 'Secret', arn: (n) => `arn:aws:secretsmanager:${region}:${account}:secret:${n}-AbCdEf` },
];

/** Data-plane actions of a kind: Read, List or plain Write, scoped to that resource type, from AWS's data. */
const candidates = KINDS.map((kind) =>
  [...actionsOf(kind.service).values()]
    .filter((a) => a.resourceTypes.includes(kind.type))
    .filter((a) => a.accessLevels.every((level) => level === 'Read' || level === 'List' || level === 'Write'))
    .map((a) => a.name)
    .sort(),
);

const name = fc.stringMatching(/^[a-z][a-z0-9-]{2,12}$/);
const tool = fc.nat(KINDS.length - 1).chain((k) =>
  fc.record({
    kind: fc.constant(k),
    actions: fc.uniqueArray(fc.constantFrom(...candidates[k]!), { minLength: 1, maxLength: 3 }),
    resources: fc.uniqueArray(name, { minLength: 1, maxLength: 2 }).map((names) => names.map(KINDS[k]!.arn)),
  }),
);
const toolSets = fc.uniqueArray(tool, { minLength: 1, maxLength: 4, selector: (t) => t.resources.join() });

/** The drawn tools as manifest entries: low risk, no approval. */
const manifestTools = (drawn: readonly { actions: string[]; resources: string[] }[]) =>
  drawn.map((t, i) => ({
    name: `tool-${i}`,
    description: `Generated tool ${i}.`,
    actions: t.actions,
    resources: t.resources,
    risk: 'low',
    approval: 'none',
  }));

let accepted = 0;
let cases = 0;
const refusals = new Map<string, number>();

describe('a random least-privilege manifest', () => {
  it('that validate accepts yields a policy granting exactly its tools, passing the least-privilege rules', () => {
    fc.assert(
      fc.property(toolSets, (drawn) => {
        cases++;
        const tools = manifestTools(drawn);
        const file = path.join(work, `agent-${cases}.yaml`);
        writeFileSync(file, stringify({ ...base, tools }));
        const result = validateManifest(file);
        if (!result.valid) {
          // Outside the property: validate refused it. Counted by reason, for the vacuity check below.
          for (const e of result.errors) {
            const reason = e.message.replace(/\(got .*\)$/, '').replace(/tools\[\d+\]/g, 'tools[i]');
            refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
          }
          return;
        }
        accepted++;
        const specs = result.manifest!.manifest.tools;
        const policy = buildAgentPolicy({ region, tools: specs, stores: [], gates: [] });
        const parsed = parsePolicyDocument(policy);
        expect(parsed.kind).toBe('document');
        const statements = parsed.kind === 'document' ? parsed.statements : [];

        // Every action exists, every resource fits a resource type of its action, in the agent's account.
        const granted = new Set<string>();
        for (const s of statements) {
          expect(s.effect).toBe('Allow');
          for (const a of s.actions as string[]) {
            const action = findAction(a);
            expect(action, a).toBeDefined();
            granted.add(action!.name);
            for (const arn of s.resources as string[]) {
              expect(arn).not.toContain('*');
              expect(arn.split(':')[4], arn).toBe(account);
              expect(fittingResourceTypes(action!, arn).length, `${a} on ${arn}`).toBeGreaterThan(0);
            }
          }
        }
        // Exactly the declared action set.
        expect([...granted].sort()).toEqual([...new Set(drawn.flatMap((t) => t.actions))].sort());

        // The least-privilege rules find nothing on the agent's role policy.
        const role = res('aws:iam/role:Role', 'agent-role', { name: 'agent-role' });
        const inline = res('aws:iam/rolePolicy:RolePolicy', 'agent-policy', { role: 'agent-role', policy });
        const findings = evaluateRules([role, inline], { rules: leastPrivilegeRules }).findings;
        expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);

        // Simulation: each declared action allowed on each of its tool's resources, nothing across tools.
        for (const t of drawn) {
          for (const action of t.actions)
            for (const arn of t.resources)
              expect(simulate({ action, resource: arn }, { identity: statements }), `${action} ${arn}`).toBe('allowed');
        }
        const [first, second] = [drawn[0]!, drawn[drawn.length - 1]!];
        if (first !== second) {
          for (const action of first.actions.filter((a) => !second.actions.includes(a)))
            expect(simulate({ action, resource: second.resources[0]! }, { identity: statements })).toBe('implicitly-denied');
        }
        const undeclared = candidates[first.kind]!.find((a) => !granted.has(a));
        if (undeclared !== undefined)
          expect(simulate({ action: undeclared, resource: first.resources[0]! }, { identity: statements })).toBe('implicitly-denied');
      }),
      { seed: 20261202, numRuns: 300 },
    );
    // The property must not hold vacuously (Write actions that validate refuses for risk low are common in the data).
    expect(accepted, JSON.stringify([...refusals].sort((a, b) => b[1] - a[1]).slice(0, 8))).toBeGreaterThan(cases / 3);
  }, 60_000);

  it('that validate accepts yields a whole offline plan with no finding, the simulation of every tool included', async () => {
    // A whole plan per case (the Pulumi mocks, every component) costs about 2 s: a few seeded cases.
    const project = path.join(work, 'project');
    cpSync(example, path.join(project, 'stacks/support-triage'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{"name":"scratch","private":true}\n');
    mkdirSync(path.join(project, 'stacks'), { recursive: true });
    writeFileSync(path.join(project, 'stacks/Pulumi.support-triage.yaml'), 'config:\n  agentfence:manifest: support-triage/agent.yaml\n');
    const file = path.join(project, 'stacks/support-triage/agent.yaml');
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(toolSets, async (drawn) => {
        const tools = manifestTools(drawn);
        writeFileSync(file, stringify({ ...base, tools }));
        if (!validateManifest(file).valid) return;
        planned++;
        const plan = await planAgent('support-triage', project);
        const findings = evaluateRules(readPlanDocument(plan, 'generated').resources, {
          // Supply chain is the verifier's verdict, not the plan's; generated tools have no gateway target.
          config: {
            'supply-chain-verified': 'disabled',
            'network-firewall-allowlist-verified': 'disabled',
            'agentcore-target-declared': 'disabled',
          },
        }).findings;
        expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      }),
      { seed: 20261202, numRuns: 12 },
    );
    expect(planned).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
