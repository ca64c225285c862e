import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../../../core/clock';
import { fsyncDir } from '../../atomicWrite';
import { errorCode } from '../../fsSeam';
import type { DataFolder } from '../../dataFolder';
import { IMPORTED_STORE_PREFIX } from '../../dataFolder';
import { describeError } from '../../problems';
import { exists } from '../../layout';
import { recoverInterruptedSwap } from '../../migrate';
import { formatStamp, unusedName } from '../../stamp';
import type { Register } from '../register/register';
import { ImportError } from './importError';
import { readMarker, updateMarker } from './marker';
import type { ProgressListener } from './progress';
import type { ImportMarker } from './marker';
import { readJsonStore } from './readJsonStore';
import type { JsonStoreSpec } from './readJsonStore';
import { COLLECTION_TARGETS, DOC_TARGETS, isEmptyRegister } from './targets';
import { sourceChecksums, verifyImport } from './verifyImport';
import { checkReferences, writeImport } from './writeImport';

export interface ImportJsonOptions {
  folder: DataFolder;
  /** Opened on folder.register, with nothing written to it yet by this start. */
  register: Register;
  spec: JsonStoreSpec;
  clock: Clock;
  /** Who the history rows name: the officer, as this PC's settings name them. */
  by: string;
  /** Told as each step goes on, for a "carrying your records over" screen (ten years of letters take a while). */
  onProgress?: ProgressListener;
}

export interface ImportReport {
  /** Records carried over, by the JSON store's collection names. */
  counts: Record<string, number>;
  /** Where the old store/ is now (it is renamed, never deleted). */
  importedFrom: string;
  /** When the records were carried over (ISO timestamp). */
  at: string;
  sourceSchemaVersion: number;
  /** What the old store held that this version does not know; kept in `importedFrom`. */
  leftBehind: string[];
  /** True when this start finished an import an earlier one committed (it was stopped before the rename). */
  resumed: boolean;
}

/**
 * Carry a data folder's JSON store (store/) over into the register, once: on the first open of a folder
 * that has one. Resolves to null when there is no store/ (none, or already carried over and renamed).
 *
 *   1. Read store/ without writing to it, migrate it in memory to the spec's version, check every record
 *      and document (readJsonStore), and that every record a record names is there.
 *   2. Write everything, and a marker saying so ('imported'), in ONE transaction (writeImport).
 *   3. Read everything back through the register and compare counts and each record's checksum with the
 *      JSON's (verifyImport); then mark it 'verified'.
 *   4. Rename store/ to store.imported-<stamp> (never delete it), make the rename durable, mark 'complete'.
 *
 * A kill before 2 commits leaves the register without a row of it and store/ as it was: the next start
 * imports again. A kill after it leaves the marker, and the next start checks (3) and renames (4); after
 * 3 it only renames. Every failure is an ImportError whose `register` says what the caller does next.
 */
export async function importJsonStore(opts: ImportJsonOptions): Promise<ImportReport | null> {
  const { folder, register, spec, clock, by } = opts;
  const onProgress = opts.onProgress ?? (() => undefined);
  // A JSON store killed between the two renames of its own migration swap has its data in store.next:
  // finishing that swap (a rename) is what openStore would do first, and it changes no data.
  await recoverInterruptedSwap(folder.root);
  const found = await readMarker(register.db);
  const marker = found === 'unreadable' ? null : found;

  if (!(await exists(folder.jsonStore))) {
    // Renamed, and killed before the marker said so: the rename was the last step, so it is complete.
    if (marker && marker.state !== 'complete' && (await exists(path.join(folder.root, marker.folderName)))) {
      await updateMarker(register.db, { ...marker, state: 'complete' }, clock.now().toISOString());
    }
    return null;
  }

  if (marker?.state === 'complete' || found === 'unreadable' || (!marker && !(await isEmptyRegister(register.db)))) {
    const since = marker?.state === 'complete' ? ` (they were carried over from a JSON store on ${marker.at.slice(0, 10)})` : '';
    throw new ImportError(
      'not-empty',
      `The data folder has an old JSON store (the store folder) as well as a register that already holds records${since}, so the store folder was not carried over and was left as it was. If it is not needed, move it out of the data folder.`,
      { file: 'store' },
    );
  }
  if (marker?.state === 'verified') return finish(folder, register, marker, clock, true, onProgress);

  onProgress({ step: 'reading', done: 0, total: 0 });
  const source = await readJsonStore(folder.jsonStore, spec);
  const sums = sourceChecksums(source);
  let current: ImportMarker;
  if (marker) {
    // Committed by an earlier start that stopped before the check: it must be this store's import.
    if (marker.digest !== sums.digest) {
      throw new ImportError('mismatch', `The records carried over from the old JSON register on an earlier start are not those now in the store folder, which has changed since. The store folder was left as it was; the new register is set aside and the records carried over again on the next start.`, { file: 'store' });
    }
    current = marker;
  } else {
    checkReferences(source);
    const now = clock.now();
    const carried = [DOC_TARGETS.office, DOC_TARGETS.preferences, DOC_TARGETS.counters].filter((d) => source.docs.has(d));
    current = {
      state: 'imported',
      at: now.toISOString(),
      by,
      folderName: await unusedName(folder.root, `${IMPORTED_STORE_PREFIX}${formatStamp(now)}`),
      sourceSchemaVersion: source.schemaVersion,
      counts: Object.fromEntries(COLLECTION_TARGETS.map((t) => [t.collection, source.collections.get(t.collection)?.length ?? 0])),
      digest: sums.digest,
      docs: carried,
      leftBehind: source.leftBehind,
    };
    await writeImport(register, source, current, onProgress);
  }
  // Only the checksums are needed from here on: let the records go before reading them all back.
  const { docs } = source;
  source.collections.clear();
  await verifyImport(register, docs, sums, onProgress);
  current = await updateMarker(register.db, { ...current, state: 'verified' }, clock.now().toISOString());
  return finish(folder, register, current, clock, marker !== null, onProgress);
}

