/**
 * The one error family of agentfence. Every failure the cores raise is an `AgentfenceError` of one
 * of four families with a stable SCREAMING_SNAKE `code` from that family's union (the way
 * @sigstore/verify types its codes): a code belongs to exactly one family, so `instanceof` and
 * `code` always agree. The CLI maps the family to an exit code (input/config: 2,
 * verification/policy: 1). Library errors are wrapped as `cause`, never leaked as the message.
 */
export type ErrorKind = 'input' | 'config' | 'verification' | 'policy';

// Each table is keyed by its union: the compiler insists every code is listed, and tests enumerate them.
const INPUT_CODES = {
  AGENT_NOT_FOUND: true,
  API_HOST_INVALID: true,
  ARTIFACT_REQUIRED: true,
  ATTESTATIONS_INVALID: true,
  BUNDLE_INVALID: true,
  CEDAR_INPUT: true,
  CEDAR_LITERAL: true,
  CHECK_CONFIG_MALFORMED: true,
  CHECK_INPUT_UNREADABLE: true,
  CLI_USAGE: true,
  COMPONENT_ARG_INVALID: true,
  DESCRIPTOR_EXPIRED: true,
  DESCRIPTOR_INVALID: true,
  FILE_EXISTS: true,
  FILE_NOT_FOUND: true,
  HASH_UNSUPPORTED: true,
  IDENTITY_TOKEN_MISSING: true,
  IDENTITY_TOKEN_UNAVAILABLE: true,
  IGNORE_PATH_INVALID: true,
  INPUT_TOO_LARGE: true,
  INTEGRITY_INVALID: true,
  KEY_INVALID: true,
  LOCKFILE_INVALID: true,
  LOCKFILE_MISSING: true,
  MANIFEST_INVALID: true,
  MANIFEST_UNREADABLE: true,
  MODEL_EMPTY: true,
  MODEL_NAME_NOT_UTF8: true,
  MODEL_NOT_FOUND: true,
  MODEL_UNREADABLE: true,
  NOTHING_TO_VERIFY: true,
  NPM_NAME_INVALID: true,
  OUTPUT_PATH_REFUSED: true,
  PLAN_EMPTY: true,
  PLAN_INVALID: true,
  PLAN_MALFORMED_JSON: true,
  PLAN_NOT_FOUND: true,
  PLAN_NOT_JSON: true,
  PLAN_TOO_LARGE: true,
  PLAN_UNSUPPORTED_VERSION: true,
  SBOM_INVALID: true,
  SBOM_NOT_CYCLONEDX: true,
  SBOM_NOT_FOUND: true,
  SBOM_NOT_JSON: true,
  SBOM_NOT_UTF8: true,
  SBOM_SPEC_UNSUPPORTED: true,
  SBOM_TOO_LARGE: true,
  SHARD_NAME_INVALID: true,
  SHARD_SIZE_INVALID: true,
  SIGNING_CERTIFICATE_INVALID: true,
  SIGNING_FAILED: true,
  TARBALL_INVALID: true,
  TRUST_POLICY_INVALID: true,
  VERIFICATION_REPORT_INVALID: true,
  VERIFICATION_REPORT_MISSING: true,
  VERIFICATION_REPORT_STALE: true,
} as const;

const CONFIG_CODES = {
  AUDIT_PATTERN_TOO_LONG: true,
  AUTHORITY_UNKNOWN: true,
  LOG_RETENTION_INVALID: true,
  POLICY_INVALID: true,
  POLICY_TOO_LARGE: true,
  PRIVATE_KEY_INVALID: true,
  PUBLIC_KEY_INVALID: true,
  REGISTRY_INVALID: true,
  REGISTRY_KEY_INVALID: true,
  RULE_CONFIG_INVALID: true,
  SBOM_INVALID_OUTPUT: true,
  SBOM_VALIDATOR_UNAVAILABLE: true,
  STACK_CONFIG_INVALID: true,
  TRUST_POLICY_AUTHORITY: true,
  TRUST_POLICY_FILE: true,
  TRUST_POLICY_KEY: true,
  TRUST_ROOT_INVALID: true,
  TRUST_ROOT_UNKNOWN: true,
} as const;

const VERIFICATION_CODES = {
  CERTIFICATE_INVALID: true,
  DIGEST_MISMATCH: true,
  ERROR: true,
  EXPIRED: true,
  MALFORMED_BUNDLE: true,
  NO_TRANSPARENCY_PROOF: true,
  PATH_REFUSED: true,
  SIGNATURE_INVALID: true,
  SYMLINK_REFUSED: true,
  TAMPERED: true,
  TLOG_INVALID: true,
  UNSIGNED: true,
  UNTRUSTED_SIGNER: true,
} as const;

