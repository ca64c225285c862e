import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fsyncDir } from '../../atomicWrite';
import { backupsToKeep, compareNewestFirst } from '../../backupPolicy';
import { mapLimited } from '../../concurrency';
import type { DataFolder } from '../../dataFolder';
import { readDirOrEmpty } from '../../layout';
import type { BackupInfo, BackupPolicy } from '../../types';
import { isUnfinishedName, MANIFEST_FILE, REMOVING_SUFFIX } from './backupLayout';
import { readManifest } from './manifest';
import type { Manifest, RegisterCounts } from './manifest';

/** A complete backup of the register, as the backups list shows it. */
export interface RegisterBackup extends BackupInfo {
  counts: RegisterCounts;
  /** The register's schema version in the backup; a newer one than this app's cannot be restored. */
  appSchemaVersion: number;
}

export interface StoredRegisterBackup {
  backup: RegisterBackup;
  manifest: Manifest;
}

/** formatStamp's "20240317-091502-123", with makeUniqueDir's "-2", "-3"… */
const BACKUP_ID = /^\d{8}-\d{6}-\d{3}(-\d+)?$/;

/** Read about 20 manifests on every open (once the policy's days fill up), a few at a time. */
const MANIFEST_CONCURRENCY = 8;

/**
 * Complete backups, newest first. Only a folder with a backup id for a name (so never one ending in
 * .partial or .removing) and a manifest that parses counts: anything else was interrupted, or damaged.
 */
export async function listRegisterBackups(folder: DataFolder): Promise<RegisterBackup[]> {
  return (await listStoredBackups(folder)).map((s) => s.backup);
}

export async function listStoredBackups(folder: DataFolder): Promise<StoredRegisterBackup[]> {
  const names = (await readDirOrEmpty(folder.registerBackups)).filter((e) => e.isDirectory() && BACKUP_ID.test(e.name)).map((e) => e.name);
  const found = await mapLimited(names, MANIFEST_CONCURRENCY, (id) => readStoredBackup(folder, id));
  return found.filter((s): s is StoredRegisterBackup => s !== null).sort((a, b) => compareNewestFirst(a.backup, b.backup));
}

/**
 * One backup by its id, or null when there is no complete backup of that id. The id may come from the
 * window, so it is checked to be a backup's name before it is joined to a path.
 */
export async function readStoredBackup(folder: DataFolder, id: string): Promise<StoredRegisterBackup | null> {
  if (!BACKUP_ID.test(id)) return null;
  const dir = path.join(folder.registerBackups, id);
  const manifest = await readManifest(dir).catch(() => null);
  if (manifest === null) return null;
  const { createdAt, counts, appSchemaVersion } = manifest;
  return { backup: { id, path: dir, createdAt, counts, appSchemaVersion }, manifest };
}

/**
 * Remove what an interrupted backup or prune left behind (a crash, a kill, a full disk). For the open
 * to call before the first backup of the session: a backup under way in this process would look the same.
 */
export async function removeUnfinishedBackups(folder: DataFolder): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readDirOrEmpty(folder.registerBackups)) {
    if (!isUnfinishedName(entry.name)) continue;
    await fsp.rm(path.join(folder.registerBackups, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  if (removed.length > 0) await fsyncDir(folder.registerBackups);
  return removed;
}

/**
 * Delete the complete backups that the JSON store's rule (backupsToKeep) does not keep. Returns their ids.
 * Each is renamed to <id>.removing before anything in it is deleted, so a prune cut short leaves a folder
 * that is never listed (and is removed on the next open), never a listed backup with files missing.
 * Files hard-linked into newer backups live on there.
 */
export async function pruneRegisterBackups(folder: DataFolder, now: Date, policy: BackupPolicy): Promise<string[]> {
  const backups = await listRegisterBackups(folder);
  const keep = backupsToKeep(backups, now, policy);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.id)) continue;
    const doomed = `${backup.path}${REMOVING_SUFFIX}`;
    await fsp.rename(backup.path, doomed);
    await fsyncDir(folder.registerBackups);
    // The manifest first: if the removal stops half-way, what is left is plainly not a backup.
    await fsp.rm(path.join(doomed, MANIFEST_FILE), { force: true });
    await fsp.rm(doomed, { recursive: true, force: true });
    removed.push(backup.id);
  }
  return removed;
}
