import { deadlineRuleSchema, describeDeadlineRule } from '../letters/deadlineRule';
import type { DeadlineRule } from '../letters/deadlineRule';

const DEADLINE_TEXT = /^(\d{1,4})\s+(calendar|working)\s+days?$/i;

/**
 * "14 calendar days", "10 working days", "1 working day". Deliberately nothing looser ("a fortnight",
 * "two weeks", "14 days"): the kind of day changes the date by days, so the template must say which it means.
 */
export function parseDeadlineText(text: string): DeadlineRule | null {
  const m = DEADLINE_TEXT.exec(text.trim().replace(/\s+/g, ' '));
  if (!m?.[1] || !m[2]) return null;
  const parsed = deadlineRuleSchema.safeParse({ kind: m[2].toLowerCase(), days: Number(m[1]) });
  return parsed.success ? parsed.data : null;
}

/** The same words `parseDeadlineText` reads, so a saved template reads back as it was. */
export const formatDeadlineText = (rule: DeadlineRule): string => describeDeadlineRule(rule);

export function deadlineProblem(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const hint = 'write it like "14 calendar days" or "10 working days".';
  if (/^\s*\d+\s*(days?)?\s*$/i.test(text)) return `the deadline "${shown}" does not say which kind of days it means; ${hint}`;
  const m = DEADLINE_TEXT.exec(text.trim().replace(/\s+/g, ' '));
  if (m) return `the deadline "${shown}" must be between 1 and 366 days; ${hint}`;
  return `the deadline "${shown}" is not understood; ${hint}`;
}
