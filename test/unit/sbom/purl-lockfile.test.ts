import { describe, expect, it } from 'vitest';
import { lockfilePlugins } from '../../../src/sbom/lockfile.js';
import { parseNpmLockfile } from '../../../src/verify/npm/lockfile.js';

const readLockfile = (text: string, label: string) => lockfilePlugins(parseNpmLockfile(text, label));
import { npmPurl, purlIdentity, sriToHash } from '../../../src/sbom/purl.js';

describe('npmPurl', () => {
  it.each([
    ['left-pad', '1.3.0', 'pkg:npm/left-pad@1.3.0'],
    ['@acme/ledger-mcp', '2.1.3', 'pkg:npm/%40acme/ledger-mcp@2.1.3'],
    ['@acme/ledger-mcp', undefined, 'pkg:npm/%40acme/ledger-mcp'],
    ['x', '1.0.0-rc.1+build.5', 'pkg:npm/x@1.0.0-rc.1%2Bbuild.5'],
  ])('encodes %s@%s as %s', (name, version, purl) => {
    expect(npmPurl(name, version)).toBe(purl);
  });
});

describe('purlIdentity', () => {
  it.each([
    ['pkg:npm/%40acme/ledger-mcp@2.1.3', 'pkg:npm/%40acme/ledger-mcp'],
    ['pkg:npm/left-pad@1.3.0?vcs_url=git%2Bhttps#sub', 'pkg:npm/left-pad'],
    ['pkg:npm/left-pad', 'pkg:npm/left-pad'],
  ])('strips version, qualifiers and subpath from %s', (purl, identity) => {
    expect(purlIdentity(purl)).toBe(identity);
  });
});

describe('sriToHash', () => {
  const sha512 = Buffer.alloc(64, 1).toString('base64');
  const sha1 = Buffer.alloc(20, 2).toString('base64');
  it('picks the strongest well-formed digest', () => {
    expect(sriToHash(`sha1-${sha1} sha512-${sha512}`)).toEqual({ alg: 'SHA-512', hex: '01'.repeat(64) });
  });
  it.each(['', 'md5-abc', `sha512-${Buffer.alloc(10).toString('base64')}`, 'sha512-!!!'])('returns undefined for %j', (value) => {
    expect(sriToHash(value)).toBeUndefined();
  });
});

describe('lockfilePlugins', () => {
  const lock = {
    name: 'agent',
    lockfileVersion: 3,
    packages: {
      '': { name: 'agent', dependencies: { '@acme/a': '^1.0.0', b: '^2.0.0' } },
      'node_modules/@acme/a': { version: '1.0.0', integrity: 'sha512-AAAA', resolved: 'https://registry.example/a.tgz', dependencies: { b: '^1.0.0' }, license: 'MIT' },
      'node_modules/@acme/a/node_modules/b': { version: '1.5.0' },
      'node_modules/b': { version: '2.0.0', dev: true },
      'node_modules/linked': { link: true, resolved: '../linked' },
    },
  };
  it('lists every installed package with its resolved edges and directness', () => {
    const plugins = readLockfile(JSON.stringify(lock), 'package-lock.json');
    expect(plugins.map((p) => `${p.name}@${p.version}:${p.direct}`)).toEqual(['@acme/a@1.0.0:true', 'b@1.5.0:false', 'b@2.0.0:true']);
    expect(plugins[0]).toMatchObject({ dependsOn: ['pkg:npm/b@1.5.0'], integrity: 'sha512-AAAA', license: 'MIT' });
    expect(plugins[2]).toMatchObject({ dev: true });
  });
  it.each([
    ['not JSON', '{'],
    ['lockfile v1', JSON.stringify({ lockfileVersion: 1, dependencies: {} })],
    ['no packages', JSON.stringify({ lockfileVersion: 3 })],
    ['an entry without version', JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/x': {} } })],
    ['an entry that is null', JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/x': null } })],
    ['an entry that is a string', JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/x': '1.0.0' } })],
  ])('refuses %s with LOCKFILE_INVALID', (_label, text) => {
    expect(() => readLockfile(text, 'lock')).toThrow(expect.objectContaining({ code: 'LOCKFILE_INVALID', kind: 'input' }));
  });
});
