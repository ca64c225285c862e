import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBritishDate } from '../../../electron/core/dates/readBritishDate';

/**
 * What an officer types, and what the app must make of it. Day first, always; anything it cannot read
 * for certain is refused with a message the officer can act on. `npm run test:timezones` runs this under
 * UTC, London, New York and Auckland: a typed date is a day, and no machine zone may move it.
 */
const TODAY = '2027-01-10';
const HOW = 'Type a date such as 17/03/2027 or 17 March 2027.';

const ACCEPTED: [string, string][] = [
  ['17/03/2027', '2027-03-17'],
  ['17/3/27', '2027-03-17'],
  ['17.03.2027', '2027-03-17'],
  ['17-03-2027', '2027-03-17'],
  ['17 March 2027', '2027-03-17'],
  ['17 Mar 2027', '2027-03-17'],
  ['17th March 2027', '2027-03-17'],
  ['Wednesday 17 March 2027', '2027-03-17'],
  ['2027-03-17', '2027-03-17'],
  ['  17/03/2027  ', '2027-03-17'],
  ['\t17 march 2027\n', '2027-03-17'],
  ['17 MARCH 2027', '2027-03-17'],
  ['17 mArCh 2027', '2027-03-17'],
  ['17 / 03 / 2027', '2027-03-17'],
  ['17 03 2027', '2027-03-17'],
  ['17\u00a0March\u00a02027', '2027-03-17'], // non-breaking spaces, as pasted from Word
  ['17 March 2027.', '2027-03-17'],
  ['Wed 17 Mar 2027', '2027-03-17'],
  ['Wednesday, 17th of March 2027', '2027-03-17'],
  ['17-Mar-27', '2027-03-17'],
  ['1st Sept 2027', '2027-09-01'],
  ['2nd Feb. 2027', '2027-02-02'],
  ['3rd June 2027', '2027-06-03'],
  ['03/04/2027', '2027-04-03'], // 3 April, never 4 March
  ['4/3/2027', '2027-03-04'],
  ['12/11/2027', '2027-11-12'],
  ['29/02/2028', '2028-02-29'], // a leap year
  ['29/02/2000', '2000-02-29'], // divisible by 400: a leap year
  ['31/12/2027', '2027-12-31'],
  ['1/1/00', '2000-01-01'], // two-digit years are 20yy
  ['31/12/99', '2099-12-31'],
  ['1/1/1900', '1900-01-01'],
  ['31/12/2100', '2100-12-31'],
  ['today', TODAY],
  ['Tomorrow', '2027-01-11'],
  ['yesterday', '2027-01-09'],
];

const REFUSED: [string, string][] = [
  ['', 'Enter a date.'],
  ['   ', 'Enter a date.'],
  ['31/02/2027', 'There is no 31 February 2027.'],
  ['30 February 2027', 'There is no 30 February 2027.'],
  ['29/02/2027', '2027 is not a leap year, so there is no 29 February 2027.'],
  ['29/02/2100', '2100 is not a leap year, so there is no 29 February 2100.'], // a century, not divisible by 400
  ['31/04/2027', 'There is no 31 April 2027: April has 30 days.'],
  ['31 June 2027', 'There is no 31 June 2027: June has 30 days.'],
  ['00/01/2027', 'There is no 0 January 2027.'],
  ['32/01/2027', 'There is no 32 January 2027.'],
  ['17/13/2027', 'There is no month 13. Dates are read day first, then the month (1 to 12).'],
  ['17/00/2027', 'There is no month 0. Dates are read day first, then the month (1 to 12).'],
  ['03/17/2027', 'There is no month 17. Dates are read day first: did you mean 17 March 2027?'],
  ['12/25/27', 'There is no month 25. Dates are read day first: did you mean 25 December 2027?'],
  ['2027-17-03', 'There is no month 17. Dates are read day first: did you mean 17 March 2027?'],
  ['March 17 2027', 'Dates are read day first: did you mean 17 March 2027?'],
  ['March 17th, 2027', 'Dates are read day first: did you mean 17 March 2027?'],
  ['2027/03/17', 'Dates are read day first: did you mean 17 March 2027?'],
  ['17/03', 'Add the year: did you mean 17 March 2027?'],
  ['17 March', 'Add the year: did you mean 17 March 2027?'],
  ['29 Feb', 'Add the year: did you mean 29 February 2028?'],
  ['17/03/202', '“202” is not a year: type it in full, as in 2027, or as two digits, as in 27.'],
  ['17/03/7', '“7” is not a year: type it in full, as in 2027, or as two digits, as in 27.'],
  ['17/03/20270', '“20270” is not a year: type it in full, as in 2027, or as two digits, as in 27.'],
  ['17/03/1850', 'Check the year: 1850 looks like a typing slip. Dates from 1900 to 2100 are accepted.'],
  ['17/03/2207', 'Check the year: 2207 looks like a typing slip. Dates from 1900 to 2100 are accepted.'],
  ['Tuesday 17 March 2027', '17 March 2027 is a Wednesday, not a Tuesday. Check the day or the date.'],
  ['Fri 17/03/2027', '17 March 2027 is a Wednesday, not a Friday. Check the day or the date.'],
  ['17 Marhc 2027', 'Check the month: “marhc” is not the name of a month.'],
  ['17 Ma 2027', 'Check the month: “ma” is not the name of a month.'],
  ['hello', HOW],
  ['next Tuesday', HOW],
  ['March 2027', HOW],
  ['Wednesday', HOW],
  ['17', HOW],
  ['17//03/2027', HOW],
  ['17/03/2027 10:30', HOW],
  ['١٧/٠٣/٢٠٢٧', HOW], // Arabic-Indic digits
  ['17/03\u0000/2027', HOW], // control characters are refused, not stripped
  ['17/03/2027\u0007', HOW],
  ['1'.repeat(10_000), HOW],
  ['17 March 2027 '.repeat(500), HOW],
  ['<script>alert(1)</script>', HOW],
  ["17/03/2027'; DROP TABLE letters;--", HOW],
];

