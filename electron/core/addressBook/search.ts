/**
 * Search and sort for the address-book lists. Every word of the query must appear somewhere in the record
 * (so `taylor mps` finds DAC Taylor of the MPS); matching ignores case and accents, because officers type
 * `Senora` for `Señora`.
 */
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return normaliseForSearch(query).split(/\s+/).filter(Boolean);
}

export function matchesAll(haystack: string, words: readonly string[]): boolean {
  return words.every((w) => haystack.includes(w));
}

export function filterAndSort<T>(
  rows: readonly T[],
  opts: { query: string; text: (row: T) => string; sortKey: (row: T) => string; direction: 'asc' | 'desc' },
): T[] {
  const words = queryWords(opts.query);
  const hits = words.length === 0 ? [...rows] : rows.filter((r) => matchesAll(normaliseForSearch(opts.text(r)), words));
  const keyed = hits.map((row) => ({ row, key: opts.sortKey(row) }));
  keyed.sort((a, b) => collator.compare(a.key, b.key));
  if (opts.direction === 'desc') keyed.reverse();
  return keyed.map((k) => k.row);
}
