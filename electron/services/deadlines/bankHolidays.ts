import Holidays from 'date-holidays';
import type { IsoDate } from '../../core/dates/londonDate';
import { isWeekend } from '../../core/deadlines/calendarMath';
import type { Region, WorkingCalendar } from '../../core/deadlines/workingCalendar';
import type { DeadlineSettings } from '../../core/settings/preferences';

export { recomputeDeadlines, type DeadlineChange, type DeadlineSubject } from '../../core/deadlines/recomputeDeadlines';

/**
 * The UK's bank holidays, from the date-holidays package, with the office's own corrections on top. Lives in
 * a service because the package is large and the renderer imports electron/core: a renderer that needs the
 * calendar should be sent the plain WorkingCalendar this builds. England and Wales share one set
 * (date-holidays' ENG and WLS agree for every year loaded; a test checks it); Scotland and Northern Ireland
 * have their own.
 */
const STATE: Record<Region, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** Far enough back for old correspondence, far enough on for any deadline set today; outside it only weekends count. */
export const HOLIDAY_YEARS = { first: 2015, last: 2045 } as const;

const cache = new Map<Region, ReadonlyMap<IsoDate, string>>();

/**
 * The bank holidays among a library's entries, date → name. Only type 'public' (in GB that is the bank
 * holidays, one-offs such as the 2022 Platinum Jubilee and State Funeral included); observances such as
 * Mother's Day are not days off. A holiday on a weekend is left out: the day off is its substitute day, which
 * is listed, as GOV.UK lists them. Dates come from the entry's `date` string, which is the day in the UK
 * whatever the machine's time zone, never from its `start` instant.
 */
export function bankHolidaysFrom(entries: Iterable<{ date: string; type: string; name: string }>): Map<IsoDate, string> {
  const map = new Map<IsoDate, string>();
  for (const h of entries) {
    const date = h.date.slice(0, 10);
    // The library mixes ' and ’; the app writes ’ everywhere.
    if (h.type === 'public' && !isWeekend(date)) map.set(date, h.name.replaceAll("'", '’'));
  }
  return map;
}

/** A region's bank holidays over HOLIDAY_YEARS, worked out once per region (about 300 days each). */
export function bankHolidays(region: Region): ReadonlyMap<IsoDate, string> {
  const cached = cache.get(region);
  if (cached) return cached;
  const hd = new Holidays('GB', STATE[region]);
  const years: number[] = [];
  for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y += 1) years.push(y);
  const map = bankHolidaysFrom(years.flatMap((y) => hd.getHolidays(y)));
  cache.set(region, map);
  return map;
}

/** The office's deadline settings, kept in the store. `parse({})` gives the defaults. */
export { deadlineSettingsSchema, type DeadlineSettings } from '../../core/settings/preferences';

export function buildWorkingCalendar(settings: DeadlineSettings): WorkingCalendar {
  const holidays = new Map(bankHolidays(settings.region));
  for (const a of settings.added) holidays.set(a.date, a.name);
  for (const d of settings.removed) holidays.delete(d);
  return { region: settings.region, holidays, rollForward: settings.rollForward };
}
