import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isTempFile } from './atomicWrite';
import { errorCode } from './fsSeam';
import type { Dirent } from 'node:fs';

// Names inside the data dir. `store.building` is filled by a migration or restore; once complete
// it is renamed to `store.next`, so a `store.next` is always whole and safe to promote.
export const STORE_DIR = 'store';
export const BUILDING_DIR = 'store.building';
export const NEXT_DIR = 'store.next';
export const PREVIOUS_PREFIX = 'store.previous-';
export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'quarantine';
export const META_FILE = 'meta.json';
export const DOCS_DIR = 'docs';
export const BACKUP_MARKER = 'backup.json';
export const APP_ID = 'correspondence-desk';

export function collectionDir(storeDir: string, collection: string): string {
  return path.join(storeDir, collection);
}

export function docFile(storeDir: string, name: string): string {
  return path.join(storeDir, DOCS_DIR, `${name}.json`);
}

/** The name shown to users: relative to the store dir, forward slashes on every platform. */
export function labelOf(storeDir: string, absPath: string): string {
  return path.relative(storeDir, absPath).split(path.sep).join('/');
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/** Directory entries, or [] when the directory does not exist. */
export async function readDirOrEmpty(dir: string): Promise<Dirent[]> {
  try {
    return await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  }
}

/** Every regular file under `dir` (relative paths, forward slashes), skipping temp files. */
export async function listFilesRecursive(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readDirOrEmpty(dir)) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFilesRecursive(path.join(dir, entry.name), rel)));
    else if (entry.isFile() && !isTempFile(entry.name)) out.push(rel);
  }
  return out.sort();
}

/** Names must be safe as folder/file names on every OS and must not collide with the layout. */
const NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const RESERVED = new Set([DOCS_DIR, 'meta', 'con', 'prn', 'aux', 'nul']);

export function assertValidName(kind: string, name: string): void {
  if (!NAME.test(name) || RESERVED.has(name.toLowerCase())) {
    throw new Error(`store: invalid ${kind} name "${name}" (letters, digits, - and _ only; not a reserved name)`);
  }
}
