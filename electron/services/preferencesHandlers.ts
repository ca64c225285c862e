import type { Handlers } from '../ipc/contract';
import { PREFERENCES_DOC } from '../store/sql';
import type { ServiceContext } from './context';
import type { DeadlineService } from './letters/deadlines';
import type { createMutex } from './mutex';

/**
 * Deadline and reminder preferences. Changing the working calendar (a bank holiday added or removed, another
 * region, rolling forward on or off) recomputes every open deadline at once and reports which ones moved:
 * the preferences and every moved letter commit together, each letter with its history row.
 */
export function preferencesHandlers(ctx: ServiceContext, deadlines: DeadlineService, lock: ReturnType<typeof createMutex>): Pick<Handlers, 'settings.getPreferences' | 'settings.savePreferences'> {
  return {
    'settings.getPreferences': async () => ({ preferences: ctx.register().docs.get(PREFERENCES_DOC), changed: [] }),
    'settings.savePreferences': (preferences) =>
      lock(async () => {
        const register = ctx.register();
        const after = deadlines.calendar(preferences.deadlines);
        const open = await register.letters.lettersByIds(await register.letters.idsWithOpenDeadlines());
        const moved = open.flatMap((l) => {
          const next = deadlines.apply(l, after);
          return next.deadlineDate === l.deadlineDate ? [] : [{ before: l, after: { ...next, updatedAt: ctx.nowIso() } }];
        });
        const by = ctx.officer();
        await register.write(async (trx) => {
          await register.docs.put(trx, PREFERENCES_DOC, preferences, { by, at: ctx.nowIso() });
          for (const m of moved) await register.letters.saveLetterIn(trx, m.after, { by, action: 'deadline', reason: 'The working calendar changed in settings.' });
        });
        return {
          preferences: register.docs.get(PREFERENCES_DOC),
          changed: moved.map((m) => ({ id: m.before.id, reference: m.before.reference, before: m.before.deadlineDate, after: m.after.deadlineDate })),
        };
      }),
  };
}
