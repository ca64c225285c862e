import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { fsyncDir } from '../atomicWrite';
import { errorCode } from '../fsSeam';
import { createKysely, openReadOnly, openReadWrite } from './connection';
import type { RawDatabase } from './connection';
import { CheckFailedError, checkInWorker } from './checkInWorker';
import { inspectFile } from './fileHeader';
import { APPLICATION_ID, checkMigrations, migrate } from './migrate';
import type { SqlMigration } from './migrate';
import { migrations as allMigrations } from './migrations';
import { DamagedRegisterError, databaseProblems } from './openProblems';
import type { DatabaseProblem } from './openProblems';
import type { Database } from './schema';

/** An open register: the typed query layer, and the connection under it for bulk work and pragmas. */
export interface SqlStore {
  readonly file: string;
  readonly db: Kysely<Database>;
  readonly raw: RawDatabase;
  /**
   * The file's quick_check, which may still be running when openDatabase resolves (see there). Resolves
   * when the file is sound; rejects with DamagedRegisterError (its `problem` is what the open would have
   * returned) when it is damaged or SQLite cannot read it, and with the worker's own error in the unlikely
   * case that the check could not be run at all (a bug, or a broken install). Every write waits for it,
   * so a damaged file is never written; reads do not. Never left unhandled: a store nobody writes to may
   * ignore it. Already resolved when the open had to check first (see openDatabase).
   */
  readonly checked: Promise<void>;
  close(): Promise<void>;
}

export type OpenDatabaseResult = { ok: true; store: SqlStore } | { ok: false; problem: DatabaseProblem };

/**
 * Open the register at `file`, making it if there is none. Rule, as for the JSON store: when the result
 * is a problem, the file has not been written, so it can be restored or sent to support exactly as
 * found. Hence the order. The header is read as bytes first: what is not a SQLite file, is cut short, is
 * another program's (no application_id of ours) or is from a newer version is refused there, before
 * SQLite sees it. When a write-ahead log with content lies beside the file (a crash), the header may be
 * out of date, so a read-only connection, which cannot move the log into the file, answers those
 * questions instead.
 *
 * Then quick_check, in a worker thread (checkInWorker.ts): it reads every page, about a second at 50,000
 * letters, which on the main thread would hold up the window's every request. When the open itself
 * writes nothing (the usual case: a WAL-mode file at the current version, no journal left over), the
 * open does not wait for it: the store comes back at once, reads work meanwhile, and `checked` carries
 * the result, which every write awaits. Otherwise the open waits for it, before the open writes:
 * - a leftover journal, or a file in rollback-journal mode (a restored backup: opening for writing
 *   switches it to WAL, which rewrites its header): checked before it is opened for writing;
 * - an older version: opened for writing (as a WAL file, which that does not change), then checked
 *   before migrating, with the connection open, so that it, not the check's read-only connection, is
 *   the last to close and removes -wal and -shm when a damaged file is refused.
 * A damaged file found then is closed unwritten and refused, as before.
 * `migrations` is for tests of the migration runner; the app always uses the full list.
 */
