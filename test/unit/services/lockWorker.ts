import { createInterface } from 'node:readline';
import { acquireDataDirLock } from '../../../electron/services/dataDirLock';

/**
 * Run by dataDirLock.test.ts in a child process: an app that opens data folders when told. Each line on
 * stdin is `{ "dir": ..., "at": <ms since 1970>, "withoutHardLinks": <boolean> }`; it waits until `at` (so that two workers try within a
 * millisecond of each other), takes the folder's lock and prints `{ "won": true }` or the holder it was
 * refused by. Locks it wins are kept until it exits, as an app keeps its folder open.
 */
const held: { release(): Promise<void> }[] = [];
process.stdout.write(`${JSON.stringify({ ready: process.pid })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const { dir, at, withoutHardLinks } = JSON.parse(line) as { dir: string; at: number; withoutHardLinks: boolean };
  while (Date.now() < at - 2) await new Promise((resolve) => setTimeout(resolve, 1));
  while (Date.now() < at); // the last milliseconds spinning: timers are too coarse to line two processes up
  try {
    const lock = await acquireDataDirLock(dir, new Date(), { withoutHardLinks });
    if ('release' in lock) held.push(lock);
    process.stdout.write(`${JSON.stringify('release' in lock ? { won: true } : { won: false, heldBy: lock.heldBy })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
  }
}
for (const lock of held) await lock.release();
