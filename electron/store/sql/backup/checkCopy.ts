import BetterSqlite3 from 'better-sqlite3';
import { errorCode } from '../../fsSeam';
import { CheckFailedError, checkInWorker } from '../checkInWorker';
import { nativeBindingPath } from '../connection';
import { APPLICATION_ID } from '../migrate';
import { SCHEMA_VERSION } from '../migrations';
import { factsOfCopy } from './registerFacts';
import type { RegisterFacts } from './registerFacts';

/** A file in a backup that cannot be trusted; `file` is its full path, `reason` says what is wrong with it. */
export class DamagedBackupError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The backup file ${file} cannot be trusted: ${reason}.`);
    this.name = 'DamagedBackupError';
  }
}

/** SQLite's first findings are enough to name the damage; the full list can run to thousands of lines. */
const FINDINGS_SHOWN = 5;

/**
 * Check a register copy with PRAGMA integrity_check (every page, and every index against its table:
 * the full check, where the open makes do with quick_check) and read what the manifest records. The
 * check runs in a worker thread (checkInWorker.ts): a quarter to half a second at 5,000 letters and
 * several seconds at 50,000, every 15 minutes, which on the main thread would stop the window's every
 * request meanwhile. The copy is a file of its own that nothing else writes to, so nothing waits for it.
 *
 * `settle`: the copy was just made, from a register in WAL mode, and its header still says WAL, so a
 * reader would need -wal and -shm files beside it. Switching it to the rollback journal first makes the
 * backup one self-contained file, which opens read-only anywhere (the worker's read-only connection
 * makes no files beside it) and copies as one file; the next openDatabase of a restored copy puts it
 * back in WAL mode. Without `settle` the copy is only read.
 */
export async function checkRegisterCopy(file: string, { settle }: { settle: boolean }): Promise<RegisterFacts> {
  if (settle) useRollbackJournal(file);
  let findings: string | null;
  try {
    findings = await checkInWorker(file, 'integrity_check', { limit: FINDINGS_SHOWN });
  } catch (err) {
    if (!(err instanceof CheckFailedError)) throw err;
    if (err.opening) throw new DamagedBackupError(file, `SQLite cannot open it (${err.sqliteMessage})`);
    throw unreadable(file, err, err.sqliteMessage);
  }
  if (findings !== null) throw new DamagedBackupError(file, `it failed SQLite's integrity check (${findings})`);
  return readFacts(file);
}

function useRollbackJournal(file: string): void {
  const raw = openCopy(file, false);
  try {
    const mode = raw.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new DamagedBackupError(file, `SQLite would not give it a rollback journal (journal_mode is ${String(mode)})`);
  } catch (err) {
    throw unreadable(file, err);
  } finally {
    raw.close();
  }
}

/** What the manifest records, once the copy has passed: on this thread, as it is a few counts. */
function readFacts(file: string): RegisterFacts {
  const raw = openCopy(file, true);
  try {
    if (Number(raw.pragma('application_id', { simple: true })) !== APPLICATION_ID) throw new DamagedBackupError(file, 'it is not a Correspondence Desk register');
    const facts = factsOfCopy(raw);
    if (facts.appSchemaVersion < 1) throw new DamagedBackupError(file, 'it holds no register (its schema version is 0)');
    return facts;
  } catch (err) {
    throw unreadable(file, err);
  } finally {
    raw.close();
  }
}

function openCopy(file: string, readonly: boolean): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(file, { fileMustExist: true, readonly, ...(nativeBindingPath() && { nativeBinding: nativeBindingPath() }) });
  } catch (err) {
    throw new DamagedBackupError(file, `SQLite cannot open it (${describe(err)})`);
  }
}

/**
 * A copy too damaged to read at all says so with an error rather than with findings: that error as a
 * DamagedBackupError, any other (a bug) as it was.
 */
function unreadable(file: string, err: unknown, detail = describe(err)): unknown {
  if (err instanceof DamagedBackupError) return err;
  const code = errorCode(err) ?? '';
  if (/^SQLITE_(CORRUPT|NOTADB|IOERR|ERROR)/.test(code)) return new DamagedBackupError(file, `SQLite cannot read it (${detail})`);
  return err;
}

/** Whether this version of the app can open a register of `version`; a newer app's backup it cannot. */
export function canRestoreSchema(version: number): boolean {
  return version >= 1 && version <= SCHEMA_VERSION;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