export async function openDatabase(file: string, migrations: readonly SqlMigration[] = allMigrations): Promise<OpenDatabaseResult> {
  checkMigrations(migrations);
  const latest = migrations.length;
  const fail = (problem: DatabaseProblem): OpenDatabaseResult => ({ ok: false, problem });
  try {
    await removeUnfinishedCreations(file);
    let inspection = await inspectFile(file);
    let made = false;
    if (inspection.kind === 'missing') {
      if (inspection.journal) return fail(databaseProblems.orphanJournal(file, inspection.journal));
      await createDatabase(file, migrations);
      made = true;
      inspection = await inspectFile(file);
    }
    if (inspection.kind === 'missing') return fail(databaseProblems.io(file, new Error('the new file disappeared')));
    if (inspection.kind === 'problem') return fail(inspection.problem);

    const found = inspection.journal === null ? identify(file, inspection.applicationId, inspection.userVersion, latest) : examineWithJournal(file, latest);
    if (!found.ok) return fail(found.problem);

    const checkFirst = inspection.journal !== null || !inspection.wal;
    if (checkFirst) {
      const problem = await checkFile(file);
      if (problem) return fail(problem);
    }
    const raw = openReadWrite(file);
    // A register made just now is sound: it holds only the schema this app wrote.
    let checked: Promise<void> = Promise.resolve();
    if (!checkFirst && !made) {
      // Started once this connection is open: the check reads through the -shm it made, and it, closed
      // after the check (SqlStore.close waits), removes -wal and -shm as it goes.
      const check = checkFile(file);
      if (found.version < latest) {
        let problem: DatabaseProblem | null;
        try {
          problem = await check;
        } catch (err) {
          raw.close();
          throw err;
        }
        if (problem) {
          raw.close();
          return fail(problem);
        }
      } else {
        checked = check.then((problem) => {
          if (problem) throw new DamagedRegisterError(problem);
        });
        // Handled here so that a store nobody writes to does not report an unhandled rejection; whoever
        // awaits `checked` still gets the error.
        checked.catch(() => undefined);
      }
    }
    const db = createKysely(raw);
    try {
      // A backup of the file as it was belongs here once backups move to SQLite (issue 10, item 7).
      await migrate(db, migrations, found.version);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return { ok: true, store: sqlStore(file, db, raw, checked) };
  } catch (err) {
    // What the disk or the file did is a problem to show; anything else (a bad migration) is a bug.
    const code = errorCode(err);
    if (code === undefined || (code.startsWith('SQLITE_') && !ENVIRONMENT_ERRORS.test(code))) throw err;
    return fail(problemFromSqlite(file, err));
  }
}

/**
 * quick_check reads every page and checks the structure (not that each index matches its table, which
 * integrity_check does at several times the cost): enough to refuse a damaged file on open. Resolves to
 * null when the file is sound, else to the problem (SQLite's first findings, or the error of a file it
 * cannot read at all); rejects when the check could not be run, which is a bug, not the file's fault.
 */
async function checkFile(file: string): Promise<DatabaseProblem | null> {
  try {
    const damage = await checkInWorker(file, 'quick_check', { limit: FINDINGS_SHOWN });
    return damage === null ? null : databaseProblems.damaged(file, damage);
  } catch (err) {
    const code = errorCode(err);
    if (code !== undefined && ENVIRONMENT_ERRORS.test(code)) return problemFromSqlite(file, err);
    throw err;
  }
}

/** SQLite's first findings are enough to name the damage; the full list can run to thousands of lines. */
const FINDINGS_SHOWN = 3;

/** SQLite's codes for a damaged file or a file system that failed, as opposed to a mistake in our SQL. */
const ENVIRONMENT_ERRORS = /^SQLITE_(CORRUPT|NOTADB|IOERR|FULL|CANTOPEN|READONLY|BUSY|LOCKED|PERM|AUTH|NOMEM|NOLFS|PROTOCOL)/;

type Identification = { ok: true; version: number } | { ok: false; problem: DatabaseProblem };

function identify(file: string, applicationId: number, version: number, latest: number): Identification {
  if (applicationId !== APPLICATION_ID || version < 0) return { ok: false, problem: databaseProblems.foreign(file) };
  if (version > latest) return { ok: false, problem: databaseProblems.newerVersion(file, version, latest) };
  return { ok: true, version };
}

function examineWithJournal(file: string, latest: number): Identification {
  let ro: RawDatabase;
  try {
    ro = openReadOnly(file);
  } catch (err) {
    return { ok: false, problem: problemFromSqlite(file, err) };
  }
  try {
    return identify(file, Number(ro.pragma('application_id', { simple: true })), Number(ro.pragma('user_version', { simple: true })), latest);
  } catch (err) {
    return { ok: false, problem: problemFromSqlite(file, err) };
  } finally {
    ro.close();
  }
}

function problemFromSqlite(file: string, err: unknown): DatabaseProblem {
  const code = errorCode(err) ?? '';
  // From the worker, SQLite's own words, without the worker's "could not check <file>" around them.
  const detail = err instanceof CheckFailedError ? err.sqliteMessage : err instanceof Error ? err.message : code;
  if (code.startsWith('SQLITE_NOTADB')) return databaseProblems.notSqlite(file);
  if (code.startsWith('SQLITE_CORRUPT')) return databaseProblems.damaged(file, detail);
  return databaseProblems.io(file, err instanceof CheckFailedError ? new Error(detail) : err);
}

/**
 * A new register is made under a temporary name and given its final name only once it holds the whole
 * schema, so a crash while making it leaves no half-made file where the register belongs (an empty file
 * there is refused as damage, because ours never is). link() rather than rename(): it refuses to replace
 * a register that another copy of the app made in the meantime.
 */
async function createDatabase(file: string, migrations: readonly SqlMigration[]): Promise<void> {
  const temp = `${file}${CREATING}${process.pid}-${randomBytes(6).toString('hex')}`;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  try {
    const db = createKysely(openReadWrite(await touch(temp)));
    try {
      await migrate(db, migrations, 0);
    } finally {
      await db.destroy();
    }
    const handle = await fsp.open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    await giveFinalName(temp, file);
    await fsyncDir(path.dirname(file));
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`]) await fsp.rm(leftover, { force: true });
  }
}

const CREATING = '.creating-';

/**
 * link() where the file system has hard links; where it has not (FAT, some network shares), rename()
 * once the name is seen to be free, which leaves a moment in which another copy of the app could make
 * its own register there first. If one did, its register stands and this one is discarded.
 */
async function giveFinalName(temp: string, file: string): Promise<void> {
  try {
    await fsp.link(temp, file);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EINVAL' && code !== 'EXDEV') throw err;
    if (await fsp.stat(file).then(() => true, () => false)) return;
    await fsp.rename(temp, file);
  }
}

async function touch(file: string): Promise<string> {
  await (await fsp.open(file, 'wx')).close();
  return file;
}

/** What a crash while making a register left behind: never data, as the file never got its real name. */
async function removeUnfinishedCreations(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${CREATING}`;
  const names = await fsp.readdir(dir).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') return [] as string[];
    throw err;
  });
  for (const name of names) if (name.startsWith(prefix)) await fsp.rm(path.join(dir, name), { force: true });
}

function sqlStore(file: string, db: Kysely<Database>, raw: RawDatabase, checked: Promise<void>): SqlStore {
  let closing: Promise<void> | null = null;
  return {
    file,
    db,
    raw,
    checked,
    close() {
      closing ??= (async () => {
        // After the check: its read-only connection, closed last, would leave -wal and -shm behind.
        const sound = await checked.then(
          () => true,
          () => false,
        );
        // optimize on close, as SQLite advises: it refreshes the planner's statistics where they have
        // drifted. It may write them, so not to a damaged file. Through Kysely, so it waits for a
        // transaction still under way rather than running inside it.
        // Best effort: statistics are worth refreshing, not worth failing a close over (a full disk).
        if (sound) await sql`PRAGMA optimize`.execute(db).catch(() => undefined);
        await db.destroy();
      })();
      return closing;
    },
  };
}
