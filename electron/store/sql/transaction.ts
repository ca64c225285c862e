import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { SqlStore } from './openDatabase';
import type { Database } from './schema';

const listeners = new WeakMap<object, Set<() => void>>();

/** Be told after each write transaction commits (the backup schedule's "something changed"). */
export function onCommit(store: Pick<SqlStore, 'raw'>, listener: () => void): void {
  const set = listeners.get(store.raw) ?? new Set();
  set.add(listener);
  listeners.set(store.raw, set);
}

/**
 * One write transaction, BEGIN IMMEDIATE to COMMIT, on the register's one connection (Kysely's connection
 * lock keeps every other query out until it ends).
 *
 * Not Kysely's own transaction(), for two reasons. SQLite ends a transaction by itself on some errors (a
 * full disk: SQLITE_FULL), and Kysely's ROLLBACK then fails with "cannot rollback - no transaction is
 * active", an error that replaces the one that says what happened; here the rollback is asked for only
 * while a transaction is open, so the first error is the one thrown. And IMMEDIATE takes the write lock at
 * the start, so a write never fails half way because another connection (a backup's) began writing first.
 */
export async function writeTransaction<R>(store: Pick<SqlStore, 'db' | 'raw'>, fn: (trx: Kysely<Database>) => Promise<R>): Promise<R> {
  return store.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      for (const listener of listeners.get(store.raw) ?? []) listener();
      return result;
    } catch (err) {
      if (store.raw.inTransaction) await sql`ROLLBACK`.execute(conn);
      throw err;
    }
  });
}
