/** Reason codes of blocked artifacts, and the mapping from thrown errors to them. */
import { isAgentfenceError } from '../errors.js';
import type { ReasonCode } from './types.js';

// A record keyed by the union: the compiler insists every reason code is listed here.
const REASONS: Readonly<Record<ReasonCode, true>> = {
  UNSIGNED: true,
  MALFORMED_BUNDLE: true,
  UNTRUSTED_SIGNER: true,
  SIGNATURE_INVALID: true,
  TAMPERED: true,
  DIGEST_MISMATCH: true,
  EXPIRED: true,
  NO_TRANSPARENCY_PROOF: true,
  TLOG_INVALID: true,
  CERTIFICATE_INVALID: true,
  TRUST_ROOT_INVALID: true,
  POLICY_DENIED: true,
  VERSION_MISMATCH: true,
  CLASSIFICATION_DENIED: true,
  SYMLINK_REFUSED: true,
  PATH_REFUSED: true,
  ERROR: true,
};

/** The reason code of any thrown value: its own code when that is a reason, else `ERROR` (never a pass). */
export function toReason(error: unknown): ReasonCode {
  return isAgentfenceError(error) && Object.hasOwn(REASONS, error.code) ? (error.code as ReasonCode) : 'ERROR';
}
