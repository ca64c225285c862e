import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWeekend } from '../../../electron/core/deadlines/calendarMath';
import { bankHolidays, bankHolidaysFrom, buildWorkingCalendar, deadlineSettingsSchema, HOLIDAY_YEARS } from '../../../electron/services/deadlines/bankHolidays';
import { england, region, weekendsOnly, working } from './calendars';

const inYear = (map: ReadonlyMap<string, string>, year: number) => [...map].filter(([d]) => d.startsWith(`${year}-`));

/** England and Wales, 2022, as GOV.UK lists them (https://www.gov.uk/bank-holidays). */
const ENGLAND_2022: [string, string, string, string][] = [
  // holiday, its name, a day before it, 1 working day from that day
  ['2022-01-03', 'New Year’s Day (substitute day)', '2022-01-02', '2022-01-04'],
  ['2022-04-15', 'Good Friday', '2022-04-14', '2022-04-19'],
  ['2022-04-18', 'Easter Monday', '2022-04-17', '2022-04-19'],
  ['2022-05-02', 'Early May bank holiday', '2022-05-01', '2022-05-03'],
  ['2022-06-02', 'Spring bank holiday', '2022-06-01', '2022-06-06'],
  ['2022-06-03', 'Queen’s Platinum Jubilee', '2022-06-02', '2022-06-06'],
  ['2022-08-29', 'Summer bank holiday', '2022-08-28', '2022-08-30'],
  ['2022-09-19', 'Queen Elizabeth’s Funeral Day', '2022-09-18', '2022-09-20'],
  ['2022-12-26', 'Boxing Day', '2022-12-25', '2022-12-28'],
  ['2022-12-27', 'Christmas Day (substitute day)', '2022-12-26', '2022-12-28'],
];

describe('England and Wales bank holidays', () => {
  it('are exactly the ten days GOV.UK lists for 2022, the Jubilee and the State Funeral included', () => {
    expect(inYear(bankHolidays('england-and-wales'), 2022)).toEqual(ENGLAND_2022.map(([d, name]) => [d, name]));
  });

  it.each(ENGLAND_2022)('%s (%s) is skipped by a working-day deadline', (holiday, name, from, expected) => {
    const c = working(1, from);
    expect(c.date).toBe(expected);
    expect(c.skipped).toContainEqual({ date: holiday, reason: name });
    // Without the holiday the deadline would have been the holiday itself (or earlier).
    expect(working(1, from, weekendsOnly).date <= holiday).toBe(true);
  });

  it('move a deadline across the Platinum Jubilee and the State Funeral', () => {
    expect(working(10, '2022-05-27').date).toBe('2022-06-14');
    expect(working(10, '2022-05-27', weekendsOnly).date).toBe('2022-06-10');
    expect(working(10, '2022-09-12').date).toBe('2022-09-27');
    expect(working(10, '2022-09-12', weekendsOnly).date).toBe('2022-09-26');
  });

  it('are the same for Wales as for England in every year loaded', () => {
    const publicDays = (state: string) => {
      const hd = new Holidays('GB', state);
      const out: string[] = [];
      for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y += 1) for (const h of hd.getHolidays(y)) if (h.type === 'public') out.push(h.date);
      return out;
    };
    const eng = publicDays('ENG');
    expect(eng.length).toBeGreaterThan(8 * (HOLIDAY_YEARS.last - HOLIDAY_YEARS.first));
    expect(publicDays('WLS')).toEqual(eng);
  });

  it('leave out observances and holidays that fall on a weekend (their substitute days are listed)', () => {
    const map = bankHolidays('england-and-wales');
    expect(map.has('2022-03-27')).toBe(false); // Mother's Day
    expect(map.has('2022-12-25')).toBe(false); // a Sunday; 27 December is the day off
    expect(map.has('2022-01-01')).toBe(false); // a Saturday; 3 January is the day off
    expect([...map.keys()].filter(isWeekend)).toEqual([]);
  });

  it('are only the library’s public holidays, on weekdays, by their date in the UK', () => {
    const entries = [
      { date: '2022-06-03 00:00:00', type: 'public', name: 'Queen’s Platinum Jubilee' },
      { date: '2022-06-06 00:00:00', type: 'observance', name: 'A weekday observance' },
      { date: '2022-06-07 00:00:00', type: 'optional', name: 'An optional day' },
      { date: '2022-06-08 00:00:00', type: 'bank', name: 'A bank-only closure' },
      { date: '2022-06-04 00:00:00', type: 'public', name: 'A Saturday holiday' },
      { date: '2022-09-19 00:00:00 +0100', type: 'public', name: "Queen Elizabeth's Funeral Day" },
    ];
    expect([...bankHolidaysFrom(entries)]).toEqual([
      ['2022-06-03', 'Queen’s Platinum Jubilee'],
      ['2022-09-19', 'Queen Elizabeth’s Funeral Day'],
    ]);
  });

  it('cover the whole span of years, VE Day 2020 and the Coronation included', () => {
    const map = bankHolidays('england-and-wales');
    expect(map.get('2015-12-28')).toBe('Boxing Day (substitute day)');
    expect(map.get('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(map.has('2020-05-04')).toBe(false);
    expect(map.get('2023-05-08')).toBe('King Charles III’s Coronation');
    expect(map.get('2045-12-25')).toBe('Christmas Day');
    for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y += 1) expect(inYear(map, y).length, String(y)).toBeGreaterThanOrEqual(8);
  });

  it('are loaded once per region', () => {
    expect(bankHolidays('england-and-wales')).toBe(bankHolidays('england-and-wales'));
    expect(bankHolidays('scotland')).not.toBe(bankHolidays('england-and-wales'));
  });
});

