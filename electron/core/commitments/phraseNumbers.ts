/**
 * Numbers as letters write them: "14", "ten", "twenty-one", "a" (as in "within a week"). Formal letters
 * spell small numbers out, so "within ten working days" must read the same as "within 10 working days".
 */
const UNITS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

// Longest words first, so "seventeen" is not read as "seven" followed by junk.
const byLength = (words: string[]) => [...words].sort((x, y) => y.length - x.length).join('|');
// "twenty-one": the units one to nine, but not "a" ("twenty a" is not a number).
const UNIT_WORDS = byLength(Object.keys(UNITS).filter((w) => (UNITS[w] ?? 0) < 10 && w.length > 2));

/** Regex source for one number: digits, "twenty-one", "fourteen", "a". */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}|(?:${byLength(Object.keys(TENS))})(?:[\s-](?:${UNIT_WORDS}))?|${byLength(Object.keys(UNITS))})`;

/** The value of a number matched by NUMBER_SOURCE, or null if it is not one. */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  let total = 0;
  for (const word of t.split(/[\s-]+/)) {
    const v = UNITS[word] ?? TENS[word];
    if (v === undefined) return null;
    total += v;
  }
  return total > 0 ? total : null;
}
