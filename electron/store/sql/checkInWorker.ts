import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, nativeBindingPath } from './connection';

/** quick_check for the register on open; integrity_check (indexes against their tables too) for a backup copy. */
export type CheckPragma = 'quick_check' | 'integrity_check';

/** SQLite could not open or read the file in the worker: `code` is SQLite's (SQLITE_CORRUPT, SQLITE_NOTADB, …). */
export class CheckFailedError extends Error {
  constructor(
    readonly file: string,
    /** SQLite's own words, e.g. "database disk image is malformed". */
    readonly sqliteMessage: string,
    readonly code: string | undefined,
    /** True when the file could not even be opened; false when the check itself failed. */
    readonly opening: boolean,
  ) {
    super(`SQLite could not ${opening ? 'open' : 'check'} ${file}: ${sqliteMessage}`);
    this.name = 'CheckFailedError';
  }
}

interface CheckData {
  module: string;
  nativeBinding: string | undefined;
  file: string;
  pragma: CheckPragma;
  limit: number;
  busyTimeout: number;
}

type CheckReply = { ok: true; findings: string[] } | { ok: false; opening: boolean; message: string; code: string | undefined };

/**
 * The worker, as CommonJS source run with `eval: true`: electron-vite bundles the main process into one
 * file, where a separate worker file would need a build entry of its own, and vitest and tsx run the
 * TypeScript unbundled, where a worker file would need a loader. A string runs the same in all three.
 */
const WORKER_SOURCE = `
const { parentPort, workerData: d } = require('node:worker_threads');
const Database = require(d.module);
let db = null;
let reply;
try {
  db = new Database(d.file, d.nativeBinding ? { readonly: true, fileMustExist: true, nativeBinding: d.nativeBinding } : { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = ' + d.busyTimeout);
  const findings = db.pragma(d.pragma + '(' + d.limit + ')').map((row) => String(row[d.pragma]));
  reply = { ok: true, findings };
} catch (err) {
  reply = { ok: false, opening: db === null, message: err instanceof Error ? err.message : String(err), code: err && typeof err.code === 'string' ? err.code : undefined };
} finally {
  if (db !== null) db.close();
}
parentPort.postMessage(reply);
`;

let betterSqlite3: string | undefined;

/**
 * Run PRAGMA quick_check or integrity_check on `file` in a worker thread, so the main process's event
 * loop (every request from the window) keeps turning while SQLite reads every page: about a second at
 * 50,000 letters for quick_check, one to several for integrity_check. Resolves to null when SQLite says "ok",
 * else to its first `limit` findings joined with "; ". Rejects with CheckFailedError when SQLite cannot
 * open or read the file at all (a file damaged that badly answers with an error, not findings), and
 * with the worker's error if the worker itself fails.
 *
 * The worker loads better-sqlite3 by the absolute path resolved here, and the same compiled module as
 * the main thread's connections (useNativeBinding): one copy of SQLite per process, so the worker's
 * connection and the main thread's see each other's POSIX locks. Two copies would not, and closing one
 * copy's file descriptor releases the other's locks (https://www.sqlite.org/howtocorrupt.html, 2.2).
 *
 * The file is opened read-only. On a WAL register the main thread holds open for writing, that is
 * safe: the worker reads one snapshot through the -shm index the main connection made, and sees the
 * main connection's commits only after they are whole. Its read lock also keeps a checkpoint from
 * overwriting the pages it is reading. But a read-only connection never deletes -wal or -shm: when it is
 * the last to close, both stay beside the file (harmless: the next read-write connection reuses them,
 * and removes them when it closes last).
 * So the main connection must outlive the check: SqlStore.close() waits for it. On a file in rollback
 * journal mode (a settled backup copy) a read-only connection makes no files at all.
 */
export function checkInWorker(file: string, pragma: CheckPragma, { limit = 3 }: { limit?: number } = {}): Promise<string | null> {
  if (pragma !== 'quick_check' && pragma !== 'integrity_check') return Promise.reject(new Error(`checkInWorker: ${String(pragma)} is not a check`));
  if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new Error(`checkInWorker: the limit must be a positive integer, not ${limit}`));
  betterSqlite3 ??= createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData: CheckData = { module: betterSqlite3, nativeBinding: nativeBindingPath(), file, pragma, limit, busyTimeout: BUSY_TIMEOUT_MS };
  return new Promise((resolve, reject) => {
    let reply: CheckReply | null = null;
    let failure: unknown = null;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    worker.once('message', (m: CheckReply) => (reply = m));
    worker.once('error', (err) => (failure = err));
    // Answered only once the thread has gone: its connection is closed by then, so a caller that closes
    // the register next is the last connection to close, and removes -wal and -shm.
    worker.once('exit', (code) => {
      if (reply?.ok) resolve(reply.findings.length === 1 && reply.findings[0] === 'ok' ? null : reply.findings.join('; '));
      else if (reply) reject(new CheckFailedError(file, reply.message, reply.code, reply.opening));
      else reject(failure ?? new Error(`The check of ${file} stopped before it answered (its worker thread exited with code ${code}).`));
    });
  });
}
