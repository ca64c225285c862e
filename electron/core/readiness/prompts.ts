import type { RichText } from '../letters/richText';

/**
 * Template prompts: text an officer must replace, written in square brackets as templates/README.md asks
 * (`**[day and date] at [time]**`). Brackets with no letters in them (`[2021]`, a law report's year) and the
 * editorial marks a quotation may carry (`[sic]`, `[…]`) are not prompts.
 */
const BRACKETED = /\[([^[\]\n]{1,200})\]/g;
const EDITORIAL = new Set(['sic', '…', '...']);

export function templatePrompts(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1]!.trim();
    if (!/\p{L}/u.test(inner) || EDITORIAL.has(inner.toLowerCase())) continue;
    found.push(`[${inner}]`);
  }
  return found;
}

/** Each block's text in one piece, so a prompt split across bold and plain runs is still found. */
export function blockTexts(body: RichText): string[] {
  const line = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
  return body.flatMap((b) => (b.type === 'paragraph' ? [line(b.runs)] : b.items.map(line)));
}
