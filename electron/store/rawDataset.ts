import * as path from 'node:path';
import { isTempFile } from './atomicWrite';
import { DOCS_DIR, readDirOrEmpty } from './layout';
import { problems, StoreFileError } from './problems';
import { readJsonFile } from './readJsonFile';
import { isPlainObject } from './records';
import { parseShardFileName } from './shardHash';
import type { RawDataset } from './types';

/**
 * Everything in a store as plain JSON, without schemas: the input to migrations, which by
 * definition see data in an older shape. Includes collections and documents this app version has
 * no spec for, so a migration can still convert or drop them. Throws StoreFileError for damage.
 */
export async function loadRawDataset(storeDir: string): Promise<RawDataset> {
  const data: RawDataset = { docs: {}, collections: {} };
  for (const entry of await readDirOrEmpty(storeDir)) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(storeDir, entry.name);
    if (entry.name === DOCS_DIR) {
      for (const file of await readDirOrEmpty(dir)) {
        if (!file.isFile() || isTempFile(file.name) || !file.name.endsWith('.json')) continue;
        data.docs[file.name.slice(0, -'.json'.length)] = await readJsonFile(
          path.join(dir, file.name),
          `${DOCS_DIR}/${file.name}`,
        );
      }
      continue;
    }
    const records: unknown[] = [];
    let shardFiles = 0;
    for (const file of (await readDirOrEmpty(dir)).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!file.isFile() || isTempFile(file.name) || parseShardFileName(file.name) === undefined) continue;
      const label = `${entry.name}/${file.name}`;
      const raw = await readJsonFile(path.join(dir, file.name), label);
      if (!isPlainObject(raw) || !Array.isArray(raw.records)) {
        throw new StoreFileError(problems.wrongShape(label, 'it should contain a list called "records"'));
      }
      records.push(...(raw.records as unknown[]));
      shardFiles++;
    }
    // A folder with no shard files is not a collection (e.g. an empty folder someone made).
    if (shardFiles > 0) data.collections[entry.name] = records;
  }
  return data;
}
