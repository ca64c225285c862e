import type { Day, Month } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/**
 * Month and weekday names as officers type them: in any case, in full or cut short to three letters or
 * more ("Sept", "Febr", "Thurs"). The names come from date-fns's British locale so that what is read and
 * what is written back are the same words.
 */
const MONTHS = Array.from({ length: 12 }, (_, i) => enGB.localize.month(i as Month).toLowerCase());
const WEEKDAYS = Array.from({ length: 7 }, (_, i) => enGB.localize.day(i as Day).toLowerCase());

/** Short forms that are not simply the start of the name. */
const WEEKDAY_ALIASES: Readonly<Record<string, number>> = { weds: 3 };

function byPrefix(names: readonly string[], word: string): number | null {
  if (word.length < 3) return null;
  const w = word.toLowerCase();
  const i = names.findIndex((n) => n.startsWith(w));
  return i < 0 ? null : i;
}

/** 1–12 for "March", "mar" or "MARCH"; null for anything else. */
export function monthFromName(word: string): number | null {
  const i = byPrefix(MONTHS, word);
  return i === null ? null : i + 1;
}

/** 0 (Sunday) to 6 (Saturday), as date-fns's getDay counts, for "Wednesday", "Wed" or "weds"; else null. */
export function weekdayFromName(word: string): number | null {
  return WEEKDAY_ALIASES[word.toLowerCase()] ?? byPrefix(WEEKDAYS, word);
}

export function monthName(month: number): string {
  return enGB.localize.month((month - 1) as Month);
}

export function weekdayName(day: number): string {
  return enGB.localize.day(day as Day);
}
