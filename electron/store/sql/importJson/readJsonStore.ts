import { errorCode } from '../../fsSeam';
import { META_FILE } from '../../layout';
import { readMeta } from '../../meta';
import { checkMigrations } from '../../migrate';
import { describeError, StoreFileError } from '../../problems';
import { loadRawDataset } from '../../rawDataset';
import { checkRecord, isPlainObject, keepUnknownFields } from '../../records';
import type { StoredRecord } from '../../records';
import { shardFileName, shardOf } from '../../shardHash';
import type { CollectionSpec, DocSpec, Migration, RawDataset } from '../../types';
import { formatIssues } from '../../validationError';
import { ImportError, NOTHING_CHANGED } from './importError';

/**
 * What the JSON store of this app version holds: the services own it (electron/services/storeSpec.ts) and
 * pass it in, as the store may not import the services.
 */
export interface JsonStoreSpec {
  collections: readonly CollectionSpec[];
  docs: readonly DocSpec[];
  migrations: readonly Migration[];
  schemaVersion: number;
}

/** A JSON store read into memory, at the spec's version, every record and document checked. */
export interface JsonSource {
  /** The version its meta.json gave, before the migrations ran in memory. */
  schemaVersion: number;
  /** Every collection of the spec (empty when the store has none), its records in the shards' order. */
  collections: Map<string, StoredRecord[]>;
  /** The spec's documents that the store has a file for. */
  docs: Map<string, unknown>;
  /** Collections and documents in the store that no spec describes ("collection x", "document y"). */
  leftBehind: string[];
}

const STORE = 'store';
const intro = 'Your records could not be carried over from the old JSON register.';
const prefixed = (file: string) => `${STORE}/${file}`;

/**
 * Read the JSON store in `storeDir` without writing to it (openStore would migrate it on disk and take
 * backups): meta.json, every shard and document, then the migrations from its version to the spec's,
 * in memory, then every record and document checked with its schema, as the JSON store would on open.
 * Anything it cannot read or accept is an ImportError naming the file.
 */
export async function readJsonStore(storeDir: string, spec: JsonStoreSpec): Promise<JsonSource> {
  checkMigrations([...spec.migrations], spec.schemaVersion);
  const { version, raw } = await readFiles(storeDir, spec);
  const migrated = migrate(raw, version, spec);

  const collections = new Map<string, StoredRecord[]>();
  for (const c of spec.collections) collections.set(c.name, checkCollection(c, migrated.collections[c.name] ?? []));
  const docs = new Map<string, unknown>();
  for (const d of spec.docs) {
    const value = migrated.docs[d.name];
    if (value !== undefined) docs.set(d.name, checkDoc(d, value));
  }
  const specced = new Set(spec.collections.map((c) => c.name));
  const speccedDocs = new Set(spec.docs.map((d) => d.name));
  const leftBehind = [
    ...Object.entries(migrated.collections)
      .filter(([name, records]) => !specced.has(name) && records.length > 0)
      .map(([name]) => `collection ${name}`),
    ...Object.keys(migrated.docs)
      .filter((name) => !speccedDocs.has(name) && migrated.docs[name] !== undefined)
      .map((name) => `document ${name}`),
  ];
  return { schemaVersion: version, collections, docs, leftBehind };
}

async function readFiles(storeDir: string, spec: JsonStoreSpec): Promise<{ version: number; raw: RawDataset }> {
  try {
    const meta = await readMeta(storeDir);
    const raw = await loadRawDataset(storeDir);
    if (meta === null) {
      // A store folder with no meta.json and no data is one the JSON store made and never wrote to.
      const empty = Object.keys(raw.docs).length === 0 && Object.values(raw.collections).every((r) => r.length === 0);
      if (!empty) throw new ImportError('unreadable', `${intro} The file ${prefixed(META_FILE)} is missing, although the store folder holds data: the folder may be incomplete. ${NOTHING_CHANGED}`, { file: prefixed(META_FILE) });
      return { version: spec.schemaVersion, raw };
    }
    if (meta.schemaVersion > spec.schemaVersion) {
      throw new ImportError(
        'newer-version',
        `${intro} The store folder was written by a newer version of Correspondence Desk (data version ${meta.schemaVersion}; this app reads up to ${spec.schemaVersion}). Update the app. ${NOTHING_CHANGED}`,
        { file: prefixed(META_FILE) },
      );
    }
    return { version: meta.schemaVersion, raw };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if (err instanceof StoreFileError) {
      throw new ImportError('unreadable', `${intro} In the store folder, ${err.problem.message} ${NOTHING_CHANGED}`, { file: prefixed(err.problem.file), cause: err });
    }
    if (errorCode(err) !== undefined) throw new ImportError('unreadable', `${intro} The store folder could not be read (${describeError(err)}). ${NOTHING_CHANGED}`, { file: STORE, cause: err });
    throw err;
  }
}

function migrate(raw: RawDataset, from: number, spec: JsonStoreSpec): RawDataset {
  let current = raw;
  for (const m of spec.migrations) {
    if (m.to <= from || m.to > spec.schemaVersion) continue;
    try {
      current = m.up(current);
    } catch (err) {
      throw new ImportError('invalid', `${intro} Updating them from data version ${from} failed at the step to version ${m.to}, "${m.description}": ${describeError(err)}. ${NOTHING_CHANGED}`, { file: STORE, cause: err });
    }
  }
  return current;
}

function checkCollection(spec: CollectionSpec, input: readonly unknown[]): StoredRecord[] {
  const seen = new Set<string>();
  return input.map((raw, index) => {
    const id = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : null;
    // The JSON store keeps each record in the shard its id hashes to (and refuses one elsewhere on open).
    const file = id === null ? prefixed(spec.name) : prefixed(`${spec.name}/${shardFileName(shardOf(id, spec.shards), spec.shards)}`);
    const what = id === null ? `record ${index + 1} of ${spec.name}` : `the ${spec.name} record "${id}"`;
    const check = checkRecord(spec.schema, raw, false);
    if (!check.ok) throw new ImportError('invalid', `${intro} In ${file}, ${what} is not valid: ${formatIssues(check.issues)}. ${NOTHING_CHANGED}`, { file });
    if (seen.has(check.record.id)) throw new ImportError('invalid', `${intro} In ${file}, two ${spec.name} records have the id "${check.record.id}". ${NOTHING_CHANGED}`, { file });
    seen.add(check.record.id);
    return check.record;
  });
}

function checkDoc(spec: DocSpec, value: unknown): unknown {
  const file = prefixed(`docs/${spec.name}.json`);
  const result = spec.schema.safeParse(value);
  if (!result.success) throw new ImportError('invalid', `${intro} ${file} is not valid: ${formatIssues(result.error.issues)}. ${NOTHING_CHANGED}`, { file });
  return keepUnknownFields(value, result.data);
}
