import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from '../store/fsSeam';
import { fsyncDir } from '../store/atomicWrite';
import { numberedVariant } from '../core/export/fileName';

/**
 * Write a new file into a folder without ever replacing one already there: the data goes to a temp file
 * (flushed to disk), which is then hard-linked under the wanted name. A link fails if the name exists, so
 * two exports racing for `MCO220317-02 ….docx` cannot overwrite each other; the loser takes `… (2).docx`.
 */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (err) {
    // FAT-formatted USB sticks and some network shares have no hard links: copy instead, still refusing to
    // replace an existing file (COPYFILE_EXCL), at the cost of a brief window in which the copy is partial.
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP'].includes(errorCode(err) ?? '')) throw err;
    await copyFile(temp, target, constants.COPYFILE_EXCL);
  }
}

export async function writeNewFile(folder: string, fileName: string, data: Uint8Array): Promise<string> {
  const temp = join(folder, `.${process.pid}.${randomBytes(6).toString('hex')}.export.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let n = 1; n < 1000; n++) {
      const target = join(folder, numberedVariant(fileName, n));
      // The name must stay in the chosen folder, whatever the letter's subject said.
      if (dirname(target) !== folder || basename(target) !== numberedVariant(fileName, n)) throw new Error('Unsafe file name.');
      try {
        await placeWithoutReplacing(temp, target);
        await fsyncDir(folder);
        return target;
      } catch (err) {
        if (errorCode(err) !== 'EEXIST') throw err;
      }
    }
    throw new Error(`Too many files called ${fileName} in that folder.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
