/**
 * The one error family of agentfence. Every failure the cores raise is an `AgentfenceError` with a
 * stable SCREAMING_SNAKE `code`; the CLI maps its `kind` to an exit code (input/config: 2,
 * verification/policy: 1). Library errors are wrapped as `cause`, never leaked as the message.
 */
export type ErrorKind = 'input' | 'config' | 'verification' | 'policy';

/** Base error: a code a program can switch on, a message a person can act on. */
export class AgentfenceError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
  }
}

/** Bad input from the user: a malformed file, a missing flag, an unknown command. Exit 2. */
export class InputError extends AgentfenceError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('input', code, message, options);
  }
}

/** Our own or the operator's misconfiguration (trust policy, trusted root, pack config). Exit 2. */
export class ConfigError extends AgentfenceError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('config', code, message, options);
  }
}

/** A signature, digest or identity did not verify. Exit 1 (blocked). */
export class VerificationError extends AgentfenceError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('verification', code, message, options);
  }
}

/** A policy denied the artifact or resource. Exit 1 (blocked). */
export class PolicyError extends AgentfenceError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('policy', code, message, options);
  }
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
