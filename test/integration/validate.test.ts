import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { agentfence, root } from './run-cli.js';

const cli = (args: readonly string[], cwd = root) => agentfence(['validate', ...args], { cwd });

interface Expected {
  code: string;
  path: string;
  line: number;
  col: number;
}

const broken = 'test/fixtures/manifests/several-errors/agent.yaml';
const expectedBroken = JSON.parse(
  readFileSync(path.join(root, 'test/fixtures/manifests/several-errors/expected.json'), 'utf8'),
) as Expected[];

describe('agentfence validate', () => {
  describe('when the agent is valid', () => {
    it.each(['payments', 'support-triage', 'stacks/payments', 'stacks/support-triage/agent.yaml'])(
      'exits 0 for %s with one line on stdout',
      async (ref) => {
        const r = await cli([ref]);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/^valid: stacks\/[a-z-]+\/agent\.yaml, stacks\/trust-policy\.yaml\n$/);
      },
    );
    it('prints the versioned JSON document with --format json', async () => {
      const r = await cli(['payments', '--format', 'json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        schemaVersion: 'agentfence.validate/v1',
        valid: true,
        files: ['stacks/payments/agent.yaml', 'stacks/trust-policy.yaml'],
        errors: [],
      });
    });
    it('validates a trust policy given directly', async () => {
      const r = await cli(['stacks/trust-policy.yaml']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('valid: stacks/trust-policy.yaml\n');
    });
  });

  describe('when the manifest is invalid', () => {
    it('exits 2 with one file:line:col: message [CODE] line per error on stderr and nothing on stdout', async () => {
      const r = await cli([broken]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.slice(0, -1).map((line) => /^(.+):(\d+):(\d+): (\S+) .* \[([A-Z_]+)\]$/.exec(line)?.slice(1))).toEqual(
        expectedBroken.map((e) => [broken, String(e.line), String(e.col), e.path, e.code]),
      );
      expect(lines.at(-1)).toBe(`invalid: ${expectedBroken.length} errors in ${broken}, test/fixtures/manifests/trust-policy.yaml`);
    });
    it('prints the errors as JSON on stdout with --format json, files relative to cwd', async () => {
      const r = await cli([broken, '--format', 'json']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('');
      const doc = JSON.parse(r.stdout) as { valid: boolean; errors: (Expected & { file: string; message: string })[] };
      expect(doc.valid).toBe(false);
      expect(doc.errors.map(({ file, line, col, path: at, code }) => ({ file, line, col, path: at, code }))).toEqual(
        expectedBroken.map((e) => ({ file: broken, line: e.line, col: e.col, path: e.path, code: e.code })),
      );
      expect(doc.errors.find((e) => e.code === 'WILDCARD')?.message).toBe(
        'tools[0].actions[0] must match service:Action, never a wildcard (got "dynamodb:*")',
      );
    });
    it('prints SARIF with one result per error with --format sarif', async () => {
      const r = await cli([broken, '-f', 'sarif']);
      expect(r.status).toBe(2);
      const sarif = JSON.parse(r.stdout) as {
        runs: {
          results: { ruleId: string; properties: { code: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
        }[];
      };
      // one rule per kind of check (readable, schema, semantics, references); the error code in properties
      expect(
        sarif.runs[0]!.results.map((result) => [result.properties.code, result.locations[0]!.physicalLocation.region.startLine]),
      ).toEqual(expectedBroken.map((e) => [e.code, e.line]));
      expect(
        sarif.runs[0]!.results.every((result) => /^(manifest-(readable|schema|semantics)|trust-policy-references)$/.test(result.ruleId)),
      ).toBe(true);
    });
    it('names files relative to the working directory', async () => {
      const r = await cli(['several-errors/agent.yaml'], path.join(root, 'test/fixtures/manifests'));
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^several-errors\/agent\.yaml:\d+:\d+: /);
    });
    it('still reports errors with --quiet', async () => {
      const r = await cli([broken, '--quiet']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('[WILDCARD]');
    });
    it('exits 2 for an invalid trust policy given directly', async () => {
      const r = await cli(['test/fixtures/trust-policies/regexp-invalid/trust-policy.yaml']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /trust-policy\.yaml:\d+:\d+: plugins\.authorities\[0\]\.keyless\.subjectRegExp must be a valid regular expression .*\[REGEX_INVALID\]/,
      );
    });
    it('never prints a stack trace for hostile input', async () => {
      const r = await cli(['test/fixtures/manifests/not-a-mapping/agent.yaml']);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toContain('[NOT_A_MAPPING]');
    });
  });

  describe('when used wrongly', () => {
    it.each([
      [[], 'CLI_USAGE'],
      [['payments', 'support-triage'], 'CLI_USAGE'],
      [['payments', '--strict'], 'CLI_USAGE'],
      [['no-such-agent'], 'AGENT_NOT_FOUND'],
    ])('exits 2 for %j with %s on stderr', async (args, code) => {
      const r = await cli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`[${code}]`);
    });
    it('answers a JSON error document with --format json', async () => {
      const r = await cli(['no-such-agent', '--format', 'json']);
      expect(r.status).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'AGENT_NOT_FOUND', message: expect.stringContaining('no-such-agent') } });
    });
    it('prints its usage with --help', async () => {
      const r = await cli(['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('usage: agentfence validate');
    });
  });
});

describe('agentfence validate on a copied example (the names the gate checks)', () => {
  it('reports NAME_MISMATCH and STACK_CONFIG_MISSING at the manifest name, as the gate does', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-validate-names-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
      cpSync(path.join(root, 'stacks'), path.join(dir, 'stacks'), { recursive: true, verbatimSymlinks: true });
      // copied without renaming: the folder is new, the name and the missing stack config are not
      cpSync(path.join(dir, 'stacks/payments'), path.join(dir, 'stacks/invoices'), { recursive: true, verbatimSymlinks: true });
      const r = await cli(['stacks/invoices', '--format', 'json'], dir);
      expect(r.status, r.stderr).toBe(2);
      const doc = JSON.parse(r.stdout) as { valid: boolean; errors: { file: string; path: string; code: string; line: number }[] };
      expect(doc.valid).toBe(false);
      expect(doc.errors.map((e) => [e.file, e.path, e.code])).toEqual([
        ['stacks/invoices/agent.yaml', 'name', 'NAME_MISMATCH'],
        ['stacks/invoices/agent.yaml', 'name', 'STACK_CONFIG_MISSING'],
      ]);
      const nameLine =
        readFileSync(path.join(dir, 'stacks/invoices/agent.yaml'), 'utf8')
          .split('\n')
          .findIndex((l) => l.startsWith('name:')) + 1;
      expect(doc.errors[0]!.line).toBe(nameLine);
      const sarif = JSON.parse((await cli(['stacks/invoices', '--format', 'sarif'], dir)).stdout) as {
        runs: { results: { ruleId: string }[] }[];
      };
      expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['manifest-semantics', 'stack-config-present']);
      // the gate reports the same codes from the same check
      const gate = await agentfence(['gate', 'stacks/invoices', '--format', 'json'], { cwd: dir });
      const ids = (JSON.parse(gate.stdout) as { findings: { stage: string; id: string }[] }).findings
        .filter((f) => f.stage === 'validate')
        .map((f) => f.id);
      expect(ids).toEqual(['NAME_MISMATCH', 'STACK_CONFIG_MISSING']);
      // the shipped examples pass
      expect((await cli(['payments'], dir)).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
