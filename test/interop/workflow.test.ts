/**
 * The gate workflow and the composite action: clean under actionlint (workflow syntax, expressions,
 * shellcheck of run steps, the local action's inputs) and zizmor (template injection, credential
 * persistence, excessive permissions, unpinned uses), plus the hardening the issue asks for.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { peers } from './peers.js';

const root = path.resolve(import.meta.dirname, '../..');
const workflowFile = path.join(root, '.github/workflows/agentfence-gate.yml');
const actionFile = path.join(root, 'action.yml');
const found = peers(['actionlint', 'zizmor']);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, { permissions?: unknown; 'timeout-minutes'?: number; steps: Step[] }>;
}

describe('agentfence-gate workflow', () => {
  describe.skipIf(!found.ok)('when linted by actionlint and zizmor', () => {
    it('is clean under actionlint', () => {
      const r = spawnSync(found.path('actionlint'), ['-no-color', workflowFile], { cwd: root, encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
    });
    it.each([
      ['the workflow', workflowFile],
      ['action.yml', actionFile],
    ])('is clean under zizmor: %s', (_label, file) => {
      const r = spawnSync(found.path('zizmor'), ['--offline', '--no-progress', '--format', 'plain', file], { cwd: root, encoding: 'utf8' });
      expect(r.stdout, r.stderr).toContain('No findings to report');
      expect(r.status).toBe(0);
    });
  });

  describe('when read for its hardening', () => {
    const text = readFileSync(workflowFile, 'utf8');
    const workflow = parse(text) as Workflow;
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses !== undefined && !s.uses.startsWith('./')));
    it('pins every action by full commit SHA with its version in a comment', () => {
      expect(uses.length).toBeGreaterThanOrEqual(4);
      for (const step of uses) {
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(text).toMatch(new RegExp(`${step.uses!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d+\\.\\d+\\.\\d+\\n`));
      }
    });
    it('drops the checkout credentials', () => {
      const checkout = uses.filter((s) => s.uses!.startsWith('actions/checkout@'));
      expect(checkout.length).toBe(1);
      expect(checkout[0]!.with?.['persist-credentials']).toBe(false);
    });
    it('grants nothing at the top and only what each job needs, with a timeout and one run per ref', () => {
      expect(workflow.permissions).toEqual({});
      expect(workflow.concurrency).toBeDefined();
      for (const job of Object.values(workflow.jobs)) {
        expect(job.permissions).toBeTypeOf('object');
        expect(job['timeout-minutes']).toBeGreaterThan(0);
        expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
      }
    });
    it('says exactly what is fetched over the network', () => {
      const header = text.split('\nname:')[0]!;
      for (const fetched of ['actions/checkout', 'actions/setup-node', 'npm ci', 'npm audit signatures', 'upload-sarif'])
        expect(header).toContain(fetched);
      expect(header).toMatch(/gate itself runs offline/);
    });
  });
});

describe('action.yml', () => {
  describe('when read as a composite action', () => {
    const action = parse(readFileSync(actionFile, 'utf8')) as {
      runs: { using: string; steps: { run?: string; env?: Record<string, string> }[] };
      inputs: Record<string, { description: string }>;
    };
    it('is composite with inputs for the agents, the format and the SBOM check', () => {
      expect(action.runs.using).toBe('composite');
      for (const input of ['agents', 'format', 'check-sbom']) expect(action.inputs[input]?.description.length).toBeGreaterThan(10);
    });
    it('passes inputs to run steps through the environment, never by expression', () => {
      for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/);
    });
  });
});
