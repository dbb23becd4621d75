import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'agentfence-sign-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scripts/sign-examples', () => {
  describe('when run in a copy of the project with no keys', () => {
    it('generates keys, re-signs every example, and the copies verify (payments-tampered still blocks)', () => {
      const project = path.join(scratch, 'project');
      cpSync(path.join(root, 'stacks'), path.join(project, 'stacks'), { recursive: true });
      writeFileSync(path.join(project, 'package.json'), '{"name":"scratch","private":true}\n');
      const keys = path.join(scratch, 'keys');
      const before = readFileSync(path.join(project, 'stacks/keys/acme-registry.pub.pem'), 'utf8');
      const run = spawnSync(process.execPath, [path.join(root, 'dist/scripts/sign-examples.js'), '--keys', keys], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(run.stderr).toContain('signed plugin @acme/ledger-mcp@2.1.3');
      expect(run.status).toBe(0);
      expect(existsSync(path.join(keys, 'acme-registry.pk8.pem'))).toBe(true);
      expect(readFileSync(path.join(project, 'stacks/keys/acme-registry.pub.pem'), 'utf8')).not.toBe(before);
      const verify = (agent: string) =>
        spawnSync(process.execPath, [path.join(root, 'bin/agentfence.js'), 'verify', agent, '--format', 'json'], {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, CI: '1' },
        });
      for (const agent of ['payments', 'support-triage']) {
        const r = verify(agent);
        expect(r.status, r.stdout + r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ summary: { verified: 4, blocked: 0 } });
      }
      const tampered = verify('payments-tampered');
      expect(tampered.status).toBe(1);
      expect(JSON.parse(tampered.stdout)).toMatchObject({
        summary: { blocked: 1 },
        results: expect.arrayContaining([expect.objectContaining({ reason: 'TAMPERED' })]),
      });
      // The committed stacks still verify against the committed keys, not the fresh ones.
      const original = spawnSync(
        process.execPath,
        [path.join(root, 'bin/agentfence.js'), 'verify', 'stacks/payments', '--output', path.join(scratch, 'o.json')],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(original.status).toBe(0);
    }, 60_000);
  });
});
