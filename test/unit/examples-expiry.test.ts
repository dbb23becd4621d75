/**
 * The example API descriptors expire, and the committed SBOMs embed their verdict: a date passing
 * would turn CI red overnight. This fails 90 days ahead, naming the one command that renews them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const WARN_DAYS = 90;
const DAY_MS = 86_400_000;

function descriptors(): { file: string; expires: string }[] {
  const out: { file: string; expires: string }[] = [];
  for (const stack of readdirSync(path.join(root, 'stacks'), { withFileTypes: true })) {
    if (!stack.isDirectory()) continue;
    const dir = path.join(root, 'stacks', stack.name, 'apis');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.json') && !f.endsWith('.sigstore.json'))) {
      const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { expires?: string };
      out.push({ file: `stacks/${stack.name}/apis/${file}`, expires: doc.expires ?? '' });
    }
  }
  return out;
}

/** Descriptors that expire within `days` of `now` (or have no valid date). */
function expiringSoon(list: readonly { file: string; expires: string }[], now: number, days: number): string[] {
  return list.filter((d) => !(Date.parse(d.expires) - now > days * DAY_MS)).map((d) => `${d.file} expires ${d.expires || '(no date)'}`);
}

describe('example descriptors', () => {
  describe('when the examples are checked against today', () => {
    it(`has none expiring within ${WARN_DAYS} days (renew: npm run build && node dist/scripts/sign-examples.js --renew)`, () => {
      const list = descriptors();
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(
        expiringSoon(list, Date.now(), WARN_DAYS),
        'run `npm run build && node dist/scripts/sign-examples.js --renew`, review and commit',
      ).toEqual([]);
    });
  });

  describe('when the check itself is exercised', () => {
    const list = [{ file: 'a.json', expires: '2027-12-31T00:00:00Z' }];
    it.each([
      ['100 days before', Date.parse('2027-09-22T00:00:00Z'), []],
      ['89 days before', Date.parse('2027-10-03T00:00:00Z'), ['a.json expires 2027-12-31T00:00:00Z']],
      ['on the day', Date.parse('2027-12-31T00:00:00Z'), ['a.json expires 2027-12-31T00:00:00Z']],
      ['after it', Date.parse('2028-06-01T00:00:00Z'), ['a.json expires 2027-12-31T00:00:00Z']],
    ])('%s answers %j', (_label, now, expected) => {
      expect(expiringSoon(list, now, WARN_DAYS)).toEqual(expected);
    });
    it('flags a descriptor without a valid date', () => {
      expect(expiringSoon([{ file: 'b.json', expires: 'soon' }], Date.now(), WARN_DAYS)).toEqual(['b.json expires soon']);
    });
  });
});
