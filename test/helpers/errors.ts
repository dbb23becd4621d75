/** Asserting an error's family and code together: a right code in the wrong family is a failure. */
import { expect } from 'vitest';
import { AgentfenceError, ConfigError, InputError, kindOfCode, PolicyError, VerificationError, type ErrorCode } from '../../src/errors.js';

/** The four families, by kind. */
export const FAMILIES = { input: InputError, config: ConfigError, verification: VerificationError, policy: PolicyError } as const;

/** Asserts `error` is an AgentfenceError of the family `code` belongs to, with that code; answers it. */
export function expectCode(error: unknown, code: ErrorCode): AgentfenceError {
  const family = FAMILIES[kindOfCode(code)];
  expect(error, `expected a ${family.name} ${code}`).toBeInstanceOf(family);
  expect((error as AgentfenceError).code).toBe(code);
  expect((error as AgentfenceError).kind).toBe(kindOfCode(code));
  return error as AgentfenceError;
}

/** Runs `fn`, asserting it throws (or rejects with) `code` of the right family. */
export async function expectThrowsCode(fn: () => unknown, code: ErrorCode): Promise<AgentfenceError> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}, got no error`).toBeDefined();
  return expectCode(caught, code);
}
