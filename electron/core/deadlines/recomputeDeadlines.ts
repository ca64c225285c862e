import type { IsoDate } from '../dates/londonDate';
import type { DeadlineRule } from '../letters/deadlineRule';
import type { DeadlineEvent } from './deadlineEvents';
import { effectiveDeadline } from './deadlineHistory';
import type { WorkingCalendar } from './workingCalendar';

export interface DeadlineSubject {
  id: string;
  rule: DeadlineRule | null;
  start: IsoDate;
  manualDate: IsoDate | null;
  events: readonly DeadlineEvent[];
  /** The deadline as stored and shown now; null if none was ever stored. */
  current: IsoDate | null;
}

export interface DeadlineChange {
  id: string;
  before: IsoDate | null;
  after: IsoDate | null;
}

/**
 * After the office's holidays change (a new bank holiday announced, one added or removed by hand), the
 * deadlines whose date changes, with the date they had and the date they now have, so the screen can say
 * which letters moved. "Had" is the stored date when there is one, so a date already brought up to date is
 * not reported twice; with nothing stored it is the date under the old calendar.
 */
export function recomputeDeadlines<T>(
  items: readonly T[],
  get: (t: T) => DeadlineSubject,
  before: WorkingCalendar,
  after: WorkingCalendar,
): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  for (const item of items) {
    const s = get(item);
    const was = s.current ?? effectiveDeadline(s, before).date;
    const now = effectiveDeadline(s, after).date;
    if (was !== now) changes.push({ id: s.id, before: was, after: now });
  }
  return changes;
}
