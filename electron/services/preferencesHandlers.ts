import type { Letter } from '../core/letters/letterSchema';
import type { Handlers } from '../ipc/contract';
import { saveRecord } from './addressBook/saveRecord';
import type { ServiceContext } from './context';
import type { DeadlineService, Preferences } from './letters/deadlines';
import type { createMutex } from './mutex';

/**
 * Deadline and reminder preferences. Changing the working calendar (a bank holiday added or removed, another
 * region, rolling forward on or off) recomputes every open deadline at once and reports which ones moved.
 */
export function preferencesHandlers(ctx: ServiceContext, deadlines: DeadlineService, lock: ReturnType<typeof createMutex>): Pick<Handlers, 'settings.getPreferences' | 'settings.savePreferences'> {
  return {
    'settings.getPreferences': async () => ({ preferences: ctx.store().getDoc<Preferences>('preferences'), changed: [] }),
    'settings.savePreferences': (preferences) =>
      lock(async () => {
        await ctx.store().putDoc('preferences', preferences);
        const after = deadlines.calendar();
        const changed = [];
        for (const l of ctx.store().all<Letter>('letters')) {
          if (l.deletedAt || l.status === 'closed') continue;
          const next = deadlines.apply(l, after);
          if (next.deadlineDate !== l.deadlineDate) {
            changed.push({ id: l.id, reference: l.reference, before: l.deadlineDate, after: next.deadlineDate });
            await saveRecord(ctx, 'letters', { ...next, updatedAt: ctx.nowIso() });
          }
        }
        return { preferences: ctx.store().getDoc<Preferences>('preferences'), changed };
      }),
  };
}
