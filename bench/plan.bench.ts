/**
 * Offline plan time: `planAgent` (manifest load, descriptor hosts, the Pulumi program under mocks,
 * preview document) for each example stack and for a synthetic agent at the manifest schema's limits
 * (200 tools, 20 stores, 50 APIs) written to a scratch project. Median of 3 runs after one warm-up,
 * in one process (plans are serialised on Pulumi's global mock monitor). Baseline: the payments plan.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planAgent } from '../src/plan/offline.js';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = 3;
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const SERVICES = ['dynamodb', 's3', 'sqs', 'sns', 'secretsmanager', 'states', 'lambda', 'events'] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A scratch project with one agent of 200 tools (every tenth needs approval), 20 stores and 50 APIs. */
function syntheticProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-bench-plan-'));
  const stack = path.join(dir, 'stacks', 'synthetic');
  mkdirSync(path.join(stack, 'apis'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"bench","private":true}\n');
  const apis = Array.from({ length: 50 }, (_, i) => {
    const name = `api-${i}`;
    const hosts = [`api.vendor-${i}.example`, `auth.vendor-${i}.example`];
    writeFileSync(
      path.join(stack, 'apis', `${name}.json`),
      JSON.stringify({
        schemaVersion: 'agentfence.api/v1',
        name,
        provider: `Vendor ${i}`,
        baseUrl: `https://${hosts[0]}/v1`,
        hosts,
        dataClassifications: ['internal'],
        auth: { type: 'oauth2' },
        openapi: { digest: `sha256:${'0'.repeat(64)}` },
        owner: 'api-governance@example.com',
        expires: '2030-01-01T00:00:00Z',
      }),
    );
    writeFileSync(path.join(stack, 'apis', `${name}.sigstore.json`), '{}\n');
    return { name, descriptor: `apis/${name}.json`, signature: `apis/${name}.sigstore.json`, dataClassifications: ['internal'] };
  });
  const tools = Array.from({ length: 200 }, (_, i) => {
    const service = SERVICES[i % SERVICES.length]!;
    return {
      name: `tool-${i}`,
      actions: [`${service}:Action${i}`],
      resources: [`arn:aws:${service}:${REGION}:${ACCOUNT}:resource-${i}`],
      risk: 'low',
      approval: i % 10 === 0 ? 'required' : 'none',
    };
  });
  const dataStores = Array.from({ length: 20 }, (_, i) => ({
    name: `store-${i}`,
    kind: i % 2 === 0 ? 's3' : 'dynamodb',
    classification: (['public', 'internal', 'confidential', 'restricted'] as const)[i % 4],
    retentionDays: 30 + i,
  }));
  const manifest = {
    version: 1,
    name: 'synthetic',
    description: 'Synthetic agent at the manifest limits, for the plan benchmark.',
    owner: { team: 'bench', email: 'bench@example.com' },
    riskTier: 'low',
    autonomy: 'supervised',
    goals: ['Exercise the planner.'],
    identity: { runtime: 'agentcore', account: ACCOUNT, region: REGION },
    tools,
    dataStores,
    models: [],
    plugins: [],
    apis,
    network: { egress: 'firewall' },
    monitoring: { logRetentionDays: 90, alarmEmail: 'bench@example.com' },
  };
  writeFileSync(path.join(stack, 'agent.yaml'), JSON.stringify(manifest, null, 1));
  return dir;
}

async function measure(ref: string, cwd: string): Promise<{ ms: number; resources: number }> {
  await planAgent(ref, cwd);
  const samples: number[] = [];
  let resources = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const plan = await planAgent(ref, cwd);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    resources = plan.steps.length;
  }
  return { ms: median(samples), resources };
}

export default async function (): Promise<void> {
  const scratch = syntheticProject();
  try {
    const rows: [string, { ms: number; resources: number }][] = [
      ['payments (baseline)', await measure('payments', root)],
      ['support-triage', await measure('support-triage', root)],
      ['synthetic 200 tools/20 stores/50 APIs', await measure('synthetic', scratch)],
    ];
    const base = rows[0]![1].ms;
    for (const [label, { ms, resources }] of rows) {
      process.stdout.write(
        `${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${String(resources).padStart(5)} resources  ${((resources / ms) * 1000).toFixed(0).padStart(5)} resources/s  ${(ms / base).toFixed(2)}x payments\n`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
