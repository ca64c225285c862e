import { describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { formattedLetter, safeguardingLetter, textSafetyLetter } from './fixtures';
import { openDocx, sectionPart } from './ooxml';
import { dropIgnorableAttributes, validateWml } from './schema';
import { externalTools, XMLLINT } from './tools';

/**
 * Word refuses a file LibreOffice happily opens (an `rPr` after a `t`, say), so the content parts are
 * checked against the ECMA-376 schema as well. settings.xml is left out: the docx package writes
 * `w:compatSetting` there, which Word 2010+ writes too but the 1st edition does not define. numbering.xml
 * is checked after dropping the attributes of its ignorable namespaces (w15:restartNumberingAfterBreak),
 * as Markup Compatibility tells a 1st-edition reader to.
 */
const xmllint = externalTools([XMLLINT]);

const CONTENT_PARTS = ['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/fontTable.xml'];

async function contentParts(doc: Parameters<typeof renderLetterDocx>[0]) {
  const docx = openDocx(await renderLetterDocx(doc));
  const headersAndFooters = (['header', 'footer'] as const).flatMap((kind) => (['first', 'default'] as const).map((type) => sectionPart(docx, kind, type)));
  return Object.fromEntries([...CONTENT_PARTS, ...headersAndFooters].map((p) => [p, docx.xml(p)]));
}

describe.skipIf(xmllint.skip)('DOCX parts against the ECMA-376 WordprocessingML schema', () => {
  it.each([
    ['the four-signatory safeguarding letter, with a signature image', safeguardingLetter],
    ['the letter with every kind of formatting and list', formattedLetter],
    ['the letter full of characters XML forbids, markup, emoji and right-to-left text', textSafetyLetter],
  ])('validates for %s', async (_, make) => {
    xmllint.ensure();
    const parts = await contentParts(make());
    expect(Object.keys(parts)).toHaveLength(CONTENT_PARTS.length + 4);
    const errors = validateWml(parts);
    expect(errors).toEqual(Object.fromEntries(Object.keys(parts).map((p) => [p, []])));
  });

  it('validates numbering.xml, Word 2010 extensions aside', async () => {
    xmllint.ensure();
    const numbering = openDocx(await renderLetterDocx(formattedLetter())).xml('word/numbering.xml');
    expect(validateWml({ 'word/numbering.xml': dropIgnorableAttributes(numbering) })).toEqual({ 'word/numbering.xml': [] });
  });

  it('is a check that can fail: a run property after the text is rejected', () => {
    xmllint.ensure();
    const bad = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p></w:body></w:document>';
    const errors = validateWml({ 'bad.xml': bad })['bad.xml'];
    expect(errors?.join('\n')).toMatch(/rPr.*not expected/);
  });
});
