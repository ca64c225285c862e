import { forEachLimited } from '../../concurrency';
import { BACKUP_REGISTER, underDir } from './backupLayout';
import type { RegisterBackup } from './backupList';
import { checkRegisterCopy, DamagedBackupError } from './checkCopy';
import { hashFile } from './fileCopies';
import { readManifest } from './manifest';
import type { Manifest } from './manifest';

const HASH_CONCURRENCY = 4;

/**
 * Check a backup before anything relies on it: every file its manifest names is there with the recorded
 * size and sha256 (a copy damaged since, or a linked file changed in place, shows here), and its register
 * passes integrity_check and says what the manifest says it does. Throws DamagedBackupError naming the
 * first file at fault; resolves to the manifest when all is well.
 */
export async function verifyRegisterBackup(backup: Pick<RegisterBackup, 'path'>): Promise<Manifest> {
  const manifest = await readManifest(backup.path);
  if (manifest === null) throw new DamagedBackupError(underDir(backup.path, 'backup.json'), 'it is missing or is not a backup manifest');
  await verifyFiles(backup.path, manifest);
  const register = underDir(backup.path, BACKUP_REGISTER);
  const facts = await checkRegisterCopy(register, { settle: false });
  if (facts.appSchemaVersion !== manifest.appSchemaVersion || facts.historyMaxId !== manifest.historyMaxId) {
    throw new DamagedBackupError(register, 'it is not the register its manifest describes');
  }
  return manifest;
}

export async function verifyFiles(dir: string, manifest: Manifest): Promise<void> {
  await forEachLimited(Object.entries(manifest.files), HASH_CONCURRENCY, async ([rel, entry]) => {
    const file = underDir(dir, rel);
    const found = await hashFile(file);
    if (found === null) throw new DamagedBackupError(file, 'it is missing');
    if (found.size !== entry.size || found.sha256 !== entry.sha256) throw new DamagedBackupError(file, 'its contents have changed since the backup was made');
  });
}
