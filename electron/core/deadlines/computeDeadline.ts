import type { IsoDate } from '../dates/londonDate';
import type { DeadlineRule } from '../letters/deadlineRule';
import { calculateDeadline } from './deadlineCalculation';
import { calendarFromDates } from './workingCalendar';

/**
 * The reply deadline for a rule, counted from the day after `from`: "14 calendar days from 17 March" is
 * 31 March; "10 working days" skips weekends and the given bank holidays. Kept for callers that have only a
 * set of dates: it never rolls a calendar-day deadline forward, as it never did. New code should call
 * `calculateDeadline` with the office's `WorkingCalendar`, which also says how the date was worked out.
 */
export function computeDeadline(rule: DeadlineRule, from: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  return calculateDeadline(rule, from, calendarFromDates(holidays, { rollForward: false })).date;
}
