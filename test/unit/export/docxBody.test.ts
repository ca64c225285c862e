import { beforeAll, describe, expect, it } from 'vitest';
import { renderLetterDocx } from '../../../electron/export/docx/letterDocx';
import { formattedLetter } from './fixtures';
import { attr, openDocx, paragraphs, tags, textLines, type Docx, type Para } from './ooxml';

/** The letter's own text in word/document.xml: every part, in the order of DESIGN.md's anatomy. */
let docx: Docx;
let paras: Para[];
const para = (text: string) => {
  const found = paras.filter((p) => p.text === text);
  expect(found, `exactly one paragraph reads “${text}”`).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  docx = openDocx(await renderLetterDocx(formattedLetter()));
  paras = paragraphs(docx.xml('word/document.xml'));
});

describe('the DOCX body', () => {
  it('is the package’s main document', () => {
    const main = tags(docx.xml('_rels/.rels'), 'Relationship').find((t) => attr(t, 'Type')?.endsWith('/officeDocument'));
    expect(main && attr(main, 'Target')?.replace(/^\//, '')).toBe('word/document.xml');
    const override = tags(docx.xml('[Content_Types].xml'), 'Override').find((t) => attr(t, 'PartName') === '/word/document.xml');
    expect(override && attr(override, 'ContentType')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  });

  it('holds the letter’s text, paragraph by paragraph, in reading order', () => {
    expect(textLines(docx.xml('word/document.xml'))).toEqual([
      '17 March 2022',
      'Ref: MCO220317-03',
      'DAC Jane Taylor QPM',
      'Deputy Assistant Commissioner',
      'Metropolitan Police Service',
      'New Scotland Yard',
      'Victoria Embankment',
      'London SW1A 2JL',
      'Dear DAC Taylor,',
      'Formatting: bold, lists and line breaks',
      'We ask for a written action plan, published and within a fortnight.',
      'Bullet one',
      'Bullet two, in bold',
      'First request',
      'Second request',
      'Between the lists.',
      'Restarted first',
      'Restarted second',
      'Line one\nLine two',
      'Yours sincerely',
      'Philip Glanville',
      'Mayor of Hackney',
      'Anntoinette Bramble',
      'Deputy Mayor of Hackney and',
      'Cabinet Member for Education, Young People and Children’s Social Care',
      'Susan Fajana-Thomas',
      'Cabinet Member for Community Safety',
      'CC:',
      'Sir Sadiq Khan, Mayor of London',
      'Sophie Linden, Deputy Mayor for Policing and Crime, MOPAC',
    ]);
  });

  it('sets the subject in bold and the parts around it in regular type', () => {
    expect(para('Formatting: bold, lists and line breaks').runs.every((r) => r.bold)).toBe(true);
    for (const plain of ['17 March 2022', 'Ref: MCO220317-03', 'Dear DAC Taylor,', 'Yours sincerely', 'Sir Sadiq Khan, Mayor of London']) {
      expect(para(plain).runs.some((r) => r.bold), plain).toBe(false);
    }
    expect(para('CC:').runs.every((r) => r.bold)).toBe(true);
  });

  it('keeps bold, italic and underline on exactly the runs that had them', () => {
    const runs = para('We ask for a written action plan, published and within a fortnight.').runs.filter((r) => r.text !== '');
    expect(runs.map((r) => [r.text, r.bold, r.italic, r.underline])).toEqual([
      ['We ask for ', false, false, false],
      ['a written action plan', true, false, false],
      [', ', false, false, false],
      ['published', false, true, false],
      [' and ', false, false, false],
      ['within a fortnight', false, false, true],
      ['.', false, false, false],
    ]);
    expect(para('Bullet two, in bold').runs.filter((r) => r.bold).map((r) => r.text)).toEqual(['in bold']);
  });

  it('makes list items numbered paragraphs, bullets and numbers as in the model, each numbered list from 1', () => {
    const num = (t: string) => para(t).numbering;
    const bullets = num('Bullet one');
    const first = num('First request');
    const restarted = num('Restarted first');
    expect(bullets && first && restarted).toBeTruthy();
    expect(num('Bullet two, in bold')).toEqual(bullets);
    expect(num('Second request')).toEqual(first);
    expect(num('Restarted second')).toEqual(restarted);
    expect(new Set([bullets!.numId, first!.numId, restarted!.numId]).size).toBe(3);
    for (const t of ['We ask for a written action plan, published and within a fortnight.', 'Between the lists.', 'Line one\nLine two', 'Yours sincerely']) {
      expect(num(t), t).toBeNull();
    }

    const numbering = docx.xml('word/numbering.xml');
    const instance = (numId: string) => {
      const m = new RegExp(`<w:num w:numId="${numId}">(.*?)</w:num>`).exec(numbering);
      expect(m, `numbering instance ${numId}`).not.toBeNull();
      const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(m![1]!)?.[1];
      const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`).exec(numbering)?.[1] ?? '';
      const level0 = /<w:lvl w:ilvl="0"[^>]*>(.*?)<\/w:lvl>/.exec(abstract)?.[1] ?? '';
      return { format: /<w:numFmt w:val="(\w+)"/.exec(level0)?.[1], start: /<w:startOverride w:val="(\d+)"/.exec(m![1]!)?.[1] ?? /<w:start w:val="(\d+)"/.exec(level0)?.[1] };
    };
    expect(instance(bullets!.numId).format).toBe('bullet');
    expect(instance(first!.numId)).toEqual({ format: 'decimal', start: '1' });
    expect(instance(restarted!.numId)).toEqual({ format: 'decimal', start: '1' });
  });

  it('turns a line break inside a paragraph into w:br, not a new paragraph', () => {
    const xml = docx.xml('word/document.xml');
    const p = /<w:p>(?:(?!<\/w:p>).)*Line one(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)?.[0] ?? '';
    expect(p).toMatch(/Line one<\/w:t>.*<w:br\/>.*Line two<\/w:t>/);
  });
});
