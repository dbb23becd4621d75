/**
 * The real agent-guardrails pack over its real gRPC Analyzer interface, as a user gets it: the
 * root package packed with `npm pack` (build dist/ first), unpacked into a fresh folder's
 * node_modules (its third-party dependencies symlinked to this checkout's, offline), the pack folder
 * taken from the tarball and run from there: `node <pack>`, read the port it prints, and send the
 * requests the Pulumi CLI sends. Nothing reaches back into this repository's dist/.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgent } from '../../src/manifest/load.js';
import { planAgent } from '../../src/plan/offline.js';
import { readPlanDocument } from '../../src/plan/read.js';
import { evaluateRules, type PackConfig } from '../../src/rules/evaluate.js';
import type { PlannedResource } from '../../src/rules/types.js';
import type { VerificationReport } from '../../src/verify/types.js';
import { fileDigest, stackReportLookup, verificationReportFile } from '../../src/verify/report.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pulumiRequire = createRequire(require.resolve('@pulumi/pulumi/proto/analyzer_pb'));

const analyzer = require('@pulumi/pulumi/proto/analyzer_pb');
const services = require('@pulumi/pulumi/proto/analyzer_grpc_pb');
const struct = pulumiRequire('google-protobuf/google/protobuf/struct_pb');
const empty = pulumiRequire('google-protobuf/google/protobuf/empty_pb');
const grpc = pulumiRequire('@grpc/grpc-js');

const LEVEL: Readonly<Record<number, string>> = { 0: 'advisory', 1: 'mandatory', 2: 'disabled', 3: 'remediate' };
const LEVEL_CODE: Readonly<Record<string, number>> = { advisory: 0, mandatory: 1, disabled: 2 };

interface Diagnostic {
  readonly ruleId: string;
  readonly enforcementLevel: string;
  readonly message: string;
  readonly urn?: string;
}

const work = mkdtempSync(path.join(tmpdir(), 'agentfence-pack-'));
let pack: ChildProcess | undefined;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))),
  );
}

function options(resource: PlannedResource): any {
  const opts = new analyzer.AnalyzerResourceOptions();
  opts.setProtect(resource.protect === true);
  if (resource.parent !== undefined) opts.setParent(resource.parent);
  return opts;
}

/** The diagnostics as the CLI would show them; the SDK prefixes the policy description to each message. */
function toDiagnostics(response: any): Diagnostic[] {
  return response.getDiagnosticsList().map((d: any) => ({
    ruleId: d.getPolicyname(),
    enforcementLevel: LEVEL[d.getEnforcementlevel()]!,
    message: d.getMessage().split('\n').slice(1).join('\n') || d.getMessage(),
    ...(d.getUrn() === '' ? {} : { urn: d.getUrn() }),
  }));
}

async function analyze(resource: PlannedResource): Promise<Diagnostic[]> {
  const request = new analyzer.AnalyzeRequest();
  request.setType(resource.type);
  request.setUrn(resource.urn);
  request.setName(resource.name);
  request.setProperties(struct.Struct.fromJavaScript(resource.props));
  request.setOptions(options(resource));
  return toDiagnostics(await call('analyze', request)).map((d) => ({ ...d, urn: resource.urn }));
}

async function analyzeStack(resources: readonly PlannedResource[]): Promise<Diagnostic[]> {
  const request = new analyzer.AnalyzeStackRequest();
  request.setResourcesList(
    resources.map((resource) => {
      const r = new analyzer.AnalyzerResource();
      r.setType(resource.type);
      r.setUrn(resource.urn);
      r.setName(resource.name);
      r.setProperties(struct.Struct.fromJavaScript(resource.props));
      r.setOptions(options(resource));
      if (resource.parent !== undefined) r.setParent(resource.parent);
      // the engine sends each property's dependencies (the graph rules follow references through them)
      for (const [key, urns] of Object.entries(resource.dependencies ?? {})) {
        const dependencies = new analyzer.AnalyzerPropertyDependencies();
        dependencies.setUrnsList([...urns]);
        r.getPropertydependenciesMap().set(key, dependencies);
      }
      return r;
    }),
  );
  return toDiagnostics(await call('analyzeStack', request));
}

