import { parseIsoDate, type IsoDate } from '../dates/londonDate';
import { addCalendarDays, toUtc } from '../deadlines/calendarMath';

/**
 * Calendar arithmetic for deadline phrases ("by 31 March", "by the end of the month"). Everything works on
 * `yyyy-MM-dd` strings, which compare correctly as strings, so no time zone can shift a date.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Full names before their abbreviations, so "March" is not matched as "Mar" followed by "ch". */
export const MONTH_SOURCE =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)';
export const WEEKDAY_SOURCE = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)';

/** 1–12 for a month name or abbreviation, else null. */
export function monthNumber(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date, if it exists: 31 February gives null rather than 3 March. */
export function isoOf(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return parseIsoDate(iso) ? iso : null;
}

/**
 * "by 31 March" in a letter dated 17 March 2022 means 31 March 2022; dated 1 April 2022, it means 31 March
 * 2023. Looks a few years ahead so that 29 February finds the next leap year.
 */
export function nextOnOrAfter(from: IsoDate | null, month: number, day: number): IsoDate | null {
  const p = from ? parseIsoDate(from) : null;
  if (!p || !from) return null;
  for (let year = p.year; year <= p.year + 8; year++) {
    const iso = isoOf(year, month, day);
    if (iso && iso >= from) return iso;
  }
  return null;
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  // Day 0 of the next month is the last day of this one.
  const d = new Date(Date.UTC(year, month, 0));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The same day `months` later, clamped to the month's end: 31 January + 1 month is 28 or 29 February. */
export function addMonths(from: IsoDate, months: number): IsoDate | null {
  const p = parseIsoDate(from);
  if (!p) return null;
  const index = p.month - 1 + months;
  const year = p.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = lastDayOfMonth(year, month);
  const lastDay = Number(last.slice(8));
  return isoOf(year, month, Math.min(p.day, lastDay));
}

/** "The end of the week" in an office: the Friday on or after the date (the one after that for "next week"). */
export function endOfWeek(from: IsoDate, next: boolean): IsoDate | null {
  if (!parseIsoDate(from)) return null;
  const day = toUtc(from).getUTCDay();
  return addCalendarDays(from, ((5 - day + 7) % 7) + (next ? 7 : 0));
}

/** 31 March on or after the date: the end of the UK financial year. */
export function endOfFinancialYear(from: IsoDate, next: boolean): IsoDate | null {
  const end = nextOnOrAfter(from, 3, 31);
  const p = end ? parseIsoDate(end) : null;
  return p ? isoOf(p.year + (next ? 1 : 0), 3, 31) : null;
}
