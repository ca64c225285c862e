import { z } from 'zod';
import { addCalendarDays } from '../core/deadlines/calendarMath';
import { PREFERENCES_DOC } from '../store/sql';
import type { ServiceContext } from './context';
import type { LetterReader } from './letters/letterDetail';

/** What has been notified already on this PC, so a reminder is shown once and not at every start. */
export const remindersDocSchema = z.object({ lastRun: z.string().nullable().default(null), notified: z.array(z.string()).max(20_000).default([]) });
export type RemindersDoc = z.output<typeof remindersDocSchema>;

/** Where this PC keeps what it has shown (its own settings: another officer's PC reminds its own officer). */
export interface RemindersShown {
  get(): RemindersDoc;
  put(doc: RemindersDoc): Promise<void>;
}

/**
 * Desktop reminders: at start and then once a day, one notification for what has newly become overdue or is
 * due tomorrow (replies and commitments). Each item is notified once; turned off in settings.
 */
export function reminderService(ctx: ServiceContext, reader: LetterReader, shown: RemindersShown) {
  const run = async (): Promise<{ overdue: string[]; dueTomorrow: string[] }> => {
    const none = { overdue: [], dueTomorrow: [] };
    if (!ctx.register().docs.get(PREFERENCES_DOC).reminders.enabled) return none;
    const today = reader.today();
    const tomorrow = addCalendarDays(today, 1);
    const doc = shown.get();
    const seen = new Set(doc.notified);
    const overdue: string[] = [];
    const dueTomorrow: string[] = [];
    const fresh: string[] = [];
    const consider = (key: string, label: string, list: string[]) => {
      if (seen.has(key)) return;
      fresh.push(key);
      list.push(label);
    };
    const due = await ctx.register().reminders(tomorrow);
    for (const l of due.replies) {
      if (l.deadlineDate < today) consider(`reply-overdue:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, overdue);
      else if (l.deadlineDate === tomorrow) consider(`reply-due:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, dueTomorrow);
    }
    for (const c of due.commitments) {
      if (c.dueDate < today) consider(`commitment-overdue:${c.id}:${c.dueDate}`, `${c.reference}: ${c.text}`, overdue);
      else if (c.dueDate === tomorrow) consider(`commitment-due:${c.id}:${c.dueDate}`, `${c.reference}: ${c.text}`, dueTomorrow);
    }
    if (fresh.length > 0) {
      const parts = [
        overdue.length ? `Now overdue: ${overdue.slice(0, 3).join('; ')}${overdue.length > 3 ? ` and ${overdue.length - 3} more` : ''}.` : '',
        dueTomorrow.length ? `Due tomorrow: ${dueTomorrow.slice(0, 3).join('; ')}${dueTomorrow.length > 3 ? ` and ${dueTomorrow.length - 3} more` : ''}.` : '',
      ].filter(Boolean);
      ctx.platform.notify('Correspondence Desk', parts.join(' '));
    }
    await shown.put({ lastRun: today, notified: [...doc.notified, ...fresh].slice(-20_000) });
    return { overdue, dueTomorrow };
  };
  return {
    run,
    /** Run again if the London date has changed since the last run (called hourly by the app). */
    runIfNewDay: async () => {
      if (shown.get().lastRun !== reader.today()) await run();
    },
  };
}
