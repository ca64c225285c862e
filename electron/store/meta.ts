import * as path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from './atomicWrite';
import type { StoreFs } from './fsSeam';
import { APP_ID, META_FILE } from './layout';
import { isPlainObject } from './records';
import { problems, StoreFileError } from './problems';
import { readJsonFile } from './readJsonFile';
import { formatIssues } from './validationError';

// loose(): a newer app may record more about the store here; keep it if we ever rewrite meta.
const metaSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    app: z.literal(APP_ID),
  })
  .loose();

export type StoreMeta = z.infer<typeof metaSchema>;

/** The store's meta.json, or null when it does not exist. Throws StoreFileError when damaged. */
export async function readMeta(storeDir: string): Promise<StoreMeta | null> {
  const raw = await readJsonFile(path.join(storeDir, META_FILE), META_FILE);
  if (raw === null) return null;
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) {
    const detail =
      isPlainObject(raw) && raw.app !== APP_ID
        ? 'it was not written by Correspondence Desk'
        : formatIssues(parsed.error.issues);
    throw new StoreFileError(problems.wrongShape(META_FILE, detail));
  }
  return parsed.data;
}

export async function writeMeta(storeDir: string, meta: StoreMeta, fs?: StoreFs): Promise<void> {
  await atomicWrite(path.join(storeDir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`, fs);
}

export function newMeta(schemaVersion: number, now: Date): StoreMeta {
  return { schemaVersion, createdAt: now.toISOString(), app: APP_ID };
}
