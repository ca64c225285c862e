import BetterSqlite3 from 'better-sqlite3';
import { errorCode } from '../../fsSeam';
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
 * the full check, where the open makes do with quick_check) and read what the manifest records.
 *
 * `settle`: the copy was just made, from a register in WAL mode, and its header still says WAL, so a
 * reader would need -wal and -shm files beside it. Switching it to the rollback journal here makes the
 * backup one self-contained file, which opens read-only anywhere and copies as one file; the next
 * openDatabase of a restored copy puts it back in WAL mode. Without `settle` the copy is only read.
 */
export function checkRegisterCopy(file: string, { settle }: { settle: boolean }): RegisterFacts {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { fileMustExist: true, readonly: !settle });
  } catch (err) {
    throw new DamagedBackupError(file, `SQLite cannot open it (${describe(err)})`);
  }
  try {
    if (settle) {
      const mode = raw.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new DamagedBackupError(file, `SQLite would not give it a rollback journal (journal_mode is ${String(mode)})`);
    }
    const findings = (raw.pragma(`integrity_check(${FINDINGS_SHOWN})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (findings.length !== 1 || findings[0] !== 'ok') throw new DamagedBackupError(file, `it failed SQLite's integrity check (${findings.join('; ')})`);
    if (Number(raw.pragma('application_id', { simple: true })) !== APPLICATION_ID) throw new DamagedBackupError(file, 'it is not a Correspondence Desk register');
    const facts = factsOfCopy(raw);
    if (facts.appSchemaVersion < 1) throw new DamagedBackupError(file, 'it holds no register (its schema version is 0)');
    return facts;
  } catch (err) {
    if (err instanceof DamagedBackupError) throw err;
    // A copy too damaged to read at all says so with an error rather than with findings.
    const code = errorCode(err) ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB|IOERR|ERROR)/.test(code)) throw new DamagedBackupError(file, `SQLite cannot read it (${describe(err)})`);
    throw err;
  } finally {
    raw.close();
  }
}

/** Whether this version of the app can open a register of `version`; a newer app's backup it cannot. */
export function canRestoreSchema(version: number): boolean {
  return version >= 1 && version <= SCHEMA_VERSION;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
