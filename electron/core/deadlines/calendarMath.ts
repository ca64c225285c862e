import { TZDate, tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, formatISO, isWeekend as isWeekendDay } from 'date-fns';
import { calendarDay, parseIsoDate, type IsoDate } from '../dates/londonDate';

/**
 * Arithmetic on calendar dates (`yyyy-MM-dd`), by date-fns in whole days: a deadline is a day, not an
 * instant, so no machine time zone and no DST change can shift it. The dates live at local midnight
 * (see calendarDay) because date-fns counts days there in a microsecond or two; a TZDate costs some
 * tens of microseconds a step, too slow for working-day counts over a whole register.
 */
function day(date: IsoDate): Date {
  const d = calendarDay(date);
  if (!d) throw new Error(`Not a date: ${date}`);
  return d;
}

const iso = (d: Date): IsoDate => formatISO(d, { representation: 'date' });

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return iso(addDays(day(date), days));
}

export function isWeekend(date: IsoDate): boolean {
  return isWeekendDay(day(date));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(day(to), day(from));
}

/** Throws on anything that is not a real `yyyy-MM-dd` date, for callers that must not guess. */
export function assertIsoDate(date: IsoDate): void {
  day(date);
}

const UTC = tz('UTC');

/**
 * The date as its UTC midnight, for callers that read it with getUTC… methods (so the machine's zone
 * cannot move it). Throws on something that is not a real date.
 */
export function toUtc(date: IsoDate): Date {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`Not a date: ${date}`);
  return new TZDate(p.year, p.month - 1, p.day, 'UTC');
}

/** The calendar date of a UTC midnight (or of any instant, as it is in UTC). */
export function fromUtc(d: Date): IsoDate {
  return formatISO(d, { representation: 'date', in: UTC });
}
