import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../../../core/clock';
import { atomicWrite, fsyncDir } from '../../atomicWrite';
import { forEachLimited } from '../../concurrency';
import type { DataFolder } from '../../dataFolder';
import { errorCode } from '../../fsSeam';
import { exists, listFilesRecursive } from '../../layout';
import { formatStamp } from '../../stamp';
import { DEFAULT_BACKUP_POLICY } from '../../types';
import type { BackupPolicy } from '../../types';
import type { SqlStore } from '../openDatabase';
import { BACKUP_REGISTER, FILE_TREES, MANIFEST_FILE, PARTIAL_SUFFIX, treeDir, underDir } from './backupLayout';
import { listStoredBackups, pruneRegisterBackups } from './backupList';
import type { RegisterBackup, StoredRegisterBackup } from './backupList';
import { checkRegisterCopy } from './checkCopy';
import { backupFile, hashFile } from './fileCopies';
import { isBackupPath, MANIFEST_KIND, manifestJson } from './manifest';
import type { Manifest, ManifestFile } from './manifest';

export interface BackupRegisterOptions {
  folder: DataFolder;
  clock: Clock;
  /** keepToday, keepDays and linkFiles are used here; the interval is the schedule's. */
  policy?: Partial<BackupPolicy>;
  /** Test seam: runs once the register's copy is written and before it is checked, to damage it. */
  afterCopy?: (copy: string) => Promise<void>;
}

/** Attachments are copied a few at a time: many are small, and one at a time waits on each fsync. */
const FILE_CONCURRENCY = 4;

/**
 * Back up the register, its attachments and the office's templates into register-backups/<stamp>/,
 * then prune by the JSON store's rule (keep 5 from today and the newest of each of 14 earlier days).
 *
 * The register is copied with SQLite's online backup API on the app's own connection: it copies a few
 * pages per turn of the event loop, so the app keeps working, and a commit made on this connection
 * meanwhile is written into the copy as well, so the copy is the register as it stood at one moment
 * (it waits while a transaction is open, never copying half of one). The copy then has to pass
 * PRAGMA integrity_check (in a worker thread, checkCopy.ts) before anything else is done with it.
 *
 * Everything is made in <stamp>.partial/ and fsynced, and only then renamed to <stamp>: a crash at any
 * moment leaves either no backup or a whole one, never a listed backup that is incomplete. On failure
 * the partial folder is removed and the error names the file at fault; the register is never touched.
 */
export async function backupRegister(store: SqlStore, options: BackupRegisterOptions): Promise<RegisterBackup> {
  // Not of a register whose open check found damage (this rejects with its DamagedRegisterError): the
  // copy would fail its own check anyway, after seconds of copying and checking for nothing.
  await store.checked;
  const { folder, clock } = options;
  const policy = { ...DEFAULT_BACKUP_POLICY, ...options.policy };
  const now = clock.now();
  const previous = policy.linkFiles ? ((await listStoredBackups(folder))[0] ?? null) : null;
  const id = await reservePartial(folder, formatStamp(now));
  const partial = path.join(folder.registerBackups, `${id}${PARTIAL_SUFFIX}`);
  const dir = path.join(folder.registerBackups, id);
  let manifest: Manifest;
  try {
    manifest = await fillBackup(store, folder, partial, now, previous, options.afterCopy);
    await fsp.rename(partial, dir);
    await fsyncDir(folder.registerBackups);
  } catch (err) {
    await fsp.rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  try {
    await pruneRegisterBackups(folder, now, policy);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`The backup ${dir} was made, but older backups in ${folder.registerBackups} could not be removed: ${detail}`, { cause: err });
  }
  return { id, path: dir, createdAt: manifest.createdAt, counts: manifest.counts, appSchemaVersion: manifest.appSchemaVersion };
}

async function fillBackup(
  store: SqlStore,
  folder: DataFolder,
  partial: string,
  now: Date,
  previous: StoredRegisterBackup | null,
  afterCopy: BackupRegisterOptions['afterCopy'],
): Promise<Manifest> {
  const copy = path.join(partial, BACKUP_REGISTER);
  await store.raw.backup(copy);
  await afterCopy?.(copy);
  const facts = await checkRegisterCopy(copy, { settle: true });
  await syncFile(copy);
  const hashed = await hashFile(copy);
  if (hashed === null) throw new Error(`The backup copy of the register, ${copy}, disappeared while it was being made.`);
  const files: Record<string, ManifestFile> = { [BACKUP_REGISTER]: hashed };
  const dirs = new Set<string>([partial]);
  for (const tree of FILE_TREES) {
    const liveDir = treeDir(folder, tree);
    const rels = await listFilesRecursive(liveDir);
    await forEachLimited(rels, FILE_CONCURRENCY, async (rel) => {
      const key = `${tree}/${rel}`;
      // Loudly, not skipped: a backup that silently lacks a file is worse than one that asks for a rename.
      if (!isBackupPath(key)) throw new Error(`The file ${underDir(liveDir, rel)} cannot be backed up: its name has a backslash, which Windows reads as a folder. Rename it and the next backup will include it.`);
      const target = underDir(partial, key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      for (let d = path.dirname(target); d !== partial; d = path.dirname(d)) dirs.add(d);
      const entry = previous?.manifest.files[key];
      const entryFile = await backupFile(underDir(liveDir, rel), target, entry && previous ? { entry, copy: underDir(previous.backup.path, key) } : null);
      if (entryFile) files[key] = entryFile;
    });
  }
  // Deepest first, so each folder's entry in its parent is made durable after the folder's own entries.
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await fsyncDir(d);
  const manifest: Manifest = { kind: MANIFEST_KIND, format: 1, createdAt: now.toISOString(), ...facts, files };
  await atomicWrite(path.join(partial, MANIFEST_FILE), manifestJson(manifest));
  return manifest;
}

/**
 * A backup id free both as a complete backup and as a partial one, with its partial folder made: two
 * backups in one millisecond (a manual one beside the schedule's) each get their own.
 */
async function reservePartial(folder: DataFolder, base: string): Promise<string> {
  const made = await fsp.mkdir(folder.registerBackups, { recursive: true });
  if (made !== undefined) await fsyncDir(path.dirname(folder.registerBackups));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (await exists(path.join(folder.registerBackups, id))) continue;
    try {
      await fsp.mkdir(path.join(folder.registerBackups, `${id}${PARTIAL_SUFFIX}`));
      return id;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  await handle.sync().finally(() => handle.close());
}
