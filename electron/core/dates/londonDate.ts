/**
 * Calendar dates (`yyyy-MM-dd`) as they are in London at a given instant, whatever the machine's time zone.
 * A letter written at 00:30 on 1 July BST is dated 1 July even on a laptop set to UTC (where it is still
 * 30 June); Intl does the zone arithmetic, including both DST changes.
 */
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export type IsoDate = string; // yyyy-MM-dd

export function londonDate(instant: Date): IsoDate {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']}`;
}

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `yyyy-MM-dd`, or null: `2022-02-30` and `17/03/2022` are refused. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-03-17` → `17 March 2022`, the form every letter and screen uses. */
export function formatIsoDate(date: IsoDate): string {
  const p = parseIsoDate(date);
  if (!p) return date;
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}
