import type { IsoDate } from '../dates/londonDate';
import type { DeadlineRule } from '../letters/deadlineRule';
import { addCalendarDays, assertIsoDate } from './calendarMath';
import { explainCalendar, explainRoll, explainWorking, type SkippedDay } from './explainDeadline';
import { nonWorkingReason, type WorkingCalendar } from './workingCalendar';

export type { SkippedDay } from './explainDeadline';

/** A deadline with its working: which days were passed over and why, so the date can be checked by a person. */
export interface DeadlineCalculation {
  date: IsoDate;
  rule: DeadlineRule;
  from: IsoDate;
  /** Working days: every non-working day passed while counting. Calendar days: the days a roll-forward passed. */
  skipped: SkippedDay[];
  /** The non-working day a calendar-day deadline landed on before it was rolled forward, else null. */
  rolledFrom: IsoDate | null;
  explanation: string;
}

/** "Within the next fortnight", as letters put it: 14 calendar days, not 10 working days. */
export const WITHIN_A_FORTNIGHT: DeadlineRule = { kind: 'calendar', days: 14 };

/**
 * The deadline for a rule, counting from the day after `from` (a letter dated 17 March asking for 14 days'
 * reply is due 31 March). Working days skip weekends and the calendar's holidays; calendar days count every
 * day, then move to the next working day if they land on a non-working one and the calendar rolls forward.
 * Throws on a rule the schema would refuse, rather than quietly giving a wrong date.
 */
export function calculateDeadline(rule: DeadlineRule, from: IsoDate, cal: WorkingCalendar): DeadlineCalculation {
  if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > 366) throw new RangeError(`A deadline is 1 to 366 days, not ${rule.days}.`);
  assertIsoDate(from);
  return rule.kind === 'working' ? countWorkingDays(rule, from, cal) : countCalendarDays(rule, from, cal);
}

function countWorkingDays(rule: DeadlineRule, from: IsoDate, cal: WorkingCalendar): DeadlineCalculation {
  const skipped: SkippedDay[] = [];
  let date = from;
  let left = rule.days;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    const reason = nonWorkingReason(date, cal);
    if (reason === null) left -= 1;
    else skipped.push({ date, reason });
  }
  return { date, rule, from, skipped, rolledFrom: null, explanation: explainWorking(rule, from, date, skipped) };
}

function countCalendarDays(rule: DeadlineRule, from: IsoDate, cal: WorkingCalendar): DeadlineCalculation {
  const landed = addCalendarDays(from, rule.days);
  const landedReason = nonWorkingReason(landed, cal);
  if (landedReason === null || !cal.rollForward) {
    return { date: landed, rule, from, skipped: [], rolledFrom: null, explanation: explainCalendar(rule, from, landed, landedReason) };
  }
  const skipped: SkippedDay[] = [];
  let date = landed;
  for (let reason: string | null = landedReason; reason !== null; reason = nonWorkingReason(date, cal)) {
    skipped.push({ date, reason });
    date = addCalendarDays(date, 1);
  }
  return { date, rule, from, skipped, rolledFrom: landed, explanation: explainRoll(rule, from, date, skipped) };
}
