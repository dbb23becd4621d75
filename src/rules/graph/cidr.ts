/**
 * Address arithmetic for the network rules: CIDR blocks as inclusive BigInt ranges (IPv4 and IPv6),
 * merged sets, coverage and difference. A set of rules "covers the internet" when the union of their
 * ranges contains every public address of the family, however it is cut (`0.0.0.0/0`, or
 * `0.0.0.0/1` + `128.0.0.0/1`, or every public block listed one by one).
 */

import { present } from '../../invariant.js';

/** An address family. */
export type Family = 4 | 6;

/** An inclusive range of addresses of one family. */
export interface Range {
  readonly family: Family;
  readonly lo: bigint;
  readonly hi: bigint;
}

const BITS: Readonly<Record<Family, number>> = { 4: 32, 6: 128 };

/** The largest address of a family. */
export function maxAddress(family: Family): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): string[] | undefined => {
    if (half === '') return [];
    const out: string[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      // an embedded IPv4 address (`::ffff:10.0.0.1`) stands for the last two groups
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        out.push((v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) out.push(piece);
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return all.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/**
 * Parses `a.b.c.d/n` or an IPv6 `x::y/n` into the range it covers. Host bits below the prefix are
 * ignored, as AWS does once it normalises a block (`10.0.0.0/0` is every IPv4 address).
 * Returns undefined for anything that is not a CIDR block.
 */
export function parseCidr(text: string): Range | undefined {
  const match = /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(text);
  if (match === null) return undefined;
  const [, address = '', length = ''] = match;
  const family: Family = address.includes(':') ? 6 : 4;
  const prefix = Number(length);
  const bits = BITS[family];
  if (prefix > bits) return undefined;
  const value = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const lo = (value / size) * size;
  return { family, lo, hi: lo + size - 1n };
}

/** The ranges merged: sorted by family then start, overlapping and adjacent ranges joined. */
export function union(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.family === range.family && range.lo <= last.hi + 1n) {
      if (range.hi > last.hi) out[out.length - 1] = { family: last.family, lo: last.lo, hi: range.hi };
    } else out.push(range);
  }
  return out;
}

/** The addresses of `from` that no range of `minus` covers. */
export function subtract(from: readonly Range[], minus: readonly Range[]): Range[] {
  const cuts = union(minus);
  const out: Range[] = [];
  for (const range of union(from)) {
    let lo = range.lo;
    for (const cut of cuts) {
      if (cut.family !== range.family || cut.hi < lo || cut.lo > range.hi) continue;
      if (cut.lo > lo) out.push({ family: range.family, lo, hi: cut.lo - 1n });
      lo = cut.hi + 1n;
      if (lo > range.hi) break;
    }
    if (lo <= range.hi) out.push({ family: range.family, lo, hi: range.hi });
  }
  return out;
}

/** The addresses both sets hold. */
export function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  return subtract(a, subtract(a, b));
}

/** Whether every address of `inner` is in `outer`. */
export function covers(outer: readonly Range[], inner: readonly Range[]): boolean {
  return subtract(inner, outer).length === 0;
}

/** Whether the two sets share an address. */
export function overlaps(a: readonly Range[], b: readonly Range[]): boolean {
  return intersect(a, b).length > 0;
}

const cidrs = (list: readonly string[]): Range[] => list.map((c) => present(parseCidr(c), `the range ${c}`));

/**
 * Addresses that are not on the public internet: IPv4 "this network", RFC 1918, shared address
 * space, loopback, link-local, multicast and reserved; for IPv6 everything outside global unicast.
 */
export const NON_PUBLIC: readonly Range[] = union(
  cidrs([
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '224.0.0.0/3',
    '::/3',
    '4000::/2',
    '8000::/1',
  ]),
);

/** Every public address of both families. */
export const INTERNET: readonly Range[] = subtract(cidrs(['0.0.0.0/0', '::/0']), NON_PUBLIC);

/** The public addresses of one family. */
export function internetOf(family: Family): Range[] {
  return INTERNET.filter((range) => range.family === family);
}

/** Whether a set of ranges reaches every public address of a family (the whole internet, however cut). */
export function coversInternet(ranges: readonly Range[], family: Family): boolean {
  return covers(ranges, internetOf(family));
}

/** Whether a set of ranges reaches any public address. */
export function reachesInternet(ranges: readonly Range[]): boolean {
  return overlaps(ranges, INTERNET);
}

/** Renders a range as the CIDR block it is when it is one, else `lo-hi`. */
export function showRange(range: Range): string {
  const size = range.hi - range.lo + 1n;
  const bits = BITS[range.family];
  const prefix = bits - (size.toString(2).length - 1);
  const aligned = (size & (size - 1n)) === 0n && range.lo % size === 0n;
  return aligned
    ? `${showAddress(range.lo, range.family)}/${prefix}`
    : `${showAddress(range.lo, range.family)}-${showAddress(range.hi, range.family)}`;
}

function showAddress(value: bigint, family: Family): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // the longest run of zero groups (two or more) becomes `::`
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}
