import { formatIsoDate, londonDate, type IsoDate } from '../dates/londonDate';
import { describeDeadlineRule, type DeadlineRule } from '../letters/deadlineRule';
import { calculateDeadline } from './deadlineCalculation';
import type { DeadlineEvent } from './deadlineEvents';
import { nonWorkingReason, type WorkingCalendar } from './workingCalendar';

export { deadlineEventSchema, deadlineEventsSchema, extensionEventSchema, extensionToEventSchema, overrideEventSchema, type DeadlineEvent } from './deadlineEvents';

export interface DeadlineStep {
  label: string;
  date: IsoDate;
  explanation: string;
}

export interface DeadlineHistoryInput {
  rule: DeadlineRule | null;
  /** The day the rule counts from (the letter's date). */
  start: IsoDate;
  /** The date typed in when there is no rule. */
  manualDate: IsoDate | null;
  events: readonly DeadlineEvent[];
}

/** "Jo Bloggs on 1 April 2022": the day in London, as every other date in the app. */
function attribution(e: DeadlineEvent): string {
  const at = new Date(e.at);
  return Number.isNaN(at.getTime()) ? `${e.by} at ${e.at}` : `${e.by} on ${formatIsoDate(londonDate(at))}`;
}

/** A date chosen by hand is kept as chosen, but a reader should see at once if nobody works that day. */
function nonWorkingNote(date: IsoDate, cal: WorkingCalendar): string {
  const reason = nonWorkingReason(date, cal);
  if (reason === null) return '';
  return ` (not a working day: ${reason === 'weekend' ? 'a weekend' : reason})`;
}

function moved(current: IsoDate | null, to: IsoDate): string {
  return current === null ? `to ${formatIsoDate(to)}` : `from ${formatIsoDate(current)} to ${formatIsoDate(to)}`;
}

/**
 * A letter's deadline now, and every stage of how it got there. The base comes from the rule (or the date
 * typed in); then each change applies in order to the date as it then stood, so an extension of 5 working
 * days after an override counts from the overridden date and skips the holidays in between. Replaying the
 * history, rather than storing the result, is what lets a newly announced bank holiday flow through every
 * deadline. An extension by days when there is no date yet has nothing to extend and is left out.
 */
export function effectiveDeadline(input: DeadlineHistoryInput, cal: WorkingCalendar): { date: IsoDate | null; steps: DeadlineStep[] } {
  const steps: DeadlineStep[] = [];
  let date: IsoDate | null = null;

  if (input.rule) {
    const base = calculateDeadline(input.rule, input.start, cal);
    date = base.date;
    steps.push({ label: `Deadline rule: ${describeDeadlineRule(input.rule)}`, date, explanation: base.explanation });
  } else if (input.manualDate) {
    date = input.manualDate;
    steps.push({ label: 'Date entered by hand', date, explanation: `Set by hand to ${formatIsoDate(date)}${nonWorkingNote(date, cal)}` });
  }

  for (const e of input.events) {
    const by = attribution(e);
    if (e.kind === 'override') {
      steps.push({ label: 'Overridden', date: e.date, explanation: `Changed ${moved(date, e.date)} by ${by}: ${e.reason}${nonWorkingNote(e.date, cal)}` });
      date = e.date;
    } else if (e.kind === 'extension-to') {
      const earlier = date !== null && e.date < date;
      const label = `Extended to ${formatIsoDate(e.date)}${earlier ? ' (earlier than before)' : ''}`;
      const warning = earlier ? ', which is earlier than the deadline it replaces' : '';
      steps.push({ label, date: e.date, explanation: `Extended ${moved(date, e.date)} by ${by}: ${e.reason}${warning}${nonWorkingNote(e.date, cal)}` });
      date = e.date;
    } else if (date !== null) {
      const rule: DeadlineRule = { kind: e.dayKind, days: e.days };
      const ext = calculateDeadline(rule, date, cal);
      steps.push({ label: `Extended by ${describeDeadlineRule(rule)}`, date: ext.date, explanation: `${ext.explanation}; extended by ${by}: ${e.reason}` });
      date = ext.date;
    }
  }
  return { date, steps };
}
