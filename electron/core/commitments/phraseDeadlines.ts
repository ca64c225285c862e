import type { IsoDate } from '../dates/londonDate';
import {
  MONTH_SOURCE, WEEKDAY_SOURCE, addMonths, endOfFinancialYear, endOfWeek, isoOf, lastDayOfMonth, monthNumber, nextOnOrAfter,
} from './phraseDates';
import { NUMBER_SOURCE, numberValue } from './phraseNumbers';

export type DeadlineKind = 'calendar-days' | 'working-days' | 'date' | 'urgent' | 'relative';

/** A deadline phrase and what it means. `days` for a span of days; `date` when the phrase names or implies one. */
export interface SuggestedDeadline {
  phrase: string;
  kind: DeadlineKind;
  days?: number;
  date?: IsoDate;
}

/** A deadline phrase found in a sentence, with where it is (so it can be cut out of the commitment's wording). */
export interface FoundDeadline {
  start: number;
  end: number;
  deadline: SuggestedDeadline;
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, letterDate: IsoDate | null) => SuggestedDeadline | null;
}

const N = NUMBER_SOURCE;
const OF_LETTER = String.raw`(?:\s+of\s+(?:the\s+date\s+of\s+)?(?:this|our|the)\s+letter)?`;
/** What introduces a date as a deadline: "by", "no later than", "before the meeting on". */
const BY = String.raw`\b(?:by|before|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|ahead\s+of|in\s+advance\s+of|before\s+(?:the|our|your)\s+(?:[\w’'-]+\s+){0,4}?(?:meeting|session|hearing|discussion)(?:\s+(?:[\w’'-]+\s+){0,5}?on|\s+of)?)\s+`;
const re = (source: string) => new RegExp(source, 'gi');

const span = (phrase: string, kind: 'calendar-days' | 'working-days', days: number | null): SuggestedDeadline | null =>
  days !== null && days >= 1 && days <= 366 ? { phrase, kind, days } : null;

/** A named day and month, with or without a year; without one, the next such date on or after the letter. */
function namedDate(phrase: string, dayText: string | undefined, monthText: string | undefined, yearText: string | undefined, letterDate: IsoDate | null): SuggestedDeadline | null {
  const month = monthNumber(monthText ?? '');
  const day = Number(dayText);
  if (month === null || !Number.isInteger(day)) return null;
  if (yearText) {
    const year = Number(yearText.length === 2 ? `20${yearText}` : yearText);
    const date = isoOf(year, month, day);
    return date ? { phrase, kind: 'date', date } : null;
  }
  // 31 February is no deadline at all, whatever the year.
  if (!isoOf(2024, month, day)) return null;
  const date = nextOnOrAfter(letterDate, month, day);
  return date ? { phrase, kind: 'date', date } : { phrase, kind: 'date' };
}

/** "by the end of the month / this year / next week / the financial year / March". */
function endOf(m: RegExpExecArray, letterDate: IsoDate | null): SuggestedDeadline | null {
  const phrase = m[0];
  const monthName = m[3];
  if (monthName) {
    const month = monthNumber(monthName);
    if (month === null) return null;
    const year = m[4] ? Number(m[4]) : null;
    const fromYear = letterDate ? Number(letterDate.slice(0, 4)) : null;
    let date: IsoDate | null = null;
    if (year !== null) date = lastDayOfMonth(year, month);
    else if (fromYear !== null && letterDate) {
      date = lastDayOfMonth(fromYear, month);
      if (date < letterDate) date = lastDayOfMonth(fromYear + 1, month);
    }
    return date ? { phrase, kind: 'date', date } : { phrase, kind: 'date' };
  }
  const next = (m[1] ?? '').toLowerCase() === 'next';
  const unit = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (!letterDate) return { phrase, kind: 'relative' };
  const year = Number(letterDate.slice(0, 4));
  const month = Number(letterDate.slice(5, 7));
  let date: IsoDate | null;
  if (unit === 'week') date = endOfWeek(letterDate, next);
  else if (unit === 'month') date = next ? lastDayOfMonth(year + (month === 12 ? 1 : 0), (month % 12) + 1) : lastDayOfMonth(year, month);
  else if (unit === 'financial year') date = endOfFinancialYear(letterDate, next);
  else date = isoOf(year + (next ? 1 : 0), 12, 31);
  return date ? { phrase, kind: 'relative', date } : { phrase, kind: 'relative' };
}

