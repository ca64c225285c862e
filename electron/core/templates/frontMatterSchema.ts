import { z } from 'zod';
import { cleanLine } from '../text/cleanText';
import type { DeadlineRule } from '../letters/deadlineRule';
import { deadlineProblem, parseDeadlineText } from './deadlineText';

/*
 * The details at the top of a template, as zod checks them. Every message is written to follow
 * `"file.md", line 7: ` and to tell the officer what to write instead.
 */

const QUOTE_HINT = 'put it in double quotes if it looks like a number or a date';

function text(label: string, max: number, min = 1) {
  return z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `${label} is missing.` : `${label} must be text; ${QUOTE_HINT}.`) })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(min, { error: `${label} is empty.` })
        .max(max, { error: `${label} is too long; keep it under ${max} characters.` }),
    );
}

/** Blank or absent means "none": officers leave a detail empty rather than delete the line. */
const absentAs =
  <T>(fallback: T) =>
  (v: unknown) =>
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : v;

function textList(label: string, itemLabel: string, maxItems: number, maxLength: number) {
  return z.preprocess(
    // One item written without a dash (`signatories: Philip Glanville`) is what the officer meant; accept it.
    (v) => (typeof v === 'string' && v.trim() !== '' ? [v] : absentAs([])(v)),
    z
      .array(text(itemLabel, maxLength), { error: `${label} must be a list, one per line starting with "  - ".` })
      .max(maxItems, { error: `${label} has too many entries; a template can suggest at most ${maxItems}.` }),
  );
}

export const KNOWN_DETAILS = ['name', 'description', 'subject', 'closing', 'signatories', 'ccGroup', 'deadline', 'commitments'] as const;

export const DEFAULT_CLOSING = 'Yours sincerely';

export const frontMatterSchema = z.object({
  name: text('the name', 120),
  description: z.preprocess(absentAs(''), text('the description', 500, 0)),
  subject: text('the subject', 300),
  closing: z.preprocess(absentAs(DEFAULT_CLOSING), text('the closing', 60)),
  signatories: textList('the signatories', 'each signatory', 12, 120),
  ccGroup: z.preprocess(absentAs(null), text('the CC group', 120).nullable()),
  deadline: z.preprocess(
    absentAs(null),
    z.unknown().transform((v, ctx): DeadlineRule | null => {
      if (v === null) return null;
      const typed = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      const rule = typed ? parseDeadlineText(typed) : null;
      if (!rule) ctx.issues.push({ code: 'custom', input: v, message: typed ? deadlineProblem(typed) : 'the deadline must be written like "14 calendar days" or "10 working days".' });
      return rule;
    }),
  ),
  commitments: textList('the commitments', 'each commitment', 20, 500),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
