import type { BackupInfo, BackupPolicy } from './types';

// The office is in London: "today's backups" must follow its calendar day whatever the machine's
// TZ setting is, including across the BST/GMT changes.
const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2024-03-17": the calendar day in Europe/London. */
export function londonDay(date: Date): string {
  const parts = londonDate.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Which backups survive pruning: the newest `keepToday` of today, plus the newest of each of the
 * `keepDays` most recent earlier days that have backups. Backups dated after today (the clock was
 * set back) are kept: deleting them would discard the newest data because of a wrong clock.
 */
export function backupsToKeep(backups: BackupInfo[], now: Date, policy: BackupPolicy): Set<string> {
  const today = londonDay(now);
  const newestFirst = [...backups].sort(compareNewestFirst);
  const keep = new Set<string>();
  let keptToday = 0;
  const earlierDaysKept = new Set<string>();
  for (const backup of newestFirst) {
    const day = londonDay(new Date(backup.createdAt));
    if (day > today) {
      keep.add(backup.id);
    } else if (day === today) {
      if (keptToday < policy.keepToday) {
        keep.add(backup.id);
        keptToday++;
      }
    } else if (!earlierDaysKept.has(day) && earlierDaysKept.size < policy.keepDays) {
      earlierDaysKept.add(day);
      keep.add(backup.id);
    }
  }
  return keep;
}

export function compareNewestFirst(a: BackupInfo, b: BackupInfo): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return byTime !== 0 ? byTime : b.id.localeCompare(a.id);
}
