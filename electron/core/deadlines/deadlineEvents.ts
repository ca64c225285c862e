import { z } from 'zod';
import { isoDate } from '../letters/isoDate';

/**
 * Changes to a letter's deadline after it was set, each kept with who made it, when and why: the record an
 * officer needs when a correspondent asks why the date moved. Stored, so validated by these schemas.
 */
const who = {
  reason: z.string().trim().min(1, { error: 'Give a reason for the change.' }).max(1000),
  at: z.iso.datetime({ offset: true }),
  by: z.string().trim().min(1, { error: 'Say who made the change.' }).max(200),
};

/** The deadline is set to this date, whatever it was. */
export const overrideEventSchema = z.object({ kind: z.literal('override'), date: isoDate, ...who });

/** The deadline moves on by so many days from whatever it is at this point in the history. */
export const extensionEventSchema = z.object({
  kind: z.literal('extension'),
  days: z.number().int().min(1).max(366),
  dayKind: z.enum(['calendar', 'working']),
  ...who,
});

/** The deadline is extended to this date (normally later than it was; an earlier one is flagged, not refused). */
export const extensionToEventSchema = z.object({ kind: z.literal('extension-to'), date: isoDate, ...who });

export const deadlineEventSchema = z.discriminatedUnion('kind', [overrideEventSchema, extensionEventSchema, extensionToEventSchema]);
export const deadlineEventsSchema = z.array(deadlineEventSchema);

export type DeadlineEvent = z.output<typeof deadlineEventSchema>;
