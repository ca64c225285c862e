import { LIST_PLACEHOLDERS, PLACEHOLDER_PATTERN, isPlaceholderName, type PlaceholderName } from './placeholders';
import type { Block, RichText, Run } from './richText';

export type PlaceholderValues = Partial<Record<PlaceholderName, string | string[]>>;

/**
 * Replace `{{name}}` in a body with the letter's values. A list placeholder alone in its paragraph becomes
 * a bulleted list. Unknown or empty placeholders are left visible (`{{recipient.role}}`) and reported, so
 * the officer sees the gap in the preview instead of sending a letter with a silent hole.
 */
export function fillPlaceholders(body: RichText, values: PlaceholderValues): { body: RichText; unresolved: string[] } {
  const unresolved = new Set<string>();
  const fillText = (text: string) =>
    text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
      const value = isPlaceholderName(name) ? values[name] : undefined;
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        unresolved.add(name);
        return whole;
      }
      return Array.isArray(value) ? value.join('; ') : value;
    });
  const fillRuns = (runs: Run[]): Run[] => runs.map((r) => ({ ...r, text: fillText(r.text) }));

  const out: Block[] = [];
  for (const block of body) {
    if (block.type === 'paragraph') {
      const text = block.runs.map((r) => r.text).join('').trim();
      const only = /^\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}$/.exec(text);
      const name = only?.[1];
      if (name && isPlaceholderName(name) && LIST_PLACEHOLDERS.has(name)) {
        const items = values[name];
        const list = Array.isArray(items) ? items : items ? [items] : [];
        if (list.length > 0) {
          out.push({ type: 'bulletList', items: list.map((t) => [{ text: t }]) });
          continue;
        }
        unresolved.add(name);
      }
      out.push({ type: 'paragraph', runs: fillRuns(block.runs) });
    } else {
      out.push({ ...block, items: block.items.map(fillRuns) });
    }
  }
  return { body: out, unresolved: [...unresolved] };
}
