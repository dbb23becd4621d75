import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { agentfence, root } from './run-cli.js';

const gate = (cwd: string, ...args: string[]) => agentfence(['gate', ...args], { cwd });

/** A scratch project: package.json and a copy of stacks/ and sbom/, so the gate can write freely. */
function scratchProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-gate-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, 'sbom'), path.join(dir, 'sbom'), { recursive: true });
  return dir;
}

interface GateJson {
  schemaVersion: string;
  verdict: string;
  exitCode: number;
  stages: { name: string; status: string; summary: string }[];
  findings: { stage: string; id: string; level: string; message: string }[];
  error?: { stage: string; code: string };
}

describe('agentfence gate in warn mode', () => {
  it('says PASSED WITH WARNINGS and lists the warnings for a low-risk agent, and blocks a high-risk one', async () => {
    const dir = scratchProject();
    try {
      const policy = path.join(dir, 'stacks/trust-policy.yaml');
      writeFileSync(policy, readFileSync(policy, 'utf8').replace('mode: enforce', 'mode: warn'));
      writeFileSync(path.join(dir, 'stacks/support-triage/models/ticket-classifier/loader.py'), 'import os\n');
      const low = await gate(dir, 'support-triage');
      expect(low.stdout).toContain('PASSED WITH WARNINGS: support-triage may be deployed');
      expect(low.stdout).toMatch(/Warnings:\n(.*\n)*.*loader\.py/);
      expect(low.stdout).not.toMatch(/^PASSED:/m);
      expect(low.status).toBe(0);
      const high = await gate(dir, 'payments', '--format', 'json');
      expect(high.status, high.stderr).toBe(0);
      rmSync(path.join(dir, 'stacks/payments/attestations/@acme'), { recursive: true });
      const blocked = await gate(dir, 'payments');
      expect([blocked.status, blocked.stdout]).toEqual([1, expect.stringContaining('BLOCKED: payments must not be deployed')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('agentfence gate', () => {
  let project: string;
  beforeAll(() => {
    project = scratchProject();
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  describe('when the example payments agent is gated with --check-sbom', () => {
    it('passes every stage in order, matches the committed SBOM and writes the report', async () => {
      const r = await gate(project, 'payments', '--check-sbom', '--format', 'json');
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as GateJson;
      expect(doc.schemaVersion).toBe('agentfence.gate/v1');
      expect(doc.verdict).toBe('pass');
      expect(doc.stages.map((s) => [s.name, s.status])).toEqual([
        ['validate', 'pass'],
        ['plan', 'pass'],
        ['verify', 'pass'],
        ['check', 'pass'],
        ['sbom', 'pass'],
        ['report', 'pass'],
      ]);
      expect(doc.findings.filter((f) => f.level === 'error')).toEqual([]);
      const verification = JSON.parse(readFileSync(path.join(project, '.agentfence/payments/verification.json'), 'utf8')) as {
        agent: string;
      };
      expect(verification.agent).toBe('payments');
      expect(readFileSync(path.join(project, '.agentfence/payments/report.html'), 'utf8')).toContain('<html');
      // progress and logs stay on stderr
      expect(r.stderr).toContain('gate: plan');
    });
  });

  describe('when CI runs the command line of .github/workflows/agentfence-gate.yml', () => {
    const workflow = parse(readFileSync(path.join(root, '.github/workflows/agentfence-gate.yml'), 'utf8')) as {
      jobs: { gate: { strategy: { matrix: { agent: string[] } }; steps: { run?: string }[] } };
    };
    const line = workflow.jobs.gate.steps.map((step) => step.run ?? '').find((run) => run.includes('agentfence gate'))!;
    it.each(workflow.jobs.gate.strategy.matrix.agent)('passes %s and prints SARIF on stdout', async (agent) => {
      // the step passes the matrix value through env (AGENT), never by expression into the script
      const args = line
        .replaceAll('"$AGENT"', agent)
        .replaceAll('${{ matrix.agent }}', agent)
        .replace(/\s*>.*$/, '')
        .trim()
        .split(/\s+/);
      expect(args.slice(0, 3)).toEqual(['npx', 'agentfence', 'gate']);
      const r = await gate(project, ...args.slice(3));
      expect(r.status, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { version: string }).version).toBe('2.1.0');
    });
  });

  describe('when the model was tampered with after signing', () => {
    it('blocks with TAMPERED from verify and the supply-chain rule from check, and leaves sbom/ alone', async () => {
      const r = await gate(project, 'payments-tampered');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/verify\s+blocked/);
      expect(r.stdout).toMatch(/check\s+blocked/);
      expect(r.stdout).toContain('TAMPERED');
      expect(r.stdout).toContain('changed: model.safetensors');
      expect(r.stdout).toContain('supply-chain-verified');
      expect(r.stdout).toContain('BLOCKED: payments-tampered must not be deployed');
      expect(() => readFileSync(path.join(project, 'sbom/payments-tampered.cdx.json'))).toThrow();
    });

    it('merges the findings of every stage into one valid SARIF log', async () => {
      const r = await gate(project, 'payments-tampered', '--format', 'sarif', '--quiet');
      expect(r.status).toBe(1);
      const sarif = JSON.parse(r.stdout) as {
        version: string;
        runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      const run = sarif.runs[0]!;
      const ids = new Set(run.tool.driver.rules.map((rule) => rule.id));
      expect(run.results.map((result) => result.ruleId).sort()).toEqual(['supply-chain-model', 'supply-chain-verified']);
      for (const result of run.results) {
        expect(ids.has(result.ruleId)).toBe(true);
        expect(result.level).toBe('error');
      }
    });
  });

  describe('when the committed SBOM is stale', () => {
    it('blocks at the sbom stage and names the file', async () => {
      const file = path.join(project, 'sbom/support-triage.cdx.json');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('"support-triage"', '"support-triage-old"'));
      try {
        const r = await gate(project, 'support-triage', '--check-sbom', '--format', 'json');
        expect(r.status).toBe(1);
        const doc = JSON.parse(r.stdout) as GateJson;
        expect(doc.stages.find((s) => s.name === 'sbom')?.status).toBe('blocked');
        expect(doc.findings).toEqual([expect.objectContaining({ stage: 'sbom', id: 'sbom-stale', level: 'error' })]);
      } finally {
        writeFileSync(file, original);
      }
    });
  });

  describe('when a stage cannot run', () => {
    it('stops at validate with exit 2 for an unknown agent, skipping the rest', async () => {
      const r = await gate(project, 'no-such-agent', '--format', 'json');
      expect(r.status).toBe(2);
      const doc = JSON.parse(r.stdout) as GateJson;
      expect(doc.verdict).toBe('error');
      expect(doc.error).toMatchObject({ stage: 'validate', code: 'AGENT_NOT_FOUND' });
      expect(doc.stages.filter((s) => s.status === 'skipped').map((s) => s.name)).toEqual(['plan', 'verify', 'check', 'sbom', 'report']);
    });

    it('stops at validate with exit 2 and file:line:col for a broken manifest, never a stack trace', async () => {
      const manifest = path.join(project, 'stacks/support-triage/agent.yaml');
      const original = readFileSync(manifest, 'utf8');
      writeFileSync(manifest, original.replace(/dynamodb:GetItem/, 'dynamodb:*'));
      try {
        const r = await gate(project, 'support-triage');
        expect(r.status).toBe(2);
        expect(r.stdout).toMatch(/validate\s+error/);
        expect(r.stdout).toMatch(/plan\s+skipped/);
        expect(r.stdout).toContain('ERROR: the validate stage could not run');
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      } finally {
        writeFileSync(manifest, original);
      }
    });

    it('refuses a malformed --config with exit 2 before any stage', async () => {
      const config = path.join(project, 'bad-config.json');
      writeFileSync(config, '[1,2]');
      const r = await gate(project, 'payments', '--config', config);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--config');
    });
  });
});
