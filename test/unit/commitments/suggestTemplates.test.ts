import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestCommitments, type CommitmentSuggestion } from '../../../electron/core/commitments/suggest';
import { fillPlaceholders } from '../../../electron/core/letters/fillPlaceholders';
import type { RichText } from '../../../electron/core/letters/richText';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import type { LetterTemplate } from '../../../electron/core/templates/types';

const TEMPLATES_DIR = resolve(import.meta.dirname, '../../../templates');
const IDS = readdirSync(TEMPLATES_DIR)
  .filter((f) => /^[a-z0-9-]+\.md$/.test(f) && f !== 'README.md')
  .map((f) => f.slice(0, -3))
  .sort();

function template(id: string): LetterTemplate {
  const r = parseTemplate(readFileSync(resolve(TEMPLATES_DIR, `${id}.md`), 'utf8'), `${id}.md`, { id, builtIn: true });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.template;
}

/** The body as a letter made from the template has it: the list placeholders become the template's commitments. */
function letterBody(t: LetterTemplate): RichText {
  return fillPlaceholders(t.body, { 'commitments.list': t.commitments, 'commitments.outstanding': t.commitments }).body;
}

// "Reasonable text overlap": at least two content words in common, covering at least half of the shorter.
const STOP = new Set(
  'the and for with that this your our their its will which who how what when from into each any all has have are was were been them they those these about against can could would should whom while than then also such there here not but out set may own'.split(' '),
);
const stem = (w: string) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().replace(/\{\{[^}]*\}\}/g, ' ').replace(/[’']s\b/g, '').match(/\p{L}+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w)).map(stem));
}
function overlaps(expected: string, found: string): boolean {
  const a = contentWords(expected);
  const b = contentWords(found);
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared >= 2 && shared / Math.min(a.size, b.size) >= 0.5;
}
const matchFor = (commitment: string, found: CommitmentSuggestion[]) => found.find((s) => overlaps(commitment, s.text));

/**
 * Front-matter commitments the body never words as an ask, so no reader of the body could find them. Each
 * is listed with why; anything not listed here must be found.
 */
const NOT_IN_BODY: Readonly<Record<string, readonly string[]>> = {
  // The body asks only for answers and attendance; the data and reports are never mentioned.
  'scrutiny-written-answers': ['Any data or reports referred to in your answers'],
  // The body says "we would like to review progress against each of the commitments above": the same
  // ask in other words ("review" for "update"), found, but sharing too few words to count as overlap.
  'acknowledge-reply-and-meeting': ['An update at the meeting on progress'],
};

describe('suggestCommitments on the built-in templates', () => {
  it('has templates to read', () => {
    expect(IDS.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(IDS)('%s', (id) => {
    it('finds every commitment the template lists, as a letter made from it words them', () => {
      const t = template(id);
      const found = suggestCommitments(letterBody(t), { letterDate: '2022-03-17' });
      const exempt = NOT_IN_BODY[id] ?? [];
      const expected = t.commitments.filter((c) => !exempt.some((e) => c.startsWith(e)));
      expect(expected.length).toBeGreaterThan(0);
      const missing = expected.filter((c) => !matchFor(c, found));
      expect(missing, `found instead:\n${found.map((s) => `  ${s.text}`).join('\n')}`).toEqual([]);
    });

    it('suggests nothing from thanks, courtesies or the Council’s own commitments', () => {
      const found = suggestCommitments(letterBody(template(id)), { letterDate: '2022-03-17' });
      expect(found.length).toBeGreaterThan(0);
      for (const s of found) {
        expect(s.source).not.toMatch(/^Thank you|^(?:I am|We are) writing|remains? committed|is committed to|^Please quote|we will report|We will share/i);
        expect(s.text).not.toMatch(/\{\{commitments\./);
        expect(s.text).toMatch(/^[\p{Lu}{]/u);
        expect(s.text).not.toMatch(/[.,;:]$/);
        expect(s.source.length).toBeGreaterThan(0);
      }
    });
  });

  it('finds the safeguarding letter’s asks, with their triggers, and nothing else', () => {
    const found = suggestCommitments(letterBody(template('safeguarding-action-plan')), { letterDate: '2022-03-17' });
    expect(found.map((s) => [s.trigger, s.text])).toEqual([
      ['ask you to', 'An account of how the police will respond to every recommendation of the review, in writing and in public'],
      ['ask for', 'A written and public action plan, setting out how each recommendation of the review will be implemented, by whom and by when'],
      ['ask for', 'An assurance that the officers involved will not be deployed in schools while their conduct is investigated'],
      ['ask for', 'An assurance that no child will be strip searched at school, or searched without an appropriate adult present, while the plan is put in place'],
      ['ask for', 'A meeting with us to discuss the action plan and how its delivery will be reported to the community'],
      ['grateful for', 'Your response'],
      ['we ask that', 'The action plan to be published'],
      ['we look forward to', 'A meeting to discuss the plan'],
    ]);
    expect(found[1]?.deadline).toEqual({ phrase: 'within the next fortnight', kind: 'calendar-days', days: 14 });
    expect(found[5]?.deadline).toEqual({ phrase: 'by {{deadline.date}}', kind: 'date' });
  });

  it('finds the acknowledgement’s meeting asks, including the one worded differently from its front matter', () => {
    const texts = suggestCommitments(letterBody(template('acknowledge-reply-and-meeting')), { letterDate: '2022-03-17' }).map((s) => s.text);
    expect(texts).toContain('Any papers to be sent to {{office.email}} at least three working days beforehand');
    expect(texts.some((t) => t.startsWith('A review of progress against each of the commitments above'))).toBe(true);
    // "We note that you have agreed to the following" introduces what was agreed, not what is asked.
    expect(texts.filter((t) => t.startsWith('An update at the meeting'))).toEqual([]);
  });

  it('still finds the asks written in the prose of a body whose list placeholder is not yet filled', () => {
    const texts = suggestCommitments(template('safeguarding-action-plan').body, { letterDate: '2022-03-17' }).map((s) => s.text);
    expect(texts).toEqual([
      'An account of how the police will respond to every recommendation of the review, in writing and in public',
      'Your response',
      'The action plan to be published',
      'A meeting to discuss the plan',
    ]);
  });
});
