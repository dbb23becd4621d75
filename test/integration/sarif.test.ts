/**
 * Every SARIF output (validate, check, verify, gate) against the SARIF 2.1.0 schema and the
 * Microsoft SARIF multitool's `validate` with the GitHub rule set (what code scanning enforces on
 * upload): no error, no warning. Plus what a reviewer relies on: clickable manifest locations,
 * fingerprints stable across runs, one automation id per agent, a failed invocation when a stage
 * cannot run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { agentfence, root } from './run-cli.js';

const multitoolDir = path.join(root, 'node_modules/@microsoft/sarif-multitool-linux');
const multitool = path.join(multitoolDir, 'Sarif.Multitool');
const samples = path.resolve(root, '../shared/fixtures/pulumi-json');

interface Region {
  startLine: number;
  endLine?: number;
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        rules: {
          id: string;
          help?: { text: string; markdown: string };
          helpUri?: string;
          fullDescription?: { text: string };
          properties: Record<string, unknown>;
        }[];
      };
    };
    automationDetails: { id: string };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Region } }[];
    }[];
  }[];
}

function scratchProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-sarif-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, 'sbom'), path.join(dir, 'sbom'), { recursive: true });
  return dir;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validateSchema = ajv.compile(JSON.parse(readFileSync(path.join(multitoolDir, 'sarif-2.1.0.json'), 'utf8')) as object);

/**
 * Runs the multitool's validate with the GitHub rules over every output at once (one .NET start,
 * not one per file); answers each output's error and warning lines, by output name.
 */
function multitoolProblems(dir: string, texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const files = new Map<string, string>();
  for (const [name, text] of texts) {
    const file = path.join(dir, `${name}.sarif`);
    writeFileSync(file, text);
    files.set(pathToFileURL(file).href, name);
  }
  const out = path.join(dir, 'validation.sarif');
  const r = spawnSync(
    multitool,
    ['validate', ...[...files.keys()].map((uri) => fileURLToPath(uri)), '--rule-kind', 'Gh;Sarif', '-o', out, '--log', 'ForceOverwrite'],
    {
      encoding: 'utf8',
      // It looks up the host of every helpUri; offline, each lookup waits on DNS (about 10 s a run).
      // A proxy that refuses at once fails them at once instead: the same verdicts, here or online.
      env: {
        ...process.env,
        DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
      },
      timeout: 300_000,
    },
  );
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: {
      results?: {
        ruleId: string;
        level?: string;
        message: { text?: string; arguments?: string[] };
        locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
      }[];
    }[];
  };
  const problems = new Map<string, string[]>([...texts.keys()].map((name) => [name, []]));
  for (const result of log.runs[0]!.results ?? []) {
    if (result.level !== 'error' && result.level !== 'warning' && result.level !== undefined) continue;
    const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    const name = uri === undefined ? undefined : files.get(uri);
    const line = `${result.level ?? 'warning'} ${result.ruleId}: ${(result.message.arguments ?? []).join(' | ')}`;
    // a problem the multitool cannot place in one output is everyone's problem
    for (const target of name === undefined ? [...problems.keys()] : [name]) problems.get(target)!.push(line);
  }
  return problems;
}

