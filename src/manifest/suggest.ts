/**
 * "Did you mean": the closest of a set of known names to a mistyped one, by case-insensitive
 * Levenshtein distance within a limit. Pure; shared by the manifest checks and the IAM data.
 */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // One row of the table at a time: previous[k] is the distance from the first i - 1 characters of x
  // to the first k of y.
  let previous = Array.from({ length: y.length + 1 }, (_, k) => k);
  let distance = y.length;
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let diagonal = i - 1;
    let left = i;
    for (const [k, up] of previous.slice(1).entries()) {
      left = Math.min(up + 1, left + 1, diagonal + (x[i - 1] === y[k] ? 0 : 1));
      current.push(left);
      diagonal = up;
    }
    previous = current;
    distance = left;
  }
  return distance;
}

/** The candidate nearest to `wanted` (the first one on a tie), or undefined when none is within `limit` edits. */
export function closest(wanted: string, candidates: Iterable<string>, limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` for the nearest known name (within a third of its length, at least 2 edits), else ''. */
export function didYouMean(wanted: string, known: readonly string[]): string {
  const guess = closest(wanted, known, Math.max(2, Math.floor(wanted.length / 3)));
  return guess === undefined || guess === wanted ? '' : `; did you mean ${JSON.stringify(guess)}?`;
}
