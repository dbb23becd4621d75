import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fetchRegistryEvidence,
  parseNpmLockfile,
  readNpmLockfile,
  readTarballManifest,
  readVendored,
  registryPackages,
  toRegistryUrl,
  vendoredFile,
} from '../../../../src/verify/npm/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'agentfence-npm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vendor(name: string, version: string, doc: object = {}): void {
  const file = vendoredFile(dir, name, version);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ name, version, integrity: 'sha512-x', attestations: { attestations: [] }, ...doc }));
}

describe('vendored evidence', () => {
  vendor('@acme/ledger-mcp', '2.1.0');
  vendor('@acme/ledger-mcp', '2.3.1');
  vendor('@acme/ledger-mcp', '3.0.0');
  vendor('left-pad', '1.3.0');
  vendor('@acme/liar', '1.0.0', { name: '@acme/other' });
  writeFileSync(vendoredFile(dir, 'broken', '1.0.0'), '{');

  describe('when the layout mirrors node_modules', () => {
    it.each([
      ['@acme/ledger-mcp', '2.1.0', '@acme/ledger-mcp@2.1.0.json'],
      ['left-pad', '1.3.0', 'left-pad@1.3.0.json'],
    ])('%s@%s lives at %s', (name, version, rel) => {
      expect(path.relative(dir, vendoredFile(dir, name, version))).toBe(rel);
    });
    it('picks the highest vendored version within the range', () => {
      expect(readVendored(dir, '@acme/ledger-mcp', { range: '^2.1.0' }).version).toBe('2.3.1');
    });
    it('reads an exact version', () => {
      expect(readVendored(dir, 'left-pad', { version: '1.3.0' }).source).toBe(vendoredFile(dir, 'left-pad', '1.3.0'));
    });
  });
  describe('when the evidence is missing or wrong', () => {
    it.each([
      ['nothing vendored', 'unknown-pkg', { range: '*' }, 'UNSIGNED'],
      ['exact version not vendored', 'left-pad', { version: '1.3.1' }, 'UNSIGNED'],
      ['no vendored version in range', '@acme/ledger-mcp', { range: '^4.0.0' }, 'VERSION_MISMATCH'],
      ['file describes another package', '@acme/liar', { version: '1.0.0' }, 'MALFORMED_BUNDLE'],
      ['file is not JSON', 'broken', { version: '1.0.0' }, 'MALFORMED_BUNDLE'],
      ['a traversal name', '../../etc', { version: '1.0.0' }, 'NPM_NAME_INVALID'],
    ])('%s -> %s', (_case, name, want, code) => {
      expect(() => readVendored(dir, name, want)).toThrow(expect.objectContaining({ code }));
    });
  });
});

describe('readNpmLockfile + registryPackages', () => {
  const write = (name: string, json: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(json));
    return file;
  };
  describe('when given a v3 lockfile', () => {
    it('lists registry packages and notes links, workspaces and bundled packages', () => {
      const file = write('package-lock.json', {
        lockfileVersion: 3,
        packages: {
          '': { name: 'app' },
          'node_modules/@acme/ledger-mcp': { version: '2.1.0', integrity: 'sha512-a', resolved: 'https://r/x.tgz' },
          'node_modules/@acme/ledger-mcp/node_modules/semver': { version: '7.0.0', integrity: 'sha512-b' },
          'node_modules/local-tool': { resolved: 'packages/local-tool', link: true },
          'packages/local-tool': { name: 'local-tool', version: '0.0.1' },
          'node_modules/bundled': { version: '1.0.0', inBundle: true },
        },
      });
      const contents = registryPackages(readNpmLockfile(file));
      expect(contents.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['@acme/ledger-mcp@2.1.0', 'semver@7.0.0']);
      expect(contents.notes).toHaveLength(3);
      expect(contents.notes.join('\n')).toMatch(/link.*\n.*workspace.*\n.*bundled/s);
    });
  });
  describe('when the lockfile is not usable', () => {
    it.each([
      ['v1 lockfile', { lockfileVersion: 1, dependencies: {} }],
      ['no packages', { lockfileVersion: 3 }],
      ['entry without version', { lockfileVersion: 2, packages: { 'node_modules/x': {} } }],
      // Regression: the verifier's own reader threw a raw TypeError here while the SBOM's said LOCKFILE_INVALID.
      ['null packages entry', { lockfileVersion: 3, packages: { '': {}, 'node_modules/x': null } }],
      ['array packages entry', { lockfileVersion: 3, packages: { 'node_modules/x': [] } }],
      ['null root entry', { lockfileVersion: 3, packages: { '': null } }],
      ['null document', null],
      ['packages is null', { lockfileVersion: 3, packages: null }],
    ])('%s -> LOCKFILE_INVALID', (name, json) => {
      expect(() => readNpmLockfile(write(`${name}.json`, json))).toThrow(
        expect.objectContaining({ code: 'LOCKFILE_INVALID', kind: 'input' }),
      );
    });
    it('refuses a file that is not JSON', () => {
      writeFileSync(path.join(dir, 'bad.json'), 'nope');
      expect(() => readNpmLockfile(path.join(dir, 'bad.json'))).toThrow(expect.objectContaining({ code: 'LOCKFILE_INVALID' }));
    });
    it('refuses a file that does not exist', () => {
      expect(() => readNpmLockfile(path.join(dir, 'absent.json'))).toThrow(expect.objectContaining({ code: 'LOCKFILE_INVALID' }));
    });
    it('parses text with the same checks as a file', () => {
      expect(() => parseNpmLockfile('{"lockfileVersion":3,"packages":{"node_modules/x":null}}', 'lock')).toThrow(
        expect.objectContaining({
          code: 'LOCKFILE_INVALID',
          message: expect.stringContaining('packages["node_modules/x"] must be an object (got null)'),
        }),
      );
    });
  });
});

