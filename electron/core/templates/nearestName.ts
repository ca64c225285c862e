/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), because
 * the typos officers make are mostly swaps ("nmae"), slips and missing letters.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Long garbage is never a typo of a short name, and comparing it would only cost time. */
const MAX_COMPARED_LENGTH = 64;

/** How many slips still look like a typo: about one per three letters, and always at least one. */
export const typoLimit = (typed: string): number => Math.max(1, Math.floor(typed.length / 3));

/**
 * The known names closest to `typed` (up to three, best first), or none when nothing is close enough to be a
 * plausible typo. `score` lets a caller rate candidates its own way (by the parts of a dotted name, say) and
 * returns Infinity for "not a plausible typo".
 */
export function nearestNames(
  typed: string,
  known: readonly string[],
  score: (typed: string, candidate: string) => number = (t, c) => {
    const d = editDistance(t.toLowerCase(), c.toLowerCase());
    return d <= typoLimit(t) ? d : Infinity;
  },
): string[] {
  if (typed.length === 0 || typed.length > MAX_COMPARED_LENGTH) return [];
  const scored = known.map((name) => ({ name, s: score(typed, name) })).filter((c) => Number.isFinite(c.s));
  const best = Math.min(...scored.map((c) => c.s));
  return scored.filter((c) => c.s === best).slice(0, 3).map((c) => c.name);
}

/** "a", "a or b", "a, b or c": for "Did you mean …?". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
