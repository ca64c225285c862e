/**
 * The store: an office's records kept as JSON files in a data dir, safe against crashes and
 * power cuts, with automatic backups. Layout:
 *
 *   <dataDir>/store/meta.json                 { schemaVersion, createdAt, app: "correspondence-desk" }
 *   <dataDir>/store/<collection>/<NN>.json    one shard: { "records": [...] }; a record lives in
 *                                             shard fnv1a(id) % shards; files appear on first write
 *   <dataDir>/store/docs/<name>.json          a singleton document (a JSON object); missing = initial
 *   <dataDir>/backups/<yyyyMMdd-HHmmss-SSS>/  a snapshot of store/, complete only once its
 *                                             backup.json marker (with the file manifest) exists
 *   <dataDir>/quarantine/<stamp>/             a damaged store moved aside by restoreNewestBackup
 *   <dataDir>/store.building, store.next,     transient, during a migration or restore swap
 *   <dataDir>/store.previous-<stamp>
 *
 * Records are sharded because lowdb rewrites a whole file per write: one file of 50,000 letters
 * would make every save slow. Every file is replaced by write-temp + fsync + rename, never
 * modified in place.
 *
 * Backups never share bytes with the live files: damage done to a live file in place (a sync
 * client, antivirus, an editor, a failing disk) is what they exist for, and a hard link would
 * carry it into the backup. Each backup copies the files that changed since the previous backup
 * and hard-links that backup's copy of the others (rsync --link-dest style). backup.json records
 * { size, mtimeMs, ino, sha256 } per file: the first three say whether a live file is unchanged
 * (writes replace files, changing the inode), the hash lets restoreNewestBackup skip a backup
 * whose copies were damaged. Backups are taken on open unless nothing changed since the newest
 * one, after writes at most every 15 minutes, on close() if anything was written since the last
 * one, and by backupNow(); pruning keeps 5 from today plus the newest of each of 14 earlier days.
 *
 * Validation: records and documents are checked with their zod schema on load and on put; unknown
 * top-level fields are kept (see keepUnknownFields in records.ts). Values handed out are frozen.
 */
export { openStore } from './openStore';
export { listBackups } from './backups';
export { restoreNewestBackup, NoUsableBackupError } from './restore';
export { StoreValidationError } from './validationError';
export type { StoreIssue } from './validationError';
export { DEFAULT_BACKUP_POLICY } from './types';
export type {
  BackupInfo,
  BackupPolicy,
  CollectionSpec,
  DocSpec,
  Migration,
  OpenResult,
  OpenStoreOptions,
  RawDataset,
  Store,
  StoreProblem,
  StoreProblemKind,
} from './types';
export type { StoreFs } from './fsSeam';
