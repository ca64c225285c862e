import * as path from 'node:path';
import { Low } from 'lowdb';
import { isTempFile } from './atomicWrite';
import { DurableJsonFile } from './durableJsonFile';
import type { FileParser } from './durableJsonFile';
import type { StoreFs } from './fsSeam';
import { collectionDir, labelOf, readDirOrEmpty } from './layout';
import { problems, StoreFileError } from './problems';
import { checkRecord, describeRecordIssue, isPlainObject } from './records';
import type { StoredRecord } from './records';
import { parseShardFileName, shardFileName, shardOf } from './shardHash';
import type { CollectionSpec } from './types';
import { CoalescingWriter } from './writeQueue';

export interface ShardData {
  records: StoredRecord[];
}

/** One shard file and its records in memory. */
export class ShardState {
  /** What callers see: includes changes whose write is still in flight. */
  live = new Map<string, StoredRecord>();
  /** What the file on disk holds, so a failed write can be undone in memory. */
  durable = new Map<string, StoredRecord>();
  readonly writer: CoalescingWriter;
  private readonly low: Low<ShardData>;

  constructor(file: DurableJsonFile<ShardData>, onWritten: () => void) {
    this.low = new Low<ShardData>(file, { records: [] });
    this.writer = new CoalescingWriter(async () => {
      const snapshot = new Map(this.live);
      this.low.data = { records: [...snapshot.values()] };
      try {
        await this.low.write();
      } catch (err) {
        this.undo(snapshot);
        throw err;
      }
      this.durable = snapshot;
      onWritten();
    });
  }

  /**
   * Undo in memory the changes a failed write carried, unless a later put has replaced them, so
   * memory never claims what the disk does not hold. Runs before the failure reaches any caller or
   * the next queued write, so that write cannot save the undone changes.
   */
  private undo(failed: Map<string, StoredRecord>): void {
    for (const id of new Set([...failed.keys(), ...this.durable.keys()])) {
      const attempted = failed.get(id);
      const onDisk = this.durable.get(id);
      if (attempted === onDisk || this.live.get(id) !== attempted) continue;
      if (onDisk === undefined) this.live.delete(id);
      else this.live.set(id, onDisk);
    }
  }

  async load(): Promise<void> {
    await this.low.read();
    for (const record of this.low.data.records) this.live.set(record.id, record);
    this.durable = new Map(this.live);
  }
}

export class CollectionState {
  readonly spec: CollectionSpec;
  readonly shards: ShardState[];
  private readonly dir: string;
  private readonly storeDir: string;

  constructor(storeDir: string, spec: CollectionSpec, fs: StoreFs, onWritten: () => void) {
    this.spec = spec;
    this.storeDir = storeDir;
    this.dir = collectionDir(storeDir, spec.name);
    this.shards = Array.from({ length: spec.shards }, (_, index) => {
      const file = path.join(this.dir, shardFileName(index, spec.shards));
      const adapter = new DurableJsonFile(file, labelOf(storeDir, file), shardParser(spec, index), fs);
      return new ShardState(adapter, onWritten);
    });
  }

  shardFor(id: string): ShardState {
    const shard = this.shards[shardOf(id, this.spec.shards)];
    if (!shard) throw new Error(`store: no shard for id "${id}"`); // unreachable: index < shards
    return shard;
  }

  /**
   * The shards whose files exist (they are created lazily; a missing one is empty), for the store
   * to load. Throws StoreFileError for a file in the folder that is not one of this spec's shards.
   */
  async presentShards(): Promise<ShardState[]> {
    const present: ShardState[] = [];
    for (const entry of await readDirOrEmpty(this.dir)) {
      if (!entry.isFile() || isTempFile(entry.name)) continue;
      const index = parseShardFileName(entry.name);
      if (index === undefined) continue; // not a shard file: a note or copy someone left; harmless
      const shard = this.shards[index];
      if (!shard || entry.name !== shardFileName(index, this.spec.shards)) {
        // Records in a file we would never write would be invisible now and duplicated later.
        const label = labelOf(this.storeDir, path.join(this.dir, entry.name));
        throw new StoreFileError(
          problems.wrongShape(label, `it is not one of the ${this.spec.shards} shard files of ${this.spec.name}`),
        );
      }
      present.push(shard);
    }
    return present;
  }
}

function shardParser(spec: CollectionSpec, index: number): FileParser<ShardData> {
  return (raw, label) => {
    if (!isPlainObject(raw) || !Array.isArray(raw.records)) {
      throw new StoreFileError(problems.wrongShape(label, 'it should contain a list called "records"'));
    }
    const seen = new Set<string>();
    const records = raw.records.map((item: unknown, i) => {
      const check = checkRecord(spec.schema, item, false);
      if (!check.ok) throw new StoreFileError(problems.wrongShape(label, describeRecordIssue(i, item, check.issues)));
      const { id } = check.record;
      if (seen.has(id)) throw new StoreFileError(problems.wrongShape(label, `record ${i + 1} repeats the id "${id}"`));
      const home = shardOf(id, spec.shards);
      if (home !== index) {
        const where = `${spec.name}/${shardFileName(home, spec.shards)}`;
        throw new StoreFileError(problems.wrongShape(label, `record ${i + 1} (id "${id}") belongs in ${where}`));
      }
      seen.add(id);
      return check.record;
    });
    return { records };
  };
}
