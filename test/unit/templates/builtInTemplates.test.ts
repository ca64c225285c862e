import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../electron/core/letters/richText';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import { placeholdersUsed } from '../../../electron/core/templates/placeholdersUsed';
import { serialiseTemplate } from '../../../electron/core/templates/serialiseTemplate';
import type { LetterTemplate } from '../../../electron/core/templates/types';
import { BUILT_IN_DIR, BUILT_IN_IDS } from './helpers';

async function builtIn(id: string): Promise<LetterTemplate> {
  const src = await readFile(join(BUILT_IN_DIR, `${id}.md`), 'utf8');
  const r = parseTemplate(src, `${id}.md`, { id, builtIn: true });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.template;
}

const EXPECTED_PLACEHOLDERS: Record<(typeof BUILT_IN_IDS)[number], string[]> = {
  'safeguarding-action-plan': ['recipient.organisation', 'commitments.list', 'deadline.date', 'letter.reference'],
  'iopc-complaints-and-culture': ['recipient.organisation', 'commitments.list', 'deadline.date', 'letter.reference'],
  'mopac-representation-and-data': ['recipient.organisation', 'commitments.list', 'deadline.date', 'letter.reference'],
  'scrutiny-written-answers': ['recipient.organisation', 'office.email', 'deadline.date', 'letter.reference'],
  'chaser-overdue-reply': ['original.subject', 'original.date', 'original.reference', 'commitments.outstanding', 'deadline.date'],
  'acknowledge-reply-and-meeting': ['original.subject', 'original.date', 'original.reference', 'commitments.list', 'deadline.date'],
};

describe('built-in templates', () => {
  it('are exactly the six shipped templates (README.md is not a template)', async () => {
    const files = (await readdir(BUILT_IN_DIR)).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual([...BUILT_IN_IDS].sort());
  });

  describe.each(BUILT_IN_IDS)('%s', (id) => {
    it('parses with no problems and uses the expected placeholders', async () => {
      const t = await builtIn(id);
      expect(t.id).toBe(id);
      expect(t.builtIn).toBe(true);
      expect(placeholdersUsed(t)).toEqual(expect.arrayContaining(EXPECTED_PLACEHOLDERS[id]));
    });

    it('is a substantial, complete letter body without salutation, closing or signature', async () => {
      const t = await builtIn(id);
      expect(t.name.length).toBeGreaterThan(10);
      expect(t.description.length).toBeGreaterThan(40);
      expect(t.subject.length).toBeGreaterThan(10);
      expect(t.closing).toBe('Yours sincerely');
      expect(t.deadline).not.toBeNull();
      expect(t.commitments.length).toBeGreaterThanOrEqual(2);
      expect(t.commitments.length).toBeLessThanOrEqual(5);
      const paragraphs = t.body.filter((b) => b.type === 'paragraph' && !/^\{\{/.test(b.runs[0]?.text ?? ''));
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      const text = plainText(t.body);
      expect(text.split(/\s+/).length).toBeGreaterThan(150);
      expect(text).not.toMatch(/^Dear|\{\{recipient\.salutation\}\}|Yours sincerely|Yours faithfully/m);
      // British spelling, not American.
      expect(text).not.toMatch(/\b(organization|recognize|behavior|program\b|center\b)/i);
    });

    it('reads back unchanged after being written out again', async () => {
      const t = await builtIn(id);
      const again = parseTemplate(serialiseTemplate(t), `${id}.md`, { id, builtIn: true });
      expect(again).toEqual({ ok: true, template: t });
    });
  });

  it('have the deadlines and commitments the office would ask for', async () => {
    const safeguarding = await builtIn('safeguarding-action-plan');
    expect(safeguarding.deadline).toEqual({ kind: 'calendar', days: 14 });
    expect(safeguarding.commitments.join(' ')).toMatch(/written and public action plan/i);
    expect(safeguarding.commitments.join(' ')).toMatch(/not be deployed in schools/i);
    expect(safeguarding.commitments.join(' ')).toMatch(/meeting/i);
    expect(plainText(safeguarding.body)).toMatch(/appropriate adult/);
    expect(safeguarding.signatories).toEqual(['Philip Glanville', 'Anntoinette Bramble']);

    const chaser = await builtIn('chaser-overdue-reply');
    expect(chaser.deadline).toEqual({ kind: 'working', days: 10 });
    expect(plainText(chaser.body)).toMatch(/Scrutiny Commission/);
    expect(chaser.subject).toContain('{{original.subject}}');

    const scrutiny = await builtIn('scrutiny-written-answers');
    expect(scrutiny.deadline).toEqual({ kind: 'working', days: 10 });
    const questions = scrutiny.body.find((b) => b.type === 'orderedList');
    expect(questions?.type === 'orderedList' && questions.items.length).toBeGreaterThanOrEqual(4);
    expect(plainText(scrutiny.body)).toMatch(/\[day and date of the meeting/);

    const iopc = await builtIn('iopc-complaints-and-culture');
    expect(plainText(iopc.body)).toMatch(/complaints system is not trusted/);
    expect(plainText(iopc.body)).toMatch(/culture change/);
    const mopac = await builtIn('mopac-representation-and-data');
    expect(plainText(mopac.body)).toMatch(/disproportionate|disproportionality/);
    expect(mopac.commitments.join(' ')).toMatch(/stop and search data/);
  });
});
