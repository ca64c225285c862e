import { describe, expect, it } from 'vitest';
import type { Block, RichText, Run } from '../../../electron/core/letters/richText';
import { serialiseBody } from '../../../electron/core/templates/serialiseBody';
import { serialiseTemplate } from '../../../electron/core/templates/serialiseTemplate';
import type { LetterTemplate } from '../../../electron/core/templates/types';
import { parseOk, seededRandom } from './helpers';

const template = (body: RichText, extra: Partial<LetterTemplate> = {}): LetterTemplate => ({
  id: 'test',
  file: 'test.md',
  builtIn: false,
  name: 'A test template',
  description: '',
  subject: 'A subject',
  body,
  closing: 'Yours sincerely',
  signatories: [],
  ccGroup: null,
  deadline: null,
  commitments: [],
  ...extra,
});

/** Each visible character with its formatting: what the letter shows, whatever the run boundaries. */
function visible(body: RichText): string[] {
  const runs = (rs: Run[]) => rs.flatMap((r) => [...r.text].map((ch) => (/\s/.test(ch) ? ch : `${ch}${r.bold ? 'B' : ''}${r.italic ? 'I' : ''}${r.underline ? 'U' : ''}`)));
  return body.flatMap((b) => [`<${b.type}>`, ...(b.type === 'paragraph' ? runs(b.runs) : b.items.flatMap((item) => ['<item>', ...runs(item)]))]);
}

const roundTrip = (body: RichText) => parseOk(serialiseTemplate(template(body))).body;

describe('serialiseTemplate', () => {
  it('writes the details in the documented format, leaving out empty optional ones', () => {
    const text = serialiseTemplate(
      template([{ type: 'paragraph', runs: [{ text: 'Body' }] }], {
        subject: 'Safeguarding review: {{original.subject}}',
        signatories: ['Philip Glanville'],
        deadline: { kind: 'working', days: 1 },
        commitments: ['A written and public action plan'],
      }),
    );
    expect(text).toBe(
      [
        '---',
        'name: A test template',
        'subject: "Safeguarding review: {{original.subject}}"',
        'closing: Yours sincerely',
        'signatories:',
        '  - Philip Glanville',
        'deadline: 1 working day',
        'commitments:',
        '  - A written and public action plan',
        '---',
        'Body',
        '',
      ].join('\n'),
    );
  });

  it('writes formatting, lists and line breaks as Markdown that reads back the same', () => {
    const body: RichText = [
      { type: 'paragraph', runs: [{ text: 'Plain ' }, { text: 'bold ', bold: true }, { text: 'both', bold: true, italic: true }, { text: ' and ' }, { text: 'underlined', underline: true }, { text: '.' }] },
      { type: 'paragraph', runs: [{ text: '{{commitments.list}}' }] },
      { type: 'bulletList', items: [[{ text: 'one' }], [{ text: 'two\nwith a second line' }]] },
      { type: 'bulletList', items: [[{ text: 'a separate list' }]] },
      { type: 'orderedList', items: Array.from({ length: 11 }, (_, i) => [{ text: `point ${i + 1}` }]) },
      { type: 'orderedList', items: [[{ text: 'another numbered list' }]] },
      { type: 'paragraph', runs: [{ text: 'First line\nsecond line' }] },
    ];
    const md = serialiseBody(body);
    expect(md).toContain('Plain **bold *both*** and <u>underlined</u>.');
    expect(md).toContain('- two\\\n  with a second line');
    expect(md).toContain('10. point 10\n11. point 11');
    expect(roundTrip(body)).toEqual(body);
  });

  it('escapes text that would otherwise turn into formatting, lists or headings', () => {
    const tricky = [
      '# not a heading',
      '1. not a list',
      '- not a bullet',
      '> not a quote',
      'a *star*, a _snake_case_ word, a `tick`, a \\ backslash, a | pipe and ~~no strike~~',
      '<u>not underlined</u> and <b>not HTML</b> and &amp; as typed',
      '[not a link](https://example.org) and ![not an image](x.png)',
      '---',
    ];
    const body: RichText = tricky.map((text) => ({ type: 'paragraph', runs: [{ text }] }));
    expect(roundTrip(body)).toEqual(body);
    const lines: RichText = [{ type: 'paragraph', runs: [{ text: 'Start\n# hash\n2. two\n===\n- dash' }] }];
    expect(roundTrip(lines)).toEqual(lines);
  });

  it('keeps what the letter shows for random bodies', () => {
    const rand = seededRandom(1729);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const WORDS = ['word', 'Hackney', 'the', '*', '**', '_', 'snake_case', '#', '1.', '2)', '-', '+', '>', '<u>', '</u>', '<b>', '&amp;', '&', '\\', '`', '[x](y)', '![i](j)', '~~', '|', '---', '===', '“quoted”', '(brackets)', "it's", '"dq"', '{{letter.date}}', '…', 'é', '—', ':', 'a.b', '5.'];
    const runs = (): Run[] => {
      const out: Run[] = [];
      const n = 1 + Math.floor(rand() * 8);
      for (let i = 0; i < n; i++) {
        const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(WORDS)).join(' ');
        const sep = i === 0 ? '' : pick([' ', ' ', ' ', '\n', '']);
        out.push({ text: sep + words, ...(rand() < 0.3 ? { bold: true } : {}), ...(rand() < 0.3 ? { italic: true } : {}), ...(rand() < 0.2 ? { underline: true } : {}) });
      }
      return out;
    };
    const block = (): Block => {
      const kind = rand();
      if (kind < 0.6) return { type: 'paragraph', runs: runs() };
      const items = Array.from({ length: 1 + Math.floor(rand() * 4) }, runs);
      return kind < 0.8 ? { type: 'bulletList', items } : { type: 'orderedList', items };
    };
    let failures = 0;
    for (let i = 0; i < 400; i++) {
      const body = Array.from({ length: 1 + Math.floor(rand() * 4) }, block);
      const md = serialiseBody(body);
      const back = roundTrip(body);
      if (JSON.stringify(visible(back)) !== JSON.stringify(visible(body))) {
        failures++;
        if (failures <= 3) expect({ md, back: visible(back) }).toEqual({ md, back: visible(body) });
      }
      // Writing out what was read gives the same file: the format is stable.
      expect(serialiseBody(back)).toBe(serialiseBody(roundTrip(back)));
    }
    expect(failures).toBe(0);
  });
});
