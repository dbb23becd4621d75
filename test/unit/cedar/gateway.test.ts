import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  analyzeGatewayCedar,
  authorizeCall,
  buildGatewayCedar,
  cedarManifestErrors,
  runAuthorizationTests,
  validateGatewayCedar,
  type GatewayCedar,
} from '../../../src/cedar/index.js';
import { cedarEngine } from '../../../src/cedar/engine.js';
import { toCedarInput } from '../../../src/cedar/request.js';
import { loadManifest } from '../../../src/manifest/index.js';
import type { AgentManifest, ToolConditions, ToolInputSchema, ToolSpec } from '../../../src/manifest/types.js';
import { manifest as baseManifest, tool } from '../components/harness.js';

const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'agentfence-cedar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lambda = (name: string): string => `arn:aws:lambda:eu-west-1:111122223333:function:${name}`;

function withTools(tools: ToolSpec[], extra: Partial<AgentManifest> = {}): AgentManifest {
  return baseManifest({ tools, ...extra });
}

function mcpTool(name: string, inputSchema: ToolInputSchema, conditions?: ToolConditions, overrides: Partial<ToolSpec> = {}): ToolSpec {
  return tool(name, {
    mcp: { toolName: name.replace(/-/g, '_'), description: `Tool ${name}.`, inputSchema, target: { lambda: lambda(name) } },
    ...(conditions !== undefined ? { conditions } : {}),
    ...overrides,
  });
}

const all: ToolInputSchema = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    level: { type: 'string', enum: ['low', 'mid'] },
    in: { type: 'string' },
  },
  required: ['text', 'count'],
};

/** A tool with every structured condition: limits, allowed values, a scope and a claim. */
const conditionedTool = mcpTool('a', all, {
  limits: { count: { min: 1, max: 10 }, ratio: { max: 1.5 } },
  allowedValues: { text: ['x', 'y'] },
  scopes: ['a:write'],
  claims: { role: 'clerk' },
});

