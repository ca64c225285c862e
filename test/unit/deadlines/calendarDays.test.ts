import { describe, expect, it } from 'vitest';
import { calculateDeadline, WITHIN_A_FORTNIGHT } from '../../../electron/core/deadlines/deadlineCalculation';
import { calendarDays, england } from './calendars';

describe('calendar days', () => {
  it('count every day, weekends and holidays included, from the day after', () => {
    expect(calendarDays(14, '2022-03-17').date).toBe('2022-03-31');
    expect(calendarDays(14, '2022-04-08').date).toBe('2022-04-22'); // across Easter, no days lost
    expect(calendarDays(366, '2022-03-17', england(false)).date).toBe('2023-03-18'); // a Saturday: 2023 is not a leap year
    expect(calendarDays(14, '2024-02-20').date).toBe('2024-03-05'); // 29 February counts
  });

  it('“within the next fortnight” is 14 calendar days', () => {
    expect(WITHIN_A_FORTNIGHT).toEqual({ kind: 'calendar', days: 14 });
    expect(calculateDeadline(WITHIN_A_FORTNIGHT, '2022-03-18', england()).date).toBe('2022-04-01');
  });

  it('landing on a Saturday move to Monday when the office rolls forward', () => {
    const c = calendarDays(14, '2022-03-19', england(true));
    expect(c.date).toBe('2022-04-04');
    expect(c.rolledFrom).toBe('2022-04-02');
    expect(c.skipped).toEqual([
      { date: '2022-04-02', reason: 'weekend' },
      { date: '2022-04-03', reason: 'weekend' },
    ]);
  });

  it('landing on a Saturday stay there when it does not', () => {
    const c = calendarDays(14, '2022-03-19', england(false));
    expect(c.date).toBe('2022-04-02');
    expect(c.rolledFrom).toBeNull();
    expect(c.skipped).toEqual([]);
  });

  it('landing on a working day never move', () => {
    const c = calendarDays(14, '2022-03-18', england(true));
    expect(c.date).toBe('2022-04-01');
    expect(c.rolledFrom).toBeNull();
  });

  it('roll past a bank holiday and the weekend and bank holiday after it', () => {
    const c = calendarDays(14, '2022-04-01', england(true)); // lands on Good Friday
    expect(c.rolledFrom).toBe('2022-04-15');
    expect(c.date).toBe('2022-04-19');
    expect(c.skipped.map((s) => s.reason)).toEqual(['Good Friday', 'weekend', 'weekend', 'Easter Monday']);
    expect(calendarDays(14, '2022-12-10', england(true)).date).toBe('2022-12-28');
  });
});
