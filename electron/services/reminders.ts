import { z } from 'zod';
import { isOpen, currentStatus } from '../core/commitments/commitment';
import { addCalendarDays } from '../core/deadlines/calendarMath';
import type { Letter } from '../core/letters/letterSchema';
import type { ServiceContext } from './context';
import type { Preferences } from './letters/deadlines';
import type { LetterReader } from './letters/letterDetail';

/** What has been notified already, so a reminder is shown once and not at every start. */
export const remindersDocSchema = z.object({ lastRun: z.string().nullable().default(null), notified: z.array(z.string()).max(20_000).default([]) });
type RemindersDoc = z.output<typeof remindersDocSchema>;

/**
 * Desktop reminders: at start and then once a day, one notification for what has newly become overdue or is
 * due tomorrow (replies and commitments). Each item is notified once; turned off in settings.
 */
export function reminderService(ctx: ServiceContext, reader: LetterReader) {
  const run = async (): Promise<{ overdue: string[]; dueTomorrow: string[] }> => {
    const none = { overdue: [], dueTomorrow: [] };
    if (!ctx.store().getDoc<Preferences>('preferences').reminders.enabled) return none;
    const today = reader.today();
    const tomorrow = addCalendarDays(today, 1);
    const doc = ctx.store().getDoc<RemindersDoc>('reminders');
    const seen = new Set(doc.notified);
    const overdue: string[] = [];
    const dueTomorrow: string[] = [];
    const fresh: string[] = [];
    const consider = (key: string, label: string, list: string[]) => {
      if (seen.has(key)) return;
      fresh.push(key);
      list.push(label);
    };
    for (const l of ctx.store().all<Letter>('letters')) {
      if (l.deletedAt || l.status !== 'sent') continue;
      const { reply } = reader.detail(l);
      if (reply.state === 'reply-overdue') consider(`reply-overdue:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, overdue);
      if (reply.state === 'awaiting-reply' && l.deadlineDate === tomorrow) consider(`reply-due:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, dueTomorrow);
      for (const c of l.commitments) {
        const due = c.dueDate ?? l.deadlineDate;
        if (!due || !isOpen(currentStatus(c))) continue;
        if (due < today && c.dueDate) consider(`commitment-overdue:${c.id}:${due}`, `${l.reference}: ${c.text}`, overdue);
        if (due === tomorrow && c.dueDate) consider(`commitment-due:${c.id}:${due}`, `${l.reference}: ${c.text}`, dueTomorrow);
      }
    }
    if (fresh.length > 0) {
      const parts = [
        overdue.length ? `Now overdue: ${overdue.slice(0, 3).join('; ')}${overdue.length > 3 ? ` and ${overdue.length - 3} more` : ''}.` : '',
        dueTomorrow.length ? `Due tomorrow: ${dueTomorrow.slice(0, 3).join('; ')}${dueTomorrow.length > 3 ? ` and ${dueTomorrow.length - 3} more` : ''}.` : '',
      ].filter(Boolean);
      ctx.platform.notify('Correspondence Desk', parts.join(' '));
    }
    await ctx.store().putDoc('reminders', { lastRun: today, notified: [...doc.notified, ...fresh].slice(-20_000) });
    return { overdue, dueTomorrow };
  };
  return {
    run,
    /** Run again if the London date has changed since the last run (called hourly by the app). */
    runIfNewDay: async () => {
      if (ctx.store().getDoc<RemindersDoc>('reminders').lastRun !== reader.today()) await run();
    },
  };
}
