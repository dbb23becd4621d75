/** Test helpers: a throw-away project with one agent stack built from real fixture files. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentManifest } from '../../../src/manifest/types.js';
import { gatherSbomInput, type GatherOptions } from '../../../src/sbom/inputs.js';
import type { SbomInput } from '../../../src/sbom/types.js';
import type { ApiDescriptor, VerificationReport } from '../../../src/verify/types.js';

export const root = path.resolve(import.meta.dirname, '../../..');
export const fixtures = path.resolve(root, '../shared/fixtures');

export const descriptor: ApiDescriptor = {
  schemaVersion: 'agentfence.api/v1',
  name: 'payments-gateway',
  provider: 'Acme Payments Ltd',
  baseUrl: 'https://api.acmepay.example/v2',
  hosts: ['api.acmepay.example', 'auth.acmepay.example'],
  dataClassifications: ['internal', 'confidential'],
  auth: { type: 'oauth2' },
  openapi: { digest: `sha256:${'ab'.repeat(32)}`, url: 'https://api.acmepay.example/openapi.json' },
  owner: 'api-governance@example.com',
  expires: '2027-12-31T00:00:00Z',
};

export function manifest(overrides: Partial<AgentManifest> = {}): AgentManifest {
  return {
    version: 1,
    name: 'demo',
    description: 'Reconciles the ledger <script>alert(1)</script> & prepares payments',
    owner: { team: 'payments-platform', email: 'payments-platform@example.com' },
    riskTier: 'high',
    autonomy: 'supervised',
    goals: ['reconcile ledger', 'initiate transfers only after human approval'],
    identity: { runtime: 'agentcore', account: '111122223333', region: 'eu-west-1' },
    tools: [
      {
        name: 'initiate-transfer',
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer'],
        risk: 'high',
        approval: 'required',
      },
    ],
    dataStores: [
      { name: 'payment-memory', kind: 'dynamodb', classification: 'restricted', retentionDays: 400 },
      { name: 'payment-evidence', kind: 's3', classification: 'confidential', retentionDays: 2555 },
    ],
    models: [
      {
        name: 'fraud-scorer',
        path: 'models/fraud-scorer',
        signedBy: 'acme-ml-release',
        version: '1.3.0',
        supplier: 'Acme ML',
        license: 'Apache-2.0',
        task: 'tabular-classification',
      },
      { name: 'planner', hosted: 'anthropic.claude-sonnet-4-5-20250929-v1:0', supplier: 'Anthropic' },
    ],
    plugins: [{ name: '@acme/ledger-mcp', version: '^2.1.0' }],
    apis: [
      {
        name: 'payments-gateway',
        descriptor: 'apis/payments-gateway.json',
        signature: 'apis/payments-gateway.sigstore.json',
        dataClassifications: ['confidential'],
      },
    ],
    network: { egress: 'firewall' },
    monitoring: { logRetentionDays: 365, alarmEmail: 'oncall@example.com' },
    attestations: 'attestations',
    ...overrides,
  };
}

export const INTEGRITY = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;

/** Creates `<tmp>/stacks/demo` with a real signed model, a descriptor, a bundle and a vendored attestation. */
export function makeProject(m: AgentManifest = manifest()): { projectRoot: string; stackDir: string; manifestFile: string } {
  const projectRoot = mkdtempSync(path.join(tmpdir(), 'agentfence-sbom-'));
  const stackDir = path.join(projectRoot, 'stacks', 'demo');
  mkdirSync(path.join(stackDir, 'apis'), { recursive: true });
  mkdirSync(path.join(stackDir, 'attestations'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'package.json'), '{"name":"tmp"}\n');
  cpSync(path.join(fixtures, 'model-signing/v1.1.0-sigstore'), path.join(stackDir, 'models/fraud-scorer'), { recursive: true });
  writeFileSync(path.join(stackDir, 'apis/payments-gateway.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  writeFileSync(path.join(stackDir, 'apis/payments-gateway.sigstore.json'), '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}\n');
  writeFileSync(
    path.join(stackDir, 'attestations/%40acme%2Fledger-mcp@2.1.3.json'),
    JSON.stringify({ name: '@acme/ledger-mcp', version: '2.1.3', integrity: INTEGRITY }),
  );
  const manifestFile = path.join(stackDir, 'agent.yaml');
  writeFileSync(manifestFile, `${JSON.stringify(m)}\n`);
  return { projectRoot, stackDir, manifestFile };
}

export function inputFor(
  m: AgentManifest = manifest(),
  extra: Partial<Pick<GatherOptions, 'verification' | 'verificationSource' | 'timestamp'>> = {},
  project = makeProject(m),
): SbomInput {
  return gatherSbomInput({
    agentName: 'demo',
    manifest: m,
    ...project,
    verificationSource: extra.verification === undefined ? 'none' : 'file',
    tool: { name: 'agentfence', version: '0.1.0' },
    libraryVersion: '10.3.0',
    ...extra,
  });
}

export function verification(overrides: Partial<VerificationReport> = {}): VerificationReport {
  return {
    schemaVersion: 'agentfence.verification/v2',
    agent: 'demo',
    mode: 'enforce',
    manifestDigest: 'sha256:00',
    trustPolicyDigest: 'sha256:01',
    files: [],
    results: [
      {
        kind: 'model',
        name: 'fraud-scorer',
        status: 'verified',
        message: 'verified',
        signer: { identity: 'stefanb@us.ibm.com', issuer: 'https://sigstore.verify.ibm.com/oauth2', authority: 'acme-ml-release' },
        tlogIndexes: ['123456'],
        trustRoot: `sha256:${'cd'.repeat(32)}`,
      },
      {
        kind: 'plugin',
        name: '@acme/ledger-mcp',
        version: '2.1.3',
        status: 'verified',
        message: 'verified',
        signer: {
          identity: 'https://github.com/acme/ledger-mcp/.github/workflows/release.yml@refs/tags/v2.1.3',
          issuer: 'https://token.actions.githubusercontent.com',
          extensions: { sourceRepositoryURI: 'https://github.com/acme/ledger-mcp', sourceRepositoryRef: 'refs/tags/v2.1.3' },
        },
      },
      { kind: 'api', name: 'payments-gateway', status: 'blocked', reason: 'EXPIRED', message: 'descriptor expired <b>' },
    ],
    verifiedHosts: [],
    summary: { verified: 2, allowListed: 0, blocked: 1, warned: 0 },
    ...overrides,
  };
}
