import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { errorCode } from '../../fsSeam';
import { BACKUP_REGISTER, FILE_TREES, MANIFEST_FILE } from './backupLayout';

/** What a backup's register holds, counted in the copy itself (not the live file it came from). */
export interface RegisterCounts {
  letters: number;
  replies: number;
  contacts: number;
  history: number;
}

const count = z.number().int().nonnegative();

const fileEntry = z.object({
  /** Bytes in the backup's copy. */
  size: count,
  /** Of the backup's copy: what a restore checks before trusting it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The live file's identity when it was copied (absent for the register, which is not copied as a
   * file): when the live file still has it, the next backup links this copy instead of reading it.
   */
  mtimeMs: z.number().finite().optional(),
  ino: z.string().regex(/^\d+$/).optional(),
});

export type ManifestFile = z.infer<typeof fileEntry>;

/**
 * Paths are checked because a restore writes files under them: a damaged or hand-edited manifest must
 * not be able to name a file outside the data folder, nor anything but the register and its two trees.
 * A backslash is refused as well, as Windows reads it as a separator.
 */
export function isBackupPath(rel: string): boolean {
  if (rel === BACKUP_REGISTER) return true;
  const parts = rel.split('/');
  return (
    parts.length >= 2 &&
    (FILE_TREES as readonly string[]).includes(parts[0]!) &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0]/.test(part))
  );
}

export const MANIFEST_KIND = 'correspondence-desk/register-backup';

// loose(): a newer app may record more here; an older one still lists and restores the backup.
const manifestSchema = z
  .object({
    kind: z.literal(MANIFEST_KIND),
    format: z.literal(1),
    createdAt: z.iso.datetime({ offset: true }),
    /** The register's PRAGMA user_version in the copy. */
    appSchemaVersion: z.number().int().positive(),
    /** The copy's newest history row: how the next open tells whether anything has changed since. */
    historyMaxId: count,
    counts: z.object({ letters: count, replies: count, contacts: count, history: count }),
    files: z
      .record(z.string(), fileEntry)
      .refine((files) => Object.keys(files).every(isBackupPath), 'a file is named outside the register and its attachments and templates')
      .refine((files) => BACKUP_REGISTER in files, `${BACKUP_REGISTER} is not listed`),
  })
  .loose();

export type Manifest = z.infer<typeof manifestSchema>;

export function manifestJson(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

/**
 * The manifest of the backup in `dir`, or null when there is none or it is not one we wrote whole: such a
 * folder is not a backup (it was interrupted, or damaged since), so it is neither listed nor restored.
 */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') return null;
    throw err;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
