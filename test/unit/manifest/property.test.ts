import { arnScope } from '../../../src/rules/iam/wildcards.js';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { InputError } from '../../../src/errors.js';
import { loadManifest, loadTrustPolicy, ManifestError, validateManifest } from '../../../src/manifest/index.js';
import { parseSource } from '../../../src/manifest/source.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** Runs `fn`; anything thrown must be our typed bad-input error. */
function onlyInputErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (error instanceof ManifestError) expect(error.errors.length).toBeGreaterThan(0);
  }
}

type Mutation = { op: 'delete' | 'set' | 'add'; at: number; value: unknown; key: string };

/** Every path to a node of `value`. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(doc: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const target = all[mutation.at % all.length]!;
  const parent = target.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
    string | number,
    unknown
  >;
  const last = target[target.length - 1]!;
  if (mutation.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else if (mutation.op === 'set') {
    parent[last] = mutation.value;
  } else if (!Array.isArray(parent)) {
    parent[mutation.key] = mutation.value;
  }
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'set', 'add'),
  at: fc.nat(),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('*', 's3:*', '../x', '/etc/passwd', 'arn:aws:s3:::b/*', '', -1, Infinity)),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', '<<')),
});

// A few hundred loader runs each: seconds on an idle machine, more on a loaded CI runner.
const PROPERTY_TIMEOUT = 60_000;

describe('the manifest loader', () => {
  let stacks: string;
  beforeAll(() => {
    stacks = path.join(mkdtempSync(path.join(tmpdir(), 'agentfence-prop-')), 'stacks');
    cpSync(path.join(root, 'stacks'), stacks, { recursive: true });
  });
  afterAll(() => rmSync(path.dirname(stacks), { recursive: true, force: true }));

  describe('when given random bytes or text', () => {
    it(
      'never throws anything but a typed input error',
      () => {
        fc.assert(
          fc.property(
            fc.oneof(
              fc.uint8Array({ maxLength: 300 }),
              fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
            ),
            (bytes) => {
              onlyInputErrors(() => parseSource(bytes, '/virtual/agent.yaml'));
              onlyInputErrors(() => parseSource(bytes, '/virtual/agent.json'));
            },
          ),
          { numRuns: 300 },
        );
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe('when given random YAML documents', () => {
    it(
      'answers valid-or-errors and never throws anything else',
      () => {
        const file = path.join(stacks, 'payments/agent.yaml');
        fc.assert(
          fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
            writeFileSync(file, stringify(value));
            const result = validateManifest(file);
            expect(result.valid).toBe(result.errors.length === 0);
            expect(result.valid).toBe(false);
            onlyInputErrors(() => loadTrustPolicy(file));
          }),
          { numRuns: 150 },
        );
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe.each(['payments', 'support-triage'])('when the %s example is mutated', (name) => {
    it(
      'answers valid-or-errors, and every error is located inside the file',
      () => {
        const original = readFileSync(path.join(root, 'stacks', name, 'agent.yaml'), 'utf8');
        const doc = parse(original) as unknown;
        const file = path.join(stacks, name, 'agent.yaml');
        const lines = original.split('\n').length + 200;
        fc.assert(
          fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
            const mutated = mutations.reduce<unknown>((d, m) => mutate(d, m), doc);
            writeFileSync(file, stringify(mutated));
            const result = validateManifest(file, { trustPolicyFile: path.join(stacks, 'trust-policy.yaml') });
            expect(result.valid).toBe(result.errors.length === 0);
            expect(result.valid).toBe(result.manifest !== undefined);
            for (const error of result.errors) {
              expect(error.line).toBeGreaterThanOrEqual(1);
              expect(error.line).toBeLessThan(lines);
              expect(error.col).toBeGreaterThanOrEqual(1);
              expect(error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
            }
            onlyInputErrors(() => loadManifest(file));
          }),
          { numRuns: 150 },
        );
      },
      PROPERTY_TIMEOUT,
    );

    it(
      'never passes a wildcard written into any action or resource, except a bounded one',
      () => {
        const original = parse(readFileSync(path.join(root, 'stacks', name, 'agent.yaml'), 'utf8')) as {
          tools: { actions: string[]; resources: string[] }[];
        };
        const file = path.join(stacks, name, 'agent.yaml');
        fc.assert(
          fc.property(fc.nat(), fc.boolean(), fc.nat(), fc.constantFrom('*', '?'), (t, isAction, at, wildcard) => {
            const doc = structuredClone(original);
            const tool = doc.tools[t % doc.tools.length]!;
            const list = isAction ? tool.actions : tool.resources;
            const i = at % list.length;
            const value = list[i]!;
            const cut = (at % value.length) + 1;
            list[i] = `${value.slice(0, cut)}${wildcard}`;
            // An object-key prefix under a named bucket is a bounded wildcard the manifest allows.
            if (!isAction && arnScope(list[i]).kind === 'bounded') return;
            writeFileSync(file, stringify(doc));
            const result = validateManifest(file);
            expect(result.valid).toBe(false);
            expect(result.errors.map((e) => e.code)).toContain('WILDCARD');
          }),
          { numRuns: 100 },
        );
      },
      PROPERTY_TIMEOUT,
    );
  });
});