function tar(entries: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'utf8');
    header.write('0000644\0', 100);
    header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
    header.write('0', 156);
    header.write('ustar\0', 257);
    blocks.push(header, Buffer.concat([Buffer.from(content), Buffer.alloc((512 - (Buffer.byteLength(content) % 512)) % 512)]));
  }
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]));
}

describe('readTarballManifest', () => {
  it('reads name and version from a real npm tarball', () => {
    const tgz = readFileSync(
      path.resolve(import.meta.dirname, '../../../../../shared/fixtures/npm-provenance/slsa-verifier/gundam-visor-cli-v1-tag.tgz'),
    );
    expect(readTarballManifest(tgz)).toEqual({ name: 'gundam-visor', version: '1.0.1' });
  });
  it.each([
    ['not gzip', Buffer.from('plain')],
    ['no package.json', tar({ 'package/index.js': '1' })],
    ['package.json not JSON', tar({ 'package/package.json': '{' })],
    ['package.json without version', tar({ 'package/package.json': '{"name":"x"}' })],
    ['package.json nested deeper', tar({ 'package/lib/package.json': '{"name":"x","version":"1.0.0"}' })],
  ])('refuses %s with TARBALL_INVALID', (_name, tgz) => {
    expect(() => readTarballManifest(tgz)).toThrow(expect.objectContaining({ code: 'TARBALL_INVALID' }));
  });
});

describe('fetchRegistryEvidence (online, with a stubbed fetch)', () => {
  const registry = 'https://registry.test/';
  const packument = {
    versions: {
      '2.1.0': {
        dist: {
          integrity: 'sha512-a',
          signatures: [{ keyid: 'k', sig: 's' }],
          attestations: { url: 'https://registry.test/-/npm/v1/attestations/@acme%2fx@2.1.0' },
        },
      },
      '2.2.0': { dist: { integrity: 'sha512-b', attestations: { url: 'https://evil.test/-/npm/v1/attestations/@acme%2fx@2.2.0' } } },
    },
    time: { '2.1.0': '2025-01-01T00:00:00.000Z' },
  };
  const fetchStub = (url: string) =>
    Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve(url.includes('/attestations/') ? { attestations: [], url } : packument),
    });
  it('reads dist, publish time and the attestations the packument points to', async () => {
    const evidence = await fetchRegistryEvidence(registry, '@acme/x', { version: '2.1.0' }, fetchStub);
    expect(evidence).toMatchObject({
      version: '2.1.0',
      integrity: 'sha512-a',
      publishedAt: '2025-01-01T00:00:00.000Z',
      signatures: [{ keyid: 'k' }],
    });
  });
  it('refuses an attestations URL on another host', async () => {
    await expect(fetchRegistryEvidence(registry, '@acme/x', { range: '^2.2.0' }, fetchStub)).rejects.toMatchObject({ code: 'ERROR' });
  });
  it('blocks when no published version satisfies the range', async () => {
    await expect(fetchRegistryEvidence(registry, '@acme/x', { range: '^3.0.0' }, fetchStub)).rejects.toMatchObject({
      code: 'VERSION_MISMATCH',
    });
  });
});

describe('toRegistryUrl', () => {
  describe('when the value is not an https URL', () => {
    it.each([
      ['not a URL', 'registry'],
      ['http', 'http://registry.test/'],
      ['empty', ''],
    ])('refuses %s with REGISTRY_INVALID', (_, value) => {
      expect(() => toRegistryUrl(value)).toThrow(expect.objectContaining({ code: 'REGISTRY_INVALID', kind: 'config' }));
    });
  });
  it('answers an https registry with a trailing slash', () => {
    expect(toRegistryUrl('https://registry.test/npm')).toBe('https://registry.test/npm/');
  });
  describe('when the registry URL carries credentials', () => {
    it('refuses it with REGISTRY_INVALID without repeating the secret (it would land in the report)', () => {
      let caught: unknown;
      try {
        toRegistryUrl('https://ci-user:s3cret-token@registry.test/');
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'REGISTRY_INVALID' });
      expect((caught as Error).message).not.toContain('s3cret-token');
    });
  });
});
