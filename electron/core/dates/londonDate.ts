import { TZDate, tz } from '@date-fns/tz';
import { format, getDate, getMonth, getYear, isValid, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/**
 * Calendar dates (`yyyy-MM-dd`) as they are in London at a given instant, whatever the machine's time zone.
 * A letter written at 00:30 on 1 July BST is dated 1 July even on a laptop set to UTC (where it is still
 * 30 June); @date-fns/tz does the zone arithmetic, including both DST changes.
 */
export const LONDON = tz('Europe/London');

export type IsoDate = string; // yyyy-MM-dd

export function londonDate(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', { in: LONDON });
}

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar day as a date-fns date at the machine's local midnight, or null if it is not a real
 * `yyyy-MM-dd` date. Only whole days are ever asked of it (day, month, weekday, days apart), which do not
 * depend on the zone, and it never becomes an instant. parseISO alone would also take `2022-03` or
 * `20220317`, hence the pattern first; it refuses `2022-02-30` rather than rolling it into March.
 */
export function calendarDay(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const d = parseISO(text);
  // Years before 100 are refused as they always were: JavaScript reads them as 19yy.
  return isValid(d) && getYear(d) >= 100 ? d : null;
}

/** A real calendar date in `yyyy-MM-dd`, or null: `2022-02-30` and `17/03/2022` are refused. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const d = calendarDay(text);
  return d ? { year: getYear(d), month: getMonth(d) + 1, day: getDate(d) } : null;
}

/** `2022-03-17` → `17 March 2022`, the form every letter and screen uses. */
export function formatIsoDate(date: IsoDate): string {
  const d = calendarDay(date);
  return d ? format(d, 'd MMMM y', { locale: enGB }) : date;
}

/** `2022-04-02` → `Saturday 2 April 2022`: the weekday is what tells a reader why a date moved. */
export function formatWithWeekday(date: IsoDate): string {
  const d = calendarDay(date);
  return d ? format(d, 'EEEE d MMMM y', { locale: enGB }) : date;
}

/** The instant a London day begins (midnight, British time), as an ISO timestamp in UTC. */
export function londonDayStart(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date)!;
  return new Date(new TZDate(year, month - 1, day, 'Europe/London').getTime()).toISOString();
}
