import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { historyOf } from '../history';
import type { FieldChange, HistoryAction, HistoryEntry, HistoryRecordType } from '../history';

export interface HistoryFilter {
  by: string | null;
  recordType: HistoryRecordType | null;
  /** London dates, inclusive; compared with the ISO time's date part. */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

export interface HistoryPage {
  rows: HistoryEntry[];
  total: number;
}

/** The history across the office, newest first, and one record's, oldest first. */
export function createHistoryQueries(db: Kysely<Database>) {
  const filtered = (f: Omit<HistoryFilter, 'limit' | 'offset'>) => {
    let q = db.selectFrom('history');
    if (f.by) q = q.where('by', '=', f.by);
    if (f.recordType) q = q.where('record_type', '=', f.recordType);
    if (f.from) q = q.where('at', '>=', f.from);
    // The whole of the last day: any time on it sorts before the next day's date.
    if (f.to) q = q.where('at', '<', `${f.to}\uffff`);
    return q;
  };
  return {
    of: (recordType: HistoryRecordType, recordId: string) => historyOf(db, recordType, recordId),
    async page(f: HistoryFilter): Promise<HistoryPage> {
      const rows = await filtered(f).selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
      const { n } = await filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        total: Number(n),
        rows: rows.map((r) => ({
          id: r.id,
          at: r.at,
          by: r.by,
          recordType: r.record_type as HistoryRecordType,
          recordId: r.record_id,
          action: r.action as HistoryAction,
          changes: JSON.parse(r.changes) as FieldChange[],
          reason: r.reason,
        })),
      };
    },
    async officers(): Promise<string[]> {
      const rows = await db.selectFrom('history').select('by').distinct().orderBy('by').execute();
      return rows.map((r) => r.by);
    },
  };
}
export type HistoryQueries = ReturnType<typeof createHistoryQueries>;
