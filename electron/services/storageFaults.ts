import { statfs } from 'node:fs/promises';
import { UserError } from '../core/errors';
import type { Handlers } from '../ipc/contract';

/** SQLite's "database or disk is full" and the file system's "no space left on device", however they arrive. */
export function isDiskFull(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || /database or disk is full|no space left on device/i.test(err.message);
}

export const diskFullMessage = (dataDir: string) =>
  `The disk that holds your register (${dataDir}) is full, so this change was not saved. Everything saved before it is safe. Free some space on that disk: until then you can read the register but not change it.`;

export const startFullMessage = (dataDir: string) =>
  `The disk that holds your register (${dataDir}) is full, so Correspondence Desk cannot open the register safely. Nothing in it has been changed. Free some space on that disk, then choose Try again.`;

/** Free space worth calling "space again": a save, its history row and the log it passes through. */
const ENOUGH_BYTES = 8 * 1024 * 1024;

export async function hasRoom(dir: string): Promise<boolean> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize >= ENOUGH_BYTES;
  } catch {
    return false;
  }
}

/**
 * Every handler, so that a full disk anywhere (a save, an attachment copied in, a CSV written) is told as
 * what it is, once, in words, and puts the app in its read-only state until space is freed. SQLite
 * rolls the transaction back, so nothing half-written is left behind. `onFull` records the state.
 */
export function guardDiskFull(handlers: Handlers, dataDir: string, onFull: (message: string) => void): Handlers {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => Promise<unknown>][]) {
    out[name] = async (input) => {
      try {
        return await handler(input);
      } catch (err) {
        if (!isDiskFull(err)) throw err;
        const message = diskFullMessage(dataDir);
        onFull(message);
        throw new UserError(message);
      }
    };
  }
  return out as Handlers;
}
