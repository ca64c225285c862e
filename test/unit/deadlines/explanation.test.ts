import { describe, expect, it } from 'vitest';
import { EXPLANATION_MAX } from '../../../electron/core/deadlines/explainDeadline';
import { calendarDays, england, region, working } from './calendars';

describe('how a deadline was worked out, in words', () => {
  it('groups each weekend’s two days and writes the year once', () => {
    expect(working(10, '2022-03-17').explanation).toBe(
      '10 working days from 17 March 2022, skipping the weekends of 19–20 March and 26–27 March 2022 → 31 March 2022',
    );
    expect(working(3, '2022-03-14').explanation).toBe('3 working days from 14 March 2022 → 17 March 2022');
    expect(working(1, '2022-03-19').explanation).toBe('1 working day from 19 March 2022, skipping the weekend of 20 March 2022 → 21 March 2022');
  });

  it('names each bank holiday with its date', () => {
    expect(working(10, '2022-04-08').explanation).toBe(
      '10 working days from 8 April 2022, skipping the weekends of 9–10 April, 16–17 April and 23–24 April 2022; ' +
        'Good Friday, 15 April 2022; and Easter Monday, 18 April 2022 → 26 April 2022',
    );
    expect(working(1, '2022-06-02').explanation).toBe(
      '1 working day from 2 June 2022, skipping the weekend of 4–5 June 2022 and Queen’s Platinum Jubilee, 3 June 2022 → 6 June 2022',
    );
  });

  it('writes the year on every weekend when they cross into the next', () => {
    expect(working(10, '2022-12-20').explanation).toBe(
      '10 working days from 20 December 2022, skipping the weekends of 24–25 December 2022 and 31 December 2022–1 January 2023; ' +
        'Boxing Day, 26 December 2022; Christmas Day (substitute day), 27 December 2022; and New Year’s Day (substitute day), 2 January 2023 → 6 January 2023',
    );
  });

  it('says where a calendar-day deadline landed and why it moved', () => {
    expect(calendarDays(14, '2022-03-18').explanation).toBe('14 calendar days from 18 March 2022 is Friday 1 April 2022');
    expect(calendarDays(14, '2022-03-19', england(true)).explanation).toBe(
      '14 calendar days from 19 March 2022 falls on Saturday 2 April 2022, a weekend, so the deadline moves to Monday 4 April 2022',
    );
    expect(calendarDays(14, '2022-04-01', england(true)).explanation).toBe(
      '14 calendar days from 1 April 2022 falls on Friday 15 April 2022, Good Friday, so the deadline moves to Tuesday 19 April 2022, ' +
        'after the weekend of 16–17 April 2022 and Easter Monday, 18 April 2022',
    );
  });

  it('says when it did not move because roll-forward is off', () => {
    expect(calendarDays(14, '2022-03-19', england(false)).explanation).toBe(
      '14 calendar days from 19 March 2022 is Saturday 2 April 2022, a weekend, and stays there because roll-forward is off',
    );
    expect(calendarDays(14, '2022-04-04', england(false)).explanation).toBe(
      '14 calendar days from 4 April 2022 is Monday 18 April 2022, Easter Monday, and stays there because roll-forward is off',
    );
  });

  it('summarises long runs to stay short, never hiding a single one', () => {
    const long = working(200, '2022-01-04').explanation;
    expect(long).toBe(
      '200 working days from 4 January 2022, skipping the weekends of 8–9 January, 15–16 January, 22–23 January 2022 and 38 other weekends; ' +
        'Good Friday, 15 April 2022; Easter Monday, 18 April 2022; Early May bank holiday, 2 May 2022; Spring bank holiday, 2 June 2022; ' +
        'and 3 other holidays → 20 October 2022',
    );
    expect(working(10, '2026-12-24', region('scotland')).explanation).toBe(
      '10 working days from 24 December 2026, skipping the weekends of 26–27 December 2026 and 2 other weekends; Christmas Day, 25 December 2026; ' +
        'Boxing Day (substitute day), 28 December 2026; and 2 other holidays → 13 January 2027',
    );
    for (const days of [20, 60, 120, 250, 366]) {
      for (const from of ['2022-01-04', '2022-11-20', '2026-12-24']) {
        const text = working(days, from, region('scotland')).explanation;
        expect(text.length, text).toBeLessThanOrEqual(EXPLANATION_MAX);
        expect(text).not.toMatch(/\b1 other/);
      }
    }
  });
});
