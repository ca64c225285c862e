import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export type RawDatabase = BetterSqlite3.Database;

/**
 * How long a statement waits for another connection's lock before failing with SQLITE_BUSY. One app
 * holds the register, but a backup or a second connection of our own can hold a lock for a moment.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * The write-ahead log is cut back to this after a checkpoint; without a limit it keeps the size of the
 * largest transaction ever run (an import of every letter) for as long as the register is open.
 */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Page cache per connection (negative = KiB). The default 2 MB makes an index walk reread the disk. */
const CACHE_KIB = 32 * 1024;

/**
 * Where better-sqlite3's compiled module is, when it is not the one in node_modules: the Electron app loads
 * a copy built for Electron's ABI (scripts/rebuild-native.mjs), as node_modules keeps the build for Node.
 */
let nativeBinding: string | undefined;
export function useNativeBinding(file: string): void {
  nativeBinding = file;
}
/** The compiled module set by useNativeBinding, if any: a worker thread that opens the register must load the same one. */
export function nativeBindingPath(): string | undefined {
  return nativeBinding;
}
const options = (extra: BetterSqlite3.Options = {}): BetterSqlite3.Options => ({ ...extra, ...(nativeBinding && { nativeBinding }) });

/** A connection that can only read: for looking at a file before deciding whether to open it for writing. */
export function openReadOnly(file: string): RawDatabase {
  const raw = new BetterSqlite3(file, options({ readonly: true, fileMustExist: true }));
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return raw;
}

/**
 * A connection for reading and writing, set up as every write relies on:
 * - WAL: readers never block the writer, and a commit appends to one file instead of rewriting pages;
 * - synchronous=FULL: each commit is on the disk (the WAL fsynced) before saveLetter resolves, so an
 *   acknowledged write survives a power cut; NORMAL would only guarantee the database is not corrupt;
 * - foreign_keys=ON: SQLite leaves them off unless asked, on every connection.
 */
export function openReadWrite(file: string): RawDatabase {
  const raw = new BetterSqlite3(file, options({ fileMustExist: true }));
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = raw.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`register: SQLite would not use a write-ahead log for ${file} (journal_mode is ${String(mode)})`);
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    raw.pragma(`cache_size = -${CACHE_KIB}`);
    return raw;
  } catch (err) {
    raw.close();
    throw err;
  }
}

/** The typed query layer over a connection. Kysely's SQLite driver runs one query at a time on it. */
export function createKysely(raw: RawDatabase): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
}
