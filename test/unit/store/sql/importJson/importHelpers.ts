import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fixedClock } from '../../../../../electron/core/clock';
import type { Clock } from '../../../../../electron/core/clock';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import type { DataFolder } from '../../../../../electron/store/dataFolder';
import { createRegister } from '../../../../../electron/store/sql';
import type { Register } from '../../../../../electron/store/sql';
import { open, tempDir } from '../helpers';

/* For the tests of the import (not the worker or the scripts): registers and folders the test's teardown removes. */

/** The register of a data folder, opened (or made) as the app opens it; the test's teardown closes it. */
export async function openRegister(folder: DataFolder, at: Clock = importClock): Promise<Register> {
  return createRegister(await open(folder.register), at);
}

/** The clock of the imports in these tests: its stamp names the renamed folder. */
export const importClock = fixedClock('2026-12-02T09:15:02.123Z');
export const IMPORTED_AS = 'store.imported-20261202-091502-123';

/** Rows per table, for "nothing was written" and "everything is there". */
export async function tableCounts(register: Register): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['organisations', 'contacts', 'signatories', 'cc_groups', 'cc_group_members', 'letters', 'commitments', 'letters_fts', 'replies', 'reply_answers', 'reply_attachments', 'reference_counters', 'docs', 'history'] as const) {
    const row = await register.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

export const isEmpty = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

/** A data folder in a fresh temporary folder (removed after the test), with a JSON store written by `write`. */
export async function jsonFolder(write: (root: string) => Promise<void>): Promise<DataFolder> {
  const root = await tempDir();
  await write(root);
  return dataFolder(root);
}

/** Relative path → SHA-256 of every file under `dir`: the same contents, wherever the folder is now. */
export async function contentsOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string, prefix: string): Promise<void> => {
    for (const entry of await fsp.readdir(at, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(at, entry.name), rel);
      else out.set(rel, createHash('sha256').update(await fsp.readFile(path.join(at, entry.name))).digest('hex'));
    }
  };
  await walk(dir, '');
  return out;
}
