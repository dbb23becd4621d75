import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { physicalName } from '../../../../src/components/aws/builders/names.js';
import { chunkStatements } from '../../../../src/components/aws/builders/least-privilege.js';
import { buildAllowlistTargets, buildSubnetLayout, parseCidr } from '../../../../src/components/aws/builders/network.js';

const range = (cidr: string): [number, number] => {
  const { base, prefix } = parseCidr(cidr);
  return [base, base + 2 ** (32 - prefix) - 1];
};

describe('builder properties', () => {
  it('physicalName stays within the limit, is deterministic and keeps distinct inputs distinct', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9-]{1,40}$/), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 16, max: 255 }),
        (parts, max) => {
          const name = physicalName(parts, max);
          expect(name.length).toBeLessThanOrEqual(max);
          expect(physicalName(parts, max)).toBe(name);
          expect(physicalName([...parts, 'x'], max)).not.toBe(name);
        },
      ),
    );
  });

  it('subnet layouts stay inside the VPC and never overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 16, max: 22 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (second, prefix, zones, egress) => {
          const size = 2 ** (32 - prefix);
          const base = Math.floor((10 * 2 ** 24 + second * 2 ** 16) / size) * size;
          const cidr = `${[24, 16, 8, 0].map((s) => Math.floor(base / 2 ** s) % 256).join('.')}/${prefix}`;
          const layout = buildSubnetLayout(cidr, zones, egress);
          const [lo, hi] = range(cidr);
          const all = [...layout.agent, ...layout.firewall, ...layout.public].map(range).sort((a, b) => a[0] - b[0]);
          expect(layout.agent).toHaveLength(zones);
          expect(layout.firewall).toHaveLength(egress ? zones : 0);
          all.forEach(([start, end], i) => {
            expect(start).toBeGreaterThanOrEqual(lo);
            expect(end).toBeLessThanOrEqual(hi);
            if (i > 0) expect(start).toBeGreaterThan(all[i - 1]![1]);
          });
        },
      ),
    );
  });

  it('allowlist targets are never wildcards and never widen what was given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), (hosts) => {
        let targets: string[];
        try {
          targets = buildAllowlistTargets(hosts);
        } catch {
          return;
        }
        for (const target of targets) {
          expect(target).not.toMatch(/[*\s:/]/);
          expect(hosts.map((h) => h.toLowerCase())).toContain(target);
        }
      }),
    );
  });

  it('chunking keeps every statement exactly once and every document in size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 150 }), (lengths) => {
        const statements = lengths.map((n, i) => ({
          Sid: `S${i}`,
          Effect: 'Allow' as const,
          Action: ['s3:GetObject'],
          Resource: Array.from({ length: n }, (_, j) => `arn:aws:s3:::b${i}/k${j}`),
        }));
        let chunks;
        try {
          chunks = chunkStatements(statements);
        } catch (error) {
          expect((error as Error).message).toMatch(/must fit/);
          return;
        }
        expect(chunks.flat().map((s) => s.Sid)).toEqual(statements.map((s) => s.Sid));
        for (const chunk of chunks) expect(JSON.stringify({ Version: '2012-10-17', Statement: chunk }).length).toBeLessThanOrEqual(6144);
      }),
      { numRuns: 50 },
    );
  });
});
