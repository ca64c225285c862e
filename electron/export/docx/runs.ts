import { TextRun } from 'docx';
import { stripXmlForbidden } from '../../core/text/cleanText';
import type { Run } from '../../core/letters/richText';

/**
 * Runs of the letter's text as Word runs. Characters XML forbids are removed again here, whatever the store
 * holds, because one of them makes Word refuse the whole file; `& < > " '` are escaped by the docx package.
 * A `\n` inside a run is a line break within the paragraph.
 */
export function textRuns(runs: readonly Run[], base: { bold?: boolean; size?: number } = {}): TextRun[] {
  return runs.flatMap((r) =>
    stripXmlForbidden(r.text)
      .split('\n')
      .map(
        (text, i) =>
          new TextRun({
            text,
            break: i > 0 ? 1 : 0,
            bold: r.bold ?? base.bold ?? false,
            italics: r.italic ?? false,
            underline: r.underline ? {} : undefined,
            ...(base.size !== undefined && { size: base.size }),
          }),
      ),
  );
}

export const plain = (text: string, base: { bold?: boolean; size?: number } = {}) => textRuns([{ text }], base);
