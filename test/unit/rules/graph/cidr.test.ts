import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covers, coversInternet, intersect, parseCidr, showRange, subtract, union, type Range } from '../../../../src/rules/graph/cidr.js';

/** A small window of the address space (a /22 of IPv4, a /118 of IPv6) enumerated address by address. */
const WINDOW = { 4: { base: 0x0a400000n, bits: 10 }, 6: { base: 0x20010db8n << 96n, bits: 10 } } as const;

function text(family: 4 | 6, offset: number, prefix: number): string {
  const value = WINDOW[family].base + BigInt(offset);
  if (family === 4) return `${[24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.')}/${prefix}`;
  return `${Array.from({ length: 8 }, (_, i) => ((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16)).join(':')}/${prefix}`;
}

/** A CIDR inside the window: prefix from the window's size down to a single address. */
const cidrIn = (family: 4 | 6) =>
  fc
    .integer({ min: 0, max: WINDOW[family].bits })
    .chain((hostBits) =>
      fc
        .integer({ min: 0, max: (1 << (WINDOW[family].bits - hostBits)) - 1 })
        .map((block) => text(family, block << hostBits, (family === 4 ? 32 : 128) - hostBits)),
    );

/** The addresses of a set of ranges as offsets in the window (the brute-force reference). */
function addresses(ranges: readonly Range[], family: 4 | 6): Set<number> {
  const out = new Set<number>();
  for (const range of ranges) {
    if (range.family !== family) continue;
    for (let a = range.lo; a <= range.hi; a++) out.add(Number(a - WINDOW[family].base));
  }
  return out;
}

const parse = (list: readonly string[]) => list.map((c) => parseCidr(c)!);
const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe('cidr', () => {
  describe.each([4, 6] as const)('when sets of IPv%s blocks are combined', (family) => {
    const sets = fc.array(cidrIn(family), { maxLength: 6 });
    it('union, subtract and intersect hold exactly the addresses brute force finds', () => {
      fc.assert(
        fc.property(sets, sets, (a, b) => {
          const [ra, rb] = [parse(a), parse(b)];
          const [sa, sb] = [addresses(ra, family), addresses(rb, family)];
          expect(sorted(addresses(union([...ra, ...rb]), family))).toEqual(sorted(new Set([...sa, ...sb])));
          expect(sorted(addresses(subtract(ra, rb), family))).toEqual(sorted(new Set([...sa].filter((x) => !sb.has(x)))));
          expect(sorted(addresses(intersect(ra, rb), family))).toEqual(sorted(new Set([...sa].filter((x) => sb.has(x)))));
          expect(covers(ra, rb)).toBe([...sb].every((x) => sa.has(x)));
        }),
        { numRuns: 300 },
      );
    });
    it('merges into disjoint, non-adjacent ranges', () => {
      fc.assert(
        fc.property(sets, (a) => {
          const merged = union(parse(a));
          for (let i = 1; i < merged.length; i++) expect(merged[i]!.lo > merged[i - 1]!.hi + 1n).toBe(true);
        }),
      );
    });
    it('renders every block back to the text it was parsed from', () => {
      fc.assert(
        fc.property(cidrIn(family), (cidr) => {
          expect(parseCidr(showRange(parseCidr(cidr)!))).toEqual(parseCidr(cidr));
        }),
      );
    });
  });

  describe('when blocks of /0 to /4 are checked for covering the IPv4 internet', () => {
    // with blocks this coarse, the internet is covered exactly when the sixteenths 0..13 are (224/3 is not public)
    const coarse = fc
      .integer({ min: 0, max: 4 })
      .chain((prefix) => fc.integer({ min: 0, max: 2 ** prefix - 1 }).map((n) => `${(n << (8 - prefix)) & 0xff}.0.0.0/${prefix}`));
    it('agrees with the sixteenth-by-sixteenth reference', () => {
      fc.assert(
        fc.property(fc.array(coarse, { maxLength: 8 }), (list) => {
          const ranges = parse(list);
          const sixteenths = new Set<number>();
          for (const r of ranges) for (let s = Number(r.lo >> 28n); s <= Number(r.hi >> 28n); s++) sixteenths.add(s);
          expect(coversInternet(ranges, 4)).toBe(Array.from({ length: 14 }, (_, i) => i).every((s) => sixteenths.has(s)));
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('when the internet is cut in pieces', () => {
    it.each<[string, string[], 4 | 6, boolean]>([
      ['0.0.0.0/0', ['0.0.0.0/0'], 4, true],
      ['a non-canonical /0', ['10.0.0.0/0'], 4, true],
      ['two halves', ['0.0.0.0/1', '128.0.0.0/1'], 4, true],
      [
        'every block but RFC 1918 space',
        [
          '0.0.0.0/5',
          '8.0.0.0/7',
          '11.0.0.0/8',
          '12.0.0.0/6',
          '16.0.0.0/4',
          '32.0.0.0/3',
          '64.0.0.0/2',
          '128.0.0.0/3',
          '160.0.0.0/5',
          '168.0.0.0/6',
          '172.0.0.0/12',
          '172.32.0.0/11',
          '172.64.0.0/10',
          '172.128.0.0/9',
          '173.0.0.0/8',
          '174.0.0.0/7',
          '176.0.0.0/4',
          '192.0.0.0/9',
          '192.128.0.0/11',
          '192.160.0.0/13',
          '192.169.0.0/16',
          '192.170.0.0/15',
          '192.172.0.0/14',
          '192.176.0.0/12',
          '192.192.0.0/10',
          '193.0.0.0/8',
          '194.0.0.0/7',
          '196.0.0.0/6',
          '200.0.0.0/5',
          '208.0.0.0/4',
        ],
        4,
        true,
      ],
      ['one half only', ['0.0.0.0/1'], 4, false],
      ['private space only', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], 4, false],
      ['::/0', ['::/0'], 6, true],
      ['global unicast 2000::/3', ['2000::/3'], 6, true],
      ['half of global unicast', ['2000::/4'], 6, false],
      ['IPv4 blocks for IPv6', ['0.0.0.0/0'], 6, false],
    ])('%s covers it: %s', (_, list, family, expected) => {
      expect(coversInternet(parse(list), family)).toBe(expected);
    });
  });

  describe('when text is not a CIDR block', () => {
    it.each([
      '',
      '10.0.0.0',
      '10.0.0.0/33',
      '256.0.0.0/8',
      '1.2.3/8',
      '::/129',
      '1:2:3:4:5:6:7:8:9/64',
      'fe80::1::2/64',
      'x/8',
      '10.0.0.0/8 junk',
      '2001:db8::g/32',
    ])('%j is refused', (input) => {
      expect(parseCidr(input)).toBeUndefined();
    });
    it.each<[string, string]>([
      ['::ffff:10.0.0.1/128', '::ffff:a00:1/128'],
      ['2001:DB8::/32', '2001:db8::/32'],
      ['10.1.2.3/8', '10.0.0.0/8'],
    ])('%s is read as %s', (input, shown) => {
      expect(showRange(parseCidr(input)!)).toBe(shown);
    });
  });
});
