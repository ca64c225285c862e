import * as path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Register } from '../register/register';
import type { Database } from '../schema';

/** The `docs` row an import writes in its own transaction, so a register always says whether it holds one. */
export const IMPORT_MARKER = 'jsonImport';

/**
 * How far an import got, each state committed before the next step starts:
 *   'imported'  every record is in (same transaction as the records); not yet read back and checked
 *   'verified'  read back and checked; store/ not yet renamed
 *   'complete'  store/ renamed to `folderName`
 * A start that finds 'imported' checks again, one that finds 'verified' only renames, so a kill at any
 * moment leads to the same end.
 */
export type ImportState = 'imported' | 'verified' | 'complete';

const markerSchema = z
  .object({
    state: z.enum(['imported', 'verified', 'complete']),
    /** When the records were carried over (the import's transaction). */
    at: z.string(),
    by: z.string(),
    /** The name store/ is (to be) renamed to, in the data folder. Relative: the folder may be reached by another path from another PC. */
    folderName: z.string().min(1),
    sourceSchemaVersion: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    /** Of every record's and document's checksum in the source: a store changed since the import no longer matches. */
    digest: z.string(),
    /** The documents carried over, and what the store held that this version does not know (kept in the renamed folder). */
    docs: z.array(z.string()),
    leftBehind: z.array(z.string()),
  })
  .loose();

export type ImportMarker = z.output<typeof markerSchema>;

/** The marker, or null when there is none; 'unreadable' when the row is there but not ours (a hand edit). */
export async function readMarker(db: Kysely<Database>): Promise<ImportMarker | null | 'unreadable'> {
  const row = await db.selectFrom('docs').select('data').where('name', '=', IMPORT_MARKER).executeTakeFirst();
  if (!row) return null;
  const parsed = markerSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : 'unreadable';
}

export async function insertMarker(trx: Kysely<Database>, marker: ImportMarker): Promise<void> {
  await trx.insertInto('docs').values({ name: IMPORT_MARKER, version: 1, updated_at: marker.at, data: JSON.stringify(marker) }).execute();
}

/** Move the marker on (its own small commit). */
export async function updateMarker(db: Kysely<Database>, marker: ImportMarker, at: string): Promise<ImportMarker> {
  await db
    .updateTable('docs')
    .set((eb) => ({ data: JSON.stringify(marker), updated_at: at, version: eb('version', '+', 1) }))
    .where('name', '=', IMPORT_MARKER)
    .execute();
  return marker;
}

/** For the note the app shows after an import: "Your records were carried over from the old JSON register on …". */
export interface JsonImportNote {
  /** When the records were carried over (ISO timestamp). */
  at: string;
  by: string;
  /** Records carried over, by the JSON store's collection names. */
  counts: Record<string, number>;
  sourceSchemaVersion: number;
  /** The old store's folder name now, e.g. "store.imported-20261202-091502-123". */
  folderName: string;
  /** Its full path, beside the register file. */
  importedFrom: string;
  /** What the old store held that this version does not know; still in that folder. */
  leftBehind: string[];
}

/** The register's last import from a JSON store, once complete (store/ renamed); null when it never had one. */
export async function lastImport(register: Register): Promise<JsonImportNote | null> {
  const marker = await readMarker(register.db);
  if (marker === null || marker === 'unreadable' || marker.state !== 'complete') return null;
  return {
    at: marker.at,
    by: marker.by,
    counts: marker.counts,
    sourceSchemaVersion: marker.sourceSchemaVersion,
    folderName: marker.folderName,
    importedFrom: path.join(path.dirname(register.sql.file), marker.folderName),
    leftBehind: marker.leftBehind,
  };
}
