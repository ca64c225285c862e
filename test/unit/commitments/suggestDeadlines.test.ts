import { describe, expect, it } from 'vitest';
import { suggestCommitments, type SuggestedDeadline } from '../../../electron/core/commitments/suggest';
import { paragraph } from '../../../electron/core/letters/richText';

/** The deadline of the single suggestion from `sentence`, for a letter dated `letterDate`. */
function deadlineOf(sentence: string, letterDate = '2022-03-17'): SuggestedDeadline | null {
  const found = suggestCommitments([paragraph(sentence)], { letterDate });
  expect(found).toHaveLength(1);
  return found[0]?.deadline ?? null;
}

// A letter dated Thursday 17 March 2022, as in the office's reference MCO220317-02.
const CASES: ReadonlyArray<readonly [sentence: string, deadline: SuggestedDeadline]> = [
  ['We ask for a written and public action plan within a fortnight.', { phrase: 'within a fortnight', kind: 'calendar-days', days: 14 }],
  ['Please provide the data within 10 working days.', { phrase: 'within 10 working days', kind: 'working-days', days: 10 }],
  ['Please provide the data within ten working days.', { phrase: 'within ten working days', kind: 'working-days', days: 10 }],
  ['Please provide the data within five business days.', { phrase: 'within five business days', kind: 'working-days', days: 5 }],
  ['Please provide the data within 14 calendar days.', { phrase: 'within 14 calendar days', kind: 'calendar-days', days: 14 }],
  // A bare "days" means calendar days.
  ['Please provide the data within twenty-one days of the date of this letter.', { phrase: 'within twenty-one days of the date of this letter', kind: 'calendar-days', days: 21 }],
  ['Please provide the data within seven days.', { phrase: 'within seven days', kind: 'calendar-days', days: 7 }],
  ['Please provide the data within a week.', { phrase: 'within a week', kind: 'calendar-days', days: 7 }],
  ['Please provide the data within three weeks.', { phrase: 'within three weeks', kind: 'calendar-days', days: 21 }],
  ['Please publish the action plan by 31 March.', { phrase: 'by 31 March', kind: 'date', date: '2022-03-31' }],
  ['Please publish the action plan by 31 March 2022.', { phrase: 'by 31 March 2022', kind: 'date', date: '2022-03-31' }],
  ['Please publish the action plan by Friday 1 April 2022.', { phrase: 'by Friday 1 April 2022', kind: 'date', date: '2022-04-01' }],
  ['Please publish the action plan no later than the 4th of April.', { phrase: 'no later than the 4th of April', kind: 'date', date: '2022-04-04' }],
  ['Please send your written answers before the meeting on 22 June 2021.', { phrase: 'before the meeting on 22 June 2021', kind: 'date', date: '2021-06-22' }],
  ['We ask for your assurance that those officers will not be deployed in schools as a matter of urgency.', { phrase: 'as a matter of urgency', kind: 'urgent' }],
  ['Please urgently confirm that the officers have been removed from school duties.', { phrase: 'urgently', kind: 'urgent' }],
  ['Please confirm as soon as possible who will attend the meeting.', { phrase: 'as soon as possible', kind: 'urgent' }],
  ['Please confirm by return who will attend the meeting.', { phrase: 'by return', kind: 'urgent' }],
  ['We request a meeting with you before the end of the month.', { phrase: 'before the end of the month', kind: 'relative', date: '2022-03-31' }],
  ['We expect the action plan to be published by the end of the year.', { phrase: 'by the end of the year', kind: 'relative', date: '2022-12-31' }],
  ['We expect the action plan to be published by the end of next month.', { phrase: 'by the end of next month', kind: 'relative', date: '2022-04-30' }],
  ['We expect the targets to be set by the end of the financial year.', { phrase: 'by the end of the financial year', kind: 'relative', date: '2022-03-31' }],
  ['Please send your answers to {{office.email}} by {{deadline.date}}.', { phrase: 'by {{deadline.date}}', kind: 'date' }],
];

describe('suggestCommitments: deadline phrases', () => {
  it.each(CASES)('%s', (sentence, deadline) => {
    expect(deadlineOf(sentence)).toEqual(deadline);
  });

  it('reads a day and month without a year as the next such date on or after the letter', () => {
    expect(deadlineOf('Please publish the plan by 31 March.', '2022-03-31')?.date).toBe('2022-03-31');
    expect(deadlineOf('Please publish the plan by 31 March.', '2022-04-01')?.date).toBe('2023-03-31');
    expect(deadlineOf('Please publish the plan by 29 February.', '2022-03-17')?.date).toBe('2024-02-29');
  });

  it('ignores a date that does not exist rather than guessing', () => {
    expect(deadlineOf('Please publish the plan by 31 February 2022.')).toBeNull();
  });

  it('keeps the kind but not the date when the letter date is unusable, and never throws', () => {
    const found = suggestCommitments([paragraph('Please publish the plan by 31 March and confirm the date within 14 days.')], { letterDate: 'not a date' });
    expect(found.map((s) => s.deadline)).toEqual([
      { phrase: 'by 31 March', kind: 'date' },
      { phrase: 'within 14 days', kind: 'calendar-days', days: 14 },
    ]);
    expect(suggestCommitments([paragraph('We request a meeting before the end of the month.')], { letterDate: '2022-02-30' })[0]?.deadline).toEqual({
      phrase: 'before the end of the month',
      kind: 'relative',
    });
  });

  it('gives each of two asks the deadline in its own part of the sentence', () => {
    const found = suggestCommitments(
      [paragraph('Please provide a timetable within a week and confirm the date of the next meeting by the end of the year.')],
      { letterDate: '2022-03-17' },
    );
    expect(found.map((s) => [s.text, s.deadline?.phrase])).toEqual([
      ['A timetable', 'within a week'],
      ['Confirmation of the date of the next meeting', 'by the end of the year'],
    ]);
  });

  it('leaves dates that are not deadlines in the wording', () => {
    const found = suggestCommitments([paragraph('Please send us the minutes of the meeting held on 9 November 2020.')], { letterDate: '2022-03-17' });
    expect(found).toEqual([
      expect.objectContaining({ text: 'The minutes of the meeting held on 9 November 2020', deadline: null }),
    ]);
  });
});
