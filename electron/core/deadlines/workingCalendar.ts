import type { IsoDate } from '../dates/londonDate';
import { addCalendarDays, isWeekend } from './calendarMath';

/**
 * Which days an office works. The UK has three sets of bank holidays (Scotland keeps 2 January and St
 * Andrew's Day, Northern Ireland St Patrick's Day and the Twelfth), so the region travels with the holidays
 * to say which set they are. The holidays themselves come from a service (the holiday library is too big
 * for the renderer, which imports this file) plus whatever the office has added or removed.
 */
export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof REGIONS)[number];

export interface WorkingCalendar {
  readonly region: Region;
  /** Non-working days other than weekends, with their names ("Good Friday"). */
  readonly holidays: ReadonlyMap<IsoDate, string>;
  /** Whether a calendar-day deadline that lands on a non-working day moves to the next working day. */
  readonly rollForward: boolean;
}

/**
 * Why a day is not a working day: 'weekend', or the holiday's name; null for a working day. A holiday on a
 * weekend reads as 'weekend', because the weekend is the reason and the bank holiday is its substitute day.
 */
export function nonWorkingReason(date: IsoDate, cal: WorkingCalendar): string | null {
  if (isWeekend(date)) return 'weekend';
  if (!cal.holidays.has(date)) return null;
  // An unnamed holiday still has to read as something in an explanation.
  return cal.holidays.get(date) || 'holiday';
}

export function isWorkingDay(date: IsoDate, cal: WorkingCalendar): boolean {
  return nonWorkingReason(date, cal) === null;
}

/**
 * The first working day strictly after `date`. The loop ends because weekends leave five days in seven and
 * the holiday map is finite.
 */
export function nextWorkingDay(date: IsoDate, cal: WorkingCalendar): IsoDate {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}

/** A calendar of just the given dates (each called "bank holiday"), for callers that only have a set. */
export function calendarFromDates(
  holidays: Iterable<IsoDate>,
  opts: { region?: Region; rollForward?: boolean } = {},
): WorkingCalendar {
  return {
    region: opts.region ?? 'england-and-wales',
    holidays: new Map([...holidays].map((d) => [d, 'bank holiday'] as const)),
    rollForward: opts.rollForward ?? false,
  };
}
