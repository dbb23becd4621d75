import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertNpmName, integrityOf, sha512HexOfIntegrity, toNpmPurl } from '../../../../src/verify/npm/index.js';

describe('toNpmPurl', () => {
  it.each([
    ['sigstore', '2.3.1', 'pkg:npm/sigstore@2.3.1'],
    ['@trishankatdatadog/supreme-goggles', '1.0.5', 'pkg:npm/%40trishankatdatadog/supreme-goggles@1.0.5'],
  ])('%s@%s -> %s', (name, version, purl) => {
    expect(toNpmPurl(name, version)).toBe(purl);
  });
});

describe('sha512HexOfIntegrity', () => {
  describe('when given a sha512 SRI', () => {
    it('answers the hex digest of the tarball', () => {
      const bytes = Buffer.from('tarball bytes');
      expect(sha512HexOfIntegrity(integrityOf(bytes))).toMatch(/^[0-9a-f]{128}$/);
    });
    it('picks sha512 among several algorithms', () => {
      const sri = integrityOf(Buffer.from('x'));
      expect(sha512HexOfIntegrity(`sha1-AAAA ${sri}`)).toBe(sha512HexOfIntegrity(sri));
    });
  });
  describe('when the SRI is not usable', () => {
    it.each([['sha1-qL+ZZkL0XaK9Ab6QUcn7wLfQ7rk='], ['sha512-dG9vc2hvcnQ='], ['garbage'], ['']])(
      'refuses %j with INTEGRITY_INVALID',
      (sri) => {
        expect(() => sha512HexOfIntegrity(sri)).toThrow(expect.objectContaining({ code: 'INTEGRITY_INVALID' }));
      },
    );
    it('never crashes on arbitrary strings', () => {
      fc.assert(
        fc.property(fc.string(), (s) => {
          try {
            expect(sha512HexOfIntegrity(s)).toMatch(/^[0-9a-f]{128}$/);
          } catch (error) {
            expect(error).toMatchObject({ code: 'INTEGRITY_INVALID' });
          }
        }),
      );
    });
  });
});

describe('assertNpmName', () => {
  it.each(['left-pad', '@acme/ledger-mcp', 'a.b_c~d'])('accepts %s', (name) => expect(() => assertNpmName(name)).not.toThrow());
  it.each(['../etc/passwd', '@acme/../x', 'UPPER', '@scope', '/abs', 'a/b', ''])('refuses %j', (name) => {
    expect(() => assertNpmName(name)).toThrow(expect.objectContaining({ code: 'NPM_NAME_INVALID' }));
  });
});
