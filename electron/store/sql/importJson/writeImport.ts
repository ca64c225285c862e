import { z } from 'zod';
import type { CcGroup, Contact, Organisation, Signatory } from '../../../core/addressBook/schemas';
import type { Letter } from '../../../core/letters/letterSchema';
import type { Reply } from '../../../core/replies/replySchema';
import type { StoredRecord } from '../../records';
import { describeError } from '../../problems';
import type { RawDatabase } from '../connection';
import { appendHistory } from '../history';
import type { HistoryRecordType } from '../history';
import { insertSql, prepareLetterInserts, settleAfterBulkInsert } from '../letters/importLetters';
import { ccGroupMapping, contactMapping, organisationMapping, signatoryMapping } from '../records/addressBookMappings';
import type { RecordMapping } from '../records/recordTable';
import { replyMapping } from '../records/replyMapping';
import { OFFICE_DOC, PREFERENCES_DOC } from '../register/register';
import type { Register } from '../register/register';
import { ImportError, NOTHING_CHANGED } from './importError';
import { insertMarker, IMPORT_MARKER } from './marker';
import type { ImportMarker } from './marker';
import { BATCH, yieldToEventLoop } from './progress';
import type { ProgressListener } from './progress';
import type { JsonSource } from './readJsonStore';
import { DOC_TARGETS } from './targets';

/** Kept on every history row of an import. */
export const IMPORT_REASON = 'Carried over from the JSON register';

const countersDoc = z.object({ counters: z.record(z.string(), z.number().int().min(0)) });

/**
 * The records that name other records, checked before anything is written so that a dangling one is
 * reported by name, rather than as the foreign key's failure at the end of the transaction. The JSON store
 * never removed a record, so only a hand edit makes one; it is refused, not dropped, as the import must
 * carry over every record as it was.
 */
export function checkReferences(source: JsonSource): void {
  const ids = (name: string) => new Set((source.collections.get(name) ?? []).map((r) => r.id));
  const organisations = ids('organisations');
  const contacts = ids('contacts');
  const letters = ids('letters');
  const refuse = (what: string, file: string) => {
    throw new ImportError('invalid', `Your records could not be carried over from the old JSON register: ${what}. ${NOTHING_CHANGED}`, { file: `store/${file}` });
  };
  for (const c of records<Contact>(source, 'contacts')) {
    if (c.organisationId !== null && !organisations.has(c.organisationId)) refuse(`the contact "${c.id}" names the organisation "${c.organisationId}", which is not in the old register`, 'contacts');
  }
  for (const g of records<CcGroup>(source, 'ccGroups')) {
    const missing = g.memberIds.find((m) => !contacts.has(m));
    if (missing !== undefined) refuse(`the CC group "${g.id}" names the contact "${missing}", which is not in the old register`, 'ccGroups');
  }
  for (const r of records<Reply>(source, 'replies')) {
    if (!letters.has(r.letterId)) refuse(`the reply "${r.id}" answers the letter "${r.letterId}", which is not in the old register`, 'replies');
  }
}

/**
 * Write every record of `source`, its documents and counters, and the marker, in ONE transaction: a kill
 * or a failure anywhere leaves the register as it was. Rows go in through statements prepared once, on
 * the connection under Kysely, inside the Kysely transaction (which holds that connection, so no other
 * query can run in the middle); the documents go through the register's DocStore, which keeps them in
 * memory, so the register serves them at once.
 */
