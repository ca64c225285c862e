import type { IsoDate } from '../dates/londonDate';
import type { DeadlineRule } from '../letters/deadlineRule';
import { addCalendarDays, isWeekend } from './calendarMath';

/**
 * The reply deadline for a rule, counted from the day after `from`: "14 calendar days from 17 March" is
 * 31 March; "10 working days" skips weekends and the given bank holidays.
 */
export function computeDeadline(rule: DeadlineRule, from: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  if (rule.kind === 'calendar') return addCalendarDays(from, rule.days);
  let date = from;
  let left = rule.days;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (!isWeekend(date) && !holidays.has(date)) left -= 1;
  }
  return date;
}
