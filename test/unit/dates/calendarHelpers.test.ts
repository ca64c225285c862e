import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../electron/core/dates/britishDate';
import { calendarDay, formatIsoDate, formatWithWeekday, londonDate, parseIsoDate } from '../../../electron/core/dates/londonDate';
import { addCalendarDays, assertIsoDate, daysBetween, fromUtc, isWeekend, toUtc } from '../../../electron/core/deadlines/calendarMath';
import { isoDate } from '../../../electron/core/letters/isoDate';

/**
 * The calendar helpers after their move to date-fns: the same answers as the hand-written arithmetic they
 * replaced, in every zone `npm run test:timezones` runs them in.
 */
describe('parseIsoDate and the isoDate schema', () => {
  it.each([
    ['2022-03-17', { year: 2022, month: 3, day: 17 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0100-01-01', { year: 100, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('%s is a date', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts);
    expect(isoDate.safeParse(text).success).toBe(true);
  });

  it.each(['2022-02-30', '2023-02-29', '1900-02-29', '2022-04-31', '2022-13-01', '2022-00-10', '2022-01-00', '17/03/2022', '2022-3-17', '20220317', '2022-03', '2022-03-17T00:00:00Z', ' 2022-03-17', '0022-03-17', ''])(
    '%j is not',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
      expect(calendarDay(text)).toBeNull();
      expect(isoDate.safeParse(text).success).toBe(false);
    },
  );
});

describe('formatting', () => {
  it('writes dates as the office does', () => {
    expect(formatIsoDate('2022-03-17')).toBe('17 March 2022');
    expect(formatIsoDate('2022-03-01')).toBe('1 March 2022');
    expect(formatIsoDate('not a date')).toBe('not a date');
    expect(formatWithWeekday('2022-04-02')).toBe('Saturday 2 April 2022');
    expect(formatWithWeekday('2022-03-27')).toBe('Sunday 27 March 2022'); // the clocks go forward
    expect(formatWithWeekday('2022-10-30')).toBe('Sunday 30 October 2022'); // and back
  });

  it('writes an instant as the time in London, in winter and in summer', () => {
    expect(formatDateTime('2022-01-17T09:05:00Z')).toBe('17 January 2022, 09:05');
    expect(formatDateTime('2022-07-17T09:05:00Z')).toBe('17 July 2022, 10:05');
    expect(formatDateTime('2022-06-30T23:30:00Z')).toBe('1 July 2022, 00:30');
    expect(() => formatDateTime('nonsense')).toThrow(RangeError);
  });

  it('gives the date in London around both clock changes', () => {
    expect(londonDate(new Date('2022-03-27T00:59:59Z'))).toBe('2022-03-27');
    expect(londonDate(new Date('2022-10-29T23:30:00Z'))).toBe('2022-10-30');
    expect(londonDate(new Date('2022-10-30T23:30:00Z'))).toBe('2022-10-30');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years, leap days and clock changes', () => {
    expect(addCalendarDays('2022-03-17', 14)).toBe('2022-03-31');
    expect(addCalendarDays('2022-03-26', 1)).toBe('2022-03-27');
    expect(addCalendarDays('2022-10-30', 1)).toBe('2022-10-31');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addCalendarDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addCalendarDays('2022-03-17', 0)).toBe('2022-03-17');
    expect(addCalendarDays('2022-03-17', 366)).toBe('2023-03-18');
  });

  it('counts whole days between dates, either way round', () => {
    expect(daysBetween('2022-03-17', '2022-03-31')).toBe(14);
    expect(daysBetween('2022-03-31', '2022-03-17')).toBe(-14);
    expect(daysBetween('2022-03-20', '2022-04-03')).toBe(14); // across the clocks going forward
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2022-03-17', '2022-03-17')).toBe(0);
  });

  it('knows a weekend from a weekday', () => {
    expect(['2022-03-18', '2022-03-19', '2022-03-20', '2022-03-21'].map(isWeekend)).toEqual([false, true, true, false]);
  });

  it('refuses what is not a date rather than guessing', () => {
    expect(() => addCalendarDays('2022-02-30', 1)).toThrow('Not a date: 2022-02-30');
    expect(() => isWeekend('17/03/2022')).toThrow('Not a date');
    expect(() => daysBetween('2022-03-17', '')).toThrow('Not a date');
    expect(() => assertIsoDate('2022-13-01')).toThrow('Not a date');
    expect(() => toUtc('2022-02-29')).toThrow('Not a date');
  });

  it('keeps UTC midnights for callers that read them in UTC', () => {
    const d = toUtc('2022-03-27');
    expect(d.getTime()).toBe(Date.UTC(2022, 2, 27));
    expect(d.getUTCDay()).toBe(0);
    expect(fromUtc(d)).toBe('2022-03-27');
    expect(fromUtc(new Date(Date.UTC(2022, 9, 30)))).toBe('2022-10-30');
    expect(fromUtc(new Date('2022-10-30T23:59:59Z'))).toBe('2022-10-30');
  });
});
