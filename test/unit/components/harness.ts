/** Test helpers: run component constructors under the recording mocks and find what they registered. */
import type { RecordedResource } from '../../../src/plan/mocks.js';
import { runUnderMocks } from '../../../src/plan/mocks.js';
import type { AgentManifest, ToolSpec } from '../../../src/manifest/types.js';

export const SCOPE = { account: '111122223333', region: 'eu-west-1' } as const;

/** Runs `build` under mocks and returns the registered resources. */
export async function record(build: () => unknown): Promise<Resources> {
  const { resources } = await runUnderMocks({ project: 'agentfence', stack: 'test', account: SCOPE.account, region: SCOPE.region }, () => {
    build();
  });
  return new Resources(resources);
}

export class Resources {
  constructor(readonly all: readonly RecordedResource[]) {}

  ofType(type: string): RecordedResource[] {
    return this.all.filter((resource) => resource.type === type);
  }

  /** The one resource of a type (optionally whose logical name ends with `suffix`). */
  one(type: string, suffix?: string): RecordedResource {
    const found = this.ofType(type).filter((resource) => suffix === undefined || resource.name.endsWith(suffix));
    if (found.length !== 1)
      throw new Error(
        `expected one ${type}${suffix !== undefined ? ` *${suffix}` : ''}, found ${found.length}: ${found.map((r) => r.name).join(', ')}`,
      );
    return found[0]!;
  }

  /** A JSON-string input parsed (IAM documents). */
  json(type: string, suffix: string | undefined, key: string): any {
    return JSON.parse(this.one(type, suffix).inputs[key] as string);
  }
}

export function tool(name: string, overrides: Partial<ToolSpec> = {}): ToolSpec {
  return {
    name,
    actions: ['dynamodb:GetItem'],
    resources: [`arn:aws:dynamodb:${SCOPE.region}:${SCOPE.account}:table/${name}`],
    risk: 'low',
    approval: 'none',
    ...overrides,
  };
}

/** A complete, valid manifest to vary per test. */
export function manifest(overrides: Partial<AgentManifest> = {}): AgentManifest {
  return {
    version: 1,
    name: 'payments',
    description: 'Initiates payments after human approval.',
    owner: { team: 'payments-platform', email: 'payments-oncall@example.com' },
    riskTier: 'high',
    autonomy: 'supervised',
    goals: ['reconcile the ledger'],
    identity: { runtime: 'agentcore', account: SCOPE.account, region: SCOPE.region },
    tools: [
      tool('read-ledger', {
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [`arn:aws:dynamodb:${SCOPE.region}:${SCOPE.account}:table/ledger`],
      }),
      tool('initiate-transfer', {
        actions: ['execute-api:Invoke'],
        resources: [`arn:aws:execute-api:${SCOPE.region}:${SCOPE.account}:abc123/prod/POST/transfers`],
        risk: 'high',
        approval: 'required',
      }),
    ],
    dataStores: [
      { name: 'memory', kind: 'dynamodb', classification: 'confidential', retentionDays: 30 },
      { name: 'receipts', kind: 's3', classification: 'restricted', retentionDays: 400 },
    ],
    models: [],
    plugins: [],
    apis: [],
    network: { egress: 'firewall' },
    monitoring: { logRetentionDays: 90, alarmEmail: 'alerts@example.com' },
    ...overrides,
  };
}
