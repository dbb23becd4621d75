import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

import { agentfence, root } from './run-cli.js';

// each case runs the CLI (and the verifier, or Chromium); a loaded CI machine needs headroom
vi.setConfig({ testTimeout: 180_000 });

const fixtures = path.resolve(root, '../shared/fixtures/cyclonedx-1.6');
const tmp = mkdtempSync(path.join(tmpdir(), 'agentfence-sbom-cli-'));

/** The CLI at a fixed time (two generations are byte-identical) and without GitHub Actions' variables unless given, so runs match everywhere. */
function cliWith(extra: Record<string, string>, ...args: string[]) {
  return agentfence(args, {
    env: { GITHUB_SERVER_URL: undefined, GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined, SOURCE_DATE_EPOCH: '1764633600', ...extra },
  });
}

const cli = (...args: string[]) => cliWith({}, ...args);

describe.concurrent('agentfence sbom', () => {
  describe.each(['payments', 'support-triage'])('when generating the %s SBOM', (agent) => {
    it.each(['1.6', '1.7'])('writes a valid CycloneDX %s document (byte-identical on a second run to stdout at 1.6)', async (spec) => {
      const out = path.join(tmp, `${agent}-${spec}.cdx.json`);
      const first = await cli('sbom', agent, '-o', out, '--spec', spec);
      expect(first.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`(CycloneDX ${spec}, `);
      const bytes = readFileSync(out, 'utf8');
      const { Validation } = await import('@cyclonedx/cyclonedx-library');
      expect(await new Validation.JsonStrictValidator(spec as never).validate(bytes)).toBeNull();
      const doc = JSON.parse(bytes) as Record<string, any>;
      expect(doc['metadata'].component).toMatchObject({ name: agent, type: 'application' });
      expect(doc['components'].some((c: any) => c.type === 'machine-learning-model')).toBe(true);
      expect(doc['services'][0]).toMatchObject({ 'x-trust-boundary': true, authenticated: true });
      if (spec === '1.6') expect((await cli('sbom', agent, '-o', '-', '--spec', spec)).stdout).toBe(bytes);
    });
  });

  describe('when checking a file against fresh output', () => {
    it('exits 0 when it is current and 1 with a diff summary when it is stale', async () => {
      const out = path.join(tmp, 'check.cdx.json');
      expect((await cli('sbom', 'payments', '-o', out, '--verification', 'none')).status).toBe(0);
      const fresh = await cli('sbom', 'payments', '-o', out, '--check', '--verification', 'none');
      expect(fresh.status).toBe(0);
      expect(fresh.stdout).toContain('is up to date');
      expect(fresh.stdout).toContain('minimum elements:');
      const doc = JSON.parse(readFileSync(out, 'utf8')) as Record<string, any>;
      doc['services'][0].endpoints = ['https://old.example.com'];
      writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
      const stale = await cli('sbom', 'payments', '-o', out, '--check', '--verification', 'none');
      expect(stale.status).toBe(1);
      expect(stale.stdout).toContain('is stale');
      expect(stale.stdout).toContain('ENDPOINT_ADDED');
      const json = await cli('sbom', 'payments', '-o', out, '--check', '--format', 'json', '--verification', 'none');
      expect(JSON.parse(json.stdout)).toMatchObject({
        schemaVersion: 'agentfence.sbom-check/v1',
        upToDate: false,
        scorecard: { summary: expect.any(Object) },
      });
    });
    it('exits 1 without reading a file larger than any SBOM it would write', async () => {
      const huge = path.join(tmp, 'huge.cdx.json');
      writeFileSync(huge, '');
      truncateSync(huge, 3 * 1024 * 1024 * 1024);
      const r = await cli('sbom', 'payments', '-o', huge, '--check', '--verification', 'none');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('is stale');
      expect(r.stdout).toMatch(/must be at most \d+ bytes/);
    });
    it('exits 1 when the file does not exist', async () => {
      const r = await cli('sbom', 'payments', '-o', path.join(tmp, 'missing.cdx.json'), '--check', '--verification', 'none');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('does not exist');
    });
  });

  describe('when the arguments are wrong', () => {
    it.each([
      [['sbom'], 'exactly one <agent>'],
      [['sbom', 'payments', '--spec', '1.5'], '--spec must be one of 1.6|1.7'],
      [['sbom', 'payments', '--check', '--timestamp'], 'cannot be combined'],
      [['sbom', 'payments', '--verification', 'maybe'], '--verification must be one of'],
      [['sbom', 'no-such-agent'], 'AGENT_NOT_FOUND'],
      [['sbom', 'diff', 'one.json'], '<old> <new>'],
      [['sbom', 'payments', '--format', 'sarif'], '--format must be one of text|json'],
    ])('%j exits 2 with a readable message', async (args, message) => {
      const r = await cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});

describe('agentfence sbom timestamps', () => {
  const run = (args: string[], env: Record<string, string | undefined>) => agentfence(args, { env });
  it('stamps the SBOM with the current time by default and with SOURCE_DATE_EPOCH when set', async () => {
    const before = Date.now() - 1000;
    const now = await run(['sbom', 'payments', '-o', '-', '--verification', 'none'], { SOURCE_DATE_EPOCH: undefined });
    expect(now.status).toBe(0);
    const stamped = Date.parse((JSON.parse(now.stdout) as { metadata: { timestamp: string } }).metadata.timestamp);
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now());
    const fixed = await run(['sbom', 'payments', '-o', '-', '--verification', 'none'], { SOURCE_DATE_EPOCH: '1764633600' });
    expect((JSON.parse(fixed.stdout) as { metadata: { timestamp: string } }).metadata.timestamp).toBe('2025-12-02T00:00:00.000Z');
  });
  it('leaves it out with --no-timestamp', async () => {
    const r = await run(['sbom', 'payments', '-o', '-', '--verification', 'none', '--no-timestamp'], {});
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { metadata: Record<string, unknown> }).metadata['timestamp']).toBeUndefined();
  });
});

describe('agentfence sbom --timestamp', () => {
  it('refuses a SOURCE_DATE_EPOCH past year 9999 as bad usage, not as an invalid SBOM bug', async () => {
    const r = await agentfence(['sbom', 'payments', '-o', '-', '--timestamp', '--verification', 'none'], {
      env: { SOURCE_DATE_EPOCH: '999999999999' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
    expect(r.stderr).toContain('[CLI_USAGE]');
    expect(r.stdout).toBe('');
  });
});

describe.concurrent('agentfence sbom diff', () => {
  const write = (name: string, text: string | Buffer): string => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    return file;
  };

  describe('when comparing documents made by others', () => {
    it('reports added services and components as JSON', async () => {
      const r = await cli(
        'sbom',
        'diff',
        path.join(fixtures, 'valid-bom-1.6.json'),
        path.join(fixtures, 'valid-service-1.6.json'),
        '--format',
        'json',
      );
      expect(r.status).toBe(0);
      const diff = JSON.parse(r.stdout) as Record<string, any>;
      expect(diff['schemaVersion']).toBe('agentfence.sbom-diff/v1');
      expect(diff['added'].some((e: any) => e.kind === 'service')).toBe(true);
    });
    it('exits 1 with --fail-on when a flag reaches that severity', async () => {
      const r = await cli(
        'sbom',
        'diff',
        path.join(fixtures, 'valid-bom-1.6.json'),
        path.join(fixtures, 'valid-machine-learning-1.6.json'),
        '--fail-on',
        'high',
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('[high] MODEL_ADDED');
    });
  });

  describe('when comparing two generations of an agent SBOM', () => {
    it('flags a changed signer and a new plugin in text', async () => {
      const before = path.join(tmp, 'diff-before.cdx.json');
      expect((await cli('sbom', 'payments', '-o', before, '--verification', 'none')).status).toBe(0);
      const doc = JSON.parse(readFileSync(before, 'utf8')) as Record<string, any>;
      const model = doc['components'].find((c: any) => c.name === 'fraud-scorer');
      model.properties.push({ name: 'agentfence:verification:signer', value: 'mallory@example.com' });
      doc['components'].push({
        type: 'library',
        name: 'left-pad',
        version: '1.3.0',
        purl: 'pkg:npm/left-pad@1.3.0',
        'bom-ref': 'pkg:npm/left-pad@1.3.0',
      });
      const after = write('diff-after.cdx.json', JSON.stringify(doc));
      const r = await cli('sbom', 'diff', before, after);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('SIGNER_CHANGED');
      expect(r.stdout).toContain('+ plugin left-pad@1.3.0');
    });
  });

  describe('when an input is not a valid CycloneDX 1.6/1.7 JSON document', () => {
    const good = path.join(fixtures, 'valid-bom-1.6.json');
    it.each([
      ['not JSON', () => write('not.json', 'hello'), 'SBOM_NOT_JSON'],
      ['the wrong bomFormat', () => path.join(fixtures, 'invalid-bomformat-1.6.json'), 'SBOM_NOT_CYCLONEDX'],
      [
        'an unknown spec version',
        () => write('spec.json', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '9.9', version: 1 })),
        'SBOM_SPEC_UNSUPPORTED',
      ],
      ['schema-invalid', () => path.join(fixtures, 'invalid-service-data-1.6.json'), 'SBOM_INVALID'],
      ['a 50 MB file', () => write('big.json', Buffer.alloc(50 * 1024 * 1024, 0x20)), 'SBOM_TOO_LARGE'],
      ['missing', () => path.join(tmp, 'nope.json'), 'SBOM_NOT_FOUND'],
    ])('%s exits 2 with its code', async (_label, make, code) => {
      const r = await cli('sbom', 'diff', good, make());
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
    it('prints the validator messages for a schema-invalid document', async () => {
      const r = await cli('sbom', 'diff', good, path.join(fixtures, 'invalid-service-data-1.6.json'));
      expect(r.stderr).toMatch(/\/services\/0\/data\/0\/flow: must be equal to one of the allowed values/);
    });
  });
});

describe('agentfence sbom and the VCS base', () => {
  const SHA = 'fedcba9876543210fedcba9876543210fedcba98';
  const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/agents', GITHUB_SHA: SHA };
  const urlsOf = (text: string): string[] => {
    const doc = JSON.parse(text) as Record<string, any>;
    return [...doc['components'], ...doc['services']].flatMap((n: any) => (n.externalReferences ?? []).map((e: any) => e.url as string));
  };

  it('resolves file references against --vcs-base, and a check under GitHub Actions keeps that base', async () => {
    const out = path.join(tmp, 'vcs-flag.cdx.json');
    const r = await cliWith(
      GITHUB,
      'sbom',
      'support-triage',
      '-o',
      out,
      '--verification',
      'none',
      '--vcs-base',
      'https://git.example/acme/agents/src/tag/v1',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(urlsOf(text)).toContain('https://git.example/acme/agents/src/tag/v1/stacks/support-triage/images/runtime.sigstore.json');
    expect(urlsOf(text).every((u) => URL.canParse(u))).toBe(true);
    const check = await cliWith(GITHUB, 'sbom', 'support-triage', '-o', out, '--check', '--verification', 'none');
    expect(check.stdout).toContain('is up to date');
    expect(check.status).toBe(0);
  });

  it('takes the commit from GitHub Actions when no flag is given, and stays relative (saying so) without either', async () => {
    const github = await cliWith(GITHUB, 'sbom', 'support-triage', '-o', '-', '--verification', 'none');
    expect(github.status).toBe(0);
    expect(urlsOf(github.stdout)).toContain(
      `https://github.com/acme/agents/blob/${SHA}/stacks/support-triage/images/runtime.sigstore.json`,
    );
    const plain = await cli('sbom', 'support-triage', '-o', '-', '--verification', 'none');
    expect(urlsOf(plain.stdout)).toContain('stacks/support-triage/images/runtime.sigstore.json');
    expect(plain.stdout).toContain('"value": "relative"');
  });

  it('refuses a non-https --vcs-base with exit 2', async () => {
    const r = await cli('sbom', 'support-triage', '-o', '-', '--verification', 'none', '--vcs-base', 'http://git.example/x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--vcs-base must be an https URL');
  });
});

describe('the committed SBOMs', () => {
  describe.each(['payments', 'support-triage'])('sbom/%s.cdx.json', (agent) => {
    it('is current: `agentfence sbom --check` exits 0 on a clean clone', async () => {
      const r = await cli('sbom', agent, '--check');
      expect(r.stdout).toContain(`sbom/${agent}.cdx.json is up to date`);
      expect(r.status).toBe(0);
    });
    it('passes every NTIA, CISA 2025 and BSI minimum element in `sbom --check --format json`', async () => {
      const r = await cli('sbom', agent, '--check', '--format', 'json');
      const out = JSON.parse(r.stdout) as { upToDate: boolean; scorecard: { elements: { id: string; status: string }[] } };
      expect(out.upToDate).toBe(true);
      const notPassing = out.scorecard.elements.filter((e) => e.status !== 'pass').map((e) => `${e.id}=${e.status}`);
      expect(notPassing).toEqual([]);
      expect(out.scorecard.elements.filter((e) => e.id.startsWith('ntia.')).length).toBe(7);
    });
    it('validates with the library validator and records verified artifacts', async () => {
      const text = readFileSync(path.join(root, 'sbom', `${agent}.cdx.json`), 'utf8');
      const { Validation } = await import('@cyclonedx/cyclonedx-library');
      expect(await new Validation.JsonStrictValidator('1.6' as never).validate(text)).toBeNull();
      const doc = JSON.parse(text) as Record<string, any>;
      const statuses = [...doc['components'], ...doc['services']]
        .filter((c: any) => c.type !== 'data')
        .map((c: any) => c.properties.find((p: any) => p.name === 'agentfence:verification:status')?.value);
      expect(statuses.length).toBe(5);
      // four signature checks (model, plugin, API, runtime image) and one hosted model the trust policy allow-lists (not a verification)
      expect(statuses.sort()).toEqual(['allow-listed', 'verified', 'verified', 'verified', 'verified']);
      const image = doc['components'].find((c: any) => c.type === 'container');
      expect(image.purl).toMatch(
        new RegExp(
          `^pkg:oci/${agent}@sha256%3A[0-9a-f]{64}\\?repository_url=111122223333\\.dkr\\.ecr\\.eu-west-1\\.amazonaws\\.com/agentfence/${agent}$`,
        ),
      );
      expect(doc['dependencies'].find((d: any) => d.ref === `agent:${agent}`).dependsOn).toContain(image['bom-ref']);
    });
  });
});