describe('SARIF output', () => {
  let project: string;
  let work: string;
  const outputs = new Map<string, { status: number; sarif: SarifLog; text: string }>();

  beforeAll(async () => {
    chmodSync(multitool, 0o744);
    project = scratchProject();
    work = mkdtempSync(path.join(os.tmpdir(), 'agentfence-sarif-out-'));
    // a copy of payments whose manifest has an error, so the gate's validate stage cannot run
    cpSync(path.join(project, 'stacks/payments'), path.join(project, 'stacks/broken'), { recursive: true });
    writeFileSync(path.join(project, 'stacks/Pulumi.broken.yaml'), 'config:\n  agentfence:manifest: broken/agent.yaml\n');
    const manifest = readFileSync(path.join(project, 'stacks/broken/agent.yaml'), 'utf8');
    writeFileSync(
      path.join(project, 'stacks/broken/agent.yaml'),
      manifest.replace('name: payments', 'name: broken').replace('risk: high\n    approval: required', 'risk: high\n    approval: none'),
    );
    // a copy without its stack config and with the old name: what copying an example looks like
    cpSync(path.join(project, 'stacks/support-triage'), path.join(project, 'stacks/copied'), { recursive: true });
    // a stricter tag rule makes findings on resources built from several manifest entries
    writeFileSync(
      path.join(work, 'tags.json'),
      JSON.stringify({ 'agent-required-tags': { enforcementLevel: 'mandatory', requiredTags: ['cost-centre'] } }),
    );
    const runs: [string, string[]][] = [
      [
        'gate-tagged',
        [
          'gate',
          'payments',
          '--config',
          path.join(work, 'tags.json'),
          '--format',
          'sarif',
          '--quiet',
          '--output-dir',
          path.join(work, 'g6'),
        ],
      ],
      ['validate-valid', ['validate', 'payments', '--format', 'sarif']],
      ['validate-broken', ['validate', path.join(root, 'test/fixtures/manifests/several-errors/agent.yaml'), '--format', 'sarif']],
      ['check-agent', ['check', 'payments-tampered', '--format', 'sarif']],
      ['verify-tampered', ['verify', 'payments-tampered', '--format', 'sarif', '--output', path.join(work, 'v.json')]],
      ['verify-passing', ['verify', 'payments', '--format', 'sarif', '--output', path.join(work, 'v2.json')]],
      ['gate-tampered', ['gate', 'payments-tampered', '--format', 'sarif', '--quiet', '--output-dir', path.join(work, 'g1')]],
      ['gate-passing', ['gate', 'payments', '--check-sbom', '--format', 'sarif', '--quiet', '--output-dir', path.join(work, 'g2')]],
      ['gate-broken', ['gate', 'broken', '--format', 'sarif', '--quiet', '--output-dir', path.join(work, 'g3')]],
      ['gate-copied', ['gate', 'copied', '--format', 'sarif', '--quiet', '--output-dir', path.join(work, 'g4')]],
    ];
    if (existsSync(samples))
      runs.push(['check-state', ['check', '--state', path.join(samples, 'sample-export.json'), '--format', 'sarif']]);
    for (const [name, args] of runs) {
      const r = await agentfence(args, { cwd: project });
      outputs.set(name, { status: r.status, sarif: JSON.parse(r.stdout) as SarifLog, text: r.stdout });
    }
  }, 600_000);
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  describe('when each command writes SARIF', () => {
    /**
     * One multitool run (one .NET start, about 12 s) over every output and a control: a copy of the
     * passing gate whose rules lost their help, plus a run with an undescribed rule.
     */
    let validated: Map<string, string[]> | undefined;
    const problems = (): Map<string, string[]> => {
      if (validated !== undefined) return validated;
      const passing = outputs.get('gate-passing')!.sarif;
      const stripped = structuredClone(passing) as unknown as { runs: { tool: { driver: { rules?: Record<string, unknown>[] } } }[] };
      for (const run of stripped.runs) for (const rule of run.tool.driver.rules ?? []) delete rule['help'];
      const control = JSON.stringify({
        ...stripped,
        runs: [
          ...stripped.runs,
          { tool: { driver: { name: 'x', rules: [{ id: 'R1' }] } }, results: [{ ruleId: 'R1', message: { text: 'm' } }] },
        ],
      });
      validated = multitoolProblems(
        work,
        new Map([...[...outputs].map(([name, { text }]): [string, string] => [name, text]), ['control-stripped', control]]),
      );
      return validated;
    };

    it('passes the SARIF 2.1.0 schema and the multitool with the GitHub rules, with no error or warning', () => {
      for (const [name, { sarif }] of outputs) {
        expect(validateSchema(sarif), `${name}: ${JSON.stringify(validateSchema.errors)}`).toBe(true);
      }
      const found = problems();
      expect(found.size).toBe(outputs.size + 1);
      for (const name of outputs.keys()) expect(found.get(name), name).toEqual([]);
    }, 300_000);

    it('would fail: a copy whose rules lost their help is reported against that copy alone', () => {
      expect(problems().get('control-stripped')!.length).toBeGreaterThan(0);
      expect(problems().get('validate-valid')).toEqual([]);
    }, 300_000);

    it('gives every rule help text and markdown, a helpUri, a full description, security-severity and precision', () => {
      for (const [name, { sarif }] of outputs) {
        for (const rule of sarif.runs[0]!.tool.driver.rules) {
          expect(rule.help?.text.length, `${name} ${rule.id}`).toBeGreaterThan(40);
          expect(rule.help?.markdown).toContain('**How to fix.**');
          expect(rule.helpUri).toMatch(/docs\/rules\.md#[a-z0-9-]+$/);
          expect(rule.fullDescription?.text).toMatch(/^Checks whether/);
          expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
          expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties['precision']);
        }
      }
    });

    it('names one automation id per command and agent', () => {
      expect(outputs.get('gate-tampered')!.sarif.runs[0]!.automationDetails.id).toBe('agentfence/gate/payments-tampered/');
      expect(outputs.get('gate-passing')!.sarif.runs[0]!.automationDetails.id).toBe('agentfence/gate/payments/');
      expect(outputs.get('verify-tampered')!.sarif.runs[0]!.automationDetails.id).toBe('agentfence/verify/payments-tampered/');
      expect(outputs.get('validate-valid')!.sarif.runs[0]!.automationDetails.id).toBe('agentfence/validate/payments/');
    });
  });

  describe('when a finding comes from a manifest entry', () => {
    it("points a model's verdict at the model's entry in the agent manifest", () => {
      const manifest = readFileSync(path.join(project, 'stacks/payments-tampered/agent.yaml'), 'utf8').split('\n');
      const modelLine = manifest.findIndex((line) => line.includes('- name: fraud-scorer')) + 1;
      for (const name of ['verify-tampered', 'gate-tampered']) {
        const result = outputs.get(name)!.sarif.runs[0]!.results.find((r) => r.ruleId === 'supply-chain-model')!;
        expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('stacks/payments-tampered/agent.yaml');
        expect(result.locations[0]!.physicalLocation.region.startLine).toBe(modelLine);
      }
      const stackRule = outputs.get('gate-tampered')!.sarif.runs[0]!.results.find((r) => r.ruleId === 'supply-chain-verified')!;
      expect(stackRule.locations[0]!.physicalLocation.region.startLine).toBe(modelLine);
    });

    it("points a plan finding at the manifest entry that produced the resource (a tool's gate at the tool)", () => {
      const manifest = readFileSync(path.join(project, 'stacks/payments/agent.yaml'), 'utf8').split('\n');
      const lineOf = (text: string) => manifest.findIndex((line) => line.includes(text)) + 1;
      const results = outputs.get('gate-tagged')!.sarif.runs[0]!.results.filter((r) => r.ruleId === 'agent-required-tags');
      const at = (resource: string) => results.find((r) => r.message.text.includes(resource))?.locations[0]?.physicalLocation;
      expect(at('payments-gate-initiate-transfer-executor')?.region.startLine).toBe(lineOf('- name: initiate-transfer'));
      expect(at('payments-identity-role')?.region.startLine).toBe(lineOf('identity:') + 1);
      expect(at('payments-audit-trail-role')?.region.startLine).toBe(lineOf('monitoring:') + 1);
      expect(at('payments-identity-role')?.artifactLocation.uri).toBe('stacks/payments/agent.yaml');
    });

    it('points a manifest error inside a tool entry at its line', () => {
      const manifest = readFileSync(path.join(project, 'stacks/broken/agent.yaml'), 'utf8').split('\n');
      const toolLine = manifest.findIndex((line) => line.includes('- name: initiate-transfer')) + 1;
      const located = outputs.get('gate-broken')!.sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation);
      expect(located.length).toBeGreaterThan(0);
      expect(located.every((l) => l.artifactLocation.uri === 'stacks/broken/agent.yaml')).toBe(true);
      expect(located.some((l) => l.region.startLine > toolLine && l.region.startLine <= toolLine + 6)).toBe(true);
    });
  });

  describe('when a stage cannot run', () => {
    it('records a failed invocation with the error as a notification, and the located errors', () => {
      const { status, sarif } = outputs.get('gate-broken')!;
      expect(status).toBe(2);
      const invocation = sarif.runs[0]!.invocations[0]!;
      expect(invocation.executionSuccessful).toBe(false);
      expect(invocation.toolExecutionNotifications?.[0]?.level).toBe('error');
      expect(invocation.toolExecutionNotifications?.[0]?.message.text).toMatch(/^the validate stage could not run: .*MANIFEST_INVALID/);
      expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('manifest-semantics');
    });

    it('reports a copied example that kept its name and has no stack config', () => {
      const { status, sarif } = outputs.get('gate-copied')!;
      expect(status).toBe(1);
      const results = sarif.runs[0]!.results;
      expect(results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['manifest-semantics', 'stack-config-present']));
      expect(results.find((r) => r.ruleId === 'manifest-semantics')!.message.text).toContain(
        'must match its stack folder copied (got "support-triage")',
      );
      expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    });
    it('records a successful invocation and no result when the gate passes', () => {
      const { status, sarif } = outputs.get('gate-passing')!;
      expect(status).toBe(0);
      expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
      expect(sarif.runs[0]!.results).toEqual([]);
    });
  });

  describe('when the same gate runs twice', () => {
    it('gives every result the same partial fingerprint, distinct within the run', async () => {
      const again = JSON.parse(
        (
          await agentfence(['gate', 'payments-tampered', '--format', 'sarif', '--quiet', '--output-dir', path.join(work, 'g5')], {
            cwd: project,
          })
        ).stdout,
      ) as SarifLog;
      const first = outputs.get('gate-tampered')!.sarif.runs[0]!.results.map((r) => r.partialFingerprints['agentfenceFinding/v1']);
      const second = again.runs[0]!.results.map((r) => r.partialFingerprints['agentfenceFinding/v1']);
      expect(second).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
      expect(first.every((f) => /^[0-9a-f]{64}$/.test(f!))).toBe(true);
    }, 180_000);
  });
});
