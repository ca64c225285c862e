import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { RawDatabase } from '../connection';
import type { Database } from '../schema';
import type { RegisterCounts } from './manifest';

/** What a backup records about its register, and what the next open compares with the live one. */
export interface RegisterFacts {
  appSchemaVersion: number;
  historyMaxId: number;
  counts: RegisterCounts;
}

const FACTS_SQL = `SELECT
  (SELECT count(*) FROM letters) AS letters,
  (SELECT count(*) FROM replies) AS replies,
  (SELECT count(*) FROM contacts) AS contacts,
  (SELECT count(*) FROM history) AS history,
  (SELECT coalesce(max(id), 0) FROM history) AS historyMaxId`;

interface FactsRow {
  letters: number;
  replies: number;
  contacts: number;
  history: number;
  historyMaxId: number;
}

function toFacts(row: FactsRow, appSchemaVersion: number): RegisterFacts {
  const { historyMaxId, ...counts } = row;
  return { appSchemaVersion, historyMaxId, counts };
}

/** Of a copy nobody else is using: straight on its connection, in one statement (one snapshot). */
export function factsOfCopy(raw: RawDatabase): RegisterFacts {
  return toFacts(raw.prepare(FACTS_SQL).get() as FactsRow, Number(raw.pragma('user_version', { simple: true })));
}

/**
 * Of the live register: through Kysely, which waits for a transaction under way on the shared
 * connection, where the raw connection would see that transaction's uncommitted rows. The counts come
 * from one statement, so they are of one moment; the schema version only changes at open.
 */
export async function factsOfLive(db: Kysely<Database>): Promise<RegisterFacts> {
  const row = (await sql<FactsRow>`${sql.raw(FACTS_SQL)}`.execute(db)).rows[0]!;
  const version = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)).rows[0]!;
  return toFacts(row, Number(version.user_version));
}
