import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/agentfence.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
}

describe('agentfence CLI', () => {
  describe('when asked for help or the version', () => {
    it('prints usage on stdout and exits 0', () => {
      const r = cli('--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage:');
      expect(r.stderr).toBe('');
    });
    it('prints the package version', () => {
      const pkg = JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: root, encoding: 'utf8' })) as string;
      expect(cli('--version').stdout.trim()).toBe(pkg);
    });
  });
  describe('when asked for help on a subcommand', () => {
    it.each([
      ['sign', 'model', 'agentfence sign model <dir|file>'],
      ['verify', 'plugin', 'agentfence verify plugin --tarball'],
    ])('agentfence %s %s --help prints the subcommand usage', (command, sub, usage) => {
      const r = cli(command, sub, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith(usage)).toBe(true);
    });
  });
  describe('when the reader of stdout goes away early', () => {
    it('exits quietly, without an EPIPE stack trace', () => {
      const r = spawnSync(
        'bash',
        ['-c', `"${process.execPath}" "${bin}" verify-bundle --help | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(r.stderr).not.toContain('EPIPE');
      expect(r.stdout.trim()).toBe('exit=0');
    });
  });
  describe('when no command is given', () => {
    it('exits 2 with usage on stderr and nothing on stdout', () => {
      const r = cli();
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage:');
    });
  });
  describe('when the command is unknown', () => {
    it('exits 2 with usage on stderr', () => {
      const r = cli('frobnicate');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('unknown command "frobnicate"');
    });
  });
  describe('when --format has a bad value', () => {
    it('exits 2', () => {
      const r = cli('validate', 'payments', '--format', 'xml');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--format must be one of');
    });
  });
  describe('when --format is given twice or in short form', () => {
    it.each([[['--format', 'sarif', '--format', 'json']], [['-fjson']], [['--format=text', '-f', 'json']]])(
      '%j follows the option parser: the last value wins',
      (flags) => {
        const r = cli('validate', 'payments', ...flags);
        expect(r.status).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 'agentfence.validate/v1', valid: true });
      },
    );
  });
});
