/**
 * Guardrails on a synthetic 10,000-resource plan (copies of the payments plan, renamed): `check`'s
 * path (parse the preview JSON, run every rule) against the policy pack's gRPC path (spawned pack,
 * one Analyze per resource, 16 in flight as an engine would, then one AnalyzeStack).
 * Target: check < 1 s; prints both times and the ratio.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { planAgent } from '../src/plan/offline.js';
import { readPlanDocument } from '../src/plan/read.js';
import { evaluateRules, type PackConfig, rules } from '../src/rules/evaluate.js';
import type { PlannedResource } from '../src/rules/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pulumiRequire = createRequire(require.resolve('@pulumi/pulumi/proto/analyzer_pb'));
/* The generated protobuf modules are untyped JavaScript. */
type Any = any;
const analyzer = require('@pulumi/pulumi/proto/analyzer_pb');
const services = require('@pulumi/pulumi/proto/analyzer_grpc_pb');
const struct = pulumiRequire('google-protobuf/google/protobuf/struct_pb');
const grpc = pulumiRequire('@grpc/grpc-js');

const TARGET = 10_000;
const IN_FLIGHT = 16;

/** Copies of the payments plan, each under its own names, until there are 10,000 resources. */
function synthesise(base: readonly PlannedResource[], run: number): { steps: unknown[] } {
  const steps: unknown[] = [];
  for (let copy = 0; steps.length < TARGET; copy++) {
    const rename = (urn: string) => `${urn}-${copy}`;
    // Physical names (roles, buckets, ARNs) carry the agent name: each copy gets its own.
    const own = (props: unknown) => JSON.parse(JSON.stringify(props).replaceAll('payments', `payments${run}x${copy}`)) as unknown;
    for (const r of base) {
      if (steps.length >= TARGET) break;
      steps.push({
        op: 'create',
        urn: rename(r.urn),
        newState: {
          urn: rename(r.urn),
          type: r.type,
          custom: !r.type.startsWith('agentfence:'),
          inputs: own(r.props),
          ...(r.parent === undefined ? {} : { parent: rename(r.parent) }),
          protect: r.protect === true,
          ...(r.dependencies === undefined
            ? {}
            : { propertyDependencies: Object.fromEntries(Object.entries(r.dependencies).map(([k, urns]) => [k, urns.map(rename)])) }),
        },
      });
    }
  }
  return { steps };
}

function countBy(ids: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of [...ids].sort()) out[id] = (out[id] ?? 0) + 1;
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The pack imports `agentfence` from its own node_modules: links this checkout there, as
 * `npm run policy-pack:link` does, unless the link already points here.
 */
function linkPack(): void {
  const modules = path.join(root, 'policy-packs/agent-guardrails/node_modules');
  const link = path.join(modules, 'agentfence');
  try {
    if (realpathSync(link) === realpathSync(root)) return;
  } catch {
    // Absent or dangling: made below.
  }
  mkdirSync(modules, { recursive: true });
  rmSync(link, { force: true, recursive: true });
  symlinkSync('../../..', link);
}

async function startPack(): Promise<{ pack: ChildProcess; client: Any }> {
  linkPack();
  // An empty project root: no verification report, the same deterministic supply-chain findings as `check` without one.
  const empty = mkdtempSync(path.join(tmpdir(), 'agentfence-bench-'));
  const pack = spawn(process.execPath, ['policy-packs/agent-guardrails'], {
    cwd: root,
    env: { ...process.env, AGENTFENCE_ROOT: empty },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    pack.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    pack.once('exit', (code) => reject(new Error(`pack exited ${code}`)));
  });
  const client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': 400 * 1024 * 1024,
  });
  return { pack, client };
}

function call(client: Any, method: string, request: Any): Promise<Any> {
  return new Promise((resolve, reject) =>
    client[method](request, (error: Error | null, response: Any) => (error ? reject(error) : resolve(response))),
  );
}

function options(r: PlannedResource): Any {
  const opts = new analyzer.AnalyzerResourceOptions();
  opts.setProtect(r.protect === true);
  if (r.parent !== undefined) opts.setParent(r.parent);
  return opts;
}

async function configure(client: Any, config: PackConfig): Promise<void> {
  const request = new analyzer.ConfigureAnalyzerRequest();
  for (const [name, entry] of Object.entries(config)) {
    const value = new analyzer.PolicyConfig();
    value.setEnforcementlevel(1);
    value.setProperties(struct.Struct.fromJavaScript(entry));
    request.getPolicyconfigMap().set(name, value);
  }
  await call(client, 'configure', request);
}

