import { z } from 'zod';
import { isoTimestamp } from '../addressBook/fields';
import { READINESS_ACTIONS } from './actions';

/**
 * A check an officer chose to go past, kept on the letter: what the app warned about, in the words it used
 * then, the reason given, and who and when. Problem kinds are plain strings so a kind added later still
 * loads in an older copy of the app.
 */
export const readinessOverrideSchema = z.object({
  action: z.enum(READINESS_ACTIONS),
  problems: z.array(z.object({ kind: z.string().max(60), message: z.string().max(2000) })).max(200),
  reason: z.string().min(1).max(1000),
  at: isoTimestamp,
  by: z.string().max(200),
});
export type ReadinessOverride = z.output<typeof readinessOverrideSchema>;
