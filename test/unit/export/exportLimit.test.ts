import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../../electron/core/letters/documentModel';
import { ExportTooLargeError, MAX_EXPORT_CHARACTERS, renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { documentOf, letterRecord } from './fixtures';
import { openDocx, paragraphs } from './ooxml';
import { validateWml } from './schema';
import { externalTools, XMLLINT } from './tools';

/**
 * A letter of about 5 MB, the limit: at the limit it is a valid DOCX with every character in it; one
 * character more and it is refused with ExportTooLargeError, never a half-written or broken file.
 */
const xmllint = externalTools([XMLLINT]);

/** A letter whose counted text (body, subject and recipient lines) is exactly `total` characters. */
function letterOfLength(total: number): { doc: LetterDocument; bodyLength: number } {
  const probe = documentOf(letterRecord({ body: [] }));
  const fixed = probe.subject.length + probe.recipientLines.join('').length;
  const bodyLength = total - fixed;
  // Varied sentences, so the text is not one repeated run that a bug could collapse unnoticed.
  const sentences = Array.from({ length: 997 }, (_, i) => `Paragraph sentence ${i} asks for a written answer on item ${(i * 7919) % 1000}. `).join('');
  const paragraphsNeeded = 5;
  const per = Math.ceil(bodyLength / paragraphsNeeded);
  const body = Array.from({ length: paragraphsNeeded }, (_, i) => {
    const length = Math.min(per, bodyLength - i * per);
    return { type: 'paragraph' as const, runs: [{ text: sentences.repeat(Math.ceil(length / sentences.length)).slice(0, length) }] };
  });
  return { doc: documentOf(letterRecord({ reference: 'MCO220317-09', body })), bodyLength };
}

describe('the export size limit', () => {
  it('exports a letter of exactly the limit as a complete DOCX', { timeout: 120_000 }, async () => {
    const { doc, bodyLength } = letterOfLength(MAX_EXPORT_CHARACTERS);
    expect(bodyLength).toBeGreaterThan(4_990_000);
    const docx = openDocx(await renderLetterDocx(doc));
    const xml = docx.xml('word/document.xml');
    const body = paragraphs(xml).filter((p) => p.text.startsWith('Paragraph sentence'));
    expect(body).toHaveLength(5);
    expect(body.reduce((n, p) => n + p.text.length, 0)).toBe(bodyLength);
    expect(body.map((p) => p.text)).toEqual(doc.body.map((b) => (b.type === 'paragraph' ? b.runs[0]!.text : '')));
    if (xmllint.skip) return;
    xmllint.ensure();
    expect(validateWml({ 'word/document.xml': xml })).toEqual({ 'word/document.xml': [] });
  });

  it('refuses a letter one character over the limit, naming the letter', async () => {
    const { doc } = letterOfLength(MAX_EXPORT_CHARACTERS + 1);
    const attempt = renderLetterDocx(doc);
    await expect(attempt).rejects.toBeInstanceOf(ExportTooLargeError);
    await expect(attempt).rejects.toThrow(/MCO220317-09.*too long/);
  });

  it('counts the subject and recipient, not only the body', async () => {
    const { doc } = letterOfLength(MAX_EXPORT_CHARACTERS);
    const longer = { ...doc, subject: `${doc.subject}!` };
    await expect(renderLetterDocx(longer)).rejects.toBeInstanceOf(ExportTooLargeError);
  });
});
