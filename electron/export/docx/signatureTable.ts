import { imageSize } from 'image-size';
import { BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type ParagraphChild } from 'docx';
import type { LetterDocument } from '../../core/letters/documentModel';
import { plain } from './runs';
import { AFTER, SIGN_SPACE, SIGNATURE_MAX, TEXT_WIDTH } from './layout';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function signatureImage(dataUrl: string, name: string): ImageRun | null {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  if (!match) return null;
  const bytes = Buffer.from(match[2]!, 'base64');
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return null; // an unreadable image leaves room to sign by hand rather than failing the export
  }
  if (!size.width || !size.height) return null;
  const scale = Math.min(SIGNATURE_MAX.height / size.height, SIGNATURE_MAX.width / size.width, 1);
  return new ImageRun({
    type: match[1] === 'png' ? 'png' : 'jpg',
    data: bytes,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    // No `title`: ECMA-376 1st edition (what older Word and the schema test accept) has only name and descr.
    altText: { name: `Signature of ${name}`, description: `Signature of ${name}` },
  });
}

function block(s: LetterDocument['signatures'][number], width: number): TableCell {
  const image = s.image ? signatureImage(s.image, s.name) : null;
  const space: ParagraphChild[] = image ? [image] : [];
  // The signing space is one line of exactly SIGN_SPACE, image or not, so names side by side stay level.
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      new Paragraph({ children: space, spacing: { before: 0, after: 0, line: SIGN_SPACE, lineRule: LineRuleType.EXACT }, keepNext: true, keepLines: true }),
      new Paragraph({ children: plain(s.name), keepNext: true, keepLines: true, spacing: { after: 0 } }),
      ...s.titleLines.map((t, i) => new Paragraph({ children: plain(t, { bold: true }), keepNext: i < s.titleLines.length - 1, keepLines: true, spacing: { after: 0 } })),
      new Paragraph({ children: [], spacing: { after: AFTER } }),
    ],
  });
}

/**
 * One signature block per signatory, two to a row, in a borderless table. Column and cell widths are given
 * in DXA and the layout is fixed, because LibreOffice and Google Docs ignore percentage or automatic widths
 * and would squeeze the blocks together.
 */
export function signatureTable(signatures: LetterDocument['signatures']): Table | null {
  if (signatures.length === 0) return null;
  const cols = signatures.length === 1 ? 1 : 2;
  const width = Math.floor(TEXT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let i = 0; i < signatures.length; i += cols) {
    const cells = signatures.slice(i, i + cols).map((s) => block(s, width));
    while (cells.length < cols) cells.push(new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph({})] }));
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  }
  return new Table({
    rows,
    width: { size: width * cols, type: WidthType.DXA },
    columnWidths: Array.from({ length: cols }, () => width),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
  });
}
