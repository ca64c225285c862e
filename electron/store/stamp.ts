import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { errorCode } from './fsSeam';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "20240317-091502-123" in UTC: sorts chronologically and is the same on every machine. */
export function formatStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}-` +
    pad(date.getUTCMilliseconds(), 3)
  );
}

/**
 * Create a new directory named `<prefix><stamp>` under `parent`, adding "-2", "-3"... when that
 * name exists (two backups in one millisecond, or a clock that went backwards). Returns the name.
 */
export async function makeUniqueDir(parent: string, base: string): Promise<string> {
  await fsp.mkdir(parent, { recursive: true });
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await fsp.mkdir(path.join(parent, name));
      return name;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
  }
}

/** A name `<base>`, `<base>-2`, ... that does not exist yet in `parent` (for targets of a rename). */
export async function unusedName(parent: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await fsp.lstat(path.join(parent, name));
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return name;
      throw err;
    }
  }
}
