/**
 * Edit distance for "did you mean" suggestions, shared by the catalog, config readers and the formula compiler.
 */

/**
 * Insertions, deletions, substitutions and adjacent transpositions (optimal string alignment) needed to turn
 * `a` into `b`: `rleu` is one step from `relu`, as a typing slip is.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the one two back is needed for transpositions.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, twoBack[j - 2]! + 1);
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}