const POLICY_CODES = {
  CLASSIFICATION_DENIED: true,
  POLICY_DENIED: true,
  VERSION_MISMATCH: true,
} as const;

/** Codes of bad input from the user (exit 2). */
export type InputErrorCode = keyof typeof INPUT_CODES;
/** Codes of our own or the operator's misconfiguration (exit 2). */
export type ConfigErrorCode = keyof typeof CONFIG_CODES;
/** Codes of a signature, digest or identity that did not verify (exit 1). */
export type VerificationErrorCode = keyof typeof VERIFICATION_CODES;
/** Codes of a policy that denied the artifact or resource (exit 1). */
export type PolicyErrorCode = keyof typeof POLICY_CODES;
/** Every error code. */
export type ErrorCode = InputErrorCode | ConfigErrorCode | VerificationErrorCode | PolicyErrorCode;

/** Every code of every family, by family (for tests and docs: one list, no second copy). */
export const ERROR_CODES: { readonly [K in ErrorKind]: readonly ErrorCode[] } = {
  input: Object.keys(INPUT_CODES) as InputErrorCode[],
  config: Object.keys(CONFIG_CODES) as ConfigErrorCode[],
  verification: Object.keys(VERIFICATION_CODES) as VerificationErrorCode[],
  policy: Object.keys(POLICY_CODES) as PolicyErrorCode[],
};

/** The family a code belongs to. */
export function kindOfCode(code: ErrorCode): ErrorKind {
  if (Object.hasOwn(INPUT_CODES, code)) return 'input';
  if (Object.hasOwn(CONFIG_CODES, code)) return 'config';
  if (Object.hasOwn(VERIFICATION_CODES, code)) return 'verification';
  return 'policy';
}

/** Base error: a code a program can switch on, a message a person can act on. Built only through a family. */
export abstract class AgentfenceError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly kind: ErrorKind;

  protected constructor(kind: ErrorKind, code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
  }
}

/** Bad input from the user: a malformed file, a missing flag, an unknown command. Exit 2. */
export class InputError extends AgentfenceError<InputErrorCode> {
  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super('input', code, message, options);
  }
}

/** Our own or the operator's misconfiguration (trust policy, trusted root, pack config). Exit 2. */
export class ConfigError extends AgentfenceError<ConfigErrorCode> {
  constructor(code: ConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super('config', code, message, options);
  }
}

/** A signature, digest or identity did not verify. Exit 1 (blocked). */
export class VerificationError extends AgentfenceError<VerificationErrorCode> {
  constructor(code: VerificationErrorCode, message: string, options?: { cause?: unknown }) {
    super('verification', code, message, options);
  }
}

/** A policy denied the artifact or resource. Exit 1 (blocked). */
export class PolicyError extends AgentfenceError<PolicyErrorCode> {
  constructor(code: PolicyErrorCode, message: string, options?: { cause?: unknown }) {
    super('policy', code, message, options);
  }
}

/** Whether a thrown value is one of ours; unlike a bare `instanceof`, it keeps the code a union, not `any`. */
export function isAgentfenceError(error: unknown): error is AgentfenceError {
  return error instanceof AgentfenceError;
}

/**
 * The one exhaustive end of a `switch` over a union: unreachable by type; at run time (a value the
 * types did not foresee) a ConfigError, fail closed. @throws ConfigError `code`
 */
export function assertNever(value: never, what: string, code: ConfigErrorCode = 'POLICY_INVALID'): never {
  throw new ConfigError(code, `${what} must be one of the known cases (got ${JSON.stringify(value)})`);
}

/** Exit codes of the CLI contract. */
export const ExitCode = { PASS: 0, BLOCKED: 1, BAD_INPUT: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Maps any thrown value to the exit code of the CLI contract; unknown errors are bad input (2), never a pass. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof AgentfenceError) {
    return error.kind === 'verification' || error.kind === 'policy' ? ExitCode.BLOCKED : ExitCode.BAD_INPUT;
  }
  return ExitCode.BAD_INPUT;
}

/** Narrows an unknown thrown value to a readable message without a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The code of an agentfence error; anything else thrown is `INTERNAL`. */
export function codeOf(error: unknown): ErrorCode | 'INTERNAL' {
  return isAgentfenceError(error) ? error.code : 'INTERNAL';
}
