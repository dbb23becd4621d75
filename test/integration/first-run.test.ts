/**
 * A newcomer's first run, using nothing but the CLI's own help: the top-level help names `init`,
 * `help init` names the next steps, and running exactly the steps init prints ends in a passing
 * gate, in a fresh folder. Also the first-run guard rails: keygen never overwrites and keeps the
 * private key out of stacks/, the trust policy refuses a private key, `sign api` refuses an expired
 * descriptor, help/version/completion/-o behave on every command.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { agentfence, agentfenceProcess, root } from './run-cli.js';

const scratch: string[] = [];

/** The CLI in this process, colour off unless a case asks for it. */
const cli = (cwd: string, args: readonly string[], env: Record<string, string> = {}) =>
  agentfence(args, { cwd, env: { FORCE_COLOR: '', ...env } });

/** The CLI as a newcomer runs it: through bin/agentfence.js in its own process. */
const cliProcess = (cwd: string, args: readonly string[]) => agentfenceProcess(args, { cwd, env: { FORCE_COLOR: '' } });

function freshProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfence-first-run-'));
  scratch.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"my-agents","private":true}\n');
  return dir;
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The `agentfence ...` commands of a `next:` block, as printed. */
function nextSteps(text: string): string[][] {
  return [...text.matchAll(/^\s+agentfence ([^#\n]+?)\s*(?:#.*)?$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

describe('first run', () => {
  describe.each(['low', 'high'])('when a newcomer follows the CLI help for a %s-risk agent', (risk) => {
    it('goes from init to a passing gate with the steps the CLI prints', () => {
      const project = freshProject();
      const help = cliProcess(project, ['--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/agentfence init <agent>/);
      expect(help.stdout).toMatch(/validate -> plan -> verify -> check -> sbom -> report/);
      const initHelp = cliProcess(project, ['help', 'init']);
      expect(initHelp.status).toBe(0);
      expect(initHelp.stdout).toContain('--risk low|high');
      expect(initHelp.stdout).toContain('agentfence keygen --name <agent>-release');

      const init = cliProcess(project, ['init', 'my-agent', '--risk', risk]);
      expect(init.status, init.stderr).toBe(0);
      expect(existsSync(path.join(project, 'stacks/my-agent/agent.yaml'))).toBe(true);
      expect(readFileSync(path.join(project, 'stacks/Pulumi.my-agent.yaml'), 'utf8')).toContain('agentfence:manifest: my-agent/agent.yaml');
      expect(readFileSync(path.join(project, 'stacks/my-agent/agent.yaml'), 'utf8')).toContain(`riskTier: ${risk}`);
      // before keygen the trust policy names a key that is not there yet: the gate says so, exit 2
      const early = cliProcess(project, ['gate', 'my-agent']);
      expect(early.status).toBe(2);
      expect(early.stdout).toContain('keys/my-agent-release.pub.pem');

      const steps = nextSteps(init.stderr);
      expect(steps.map((s) => s[0])).toEqual(['keygen', 'gate']);
      for (const step of steps) {
        const r = cliProcess(project, step);
        expect(r.status, `${step.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
        if (step[0] === 'gate') expect(r.stdout).toContain('PASSED: my-agent may be deployed');
      }
      const privateKey = path.join(project, '.agentfence/keys/my-agent-release.key.pem');
      expect(statSync(privateKey).mode & 0o077).toBe(0);
      expect(readFileSync(path.join(project, 'stacks/keys/my-agent-release.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    }, 240_000);
  });

  describe('when init or keygen would overwrite or misplace something', () => {
    const project = freshProject();
    it.each([
      [['init', 'Bad_Name'], 'CLI_USAGE'],
      [['init', 'a', 'b'], 'CLI_USAGE'],
      [['init', 'ok-name', '--risk', 'medium'], '--risk must be low or high'],
      [['init', 'ok-name', '--account', '123'], '--account must be 12 digits'],
      [['keygen', '--name', 'UPPER'], '--name must be lowercase'],
      [['keygen', '--out', 'stacks/keys'], '--out must not be inside stacks/'],
    ])('refuses %j with exit 2', async (args, message) => {
      const r = await cli(project, args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
    it('refuses to init an agent twice and to overwrite a key', async () => {
      expect((await cli(project, ['init', 'twice'])).status).toBe(0);
      const again = await cli(project, ['init', 'twice']);
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('FILE_EXISTS');
      expect((await cli(project, ['keygen', '--name', 'twice-release'])).status).toBe(0);
      const key = readFileSync(path.join(project, 'stacks/keys/twice-release.pub.pem'), 'utf8');
      const overwrite = await cli(project, ['keygen', '--name', 'twice-release']);
      expect(overwrite.status).toBe(2);
      expect(overwrite.stderr).toContain('never overwrites');
      expect(readFileSync(path.join(project, 'stacks/keys/twice-release.pub.pem'), 'utf8')).toBe(key);
    });
    it('runs in a folder without package.json only to say where to run it', async () => {
      const bare = mkdtempSync(path.join(os.tmpdir(), 'agentfence-bare-'));
      scratch.push(bare);
      const r = await cli(bare, ['init', 'x-agent']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the one with package.json');
    });
  });

  describe('when a private key sits where the trust policy expects a public key', () => {
    it('refuses the trust policy with KEY_PRIVATE, and the gate does not pass', async () => {
      const project = freshProject();
      cpSync(path.join(root, 'stacks'), path.join(project, 'stacks'), { recursive: true, verbatimSymlinks: true });
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      writeFileSync(path.join(project, 'stacks/keys/acme-ml-release.pub.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const v = await cli(project, ['validate', 'payments']);
      expect(v.status).toBe(2);
      expect(v.stderr).toMatch(/trust-policy\.yaml:\d+:\d+: .*must be a public key, never the private signing key.*\[KEY_PRIVATE\]/);
      const g = await cli(project, ['gate', 'payments', '--format', 'json']);
      expect(g.status).toBe(2);
      expect((JSON.parse(g.stdout) as { verdict: string }).verdict).toBe('error');
    }, 120_000);
  });

  describe('when sign api is given an expired descriptor', () => {
    it('refuses it with DESCRIPTOR_EXPIRED before signing', async () => {
      const project = freshProject();
      const descriptor = JSON.parse(readFileSync(path.join(root, 'stacks/support-triage/apis/helpdesk.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      writeFileSync(path.join(project, 'old.json'), JSON.stringify({ ...descriptor, expires: '2020-01-01T00:00:00Z' }));
      expect((await cli(project, ['keygen', '--name', 'gov', '--out', 'keys'])).status).toBe(0);
      const r = await cli(project, ['sign', 'api', 'old.json', '--key', 'keys/gov.key.pem']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('must not be expired to be signed (got expires 2020-01-01T00:00:00Z)');
      expect(r.stderr).toContain('DESCRIPTOR_EXPIRED');
      expect(existsSync(path.join(project, 'old.sigstore.json'))).toBe(false);
    });
  });

  describe('when asking for help, the version or completion', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    it.each(['validate', 'plan', 'check', 'verify', 'sbom', 'report', 'sign', 'gate', 'init', 'keygen', 'completion'])(
      'prints the version for `%s --version`',
      async (command) => {
        const r = await cli(root, [command, '--version']);
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(`agentfence ${version}\n`);
      },
    );
    it.each(['gate', 'init', 'keygen', 'check'])('prints the usage of %s for `help %s`', async (command) => {
      const r = await cli(root, ['help', command]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`agentfence ${command}`);
    });
    it('prints a subcommand usage for `help verify model`', async () => {
      expect((await cli(root, ['help', 'verify', 'model'])).stdout).toMatch(/^agentfence verify model/);
    });
    it('exits 2 for help on an unknown command', async () => {
      const r = await cli(root, ['help', 'nope']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('unknown command "nope"');
    });
    it('prints a bash script bash accepts, naming every command', async () => {
      const r = await cli(root, ['completion', 'bash']);
      expect(r.status).toBe(0);
      for (const command of ['validate', 'gate', 'init', 'keygen', 'completion']) expect(r.stdout).toContain(command);
      const syntax = spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' });
      expect(syntax.status, syntax.stderr).toBe(0);
    });
    it.each(['zsh', 'fish'])('prints a %s script naming every command', async (shell) => {
      const r = await cli(root, ['completion', shell]);
      expect(r.status).toBe(0);
      for (const command of ['validate', 'gate', 'init', 'keygen']) expect(r.stdout).toContain(command);
    });
    it.each([[[]], [['powershell']], [['bash', 'zsh']]])('refuses completion %j with exit 2', async (args) => {
      expect((await cli(root, ['completion', ...args])).status).toBe(2);
    });
  });

  describe('when -o/--output sends the result to a file', () => {
    it.each([
      [['validate', 'payments', '--format', 'json', '-o'], 'agentfence.validate/v1'],
      [['validate', 'payments', '--format', 'sarif', '--output'], '"version": "2.1.0"'],
    ])('writes %j to the file and nothing to stdout', async (args, expected) => {
      const dir = freshProject();
      const file = path.join(dir, 'result.out');
      const r = await cli(root, [...args, file]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toContain(expected);
    });
    it('exits 2 when the file cannot be written', async () => {
      const r = await cli(root, ['validate', 'payments', '-o', '/nonexistent-dir/x.json']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('must be a writable file');
    });
  });

  describe('when colour is asked for or refused', () => {
    it('colours a non-TTY with FORCE_COLOR=1 and not with NO_COLOR=1', async () => {
      expect((await cli(root, ['check', '--help'])).status).toBe(0);
      const forced = await cli(root, ['verify', 'payments', '--output', path.join(freshProject(), 'v.json')], {
        NO_COLOR: '',
        FORCE_COLOR: '1',
      });
      expect(forced.stdout).toContain('\u001b[32m');
      const plain = await cli(root, ['verify', 'payments', '--output', path.join(freshProject(), 'v.json')], {
        NO_COLOR: '1',
        FORCE_COLOR: '1',
      });
      expect(plain.stdout).not.toContain('\u001b[');
    }, 120_000);
  });
});
