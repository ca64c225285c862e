import type { Kysely } from 'kysely';
import type { Clock } from '../../../core/clock';
import type { IsoDate } from '../../../core/dates/londonDate';
import { letterRecord } from '../../../core/letters/letterSchema';
import type { Letter } from '../../../core/letters/letterSchema';
import { StoreValidationError } from '../../validationError';
import { appendHistory, fieldChanges } from '../history';
import type { FieldChange, HistoryAction } from '../history';
import type { SqlStore } from '../openDatabase';
import type { Database } from '../schema';
import { writeTransaction } from '../transaction';
import { importLetters } from './importLetters';
import type { ImportOptions } from './importLetters';
import { historyFields, letterToRows, rowsToLetter } from './letterRows';
import type { LetterRows } from './letterRows';
import { indexLetter, letterSearchDocument, unindexLetter } from './letterSearchIndex';
import { queryLetters } from './queryLetters';
import type { LetterPage, LetterPageQuery } from './queryLetters';

export interface SaveLetterOptions {
  /** The officer, as this PC's settings name them. */
  by: string;
  action: HistoryAction;
  /** Why, where the officer was asked (an override, a deadline change). */
  reason?: string | null;
  /**
   * The version the caller read (`getStoredLetter`); the save is refused if the letter has been saved
   * since, so one officer's edit cannot silently undo another's (issue 11). Omitted: no check.
   */
  expectedVersion?: number;
}

export interface StoredLetter {
  letter: Letter;
  /** How many times the letter has been saved; 1 after its first save. */
  version: number;
}

export interface SavedLetter extends StoredLetter {
  /** What this save changed, as the history recorded it. */
  changes: FieldChange[];
}

export class VersionConflictError extends Error {
  constructor(
    readonly letterId: string,
    readonly expected: number,
    readonly found: number,
  ) {
    super(`The letter ${letterId} has been changed since it was opened (version ${found}, not ${expected}). Reopen it to see the changes.`);
    this.name = 'VersionConflictError';
  }
}

/**
 * The letters' reads and writes. Every write that starts its own transaction (saveLetter, purgeLetter,
 * importLetters) first waits for the open's check of the file (SqlStore.checked) and rejects with its
 * DamagedRegisterError if the file is damaged; saveLetterIn runs in a transaction from Register.write,
 * which has waited already. Reads never wait.
 */
export interface LetterRepository {
  getLetter(id: string): Promise<Letter | undefined>;
  getStoredLetter(id: string): Promise<StoredLetter | undefined>;
  /**
   * Save a letter: its row, its commitments, its signatories, its search entry and a history row, in
   * one transaction. Resolves once the commit is on the disk. Validated with the letter schema first.
   */
  saveLetter(letter: Letter, options: SaveLetterOptions): Promise<SavedLetter>;
  /** The same, inside a transaction the caller holds (a reply and the letters it updates commit together). */
  saveLetterIn(trx: Kysely<Database>, letter: Letter, options: SaveLetterOptions): Promise<SavedLetter>;
  /** Remove a letter for good (emptying the bin); its history stays, with what it held. */
  purgeLetter(id: string, options: Omit<SaveLetterOptions, 'action'>): Promise<boolean>;
  /** A page of the register, filtered, sorted, counted and paged in SQL. `today` decides what is overdue. */
  queryLetters(q: LetterPageQuery, today: IsoDate): Promise<LetterPage>;
  /** Many new letters in one transaction with prepared statements: the JSON import and the benchmark. */
  importLetters(letters: readonly unknown[], options: Omit<ImportOptions, 'at'>): Promise<number>;
}

