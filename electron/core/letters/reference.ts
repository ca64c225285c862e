import { parseIsoDate, type IsoDate } from '../dates/londonDate';

/**
 * Letter references such as `MCO220317-02`: the office prefix, the date, and that day's sequence number.
 * The format is a pattern set in settings, e.g. `{prefix}{yyMMdd}-{nn}`. The sequence counts within the
 * "stem" (the pattern with the sequence removed, filled in for the date): per day for the default pattern,
 * per month for `{prefix}/{yyyy}{MM}/{nnn}`, and so on. The width of {nn} is a minimum: the 100th letter of
 * a day is `-100`, never a refusal.
 */
export const DEFAULT_REFERENCE_PATTERN = '{prefix}{yyMMdd}-{nn}';
const SEQUENCE = /\{(n+)\}/;
const TOKENS = /\{(prefix|yyyy|yy|MM|dd|yyMMdd|n+)\}/g;

export function checkReferencePattern(pattern: string): string | null {
  const seq = pattern.match(/\{n+\}/g) ?? [];
  if (seq.length !== 1) return 'The reference format must contain one sequence number, such as {nn}.';
  const unknown = pattern.replace(TOKENS, '').match(/\{[^}]*\}/);
  if (unknown) return `The reference format has an unknown part ${unknown[0]}; use {prefix}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd} and {nn}.`;
  if (!/^[A-Za-z0-9{}/_.-]+$/.test(pattern)) return 'The reference format may contain only letters, digits, / - _ . and the {…} parts.';
  if (pattern.length > 40) return 'The reference format is too long.';
  return null;
}

function fill(pattern: string, prefix: string, date: IsoDate): string {
  const d = parseIsoDate(date);
  if (!d) throw new Error(`Not a date: ${date}`);
  const yyyy = String(d.year);
  const MM = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  const values: Record<string, string> = { prefix, yyyy, yy: yyyy.slice(2), MM, dd, yyMMdd: `${yyyy.slice(2)}${MM}${dd}` };
  return pattern.replace(TOKENS, (whole, token: string) => values[token] ?? whole);
}

/** The parts of a reference around its sequence number, for a pattern, prefix and date. */
export function referenceStem(pattern: string, prefix: string, date: IsoDate): { before: string; after: string; width: number } {
  const m = SEQUENCE.exec(pattern);
  if (!m) throw new Error('The reference format has no sequence number.');
  return {
    before: fill(pattern.slice(0, m.index), prefix, date),
    after: fill(pattern.slice(m.index + m[0].length), prefix, date),
    width: m[1]!.length,
  };
}

/** The sequence number a reference has within a stem, or null if it does not belong to it. */
export function sequenceOf(reference: string, stem: { before: string; after: string }): number | null {
  if (!reference.startsWith(stem.before) || !reference.endsWith(stem.after)) return null;
  const digits = reference.slice(stem.before.length, reference.length - stem.after.length);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * The next reference: one past the highest sequence ever used in this stem, counting both the recorded
 * counter (which remembers letters since deleted for good) and every reference that exists, including ones
 * typed by hand. So a reference is never issued twice.
 */
export function nextReference(opts: {
  pattern: string;
  prefix: string;
  date: IsoDate;
  lastIssued: number;
  existing: Iterable<string>;
}): { reference: string; stemKey: string; sequence: number } {
  const stem = referenceStem(opts.pattern, opts.prefix, opts.date);
  let highest = opts.lastIssued;
  for (const ref of opts.existing) {
    const n = sequenceOf(ref, stem);
    if (n !== null && n > highest) highest = n;
  }
  const sequence = highest + 1;
  return { reference: `${stem.before}${String(sequence).padStart(stem.width, '0')}${stem.after}`, stemKey: `${stem.before}#${stem.after}`, sequence };
}

/** What an officer may type as the reference of a letter sent before the app existed. */
export function checkManualReference(reference: string): string | null {
  if (!reference.trim()) return 'Enter the reference.';
  if (reference.length > 40) return 'A reference is at most 40 characters.';
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(reference)) return 'A reference may contain letters, digits and / - _ . only.';
  return null;
}

export const normaliseReference = (reference: string) => reference.trim().toUpperCase();
