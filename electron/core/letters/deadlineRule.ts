import { z } from 'zod';

/** How a reply deadline is worked out from the letter's date: so many calendar or working days. */
export const deadlineRuleSchema = z.object({
  kind: z.enum(['calendar', 'working']),
  days: z.number().int().min(1).max(366),
});
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

export function describeDeadlineRule(rule: DeadlineRule): string {
  return `${rule.days} ${rule.kind === 'working' ? 'working' : 'calendar'} day${rule.days === 1 ? '' : 's'}`;
}
