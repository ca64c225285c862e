import { letterRecord } from '../../../core/letters/letterSchema';
import type { Letter } from '../../../core/letters/letterSchema';
import { isPlainObject } from '../../records';
import { StoreValidationError } from '../../validationError';
import type { RawDatabase } from '../connection';
import type { SqlStore } from '../openDatabase';
import { letterToRows } from './letterRows';
import { letterSearchDocument } from './letterSearchIndex';

export interface ImportOptions {
  by: string;
  at: string;
  /** Kept on each letter's history row, e.g. "Carried over from the JSON register". */
  reason: string | null;
}

/**
 * Insert many new letters at once: every letter validated before anything is written, then all of them
 * in one transaction through statements prepared once, so ten years of letters go in within seconds and
 * an import either happens completely or not at all (a letter already there makes it fail and roll back).
 * Each letter gets a history row saying it was imported; the record it came from had no history to carry.
 *
 * This goes under Kysely to the connection, through Kysely's own connection lock, so no other query can
 * run in the middle of the transaction.
 */
export async function importLetters(store: SqlStore, input: readonly unknown[], options: ImportOptions): Promise<number> {
  const letters = input.map((raw, index): Letter => {
    const checked = letterRecord.safeParse(raw);
    if (checked.success) return checked.data;
    const recordId = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    throw new StoreValidationError('letters', checked.error.issues, { ...(recordId !== undefined ? { recordId } : {}), index });
  });
  if (letters.length === 0) return 0;
  await store.db.connection().execute(async () => {
    insertAll(store.raw, letters, options);
  });
  return letters.length;
}

function insertAll(raw: RawDatabase, letters: readonly Letter[], options: ImportOptions): void {
  raw.transaction(() => insertLettersIn(raw, letters, options))();
  settleAfterBulkInsert(raw);
}

/**
 * The inserts of importLetters, for a caller that already holds a transaction on `raw` and writes other
 * records in it too (the import of a JSON data folder, which carries everything over in one). The
 * letters must have been validated already. Call settleAfterBulkInsert once that transaction commits.
 */
export function insertLettersIn(raw: RawDatabase, letters: readonly Letter[], options: ImportOptions): void {
  if (letters.length === 0) return;
  const inserts = prepareLetterInserts(raw, options);
  for (const letter of letters) inserts.insert(letter);
  inserts.optimizeSearch();
}

export interface LetterInserts {
  /** One new letter: its row, commitments, tags, signatories, search entry and 'import' history row. */
  insert(letter: Letter): void;
  /** Once every letter is in, still inside the transaction. */
  optimizeSearch(): void;
}

/**
 * The statements of a bulk insert, prepared once, for a caller that inserts letters in batches within
 * one transaction (and lets other work run between them, as the JSON import does).
 */
export function prepareLetterInserts(raw: RawDatabase, options: ImportOptions): LetterInserts {
  let insertLetter: ReturnType<RawDatabase['prepare']> | null = null;
  const insertCommitment = raw.prepare(insertSql('commitments', ['letter_id', 'id', 'position', 'text', 'organisation', 'status', 'status_date', 'due_date', 'tags', 'history', 'effective_due', 'effective_organisation', 'live', 'sort_reference']));
  const insertTag = raw.prepare(insertSql('commitment_tags', ['letter_id', 'commitment_id', 'tag']));
  const insertSignatory = raw.prepare(insertSql('letter_signatories', ['letter_id', 'position', 'signatory_id', 'state', 'awaited']));
  const insertSearch = raw.prepare(insertSql('letters_fts', ['rowid', 'reference', 'subject', 'recipient', 'organisation', 'body', 'commitments']));
  const insertHistory = raw.prepare(insertSql('history', ['at', 'by', 'record_type', 'record_id', 'action', 'changes', 'reason']));
  return {
    insert(letter) {
      const rows = letterToRows(letter);
      insertLetter ??= raw.prepare(insertSql('letters', [...Object.keys(rows.letter), 'version']));
      const seq = Number(insertLetter.run({ ...rows.letter, version: 1 }).lastInsertRowid);
      for (const c of rows.commitments) insertCommitment.run(c);
      for (const t of rows.tags) insertTag.run(t);
      for (const s of rows.signatories) insertSignatory.run(s);
      insertSearch.run({ rowid: seq, ...letterSearchDocument(letter) });
      insertHistory.run({ at: options.at, by: options.by, record_type: 'letter', record_id: letter.id, action: 'import', changes: '[]', reason: options.reason });
    },
    optimizeSearch() {
      // One merged index answers queries faster than the many segments a bulk insert leaves.
      raw.prepare(`INSERT INTO letters_fts (letters_fts) VALUES ('optimize')`).run();
    },
  };
}

/** After a bulk insert has committed: outside any transaction, with no other query running on `raw`. */
export function settleAfterBulkInsert(raw: RawDatabase): void {
  // The planner's statistics describe the tables before the import: without fresh ones it reads a
  // filtered page through the wrong index. (PRAGMA optimize on close keeps them fresh afterwards.)
  raw.exec('ANALYZE');
  // The transaction's pages are in the write-ahead log; copy them into the file now rather than
  // leave the next open (or the first save) to do it.
  raw.pragma('wal_checkpoint(TRUNCATE)');
}

export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}
