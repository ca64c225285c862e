import { Paragraph } from 'docx';
import type { RichText } from '../../core/letters/richText';
import { textRuns } from './runs';
import { AFTER } from './layout';

export const BULLET = 'letter-bullet';
export const NUMBERED = 'letter-numbered';

/**
 * The body's paragraphs and lists. Every numbered list restarts at 1: each gets its own numbering instance,
 * as Word would number on from the previous list otherwise.
 */
export function bodyParagraphs(body: RichText): Paragraph[] {
  const out: Paragraph[] = [];
  let listInstance = 0;
  for (const b of body) {
    if (b.type === 'paragraph') {
      out.push(new Paragraph({ children: textRuns(b.runs), spacing: { after: AFTER } }));
      continue;
    }
    listInstance += 1;
    b.items.forEach((item, i) => {
      out.push(
        new Paragraph({
          children: textRuns(item),
          numbering: { reference: b.type === 'orderedList' ? NUMBERED : BULLET, level: 0, instance: listInstance },
          spacing: { after: i === b.items.length - 1 ? AFTER : 0 },
        }),
      );
    });
  }
  return out;
}
