import { z } from 'zod';
import { stripXmlForbidden } from '../text/cleanText';

/**
 * A letter body: paragraphs and lists of runs, each run plain, bold, italic or underlined. That is all a
 * formal letter needs, all the editor allows, and all the preview and the DOCX writer have to render, so
 * pasting from Word can bring in nothing else. A run's text may contain `\n` (a line break within a
 * paragraph) and placeholders such as `{{recipient.salutation}}`, filled in when the letter is rendered.
 */
export const runSchema = z.object({
  text: z.string().max(1_000_000).transform(stripXmlForbidden),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
const runs = z.array(runSchema).max(10_000);

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs }),
  z.object({ type: z.literal('bulletList'), items: z.array(runs).max(1_000) }),
  z.object({ type: z.literal('orderedList'), items: z.array(runs).max(1_000) }),
]);

export const richTextSchema = z.array(blockSchema).max(5_000);

export type Run = z.output<typeof runSchema>;
export type Block = z.output<typeof blockSchema>;
export type RichText = Block[];

export const paragraph = (text: string): Block => ({ type: 'paragraph', runs: text ? [{ text }] : [] });

/** The plain text of a body, one block per line: for search, and to compare the preview with the DOCX. */
export function plainText(body: RichText): string {
  const line = (rs: Run[]) => rs.map((r) => r.text).join('');
  return body
    .map((b) => (b.type === 'paragraph' ? line(b.runs) : b.items.map((item, i) => `${b.type === 'orderedList' ? `${i + 1}.` : '•'} ${line(item)}`).join('\n')))
    .join('\n');
}
