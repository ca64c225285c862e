import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../core/clock';
import { atomicWrite, fsyncDir } from './atomicWrite';
import { ensureDir } from './durableJsonFile';
import type { StoreFs } from './fsSeam';
import { assertValidName, BUILDING_DIR, DOCS_DIR, exists, META_FILE, NEXT_DIR, PREVIOUS_PREFIX, readDirOrEmpty, STORE_DIR } from './layout';
import { newMeta } from './meta';
import { problems } from './problems';
import { checkRecord, describeRecordIssue, isPlainObject, keepUnknownFields } from './records';
import { shardFileName, shardOf } from './shardHash';
import { formatStamp } from './stamp';
import type { CollectionSpec, DocSpec, Migration, RawDataset, StoreProblem } from './types';
import { formatIssues } from './validationError';

/** Programmer errors in the migration list are thrown, not reported as a data problem. */
export function checkMigrations(migrations: Migration[], schemaVersion: number): void {
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new Error(`store: schemaVersion must be a positive integer, got ${schemaVersion}`);
  }
  let previous = 1;
  for (const m of migrations) {
    if (!Number.isInteger(m.to) || m.to <= previous) {
      throw new Error(`store: migration "${m.description}" has to=${m.to}; "to" must be an integer > ${previous} and strictly increasing`);
    }
    previous = m.to;
  }
  if (previous !== schemaVersion) {
    throw new Error(`store: the last migration goes to version ${previous} but schemaVersion is ${schemaVersion}`);
  }
}

export type MigrationOutcome = { ok: true; files: Map<string, string> } | { ok: false; problem: StoreProblem };

/**
 * Apply the migrations after `fromVersion` and turn the result into the files of a store at the
 * current version (relative path → contents, meta.json included). Entirely in memory, so any
 * failure leaves the disk untouched.
 */
