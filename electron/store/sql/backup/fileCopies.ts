import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { identityOf, liveIdentity, sameIdentity } from '../../backupManifest';
import { errorCode } from '../../fsSeam';
import type { ManifestFile } from './manifest';

/** Read in pieces: an attachment can be a large scan (up to 200 MB), and only this much of it is in memory at once. */
const CHUNK_BYTES = 256 * 1024;

export interface Hashed {
  size: number;
  sha256: string;
}

/** The size and sha256 of a file's bytes, or null when there is no such file. */
export async function hashFile(file: string): Promise<Hashed | null> {
  let handle: FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    return await readThrough(handle, null);
  } finally {
    await handle.close();
  }
}

/**
 * Put a live file's bytes into a backup and describe them. A live file is never linked: a link would
 * share its bytes, so damage done to it in place (the very thing backups are for) would reach the
 * backup too. Instead, when the previous backup's copy holds the same bytes, that copy is linked: a
 * finished backup is never written again, so backups can safely share bytes with each other.
 *
 * "The same bytes" is known without reading when the live file still has the identity (size, mtime,
 * inode) recorded when it was copied, as attachments (stored once, under their hash) and templates
 * (replaced by rename on every save) do; otherwise, when the size matches, by its sha256.
 * Null: the live file went away meanwhile (an attachment removed), so the backup simply has no copy.
 */
export async function backupFile(live: string, target: string, previous: { entry: ManifestFile; copy: string } | null): Promise<ManifestFile | null> {
  if (previous) {
    const identity = await liveIdentity(live);
    if (identity === null) return null;
    const { entry, copy } = previous;
    const unchanged = entry.mtimeMs !== undefined && entry.ino !== undefined && sameIdentity(identity, { size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino });
    const sameBytes = unchanged || (identity.size === entry.size && (await hashFile(live))?.sha256 === entry.sha256);
    if (sameBytes && (await linkCopy(copy, entry.size, target))) return { ...entry, mtimeMs: identity.mtimeMs, ino: identity.ino };
  }
  return copyLive(live, target);
}

/** False when the copy is not as recorded or this file system has no hard links (FAT, some shares). */
async function linkCopy(copy: string, size: number, target: string): Promise<boolean> {
  try {
    if ((await fsp.stat(copy)).size !== size) return false;
    await fsp.link(copy, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * The identity is taken from the open handle before reading: if the file is replaced meanwhile the
 * handle still reads the old inode, and if it is changed in place its mtime moves past the recorded
 * one; either way the next backup sees a change and copies it again. The hash is of the bytes
 * written, so the manifest always describes the copy as it is.
 */
async function copyLive(live: string, target: string): Promise<ManifestFile | null> {
  let source: FileHandle;
  try {
    source = await fsp.open(live, 'r');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    const identity = identityOf(await source.stat({ bigint: true }));
    const copied = await writeCopy(source, target);
    return { ...copied, mtimeMs: identity.mtimeMs, ino: identity.ino };
  } finally {
    await source.close();
  }
}

/** Copy a file that nobody is writing (a backup's copy, for a restore) to a new file, synced; its bytes' hash. */
export async function copyFileHashed(from: string, target: string): Promise<Hashed> {
  const source = await fsp.open(from, 'r');
  try {
    return await writeCopy(source, target);
  } finally {
    await source.close();
  }
}

async function writeCopy(source: FileHandle, target: string): Promise<Hashed> {
  const out = await fsp.open(target, 'wx');
  try {
    const copied = await readThrough(source, out);
    // Before a manifest or a rename can vouch for it: without fsync a power cut can leave the name with no bytes.
    await out.sync();
    return copied;
  } finally {
    await out.close();
  }
}

/** Hash a file from its start, writing what is read to `out` when there is one. */
async function readThrough(source: FileHandle, out: FileHandle | null): Promise<Hashed> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let size = 0;
  for (;;) {
    const { bytesRead } = await source.read(buffer, 0, CHUNK_BYTES, size);
    if (bytesRead === 0) break;
    const piece = buffer.subarray(0, bytesRead);
    hash.update(piece);
    if (out) await writeAll(out, piece);
    size += bytesRead;
  }
  return { size, sha256: hash.digest('hex') };
}

async function writeAll(out: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await out.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
