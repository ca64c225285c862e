import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { fsyncDir } from '../atomicWrite';
import { errorCode } from '../fsSeam';
import { createKysely, openReadOnly, openReadWrite } from './connection';
import type { RawDatabase } from './connection';
import { inspectFile } from './fileHeader';
import { APPLICATION_ID, checkMigrations, migrate } from './migrate';
import type { SqlMigration } from './migrate';
import { migrations as allMigrations } from './migrations';
import { databaseProblems } from './openProblems';
import type { DatabaseProblem } from './openProblems';
import type { Database } from './schema';

/** An open register: the typed query layer, and the connection under it for bulk work and pragmas. */
export interface SqlStore {
  readonly file: string;
  readonly db: Kysely<Database>;
  readonly raw: RawDatabase;
  close(): Promise<void>;
}

export type OpenDatabaseResult = { ok: true; store: SqlStore } | { ok: false; problem: DatabaseProblem };

/**
 * Open the register at `file`, making it if there is none. Rule, as for the JSON store: when the result
 * is a problem, the file has not been written, so it can be restored or sent to support exactly as
 * found. Hence the order. The header is read as bytes first: what is not a SQLite file, is cut short, is
 * another program's (no application_id of ours) or is from a newer version is refused there, before
 * SQLite sees it. Only then is it opened for writing, and checked (quick_check) before anything is
 * written; a damaged file is closed unwritten. (A read-only connection is not used for that: on a WAL
 * file it leaves -wal and -shm files behind, where the read-write one removes them when it closes.)
 * When a write-ahead log with content lies beside the file (a crash), the header may be out of date, so
 * a read-only connection, which cannot move the log into the file, answers those questions instead.
 * `migrations` is for tests of the migration runner; the app always uses the full list.
 */
export async function openDatabase(file: string, migrations: readonly SqlMigration[] = allMigrations): Promise<OpenDatabaseResult> {
  checkMigrations(migrations);
  const latest = migrations.length;
  const fail = (problem: DatabaseProblem): OpenDatabaseResult => ({ ok: false, problem });
  try {
    await removeUnfinishedCreations(file);
    let inspection = await inspectFile(file);
    if (inspection.kind === 'missing') {
      if (inspection.journal) return fail(databaseProblems.orphanJournal(file, inspection.journal));
      await createDatabase(file, migrations);
      inspection = await inspectFile(file);
    }
    if (inspection.kind === 'missing') return fail(databaseProblems.io(file, new Error('the new file disappeared')));
    if (inspection.kind === 'problem') return fail(inspection.problem);

    const found = inspection.journal === null ? identify(file, inspection.applicationId, inspection.userVersion, latest) : examineWithJournal(file, latest);
    if (!found.ok) return fail(found.problem);

    const raw = openReadWrite(file);
    if (inspection.journal === null) {
      let damage: string | null;
      try {
        damage = quickCheck(raw);
      } catch (err) {
        raw.close();
        throw err;
      }
      if (damage !== null) {
        raw.close();
        return fail(databaseProblems.damaged(file, damage));
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
    return { ok: true, store: sqlStore(file, db, raw) };
  } catch (err) {
    // What the disk or the file did is a problem to show; anything else (a bad migration) is a bug.
    const code = errorCode(err);
    if (code === undefined || (code.startsWith('SQLITE_') && !ENVIRONMENT_ERRORS.test(code))) throw err;
    return fail(problemFromSqlite(file, err));
  }
}

/** SQLite's codes for a damaged file or a file system that failed, as opposed to a mistake in our SQL. */
const ENVIRONMENT_ERRORS = /^SQLITE_(CORRUPT|NOTADB|IOERR|FULL|CANTOPEN|READONLY|BUSY|LOCKED|PERM|AUTH|NOMEM|NOLFS|PROTOCOL)/;

type Identification = { ok: true; version: number } | { ok: false; problem: DatabaseProblem };

function identify(file: string, applicationId: number, version: number, latest: number): Identification {
  if (applicationId !== APPLICATION_ID || version < 0) return { ok: false, problem: databaseProblems.foreign(file) };
  if (version > latest) return { ok: false, problem: databaseProblems.newerVersion(file, version, latest) };
  return { ok: true, version };
}

/**
 * quick_check reads every page and checks the structure (not that each index matches its table, which
 * integrity_check does at several times the cost): enough to refuse a damaged file on open.
 * Returns null when the file is sound, else SQLite's first findings.
 */
function quickCheck(raw: RawDatabase): string | null {
  const findings = (raw.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  return findings.length === 1 && findings[0] === 'ok' ? null : findings.slice(0, 3).join('; ');
}

function examineWithJournal(file: string, latest: number): Identification {
  let ro: RawDatabase;
  try {
    ro = openReadOnly(file);
  } catch (err) {
    return { ok: false, problem: problemFromSqlite(file, err) };
  }
  try {
    const found = identify(file, Number(ro.pragma('application_id', { simple: true })), Number(ro.pragma('user_version', { simple: true })), latest);
    if (!found.ok) return found;
    const damage = quickCheck(ro);
    return damage === null ? found : { ok: false, problem: databaseProblems.damaged(file, damage) };
  } catch (err) {
    return { ok: false, problem: problemFromSqlite(file, err) };
  } finally {
    ro.close();
  }
}

function problemFromSqlite(file: string, err: unknown): DatabaseProblem {
  const code = errorCode(err) ?? '';
  if (code.startsWith('SQLITE_NOTADB')) return databaseProblems.notSqlite(file);
  if (code.startsWith('SQLITE_CORRUPT')) return databaseProblems.damaged(file, err instanceof Error ? err.message : code);
  return databaseProblems.io(file, err);
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

function sqlStore(file: string, db: Kysely<Database>, raw: RawDatabase): SqlStore {
  let closing: Promise<void> | null = null;
  return {
    file,
    db,
    raw,
    close() {
      // optimize on close, as SQLite advises: it refreshes the planner's statistics where they have drifted.
      closing ??= (async () => {
        // Through Kysely, so it waits for a transaction still under way rather than running inside it.
        await sql`PRAGMA optimize`.execute(db);
        await db.destroy();
      })();
      return closing;
    },
  };
}
