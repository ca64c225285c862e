import { liveIdentity, sameIdentity } from '../../backupManifest';
import type { DataFolder } from '../../dataFolder';
import { listFilesRecursive } from '../../layout';
import type { SqlStore } from '../openDatabase';
import { FILE_TREES, treeDir, underDir } from './backupLayout';
import { listStoredBackups } from './backupList';
import type { Manifest } from './manifest';
import { factsOfLive } from './registerFacts';

/**
 * Whether the register or its files differ from the newest complete backup: on open, a backup is made
 * only when they do, so that opening and closing the app all day does not push real backups out of the
 * five that today keeps. Every write appends a history row in its own transaction (history.ts), so the
 * newest history id (with the schema version, for a migration, and the counts) tells whether the register
 * changed; a file is unchanged while it keeps the size, mtime and inode recorded when it was copied.
 * Unsure means true: an unneeded backup costs little, a missing one can cost data.
 */
export async function changedSinceNewestBackup(store: SqlStore, folder: DataFolder): Promise<boolean> {
  try {
    const newest = (await listStoredBackups(folder))[0];
    if (newest === undefined) return true;
    const { manifest } = newest;
    const live = await factsOfLive(store.db);
    const counts = Object.entries(live.counts) as [keyof typeof live.counts, number][];
    if (live.appSchemaVersion !== manifest.appSchemaVersion || live.historyMaxId !== manifest.historyMaxId || counts.some(([k, n]) => manifest.counts[k] !== n)) return true;
    return !(await filesUnchanged(folder, manifest));
  } catch {
    return true;
  }
}

async function filesUnchanged(folder: DataFolder, manifest: Manifest): Promise<boolean> {
  for (const tree of FILE_TREES) {
    const liveDir = treeDir(folder, tree);
    const rels = await listFilesRecursive(liveDir);
    if (rels.length !== Object.keys(manifest.files).filter((key) => key.startsWith(`${tree}/`)).length) return false;
    for (const rel of rels) {
      const entry = manifest.files[`${tree}/${rel}`];
      if (entry?.mtimeMs === undefined || entry.ino === undefined) return false;
      const live = await liveIdentity(underDir(liveDir, rel));
      if (live === null || !sameIdentity(live, { size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino })) return false;
    }
  }
  return true;
}
