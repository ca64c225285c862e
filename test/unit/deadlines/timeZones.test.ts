import { describe, expect, it } from 'vitest';
import { londonDate } from '../../../electron/core/dates/londonDate';
import { addCalendarDays, daysBetween, fromUtc, isWeekend, toUtc } from '../../../electron/core/deadlines/calendarMath';
import { calendarDays, england, working } from './calendars';

/**
 * A deadline is a day, not an instant: nothing here may depend on the machine's zone or on the clocks
 * changing. `npm run test:timezones` runs these under UTC, London, New York and Auckland.
 */
describe('the clocks going forward (27 March 2022) and back (30 October 2022)', () => {
  it('calendar days across them land on the same day', () => {
    expect(calendarDays(1, '2022-03-26', england(false)).date).toBe('2022-03-27');
    expect(calendarDays(1, '2022-03-27', england(false)).date).toBe('2022-03-28');
    expect(calendarDays(7, '2022-03-24').date).toBe('2022-03-31');
    expect(calendarDays(14, '2022-03-20', england(false)).date).toBe('2022-04-03');
    expect(calendarDays(14, '2022-03-20', england(true)).date).toBe('2022-04-04');
    expect(calendarDays(1, '2022-10-29', england(false)).date).toBe('2022-10-30');
    expect(calendarDays(1, '2022-10-30').date).toBe('2022-10-31');
    expect(calendarDays(7, '2022-10-27').date).toBe('2022-11-03');
  });

  it('working days across them land on the same day', () => {
    expect(working(5, '2022-03-25').date).toBe('2022-04-01');
    expect(working(3, '2022-10-28').date).toBe('2022-11-02');
    expect(working(1, '2022-10-28').skipped.map((s) => s.date)).toEqual(['2022-10-29', '2022-10-30']);
  });

  it('days between dates across them are whole days', () => {
    expect(daysBetween('2022-03-26', '2022-03-28')).toBe(2);
    expect(daysBetween('2022-10-29', '2022-10-31')).toBe(2);
    expect(daysBetween('2022-01-01', '2023-01-01')).toBe(365);
    expect(isWeekend('2022-03-27')).toBe(true);
    expect(isWeekend('2022-10-31')).toBe(false);
    expect(fromUtc(toUtc('2022-10-30'))).toBe('2022-10-30');
  });

  it('walking day by day from 2015 to 2045 never skips or repeats a date', () => {
    const start = Date.UTC(2015, 0, 1);
    let d = '2015-01-01';
    for (let n = 1; n <= 11_322; n += 1) {
      d = addCalendarDays(d, 1);
      const expected = new Date(start + n * 86_400_000).toISOString().slice(0, 10);
      if (d !== expected) expect(d).toBe(expected);
    }
    expect(d).toBe('2045-12-31');
  });
});

describe('londonDate', () => {
  it.each([
    ['2022-03-26T23:30:00Z', '2022-03-26'], // GMT: still the 26th
    ['2022-03-27T00:59:59Z', '2022-03-27'], // a second before the clocks go forward
    ['2022-03-27T01:00:00Z', '2022-03-27'], // 02:00 BST
    ['2022-03-27T23:30:00Z', '2022-03-28'], // 00:30 BST on the 28th
    ['2022-06-30T23:30:00Z', '2022-07-01'], // summer: London is an hour ahead of UTC
    ['2022-10-29T23:30:00Z', '2022-10-30'], // 00:30 BST on the 30th
    ['2022-10-30T00:59:59Z', '2022-10-30'], // 01:59:59 BST, just before the clocks go back
    ['2022-10-30T01:00:00Z', '2022-10-30'], // 01:00 GMT, the hour again
    ['2022-10-30T23:30:00Z', '2022-10-30'], // GMT again: still the 30th
    ['2022-12-31T23:59:59Z', '2022-12-31'],
    ['2023-01-01T00:00:00Z', '2023-01-01'],
  ])('%s is %s in London', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });
});

/** Offsets on 1 June 2022, to prove the runner really changed zone (a skipped change would pass everything). */
const JUNE_OFFSET: Record<string, number> = { UTC: 0, 'Etc/UTC': 0, 'Europe/London': -60, 'America/New_York': 240, 'Pacific/Auckland': -720 };

describe('the time zone of this run', () => {
  const tz = process.env['TZ'];
  it.runIf(tz !== undefined && tz in JUNE_OFFSET)(`is ${tz ?? 'not set'}`, () => {
    expect(new Date(2022, 5, 1).getTimezoneOffset()).toBe(JUNE_OFFSET[tz ?? '']);
  });
});
