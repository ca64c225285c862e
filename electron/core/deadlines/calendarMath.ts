import { parseIsoDate, type IsoDate } from '../dates/londonDate';

/**
 * Arithmetic on calendar dates (`yyyy-MM-dd`). Done on UTC midnights so that no machine time zone and no
 * DST change can shift a date: a deadline is a day, not an instant.
 */
export function toUtc(date: IsoDate): Date {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`Not a date: ${date}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

export function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function isWeekend(date: IsoDate): boolean {
  const day = toUtc(date).getUTCDay();
  return day === 0 || day === 6;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}
