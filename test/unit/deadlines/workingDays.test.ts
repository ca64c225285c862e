import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWeekend } from '../../../electron/core/deadlines/calendarMath';
import { calculateDeadline } from '../../../electron/core/deadlines/deadlineCalculation';
import { isWorkingDay, nextWorkingDay } from '../../../electron/core/deadlines/workingCalendar';
import { england, weekendsOnly, working } from './calendars';

describe('working days', () => {
  it('count from the day after, skipping weekends', () => {
    const c = working(10, '2022-03-17');
    expect(c.date).toBe('2022-03-31');
    expect(c.skipped).toEqual([
      { date: '2022-03-19', reason: 'weekend' },
      { date: '2022-03-20', reason: 'weekend' },
      { date: '2022-03-26', reason: 'weekend' },
      { date: '2022-03-27', reason: 'weekend' },
    ]);
    expect(c.rolledFrom).toBeNull();
  });

  it('treat a Friday letter as due the next Monday for one working day', () => {
    expect(working(1, '2022-03-18').date).toBe('2022-03-21');
    expect(working(5, '2022-03-18').date).toBe('2022-03-25');
  });

  it('start from a weekend without counting it', () => {
    expect(working(5, '2022-03-19').date).toBe('2022-03-25');
    expect(working(5, '2022-03-20').date).toBe('2022-03-25');
    expect(working(1, '2022-03-19').skipped).toEqual([{ date: '2022-03-20', reason: 'weekend' }]);
  });

  it('never end on a weekend, whatever the count', () => {
    for (let days = 1; days <= 40; days += 1) {
      const c = working(days, '2022-01-05');
      expect(isWeekend(c.date), `${days} working days`).toBe(false);
      expect(isWorkingDay(c.date, england())).toBe(true);
    }
  });

  it('refuse a rule outside 1–366 days rather than give a wrong date', () => {
    expect(() => calculateDeadline({ kind: 'working', days: 0 }, '2022-03-17', weekendsOnly)).toThrow(RangeError);
    expect(() => calculateDeadline({ kind: 'calendar', days: 1.5 }, '2022-03-17', weekendsOnly)).toThrow(RangeError);
    expect(() => calculateDeadline({ kind: 'calendar', days: 14 }, '2022-02-30', weekendsOnly)).toThrow(/Not a date/);
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day strictly after the date', () => {
    expect(nextWorkingDay('2022-03-17', england())).toBe('2022-03-18');
    expect(nextWorkingDay('2022-03-18', england())).toBe('2022-03-21');
    expect(nextWorkingDay('2022-04-14', england())).toBe('2022-04-19');
    expect(nextWorkingDay('2022-04-14', weekendsOnly)).toBe('2022-04-15');
  });

  it('agrees with isWorkingDay over a whole year', () => {
    const cal = england();
    for (let d = '2022-01-01'; d < '2023-01-01'; d = addCalendarDays(d, 1)) {
      const next = nextWorkingDay(d, cal);
      expect(isWorkingDay(next, cal)).toBe(true);
      for (let between = addCalendarDays(d, 1); between < next; between = addCalendarDays(between, 1)) expect(isWorkingDay(between, cal)).toBe(false);
    }
  });
});
