import { describe, expect, it } from 'vitest';
import { verifyBundle, verifyBundles, VerifierPool } from '../../../../src/verify/sigstore/index.js';
import { happyCases } from './cases.js';

describe('verifyBundles', () => {
  describe('when run from TypeScript sources (no compiled worker)', () => {
    it('verifies in this thread and reports zero threads', async () => {
      const pool = new VerifierPool({ threads: 4 });
      expect(pool.threads).toBe(0);
      await pool.close();
    });

    it('gives the same verdicts as verifyBundle, in item order, with typed error codes', async () => {
      const cases = happyCases();
      const items = cases.flatMap((c) => [
        { bundle: c.bundle, artifact: c.artifact, policy: c.policy },
        { bundle: { ...c.bundle, mediaType: 'x' }, artifact: c.artifact, policy: c.policy },
      ]);
      const outcomes = await verifyBundles(items);
      expect(outcomes).toHaveLength(items.length);
      outcomes.forEach((outcome, index) => {
        if (index % 2 === 0) {
          expect(outcome.ok).toBe(true);
          if (outcome.ok)
            expect(outcome.result.signer).toEqual(verifyBundle(items[index]!.bundle, items[index]!.artifact, items[index]!.policy).signer);
        } else {
          expect(outcome).toMatchObject({ ok: false, kind: 'verification' });
          if (!outcome.ok) expect(outcome.code).toMatch(/^[A-Z_]+$/);
        }
      });
    });
  });
});