/** Every resource through Analyze, then the stack through AnalyzeStack: what `pulumi preview` does. */
async function analyzeAll(resources: readonly PlannedResource[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const resource of resources) out.push(...(await analyze(resource)));
  out.push(...(await analyzeStack(resources)));
  return out;
}

/** The Configure RPC with pack-style config, as `--policy-pack-config` sends it. */
async function configure(config: PackConfig): Promise<void> {
  const request = new analyzer.ConfigureAnalyzerRequest();
  const map = request.getPolicyconfigMap();
  const all = typeof config['all'] === 'string' ? config['all'] : undefined;
  const info = await call<any>('getAnalyzerInfo', new empty.Empty());
  for (const policy of info.getPoliciesList()) {
    const name: string = policy.getName();
    const entry = config[name];
    if (entry === undefined && all === undefined) continue;
    const value = new analyzer.PolicyConfig();
    const { enforcementLevel, ...props } =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : { enforcementLevel: entry };
    const level = (enforcementLevel as string | undefined) ?? all ?? LEVEL[policy.getEnforcementlevel()]!;
    value.setEnforcementlevel(LEVEL_CODE[level]);
    value.setProperties(struct.Struct.fromJavaScript(props));
    map.set(name, value);
  }
  await call('configure', request);
}

/**
 * `npm pack` of the root package, unpacked as node_modules/agentfence of a fresh folder whose other
 * dependencies are symlinks to this checkout's; answers the pack folder copied out of the tarball.
 */
function installPackedPack(): string {
  const org = path.join(work, 'org');
  const modules = path.join(org, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', modules]);
  renameSync(path.join(modules, 'package'), path.join(modules, 'agentfence'));
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'agentfence') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  const packDir = path.join(org, 'agent-guardrails');
  cpSync(path.join(modules, 'agentfence/policy-packs/agent-guardrails'), packDir, { recursive: true });
  return packDir;
}

const plans = new Map<string, PlannedResource[]>();
const derived = new Map<string, PackConfig>();

/**
 * Writes the stack's own report (`<work>/.agentfence/<agent>/verification.json`, where the pack
 * looks) in which every model, plugin and API of the agent verified; it records two files under
 * `work`, so it is fresh until they change.
 */
function verifiedReport(agent: string, changes: Partial<VerificationReport> = {}): VerificationReport {
  const loaded = loadAgent(agent, root);
  const manifest = loaded.manifest.manifest;
  const hosts = manifest.apis.flatMap(
    (api) => (JSON.parse(readFileSync(path.join(loaded.location.stackDir, api.descriptor), 'utf8')) as { hosts: string[] }).hosts,
  );
  const results = [
    ...manifest.models.map((m) => ({ kind: 'model' as const, name: m.name, status: 'verified' as const, message: 'verified' })),
    ...manifest.plugins.flatMap((p) =>
      'name' in p ? [{ kind: 'plugin' as const, name: p.name, status: 'verified' as const, message: 'verified' }] : [],
    ),
    ...manifest.apis.map((a) => ({ kind: 'api' as const, name: a.name, status: 'verified' as const, message: 'verified' })),
  ];
  mkdirSync(path.join(work, 'stacks', agent), { recursive: true });
  writeFileSync(path.join(work, 'stacks', agent, 'agent.yaml'), readFileSync(loaded.manifest.file));
  writeFileSync(path.join(work, 'stacks', 'trust-policy.yaml'), readFileSync(loaded.trustPolicy.file));
  const report: VerificationReport = {
    schemaVersion: 'agentfence.verification/v2',
    agent,
    mode: 'enforce',
    manifestDigest: fileDigest(loaded.manifest.file),
    trustPolicyDigest: fileDigest(loaded.trustPolicy.file),
    files: [
      { path: `stacks/${agent}/agent.yaml`, digest: fileDigest(loaded.manifest.file) },
      { path: 'stacks/trust-policy.yaml', digest: fileDigest(loaded.trustPolicy.file) },
    ],
    results,
    verifiedHosts: hosts.sort(),
    summary: { verified: results.length, allowListed: 0, blocked: 0, warned: 0 },
    ...changes,
  };
  const file = verificationReportFile(work, agent);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report));
  return report;
}