/** The engine's side: one Analyze per resource (IN_FLIGHT at a time), then AnalyzeStack. Returns the diagnostics' rule ids. */
async function viaGrpc(client: Any, resources: readonly PlannedResource[]): Promise<string[]> {
  const diagnostics: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < resources.length) {
      const r = resources[next++]!;
      const request = new analyzer.AnalyzeRequest();
      request.setType(r.type);
      request.setUrn(r.urn);
      request.setName(r.name);
      request.setProperties(struct.Struct.fromJavaScript(r.props));
      request.setOptions(options(r));
      for (const d of (await call(client, 'analyze', request)).getDiagnosticsList()) diagnostics.push(d.getPolicyname());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const stack = new analyzer.AnalyzeStackRequest();
  stack.setResourcesList(
    resources.map((r) => {
      const resource = new analyzer.AnalyzerResource();
      resource.setType(r.type);
      resource.setUrn(r.urn);
      resource.setName(r.name);
      resource.setProperties(struct.Struct.fromJavaScript(r.props));
      resource.setOptions(options(r));
      if (r.parent !== undefined) resource.setParent(r.parent);
      for (const [key, urns] of Object.entries(r.dependencies ?? {})) {
        const dependencies = new analyzer.AnalyzerPropertyDependencies();
        dependencies.setUrnsList([...urns]);
        resource.getPropertydependenciesMap().set(key, dependencies);
      }
      return resource;
    }),
  );
  for (const d of (await call(client, 'analyzeStack', stack)).getDiagnosticsList()) diagnostics.push(d.getPolicyname());
  return diagnostics;
}

export default async function (): Promise<void> {
  const base = readPlanDocument(await planAgent('payments', root), 'payments').resources;
  // A fresh document per run, so no cache carries over from one run to the next.
  const texts = Array.from({ length: 5 }, (_, run) => JSON.stringify(synthesise(base, run)));
  // No verification report in either path: the same, deterministic supply-chain findings.
  const config: PackConfig = {
    'high-risk-actions-via-approval-gate': { highRiskActions: ['lambda:InvokeFunction'] },
  };

  const checkTimes: number[] = [];
  let findings = 0;
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const resources = readPlanDocument(texts[i]!, 'synthetic.json').resources;
    findings = evaluateRules(resources, { config }).findings.length;
    checkTimes.push(performance.now() - start);
    count = resources.length;
  }
  const check = median(checkTimes);

  // The same pass without the rules that reason over IAM principals and resource policies: what the
  // IAM reasoning (expansion, simulation, escalation paths) costs on top of the pattern rules.
  const reasoning = new Set([
    'iam-escalation-paths',
    'agent-effective-permissions',
    'iam-boundary-bounds',
    'resource-policy-no-public-access',
  ]);
  const patternOnly = rules.filter((rule) => !reasoning.has(rule.id));
  const patternTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    evaluateRules(readPlanDocument(texts[i]!, 'synthetic.json').resources, { config, rules: patternOnly });
    patternTimes.push(performance.now() - start);
  }
  const pattern = median(patternTimes);
  process.stdout.write(
    `check with IAM reasoning ${check.toFixed(0)} ms, pattern-only rules ${pattern.toFixed(0)} ms: ratio ${(check / pattern).toFixed(2)}x\n`,
  );

  const resources = readPlanDocument(texts[0]!, 'synthetic.json').resources;
  const expected = countBy(evaluateRules(resources, { config }).findings.map((f) => f.ruleId));
  const { pack, client } = await startPack();
  try {
    await configure(client, config);
    await viaGrpc(client, resources.slice(0, 200));
    const grpcTimes: number[] = [];
    let diagnostics: string[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      diagnostics = await viaGrpc(client, resources);
      grpcTimes.push(performance.now() - start);
    }
    const viaPack = median(grpcTimes);
    const line = (label: string, ms: number, n: number) => `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   ${n} findings`;
    process.stdout.write(
      `${line(`check, ${count} resources (parse + all rules)`, check, findings)}   target < 1000 ms: ${check < 1000 ? 'met' : 'MISSED'}\n`,
    );
    process.stdout.write(`${line(`pack over gRPC, ${IN_FLIGHT} in flight + AnalyzeStack`, viaPack, diagnostics.length)}\n`);
    process.stdout.write(
      `ratio pack / check: ${(viaPack / check).toFixed(1)}x (check is ${(viaPack / check).toFixed(1)} times faster than the gRPC path)\n`,
    );
    const got = countBy(diagnostics);
    const same = JSON.stringify(got) === JSON.stringify(expected);
    process.stdout.write(
      `same findings per rule in both paths: ${same ? 'yes' : `NO: check ${JSON.stringify(expected)} pack ${JSON.stringify(got)}`}\n`,
    );
  } finally {
    client.close();
    pack.kill();
  }
}