describe('gateway cedar', () => {
  describe.each<[string, ToolSpec[]]>([
    ['no conditions', [mcpTool('a', all)]],
    ['an integer limit on a required field', [mcpTool('a', all, { limits: { count: { min: 0, max: 10 } } })]],
    ['a decimal limit on an optional field', [mcpTool('a', all, { limits: { ratio: { min: 0.5, max: 2.25 } } })]],
    ['allowed values and an enum', [mcpTool('a', all, { allowedValues: { text: ['x', 'y'] } })]],
    ['required optional fields', [mcpTool('a', all, { requiredFields: ['flag', 'in'] })]],
    ['scopes and claims', [mcpTool('a', all, { scopes: ['a:read', 'a:write'], claims: { role: 'clerk', 'custom:team': 'ops' } })]],
    [
      'raw when and unless',
      [
        mcpTool('a', all, {
          when: 'context.input.count > 0 && context.input has tags && context.input.tags.contains("ok")',
          unless: 'context.input.text like "*DROP*"',
        }),
      ],
    ],
    ['a keyword field', [mcpTool('a', all, { limits: { count: { max: 3 } }, allowedValues: { in: ['a'] }, requiredFields: ['in'] })]],
    [
      'a gated high-risk tool',
      [mcpTool('pay', all, { limits: { count: { max: 3 } }, scopes: ['pay'] }, { risk: 'high', approval: 'required' })],
    ],
    [
      'an MCP server tool and a lambda tool',
      [
        mcpTool('a', all),
        tool('b', {
          mcp: {
            toolName: 'b',
            description: 'b',
            inputSchema: all,
            target: { mcpServer: { plugin: '@acme/b-mcp', endpoint: 'https://b.example' } },
          },
        }),
      ],
    ],
    ['an empty input schema', [mcpTool('a', { type: 'object', properties: {} })]],
  ])('when a tool has %s', (_name, tools) => {
    const cases = [false, true].map((paused) => [paused ? 'paused' : 'running', buildGatewayCedar(withTools(tools), { paused })] as const);
    it.each(cases)('validates with cedar-wasm against its generated schema (%s)', (_state, cedar) => {
      expect(validateGatewayCedar(cedar)).toEqual([]);
      expect(cedar.policies.filter((p) => p.role === 'permit')).toHaveLength(tools.length);
    });
    it('scopes every policy but the kill switch to the gateway and one action', () => {
      const cedar = cases[1]![1];
      for (const policy of cedar.policies) {
        if (policy.role === 'kill-switch') expect(policy.text).toBe('@id("kill-switch")\nforbid(principal, action, resource);');
        else {
          expect(policy.text).toContain(`resource == AgentCore::Gateway::"${cedar.gatewayArn}"`);
          expect(policy.text).toContain(`action == AgentCore::Action::"${policy.action}"`);
        }
      }
    });
  });

  describe('when a call is authorized', () => {
    const cedar = buildGatewayCedar(withTools([conditionedTool, mcpTool('pay', all, {}, { risk: 'high', approval: 'required' })]));
    const ok = { text: 'x', count: 5 };
    const caller = { sub: 'u1', scope: 'openid a:write', role: 'clerk' };
    it.each<[string, Record<string, unknown>, Record<string, string>, 'allow' | 'deny', string[]]>([
      ['an in-bounds call by a scoped clerk', ok, caller, 'allow', ['permit-a']],
      ['a decimal in bounds', { ...ok, ratio: 1.25 }, caller, 'allow', ['permit-a']],
      ['a decimal out of bounds', { ...ok, ratio: 1.5001 }, caller, 'deny', ['forbid-a-ratio-limit']],
      ['a count above the max', { ...ok, count: 11 }, caller, 'deny', ['forbid-a-count-limit']],
      ['a count below the min', { ...ok, count: 0 }, caller, 'deny', ['forbid-a-count-limit']],
      ['a value outside the allowed list', { ...ok, text: 'z' }, caller, 'deny', ['forbid-a-text-values']],
      ['an enum value outside the enum', { ...ok, level: 'high' }, caller, 'deny', ['forbid-a-level-values']],
      ['a scope that only starts with the required one', ok, { ...caller, scope: 'a:write-all' }, 'deny', []],
      ['no scope claim', ok, { sub: 'u1', role: 'clerk' }, 'deny', []],
      ['the wrong role claim', ok, { ...caller, role: 'admin' }, 'deny', []],
      ['a missing required field', { text: 'x' }, caller, 'deny', []],
      ['an unknown field', { ...ok, extra: 1 }, caller, 'deny', []],
      ['a wrongly typed field', { ...ok, count: '5' }, caller, 'deny', []],
    ])('%s -> %s', (_name, input, claims, decision, policies) => {
      const got = authorizeCall(cedar, { tool: 'a', input, claims });
      expect(got.decision).toBe(decision);
      expect(got.policies).toEqual(policies);
    });
    it('denies a tool the gateway does not expose, with an error', () => {
      expect(authorizeCall(cedar, { tool: 'nope', input: {} })).toMatchObject({
        decision: 'deny',
        errors: [expect.stringContaining('not exposed')],
      });
    });
    it('reaches a gated tool only through its approval target', () => {
      expect(cedar.tools.find((t) => t.tool.name === 'pay')!.action).toBe('pay-approval___pay');
      expect(authorizeCall(cedar, { tool: 'pay', input: ok, claims: caller }).decision).toBe('allow');
    });
    it('denies everything once paused', () => {
      const paused = buildGatewayCedar(cedar.tools.length > 0 ? withTools([mcpTool('a', all)], { paused: true }) : withTools([]));
      expect(authorizeCall(paused, { tool: 'a', input: ok, claims: caller })).toMatchObject({
        decision: 'deny',
        policies: ['kill-switch'],
      });
    });
  });

  describe('when raw Cedar is wrong', () => {
    it.each<[string, string, string]>([
      ['a syntax error', 'context.input.count >', 'parse'],
      ['a type error', 'context.input.text > 3', 'validation'],
      ['an unknown field', 'context.input.nope == 1', 'validation'],
      ['an optional field without has', 'context.input.flag', 'validation'],
      ['another namespace', 'principal is Other::User', 'validation'],
    ])('%s is reported at the policy', (_name, when, kind) => {
      const cedar = buildGatewayCedar(withTools([mcpTool('a', all, { when })]));
      const problems = validateGatewayCedar(cedar);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ kind, policyId: 'permit-a' });
    });
  });

  describe('when policies are analyzed by partial evaluation', () => {
    it.each<[string, ToolSpec, string[]]>([
      [
        'a high-risk permit with no condition',
        mcpTool('pay', all, undefined, { risk: 'high', approval: 'required' }),
        ['overly-permissive'],
      ],
      [
        'a high-risk permit whose condition folds to true',
        mcpTool('pay', all, { when: 'true || context.input.count > 1' }, { risk: 'high', approval: 'required' }),
        ['overly-permissive'],
      ],
      ['a permit that can never hold', mcpTool('a', all, { when: '1 > 2' }), ['unsatisfiable']],
      ['a low-risk permit with no condition', mcpTool('a', all), []],
      ['a high-risk permit with a scope', mcpTool('pay', all, { scopes: ['pay'] }, { risk: 'high', approval: 'required' }), []],
    ])('%s -> %j', (_name, t, kinds) => {
      expect(analyzeGatewayCedar(buildGatewayCedar(withTools([t]))).map((p) => p.kind)).toEqual(kinds);
    });
  });

  describe.each(['payments', 'support-triage'])('when the %s example is checked', (agent) => {
    const loaded = loadManifest(path.join(root, 'stacks', agent, 'agent.yaml'));
    it('generates Cedar with no error and every authorization test passing', () => {
      expect(cedarManifestErrors(loaded)).toEqual([]);
      const results = runAuthorizationTests(loaded.manifest);
      expect(results.length).toBeGreaterThan(4);
      expect(results.filter((r) => !r.passed)).toEqual([]);
    });
  });

  describe('when the payments example runs its calls', () => {
    const cedar: GatewayCedar = buildGatewayCedar(loadManifest(path.join(root, 'stacks/payments/agent.yaml')).manifest);
    const transfer = { supplierId: 'SUP-1', currency: 'EUR', reference: 'INV-1' };
    const clerk = { sub: 'c1', scope: 'payments:transfer' };
    it.each<[string, Record<string, unknown>, Record<string, string>, 'allow' | 'deny']>([
      ['a small transfer through the gate', { ...transfer, amount: 500 }, clerk, 'allow'],
      ['a transfer of exactly the limit', { ...transfer, amount: 1_000_000 }, clerk, 'allow'],
      ['a transfer one cent above the limit', { ...transfer, amount: 1_000_001 }, clerk, 'deny'],
      ['a transfer without the scope', { ...transfer, amount: 500 }, { sub: 'c1' }, 'deny'],
      ['a transfer in a currency not allowed', { ...transfer, amount: 500, currency: 'USD' }, clerk, 'deny'],
      ['a negative transfer', { ...transfer, amount: -5 }, clerk, 'deny'],
    ])('%s -> %s', (_name, input, claims, decision) => {
      expect(authorizeCall(cedar, { tool: 'initiate-transfer', input, claims }).decision).toBe(decision);
    });
  });

  describe('when a manifest breaks its Cedar or its tests', () => {
    function errorsAfter(edit: (doc: Record<string, any>) => void) {
      const dir = mkdtempSync(path.join(work, 'stack-'));
      cpSync(path.join(root, 'stacks/payments'), dir, { recursive: true });
      const file = path.join(dir, 'agent.yaml');
      const doc = parse(readFileSync(file, 'utf8')) as Record<string, any>;
      edit(doc);
      writeFileSync(file, stringify(doc));
      return cedarManifestErrors(loadManifest(file));
    }
    it.each<[string, (doc: Record<string, any>) => void, string, string]>([
      [
        'a raw when that does not type-check',
        (doc) => (doc['tools'][2].conditions.when = 'context.input.amount == "x"'),
        'CEDAR_TYPE',
        'tools[2].conditions.when',
      ],
      [
        'a raw unless that does not parse',
        (doc) => (doc['tools'][2].conditions.unless = 'context.input.amount >'),
        'CEDAR_SYNTAX',
        'tools[2].conditions.unless',
      ],
      [
        'a test expecting the wrong decision',
        (doc) => (doc['authorizationTests'][1].expect = 'allow'),
        'AUTHZ_TEST_FAILED',
        'authorizationTests[1].expect',
      ],
      [
        'a high-risk tool without conditions',
        (doc) => {
          delete doc['tools'][2].conditions;
          doc['authorizationTests'] = [];
        },
        'CEDAR_OVERLY_PERMISSIVE',
        'tools[2].mcp',
      ],
      [
        'a condition that can never hold',
        (doc) => (doc['tools'][2].conditions.when = '1 > 2'),
        'CEDAR_UNSATISFIABLE',
        'tools[2].conditions',
      ],
      [
        'a decimal limit with too many places',
        (doc) => {
          doc['tools'][2].mcp.inputSchema.properties.amount.type = 'number';
          doc['tools'][2].conditions.limits.amount.max = 1.23456;
        },
        'CEDAR_LITERAL',
        'tools',
      ],
    ])('%s is a located error %s', (_name, edit, code, at) => {
      const errors = errorsAfter(edit);
      expect(errors.map((e) => e.code)).toContain(code);
      const found = errors.find((e) => e.code === code)!;
      expect(found.path).toBe(at);
      expect(found.line).toBeGreaterThan(1);
    });
  });
});

