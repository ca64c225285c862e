import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentLines, type LetterDocument } from '../../../electron/core/letters/documentModel';
import { stripXmlForbidden } from '../../../electron/core/text/cleanText';
import { renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { formattedLetter, OFFICE, ROOT, safeguardingLetter, textSafetyLetter, TRICKY } from './fixtures';
import { convertToPdf, pdfPageCount, pdfText, pdfWords } from './office';
import { missingInOrder } from './textOrder';
import { externalTools, PDFINFO, PDFTOTEXT, SOFFICE } from './tools';

/**
 * The exported DOCX opened by a real word processor: LibreOffice converts three varied letters to PDF and
 * the PDFs' text must be the preview's text (documentLines), line for line and in order. The files are
 * kept in test-results/export for a person to look at.
 */
const tools = externalTools([SOFFICE, PDFTOTEXT, PDFINFO]);
const OUT = resolve(ROOT, 'test-results/export');

const letters: { name: string; doc: LetterDocument }[] = [
  { name: '1-safeguarding-four-signatories', doc: safeguardingLetter() },
  { name: '2-formatting-and-lists', doc: formattedLetter() },
  { name: '3-text-safety', doc: textSafetyLetter() },
];
const pdfs = new Map<string, string>();
let work = '';

/** What the PDF must say: the preview's lines, less what XML cannot carry and what no installed font draws. */
const expectedLines = (doc: LetterDocument) =>
  documentLines(doc)
    .map(stripXmlForbidden)
    // Skin-tone and ZWJ emoji sequences: no font on a plain Debian machine has them, so LibreOffice can put
    // no text for them in a PDF. textSafety.test.ts checks they are in document.xml.
    .filter((l) => l !== TRICKY.emojiSequences);

describe.skipIf(tools.skip)('LibreOffice reads the exported DOCX as the preview shows it', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    tools.ensure();
    work = await mkdtemp(join(tmpdir(), 'desk-lo-'));
    const files: string[] = [];
    for (const { name, doc } of letters) {
      const file = join(work, `${name}.docx`);
      await writeFile(file, await renderLetterDocx(doc));
      files.push(file);
    }
    for (const [docx, pdf] of await convertToPdf(files, work)) pdfs.set(basename(docx, '.docx'), pdf);
    await mkdir(OUT, { recursive: true });
    for (const file of [...files, ...pdfs.values()]) await copyFile(file, join(OUT, basename(file)));
  }, 120_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('converts every letter to a PDF of at least one page', async () => {
    expect([...pdfs.keys()]).toEqual(letters.map((l) => l.name));
    for (const pdf of pdfs.values()) expect(await pdfPageCount(pdf), pdf).toBeGreaterThanOrEqual(1);
    expect(await pdfPageCount(pdfs.get('1-safeguarding-four-signatories')!)).toBeGreaterThanOrEqual(2);
  });

  it.each(letters.map((l) => [l.name, l.doc] as const))('prints every line of %s, in order', async (name, doc) => {
    const pdf = pdfs.get(name)!;
    const problems = missingInOrder(expectedLines(doc), await pdfText(pdf, 'raw'), await pdfText(pdf, 'plain'));
    expect(problems).toEqual([]);
  });

  /** Where a word was printed (the first time it occurs). */
  const position = async (pdf: string, word: string) => {
    const found = (await pdfWords(pdf)).find((w) => w.text === word);
    if (!found) throw new Error(`“${word}” is not in ${pdf}`);
    return found;
  };

  it('prints two signature blocks a row side by side, names level, when neither has an image', async () => {
    const pdf = pdfs.get('1-safeguarding-four-signatories')!;
    const [left, right] = [await position(pdf, 'Fajana-Thomas'), await position(pdf, 'Carroll')];
    expect(right.page).toBe(left.page);
    expect(Math.abs(right.y - left.y)).toBeLessThan(1);
    expect(right.x - left.x).toBeGreaterThan(150);
  });

  // Known bug, reported: a signature image takes the place of the 40 pt signing space, so the Mayor's name sits
  // higher than Bramble's beside it (the preview keeps them level). Make this an ordinary `it` once fixed.
  it('keeps names level in a row where one signatory has an image', async () => {
    const pdf = pdfs.get('1-safeguarding-four-signatories')!;
    const [left, right] = [await position(pdf, 'Glanville'), await position(pdf, 'Bramble')];
    expect(Math.abs(right.y - left.y)).toBeLessThan(1);
  });

  it('prints the letterhead on page one only and "Page X of Y" from page two', async () => {
    const pdf = pdfs.get('1-safeguarding-four-signatories')!;
    const pages = await pdfPageCount(pdf);
    const page = (n: number) => pdfText(pdf, 'plain', { first: n, last: n });
    const first = await page(1);
    expect(first).toContain(OFFICE.officeName);
    expect(first).toContain(OFFICE.addressLines[0]);
    expect(first).not.toMatch(/Page \d+ of/);
    for (let n = 2; n <= pages; n++) {
      const text = await page(n);
      expect(text, `page ${n}`).toContain(`Page ${n} of ${pages}`);
      expect(text, `page ${n}`).not.toContain(OFFICE.addressLines[0]);
    }
  });
});
