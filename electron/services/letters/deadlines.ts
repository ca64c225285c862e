import { effectiveDeadline, type DeadlineEvent } from '../../core/deadlines/deadlineHistory';
import type { WorkingCalendar } from '../../core/deadlines/workingCalendar';
import type { Letter } from '../../core/letters/letterSchema';
import { buildWorkingCalendar } from '../deadlines/bankHolidays';
import { PREFERENCES_DOC } from '../../store/sql';
import type { ServiceContext } from '../context';

export { preferencesSchema, type Preferences } from '../../core/settings/preferences';

/**
 * Deadlines are always worked out here, in main, from the rule (or the officer's date), the day the clock
 * started (the day the letter was sent, or its date until then) and the history of extensions and overrides,
 * on the working calendar in settings. The renderer only shows the result and how it was reached.
 */
export function deadlineService(ctx: ServiceContext) {
  let cache: { key: string; calendar: WorkingCalendar } | null = null;
  const calendar = (settings = ctx.register().docs.get(PREFERENCES_DOC).deadlines): WorkingCalendar => {
    const key = JSON.stringify(settings);
    if (cache?.key !== key) cache = { key, calendar: buildWorkingCalendar(settings) };
    return cache.calendar;
  };
  const inputOf = (l: Letter) => ({ rule: l.deadlineRule, start: l.sentDate ?? l.letterDate, manualDate: l.deadlineManualDate, events: l.deadlineEvents as DeadlineEvent[] });
  return {
    calendar,
    /** The letter with its deadline in force recomputed. */
    apply<T extends Letter>(letter: T, cal = calendar()): T {
      return { ...letter, deadlineDate: effectiveDeadline(inputOf(letter), cal).date };
    },
    steps: (letter: Letter) => effectiveDeadline(inputOf(letter), calendar()).steps,
    inputOf,
  };
}
export type DeadlineService = ReturnType<typeof deadlineService>;
