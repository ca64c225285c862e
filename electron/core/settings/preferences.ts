import { z } from 'zod';
import { REGIONS } from '../deadlines/workingCalendar';
import { isoDate } from '../letters/isoDate';

/** The office's working calendar for deadlines: which bank holidays count, and the office's own corrections. */
export const deadlineSettingsSchema = z.object({
  region: z.enum(REGIONS).default('england-and-wales'),
  /** Move a calendar-day deadline that lands on a weekend or bank holiday to the next working day. */
  rollForward: z.boolean().default(true),
  /** Days off the library does not know yet: a newly announced bank holiday, an office closure. */
  added: z.array(z.object({ date: isoDate, name: z.string().trim().min(1, { error: 'Name the holiday.' }).max(120) })).default([]),
  /** Library holidays the office works after all. Wins over `added`: removing a date makes it a working day. */
  removed: z.array(isoDate).default([]),
});
export type DeadlineSettings = z.output<typeof deadlineSettingsSchema>;

/** The office's preferences for deadlines and reminders (the office profile is a separate document). */
export const preferencesSchema = z.object({
  deadlines: deadlineSettingsSchema.default(deadlineSettingsSchema.parse({})),
  reminders: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
});
export type Preferences = z.output<typeof preferencesSchema>;
