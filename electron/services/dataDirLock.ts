import { createHash, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { dataFolder, LOCK_FILE } from '../store/dataFolder';
import { errorCode } from '../store/fsSeam';

export { LOCK_FILE };

/**
 * What the lock file says about the app that has the folder open. Locks written before this version hold
 * only pid, host and since; the other fields tell a live holder from a process that merely got the same id.
 */
export interface LockInfo {
  pid: number;
  host: string;
  /** When the holder opened the folder, by the app's clock: shown to the user. */
  since: string;
  /** One per opening, so release() removes the file only while it is still this opening's. */
  token?: string;
  /** When the holder's computer started, ms since 1970 (Date.now() - os.uptime()). */
  bootTime?: number;
  /** Linux: the kernel's id of the boot, exact where bootTime is only as good as the clock. */
  bootId?: string;
  /** Linux: when the holder process started, in clock ticks since boot (/proc/<pid>/stat field 22). */
  started?: string;
  /** Only on a heldBy made from a lock file that could not be read: host and since are then guesses. */
  unreadable?: true;
}

export type DataDirLock = { release(): Promise<void> } | { heldBy: LockInfo };

export interface LockOptions {
  /** Tests: behave as on a file system without hard links (FAT, some network shares). */
  withoutHardLinks?: boolean;
}

/**
 * One app per data folder, across machines: two apps on one register would overwrite each other's work.
 * Electron's single-instance lock covers one person on one computer; this file covers a folder on a shared
 * drive, and two people on one computer.
 *
 * - Taking the lock is one atomic step: the content is written to a temp file and hard-linked into place,
 *   and link() fails if the name exists. So a second app never sees a lock half-written, and of two apps
 *   starting together exactly one gets it. Where the file system has no hard links (FAT, some shares)
 *   open('wx') does the same, except that the file is briefly empty: see UNREADABLE_GRACE_MS.
 * - A lock from this computer is stale when its process is gone, or when the process with that id is not
 *   the one that wrote it: the computer has restarted since (boot id, else boot time), or (Linux) the
 *   process started at another time. Elsewhere a pid reused without a restart cannot be told apart, and the
 *   lock is respected: refusing wrongly is recoverable, opening twice is not.
 * - A lock from another computer is respected, since we cannot tell whether that app is still running;
 *   unless the file cannot be read at all and is older than a few seconds (a crash while writing it).
 * - Taking over a stale lock is race-free: only the app that creates the takeover marker named after that
 *   exact lock file (its inode, time and content) may remove it, and it checks the file again first.
 */
export async function acquireDataDirLock(dataDir: string, now: Date, options: LockOptions = {}): Promise<DataDirLock> {
  await fsp.mkdir(dataDir, { recursive: true });
  const file = dataFolder(dataDir).lock;
  const me = await thisComputer();
  const started = await startedAt(process.pid);
  const mine: LockInfo = {
    pid: process.pid,
    host: me.host,
    since: now.toISOString(),
    token: randomBytes(16).toString('hex'),
    bootTime: me.bootTime,
    ...(me.bootId ? { bootId: me.bootId } : {}),
    ...(started ? { started } : {}),
  };
  const content = JSON.stringify(mine);
  const links = !options.withoutHardLinks;
  const giveUpAt = Date.now() + GIVE_UP_MS;
  let waitingSince: number | null = null;
  while (Date.now() < giveUpAt) {
    const made = await createExclusive(file, content, links);
    if (made.outcome === 'created') {
      await removeLeftovers(dataDir, made.fsNow);
      return { release: () => release(file, mine.token!) };
    }
    if (made.outcome === 'busy') {
      await pause();
      continue;
    }
    const seen = await readLock(file);
    if (seen === 'busy') await pause();
    if (seen === 'busy' || seen === null) continue; // released or taken over meanwhile: try again
    const verdict = await judge(seen, made.fsNow, me);
    if (verdict === 'live') return { heldBy: seen.info! };
    if (verdict === 'being-written') {
      waitingSince ??= Date.now();
      if (Date.now() - waitingSince >= UNREADABLE_WAIT_MS) return { heldBy: unknownHolder(seen) };
      await pause();
      continue;
    }
    await takeOver(file, seen, content, me, links);
  }
  throw new Error(
    `The data folder's lock (${file}) could not be taken: it kept changing or could not be replaced. Close other copies of Correspondence Desk using this folder and try again.`,
  );
}

/** Of two apps starting within this long of a crash + restart, the older boot may go unnoticed. */
const BOOT_TOLERANCE_MS = 2 * 60_000;
/**
 * An unreadable lock younger than this may be one that an app on a file system without hard links has just
 * created with open('wx') and is writing; it is respected, after waiting UNREADABLE_WAIT_MS for it to be
 * finished. Older, it was left by a crash (or by versions before this one, which all used 'wx') and is
 * taken over. Ages are measured on the file system's clock, so a server's clock does not matter.
 */
const UNREADABLE_GRACE_MS = 5_000;
const UNREADABLE_WAIT_MS = 1_000;
/** A takeover takes milliseconds: a marker this old belongs to an app that stopped in the middle of one. */
const MARKER_STALE_MS = 30_000;
const MAX_MARKERS = 20;
/** Temp files and markers this old are removed when the lock is taken. */
const LEFTOVER_MS = 10 * 60_000;
const GIVE_UP_MS = 10_000;
/** Ours are ~300 bytes; anything far larger is not ours, and is not read into memory. */
const MAX_LOCK_BYTES = 64 * 1024;

interface ThisComputer {
  host: string;
  bootTime: number;
  bootId: string | null;
}

async function thisComputer(): Promise<ThisComputer> {
  const bootId = process.platform === 'linux' ? await readSmallFile('/proc/sys/kernel/random/boot_id') : null;
  return { host: hostname(), bootTime: Math.round(Date.now() - uptime() * 1000), bootId: bootId?.trim() || null };
}

/** Linux: a process's start time in clock ticks since boot, which tells two processes with one pid apart. */
export async function startedAt(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  const stat = await readSmallFile(`/proc/${pid}/stat`);
  return stat === null ? null : startTimeFromStat(stat);
}

/** Field 22 of /proc/<pid>/stat; field 2, the program name in brackets, may itself contain spaces and ')'. */
export function startTimeFromStat(stat: string): string | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const value = fields[19];
  return value !== undefined && /^\d+$/.test(value) ? value : null;
}

