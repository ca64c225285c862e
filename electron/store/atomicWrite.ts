import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { errorCode, nodeFs } from './fsSeam';
import type { StoreFs } from './fsSeam';

/** Temp files end with this; loaders skip them and a successful open deletes leftovers. */
export const TEMP_SUFFIX = '.tmp';

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/**
 * Replace `target` with `data` so that after a crash the file holds either the old or the new
 * contents, never a mix. Backups rely on this too: every write gives the file a new inode, which
 * is how a backup recognises a file as unchanged since the previous backup (see backupManifest.ts).
 */
export async function atomicWrite(target: string, data: string | Uint8Array, fs: StoreFs = nodeFs): Promise<void> {
  const dir = path.dirname(target);
  // A unique name per write (not lowdb's fixed ".tmp" name) so two writers, or a write racing a
  // crashed process's leftover, can never share a temp file.
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
      // Without fsync the rename can reach the disk before the data does, and a power cut then
      // leaves a zero-length or NUL-filled file under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target, fs);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir, fs);
}

/** Make a directory's entries (new names, renames) durable. */
export async function fsyncDir(dir: string, fs: StoreFs = nodeFs): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open a directory (EISDIR/EPERM) and some filesystems reject fsync on one
    // (EINVAL, ENOTSUP). There the OS gives no way to flush a directory, and rename is as durable
    // as it gets, so failing the write would only make the app unusable without gaining safety.
    const code = errorCode(err);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'ENOTSUP') throw err;
  } finally {
    await handle?.close();
  }
}

// Windows refuses to rename over a file that a virus scanner or indexer briefly holds open; the
// lock clears within milliseconds, so a short retry turns a spurious failure into a normal write.
const RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RETRY_DELAYS_MS = [10, 30, 100, 300];

async function renameWithRetry(from: string, to: string, fs: StoreFs): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !RETRY_CODES.has(errorCode(err) ?? '')) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
