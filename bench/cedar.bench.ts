/**
 * Cedar decisions per second for the payments gateway's generated policy set, with the engine the
 * CLI uses (cedar-wasm): policies and schema parsed once (`preparsePolicySet`, as a gateway keeps
 * them), then one `statefulIsAuthorized` per call over a mix of allowed and denied transfers.
 * Also the one-shot path (`authorizeCall`: parse, validate the request, decide) for comparison.
 * Target: >= 10,000 decisions/s on the preparsed path.
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

  const run = (n: number): number => {
    const started = performance.now();
    for (let i = 0; i < n; i++) engine.statefulIsAuthorized(calls[i % calls.length]!);
    return n / ((performance.now() - started) / 1000);
  };
  run(5_000); // warm-up: the wasm tiers up
  const rates = [run(20_000), run(20_000), run(20_000)].sort((a, b) => a - b);
  const median = rates[1]!;

  const oneShot = (n: number): number => {
    const started = performance.now();
    for (let i = 0; i < n; i++)
      authorizeCall(cedar, {
        tool: 'initiate-transfer',
        input: { supplierId: 'SUP-1', amount: 500 + i, currency: 'EUR', reference: 'INV-1' },
        claims: { sub: 'c', scope: 'payments:transfer' },
      });
    return n / ((performance.now() - started) / 1000);
  };
  oneShot(50);
  const single = oneShot(300);
  process.stdout.write(
    `cedar preparsed: ${Math.round(median).toLocaleString('en')} decisions/s (median of 3 x 20,000; target >= ${TARGET.toLocaleString('en')}) ${median >= TARGET ? 'OK' : 'BELOW TARGET'}\n`,
  );
  process.stdout.write(
    `cedar one-shot (parse + validate request + decide): ${Math.round(single).toLocaleString('en')} decisions/s (${(median / single).toFixed(1)}x slower than preparsed)\n`,
  );
}