async function readSmallFile(file: string): Promise<string | null> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(err) === 'EPERM';
  }
}

type Verdict = 'live' | 'stale' | 'being-written';

async function judge(seen: SeenLock, fsNow: number, me: ThisComputer): Promise<Verdict> {
  const held = seen.info;
  if (!held) return fsNow - seen.mtimeMs >= UNREADABLE_GRACE_MS ? 'stale' : 'being-written';
  if (held.host.toLowerCase() !== me.host.toLowerCase()) return 'live';
  if (!alive(held.pid)) return 'stale';
  // The pid is in use: by the app that wrote the lock, or by a process that got the id after a crash or a restart.
  if (held.bootId !== undefined && me.bootId !== null) {
    if (held.bootId !== me.bootId) return 'stale';
  } else if (held.bootTime !== undefined) {
    // One-sided: a clock put back after the lock was written makes its boot look later, never earlier.
    if (held.bootTime < me.bootTime - BOOT_TOLERANCE_MS) return 'stale';
  } else if (fsNow - seen.mtimeMs > uptime() * 1000 + BOOT_TOLERANCE_MS) {
    return 'stale'; // an old-style lock, written before this computer started
  }
  if (held.started !== undefined) {
    const now = await startedAt(held.pid);
    if (now !== null && now !== held.started) return 'stale';
  }
  return 'live';
}

function unknownHolder(seen: SeenLock): LockInfo {
  return { pid: 0, host: 'a computer that did not say which', since: new Date(seen.mtimeMs).toISOString(), unreadable: true };
}

const boundedText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // Shown to the user: no control or direction-changing characters from a hostile file.
    .transform((s) => s.replace(/[\p{Cc}\p{Cf}]/gu, '?'));

const lockSchema = z.object({
  pid: z.number().int().min(1).max(2 ** 31 - 1),
  host: boundedText(255),
  since: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s))),
  token: z.string().max(64).optional(),
  bootTime: z.number().finite().optional(),
  bootId: z.string().max(64).optional(),
  started: z.string().max(32).optional(),
});

interface SeenLock {
  /** This very file: inode, modification time, size and content. A new lock never has the same id. */
  id: string;
  info: LockInfo | null;
  mtimeMs: number;
}

/** The lock file as found, null when there is none, 'busy' when Windows has it pending deletion. */
async function readLock(file: string): Promise<SeenLock | null | 'busy'> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'EPERM' || code === 'EBUSY') return 'busy';
    throw err;
  }
  try {
    const st = await handle.stat({ bigint: true });
    const bytes = st.size > MAX_LOCK_BYTES ? Buffer.alloc(0) : await handle.readFile();
    const id = createHash('sha256').update(`${st.dev}:${st.ino}:${st.mtimeNs}:${st.size}:`).update(bytes).digest('hex').slice(0, 32);
    return { id, info: st.size > MAX_LOCK_BYTES ? null : parseLock(bytes), mtimeMs: Number(st.mtimeMs) };
  } finally {
    await handle.close();
  }
}

