import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { agentfence, root } from './run-cli.js';

const gate = (cwd: string, ...args: string[]) => agentfence(['gate', ...args], { cwd });

/** A scratch project with the two shipped examples (payments, support-triage) and their configs. */
function scratchProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-gate-all-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  const keep = (src: string) => !/payments-tampered/.test(path.relative(root, src));
  cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true, verbatimSymlinks: true, filter: keep });
  cpSync(path.join(root, 'sbom'), path.join(dir, 'sbom'), { recursive: true, filter: keep });
  return dir;
}

describe('agentfence gate --all', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchProject();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gates every agent, writes each one its own outputs, and prints one fleet table', async () => {
    const r = await gate(dir, '--all', '--check-sbom');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'fleet: pass (2 agents)',
        '  agent           verdict  blocked  warned  findings',
        '  payments        pass           0       0         0',
        '  support-triage  pass           0       0         0',
        '',
      ].join('\n'),
    );
    for (const agent of ['payments', 'support-triage']) {
      expect(existsSync(path.join(dir, '.agentfence', agent, 'verification.json'))).toBe(true);
      expect(existsSync(path.join(dir, '.agentfence', agent, 'report.html'))).toBe(true);
    }
    expect(r.stderr).toMatch(/gate --all: payments\n(.*\n)*gate --all: support-triage/);
  });

  it('exits 1 when one agent is blocked; json is a fleet object, sarif one run per agent', async () => {
    rmSync(path.join(dir, 'stacks/payments/attestations/@acme'), { recursive: true });
    const json = await gate(dir, '--all', '--format', 'json', '--quiet');
    expect([json.status, json.stderr]).toEqual([1, '']);
    const fleet = JSON.parse(json.stdout) as {
      schemaVersion: string;
      verdict: string;
      exitCode: number;
      agents: { schemaVersion: string; agent: string; verdict: string; findings: { stage: string; id: string }[] }[];
    };
    expect([fleet.schemaVersion, fleet.verdict, fleet.exitCode]).toEqual(['agentfence.gate-all/v1', 'blocked', 1]);
    expect(fleet.agents.map((a) => [a.schemaVersion, a.agent, a.verdict])).toEqual([
      ['agentfence.gate/v1', 'payments', 'blocked'],
      ['agentfence.gate/v1', 'support-triage', 'pass'],
    ]);
    expect(fleet.agents[0]!.findings).toContainEqual(expect.objectContaining({ stage: 'verify', id: 'supply-chain-plugin' }));

    const sarif = await gate(dir, '--all', '--format', 'sarif');
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { automationDetails: { id: string }; results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs.map((run) => run.automationDetails.id)).toEqual(['agentfence/gate/payments/', 'agentfence/gate/support-triage/']);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(log.runs[1]!.results).toEqual([]);
  });

  it('exits 2 on bad input: an agent beside --all, or no agent under stacks/', async () => {
    const both = await gate(dir, '--all', 'payments');
    expect([both.status, both.stderr]).toEqual([2, expect.stringContaining('gate --all takes no <agent> (got 1)')]);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'agentfence-gate-none-'));
    try {
      writeFileSync(path.join(empty, 'package.json'), '{"name":"empty","private":true}\n');
      const none = await gate(empty, '--all');
      expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('gate --all needs at least one agent under')]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