function agentConfig(agent: string): PackConfig {
  return { ...derived.get(agent), 'supply-chain-verified': { agent } };
}

/** The check path's verdict: the same stack report file the pack reads. */
const fromWork = (agent: string) => stackReportLookup(work, agent);

const mandatory = (diagnostics: readonly { enforcementLevel: string; ruleId: string }[]) =>
  [...new Set(diagnostics.filter((d) => d.enforcementLevel === 'mandatory').map((d) => d.ruleId))].sort();

beforeAll(async () => {
  for (const agent of ['payments', 'support-triage']) {
    plans.set(agent, [...readPlanDocument(await planAgent(agent, root), agent).resources]);
    const manifest = loadAgent(agent, root).manifest.manifest;
    derived.set(agent, {
      'high-risk-actions-via-approval-gate': {
        highRiskTools: manifest.tools
          .filter((t) => t.risk === 'high')
          .map((t) => ({ name: t.name, actions: [...t.actions], resources: [...t.resources] })),
      },
    });
  }
  const packDir = installPackedPack();
  const started = spawn(process.execPath, ['.'], {
    cwd: packDir,
    env: { ...process.env, AGENTFENCE_ROOT: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pack = started;
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    started.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]!;
      if (!out.includes('\n')) return;
      if (/^\d+$/.test(line.trim())) resolve(Number(line));
      else reject(new Error(`pack printed ${JSON.stringify(out)}`));
    });
    started.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    started.on('exit', (code) => reject(new Error(`pack exited ${code}: ${err}`)));
  });
  client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 120_000);