function parseLock(bytes: Buffer): LockInfo | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// What link() says where a file system has no hard links; EPERM is also Windows' answer for a name that is
// pending deletion, which the 'wx' fallback then reports as busy.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EINVAL', 'EXDEV', 'EOPNOTSUPP']);
const BUSY = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * Create `target` holding `content`, unless it exists. `fsNow` is the file system's own clock (the temp
 * file's modification time), to measure other files' ages with.
 */
async function createExclusive(target: string, content: string, links: boolean): Promise<{ outcome: 'created' | 'exists' | 'busy'; fsNow: number }> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fsNow: number;
  const handle = await fsp.open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    // The content reaches the disk before the name does, so a power cut never leaves an empty lock. The
    // name itself needs no fsync: after a power cut no app holds the folder, and a lost lock is right.
    await handle.sync();
    fsNow = Number((await handle.stat()).mtimeMs);
  } finally {
    await handle.close();
  }
  try {
    if (!links) return { outcome: await createWithOpen(target, content), fsNow };
    await fsp.link(temp, target);
    return { outcome: 'created', fsNow };
  } catch (err) {
    const code = errorCode(err) ?? '';
    if (code === 'EEXIST') return { outcome: 'exists', fsNow };
    if (!NO_HARD_LINKS.has(code)) throw err;
    return { outcome: await createWithOpen(target, content), fsNow };
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

async function createWithOpen(target: string, content: string): Promise<'created' | 'exists' | 'busy'> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(target, 'wx');
  } catch (err) {
    const code = errorCode(err) ?? '';
    if (code === 'EEXIST') return 'exists';
    if (BUSY.has(code)) return 'busy';
    throw err;
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fsp.rm(target, { force: true });
    throw err;
  }
  await handle.close();
  return 'created';
}

/**
 * Remove the stale lock `seen`, if this app is the one to do it. Returns when it is gone or another app is
 * dealing with it; the caller then tries to create its own lock again, and only one create wins.
 *
 * Removing by name alone would race: two apps find the same stale lock, the first removes it and takes the
 * folder, the second then removes the first's new lock. So the right to remove `seen` goes to whoever
 * creates the marker named after it; that app reads the lock again and removes it only if it is still
 * `seen`, which nobody else can replace meanwhile (replacing means removing, which needs the marker). A
 * marker left by an app that died mid-takeover is stepped over to the next number, never removed, so two
 * apps can never both hold one.
 */
async function takeOver(file: string, seen: SeenLock, content: string, me: ThisComputer, links: boolean): Promise<void> {
  for (let n = 0; n < MAX_MARKERS; n++) {
    const marker = path.join(path.dirname(file), `.${LOCK_FILE}.takeover-${seen.id}-${n}`);
    const made = await createExclusive(marker, content, links);
    if (made.outcome === 'created') {
      try {
        const again = await readLock(file);
        if (again !== null && again !== 'busy' && again.id === seen.id) await fsp.rm(file, { force: true });
      } finally {
        await fsp.rm(marker, { force: true });
      }
      return;
    }
    if (made.outcome === 'busy') break;
    const other = await readLock(marker);
    if (other === null) return; // its app has finished: look at the lock again
    if (other === 'busy') break;
    const age = made.fsNow - other.mtimeMs;
    const stale = age > MARKER_STALE_MS || (await judge(other, made.fsNow, me)) === 'stale';
    if (!stale) break; // another app is taking over right now
  }
  await pause();
}

async function release(file: string, token: string): Promise<void> {
  const seen = await readLock(file);
  // Only our own lock: were it ever taken over (we were judged gone), the file is now another app's.
  if (seen !== null && seen !== 'busy' && seen.info?.token === token) await fsp.rm(file, { force: true });
}

/** Temp files and markers of apps that crashed while taking the lock. Best effort: they do no harm. */
async function removeLeftovers(dataDir: string, fsNow: number): Promise<void> {
  const names = await fsp.readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    const ours = name.startsWith(`.${LOCK_FILE}.`) || name.startsWith(`..${LOCK_FILE}.`);
    if (!ours || !(name.endsWith('.tmp') || name.includes('.takeover-'))) continue;
    const full = path.join(dataDir, name);
    const st = await fsp.stat(full).catch(() => null);
    if (st && fsNow - st.mtimeMs > LEFTOVER_MS) await fsp.rm(full, { force: true }).catch(() => undefined);
  }
}

/** A short random pause, so that apps retrying together fall out of step. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 30));
}
