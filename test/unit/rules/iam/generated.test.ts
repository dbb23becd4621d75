/**
 * Every policy document the components generate, over both examples and a synthetic 200-tool agent:
 * every action exists in AWS's data, every resource fits a resource type of its action (or is "*"
 * for an action without resource-level permissions), and every declared tool is allowed by simulation.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgentPolicy } from '../../../../src/components/aws/builders/least-privilege.js';
import type { ToolSpec } from '../../../../src/manifest/types.js';
import { planAgent } from '../../../../src/plan/offline.js';
import { readPlanDocument } from '../../../../src/plan/read.js';
import { findAction, fittingResourceTypes } from '../../../../src/rules/iam/data.js';
import { simulate } from '../../../../src/rules/iam/simulate.js';
import { parsePolicyDocument, type PolicyStatement } from '../../../../src/rules/policy-document.js';
import type { PlannedResource } from '../../../../src/rules/types.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const A = '111122223333';

/** What a wildcard in a policy ARN may stand for: one name, a path, a log stream. */
const SAMPLES = ['x', 'x/x', 'x:log-stream:x'];
const fits = (action: NonNullable<ReturnType<typeof findAction>>, arn: string): boolean =>
  arn === '*' ||
  (arn.includes('*')
    ? SAMPLES.some((sample) => fittingResourceTypes(action, arn.replaceAll('*', sample)).length > 0)
    : fittingResourceTypes(action, arn).length > 0);

/** Problems of one document: unknown actions, actions with no resource of their type, resources no action of the statement acts on. */
function problems(statements: readonly PolicyStatement[]): string[] {
  const out: string[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    const resources = statement.resources as string[];
    const actions = (statement.actions as string[]).map((name) => [name, findAction(name)] as const);
    for (const [name, action] of actions) {
      if (action === undefined) out.push(`unknown action ${name}`);
      else if (action.resourceTypes.length === 0 ? !resources.includes('*') : !resources.some((arn) => fits(action, arn)))
        out.push(`${name} has no resource of its type in ${resources.join(', ')}`);
    }
    for (const arn of resources) {
      if (!actions.some(([, action]) => action !== undefined && (action.resourceTypes.length === 0 ? arn === '*' : fits(action, arn))))
        out.push(`${arn} fits no action of its statement`);
    }
  }
  return out;
}

function documentsOf(resources: readonly PlannedResource[]): [string, readonly PolicyStatement[]][] {
  const out: [string, readonly PolicyStatement[]][] = [];
  for (const r of resources) {
    for (const key of ['policy', 'assumeRolePolicy']) {
      if (key === 'assumeRolePolicy') continue; // trust policies name sts:AssumeRole on no resource
      const parsed = parsePolicyDocument(r.props[key]);
      if (parsed.kind === 'document' && r.type.startsWith('aws:iam/')) out.push([`${r.name}.${key}`, parsed.statements]);
    }
  }
  return out;
}

describe('generated policy documents', () => {
  const plans: Record<string, readonly PlannedResource[]> = {};
  beforeAll(async () => {
    for (const agent of ['payments', 'support-triage']) plans[agent] = readPlanDocument(await planAgent(agent, root), agent).resources;
  }, 120_000);

  describe.each(['payments', 'support-triage'])('when the %s example is planned', (agent) => {
    it('uses only existing actions on resources that fit their types', () => {
      const docs = documentsOf(plans[agent]!);
      expect(docs.length).toBeGreaterThan(3);
      for (const [where, statements] of docs) expect(problems(statements), where).toEqual([]);
    });
  });

  describe('when a synthetic agent declares 200 tools', () => {
    const kinds: [string[], (i: number) => string][] = [
      [['dynamodb:GetItem', 'dynamodb:Query'], (i) => `arn:aws:dynamodb:eu-west-1:${A}:table/t${i}`],
      [['s3:GetObject'], (i) => `arn:aws:s3:::agentfence-synthetic-data-${A}/p${i}/*`],
      [['lambda:InvokeFunction'], (i) => `arn:aws:lambda:eu-west-1:${A}:function:f${i}`],
      [['sqs:SendMessage'], (i) => `arn:aws:sqs:eu-west-1:${A}:q${i}`],
      [['ecr:GetAuthorizationToken'], () => '*'],
    ];
    const tools: ToolSpec[] = Array.from({ length: 200 }, (_, i) => {
      const [actions, arn] = kinds[i % kinds.length]!;
      return { name: `tool-${i}`, actions, resources: [arn(i)], risk: 'low', approval: 'none' };
    });
    const policy = buildAgentPolicy({ region: 'eu-west-1', tools, stores: [], gates: [] });
    const parsed = parsePolicyDocument(policy);
    const statements = parsed.kind === 'document' ? parsed.statements : [];
    it('uses only existing actions on resources that fit their types', () => {
      expect(statements.length).toBe(200);
      expect(problems(statements)).toEqual([]);
    });
    it('allows every declared tool action on every declared resource (simulation)', () => {
      for (const tool of tools) {
        for (const action of tool.actions) {
          for (const arn of tool.resources)
            expect(simulate({ action, resource: arn.replace('*', 'x') }, { identity: statements }), `${tool.name} ${action}`).toBe(
              'allowed',
            );
        }
      }
    });
    it('allows no tool action on the resource of another tool (property)', () => {
      fc.assert(
        fc.property(fc.nat(199), fc.nat(199), (i, j) => {
          fc.pre(i % kinds.length !== j % kinds.length && i % kinds.length !== 4 && j % kinds.length !== 4);
          const arn = tools[j]!.resources[0]!.replace('*', 'x');
          expect(simulate({ action: tools[i]!.actions[0]!, resource: arn }, { identity: statements })).toBe('implicitly-denied');
        }),
        { numRuns: 200 },
      );
    });
  });
});
