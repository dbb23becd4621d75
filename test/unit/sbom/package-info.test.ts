import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fetchPackageInfo, normalizeRepositoryUrl, packageInfoFromTarball, toPackageInfo } from '../../../src/sbom/package-info.js';
import { root } from './helpers.js';

/** The example's real vendored tarball (npm pack output) and the integrity the registry signed. */
const tarballFile = path.join(root, 'stacks/payments/attestations/@acme/ledger-mcp@2.1.3.tgz');
const tarball = readFileSync(tarballFile);
const signed = (JSON.parse(readFileSync(tarballFile.replace(/\.tgz$/, '.json'), 'utf8')) as { integrity: string }).integrity;
const sri = (bytes: Uint8Array): string => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
const expected = { name: '@acme/ledger-mcp', version: '2.1.3', integrity: signed };

/** The same tarball with every `from` replaced by `to` (same length, so the tar layout holds). */
function edited(from: string, to: string): Buffer {
  const copy = Buffer.from(gunzipSync(tarball));
  if (from.length !== to.length || copy.indexOf(from) < 0) throw new Error(`bad edit ${from} -> ${to}`);
  for (let at = copy.indexOf(from); at >= 0; at = copy.indexOf(from, at + 1)) copy.write(to, at);
  return gzipSync(copy);
}

describe('packageInfoFromTarball', () => {
  describe('when the tarball is the one the registry signed', () => {
    it('reads licence, description and a supplier from the repository owner (the package names no author)', () => {
      const read = packageInfoFromTarball(tarball, expected, 'stacks/x.tgz');
      expect(read.problem).toBeUndefined();
      expect(read.info).toEqual({
        source: 'tarball',
        path: 'stacks/x.tgz',
        license: 'Apache-2.0',
        supplier: { name: 'acme', url: 'https://github.com/acme' },
        supplierFrom: 'repository',
        description: 'MCP server: read-only ledger queries and payment batch drafts',
        repository: 'https://github.com/acme/ledger-mcp',
      });
    });
  });

  describe('when it cannot be trusted', () => {
    const other = edited('"Apache-2.0"', '"GPL-3.0-or"');
    it.each([
      ['other bytes than the signed integrity', other, expected, /tarball sha512 must be/],
      ['no signed integrity at all', tarball, { name: '@acme/ledger-mcp', version: '2.1.3' }, /no signed integrity/],
      ['a package.json about another version', edited('"2.1.3"', '"2.1.4"'), { ...expected, integrity: sri(edited('"2.1.3"', '"2.1.4"')) }, /must describe @acme\/ledger-mcp@2\.1\.3/],
      ['a package.json about another name', edited('@acme/ledger-mcp', '@evil/ledger-mcp'), { ...expected, integrity: sri(edited('@acme/ledger-mcp', '@evil/ledger-mcp')) }, /must describe/],
      ['bytes that are not gzip', Buffer.from('not a tarball'), { ...expected, integrity: sri(Buffer.from('not a tarball')) }, /gzip/],
    ] as const)('answers no licence and the reason for %s', (_label, bytes, want, reason) => {
      const read = packageInfoFromTarball(bytes, want, 'x.tgz');
      expect(read.info).toBeUndefined();
      expect(read.problem).toMatch(reason);
    });
  });
});

describe('toPackageInfo', () => {
  describe.each([
    ['an author string', { author: 'Ada Lovelace <ada@example.com> (https://ada.example)' }, { name: 'Ada Lovelace', email: 'ada@example.com', url: 'https://ada.example' }, 'author'],
    ['an author object', { author: { name: 'Acme', email: 'oss@acme.example' } }, { name: 'Acme', email: 'oss@acme.example' }, 'author'],
    ['only a repository', { repository: 'github:acme/tool' }, { name: 'acme', url: 'https://github.com/acme' }, 'repository'],
  ])('when the package.json has %s', (_label, pkg, supplier, from) => {
    it('takes the supplier from it', () => {
      expect(toPackageInfo(pkg, 'registry')).toMatchObject({ supplier, supplierFrom: from });
    });
  });

  describe.each([
    ['no author and no repository', { license: 'MIT' }],
    ['a blank author', { author: '   ' }],
    ['an author without a name', { author: { email: 'x@example.com' } }],
    ['a repository that is not a URL', { repository: 'not a url at all' }],
    ['a repository on a file: URL', { repository: 'file:///etc/passwd' }],
  ])('when the package.json has %s', (_label, pkg) => {
    it('names no supplier rather than guessing', () => {
      expect(toPackageInfo(pkg, 'registry').supplier).toBeUndefined();
    });
  });

  it.each([
    [{ license: 'MIT' }, 'MIT'],
    [{ license: { type: 'ISC' } }, 'ISC'],
    [{ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }, '(MIT OR Apache-2.0)'],
    [{ license: '' }, undefined],
    [{ license: 42 }, undefined],
    ['not an object', undefined],
  ])('reads the licence of %j as %j', (pkg, license) => {
    expect(toPackageInfo(pkg, 'tarball').license).toBe(license);
  });
});

describe('normalizeRepositoryUrl', () => {
  it.each([
    ['git+https://github.com/acme/tool.git', 'https://github.com/acme/tool'],
    ['git://github.com/acme/tool.git', 'https://github.com/acme/tool'],
    [{ type: 'git', url: 'https://user:secret@gitlab.com/acme/tool' }, 'https://gitlab.com/acme/tool'],
    ['acme/tool', 'https://github.com/acme/tool'],
    ['gitlab:acme/tool', 'https://gitlab.com/acme/tool'],
    ['javascript:alert(1)', undefined],
    ['file:///tmp/repo', undefined],
    [{ url: 17 }, undefined],
    [undefined, undefined],
  ])('%j -> %j', (value, url) => {
    expect(normalizeRepositoryUrl(value)).toBe(url);
  });
});

describe('fetchPackageInfo', () => {
  const doc = { name: '@acme/ledger-mcp', version: '2.1.3', license: 'Apache-2.0', author: 'Acme <oss@acme.example>' };
  describe('when the registry answers about this version', () => {
    it('asks the injected registry for <name>/<version> and reads licence and author', async () => {
      const asked: string[] = [];
      const got = await fetchPackageInfo((url) => (asked.push(url), Promise.resolve(doc)), 'https://registry.example.test/npm/', '@acme/ledger-mcp', '2.1.3');
      expect(asked).toEqual(['https://registry.example.test/npm/@acme%2Fledger-mcp/2.1.3']);
      expect(got.info).toMatchObject({ source: 'registry', license: 'Apache-2.0', supplier: { name: 'Acme', email: 'oss@acme.example' } });
    });
  });

  describe('when it cannot be used', () => {
    it.each<[string, () => Promise<unknown>, string, RegExp]>([
      ['the fetch fails', () => Promise.reject(new Error('ECONNREFUSED')), 'https://r.example.test/', /did not answer \(ECONNREFUSED\)/],
      ['it describes another version', () => Promise.resolve({ ...doc, version: '9.9.9' }), 'https://r.example.test/', /must describe/],
      ['it is not an object', () => Promise.resolve('html'), 'https://r.example.test/', /must describe/],
      ['the registry URL is not a URL', () => Promise.resolve(doc), 'nope', /is not a URL/],
    ])('answers the reason when %s', async (_label, fetcher, registry, reason) => {
      const got = await fetchPackageInfo(fetcher, registry, '@acme/ledger-mcp', '2.1.3');
      expect(got.info).toBeUndefined();
      expect(got.problem).toMatch(reason);
    });
  });
});
