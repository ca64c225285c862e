import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import type { LetterDocument } from '../../core/letters/documentModel';
import { stripXmlForbidden } from '../../core/text/cleanText';
import { bodyParagraphs, BULLET, NUMBERED } from './body';
import { A4, AFTER, AFTER_BLOCK, FONT, LINE, MARGIN, SIZE } from './layout';
import { plain } from './runs';
import { signatureTable } from './signatureTable';

/** The most text one letter may hold before export refuses it: far beyond any real letter (5 MB). */
export const MAX_EXPORT_CHARACTERS = 5_000_000;

export class ExportTooLargeError extends Error {}

function letterhead(doc: LetterDocument): Header {
  const lh = doc.letterhead;
  const line = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: plain(text, { size: SIZE.letterhead, ...opts }), spacing: { after: 0 } });
  return new Header({
    children: [
      line(lh.officeName, { bold: true, size: SIZE.officeName }),
      ...lh.addressLines.map((l) => line(l)),
      ...(lh.email ? [line(lh.email)] : []),
      ...(lh.telephone ? [line(lh.telephone)] : []),
      new Paragraph({ children: [], spacing: { after: 0, line: AFTER_BLOCK, lineRule: LineRuleType.EXACT } }),
    ],
  });
}

const pageXofY = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SIZE.footer }),
      ],
    }),
  ],
});

function letterLength(doc: LetterDocument): number {
  let n = 0;
  for (const b of doc.body) for (const runs of b.type === 'paragraph' ? [b.runs] : b.items) for (const r of runs) n += r.text.length;
  return n + doc.subject.length + doc.recipientLines.join('').length;
}

/**
 * The letter as a Word document, rendered from the same document model as the in-app preview: letterhead on
 * the first page only (a different first-page header), `Page X of Y` from page two, and the parts in the
 * order of the preview.
 */
export async function renderLetterDocx(doc: LetterDocument): Promise<Buffer> {
  if (letterLength(doc) > MAX_EXPORT_CHARACTERS) {
    throw new ExportTooLargeError(
      `The letter ${doc.reference} is too long to export (more than ${MAX_EXPORT_CHARACTERS.toLocaleString('en-GB')} characters). Shorten it, or move the long material to an attachment.`,
    );
  }
  const p = (text: string, opts: { bold?: boolean; after?: number } = {}) =>
    new Paragraph({ children: plain(text, { bold: opts.bold ?? false }), spacing: { after: opts.after ?? AFTER } });
  const lines = (texts: string[], last = AFTER, size?: number) =>
    texts.map((t, i) => new Paragraph({ children: plain(t, size === undefined ? {} : { size }), spacing: { after: i === texts.length - 1 ? last : 0 } }));
  const signatures = signatureTable(doc.signatures);
  const children: FileChild[] = [
    p(doc.date),
    p(`Ref: ${doc.reference}`),
    ...lines(doc.recipientLines, AFTER_BLOCK),
    p(doc.salutation),
    p(doc.subject, { bold: true }),
    ...bodyParagraphs(doc.body),
    new Paragraph({ children: plain(doc.closing), spacing: { after: AFTER }, keepNext: true }),
    ...(signatures ? [signatures] : []),
    ...(doc.cc.length > 0 ? [new Paragraph({ children: plain('CC:', { bold: true, size: SIZE.cc }), spacing: { after: 0 } }), ...lines(doc.cc, AFTER, SIZE.cc)] : []),
  ];
  const document = new Document({
    title: stripXmlForbidden(doc.subject),
    subject: stripXmlForbidden(doc.reference),
    creator: stripXmlForbidden(doc.letterhead.officeName),
    lastModifiedBy: stripXmlForbidden(doc.letterhead.officeName),
    description: `Letter ${stripXmlForbidden(doc.reference)}`,
    styles: {
      default: {
        // lineRule "auto" makes `line` a multiple of single spacing in Word and LibreOffice alike; without it
        // LibreOffice reads an exact height, squeezing lines and clipping the signature images.
        document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { line: LINE, lineRule: LineRuleType.AUTO } } },
      },
    },
    numbering: {
      config: [
        { reference: BULLET, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] },
        { reference: NUMBERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: A4.width, height: A4.height }, margin: MARGIN },
        },
        headers: { first: letterhead(doc), default: new Header({ children: [new Paragraph({})] }) },
        footers: { first: new Footer({ children: [new Paragraph({})] }), default: pageXofY },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