describe('authorizeCall over the preparsed policy set', () => {
  /** The one-shot engine call authorizeCall made before it kept the policies parsed: the oracle. */
  function oneShot(cedar: GatewayCedar, tool: string, input: Record<string, unknown>, claims: Record<string, string>) {
    const entry = cedar.tools.find((t) => t.tool.name === tool)!;
    let cedarInput;
    try {
      cedarInput = toCedarInput(entry.tool.mcp.inputSchema, input);
    } catch (error) {
      return { decision: 'deny', policies: [], errors: [(error as Error).message] };
    }
    const principal = {
      uid: { type: 'AgentCore::OAuthUser', id: claims['sub'] ?? 'anonymous' },
      attrs: { id: claims['sub'] ?? 'anonymous' },
      parents: [],
      tags: claims,
    };
    const answer = cedarEngine().isAuthorized({
      principal: principal.uid,
      action: { type: 'AgentCore::Action', id: entry.action },
      resource: { type: 'AgentCore::Gateway', id: cedar.gatewayArn },
      context: { input: cedarInput },
      schema: cedar.schema,
      validateRequest: true,
      policies: { staticPolicies: Object.fromEntries(cedar.policies.map((p) => [p.id, p.text])) },
      entities: [principal, { uid: { type: 'AgentCore::Gateway', id: cedar.gatewayArn }, attrs: {}, parents: [] }],
    });
    if (answer.type === 'failure') return { decision: 'deny', policies: [], errors: answer.errors.map((e) => e.message) };
    // The engine's reasons and errors are sets; authorizeCall sorts them.
    return {
      decision: answer.response.decision,
      policies: [...answer.response.diagnostics.reason].sort(),
      errors: answer.response.diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`).sort(),
    };
  }

  const payments = buildGatewayCedar(loadManifest(path.join(root, 'stacks/payments/agent.yaml')).manifest);
  const paused = buildGatewayCedar({ ...loadManifest(path.join(root, 'stacks/payments/agent.yaml')).manifest, paused: true });
  const transfer = (amount: number, extra: Record<string, unknown> = {}) => ({
    supplierId: 'SUP-1',
    amount,
    currency: 'EUR',
    reference: 'INV-1',
    ...extra,
  });
  const scoped = { sub: 'clerk-7', scope: 'openid payments:transfer' };

  it.each([
    ['a small transfer', payments, transfer(500), scoped],
    ['a transfer over the limit', payments, transfer(2_500_000), scoped],
    ['a caller without the scope', payments, transfer(500), { sub: 'clerk-8', scope: 'openid' }],
    ['no claims at all', payments, transfer(500), {}],
    ['the kill switch', paused, transfer(500), scoped],
  ] as const)('decides %s exactly as the one-shot engine call does', (_label, cedar, input, claims) => {
    const got = authorizeCall(cedar, { tool: 'initiate-transfer', input, claims });
    expect(got).toEqual(oneShot(cedar, 'initiate-transfer', input, claims));
    // and again, from the cache
    expect(authorizeCall(cedar, { tool: 'initiate-transfer', input, claims })).toEqual(got);
  });

  // Calls that conform to the schema (decided without it) and calls that do not (decided with it).
  const conditioned = buildGatewayCedar(
    withTools([
      conditionedTool,
      mcpTool('hier', all, { when: 'action in AgentCore::Action::"CallTool"' }),
      mcpTool('gw', all, { when: 'resource is AgentCore::Gateway && !(resource has name)' }),
      mcpTool('tagged', all, { when: 'principal.hasTag(context.input.text) && principal.getTag(context.input.text) == "yes"' }),
      mcpTool('attr', all, { when: 'principal.id == "u1" && principal has id' }),
      mcpTool('missing', all, { when: 'principal.nickname == "x" || principal.getTag("nope") == "x"' }),
      // The other kind of the same name (a tag `id`, an attribute `scope`), and a claim named like a prototype.
      mcpTool('kinds', all, { when: 'principal.getTag("id") == "u1" || principal.scope == "x" || principal has role' }),
      mcpTool('proto', all, { when: 'principal.hasTag("__proto__") && principal.getTag("__proto__") == "yes"' }),
    ]),
  );
  const ok = { text: 'x', count: 5 };
  const caller = { sub: 'u1', scope: 'openid a:write', role: 'clerk', x: 'yes' };
  const inputs: [string, Record<string, unknown>][] = [
    ['a conforming input', ok],
    ['every field', { ...ok, ratio: 1.25, flag: true, tags: ['a', 'b'], level: 'low', in: 'w' }],
    ['a decimal out of bounds', { ...ok, ratio: 1.5001 }],
    ['a count out of bounds', { ...ok, count: 11 }],
    ['a value outside the allowed list', { ...ok, text: 'z' }],
    ['a missing required field', { text: 'x' }],
    ['an unknown field', { ...ok, extra: 1 }],
    ['an inherited property name', { ...ok, toString: 'x' }],
    ['a string for an integer', { ...ok, count: '5' }],
    ['a fraction for an integer', { ...ok, count: 5.5 }],
    ['an unsafe integer', { ...ok, count: 2 ** 60 }],
    ['a string for a number', { ...ok, ratio: '1.25' }],
    ['a huge number', { ...ok, ratio: 1e15 }],
    ['too many decimals', { ...ok, ratio: 1.00001 }],
    ['a number for a boolean', { ...ok, flag: 1 }],
    ['a string for an array', { ...ok, tags: 'a' }],
    ['a number in a string array', { ...ok, tags: ['a', 1] }],
    ['a null', { ...ok, in: null }],
    ['an object', { ...ok, in: { __entity: { type: 'AgentCore::Gateway', id: 'g' } } }],
  ];
  const callers: [string, Record<string, string>][] = [
    ['a scoped clerk', caller],
    ['no claims', {}],
    ['a wrong role', { ...caller, role: 'admin' }],
    ['a non-string claim', { ...caller, role: 1 as unknown as string }],
    ['a caller with a __proto__ claim', JSON.parse('{"sub":"u1","__proto__":"yes","id":"u1"}') as Record<string, string>],
  ];
  const table = conditioned.tools.flatMap((entry) =>
    inputs.flatMap(([what, input]) => callers.map(([who, claims]) => [entry.tool.name, what, who, input, claims] as const)),
  );
  it.each(table)('decides tool %s, %s, by %s, exactly as the one-shot engine call does', (tool, _what, _who, input, claims) => {
    expect(authorizeCall(conditioned, { tool, input, claims })).toEqual(oneShot(conditioned, tool, input, claims));
  });

  it('decides through the schema when a hand-built schema is not the generated one', () => {
    const custom: GatewayCedar = { ...conditioned, schema: conditioned.schema.replace('"count": Long', '"count": String') };
    expect(authorizeCall(custom, { tool: 'a', input: ok, claims: caller })).toEqual(oneShot(custom, 'a', ok, caller));
    expect(authorizeCall(custom, { tool: 'a', input: ok, claims: caller }).decision).toBe('deny');
  });

  it('names the deciding policies in one order, call after call', () => {
    const call = { tool: 'initiate-transfer', input: transfer(2_500_000, { currency: 'USD' }), claims: scoped };
    const first = authorizeCall(paused, call);
    expect(first.policies.length).toBeGreaterThanOrEqual(3);
    expect(first.policies).toEqual([...first.policies].sort());
    for (let i = 0; i < 20; i++) expect(authorizeCall(paused, call)).toEqual(first);
  });

  it('keeps two gateways apart: the paused one denies what the running one allows', () => {
    expect(authorizeCall(payments, { tool: 'initiate-transfer', input: transfer(500), claims: scoped }).decision).toBe('allow');
    expect(authorizeCall(paused, { tool: 'initiate-transfer', input: transfer(500), claims: scoped }).decision).toBe('deny');
    expect(authorizeCall(payments, { tool: 'initiate-transfer', input: transfer(500), claims: scoped }).decision).toBe('allow');
  });

  it('falls back to the one-shot call, and fails closed naming the error, when the policies do not parse', () => {
    const broken: GatewayCedar = {
      ...payments,
      policies: [...payments.policies, { ...payments.policies[0]!, id: 'broken', text: 'permit(principal, action, resource) when { ' }],
    };
    const got = authorizeCall(broken, { tool: 'initiate-transfer', input: transfer(500), claims: scoped });
    expect(got.decision).toBe('deny');
    expect(got.errors.join('\n')).toMatch(/broken|unexpected end of input|parse/i);
  });
});
