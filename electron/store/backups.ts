import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../core/clock';
import { atomicWrite, fsyncDir } from './atomicWrite';
import { identityOf, manifestToJson, parseManifest, sha256, unchangedSince } from './backupManifest';
import type { Manifest, ManifestEntry } from './backupManifest';
import { backupsToKeep, compareNewestFirst } from './backupPolicy';
import { mapLimited } from './concurrency';
import { APP_ID, BACKUP_MARKER, BACKUPS_DIR, listFilesRecursive, readDirOrEmpty, STORE_DIR } from './layout';
import { isPlainObject } from './records';
import { readJsonFile } from './readJsonFile';
import { formatStamp, makeUniqueDir } from './stamp';
import type { BackupInfo, BackupPolicy } from './types';

/** A complete backup with its manifest; null for backups made before manifests existed. */
export interface StoredBackup extends BackupInfo {
  manifest: Manifest | null;
}

/**
 * Backups that are complete, newest first. A folder without a readable backup.json marker is a
 * backup that was interrupted (or whose marker was damaged), and is ignored (and never pruned, in
 * case someone needs it).
 */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  return (await listStoredBackups(dataDir)).map(({ id, path: dir, createdAt }) => ({ id, path: dir, createdAt }));
}

export async function listStoredBackups(dataDir: string): Promise<StoredBackup[]> {
  const root = path.join(dataDir, BACKUPS_DIR);
  const dirs = (await readDirOrEmpty(root)).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  // Read on every open (about 20 markers once the policy's days fill up), so a few at a time.
  const found = await mapLimited(dirs, MARKER_CONCURRENCY, (name) => readStoredBackup(root, name));
  return found.filter((b): b is StoredBackup => b !== null).sort(compareNewestFirst);
}

const MARKER_CONCURRENCY = 8;

async function readStoredBackup(root: string, name: string): Promise<StoredBackup | null> {
  const dir = path.join(root, name);
  let marker: unknown;
  try {
    marker = await readJsonFile(path.join(dir, BACKUP_MARKER), `${BACKUPS_DIR}/${name}/${BACKUP_MARKER}`);
  } catch {
    return null;
  }
  if (!isPlainObject(marker) || typeof marker.createdAt !== 'string' || Number.isNaN(Date.parse(marker.createdAt))) return null;
  const manifest = parseManifest(marker);
  // No manifest at all: a backup from before manifests. A malformed one: a damaged marker, which
  // is as unreadable as a missing one.
  if (manifest === null && 'manifest' in marker) return null;
  return { id: name, path: dir, createdAt: marker.createdAt, manifest };
}

/**
 * Snapshot `store/` into `backups/<stamp>/`, rsync --link-dest style. A live file is never
 * hard-linked: a link would share its bytes, so damage done to the live file in place (the very
 * thing backups are for) would damage the backup too. Each file is copied, unless it is unchanged
 * since the newest complete backup, in which case that backup's copy is hard-linked: a finished
 * backup is never written again, so backups can safely share bytes with each other.
 * `linkBetweenBackups` false = copy every file (fully independent backups).
 */
export async function createBackup(dataDir: string, clock: Clock, linkBetweenBackups = true): Promise<BackupInfo> {
  const now = clock.now();
  const root = path.join(dataDir, BACKUPS_DIR);
  const storeDir = path.join(dataDir, STORE_DIR);
  const previous = linkBetweenBackups ? (await listStoredBackups(dataDir)).find((b) => b.manifest !== null) : undefined;
  const id = await makeUniqueDir(root, formatStamp(now));
  const dir = path.join(root, id);
  const files = await listFilesRecursive(storeDir);
  const dirs = new Set<string>([dir]);
  const manifest: Manifest = new Map();
  let linked = 0;
  for (const rel of files) {
    const parts = rel.split('/');
    const target = path.join(dir, ...parts);
    const parent = path.dirname(target);
    if (!dirs.has(parent)) {
      await fsp.mkdir(parent, { recursive: true });
      dirs.add(parent);
    }
    const live = path.join(storeDir, ...parts);
    const prevEntry = previous?.manifest?.get(rel);
    const reused = previous && prevEntry ? await linkFromPrevious(live, prevEntry, path.join(previous.path, ...parts), target) : null;
    if (reused) linked++;
    manifest.set(rel, reused ?? (await copyLive(live, target)));
  }
  for (const d of dirs) await fsyncDir(d);
  const createdAt = now.toISOString();
  // The marker goes last: a backup folder without it is incomplete and listBackups ignores it.
  const marker = { app: APP_ID, createdAt, linked, copied: files.length - linked, manifest: manifestToJson(manifest) };
  await atomicWrite(path.join(dir, BACKUP_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return { id, path: dir, createdAt };
}

/**
 * Hard-link the previous backup's copy when the live file is unchanged since it was made. The copy
 * is also re-hashed first: linking a copy that was damaged since would carry the damage into the
 * new backup, whereas copying afresh from the (good) live file heals it. Null = copy instead.
 */
async function linkFromPrevious(live: string, entry: ManifestEntry, prevCopy: string, target: string): Promise<ManifestEntry | null> {
  if (!(await unchangedSince(live, entry, prevCopy))) return null;
  try {
    if (sha256(await fsp.readFile(prevCopy)) !== entry.sha256) return null;
    await fsp.link(prevCopy, target);
    return entry;
  } catch {
    // Any link failure (EXDEV, EPERM, ENOTSUP, EMLINK, ...) just means this filesystem can't share
    // files; a previous copy that vanished or can't be read is simply not reused.
    return null;
  }
}

/**
 * Copy a live file into the backup and describe it. The size, mtime and inode come from the same
 * open handle the bytes are read through, taken before reading: if the file is replaced meanwhile
 * the handle still reads the old inode, and if it is changed in place the recorded mtime is older
 * than the file's, so either way the next backup sees a change and copies it again.
 */
async function copyLive(live: string, target: string): Promise<ManifestEntry> {
  let entry: ManifestEntry;
  let bytes: Buffer;
  const source = await fsp.open(live, 'r');
  try {
    const identity = identityOf(await source.stat({ bigint: true }));
    bytes = await source.readFile();
    entry = { ...identity, sha256: sha256(bytes) };
  } finally {
    await source.close();
  }
  const out = await fsp.open(target, 'wx');
  try {
    await out.writeFile(bytes);
    await out.sync();
  } finally {
    await out.close();
  }
  return entry;
}

/** Delete complete backups the policy does not keep. Returns the ids deleted. */
export async function pruneBackups(dataDir: string, now: Date, policy: BackupPolicy): Promise<string[]> {
  const backups = await listBackups(dataDir);
  const keep = backupsToKeep(backups, now, policy);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.id)) continue;
    // Marker first: if deletion is interrupted the remains are an unmarked (ignored) folder, never
    // a "complete" backup with files missing. Files linked into other backups live on there.
    await fsp.rm(path.join(backup.path, BACKUP_MARKER), { force: true });
    await fsp.rm(backup.path, { recursive: true, force: true });
    removed.push(backup.id);
  }
  return removed;
}
