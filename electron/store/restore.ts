import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../core/clock';
import { sha256 } from './backupManifest';
import type { Manifest } from './backupManifest';
import { listStoredBackups } from './backups';
import type { StoredBackup } from './backups';
import { BACKUP_MARKER, exists, listFilesRecursive, META_FILE, QUARANTINE_DIR, STORE_DIR } from './layout';
import { replaceStore } from './migrate';
import { parseJsonBytes } from './readJsonFile';
import { formatStamp, unusedName } from './stamp';
import type { BackupInfo } from './types';

export class NoUsableBackupError extends Error {
  constructor(dataDir: string) {
    super(`No usable backup was found in ${path.join(dataDir, 'backups')}.`);
    this.name = 'NoUsableBackupError';
  }
}

/**
 * Put the newest usable backup in place of the current store. The current store is moved to
 * quarantine/<stamp>/ and never deleted: it may hold changes made after the backup, which support
 * can still recover by hand. `quarantined` is null when there was no store to move (it had gone
 * missing). openStore then validates schemas (and migrates) as usual.
 *
 * "Usable": a meta.json, every JSON file non-empty, valid JSON and not null, and, for backups with
 * a manifest, every file in the manifest present with the recorded sha256. Backups made before
 * manifests existed cannot be verified that way and get the JSON checks alone; they are simply
 * tried in date order like the rest, which puts them after every backup that has a manifest.
 */
export async function restoreNewestBackup(
  dataDir: string,
  clock: Clock,
): Promise<{ restored: BackupInfo; quarantined: string | null }> {
  for (const backup of await listStoredBackups(dataDir)) {
    const files = await readBackupFiles(backup);
    if (!files) continue;
    const storeDir = path.join(dataDir, STORE_DIR);
    let quarantined: string | null = null;
    if (await exists(storeDir)) {
      const parent = path.join(dataDir, QUARANTINE_DIR);
      await fsp.mkdir(parent, { recursive: true });
      quarantined = path.join(parent, await unusedName(parent, formatStamp(clock.now())));
    }
    // Copied, not linked, so the restored store shares nothing with the backup it came from.
    await replaceStore(dataDir, files, { clock, ...(quarantined ? { moveOldStoreTo: quarantined } : {}) });
    const { id, path: dir, createdAt } = backup;
    return { restored: { id, path: dir, createdAt }, quarantined };
  }
  throw new NoUsableBackupError(dataDir);
}

/** The backup's files (relative path → text), or null if any of them is missing or damaged. */
async function readBackupFiles(backup: StoredBackup): Promise<Map<string, string> | null> {
  const files = new Map<string, string>();
  try {
    // With a manifest, exactly its files: anything else in the folder was not put there by the backup.
    const names = backup.manifest ? [...backup.manifest.keys()] : await listFilesRecursive(backup.path);
    for (const rel of names) {
      if (rel === BACKUP_MARKER) continue;
      const bytes = await fsp.readFile(path.join(backup.path, ...rel.split('/')));
      if (!matchesManifest(backup.manifest, rel, bytes)) return null;
      if (rel.endsWith('.json')) parseJsonBytes(bytes, rel); // throws for damaged files
      files.set(rel, bytes.toString('utf8'));
    }
  } catch {
    return null;
  }
  return files.has(META_FILE) ? files : null;
}

function matchesManifest(manifest: Manifest | null, rel: string, bytes: Buffer): boolean {
  if (!manifest) return true;
  // The hash alone: the recorded size is the live file's, which a change mid-copy could make differ.
  return manifest.get(rel)?.sha256 === sha256(bytes);
}
