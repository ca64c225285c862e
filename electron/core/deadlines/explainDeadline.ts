import { format, getDate, getMonth, getYear } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { calendarDay, formatIsoDate, formatWithWeekday, type IsoDate } from '../dates/londonDate';
import { describeDeadlineRule, type DeadlineRule } from '../letters/deadlineRule';
import { daysBetween } from './calendarMath';

/**
 * The one-sentence answer to "how was this date worked out?". Officers read these on screen and quote them
 * to correspondents, so they are plain British English, name every bank holiday that mattered, and stay
 * short enough to read at a glance: long runs of weekends and holidays are summarised, never cut mid-word.
 */
export interface SkippedDay {
  date: IsoDate;
  /** 'weekend', or the holiday's name. */
  reason: string;
}

/** Roughly two lines on screen; past this, runs are summarised ("and 6 other weekends"). */
export const EXPLANATION_MAX = 300;

interface Ymd {
  year: number;
  month: number;
  day: number;
  date: Date;
}

function ymd(date: IsoDate): Ymd {
  const d = calendarDay(date);
  if (!d) throw new Error(`Not a date: ${date}`);
  return { year: getYear(d), month: getMonth(d) + 1, day: getDate(d), date: d };
}

const dayMonth = (p: Ymd) => format(p.date, 'd MMMM', { locale: enGB });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Run {
  first: IsoDate;
  last: IsoDate;
}

/** Consecutive weekend days as one run, so a Saturday and Sunday read as "19–20 March", not two dates. */
function weekendRuns(days: readonly SkippedDay[]): Run[] {
  const runs: Run[] = [];
  for (const d of days) {
    if (d.reason !== 'weekend') continue;
    const prev = runs.at(-1);
    if (prev && daysBetween(prev.last, d.date) === 1) prev.last = d.date;
    else runs.push({ first: d.date, last: d.date });
  }
  return runs;
}

function formatRun(run: Run, withYear: boolean): string {
  const a = ymd(run.first);
  const b = ymd(run.last);
  const year = withYear ? ` ${b.year}` : '';
  if (run.first === run.last) return `${dayMonth(a)}${year}`;
  if (a.year !== b.year) return `${formatIsoDate(run.first)}–${formatIsoDate(run.last)}`;
  if (a.month !== b.month) return `${dayMonth(a)}–${dayMonth(b)}${year}`;
  return `${a.day}–${dayMonth(b)}${year}`;
}

/** "a", "a and b", "a, b and c" (no serial comma, as the office writes). */
function joinAnd(parts: readonly string[], sep = ', ', last = ' and '): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(sep)}${last}${parts.at(-1)}`;
}

/** The year is written once, at the end, when every run shows the same year: "19–20 March and 2–3 April 2022". */
function formatRuns(runs: readonly Run[], more: number): string {
  const years = new Set(runs.flatMap((r) => [ymd(r.first).year, ymd(r.last).year]));
  const parts = runs.map((r, i) => formatRun(r, years.size > 1 || i === runs.length - 1));
  if (more > 0) parts.push(plural(more, 'other weekend'));
  return joinAnd(parts);
}

/** "and 1 other weekend" is no shorter than naming it, so a summary always hides at least two. */
const shown = (total: number, max: number) => (total - max === 1 ? total : Math.min(total, max));

/**
 * "the weekends of 19–20 March and 26–27 March 2022; Good Friday, 15 April 2022; and Easter Monday, 18 April
 * 2022". Items that contain commas or "and" themselves are separated by semicolons so the list still parses.
 */
export function describeSkipped(days: readonly SkippedDay[], maxWeekends = Infinity, maxHolidays = Infinity): string {
  const items: string[] = [];
  const runs = weekendRuns(days);
  const shownRuns = runs.slice(0, shown(runs.length, maxWeekends));
  const moreRuns = runs.length - shownRuns.length;
  if (shownRuns.length > 0) items.push(`the weekend${runs.length === 1 ? '' : 's'} of ${formatRuns(shownRuns, moreRuns)}`);
  else if (moreRuns > 0) items.push(plural(moreRuns, 'weekend'));

  const holidays = days.filter((d) => d.reason !== 'weekend');
  const shownHolidays = holidays.slice(0, shown(holidays.length, maxHolidays));
  const moreHolidays = holidays.length - shownHolidays.length;
  items.push(...shownHolidays.map((h) => `${h.reason}, ${formatIsoDate(h.date)}`));
  if (moreHolidays > 0) items.push(plural(moreHolidays, shownHolidays.length > 0 ? 'other holiday' : 'holiday'));

  // Two items only need semicolons when the first has its own "and"; a holiday's comma is clear enough then.
  const inner = items.slice(0, -1);
  const ambiguous = inner.some((i) => i.includes(' and ')) || (items.length > 2 && inner.some((i) => i.includes(',')));
  return ambiguous ? joinAnd(items, '; ', '; and ') : joinAnd(items);
}

/** Tighter and tighter summaries until the sentence fits; the last one always fits in practice. */
const LIMITS: readonly (readonly [number, number])[] = [
  [Infinity, Infinity],
  [3, 4],
  [2, 3],
  [1, 2],
  [0, 1],
  [0, 0],
];

function fitted(sentence: (skipped: string) => string, days: readonly SkippedDay[]): string {
  let text = '';
  for (const [w, h] of LIMITS) {
    text = sentence(describeSkipped(days, w, h));
    if (text.length <= EXPLANATION_MAX) return text;
  }
  return text;
}

const reasonPhrase = (reason: string) => (reason === 'weekend' ? 'a weekend' : reason);
const head = (rule: DeadlineRule, from: IsoDate) => `${describeDeadlineRule(rule)} from ${formatIsoDate(from)}`;

/** "10 working days from 17 March 2022, skipping the weekends of 19–20 March and 26–27 March 2022 → 31 March 2022" */
export function explainWorking(rule: DeadlineRule, from: IsoDate, date: IsoDate, skipped: readonly SkippedDay[]): string {
  if (skipped.length === 0) return `${head(rule, from)} → ${formatIsoDate(date)}`;
  return fitted((list) => `${head(rule, from)}, skipping ${list} → ${formatIsoDate(date)}`, skipped);
}

/** A calendar-day deadline that stays where it lands: on a working day, or anywhere when roll-forward is off. */
export function explainCalendar(rule: DeadlineRule, from: IsoDate, date: IsoDate, reason: string | null): string {
  const base = `${head(rule, from)} is ${formatWithWeekday(date)}`;
  return reason === null ? base : `${base}, ${reasonPhrase(reason)}, and stays there because roll-forward is off`;
}

/**
 * "14 calendar days from 19 March 2022 falls on Saturday 2 April 2022, a weekend, so the deadline moves to
 * Monday 4 April 2022", naming whatever else it had to move past (Easter Monday after Good Friday's weekend).
 * `rolled` starts with the day it landed on.
 */
export function explainRoll(rule: DeadlineRule, from: IsoDate, date: IsoDate, rolled: readonly SkippedDay[]): string {
  const [landed, ...rest] = rolled;
  if (!landed) throw new Error('A roll-forward starts from the day the deadline landed on.');
  // The rest of the weekend it landed on is already said by "a weekend".
  let i = 0;
  while (landed.reason === 'weekend' && rest[i]?.reason === 'weekend') i += 1;
  const after = rest.slice(i);
  const base = `${head(rule, from)} falls on ${formatWithWeekday(landed.date)}, ${reasonPhrase(landed.reason)}, so the deadline moves to ${formatWithWeekday(date)}`;
  return after.length === 0 ? base : fitted((list) => `${base}, after ${list}`, after);
}
