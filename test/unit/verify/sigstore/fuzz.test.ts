/**
 * Property tests: random JSON and randomly mutated real bundles through the verifier. Nothing but
 * our typed errors may escape, and a mutant that still verifies must name the original signer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentfenceError } from '../../../../src/errors.js';
import { verifyBundle, type SigstoreVerification } from '../../../../src/verify/sigstore/index.js';
import { happyCases } from './cases.js';

const cases = happyCases();
const keylessCase = cases.find((c) => c.name === 'happy-path-v0.3')!;

function outcome(fn: () => SigstoreVerification): SigstoreVerification | AgentfenceError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AgentfenceError) return error;
    throw error;
  }
}

type Path = (string | number)[];

/** Every path to a value inside a JSON document. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (typeof value === 'object' && value !== null)
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

/** The document with the value at `path` replaced, or removed when the value is DELETE. */
function setAt(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? undefined : value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let holder: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(holder)) holder.splice(last as number, 1);
    else Reflect.deleteProperty(holder, last);
  } else {
    holder[last] = value;
  }
  return copy;
}
const DELETE = Symbol('delete');

describe('verifyBundle under fuzzing', () => {
  describe('when given random JSON', () => {
    it.each(
      cases
        .filter((c) => ['happy-path-v0.3', 'managed-key-happy-path', 'model-signing v1.1.0-certificate'].includes(c.name))
        .map((c) => [c.policy.kind, c] as const),
    )('throws only typed errors under a %s policy', (_kind, c) => {
      fc.assert(
        fc.property(fc.jsonValue(), (json) => {
          expect(outcome(() => verifyBundle(json, c.artifact, c.policy))).toBeInstanceOf(AgentfenceError);
        }),
        { numRuns: 150 },
      );
    });

    it('throws only typed errors for bundle-shaped random documents', () => {
      const shaped = fc.record({
        mediaType: fc.constantFrom('application/vnd.dev.sigstore.bundle.v0.3+json', 'application/vnd.dev.sigstore.bundle+json;version=0.1'),
        verificationMaterial: fc.record({
          certificate: fc.record({ rawBytes: fc.base64String() }),
          tlogEntries: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 2 }),
        }),
        messageSignature: fc.record({
          messageDigest: fc.record({ algorithm: fc.constant('SHA2_256'), digest: fc.base64String() }),
          signature: fc.base64String(),
        }),
      });
      fc.assert(
        fc.property(shaped, (json) => {
          expect(outcome(() => verifyBundle(json, keylessCase.artifact, keylessCase.policy))).toBeInstanceOf(AgentfenceError);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('when a real bundle has one value replaced or removed', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s never crashes and never passes for another signer', (_name, c) => {
      const expected = verifyBundle(c.bundle, c.artifact, c.policy).signer;
      const all = paths(c.bundle);
      const replacement = fc.oneof(fc.jsonValue(), fc.base64String(), fc.constant(DELETE));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: all.length - 1 }), replacement, (index, value) => {
          const mutated = setAt(c.bundle, all[index]!, value);
          const result = outcome(() => verifyBundle(mutated, c.artifact, c.policy));
          if (!(result instanceof AgentfenceError)) expect(result.signer).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });
  });
});
