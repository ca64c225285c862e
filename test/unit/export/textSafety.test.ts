import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { CLEAN, textSafetyLetter, TRICKY } from './fixtures';
import { decodeXml, openDocx, sectionPart, tags, textLines, type Docx } from './ooxml';

/**
 * Whatever an officer pastes must come out as a file Word opens: the characters XML 1.0 forbids (one is
 * enough for Word to refuse the whole document) are dropped everywhere, and everything else, markup
 * characters, emoji and right-to-left scripts, arrives exactly as typed.
 */
let docx: Docx;
beforeAll(async () => {
  docx = openDocx(await renderLetterDocx(textSafetyLetter()));
});

/** Characters XML 1.0 forbids, written directly or as character references. */
function forbiddenIn(raw: string): string[] {
  const found: string[] = [];
  const check = (ch: string) => {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    if (!ok) found.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  };
  // Iterating a string by code point yields a lone surrogate as itself, so it is caught here.
  for (const ch of raw) check(ch);
  for (const ref of raw.match(/&#x?[0-9a-fA-F]+;/g) ?? []) check(decodeXml(ref));
  return found;
}

describe('text safety in the DOCX', () => {
  it('has no character XML forbids in any part', () => {
    const xmlParts = Object.keys(docx.files).filter((p) => /\.(xml|rels)$/.test(p));
    expect(xmlParts.length).toBeGreaterThan(10);
    for (const part of xmlParts) expect(forbiddenIn(strFromU8(docx.files[part]!)), part).toEqual([]);
  });

  it('the check itself finds forbidden characters, raw or as references', () => {
    expect(forbiddenIn('a\u0001b\uFFFEc\uD800d&#x1F;&#65535;')).toEqual(['U+0001', 'U+FFFE', 'U+D800', 'U+001F', 'U+FFFF']);
  });

  it('keeps every other character of the letter, in order, wherever it was', () => {
    expect(textLines(docx.xml('word/document.xml'))).toEqual([
      '17 March 2022',
      `Ref: ${CLEAN.reference}`,
      CLEAN.fullName,
      'Deputy Assistant Commissioner',
      CLEAN.organisation,
      'New Scotland Yard',
      'Victoria Embankment',
      'London SW1A 2JL',
      'Dear DAC Taylor,',
      CLEAN.subject,
      ...CLEAN.body,
      'Yours sincerely',
      CLEAN.signatory,
      CLEAN.title,
      'CC:',
      CLEAN.cc,
    ]);
  });

  it('escapes markup characters rather than writing markup', () => {
    const xml = docx.xml('word/document.xml');
    expect(tags(xml, 'b')).toEqual([]);
    expect(xml).toContain('Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt;');
    expect(xml).toContain('&amp;amp;');
  });

  it('stores emoji and Arabic and Hebrew as the characters themselves', () => {
    const xml = docx.xml('word/document.xml');
    for (const text of [TRICKY.emoji, TRICKY.emojiSequences, TRICKY.arabic, TRICKY.hebrew]) expect(xml).toContain(text);
  });

  it('cleans the document properties and the letterhead too', () => {
    const core = docx.xml('docProps/core.xml');
    const field = (name: string) => decodeXml(new RegExp(`<${name}>([^<]*)</${name}>`).exec(core)?.[1] ?? '');
    expect([field('dc:title'), field('dc:subject'), field('dc:creator')]).toEqual([CLEAN.subject, CLEAN.reference, CLEAN.letterhead[0]]);
    expect(textLines(docx.xml(sectionPart(docx, 'header', 'first')))).toEqual(CLEAN.letterhead);
  });
});
