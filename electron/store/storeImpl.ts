import type { Clock } from '../core/clock';
import { storeMatchesBackup } from './backupManifest';
import { createBackup, listBackups, listStoredBackups, pruneBackups } from './backups';
import { CollectionState } from './collectionState';
import { forEachLimited } from './concurrency';
import type { ShardState } from './collectionState';
import { checkDoc, DocState } from './docState';
import type { StoreFs } from './fsSeam';
import { checkRecord, isPlainObject } from './records';
import type { StoredRecord } from './records';
import type { BackupInfo, BackupPolicy, CollectionSpec, DocSpec, Store } from './types';
import { StoreValidationError } from './validationError';

export interface StoreContext {
  dataDir: string;
  storeDir: string;
  clock: Clock;
  policy: BackupPolicy;
  collections: CollectionSpec[];
  docs: DocSpec[];
  fs: StoreFs;
}

/** Files read at once on open: enough to keep the disk busy while the previous file is parsed. */
const LOAD_CONCURRENCY = 8;

export class StoreImpl implements Store {
  readonly dir: string;
  lastBackupError: Error | null = null;
  private readonly ctx: StoreContext;
  private readonly collections = new Map<string, CollectionState>();
  private readonly docs = new Map<string, DocState>();
  private closed = false;
  private lastBackupAt: number | null = null;
  /** Backups run one at a time; automatic ones are also awaited by close(). */
  private backupChain: Promise<unknown> = Promise.resolve();
  private automaticBackupPending = false;
  /** A write reached the disk after the last backup started: close() must back it up. */
  private writtenSinceBackup = false;
  private closing: Promise<void> | null = null;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
    this.dir = ctx.storeDir;
    const onWritten = () => this.afterWrite();
    for (const spec of ctx.collections) this.collections.set(spec.name, new CollectionState(ctx.storeDir, spec, ctx.fs, onWritten));
    for (const spec of ctx.docs) this.docs.set(spec.name, new DocState(ctx.storeDir, spec, ctx.fs, onWritten));
  }

  /**
   * Read every file; throws StoreFileError for the first damaged one found. Files are read a few
   * at a time rather than all at once: parsing is single-threaded anyway, and starting every read
   * together (300 files, ~150 MB at 50,000 letters) held every file's bytes in memory at the same
   * time, which cost extra garbage collection for no gain in speed.
   */
  async load(): Promise<void> {
    const shards = (await Promise.all([...this.collections.values()].map((c) => c.presentShards()))).flat();
    const loaders: (() => Promise<void>)[] = [
      ...shards.map((shard) => () => shard.load()),
      ...[...this.docs.values()].map((doc) => () => doc.load()),
    ];
    await forEachLimited(loaders, LOAD_CONCURRENCY, (load) => load());
  }

  all<T>(collection: string): T[] {
    const out: unknown[] = [];
    for (const shard of this.collection(collection).shards) for (const record of shard.live.values()) out.push(record);
    return out as T[];
  }

  get<T>(collection: string, id: string): T | undefined {
    return this.collection(collection).shardFor(id).live.get(id) as T | undefined;
  }

  async put<T extends { id: string }>(collection: string, record: T): Promise<void> {
    await this.putMany(collection, [record]);
  }

  async putMany<T extends { id: string }>(collection: string, records: T[]): Promise<void> {
    this.assertOpen();
    const state = this.collection(collection);
    // Validate everything before touching memory, so an invalid record leaves no partial import.
    const checked: StoredRecord[] = [];
    for (const [index, raw] of records.entries()) {
      const check = checkRecord(state.spec.schema, raw, true);
      if (!check.ok) {
        const recordId = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
        throw new StoreValidationError(collection, check.issues, {
          ...(recordId !== undefined ? { recordId } : {}),
          ...(records.length > 1 ? { index } : {}),
        });
      }
      checked.push(check.record);
    }
    const touched = new Set<ShardState>();
    for (const record of checked) {
      const shard = state.shardFor(record.id);
      shard.live.set(record.id, record);
      touched.add(shard);
    }
    await settleAll([...touched].map((shard) => shard.writer.request()));
  }

  async remove(collection: string, id: string): Promise<boolean> {
    this.assertOpen();
    const shard = this.collection(collection).shardFor(id);
    if (!shard.live.delete(id)) return false;
    await shard.writer.request();
    return true;
  }

  getDoc<T>(name: string): T {
    return this.doc(name).live as T;
  }

  async putDoc<T>(name: string, value: T): Promise<void> {
    this.assertOpen();
    const state = this.doc(name);
    state.live = checkDoc(state.spec, value, true);
    await state.writer.request();
  }

  backupNow(): Promise<BackupInfo> {
    return this.enqueueBackup();
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.ctx.dataDir);
  }

  /**
   * Waits for pending writes and backups, then backs up the session's last writes: the after-write
   * rule may have skipped them, and a quick restart must not leave a day's work without a backup.
   * A failed backup does not fail close() (quitting must work); it is left in lastBackupError.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      await this.flush();
      await this.backupChain.catch(() => undefined);
      if (this.writtenSinceBackup) await this.enqueueBackup().catch((err: unknown) => this.recordBackupError(err));
    })();
    return this.closing;
  }

  /**
   * Back up on open unless the newest backup already holds exactly the current files, whatever its
   * age: a backup identical to the last one adds nothing, and any difference (work saved by a
   * session that could not back up, a restore, a change made outside the app) deserves one.
   */
  async backupOnOpen(): Promise<void> {
    const newest = (await listStoredBackups(this.ctx.dataDir))[0];
    if (newest) this.lastBackupAt = Date.parse(newest.createdAt);
    if (newest?.manifest && (await storeMatchesBackup(this.ctx.storeDir, newest.path, newest.manifest))) return;
    await this.enqueueBackup().catch((err: unknown) => this.recordBackupError(err));
  }

  /** Wait until no write is in flight or queued. */
  private async flush(): Promise<void> {
    const writers = [
      ...[...this.collections.values()].flatMap((c) => c.shards.map((s) => s.writer)),
      ...[...this.docs.values()].map((d) => d.writer),
    ];
    await Promise.all(writers.map((w) => w.idle()));
  }

  // Checked on write rather than on a timer, so an idle app does no work and nothing keeps the
  // process alive; the backup runs after the write has resolved and never fails a put.
  private afterWrite(): void {
    this.writtenSinceBackup = true;
    const now = this.ctx.clock.now().getTime();
    if (this.automaticBackupPending) return;
    if (this.lastBackupAt !== null && Math.abs(now - this.lastBackupAt) < this.ctx.policy.afterWriteMinIntervalMs) return;
    this.automaticBackupPending = true;
    this.lastBackupAt = now;
    this.enqueueBackup()
      .catch((err: unknown) => this.recordBackupError(err))
      .finally(() => {
        this.automaticBackupPending = false;
      });
  }

  private enqueueBackup(): Promise<BackupInfo> {
    const run = this.backupChain.catch(() => undefined).then(async () => {
      // Let in-flight writes land first, so the snapshot is as consistent as a quiet moment allows.
      await this.flush();
      // Cleared before the first file is read: a write landing after this point may miss the
      // snapshot, so it sets the flag again and close() will back it up.
      const written = this.writtenSinceBackup;
      this.writtenSinceBackup = false;
      let info: BackupInfo;
      try {
        info = await createBackup(this.ctx.dataDir, this.ctx.clock, this.ctx.policy.linkFiles);
      } catch (err) {
        this.writtenSinceBackup ||= written;
        throw err;
      }
      this.lastBackupAt = Date.parse(info.createdAt);
      this.lastBackupError = null;
      await pruneBackups(this.ctx.dataDir, this.ctx.clock.now(), this.ctx.policy);
      return info;
    });
    this.backupChain = run;
    return run;
  }

  private recordBackupError(err: unknown): void {
    this.lastBackupError = err instanceof Error ? err : new Error(String(err));
  }

  private collection(name: string): CollectionState {
    const state = this.collections.get(name);
    if (!state) throw new Error(`store: unknown collection "${name}"`);
    return state;
  }

  private doc(name: string): DocState {
    const state = this.docs.get(name);
    if (!state) throw new Error(`store: unknown document "${name}"`);
    return state;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store: the store has been closed');
  }
}

/** Like Promise.all, but waits for every write before rejecting, so none is left unobserved. */
async function settleAll(promises: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