export function migrateInMemory(
  data: RawDataset,
  fromVersion: number,
  opts: { schemaVersion: number; migrations: Migration[]; collections: CollectionSpec[]; docs: DocSpec[]; now: Date },
): MigrationOutcome {
  let current = data;
  for (const m of opts.migrations) {
    if (m.to <= fromVersion || m.to > opts.schemaVersion) continue;
    try {
      current = m.up(current);
    } catch (err) {
      const detail = `step to version ${m.to}, "${m.description}", failed: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, problem: problems.migrationFailed(STORE_DIR, detail) };
    }
  }
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const specced = new Set(opts.collections.map((c) => c.name));

  for (const spec of opts.collections) {
    const records = current.collections[spec.name] ?? [];
    const shards = new Map<number, unknown[]>();
    const seen = new Set<string>();
    for (const [i, raw] of records.entries()) {
      const check = checkRecord(spec.schema, raw, false);
      const problemOf = (detail: string) => ({
        ok: false as const,
        problem: problems.migrationFailed(spec.name, `in ${spec.name}, ${detail}`),
      });
      if (!check.ok) return problemOf(describeRecordIssue(i, raw, check.issues));
      if (seen.has(check.record.id)) return problemOf(`two records have the id "${check.record.id}"`);
      seen.add(check.record.id);
      const index = shardOf(check.record.id, spec.shards);
      const list = shards.get(index) ?? [];
      list.push(check.record);
      shards.set(index, list);
    }
    for (const [index, list] of shards) files.set(`${spec.name}/${shardFileName(index, spec.shards)}`, json({ records: list }));
  }
  // Data no spec describes is carried over untouched (in one shard), not dropped: a migration
  // must delete it explicitly, and until then a later version can still convert it.
  for (const [name, records] of Object.entries(current.collections)) {
    if (specced.has(name) || records.length === 0) continue;
    assertValidName('collection', name);
    files.set(`${name}/${shardFileName(0, 1)}`, json({ records }));
  }

  for (const [name, value] of Object.entries(current.docs)) {
    if (value === undefined) continue;
    assertValidName('document', name);
    const spec = opts.docs.find((d) => d.name === name);
    let stored: unknown = value;
    if (spec) {
      const result = spec.schema.safeParse(value);
      if (!result.success) {
        return { ok: false, problem: problems.migrationFailed(`${DOCS_DIR}/${name}.json`, `document ${name}: ${formatIssues(result.error.issues)}`) };
      }
      stored = keepUnknownFields(value, result.data);
    }
    if (!isPlainObject(stored)) {
      return { ok: false, problem: problems.migrationFailed(`${DOCS_DIR}/${name}.json`, `document ${name} is not an object`) };
    }
    files.set(`${DOCS_DIR}/${name}.json`, json(stored));
  }

  files.set(META_FILE, json(newMeta(opts.schemaVersion, opts.now)));
  return { ok: true, files };
}

/**
 * Replace `store/` with a new tree of files, crash-safely. A crash mid-migration must never leave
 * half-migrated data under an old version number (or old data under a new one): the new tree is
 * built aside in store.building, renamed to store.next only once complete and fsynced, and only
 * then swapped in by two renames. recoverInterruptedSwap() finishes or discards the work on the
 * next open, depending on which side of the swap the crash happened.
 */
export async function replaceStore(
  dataDir: string,
  files: Map<string, string>,
  opts: { clock: Clock; fs?: StoreFs; moveOldStoreTo?: string },
): Promise<void> {
  const { fs } = opts;
  const building = path.join(dataDir, BUILDING_DIR);
  await fsp.rm(building, { recursive: true, force: true });
  await fsp.rm(path.join(dataDir, NEXT_DIR), { recursive: true, force: true });
  await ensureDir(building, fs);
  // meta.json last, so even the building tree never looks complete before it is.
  const ordered = [...files.keys()].filter((f) => f !== META_FILE).sort();
  if (files.has(META_FILE)) ordered.push(META_FILE);
  const made = new Set<string>([building]);
  for (const rel of ordered) {
    const target = path.join(building, ...rel.split('/'));
    if (!made.has(path.dirname(target))) {
      await ensureDir(path.dirname(target), fs);
      made.add(path.dirname(target));
    }
    await atomicWrite(target, files.get(rel) ?? '', fs);
  }
  await fsp.rename(building, path.join(dataDir, NEXT_DIR));
  await fsyncDir(dataDir, fs);
  await swapInNext(dataDir, opts);
}

/** `moveOldStoreTo`: keep the replaced store there (restore) instead of deleting it (migration). */
async function swapInNext(dataDir: string, opts: { clock: Clock; fs?: StoreFs; moveOldStoreTo?: string }): Promise<void> {
  const store = path.join(dataDir, STORE_DIR);
  const previous = opts.moveOldStoreTo ?? path.join(dataDir, `${PREVIOUS_PREFIX}${formatStamp(opts.clock.now())}`);
  const hadStore = await exists(store);
  if (hadStore) {
    await fsp.rename(store, previous);
    await fsyncDir(dataDir, opts.fs);
    await fsyncDir(path.dirname(previous), opts.fs);
  }
  await fsp.rename(path.join(dataDir, NEXT_DIR), store);
  await fsyncDir(dataDir, opts.fs);
  if (hadStore && !opts.moveOldStoreTo) await fsp.rm(previous, { recursive: true, force: true });
}

/**
 * A complete store.next without a store/ means a crash between the two renames of a swap: the new
 * tree is whole, so finish the job. Done before anything is read; it completes a change that was
 * already committed rather than modifying data.
 */
export async function recoverInterruptedSwap(dataDir: string): Promise<void> {
  const store = path.join(dataDir, STORE_DIR);
  const next = path.join(dataDir, NEXT_DIR);
  if (!(await exists(store)) && (await exists(next))) {
    await fsp.rename(next, store);
    await fsyncDir(dataDir);
  }
}

/**
 * After a successful open: a store.next next to a store/ is from a swap that never started (the
 * old store is intact and was just migrated again or is current), store.building is always
 * partial, and store.previous-* is an old store already replaced (a backup was taken before).
 */
export async function removeSwapLeftovers(dataDir: string): Promise<void> {
  for (const entry of await readDirOrEmpty(dataDir)) {
    const name = entry.name;
    if (name === NEXT_DIR || name === BUILDING_DIR || name.startsWith(PREVIOUS_PREFIX)) {
      await fsp.rm(path.join(dataDir, name), { recursive: true, force: true });
    }
  }
}
