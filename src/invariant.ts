/**
 * Invariants the code relies on but the type system cannot see (an array index that a length check
 * already bounds, a map entry inserted a line above). A broken invariant is a bug in agentfence,
 * not bad input: it throws a plain Error, which the CLI reports as an internal error (exit 2), so a
 * check that cannot run never passes.
 */

/**
 * The value, known to be neither undefined nor null.
 * @throws Error naming `what` when the invariant does not hold.
 */
export function present<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`internal error: ${what} is missing`);
  return value;
}