const RULES: readonly Rule[] = [
  {
    re: re(String.raw`\b(?:within|in)\s+the\s+next\s+fortnight\b|\bwithin\s+(?:a|one|the)\s+fortnight\b`),
    make: (m) => span(m[0], 'calendar-days', 14),
  },
  {
    re: re(String.raw`\bwithin\s+(?:the\s+next\s+)?(${N})\s+(?:(working|business|calendar|clear)\s+)?days?\b${OF_LETTER}`),
    make: (m) => span(m[0], /^(?:working|business)$/i.test(m[2] ?? '') ? 'working-days' : 'calendar-days', numberValue(m[1] ?? '')),
  },
  {
    re: re(String.raw`\bwithin\s+(?:the\s+next\s+)?(${N})\s+weeks?\b${OF_LETTER}`),
    make: (m) => {
      const n = numberValue(m[1] ?? '');
      return span(m[0], 'calendar-days', n === null ? null : n * 7);
    },
  },
  {
    re: re(String.raw`\bwithin\s+(?:the\s+next\s+)?(?:(${N})\s+months?|month)\b${OF_LETTER}`),
    make: (m, letterDate) => {
      const n = m[1] ? numberValue(m[1]) : 1;
      if (n === null || n > 24) return null;
      const date = letterDate ? addMonths(letterDate, n) : null;
      return date ? { phrase: m[0], kind: 'relative', date } : { phrase: m[0], kind: 'relative' };
    },
  },
  {
    re: re(String.raw`${BY}(?:(?:${WEEKDAY_SOURCE})\b,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_SOURCE})\b(?:,?\s+(\d{4})\b)?`),
    make: (m, letterDate) => namedDate(m[0], m[1], m[2], m[3], letterDate),
  },
  {
    re: re(String.raw`${BY}(?:(?:${WEEKDAY_SOURCE})\b,?\s+)?(${MONTH_SOURCE})\b\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`),
    make: (m, letterDate) => namedDate(m[0], m[2], m[1], m[3], letterDate),
  },
  {
    re: re(String.raw`${BY}(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`),
    make: (m) => {
      const month = Number(m[2]);
      const name = month >= 1 && month <= 12 ? ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][month - 1] : undefined;
      return name ? namedDate(m[0], m[1], name, m[3], null) : null;
    },
  },
  {
    // The letter's own reply date, before it is filled in: a date, though not yet a known one.
    re: re(String.raw`\b(?:by|before|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before)\s+\{\{\s*deadline\.date\s*\}\}`),
    make: (m) => ({ phrase: m[0], kind: 'date' }),
  },
  {
    re: re(String.raw`\b(?:by|before|until|ahead\s+of|no\s+later\s+than|not\s+later\s+than)\s+the\s+end\s+of\s+(?:(the|this|next)\s+(week|month|year|calendar\s+year|financial\s+year)\b|(${MONTH_SOURCE})\b(?:\s+(\d{4})\b)?)`),
    make: endOf,
  },
  {
    re: re(
      String.raw`\b(?:as\s+a\s+matter\s+of\s+(?:urgency|priority)|urgently|as\s+soon\s+as\s+(?:possible|practicable|is\s+practicable|you\s+can|you\s+are\s+able)|by\s+return(?:\s+of\s+post)?|without\s+(?:further\s+)?delay|at\s+(?:your|the)\s+earliest\s+(?:opportunity|convenience)|with\s+(?:the\s+utmost\s+)?urgency|immediately(?!\s+(?:after|before|following|upon|on|when|prior|afterwards)\b))\b`,
    ),
    make: (m) => ({ phrase: m[0], kind: 'urgent' }),
  },
];

/**
 * Every deadline phrase in `text`, in order, none overlapping (the earlier, then the longer, wins). The
 * letter's date anchors dates without a year and "the end of the month"; without a valid one those keep
 * their kind but have no date.
 */
export function findDeadlines(text: string, letterDate: IsoDate | null): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const deadline = rule.make(m, letterDate);
      if (deadline) found.push({ start: m.index, end: m.index + m[0].length, deadline });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundDeadline[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) kept.push(f);
  }
  return kept;
}