describe('Easter', () => {
  it('skips Good Friday and Easter Monday in England and Wales', () => {
    expect(working(10, '2022-04-08').date).toBe('2022-04-26');
    expect(working(5, '2024-03-27').date).toBe('2024-04-05'); // Good Friday 29 March, Easter Monday 1 April
    expect(working(1, '2025-04-17').date).toBe('2025-04-22');
  });

  it('skips only Good Friday in Scotland', () => {
    expect(working(10, '2022-04-08', region('scotland')).date).toBe('2022-04-25');
    expect(working(1, '2025-04-17', region('scotland')).date).toBe('2025-04-21');
  });
});

describe('Scotland and Northern Ireland', () => {
  it('Scotland keeps 2 January', () => {
    expect(bankHolidays('scotland').has('2026-01-02')).toBe(true);
    expect(bankHolidays('england-and-wales').has('2026-01-02')).toBe(false);
    expect(working(1, '2025-12-31').date).toBe('2026-01-02');
    expect(working(1, '2025-12-31', region('scotland')).date).toBe('2026-01-05');
    // 2023: New Year's Day is a Sunday, so England is off on the 2nd, Scotland on the 2nd and 3rd.
    expect(working(1, '2023-01-01').date).toBe('2023-01-03');
    expect(working(1, '2023-01-01', region('scotland')).date).toBe('2023-01-04');
  });

  it('Scotland keeps St Andrew’s Day, with a substitute when it falls on a Sunday', () => {
    expect(bankHolidays('scotland').get('2022-11-30')).toBe('St Andrew’s Day');
    expect(working(5, '2022-11-29').date).toBe('2022-12-06');
    expect(working(5, '2022-11-29', region('scotland')).date).toBe('2022-12-07');
    expect(bankHolidays('scotland').has('2025-12-01')).toBe(true);
    expect(bankHolidays('england-and-wales').has('2025-12-01')).toBe(false);
  });

  it('Scotland’s summer bank holiday is the first Monday in August, England’s the last', () => {
    expect(bankHolidays('scotland').has('2022-08-01')).toBe(true);
    expect(bankHolidays('scotland').has('2022-08-29')).toBe(false);
    expect(bankHolidays('england-and-wales').has('2022-08-01')).toBe(false);
  });

  it('Northern Ireland keeps St Patrick’s Day and the Twelfth (on the Monday when it is a Saturday)', () => {
    const ni = bankHolidays('northern-ireland');
    expect(ni.has('2022-03-17')).toBe(true);
    expect(ni.has('2022-07-12')).toBe(true);
    expect(ni.has('2025-07-14')).toBe(true);
    expect(ni.has('2025-07-12')).toBe(false);
    expect(working(1, '2022-03-16', region('northern-ireland')).date).toBe('2022-03-18');
  });
});

describe('deadline settings', () => {
  it('default to England and Wales, rolling forward, with no changes of the office’s own', () => {
    expect(deadlineSettingsSchema.parse({})).toEqual({ region: 'england-and-wales', rollForward: true, added: [], removed: [] });
  });

  it('refuse an unknown region, a date that does not exist and an unnamed holiday', () => {
    expect(deadlineSettingsSchema.safeParse({ region: 'wales' }).success).toBe(false);
    expect(deadlineSettingsSchema.safeParse({ removed: ['2022-02-30'] }).success).toBe(false);
    expect(deadlineSettingsSchema.safeParse({ added: [{ date: '2022-03-25', name: '  ' }] }).success).toBe(false);
    expect(deadlineSettingsSchema.safeParse({ added: [{ date: '2022-03-25', name: 'Office closure' }] }).success).toBe(true);
  });

  it('build a calendar for the chosen region without changing the shared holiday list', () => {
    const cal = buildWorkingCalendar({ region: 'scotland', rollForward: false, added: [{ date: '2022-03-25', name: 'Office closure' }], removed: ['2022-11-30'] });
    expect(cal.region).toBe('scotland');
    expect(cal.rollForward).toBe(false);
    expect(cal.holidays.get('2022-03-25')).toBe('Office closure');
    expect(cal.holidays.has('2022-11-30')).toBe(false);
    expect(bankHolidays('scotland').has('2022-11-30')).toBe(true);
    expect(bankHolidays('scotland').has('2022-03-25')).toBe(false);
    expect(england().holidays.has(addCalendarDays('2022-03-24', 1))).toBe(false);
  });
});