afterAll(() => {
  client?.close();
  pack?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('agent-guardrails pack over gRPC', () => {
  describe('when asked what it is', () => {
    it('serves every rule with its level, severity and config schema', async () => {
      const info = await call<any>('getAnalyzerInfo', new empty.Empty());
      expect(info.getName()).toBe('agent-guardrails');
      expect(info.getVersion()).toBe(
        JSON.parse(readFileSync(path.join(root, 'policy-packs/agent-guardrails/package.json'), 'utf8')).version,
      );
      const policies = new Map<string, any>(info.getPoliciesList().map((p: any) => [p.getName(), p]));
      const { rules } = await import('../../src/rules/evaluate.js');
      expect([...policies.keys()].sort()).toEqual(rules.map((r) => r.id).sort());
      for (const rule of rules) {
        const policy = policies.get(rule.id);
        expect(LEVEL[policy.getEnforcementlevel()], rule.id).toBe(rule.defaultEnforcement);
        expect(policy.getDescription()).toBe(rule.description);
        expect(policy.hasConfigschema(), rule.id).toBe(rule.configSchema !== undefined);
        expect(policy.getUrl(), rule.id).toBe(`https://github.com/agentfence/agentfence/blob/main/docs/rules.md#${rule.id}`);
      }
    });
    it('ships a pack folder that reaches only into the agentfence package, never back into a checkout', () => {
      const folder = path.join(work, 'org/agent-guardrails');
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
        main: string;
        dependencies: Record<string, string>;
      };
      expect(Object.keys(manifest.dependencies)).toEqual(['agentfence']);
      const entry = readFileSync(path.join(folder, manifest.main), 'utf8');
      expect(entry).toContain("from 'agentfence/policy-pack'");
      for (const file of readdirSync(folder)) {
        if (file.endsWith('.js') || file.endsWith('.cjs'))
          expect(readFileSync(path.join(folder, file), 'utf8'), file).not.toMatch(/\.\.\/|dist\//);
      }
      expect(readFileSync(path.join(folder, 'PulumiPolicy.yaml'), 'utf8')).toMatch(/^runtime: nodejs$/m);
    });
  });

  describe.each(['payments', 'support-triage'])('when the %s example plan is analysed', (agent) => {
    it('reports no mandatory diagnostic', async () => {
      verifiedReport(agent);
      await configure(agentConfig(agent));
      const diagnostics = await analyzeAll(plans.get(agent)!);
      expect(diagnostics.filter((d) => d.enforcementLevel === 'mandatory')).toEqual([]);
    });
    it('reports exactly what `agentfence check` reports for the same plan and config', async () => {
      const config: PackConfig = { ...derived.get(agent), 'supply-chain-verified': { agent } };
      rmSync(path.dirname(verificationReportFile(work, agent)), { recursive: true, force: true });
      await configure(config);
      const viaGrpc = await analyzeAll(plans.get(agent)!);
      const viaCheck = evaluateRules(plans.get(agent)!, { config, verification: fromWork(agent) }).findings;
      const key = (d: { ruleId: string; enforcementLevel: string; message: string }) => `${d.ruleId} ${d.enforcementLevel} ${d.message}`;
      expect(viaGrpc.map(key).sort()).toEqual(viaCheck.map(key).sort());
      expect(mandatory(viaGrpc)).toEqual(['network-firewall-allowlist-verified', 'supply-chain-verified']);
    });
  });

  describe('when a misconfiguration is seeded into the payments plan', () => {
    const edit = (
      resources: readonly PlannedResource[],
      match: (r: PlannedResource) => boolean,
      change: (props: Record<string, unknown>) => Record<string, unknown>,
    ) => {
      let hits = 0;
      const out = resources.map((r) => {
        if (!match(r)) return r;
        hits++;
        return { ...r, props: change(structuredClone(r.props)) };
      });
      expect(hits, 'the seeded resource exists in the plan').toBeGreaterThan(0);
      return out;
    };
    const isType = (type: string) => (r: PlannedResource) => r.type === type;
    const agentTools = (r: PlannedResource) => r.type === 'aws:iam/policy:Policy' && r.urn.includes('agentfence:aws:LeastPrivilegePolicy$');
    const cases: [
      string,
      string,
      (plan: readonly PlannedResource[]) => readonly PlannedResource[],
      ((agent: string) => VerificationReport) | undefined,
    ][] = [
      [
        'a wildcard policy',
        'iam-no-wildcard-action',
        (plan) =>
          edit(plan, agentTools, (p) => ({
            ...p,
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-supplier-master/*' }],
            }),
          })),
        undefined,
      ],
      [
        'a public bucket',
        's3-bucket-public-access-blocked',
        (plan) => plan.filter((r) => !(r.type === 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')),
        undefined,
      ],
      [
        'an unencrypted table',
        'dynamodb-table-encrypted-cmk',
        (plan) => edit(plan, isType('aws:dynamodb/table:Table'), ({ serverSideEncryption: _, ...p }) => p),
        undefined,
      ],
      [
        'open egress',
        'security-group-no-open-egress',
        (plan) =>
          edit(
            plan,
            (r) => r.name.endsWith('agent-sg'),
            (p) => ({
              ...p,
              egress: [...(p['egress'] as unknown[]), { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
            }),
          ),
        undefined,
      ],
      [
        'a PUBLIC AgentCore runtime',
        'agentcore-runtime-in-vpc',
        (plan) =>
          edit(plan, isType('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime'), (p) => ({
            ...p,
            networkConfiguration: { networkMode: 'PUBLIC' },
          })),
        undefined,
      ],
      [
        'a missing approval gate',
        'high-risk-actions-via-approval-gate',
        (plan) =>
          edit(
            plan.filter((r) => !r.urn.includes('agentfence:aws:ApprovalGate')),
            agentTools,
            (p) => ({
              ...p,
              policy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'InitiateTransfer',
                    Effect: 'Allow',
                    Action: ['lambda:InvokeFunction'],
                    Resource: ['arn:aws:lambda:eu-west-1:111122223333:function:initiate-transfer'],
                  },
                ],
              }),
            }),
          ),
        undefined,
      ],
      [
        'an unsigned model',
        'supply-chain-verified',
        (plan) => plan,
        (agent) =>
          verifiedReport(agent, {
            results: [
              {
                kind: 'model',
                name: 'fraud-scorer',
                status: 'blocked',
                reason: 'UNSIGNED',
                message: 'no signature at models/fraud-scorer/model.sig',
              },
            ],
          }),
      ],
    ];
    it.each(cases)('blocks %s with %s, in the pack and in check', async (_, ruleId, seed, report) => {
      if (report === undefined) verifiedReport('payments');
      else report('payments');
      const config = agentConfig('payments');
      const plan = seed(plans.get('payments')!);
      await configure(config);
      const viaGrpc = await analyzeAll(plan);
      // A seeded grant the agent role holds directly is also what the effective-permissions simulation refuses.
      const expected = ['iam-no-wildcard-action', 'high-risk-actions-via-approval-gate'].includes(ruleId)
        ? ['agent-effective-permissions', ruleId].sort()
        : [ruleId];
      expect(mandatory(viaGrpc)).toEqual(expected);
      expect(mandatory(evaluateRules(plan, { config, verification: fromWork('payments') }).findings)).toEqual(expected);
    });
  });

  describe("when the stack's report went stale (the trust policy changed after verify)", () => {
    it("blocks on supply chain with the reason, reading only its own stack's report", async () => {
      verifiedReport('payments');
      verifiedReport('support-triage');
      writeFileSync(path.join(work, 'stacks', 'trust-policy.yaml'), 'version: 1\nmode: warn\n');
      await configure(agentConfig('payments'));
      const diagnostics = await analyzeAll(plans.get('payments')!);
      const supply = diagnostics.filter((d) => d.ruleId === 'supply-chain-verified');
      expect(supply.map((d) => d.message)).toEqual([expect.stringContaining('stacks/trust-policy.yaml changed since it was verified')]);
      expect(supply[0]!.message).toContain('.agentfence/payments/verification.json');
    });
  });

  describe('when the pack is configured (Configure RPC)', () => {
    const key = {
      urn: 'urn:pulumi:dev::agentfence::aws:kms/key:Key::k',
      type: 'aws:kms/key:Key',
      name: 'k',
      props: { enableKeyRotation: false },
    };
    const role = {
      urn: 'urn:pulumi:dev::agentfence::aws:iam/role:Role::r',
      type: 'aws:iam/role:Role',
      name: 'r',
      props: {
        assumeRolePolicy: JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { Service: 'lambda.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': '1' } },
            },
          ],
        }),
        permissionsBoundary: 'arn:aws:iam::1:policy/b',
        maxSessionDuration: 3600,
        tags: { 'agentfence:agent': 'a', 'agentfence:owner': 'o', 'agentfence:risk-tier': 'low' },
      },
    };
    it('reports at the default level without config', async () => {
      await configure({});
      expect(await analyze(key)).toEqual([
        {
          ruleId: 'kms-key-rotation',
          enforcementLevel: 'mandatory',
          message: 'KMS key "k" must have key rotation enabled (got enableKeyRotation false)',
          urn: key.urn,
        },
      ]);
      expect(await analyze(role)).toEqual([]);
    });
    it('downgrades a rule to advisory', async () => {
      await configure({ 'kms-key-rotation': 'advisory' });
      expect((await analyze(key)).map((d) => d.enforcementLevel)).toEqual(['advisory']);
    });
    it('applies a rule config with its level', async () => {
      await configure({ 'iam-role-session-duration': { enforcementLevel: 'mandatory', maxSeconds: 900 } });
      expect(await analyze(role)).toEqual([
        {
          ruleId: 'iam-role-session-duration',
          enforcementLevel: 'mandatory',
          message: 'IAM role "r" maxSessionDuration must be at most 900 s (got 3600)',
          urn: role.urn,
        },
      ]);
    });
    it('disables everything with "all"', async () => {
      await configure({ all: 'disabled' });
      expect(await analyze(key)).toEqual([]);
      await configure({});
    });
    it('reports a value unknown during preview as advisory, never as a pass', async () => {
      await configure({});
      const unknownKey = { ...key, props: { enableKeyRotation: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' } };
      expect(await analyze(unknownKey)).toEqual([
        {
          ruleId: 'kms-key-rotation',
          enforcementLevel: 'advisory',
          message: 'KMS key "k": enableKeyRotation cannot be checked before deploy (got a value unknown until deploy)',
          urn: key.urn,
        },
      ]);
    });
  });
});

/** Starts `node <dir>` and answers its gRPC client, or the process's error output when it exits. */
async function startPack(dir: string): Promise<{ client: any; child: ChildProcess }> {
  const child = spawn(process.execPath, ['.'], {
    cwd: dir,
    env: { ...process.env, AGENTFENCE_ROOT: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      if (/^\d+$/.test(out.split('\n')[0]!.trim())) resolve(Number(out.split('\n')[0]));
      else reject(new Error(`pack printed ${JSON.stringify(out)}`));
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`pack exited ${code}: ${err}`)));
  });
  return { client: new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), child };
}

describe('AgentGuardrails as a library in an organisation pack', () => {
  describe('when an organisation builds its own pack with a config', () => {
    it('serves every rule under its name with the levels it chose', async () => {
      const dir = path.join(work, 'org/acme-pack');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'acme-pack', version: '1.2.3', type: 'module', main: 'index.js', dependencies: { agentfence: '^0.1.0' } }),
      );
      writeFileSync(path.join(dir, 'PulumiPolicy.yaml'), 'runtime: nodejs\n');
      writeFileSync(
        path.join(dir, 'index.js'),
        "import { AgentGuardrails } from 'agentfence/policy-pack';\nnew AgentGuardrails({ all: 'advisory', 'iam-no-wildcard-action': 'mandatory', 'agent-required-tags': 'disabled' }, { name: 'acme-agents' });\n",
      );
      const started = await startPack(dir);
      try {
        const info = await new Promise<any>((resolve, reject) =>
          started.client.getAnalyzerInfo(new empty.Empty(), (e: Error | null, r: any) => (e ? reject(e) : resolve(r))),
        );
        expect(info.getName()).toBe('acme-agents');
        const levels = new Map<string, string>(info.getPoliciesList().map((p: any) => [p.getName(), LEVEL[p.getEnforcementlevel()]!]));
        expect(levels.get('iam-no-wildcard-action')).toBe('mandatory');
        expect(levels.get('agent-required-tags')).toBe('disabled');
        expect(levels.get('kms-key-rotation')).toBe('advisory');
      } finally {
        started.client.close();
        started.child.kill();
      }
    }, 60_000);

    it('refuses a config key that names no rule', async () => {
      const dir = path.join(work, 'org/typo-pack');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'typo-pack', version: '1.0.0', type: 'module', main: 'index.js' }),
      );
      writeFileSync(
        path.join(dir, 'index.js'),
        "import { AgentGuardrails } from 'agentfence/policy-pack';\nnew AgentGuardrails({ 'iam-no-wildcard-actions': 'mandatory' });\n",
      );
      await expect(startPack(dir)).rejects.toThrow(/config keys must be "all" or rule ids \(got "iam-no-wildcard-actions"\)/);
    }, 60_000);
  });
});