export function createLetterRepository(store: SqlStore, clock: Clock): LetterRepository {
  const { db } = store;
  const now = () => clock.now().toISOString();
  async function saveLetterIn(trx: Kysely<Database>, input: Letter, options: SaveLetterOptions): Promise<SavedLetter> {
      const checked = letterRecord.safeParse(input);
      if (!checked.success) {
        throw new StoreValidationError('letters', checked.error.issues, typeof input.id === 'string' ? { recordId: input.id } : {});
      }
      const letter = checked.data;
      const rows = letterToRows(letter);
        const old = await readLetter(trx, letter.id);
        if (options.expectedVersion !== undefined && (old?.version ?? 0) !== options.expectedVersion) {
          throw new VersionConflictError(letter.id, options.expectedVersion, old?.version ?? 0);
        }
        const version = (old?.version ?? 0) + 1;
        const seq = await writeLetterRows(trx, rows, version, old?.seq ?? null);
        await indexLetter(trx, seq, letterSearchDocument(letter));
        const changes = fieldChanges(old ? historyFields(old.letter) : null, historyFields(letter));
        // A save that changed nothing (an autosave of the same text) leaves no history row; any other
        // action is recorded even without a change, as it happened.
        if (changes.length > 0 || options.action !== 'edit') {
          await appendHistory(trx, { at: now(), by: options.by, recordType: 'letter', recordId: letter.id, action: options.action, changes, reason: options.reason ?? null });
        }
        return { letter, version, changes };
  }

  return {
    getLetter: async (id) => (await readLetter(db, id))?.letter,
    getStoredLetter: async (id) => {
      const found = await readLetter(db, id);
      return found && { letter: found.letter, version: found.version };
    },

    async saveLetter(input, options) {
      await store.checked;
      return writeTransaction(store, (trx) => saveLetterIn(trx, input, options));
    },
    saveLetterIn: (trx, input, options) => saveLetterIn(trx, input, options),

    async purgeLetter(id, options) {
      await store.checked;
      return writeTransaction(store, async (trx) => {
        const old = await readLetter(trx, id);
        if (!old) return false;
        if (options.expectedVersion !== undefined && old.version !== options.expectedVersion) throw new VersionConflictError(id, options.expectedVersion, old.version);
        await unindexLetter(trx, old.seq);
        // Commitments, their tags and the signatory rows go with it (ON DELETE CASCADE); a reply to the
        // letter makes the foreign key refuse, as a letter that was answered is part of the record.
        await trx.deleteFrom('letters').where('id', '=', id).execute();
        const changes = fieldChanges(historyFields(old.letter), null);
        await appendHistory(trx, { at: now(), by: options.by, recordType: 'letter', recordId: id, action: 'purge', changes, reason: options.reason ?? null });
        return true;
      });
    },

    queryLetters: (q, today) => queryLetters(db, q, today),
    async importLetters(letters, options) {
      await store.checked;
      return importLetters(store, letters, { ...options, at: now() });
    },
  };
}

async function readLetter(db: Kysely<Database>, id: string): Promise<(StoredLetter & { seq: number }) | undefined> {
  const row = await db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const commitments = await db
    .selectFrom('commitments')
    .select(['id', 'text', 'organisation', 'due_date', 'tags', 'history'])
    .where('letter_id', '=', id)
    .orderBy('position')
    .execute();
  return { letter: rowsToLetter(row, commitments), version: row.version, seq: row.seq };
}

/** The letter's row and the rows that hang off it, replacing what was there; returns its seq. */
async function writeLetterRows(trx: Kysely<Database>, rows: LetterRows, version: number, seq: number | null): Promise<number> {
  const id = rows.letter.id;
  let written: number;
  if (seq === null) {
    written = (await trx.insertInto('letters').values({ ...rows.letter, version }).returning('seq').executeTakeFirstOrThrow()).seq;
  } else {
    await trx.updateTable('letters').set({ ...rows.letter, version }).where('id', '=', id).execute();
    written = seq;
  }
  await trx.deleteFrom('commitments').where('letter_id', '=', id).execute();
  await trx.deleteFrom('letter_signatories').where('letter_id', '=', id).execute();
  if (rows.commitments.length > 0) await trx.insertInto('commitments').values(rows.commitments).execute();
  if (rows.tags.length > 0) await trx.insertInto('commitment_tags').values(rows.tags).execute();
  if (rows.signatories.length > 0) await trx.insertInto('letter_signatories').values(rows.signatories).execute();
  return written;
}
