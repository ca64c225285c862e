import type { z } from 'zod';
import type { Clock } from '../core/clock';
import type { StoreFs } from './fsSeam';

/** A sharded collection of records keyed by a string id. */
export interface CollectionSpec {
  name: string;
  /** Number of shard files. Changing it needs a schemaVersion bump (a migration rewrites every shard). */
  shards: number;
  schema: z.ZodType<{ id: string }>;
}

/** A singleton document (e.g. settings). Its value must be a JSON object. */
export interface DocSpec {
  name: string;
  schema: z.ZodType<unknown>;
  initial: unknown;
}

/** Raw, unvalidated contents of a store, as handed to migrations. */
export interface RawDataset {
  docs: Record<string, unknown>;
  collections: Record<string, unknown[]>;
}

export interface Migration {
  /** The schemaVersion this migration produces; migrations are ordered 2, 3, ... */
  to: number;
  description: string;
  up(data: RawDataset): RawDataset;
}

export type StoreProblemKind =
  | 'empty'
  | 'truncated'
  | 'null'
  | 'nul-bytes'
  | 'not-json'
  | 'wrong-shape'
  | 'newer-version'
  | 'io';

export interface StoreProblem {
  /** Path relative to the store directory, with forward slashes, e.g. "contacts/07.json". */
  file: string;
  kind: StoreProblemKind;
  /** A sentence an office worker can read, naming the file and the problem. */
  message: string;
}

export interface BackupInfo {
  id: string;
  path: string;
  /** ISO timestamp from the store's clock. */
  createdAt: string;
}

export interface BackupPolicy {
  /** How many of today's backups (Europe/London day) to keep. */
  keepToday: number;
  /** How many previous days (that have backups) keep their newest backup. */
  keepDays: number;
  /** After a write, back up only if the last backup is at least this old (close() backs up regardless). */
  afterWriteMinIntervalMs: number;
  /**
   * A file unchanged since the previous backup is hard-linked to that backup's copy instead of
   * copied again (saves space and time; backups are never written once complete, so sharing
   * between them is safe). Live files are never linked, whatever this says. false = copy every
   * file, so no two backups share bytes.
   */
  linkFiles: boolean;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  keepToday: 5,
  keepDays: 14,
  afterWriteMinIntervalMs: 15 * 60_000,
  linkFiles: true,
};

export interface OpenStoreOptions {
  dataDir: string;
  schemaVersion: number;
  collections: CollectionSpec[];
  docs: DocSpec[];
  migrations: Migration[];
  clock: Clock;
  backupPolicy?: Partial<BackupPolicy>;
  /** Test seam: the file operations used for writing, so tests can count or fail writes. */
  fs?: StoreFs;
}

export interface Store {
  /** Frozen records straight from memory; copy before changing. */
  all<T>(collection: string): T[];
  get<T>(collection: string, id: string): T | undefined;
  put<T extends { id: string }>(collection: string, record: T): Promise<void>;
  putMany<T extends { id: string }>(collection: string, records: T[]): Promise<void>;
  /** Deletes a record; resolves to false if there was none. (Not in the original brief: services need it.) */
  remove(collection: string, id: string): Promise<boolean>;
  getDoc<T>(name: string): T;
  putDoc<T>(name: string, value: T): Promise<void>;
  backupNow(): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  close(): Promise<void>;
  readonly dir: string;
  /** The last automatic backup failure (automatic backups never fail a put or an open), or null. */
  readonly lastBackupError: Error | null;
}

export type OpenResult =
  | { ok: true; store: Store }
  | { ok: false; problem: StoreProblem; backups: BackupInfo[] };
