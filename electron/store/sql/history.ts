import type { Kysely, Selectable } from 'kysely';
import type { FieldChange, HistoryAction, HistoryEntry, HistoryRecordType } from '../../core/history/history';
import type { Database, HistoryTable } from './schema';

/**
 * The history of every change: one row per write, appended in the write's own transaction (so there
 * is never a change without its row, nor a row for a change that was rolled back), and never changed
 * afterwards: the table's triggers refuse UPDATE and DELETE, whatever code or tool asks.
 */
export type { FieldChange, HistoryAction, HistoryEntry, HistoryRecordType } from '../../core/history/history';

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

export async function appendHistory(db: Kysely<Database>, entry: NewHistoryEntry): Promise<void> {
  await db
    .insertInto('history')
    .values({
      at: entry.at,
      by: entry.by,
      record_type: entry.recordType,
      record_id: entry.recordId,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
      reason: entry.reason,
    })
    .execute();
}

/** A record's history, oldest first. */
export async function historyOf(db: Kysely<Database>, recordType: HistoryRecordType, recordId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('history')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map(historyEntryOf);
}

/** A history row as the entry the app reads. */
export function historyEntryOf(r: Selectable<HistoryTable>): HistoryEntry {
  return {
    id: r.id,
    at: r.at,
    by: r.by,
    recordType: r.record_type as HistoryRecordType,
    recordId: r.record_id,
    action: r.action as HistoryAction,
    changes: JSON.parse(r.changes) as FieldChange[],
    reason: r.reason,
  };
}

/**
 * The fields that differ between two flat views of a record (null: it did not exist / no longer does).
 * Values are compared as canonical JSON, so key order, which zod and JSON.parse may not keep the same,
 * never shows as a change.
 */
export function fieldChanges(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