/** Step 4: rename store/ aside (to the marker's name, or the next free one), durably, and say so in the marker. */
async function finish(folder: DataFolder, register: Register, marker: ImportMarker, clock: Clock, resumed: boolean, onProgress: ProgressListener): Promise<ImportReport> {
  onProgress({ step: 'renaming', done: 0, total: 1 });
  let current = marker;
  if (await exists(path.join(folder.root, current.folderName))) {
    current = await updateMarker(register.db, { ...current, folderName: await unusedName(folder.root, current.folderName) }, clock.now().toISOString());
  }
  const target = path.join(folder.root, current.folderName);
  try {
    await renameWithRetry(folder.jsonStore, target);
    await fsyncDir(folder.root);
  } catch (err) {
    throw new ImportError(
      'rename-failed',
      `Your records were carried over from the old JSON register and checked, but the old store folder could not be renamed to ${current.folderName} (${describeError(err)}). It is left as it was; the app tries again on the next start.`,
      { file: 'store', cause: err },
    );
  }
  current = await updateMarker(register.db, { ...current, state: 'complete' }, clock.now().toISOString());
  return { counts: current.counts, importedFrom: target, at: current.at, sourceSchemaVersion: current.sourceSchemaVersion, leftBehind: current.leftBehind, resumed };
}

// Windows refuses to rename a folder while a virus scanner, an indexer or a sync client has a file in
// it open; that clears within moments, so a few retries spare the officer a message and a restart.
const RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RETRY_DELAYS_MS = [50, 200, 500, 1000];

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fsp.rename(from, to);
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !RETRY_CODES.has(errorCode(err) ?? '')) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * After an ImportError whose `register` is 'discard': move the register file (closed first, by the
 * caller) aside as register.sqlite3.failed-import-<stamp>, so that the next start makes a new one and
 * imports again from the untouched store/. Kept for support to look at, but only the latest: an import
 * that fails its check every time would otherwise leave a copy of ten years of letters per start, and
 * each is only a copy of what store/ still holds. The write-ahead log goes first: a register without
 * its log is an older register, where a log without its register would stop the next open.
 * Returns the new path.
 */
export async function setAsideFailedImport(folder: DataFolder, clock: Clock): Promise<string> {
  const prefix = `${path.basename(folder.register)}.failed-import-`;
  const earlier = (await fsp.readdir(folder.root)).filter((name) => name.startsWith(prefix));
  const base = await unusedName(folder.root, `${prefix}${formatStamp(clock.now())}`);
  const target = path.join(folder.root, base);
  for (const suffix of ['-wal', '-shm', '']) {
    if (await exists(`${folder.register}${suffix}`)) await fsp.rename(`${folder.register}${suffix}`, `${target}${suffix}`);
  }
  await fsyncDir(folder.root);
  for (const name of earlier) await fsp.rm(path.join(folder.root, name), { force: true });
  return target;
}