describe('readBritishDate', () => {
  it('has a table big enough to trust', () => {
    expect(ACCEPTED.length + REFUSED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ACCEPTED)('reads %j as %s', (typed, iso) => {
    const r = readBritishDate(typed, { today: TODAY });
    expect(r).toMatchObject({ ok: true, date: iso });
  });

  it.each(REFUSED)('refuses %j: %s', (typed, message) => {
    expect(readBritishDate(typed, { today: TODAY })).toMatchObject({ ok: false, message });
  });

  it('says what it understood in words, with the weekday', () => {
    expect(readBritishDate('17/3/27')).toEqual({ ok: true, date: '2027-03-17', words: 'Wednesday 17 March 2027' });
    expect(readBritishDate('03/04/2027')).toMatchObject({ words: 'Saturday 3 April 2027' });
    expect(readBritishDate('29/02/2028')).toMatchObject({ words: 'Tuesday 29 February 2028' });
  });

  it('names the kind of problem, so a screen can treat an empty field differently', () => {
    const kind = (typed: string) => {
      const r = readBritishDate(typed, { today: TODAY });
      return r.ok ? 'ok' : r.problem;
    };
    expect(['', 'hello', '17/03', '31/02/2027', 'March 17 2027', 'Tuesday 17 March 2027', '17/03/1850'].map(kind)).toEqual([
      'empty',
      'unreadable',
      'incomplete',
      'impossible',
      'order',
      'weekday',
      'out-of-range',
    ]);
  });

  it('reads every day of 2020–2031, and the ends of every month to 2100, three ways, agreeing with the ISO form', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const pad = (n: number) => String(n).padStart(2, '0');
    let days = 0;
    for (let year = 1900; year <= 2100; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const everyDay = year >= 2020 && year <= 2031;
        for (const day of everyDay ? Array.from({ length: 32 }, (_, i) => i) : [0, 1, 28, 29, 30, 31, 32]) {
          const iso = `${year}-${pad(month)}-${pad(day)}`;
          const real = day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          const typed = [`${day}/${month}/${year}`, `${day} ${months[month - 1]} ${year}`, iso];
          for (const text of typed) {
            const r = readBritishDate(text, { today: TODAY });
            if (r.ok !== real || (r.ok && r.date !== iso)) expect({ text, r }).toEqual({ text, r: real ? { ok: true, date: iso } : { ok: false } });
          }
          if (real && everyDay) days += 1;
        }
      }
    }
    expect(days).toBe(12 * 365 + 3); // 2020, 2024 and 2028 are leap years
  });
});

describe('today, when no day is given', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the day in London, whatever the machine zone says', () => {
    vi.useFakeTimers();
    // 23:30 UTC on 30 June is 00:30 BST on 1 July: London has already turned the page.
    vi.setSystemTime(new Date('2027-06-30T23:30:00Z'));
    expect(readBritishDate('today')).toMatchObject({ ok: true, date: '2027-07-01' });
    expect(readBritishDate('17/03')).toMatchObject({ message: 'Add the year: did you mean 17 March 2027?' });
  });

  it('ignores a today that is not a date', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-01-10T12:00:00Z'));
    expect(readBritishDate('today', { today: '10/01/2027' })).toMatchObject({ ok: true, date: '2027-01-10' });
  });
});
