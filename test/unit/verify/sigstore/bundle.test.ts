import { describe, expect, it } from 'vitest';
import { AgentfenceError, VerificationError } from '../../../../src/errors.js';
import { verifyBundle } from '../../../../src/verify/sigstore/index.js';
import { happyCases, type HappyCase } from './cases.js';

const cases = happyCases();
const named = (name: string): HappyCase => cases.find((item) => item.name === name)!;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AgentfenceError);
    return `${(error as AgentfenceError).kind}:${(error as AgentfenceError).code}`;
  }
  return 'verified';
}

const withMediaType = (item: HappyCase, mediaType: unknown): Record<string, unknown> => ({ ...structuredClone(item.bundle), mediaType });

describe('bundle media type', () => {
  // One bundle per path: keyless (library), key (library), private PKI (our parser).
  const paths = ['happy-path-v0.3', 'managed-key-happy-path', 'model-signing v1.1.0-certificate'].map(named);

  describe('when the media type is not one the bundle specification defines', () => {
    it.each([
      ['a suffix after +json', 'application/vnd.dev.sigstore.bundle.v0.3+jsonXYZ'],
      ['an unknown version', 'application/vnd.dev.sigstore.bundle+json;version=9.9'],
      ['a future minor version', 'application/vnd.dev.sigstore.bundle.v0.4+json'],
      ['a trailing space', 'application/vnd.dev.sigstore.bundle+json;version=0.3 '],
      ['a patch version', 'application/vnd.dev.sigstore.bundle+json;version=0.3.1'],
      ['upper case', 'APPLICATION/VND.DEV.SIGSTORE.BUNDLE.V0.3+JSON'],
      ['a trusted root media type', 'application/vnd.dev.sigstore.trustedroot.v0.1+json'],
      ['an empty string', ''],
      ['a number', 0.3],
      ['no media type', undefined],
    ])('refuses %s with MALFORMED_BUNDLE on every path', (_name, mediaType) => {
      for (const item of paths) {
        expect(
          codeOf(() => verifyBundle(withMediaType(item, mediaType), item.artifact, item.policy)),
          item.name,
        ).toBe('verification:MALFORMED_BUNDLE');
      }
    });

    it('names the media type it got', () => {
      const item = paths[0]!;
      expect(() =>
        verifyBundle(withMediaType(item, 'application/vnd.dev.sigstore.bundle+json;version=9.9'), item.artifact, item.policy),
      ).toThrow(/unknown bundle media type "application\/vnd\.dev\.sigstore\.bundle\+json;version=9\.9"/);
    });
  });

  describe('when the media type is a known one', () => {
    it.each(['application/vnd.dev.sigstore.bundle.v0.3+json', 'application/vnd.dev.sigstore.bundle+json;version=0.3'])(
      'verifies a v0.3 bundle spelt %s',
      (mediaType) => {
        for (const item of paths)
          expect(
            codeOf(() => verifyBundle(withMediaType(item, mediaType), item.artifact, item.policy)),
            item.name,
          ).toBe('verified');
      },
    );
  });
});

describe('transparency-log entries', () => {
  const rekor2 = cases.filter((item) => item.name.startsWith('rekor2-') && item.policy.kind === 'keyless');
  const entryOf = (bundle: Record<string, any>): Record<string, any> => bundle['verificationMaterial']['tlogEntries'][0];

  it('has Rekor v2 bundles to mutate', () => {
    expect(rekor2.length).toBeGreaterThan(3);
  });

  describe('when a Rekor v2 entry claims another log index than its inclusion proof', () => {
    it.each([
      ['one higher', (index: bigint) => index + 1n],
      ['one lower', (index: bigint) => index - 1n],
      ['zero', () => 0n],
      ['far away', (index: bigint) => index * 2n],
    ])('refuses an entry index %s with TLOG_INVALID', (_name, change) => {
      for (const item of rekor2) {
        const bundle = structuredClone(item.bundle);
        const entry = entryOf(bundle);
        entry['logIndex'] = String(change(BigInt(entry['logIndex'])));
        let error: unknown;
        try {
          verifyBundle(bundle, item.artifact, item.policy);
        } catch (caught) {
          error = caught;
        }
        expect(error, item.name).toBeInstanceOf(VerificationError);
        expect((error as VerificationError).code, item.name).toBe('TLOG_INVALID');
        expect((error as Error).message, item.name).toMatch(/claims index \d+ but its inclusion proof is for index \d+/);
      }
    });

    it('refuses moving both indexes with TLOG_INVALID (the proof no longer verifies)', () => {
      for (const item of rekor2) {
        const bundle = structuredClone(item.bundle);
        const entry = entryOf(bundle);
        const moved = String(BigInt(entry['logIndex']) + 1n);
        entry['logIndex'] = moved;
        entry['inclusionProof']['logIndex'] = moved;
        expect(
          codeOf(() => verifyBundle(bundle, item.artifact, item.policy)),
          item.name,
        ).toBe('verification:TLOG_INVALID');
      }
    });
  });

  describe('when a Rekor v1 entry is sharded (global index differs from the shard index of its proof)', () => {
    it('verifies, as every client does', () => {
      const item = named('happy-path-v0.3');
      const entry = entryOf(item.bundle);
      expect(entry['logIndex']).not.toBe(entry['inclusionProof']['logIndex']);
      expect(codeOf(() => verifyBundle(item.bundle, item.artifact, item.policy))).toBe('verified');
    });
  });
});
