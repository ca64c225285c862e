import { addDays, formatISO, getDay, getDaysInMonth, getYear, isExists, isLeapYear, isValid, parse } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { monthFromName, monthName, weekdayFromName, weekdayName } from './dateNames';
import { calendarDay, formatIsoDate, formatWithWeekday, londonDate, type IsoDate } from './londonDate';

/**
 * A date as a British officer types it, read day first, or refused with a message that says what to fix.
 * Nothing is guessed: `03/04/2027` is 3 April, `03/17/2027` is refused (there is no month 17) with the
 * likely meaning offered, and `31/02/2027` is refused rather than rolled on into March.
 *
 * Years outside 1900–2100 are refused as a probable slip of the keyboard (`17/03/2207`, `17/03/1027`): no
 * letter, reply or deadline the office handles is that old or that far ahead, and a date that passed
 * unnoticed would count deadlines from the wrong century. Two-digit years are 20yy.
 */
export type DateProblem = 'empty' | 'unreadable' | 'incomplete' | 'impossible' | 'order' | 'weekday' | 'out-of-range';
export type DateReading = { ok: true; date: IsoDate; words: string } | { ok: false; problem: DateProblem; message: string };

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
export const HOW_TO_TYPE = 'Type a date such as 17/03/2027 or 17 March 2027.';
export const ENTER_A_DATE = 'Enter a date.';

/** Far longer than any way of writing a date; longer text is refused before any pattern sees it. */
const MAX_LENGTH = 40;

