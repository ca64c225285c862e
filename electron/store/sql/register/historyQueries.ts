import type { Kysely } from 'kysely';
import type { HistoryEntry, HistoryEntryView, HistoryRecordType } from '../../../core/history/history';
import type { Database } from '../schema';
import { historyEntryOf } from '../history';

/** The office-wide history's filter: times are ISO instants (the caller turns London days into them). */
export interface HistoryQuery {
  by: string | null;
  recordType: HistoryRecordType | null;
  fromIso: string | null;
  /** Exclusive. */
  beforeIso: string | null;
}

const DOC_LABELS: Record<string, string> = { office: 'Office profile', preferences: 'Deadlines and reminders', jsonImport: 'Carried-over register' };

/** The history across the office (newest first, paged) and one letter's (oldest first), each record named. */
export function createHistoryQueries(db: Kysely<Database>) {
  const filtered = (f: HistoryQuery) => {
    let q = db.selectFrom('history');
    if (f.by) q = q.where('by', '=', f.by);
    if (f.recordType) q = q.where('record_type', '=', f.recordType);
    if (f.fromIso) q = q.where('at', '>=', f.fromIso);
    if (f.beforeIso) q = q.where('at', '<', f.beforeIso);
    return q;
  };

  /** Names for the records of some entries, read per kind in one query each; a removed record keeps its id. */
  const labelled = async (entries: HistoryEntry[]): Promise<HistoryEntryView[]> => {
    const ids = (type: HistoryRecordType) => [...new Set(entries.filter((e) => e.recordType === type).map((e) => e.recordId))];
    const names = new Map<string, { label: string; letterId: string | null }>();
    const letterIds = ids('letter');
    if (letterIds.length > 0) {
      for (const l of await db.selectFrom('letters').select(['id', 'reference']).where('id', 'in', letterIds).execute()) names.set(`letter:${l.id}`, { label: l.reference, letterId: l.id });
    }
    const replyIds = ids('reply');
    if (replyIds.length > 0) {
      const rows = await db.selectFrom('replies as r').innerJoin('letters as l', 'l.id', 'r.letter_id').select(['r.id', 'r.letter_id', 'r.from_name', 'l.reference']).where('r.id', 'in', replyIds).execute();
      for (const r of rows) names.set(`reply:${r.id}`, { label: `Reply to ${r.reference}${r.from_name ? ` from ${r.from_name}` : ''}`, letterId: r.letter_id });
    }
    const contactIds = ids('contact');
    if (contactIds.length > 0) {
      for (const c of await db.selectFrom('contacts').select(['id', 'honorific', 'given_name', 'family_name']).where('id', 'in', contactIds).execute()) {
        names.set(`contact:${c.id}`, { label: [c.honorific, c.given_name, c.family_name].filter(Boolean).join(' '), letterId: null });
      }
    }
    for (const [type, table] of [['organisation', 'organisations'], ['signatory', 'signatories'], ['cc-group', 'cc_groups']] as const) {
      const some = ids(type);
      if (some.length === 0) continue;
      for (const r of await db.selectFrom(table as 'signatories').select(['id', 'name']).where('id', 'in', some).execute()) names.set(`${type}:${r.id}`, { label: r.name, letterId: null });
    }
    return entries.map((e) => {
      const found = names.get(`${e.recordType}:${e.recordId}`);
      const removedReference = e.changes.find((c) => c.field === 'reference')?.before;
      const label = found?.label ?? (e.recordType === 'doc' ? (DOC_LABELS[e.recordId] ?? e.recordId) : typeof removedReference === 'string' ? removedReference : e.recordId);
      return { ...e, recordLabel: label, letterId: found?.letterId ?? null };
    });
  };

  return {
    async page(f: HistoryQuery, limit: number, offset: number): Promise<{ rows: HistoryEntryView[]; total: number }> {
      const rows = await filtered(f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
      const { n } = await filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { total: Number(n), rows: await labelled(rows.map(historyEntryOf)) };
    },
    /** Every entry the filter lets through, oldest first, a batch at a time (for a CSV of any size). */
    async *all(f: HistoryQuery, batch = 2000): AsyncGenerator<HistoryEntryView[]> {
      let after = 0;
      for (;;) {
        const rows = await filtered(f).selectAll().where('id', '>', after).orderBy('id').limit(batch).execute();
        if (rows.length === 0) return;
        yield await labelled(rows.map(historyEntryOf));
        after = rows[rows.length - 1]!.id;
      }
    },
    /** A letter's own history and its replies', oldest first. */
    async ofLetter(letterId: string): Promise<HistoryEntryView[]> {
      const rows = await db
        .selectFrom('history')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('record_type', '=', 'letter'), eb('record_id', '=', letterId)]),
            eb.and([eb('record_type', '=', 'reply'), eb('record_id', 'in', eb.selectFrom('replies as rr').select('rr.id').where('rr.letter_id', '=', letterId))]),
          ]),
        )
        .orderBy('id')
        .execute();
      return labelled(rows.map(historyEntryOf));
    },
    async officers(): Promise<string[]> {
      const rows = await db.selectFrom('history').select('by').distinct().orderBy('by').execute();
      return rows.map((r) => r.by);
    },
  };
}
export type HistoryQueries = ReturnType<typeof createHistoryQueries>;
