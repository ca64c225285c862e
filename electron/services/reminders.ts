import { z } from 'zod';
import { isOpen, currentStatus } from '../core/commitments/commitment';
import { addCalendarDays } from '../core/deadlines/calendarMath';
import type { Letter } from '../core/letters/letterSchema';
import type { ServiceContext } from './context';
import type { Preferences } from './letters/deadlines';
import type { LetterReader } from './letters/letterDetail';
import { replyState } from '../core/replies/replyState';
import type { Reply } from '../core/replies/replySchema';

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
    // One pass to know which threads have a reply: asking each letter's detail would rescan everything per letter.
    const letters = ctx.store().all<Letter>('letters').filter((l) => !l.deletedAt);
    const threadOf = new Map(letters.map((l) => [l.id, l.threadId]));
    const repliedThreads = new Set<string>();
    const repliedLetters = new Set<string>();
    for (const r of ctx.store().all<Reply>('replies')) {
      repliedLetters.add(r.letterId);
      const t = threadOf.get(r.letterId);
      if (t) repliedThreads.add(t);
    }
    for (const l of letters) {
      if (l.status !== 'sent') continue;
      const answered = l.followsUp === null ? repliedThreads.has(l.threadId) : repliedLetters.has(l.id);
      const state = replyState(l, answered, today);
      if (state === 'reply-overdue') consider(`reply-overdue:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, overdue);
      if (state === 'awaiting-reply' && l.deadlineDate === tomorrow) consider(`reply-due:${l.id}:${l.deadlineDate}`, `${l.reference} (reply)`, dueTomorrow);
      for (const c of l.commitments) {
        // A commitment due with the reply is covered by the reply reminder until a reply comes; after
        // that (agreed, say, but not delivered) it is reminded on its own.
        const due = c.dueDate ?? (answered ? l.deadlineDate : null);
        if (!due || !isOpen(currentStatus(c))) continue;
        if (due < today) consider(`commitment-overdue:${c.id}:${due}`, `${l.reference}: ${c.text}`, overdue);
        if (due === tomorrow) consider(`commitment-due:${c.id}:${due}`, `${l.reference}: ${c.text}`, dueTomorrow);
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
