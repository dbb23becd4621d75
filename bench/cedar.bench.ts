/**
 * Cedar decisions per second for the payments gateway's generated policy set, with the engine the
 * CLI uses (cedar-wasm): policies and schema parsed once (`preparsePolicySet`, as a gateway keeps
 * them), then one `statefulIsAuthorized` per call over a mix of allowed and denied transfers.
 * Then the product's path, `authorizeCall` (input typed, request validated against the preparsed
 * schema, preparsed policy set), and the one-shot call it used to make (parse everything per call).
 * Target: >= 10,000 decisions/s. Rates are per wall-clock second and per CPU second of this process,
 * with the load average beside them: on a shared machine the wall clock measures the neighbours.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { authorizeCall, buildGatewayCedar, toCedarInput } from '../src/cedar/index.js';
import { cedarEngine } from '../src/cedar/engine.js';
import { loadManifest } from '../src/manifest/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const TARGET = 10_000;

export default async function bench(): Promise<void> {
  const manifest = loadManifest(path.join(root, 'stacks/payments/agent.yaml')).manifest;
  const cedar = buildGatewayCedar(manifest);
  const engine = cedarEngine();
  const entry = cedar.tools.find((tool) => tool.tool.name === 'initiate-transfer')!;
  const parsed = engine.preparsePolicySet('payments', {
    staticPolicies: Object.fromEntries(cedar.policies.map((policy) => [policy.id, policy.text])),
  });
  if (parsed.type !== 'success') throw new Error(`policy set must parse: ${JSON.stringify(parsed.errors)}`);
  const calls = [500, 1_000_000, 2_500_000, 42].map((amount, i) => {
    const claims = { sub: `clerk-${i}`, scope: i === 3 ? 'openid' : 'openid payments:transfer' };
    return {
      principal: { type: 'AgentCore::OAuthUser', id: claims.sub },
      action: { type: 'AgentCore::Action', id: entry.action },
      resource: { type: 'AgentCore::Gateway', id: cedar.gatewayArn },
      context: { input: toCedarInput(entry.tool.mcp.inputSchema, { supplierId: 'SUP-1', amount, currency: 'EUR', reference: 'INV-1' }) },
      preparsedPolicySetId: 'payments',
      entities: [{ uid: { type: 'AgentCore::OAuthUser', id: claims.sub }, attrs: { id: claims.sub }, parents: [], tags: claims }],
    };
  });
  const decisions = calls.map((call) => {
    const answer = engine.statefulIsAuthorized(call);
    return answer.type === 'success' ? answer.response.decision : 'error';
  });
  if (decisions.join(',') !== 'allow,allow,deny,deny')
    throw new Error(`decisions must be allow,allow,deny,deny (got ${decisions.join(',')})`);

  /** Decisions per wall-clock second and per CPU second of this process (the second is what a loaded machine cannot steal). */
  const measure = (n: number, one: (i: number) => void): { wall: number; cpu: number } => {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i++) one(i);
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { wall: n / wall, cpu: n / ((cpu.user + cpu.system) / 1e6) };
  };
  const median = (rates: { wall: number; cpu: number }[]): { wall: number; cpu: number } => ({
    wall: rates.map((r) => r.wall).sort((a, b) => a - b)[1]!,
    cpu: rates.map((r) => r.cpu).sort((a, b) => a - b)[1]!,
  });
  const raw = (i: number): void => void engine.statefulIsAuthorized(calls[i % calls.length]!);
  measure(5_000, raw); // warm-up: the wasm tiers up
  const engineRate = median([measure(20_000, raw), measure(20_000, raw), measure(20_000, raw)]);

  // the product's path: authorizeCall (input typed from the tool schema, request validated, preparsed policies and schema)
  const product = (i: number): void =>
    void authorizeCall(cedar, {
      tool: 'initiate-transfer',
      input: { supplierId: 'SUP-1', amount: [500, 1_000_000, 2_500_000, 42][i % 4]!, currency: 'EUR', reference: 'INV-1' },
      claims: { sub: `clerk-${i % 4}`, scope: i % 4 === 3 ? 'openid' : 'openid payments:transfer' },
    });
  measure(2_000, product);
  const productRate = median([measure(10_000, product), measure(10_000, product), measure(10_000, product)]);

  // what authorizeCall did before: parse the policy set and the schema on every call
  const policies = { staticPolicies: Object.fromEntries(cedar.policies.map((policy) => [policy.id, policy.text])) };
  const oneShot = (i: number): void => {
    const call = calls[i % calls.length]!;
    engine.isAuthorized({
      principal: call.principal,
      action: call.action,
      resource: call.resource,
      context: call.context,
      entities: call.entities,
      schema: cedar.schema,
      validateRequest: true,
      policies,
    });
  };
  measure(50, oneShot);
  const oneShotRate = median([measure(200, oneShot), measure(200, oneShot), measure(200, oneShot)]);
  const fmt = (r: { wall: number; cpu: number }): string =>
    `${Math.round(r.wall).toLocaleString('en')} decisions/s wall, ${Math.round(r.cpu).toLocaleString('en')} per CPU second`;
  const [load1] = (await import('node:os')).loadavg();
  process.stdout.write(`load average (1 min): ${load1!.toFixed(2)} on ${(await import('node:os')).availableParallelism()} cores\n`);
  process.stdout.write(
    `cedar engine, preparsed: ${fmt(engineRate)} (median of 3 x 20,000; target >= ${TARGET.toLocaleString('en')}) ${engineRate.wall >= TARGET ? 'OK' : engineRate.cpu >= TARGET ? 'OK per CPU second, below on the wall clock (loaded machine)' : 'BELOW TARGET'}\n`,
  );
  process.stdout.write(
    `authorizeCall (typed input, validated request, preparsed): ${fmt(productRate)} (median of 3 x 10,000) ${productRate.wall >= TARGET ? 'OK' : productRate.cpu >= TARGET ? 'OK per CPU second, below on the wall clock (loaded machine)' : 'BELOW TARGET'}\n`,
  );
  process.stdout.write(
    `one-shot (parse policies + schema per call, as before): ${fmt(oneShotRate)} (${(productRate.cpu / oneShotRate.cpu).toFixed(1)}x slower than authorizeCall)\n`,
  );
}
