import { sql } from 'kysely';
import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import { normaliseForSearch } from '../../../core/addressBook/search';
import type { Letter } from '../../../core/letters/letterSchema';
import { plainText } from '../../../core/letters/richText';
import type { Database, LettersFtsTable } from '../schema';

/**
 * The letters' full-text index (FTS5, SQLite only: PostgreSQL's tsvector takes this file's place in
 * issue 11). The text goes in normalised as today's search normalises it (accents and case folded,
 * compatibility forms such as ligatures decomposed), so a word matches here exactly when its normalised
 * form matched before. Callers write the index in the same transaction as the letter.
 */
export type LetterSearchDocument = Omit<LettersFtsTable, 'rowid'>;

export function letterSearchDocument(l: Letter): LetterSearchDocument {
  return {
    reference: normaliseForSearch(l.reference),
    subject: normaliseForSearch(l.subject),
    recipient: normaliseForSearch(`${l.recipient.fullName}\n${l.recipient.role}`),
    organisation: normaliseForSearch(l.recipient.organisation),
    body: normaliseForSearch(plainText(l.body)),
    commitments: normaliseForSearch(l.commitments.map((c) => c.text).join('\n')),
  };
}

export async function indexLetter(db: Kysely<Database>, seq: number, doc: LetterSearchDocument): Promise<void> {
  await unindexLetter(db, seq);
  await db.insertInto('letters_fts').values({ rowid: seq, ...doc }).execute();
}

export async function unindexLetter(db: Kysely<Database>, seq: number): Promise<void> {
  await db.deleteFrom('letters_fts').where('rowid', '=', seq).execute();
}

/** `seq` is among the letters matching `match` (an ftsQuery). */
export function matchesSearch(seq: Expression<number>, match: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${seq} IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${match})`;
}

/**
 * The hits of `match` with their rank (bm25: lower is better). A hit in the reference or subject counts
 * for more than one in the body: an officer searching `safeguarding` wants the letters about it first,
 * not those that mention it in a paragraph. Weights follow the column order of the table.
 */
export function rankedHits(match: string) {
  return sql<{ rowid: number; rank: number }>`(SELECT rowid, bm25(letters_fts, 10.0, 5.0, 3.0, 3.0, 1.0, 2.0) AS rank FROM letters_fts WHERE letters_fts MATCH ${match})`;
}
