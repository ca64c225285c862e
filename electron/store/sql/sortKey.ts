/**
 * Sort keys: text that sorts byte by byte (SQLite's BINARY, PostgreSQL's COLLATE "C") the way the
 * register sorts today with `Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })`: case and
 * accents ignored, numbers by value (`(9)` before `(10)`, `-02` equal to `-2`), spaces and punctuation
 * before digits, digits before letters. SQLite cannot call a JavaScript collation from better-sqlite3,
 * and a key kept in a column lets an index hold the order, so a page in any order is read, not sorted.
 *
 * The key is ASCII control bytes, digits and letters, except for letters outside Latin, which keep their
 * code points (and so sort after z, as the collator puts Greek and Cyrillic). Each piece of the text
 * becomes:
 *   punctuation, symbol, space   \x01 then one byte for its place in PUNCTUATION (below)
 *   a run of digits              one byte for the number of digits ('0' + n), then the digits
 *   a letter                     the letter, lower case, without its accent
 * so a piece of one class always sorts before a piece of the next, as in the collator.
 * Letters the collator puts beside a Latin letter but which are not a variant of one (Turkish ı, þ, ŋ)
 * sort after z here: a name with one of them can sit a little out of place, never out of the list.
 * Changing this function changes stored keys: it needs a migration that rewrites the sort_* columns.
 */

/**
 * Non-alphanumeric characters in the collator's order; characters in one string are equal to it.
 * Taken from the collator itself (ICU's root order, which en-GB does not change).
 */
const PUNCTUATION = [
  '\t', '\n', '\r', ' ', '_', '-', '‐‑', '–', '—', ',', ';', ':', '!', '¡', '?', '¿', '.', '…', '·',
  '\'’‘‚', '‹', '›', '"“”„', '«', '»', '(', ')', '[', ']', '{', '}', '§', '¶', '@', '*', '/', '\\', '&',
  '#', '%', '†', '‡', '•', '′', '″', '`', '^', '°', '©', '®', '+', '±', '÷', '×', '<', '=', '>', '¬', '|',
  '¦', '~', '−', '¤', '¢', '$', '£', '¥', '€', '™',
];
const PUNCTUATION_BYTE = new Map<string, string>();
PUNCTUATION.forEach((group, rank) => {
  for (const ch of group) PUNCTUATION_BYTE.set(ch, String.fromCharCode(rank + 1));
});
/** After every listed character: punctuation the table does not know still sorts before digits. */
const OTHER_PUNCTUATION = String.fromCharCode(PUNCTUATION.length + 1);
const PUNCTUATION_MARK = '\x01';

/** Latin letters that have no decomposition but which the collator treats as these (ø = o, ß = ss). */
const LETTER_EQUIVALENTS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ħ: 'h' };

/** Longest digit run whose length fits below 'a'; longer numbers keep their digits and share the length byte. */
const MAX_DIGITS = 0x60 - 0x30;

const PIECES = /(\d+)|([\p{L}\p{N}])|(.)/gsu;

export function sortKey(text: string): string {
  const folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  let key = '';
  for (const [, digits, letter, other] of folded.matchAll(PIECES)) {
    if (digits !== undefined) {
      const value = digits.replace(/^0+(?=\d)/, '');
      key += String.fromCharCode(0x30 + Math.min(value.length, MAX_DIGITS)) + value;
    } else if (letter !== undefined) {
      key += LETTER_EQUIVALENTS[letter] ?? letter;
    } else if (other !== undefined) {
      key += PUNCTUATION_MARK + (PUNCTUATION_BYTE.get(other) ?? OTHER_PUNCTUATION);
    }
  }
  return key;
}
