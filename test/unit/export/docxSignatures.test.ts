import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { documentOf, formattedLetter, FOUR_SIGNATORIES, letterRecord, safeguardingLetter, SIGNATURE_PNG } from './fixtures';
import { attr, openDocx, paragraphs, tags, type Docx } from './ooxml';

/**
 * Signature blocks: a borderless table, two blocks to a row, with fixed DXA widths (LibreOffice and
 * Google Docs squeeze automatic or percentage widths), and the signatory's image where there is one.
 */
let four: Docx;
let three: Docx;
beforeAll(async () => {
  four = openDocx(await renderLetterDocx(safeguardingLetter()));
  three = openDocx(await renderLetterDocx(formattedLetter()));
});

/** Text lines of each cell of the (only) table, as rows of cells. */
function cells(docx: Docx): string[][][] {
  const grid: string[][][] = [];
  for (const p of paragraphs(docx.xml('word/document.xml'))) {
    if (!p.cell || p.text.trim() === '') continue;
    const row = (grid[p.cell.row] ??= []);
    (row[p.cell.col] ??= []).push(p.text);
  }
  return grid;
}
const TEXT_WIDTH = 11906 - 2 * 1417; // A4 less 25 mm margins, in DXA

describe('signature blocks in the DOCX', () => {
  it('are one fixed-layout table with numeric DXA widths everywhere', () => {
    const xml = four.xml('word/document.xml');
    expect(tags(xml, 'w:tbl')).toHaveLength(1);
    expect(tags(xml, 'w:tblLayout').map((t) => attr(t, 'w:type'))).toEqual(['fixed']);
    const grid = tags(xml, 'w:gridCol').map((t) => attr(t, 'w:w') ?? '');
    expect(grid).toHaveLength(2);
    for (const w of grid) expect(w).toMatch(/^\d+$/);
    const total = grid.reduce((n, w) => n + Number(w), 0);
    expect(total).toBeGreaterThan(TEXT_WIDTH * 0.9);
    expect(total).toBeLessThanOrEqual(TEXT_WIDTH);
    const tblW = tags(xml, 'w:tblW')[0]!;
    expect([attr(tblW, 'w:type'), attr(tblW, 'w:w')]).toEqual(['dxa', String(total)]);
    const tcW = tags(xml, 'w:tcW');
    expect(tcW).toHaveLength(4);
    for (const t of tcW) {
      expect(attr(t, 'w:type')).toBe('dxa');
      expect(grid).toContain(attr(t, 'w:w'));
    }
  });

  it('has no visible borders', () => {
    const xml = four.xml('word/document.xml');
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/.exec(xml)?.[1] ?? '';
    expect(tags(borders, 'w:\\w+').map((t) => attr(t, 'w:val'))).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
  });

  it('puts two signatories to a row, name then bold title lines', () => {
    expect(cells(four)).toEqual([
      [
        ['Philip Glanville', 'Mayor of Hackney'],
        ['Anntoinette Bramble', 'Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care'],
      ],
      [
        ['Susan Fajana-Thomas', 'Cabinet Member for Community Safety'],
        ['Mark Carroll', 'Chief Executive'],
      ],
    ]);
    const inTable = paragraphs(four.xml('word/document.xml')).filter((p) => p.cell && p.text !== '');
    const names = new Set(FOUR_SIGNATORIES.map((s) => s.name));
    for (const p of inTable) expect(p.runs.every((r) => r.bold), p.text).toBe(!names.has(p.text));
  });

  it('fills an odd last row with an empty cell so the columns keep their width', () => {
    expect(cells(three).map((row) => row.length)).toEqual([2, 1]);
    const rows = three.xml('word/document.xml').match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows.map((r) => tags(r, 'w:tc').length)).toEqual([2, 2]);
  });

  it('is a single cell for one signatory', async () => {
    const one = openDocx(await renderLetterDocx(documentOf(letterRecord())));
    expect(cells(one)).toEqual([[['Philip Glanville', 'Mayor of Hackney']]]);
    expect(tags(one.xml('word/document.xml'), 'w:gridCol')).toHaveLength(1);
  });

  it('embeds the signature image in word/media and draws it above the right name, at its aspect ratio', () => {
    const xml = four.xml('word/document.xml');
    const withImage = paragraphs(xml).filter((p) => p.images.length > 0);
    expect(withImage).toHaveLength(1);
    expect(withImage[0]!.cell).toEqual({ table: 0, row: 0, col: 0 });
    const rel = four.rels('word/document.xml').get(withImage[0]!.images[0]!);
    expect(rel?.type).toBe('image');
    expect(rel?.target).toMatch(/^word\/media\/[^/]+\.png$/);
    expect(Buffer.from(four.files[rel!.target]!)).toEqual(SIGNATURE_PNG);
    const pngType = tags(four.xml('[Content_Types].xml'), 'Default').find((t) => attr(t, 'Extension') === 'png');
    expect(pngType && attr(pngType, 'ContentType')).toBe('image/png');
    // 240 x 60 px scaled to the 50 px height limit: 200 x 50 px, in EMU (9525 per pixel).
    expect(tags(xml, 'wp:extent').map((t) => [attr(t, 'cx'), attr(t, 'cy')])).toEqual([['1905000', '476250']]);
  });
});
