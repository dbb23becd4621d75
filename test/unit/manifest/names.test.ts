import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStackFolder, stackNameErrors } from '../../../src/manifest/names.js';

const project = mkdtempSync(path.join(os.tmpdir(), 'agentfence-names-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function locate(name: string, withConfig: boolean) {
  const stackDir = path.join(project, 'stacks', name);
  mkdirSync(stackDir, { recursive: true });
  if (withConfig)
    writeFileSync(path.join(project, 'stacks', `Pulumi.${name}.yaml`), `config:\n  agentfence:manifest: ${name}/agent.yaml\n`);
  return {
    name,
    manifestFile: path.join(stackDir, 'agent.yaml'),
    stackDir,
    projectRoot: project,
    trustPolicyFile: path.join(project, 'stacks', 'trust-policy.yaml'),
  };
}

describe('stackNameErrors', () => {
  it('finds nothing when the name matches the folder and the stack config exists', () => {
    const location = locate('payments', true);
    expect(isStackFolder(location)).toBe(true);
    expect(stackNameErrors(location, 'payments', { line: 2, col: 7 })).toEqual([]);
  });

  it("reports a copied example's old name as 'NAME_MISMATCH' at the name's line", () => {
    const errors = stackNameErrors(locate('copied', true), 'support-triage', { line: 2, col: 7 });
    expect(errors.map((e) => [e.code, e.line, e.col])).toEqual([['NAME_MISMATCH', 2, 7]]);
    expect(errors[0]!.message).toContain('must match its stack folder copied (got "support-triage")');
  });

  it("reports a missing Pulumi.<agent>.yaml as 'STACK_CONFIG_MISSING'", () => {
    const errors = stackNameErrors(locate('orphan', false), 'orphan', { line: 1, col: 1 });
    expect(errors.map((e) => e.code)).toEqual(['STACK_CONFIG_MISSING']);
    expect(errors[0]!.message).toContain('stacks/Pulumi.orphan.yaml must exist');
  });
});
