/**
 * The verdict lookup used when a caller gives none: there is no report, so every rule that needs
 * one reports that (a missing report is a problem to report, never a pass).
 */
import type { VerificationLookup } from './types.js';

/** A lookup that answers "no report" for every agent. */
export const noVerification: VerificationLookup = () => ({
  ok: false,
  problem: 'no verification report was given; run `agentfence verify <agent>`',
});
