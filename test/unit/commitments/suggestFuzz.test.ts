import { describe, expect, it } from 'vitest';
import { suggestCommitments, type CommitmentSuggestion } from '../../../electron/core/commitments/suggest';
import { paragraph, type RichText } from '../../../electron/core/letters/richText';

/** A small deterministic generator, so a failure here is reproducible. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'We would like to ask you to commit to ', 'please confirm that ', 'could you ', 'will you ', 'we ask that you ', 'we request ',
  'we would welcome ', 'assurance that ', 'a written and public action plan', ' within the next fortnight', ' by 31 March', ' by 31 February',
  ' within ten working days', ' by return', ' before the end of the month', '{{deadline.date}}', '{{', '}}', '{{recipient.organisation}}',
  '“', '”', '"', '‘', '’', "'", '.', '?', '!', ':', ';', ',', ' and ', ' not ', '\n', '- ', '1. ', ' ', '😀', '🙏🏽', 'مرحبا', 'שלום',
  '\u200f', '\u202e', '\uFEFF', '\uD800', '…', 'e.g.', 'Cllr.', 'Child Q', 'strip search', 'In particular, we ask for:',
];

function randomText(rand: () => number, max: number): string {
  const n = Math.floor(rand() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += rand() < 0.1 ? String.fromCharCode(Math.floor(rand() * 0x3000)) : (PIECES[Math.floor(rand() * PIECES.length)] ?? '');
  return s;
}

function randomBody(rand: () => number): RichText {
  return Array.from({ length: Math.floor(rand() * 6) }, () => {
    const r = rand();
    if (r < 0.6) return paragraph(randomText(rand, 40));
    const items = Array.from({ length: Math.floor(rand() * 4) }, () => [{ text: randomText(rand, 12) }]);
    return { type: r < 0.8 ? 'bulletList' : 'orderedList', items } as const;
  });
}

function expectWellFormed(found: CommitmentSuggestion[]): void {
  expect(Array.isArray(found)).toBe(true);
  for (const s of found) {
    expect(typeof s.text).toBe('string');
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).not.toMatch(/[.]$/);
    expect(typeof s.source).toBe('string');
    expect(typeof s.trigger).toBe('string');
    if (s.deadline) {
      expect(['calendar-days', 'working-days', 'date', 'urgent', 'relative']).toContain(s.deadline.kind);
      if (s.deadline.date !== undefined) expect(s.deadline.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  }
}

const run = (body: RichText) => suggestCommitments(body, { letterDate: '2022-03-17' });

describe('suggestCommitments never throws', () => {
  it('on an empty body and empty blocks', () => {
    expect(run([])).toEqual([]);
    expect(run([paragraph(''), { type: 'bulletList', items: [] }, { type: 'orderedList', items: [[]] }])).toEqual([]);
  });

  it('on lone punctuation, emoji and right-to-left text', () => {
    for (const text of ['.', '?', ':', '“', '”', '{{', '}}', '{{}}', '...', '?!?!', '😀', '🙏🏽 Please confirm 🙏🏽', 'نرجو تأكيد الموعد.', 'שלום. Please provide the data.', '\u202eplease provide the data', '\uD800']) {
      expectWellFormed(run([paragraph(text)]));
    }
  });

  it('on 100 KB paragraphs, with and without sentence endings', () => {
    const bodies = [
      'We would like to ask you to commit to a plan within the next fortnight. '.repeat(1_400),
      'we ask you to commit to '.repeat(4_000),
      ' '.repeat(100_000),
      '.'.repeat(100_000),
      '{{'.repeat(50_000),
      '“'.repeat(50_000),
      'please provide the data and please confirm that it will be published, '.repeat(1_400),
    ];
    for (const text of bodies) expectWellFormed(run([paragraph(text)]));
    // The 1,400 identical asks are one suggestion.
    expect(run([paragraph(bodies[0] ?? '')])).toHaveLength(1);
  });

  it('on malformed blocks from outside the type system', () => {
    const junk = [null, 42, 'text', {}, { type: 'paragraph' }, { type: 'paragraph', runs: [null, { text: 5 }, { text: 'Please provide the data.' }] }, { type: 'bulletList', items: [null, [{}]] }, { type: 'heading' }];
    const found = suggestCommitments(junk as unknown as RichText, { letterDate: '2022-03-17' });
    expect(found.map((s) => s.text)).toEqual(['The data']);
    expect(suggestCommitments(null as unknown as RichText, { letterDate: '2022-03-17' })).toEqual([]);
    expect(suggestCommitments([paragraph('Please provide the data by 31 March.')], null as unknown as { letterDate: string })).toHaveLength(1);
  });

  it('on random bodies made of request phrases, quotes, placeholders and noise', () => {
    const rand = seededRandom(20220317);
    for (let i = 0; i < 400; i++) expectWellFormed(run(randomBody(rand)));
  });

  it('gives the same answer every time', () => {
    const rand = seededRandom(7);
    const bodies = Array.from({ length: 20 }, () => randomBody(rand));
    expect(bodies.map(run)).toEqual(bodies.map(run));
  });

  it('reads a 200-sentence letter (no timing asserted here; it must simply finish and find every ask)', () => {
    const body = Array.from({ length: 200 }, (_, i) => paragraph(`We would like to ask you to commit to action plan number ${i + 1} within the next fortnight.`));
    expect(run(body)).toHaveLength(200);
  });
});
