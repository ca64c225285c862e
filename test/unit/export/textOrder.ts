/**
 * Comparing the letter's lines with text pulled out of a PDF. A PDF knows nothing of paragraphs: lines
 * wrap anywhere, words split at hyphens, page footers land mid-paragraph and right-to-left words are
 * stored in visual order. So both sides are normalised (NFKC, no bidi marks, no whitespace, no
 * "Page X of Y"), then each line must be found after the one before it.
 */
const BIDI_AND_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const PAGE_FOOTER = /Page\s+\d+\s+of\s+\d+/g;
const RTL_CHARS = '\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC';
const RTL = new RegExp(`[${RTL_CHARS}]`, 'g');
const HAS_RTL = new RegExp(`[${RTL_CHARS}]`);

export const normalise = (s: string) => s.normalize('NFKC').replace(PAGE_FOOTER, '').replace(BIDI_AND_INVISIBLE, '').replace(/\s+/g, '');

/**
 * What is missing or out of order; empty when every line is there, in order.
 * - `ordered`: text in document order (pdftotext -raw), where right-to-left words come reversed, so a
 *   line's order is checked on its left-to-right characters;
 * - `logical`: text in reading order (pdftotext), where right-to-left text is in logical order, so those
 *   lines are checked there, whole.
 */
export function missingInOrder(lines: string[], ordered: string, logical: string): string[] {
  const orderedText = normalise(ordered);
  const logicalText = normalise(logical);
  const problems: string[] = [];
  let cursor = 0;
  let previous = '(start)';
  for (const line of lines) {
    const key = normalise(line.replace(RTL, ''));
    if (HAS_RTL.test(line) && !logicalText.includes(normalise(line))) problems.push(`right-to-left text missing: “${line}”`);
    if (key === '') continue;
    const at = orderedText.indexOf(key, cursor);
    if (at < 0) {
      problems.push(orderedText.includes(key) ? `out of order: “${line}” is not after “${previous}”` : `missing: “${line}”`);
      continue;
    }
    cursor = at + key.length;
    previous = line;
  }
  return problems;
}
