import * as fsp from 'node:fs/promises';
import { errorCode } from '../fsSeam';
import { databaseProblems } from './openProblems';
import type { DatabaseProblem } from './openProblems';

/**
 * A look at a file's first bytes before SQLite is let near it, so that a file which is not a database
 * (or is a cut-short one) is refused without being opened at all: SQLite would happily treat some of
 * them as an empty database and, once opened for writing, start a new one over the remains.
 * See https://www.sqlite.org/fileformat2.html#the_database_header for the offsets.
 */
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** Enough to tell a zero-filled file from one that merely starts with zeros. */
const SAMPLE_BYTES = 64 * 1024;

export type FileInspection =
  | { kind: 'missing'; journal: string | null }
  /**
   * applicationId and userVersion are the file's own; when `journal` names a write-ahead log with
   * content, the log may hold newer values, and only SQLite can say what they are.
   */
  | {
      kind: 'sqlite';
      applicationId: number;
      userVersion: number;
      journal: string | null;
      /** The header says write-ahead log (read and write versions 2); else a rollback journal, which opening for writing changes. */
      wal: boolean;
    }
  | { kind: 'problem'; problem: DatabaseProblem };

export async function inspectFile(file: string): Promise<FileInspection> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { kind: 'missing', journal: await leftoverJournal(file) };
    return { kind: 'problem', problem: databaseProblems.io(file, err) };
  }
  try {
    const { size } = await handle.stat();
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(sample, 0, sample.length, 0);
    const journal = await leftoverJournal(file);
    const problem = headerProblem(file, size, sample, journal);
    if (problem) return { kind: 'problem', problem };
    return { kind: 'sqlite', applicationId: sample.readInt32BE(68), userVersion: sample.readInt32BE(60), journal, wal: sample[18] === 2 && sample[19] === 2 };
  } catch (err) {
    return { kind: 'problem', problem: databaseProblems.io(file, err) };
  } finally {
    await handle.close();
  }
}

function headerProblem(file: string, size: number, sample: Buffer, journal: string | null): DatabaseProblem | null {
  if (size === 0) return databaseProblems.empty(file);
  if (sample.every((b) => b === 0)) return databaseProblems.zeroFilled(file);
  if (!sample.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, Math.min(sample.length, MAGIC.length)))) return databaseProblems.notSqlite(file);
  if (size < HEADER_BYTES) return databaseProblems.truncated(file, size, HEADER_BYTES);
  const pageSize = pageSizeOf(sample);
  if (pageSize === 0) return databaseProblems.damaged(file, 'the page size in its header is impossible');
  // With a journal beside it the file may legitimately be short: a crash during a checkpoint leaves
  // pages that only the journal holds, and SQLite puts them back when the file is next opened.
  if (journal !== null) return null;
  const pages = sample.readUInt32BE(28);
  // The header's page count is only kept up to date by SQLite 3.7.0 and later, which marks it so.
  const countIsValid = pages > 0 && sample.readUInt32BE(24) === sample.readUInt32BE(92);
  const expected = countIsValid ? pages * pageSize : Math.max(pageSize, Math.ceil(size / pageSize) * pageSize);
  if (size < expected || size % pageSize !== 0) return databaseProblems.truncated(file, size, expected);
  return null;
}

/** 0 when the header's page size is not one SQLite can write (a power of two from 512 to 65,536). */
function pageSizeOf(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65_536 : raw;
  return size >= 512 && size <= 65_536 && (size & (size - 1)) === 0 ? size : 0;
}

/** The write-ahead log or rollback journal beside a database, if one with content is there. */
async function leftoverJournal(file: string): Promise<string | null> {
  for (const journal of [`${file}-wal`, `${file}-journal`]) {
    const size = await fsp.stat(journal).then((s) => s.size, () => 0);
    if (size > 0) return journal;
  }
  return null;
}