const SEP = String.raw`(?:\s*[/.\-]\s*|\s+)`;
const ISO_FORM = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})(?:${SEP}(\d+))?$`);
const DAY_NAMED = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s,/.-]*([a-z]+)\.?(?:[\s,/.-]*(\d+))?$/;
// The day must stand alone, so "March 2027" is not read as 20 March '27.
const NAMED_DAY = /^([a-z]+)\.?[\s,/.-]*(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:[\s,/.-]+(\d+))?$/;
const LEADING_WORD = /^([a-z]+)\.?,?\s+(.+)$/;
const RELATIVE: Readonly<Record<string, number>> = { yesterday: -1, today: 0, tomorrow: 1 };

type Order = 'day-first' | 'year-first' | 'month-first';
interface Parts {
  day: number;
  month: number | string;
  year: string | null;
  order: Order;
}

const refuse = (problem: DateProblem, message: string): DateReading => ({ ok: false, problem, message });
const unreadable = () => refuse('unreadable', HOW_TO_TYPE);
const accept = (d: Date): DateReading => {
  const date = formatISO(d, { representation: 'date' });
  return { ok: true, date, words: formatWithWeekday(date) };
};

/**
 * Spaces pasted from Word or Outlook (non-breaking, zero-width) and a full stop at the end are what people
 * really type; control characters are not, and are refused rather than stripped.
 */
function normalise(text: string): string | null {
  const s = text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  if (s.length > MAX_LENGTH || /\p{Cc}/u.test(s)) return null;
  return s.replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

function shape(text: string): Parts | null {
  let m = ISO_FORM.exec(text) ?? YEAR_FIRST.exec(text);
  if (m) return { year: m[1]!, month: Number(m[2]), day: Number(m[3]), order: 'year-first' };
  if ((m = NUMERIC.exec(text) ?? DAY_NAMED.exec(text))) {
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!;
    return { day: Number(m[1]), month, year: m[3] ?? null, order: 'day-first' };
  }
  if ((m = NAMED_DAY.exec(text))) return { month: m[1]!, day: Number(m[2]), year: m[3] ?? null, order: 'month-first' };
  return null;
}

const spell = (day: number, month: number, year?: number) => `${day} ${monthName(month)}${year === undefined ? '' : ` ${year}`}`;

/** "03/17/2027": the officer probably swapped day and month, so offer that reading if it is a real date. */
function noSuchMonth(p: { day: number; month: number }, year: number | undefined): string {
  const head = `There is no month ${p.month}.`;
  const swapped = p.day >= 1 && p.day <= 12 && p.month >= 1 && p.month <= getDaysInMonth(new Date(year ?? 2000, p.day - 1));
  return swapped ? `${head} Dates are read day first: did you mean ${spell(p.month, p.day, year)}?` : `${head} Dates are read day first, then the month (1 to 12).`;
}

/** The day against the longest such month (29 February counts), before the year is known. */
function noSuchDay(day: number, month: number, year: number | undefined): string | null {
  const longest = getDaysInMonth(new Date(2000, month - 1));
  if (day >= 1 && day <= longest) return null;
  const head = `There is no ${spell(day, month, year)}`;
  return day >= 1 && day <= 31 && month !== 2 ? `${head}: ${monthName(month)} has ${longest} days.` : `${head}.`;
}

function yearOf(text: string): number | null {
  if (text.length === 4) return Number(text);
  if (text.length === 2) return 2000 + Number(text);
  return null;
}

export function readBritishDate(text: string, options: { today?: IsoDate } = {}): DateReading {
  const clean = normalise(text);
  if (clean === null) return unreadable();
  if (clean === '') return refuse('empty', ENTER_A_DATE);
  const today = calendarDay(options.today ?? '') ?? (calendarDay(londonDate(new Date())) as Date);
  if (clean in RELATIVE) return accept(addDays(today, RELATIVE[clean]!));

  let weekday: number | null = null;
  let rest = clean;
  const lead = LEADING_WORD.exec(clean);
  if (lead && weekdayFromName(lead[1]!) !== null) {
    weekday = weekdayFromName(lead[1]!);
    rest = lead[2]!;
  }
  const parts = shape(rest);
  if (!parts) return unreadable();

  const month = typeof parts.month === 'number' ? parts.month : monthFromName(parts.month);
  if (month === null) return refuse('unreadable', `Check the month: “${parts.month}” is not the name of a month.`);
  const year = parts.year === null ? null : yearOf(parts.year);
  const shownYear = year ?? undefined;
  if (month < 1 || month > 12) return refuse('impossible', noSuchMonth({ day: parts.day, month }, shownYear));
  const dayProblem = noSuchDay(parts.day, month, shownYear);
  if (dayProblem) return refuse('impossible', dayProblem);

  const thisYear = getYear(today);
  if (parts.year === null) {
    // 29 February without a year: offer the next year that has one.
    let guess = thisYear;
    while (!isExists(guess, month - 1, parts.day)) guess += 1;
    return refuse('incomplete', `Add the year: did you mean ${spell(parts.day, month, guess)}?`);
  }
  if (year === null) {
    return refuse('incomplete', `“${parts.year}” is not a year: type it in full, as in ${thisYear}, or as two digits, as in ${String(thisYear % 100).padStart(2, '0')}.`);
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return refuse('out-of-range', `Check the year: ${year} looks like a typing slip. Dates from ${EARLIEST_YEAR} to ${LATEST_YEAR} are accepted.`);
  }
  if (month === 2 && parts.day === 29 && !isLeapYear(new Date(year, 0))) {
    return refuse('impossible', `${year} is not a leap year, so there is no 29 February ${year}.`);
  }

  // date-fns has the last word: strict, so a day the checks above missed is refused, never rolled over.
  const date = parse(`${parts.day}/${month}/${year}`, 'd/M/yyyy', today, { locale: enGB });
  if (!isValid(date)) return refuse('impossible', `There is no ${spell(parts.day, month, year)}.`);
  const said = formatIsoDate(formatISO(date, { representation: 'date' }));
  if (parts.order !== 'day-first' && !ISO_FORM.test(rest)) return refuse('order', `Dates are read day first: did you mean ${said}?`);
  if (weekday !== null && weekday !== getDay(date)) {
    return refuse('weekday', `${said} is a ${weekdayName(getDay(date))}, not a ${weekdayName(weekday)}. Check the day or the date.`);
  }
  return accept(date);
}
