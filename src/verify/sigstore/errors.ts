/**
 * Error codes of the Sigstore core and the mapping of `@sigstore/*` library errors onto them.
 * Library messages are kept as the `cause`, never as the primary message.
 */
import { AgentfenceError, ConfigError, isAgentfenceError, VerificationError } from '../../errors.js';

/** Codes a bundle verification can fail with (all VerificationError). */
export type SigstoreErrorCode =
  | 'UNSIGNED'
  | 'MALFORMED_BUNDLE'
  | 'UNTRUSTED_SIGNER'
  | 'SIGNATURE_INVALID'
  | 'TLOG_INVALID'
  | 'NO_TRANSPARENCY_PROOF'
  | 'CERTIFICATE_INVALID'
  | 'DIGEST_MISMATCH'
  | 'EXPIRED';

/** Throws a VerificationError with one of our codes. */
export function fail(code: SigstoreErrorCode, message: string, cause?: unknown): never {
  throw new VerificationError(code, message, cause === undefined ? undefined : { cause });
}

/** Throws the ConfigError of an unusable trusted root. */
export function trustRootInvalid(message: string, cause?: unknown): never {
  throw new ConfigError('TRUST_ROOT_INVALID', message, cause === undefined ? undefined : { cause });
}

interface LibraryError {
  readonly code: string;
  readonly message: string;
  readonly cause?: unknown;
}

function isLibraryError(error: unknown): error is LibraryError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}

/**
 * What the caller knows about the entity the library refused. The library's codes are coarse (one
 * CERTIFICATE_ERROR for a broken chain and for an expired leaf), so the finer code is decided from
 * these facts, never from the wording of the library's message.
 */
export interface LibraryErrorFacts {
  /** Timestamps that attest a signed time (TSA tokens, tlog entries with a SET). */
  readonly signedTimes?: number;
  /** Whether the signing certificate was within its validity at every signed time (certificates only). */
  readonly certificateValidAtSignedTimes?: boolean;
}

/**
 * Maps an error thrown by `@sigstore/verify` / `@sigstore/core` during verification to our
 * VerificationError, by the library's error code and the caller's facts. Anything unrecognised
 * becomes MALFORMED_BUNDLE: fail closed, never a pass.
 */
export function fromLibraryError(error: unknown, facts: LibraryErrorFacts = {}): AgentfenceError {
  if (isAgentfenceError(error)) return error;
  const detail = causeChain(error);
  const wrap = (code: SigstoreErrorCode, message: string): AgentfenceError =>
    new VerificationError(code, `${message} (${detail})`, { cause: error });
  if (!isLibraryError(error)) return wrap('MALFORMED_BUNDLE', 'bundle could not be verified');
  switch (error.code) {
    case 'TLOG_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
      return wrap('NO_TRANSPARENCY_PROOF', 'no verifiable transparency-log inclusion');
    case 'TLOG_INCLUSION_PROOF_ERROR':
    case 'TLOG_INCLUSION_PROMISE_ERROR':
      return wrap('TLOG_INVALID', 'transparency-log inclusion proof does not verify');
    case 'TLOG_BODY_ERROR':
      return wrap('TLOG_INVALID', 'transparency-log entry does not match the bundle');
    case 'CERTIFICATE_ERROR':
      return facts.certificateValidAtSignedTimes === false
        ? wrap('EXPIRED', 'signing certificate was not valid at the signing time')
        : wrap('CERTIFICATE_INVALID', 'signing certificate does not chain to the trusted root');
    case 'PUBLIC_KEY_ERROR':
      return wrap('EXPIRED', 'public key was not valid at the signing time');
    case 'TIMESTAMP_ERROR':
      return facts.signedTimes === 0
        ? wrap('NO_TRANSPARENCY_PROOF', 'no verifiable timestamp (tlog SET or RFC 3161)')
        : wrap('SIGNATURE_INVALID', 'timestamp does not verify');
    case 'SIGNATURE_ERROR':
      return wrap('SIGNATURE_INVALID', 'signature does not verify');
    case 'UNTRUSTED_SIGNER_ERROR':
      return wrap('UNTRUSTED_SIGNER', 'signer is not trusted');
    default:
      return wrap('MALFORMED_BUNDLE', 'bundle could not be verified');
  }
}
