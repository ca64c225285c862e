import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Adapter } from 'lowdb';
import { atomicWrite, fsyncDir } from './atomicWrite';
import { errorCode, nodeFs } from './fsSeam';
import type { StoreFs } from './fsSeam';
import { readJsonFile } from './readJsonFile';

/**
 * Turns parsed JSON into the file's typed contents, or throws a StoreFileError('wrong-shape').
 * Receives the user-facing label so the error can name the file.
 */
export type FileParser<T> = (raw: unknown, label: string) => T;

/**
 * A lowdb adapter that is safe for data an office cannot afford to lose. lowdb's own JSONFile
 * neither fsyncs nor uses unique temp names, and `Low.read()` replaces a falsy read with the
 * defaults; so read() here returns null ONLY when the file does not exist and throws a
 * StoreFileError for every damaged file, which keeps damage from ever being "repaired" by
 * writing defaults over it.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly absPath: string;
  readonly label: string;
  private readonly parse: FileParser<T>;
  private readonly fs: StoreFs;

  constructor(absPath: string, label: string, parse: FileParser<T>, fs: StoreFs = nodeFs) {
    this.absPath = absPath;
    this.label = label;
    this.parse = parse;
    this.fs = fs;
  }

  async read(): Promise<T | null> {
    const raw = await readJsonFile(this.absPath, this.label);
    return raw === null ? null : this.parse(raw, this.label);
  }

  async write(data: T): Promise<void> {
    // Serialise before the first await, so the file holds the state as of this call even if
    // memory changes while the write is in flight.
    const text = `${JSON.stringify(data, null, 2)}\n`;
    try {
      await atomicWrite(this.absPath, text, this.fs);
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
      // Shard folders are created lazily, on the first write to the collection.
      await ensureDir(path.dirname(this.absPath), this.fs);
      await atomicWrite(this.absPath, text, this.fs);
    }
  }
}

/** Create a directory and make its name durable in the parent. */
export async function ensureDir(dir: string, fs: StoreFs = nodeFs): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await fsyncDir(path.dirname(dir), fs);
}
