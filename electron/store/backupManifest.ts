import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { everyLimited } from './concurrency';
import { BACKUP_MARKER, listFilesRecursive } from './layout';
import { isPlainObject } from './records';

/**
 * What a backup's backup.json records for each file: the identity of the LIVE file as it was
 * copied (so the next backup can tell it is unchanged and share this backup's copy instead of
 * copying again) and the hash of the bytes copied (so a restore can tell a good copy from one
 * damaged since).
 */
export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  /** A decimal string: inode numbers (NTFS file ids) can exceed 2^53 and lose digits as numbers. */
  ino: string;
  sha256: string;
}

export type FileIdentity = Omit<ManifestEntry, 'sha256'>;
/** Relative path (forward slashes) → entry. */
export type Manifest = Map<string, ManifestEntry>;

export function identityOf(stat: BigIntStats): FileIdentity {
  // Whole microseconds: exact as a double (so the JSON round trip is exact) and far finer than
  // the mtime granularity of any filesystem the app runs on.
  return { size: Number(stat.size), mtimeMs: Number(stat.mtimeNs / 1000n) / 1000, ino: stat.ino.toString() };
}

/**
 * Every store write replaces its file by rename, which gives it a new inode; damage done in place
 * (truncation, an editor, a sync client) changes the size or the mtime. So a file whose size,
 * mtime and inode all match was not touched since the entry was recorded.
 */
export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The manifest in a parsed backup.json, or null when it has none (a backup made before manifests
 * existed) or it is malformed. Paths are checked because restore writes files under them: a
 * damaged or hand-edited marker must not be able to name a file outside the store.
 */
export function parseManifest(marker: unknown): Manifest | null {
  if (!isPlainObject(marker) || !isPlainObject(marker.manifest)) return null;
  const out: Manifest = new Map();
  for (const [rel, raw] of Object.entries(marker.manifest)) {
    if (!isSafeRelPath(rel) || rel === BACKUP_MARKER || !isPlainObject(raw)) return null;
    const { size, mtimeMs, ino, sha256: hash } = raw;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null;
    if (typeof mtimeMs !== 'number' || !Number.isFinite(mtimeMs)) return null;
    if (typeof ino !== 'string' || !/^\d+$/.test(ino)) return null;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
    out.set(rel, { size, mtimeMs, ino, sha256: hash });
  }
  return out;
}

function isSafeRelPath(rel: string): boolean {
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\:\0]/.test(part));
}

export function manifestToJson(manifest: Manifest): Record<string, ManifestEntry> {
  return Object.fromEntries([...manifest].sort(([a], [b]) => a.localeCompare(b)));
}

/** The live file's current identity, or null if it cannot be statted (gone, unreadable). */
export async function liveIdentity(file: string): Promise<FileIdentity | null> {
  try {
    return identityOf(await fsp.stat(file, { bigint: true }));
  } catch {
    return null;
  }
}

/**
 * True when `liveFile` is unchanged since `entry` was recorded and the backup's copy of it still
 * has the recorded size (a cheap check that the copy was not truncated or replaced since).
 */
export async function unchangedSince(liveFile: string, entry: ManifestEntry, backupCopy: string): Promise<boolean> {
  const live = await liveIdentity(liveFile);
  if (!live || !sameIdentity(live, entry)) return false;
  try {
    return (await fsp.stat(backupCopy)).size === entry.size;
  } catch {
    return false;
  }
}

const STAT_CONCURRENCY = 16;

/** True when the store holds exactly the manifest's files, all unchanged: a new backup would be a duplicate. */
export async function storeMatchesBackup(storeDir: string, backupDir: string, manifest: Manifest): Promise<boolean> {
  try {
    const live = await listFilesRecursive(storeDir);
    if (live.length !== manifest.size) return false;
    // Two stats per file and no reading: ~300 files at 50,000 letters, checked a few at a time
    // because one after another made this a noticeable part of every open.
    return await everyLimited(live, STAT_CONCURRENCY, async (rel) => {
      const entry = manifest.get(rel);
      const parts = rel.split('/');
      return entry !== undefined && (await unchangedSince(path.join(storeDir, ...parts), entry, path.join(backupDir, ...parts)));
    });
  } catch {
    // Unsure means "take a backup": an unneeded backup costs little, a missing one can cost data.
    return false;
  }
}