export async function writeImport(register: Register, source: JsonSource, marker: ImportMarker, onProgress: ProgressListener = () => undefined): Promise<void> {
  const raw = register.sql.raw;
  const history = { at: marker.at, by: marker.by, reason: IMPORT_REASON };
  const who = { by: marker.by, at: marker.at };
  try {
    await register.write(async (trx) => {
      insertRecords(raw, organisationMapping, records<Organisation>(source, 'organisations'), history);
      insertRecords(raw, contactMapping, records<Contact>(source, 'contacts'), history);
      insertRecords(raw, signatoryMapping, records<Signatory>(source, 'signatories'), history);
      const groups = records<CcGroup>(source, 'ccGroups');
      insertRecords(raw, ccGroupMapping, groups, history);
      insertChildren(raw, 'cc_group_members', groups.flatMap((g) => g.memberIds.map((contact_id, position) => ({ group_id: g.id, position, contact_id }))));
      // In the order they were written, so the search index's row ids follow the register's history.
      const letters = [...records<Letter>(source, 'letters')].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      // In batches, the event loop running between them; the transaction stays open throughout, and
      // Kysely's lock on the connection keeps every other query out until it ends.
      const inserts = prepareLetterInserts(raw, history);
      for (let i = 0; i < letters.length; i += BATCH) {
        for (const letter of letters.slice(i, i + BATCH)) inserts.insert(letter);
        onProgress({ step: 'writing', done: Math.min(i + BATCH, letters.length), total: letters.length });
        await yieldToEventLoop();
      }
      if (letters.length > 0) inserts.optimizeSearch();
      const replies = records<Reply>(source, 'replies');
      insertRecords(raw, replyMapping, replies, history);
      insertChildren(raw, 'reply_answers', replies.flatMap((r) => r.answers.map((a, position) => ({ reply_id: r.id, position, commitment_id: a.commitmentId, status: a.status, note: a.note }))));
      insertChildren(raw, 'reply_attachments', replies.flatMap((r) => r.attachments.map((a, position) => ({ reply_id: r.id, position, id: a.id, name: a.name, size: a.size, sha256: a.sha256 }))));

      const counters = source.docs.get(DOC_TARGETS.counters);
      if (counters !== undefined) {
        insertChildren(raw, 'reference_counters', Object.entries(countersDoc.parse(counters).counters).map(([stem_key, sequence]) => ({ stem_key, sequence })));
      }
      const office = source.docs.get(DOC_TARGETS.office);
      if (office !== undefined) await register.docs.put(trx, OFFICE_DOC, OFFICE_DOC.schema.parse(office), who);
      const preferences = source.docs.get(DOC_TARGETS.preferences);
      if (preferences !== undefined) await register.docs.put(trx, PREFERENCES_DOC, PREFERENCES_DOC.schema.parse(preferences), who);

      await insertMarker(trx, marker);
      await appendHistory(trx, {
        ...history,
        recordType: 'doc',
        recordId: IMPORT_MARKER,
        action: 'import',
        changes: Object.entries(marker.counts).map(([field, after]) => ({ field, before: null, after })),
        reason: `${IMPORT_REASON} (the store folder, data version ${marker.sourceSchemaVersion}, kept as ${marker.folderName})`,
      });
    });
  } catch (err) {
    throw new ImportError('write-failed', `Your records could not be carried over from the old JSON register: the new register refused them (${describeError(err)}). ${NOTHING_CHANGED}`, { cause: err });
  }
  // Fresh planner statistics and the log copied into the file: through Kysely's lock on the connection,
  // so nothing else runs on it meanwhile. Only an optimisation: the import has committed whatever
  // happens here, so a failure (another connection keeping the log busy) is not the import's.
  await register.db
    .connection()
    .execute(async () => settleAfterBulkInsert(raw))
    .catch(() => undefined);
}

function records<T>(source: JsonSource, collection: string): T[] {
  return (source.collections.get(collection) ?? []) as readonly StoredRecord[] as unknown as T[];
}

interface TimedRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A record's row as recordTable's save writes it (the mapping's columns, the rest as `data`), its first
 * version, and its history row. The check after the import reads every record back through the register,
 * so a row that differed from a save's would be caught there.
 */
function insertRecords<T extends TimedRecord>(raw: RawDatabase, m: RecordMapping<T>, list: readonly T[], history: { at: string; by: string; reason: string }): void {
  if (list.length === 0) return;
  const rows = list.map((record) => {
    const { columns, omit } = m.columns(record);
    const rest = { ...record } as Record<string, unknown>;
    for (const key of ['id', 'createdAt', 'updatedAt', ...omit]) delete rest[key];
    return { ...columns, id: record.id, created_at: record.createdAt, updated_at: record.updatedAt, data: JSON.stringify(rest), version: 1 };
  });
  const insert = raw.prepare(insertSql(m.table, Object.keys(rows[0]!)));
  for (const row of rows) insert.run(row);
  historyRows(raw, m.recordType, list, history);
}

function historyRows(raw: RawDatabase, recordType: HistoryRecordType, list: readonly { id: string }[], history: { at: string; by: string; reason: string }): void {
  const insert = raw.prepare(insertSql('history', ['at', 'by', 'record_type', 'record_id', 'action', 'changes', 'reason']));
  for (const r of list) insert.run({ at: history.at, by: history.by, record_type: recordType, record_id: r.id, action: 'import', changes: '[]', reason: history.reason });
}

function insertChildren(raw: RawDatabase, table: string, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const insert = raw.prepare(insertSql(table, Object.keys(rows[0]!)));
  for (const row of rows) insert.run(row);
}
