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

/**
 * The letters matching `match` (an ftsQuery), as JSON arrays for the best-match-first order, which filters
 * and sorts by them (json_each reads them back; the other orders ask the index in a subquery instead): `seqs` for filtering, and for sorting `ranked`, [seq, bm25] pairs (lower
 * is better), only worked out when asked for, as bm25 costs more than the match. A hit in the reference
 * or subject counts for more than one in the body: an officer searching `safeguarding` wants the letters
 * about it first, not those that mention it in a paragraph. The weights follow the table's columns.
 */
export interface SearchHits {
  count: number;
  seqs: string;
  ranked: string | null;
}

export async function searchHits(db: Kysely<Database>, match: string, ranked: boolean): Promise<SearchHits> {
  // MATERIALIZED: bm25 may only be called in a query on the index itself, and SQLite would otherwise
  // fold this into the aggregate.
  const { rows } = await sql<{ seqs: string | null; ranked: string | null; count: number }>`
    WITH hit AS MATERIALIZED (
      SELECT rowid, ${ranked ? sql`bm25(letters_fts, 10.0, 5.0, 3.0, 3.0, 1.0, 2.0)` : sql`NULL`} AS rank
      FROM letters_fts WHERE letters_fts MATCH ${match})
    SELECT json_group_array(rowid) AS seqs, ${ranked ? sql`json_group_array(json_array(rowid, rank))` : sql`NULL`} AS ranked, count(*) AS count
    FROM hit`.execute(db);
  const row = rows[0];
  return { count: row?.count ?? 0, seqs: row?.seqs ?? '[]', ranked: row?.ranked ?? null };
}

/** `seq` is one of the hits. */
export function isHit(seq: Expression<number>, hits: SearchHits): RawBuilder<SqlBool> {
  return sql<SqlBool>`${seq} IN (SELECT value FROM json_each(${hits.seqs}))`;
}

/** The hits as a table of (seq, rank), to join and sort by; searchHits must have been asked to rank. */
export function rankOf(hits: SearchHits) {
  return sql<{ seq: number; rank: number }>`(SELECT value ->> 0 AS seq, value ->> 1 AS rank FROM json_each(${hits.ranked ?? '[]'}))`;
}
