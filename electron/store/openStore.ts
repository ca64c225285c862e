import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isTempFile } from './atomicWrite';
import { createBackup, listBackups, pruneBackups } from './backups';
import { ensureDir } from './durableJsonFile';
import { errorCode, nodeFs } from './fsSeam';
import { assertValidName, listFilesRecursive, META_FILE, readDirOrEmpty, STORE_DIR } from './layout';
import { newMeta, readMeta, writeMeta } from './meta';
import { checkMigrations, migrateInMemory, recoverInterruptedSwap, removeSwapLeftovers, replaceStore } from './migrate';
import { problems, StoreFileError } from './problems';
import { loadRawDataset } from './rawDataset';
import { StoreImpl } from './storeImpl';
import { DEFAULT_BACKUP_POLICY } from './types';
import type { OpenResult, OpenStoreOptions, StoreProblem } from './types';

/**
 * Open (creating, migrating or refusing) the store in `opts.dataDir`. Rule: when the result is a
 * problem, nothing in the data dir has been modified, so the officer can still choose to restore a
 * backup, or support can inspect the files exactly as the problem found them. Mistakes in the
 * specs or migrations are programmer errors and throw.
 */
export async function openStore(opts: OpenStoreOptions): Promise<OpenResult> {
  checkSpecs(opts);
  checkMigrations(opts.migrations, opts.schemaVersion);
  const policy = { ...DEFAULT_BACKUP_POLICY, ...opts.backupPolicy };
  const fs = opts.fs ?? nodeFs;
  const { dataDir, clock } = opts;
  const storeDir = path.join(dataDir, STORE_DIR);
  const fail = async (problem: StoreProblem): Promise<OpenResult> => ({
    ok: false,
    problem,
    backups: await listBackups(dataDir).catch(() => []),
  });

  try {
    await recoverInterruptedSwap(dataDir);
    let meta = await readMeta(storeDir);
    if (meta === null) {
      if ((await listFilesRecursive(storeDir)).length > 0) return await fail(problems.metaMissing(META_FILE));
      // A store folder that vanished while backups remain is lost data, not a new install:
      // starting empty would hide the loss and eventually prune the good backups away.
      if ((await listBackups(dataDir)).length > 0) return await fail(problems.storeMissing(STORE_DIR));
      await ensureDir(storeDir, fs);
      meta = newMeta(opts.schemaVersion, clock.now());
      await writeMeta(storeDir, meta, fs);
    }
    if (meta.schemaVersion > opts.schemaVersion) {
      return await fail(problems.newerVersion(META_FILE, meta.schemaVersion, opts.schemaVersion));
    }
    if (meta.schemaVersion < opts.schemaVersion) {
      // Migrate in memory first: a store that cannot be migrated is reported untouched.
      const outcome = migrateInMemory(await loadRawDataset(storeDir), meta.schemaVersion, { ...opts, now: clock.now() });
      if (!outcome.ok) return await fail(outcome.problem);
      await createBackup(dataDir, clock, policy.linkFiles);
      await pruneBackups(dataDir, clock.now(), policy);
      await replaceStore(dataDir, outcome.files, { clock, fs });
    }

    const store = new StoreImpl({ dataDir, storeDir, clock, policy, collections: opts.collections, docs: opts.docs, fs });
    await store.load();
    await store.backupOnOpen();
    await removeSwapLeftovers(dataDir);
    await removeTempFiles(storeDir);
    return { ok: true, store };
  } catch (err) {
    if (err instanceof StoreFileError) return await fail(err.problem);
    if (errorCode(err) !== undefined) return await fail(problems.io(STORE_DIR, err));
    throw err;
  }
}

function checkSpecs(opts: OpenStoreOptions): void {
  const seen = new Set<string>();
  for (const spec of opts.collections) {
    assertValidName('collection', spec.name);
    if (!Number.isInteger(spec.shards) || spec.shards < 1 || spec.shards > 10_000) {
      throw new Error(`store: collection "${spec.name}" needs 1..10000 shards, got ${spec.shards}`);
    }
    if (seen.has(spec.name)) throw new Error(`store: collection "${spec.name}" is declared twice`);
    seen.add(spec.name);
  }
  const docs = new Set<string>();
  for (const spec of opts.docs) {
    assertValidName('document', spec.name);
    if (docs.has(spec.name)) throw new Error(`store: document "${spec.name}" is declared twice`);
    docs.add(spec.name);
  }
}

/** Temp files left by a crash mid-write: never part of the data, safe to delete once we're open. */
async function removeTempFiles(dir: string): Promise<void> {
  for (const entry of await readDirOrEmpty(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await removeTempFiles(full);
    else if (isTempFile(entry.name)) await fsp.rm(full, { force: true });
  }
}
