import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'in-use.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One app per data folder, across machines: each keeps the records in memory and would overwrite the other's
 * changes. The single-instance lock covers one person on one computer; this file covers a folder on a shared
 * drive. A lock left by a crashed app on this computer (its process is gone) is taken over; one held from
 * another computer is respected, since we cannot tell whether that app is still running.
 */
export async function acquireDataDirLock(dataDir: string, now: Date): Promise<{ release(): Promise<void> } | { heldBy: LockInfo }> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let held: LockInfo | null;
    try {
      held = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    } catch {
      held = null; // unreadable: left half-written by a crash
    }
    const stale = !held || (held.host === mine.host && !alive(held.pid));
    if (!stale) return { heldBy: held! };
    await rm(path, { force: true });
  }
  throw new Error('The data folder lock could not be taken.');
}
