import { describe, expect, it } from 'vitest';
import { cleanLine, stripXmlForbidden } from '../../../electron/core/text/cleanText';

describe('stripXmlForbidden', () => {
  it('removes control characters, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(stripXmlForbidden('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf')).toBe('abcdef');
    expect(stripXmlForbidden('x\uD800y')).toBe('xy');
    expect(stripXmlForbidden('x\uDC00y')).toBe('xy');
  });
  it('keeps tab, newlines, XML specials, emoji and right-to-left text', () => {
    const keep = 'Tab\there\nline\r\n& < > " \' 😀 مرحبا שלום';
    expect(stripXmlForbidden(keep)).toBe(keep);
  });
});

describe('cleanLine', () => {
  it('collapses whitespace and trims', () => {
    expect(cleanLine('  Deputy \n Mayor\t of  Hackney ')).toBe('Deputy Mayor of Hackney');
  });
});
