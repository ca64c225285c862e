import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * One step of the schema. `version` is the `PRAGMA user_version` it produces; versions run 1, 2, 3, …
 * with no gaps. `up` sees the database untyped (`Kysely<unknown>`): it must build the shape as it was
 * when the step was written, whatever schema.ts says today.
 */
export interface SqlMigration {
  version: number;
  description: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Marks the file as ours (`PRAGMA application_id`): "CDSK". Another program's SQLite file has not got it. */
export const APPLICATION_ID = 0x4344534b;

/** A mistake in the list of migrations is a programmer's error, found by the first test that opens a file. */
export function checkMigrations(migrations: readonly SqlMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`register: migration ${i + 1} says it produces version ${m.version}; versions must run 1, 2, 3, …`);
  });
}

/**
 * Bring a database from `from` to the last migration's version. All the pending steps run in one
 * transaction with the new user_version, so a failure (or a crash) leaves the file exactly as it was,
 * never half-way between two shapes. A newly made file (version 0) is also stamped as ours here, in the
 * same transaction. PRAGMA foreign_keys cannot change inside a transaction: a future step that rebuilds a
 * table must not rely on turning it off, and should copy rows in an order the keys allow.
 */
export async function migrate(db: Kysely<Database>, migrations: readonly SqlMigration[], from: number): Promise<void> {
  checkMigrations(migrations);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  await db.transaction().execute(async (trx) => {
    if (from === 0) await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx);
    for (const m of pending) {
      await m.up(trx as unknown as Kysely<unknown>);
      // PRAGMA takes no bound parameters; the version is an integer we checked above.
      await sql.raw(`PRAGMA user_version = ${m.version}`).execute(trx);
    }
  });
}
