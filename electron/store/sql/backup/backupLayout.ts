import * as path from 'node:path';
import type { DataFolder } from '../../dataFolder';
import { REGISTER_FILE } from '../../dataFolder';

/**
 * Names inside one register backup, and the names a backup or a restore uses while it is under way.
 * Everything is derived from the DataFolder, so the backup, the restore and the open agree:
 *
 *   register-backups/<id>/              a complete backup: backup.json names and hashes every file in it
 *     register.sqlite3                  the register's copy (rollback journal mode, so it is one file)
 *     attachments/…, templates/…        the data folder's files as they were
 *     backup.json                       written last; without it the folder is not a backup
 *   register-backups/<id>.partial/      a backup being made: never listed, removed on the next open
 *   register-backups/<id>.removing/     a backup being pruned: renamed first, so a half-deleted one is never listed
 *   <root>/restoring.partial/           a restore's copies being made: removed on the next open
 *   <root>/restoring/                   the same, complete: the next open finishes the restore from it
 */
export const MANIFEST_FILE = 'backup.json';
export const PARTIAL_SUFFIX = '.partial';
export const REMOVING_SUFFIX = '.removing';

/** The two folders of files that go with the register, by their name in the data folder and in a backup. */
export const FILE_TREES = ['attachments', 'templates'] as const;
export type FileTree = (typeof FILE_TREES)[number];

export function treeDir(folder: DataFolder, tree: FileTree): string {
  return tree === 'attachments' ? folder.attachments : folder.templates;
}

/** The register copy's name in a backup, and its key in the manifest. */
export const BACKUP_REGISTER = REGISTER_FILE;

export function isUnfinishedName(name: string): boolean {
  return name.endsWith(PARTIAL_SUFFIX) || name.endsWith(REMOVING_SUFFIX);
}

export interface RestoreStaging {
  /** Being filled; not yet trusted. */
  readonly partial: string;
  /** Complete: from the moment this name exists, the restore is finished rather than undone. */
  readonly ready: string;
}

/** In the staging folder: which backup, and which replaced/<stamp> folder takes what it replaces. */
export const RESTORE_PLAN = 'restore.json';

export function restoreStaging(folder: DataFolder): RestoreStaging {
  const ready = path.join(folder.root, 'restoring');
  return { partial: `${ready}${PARTIAL_SUFFIX}`, ready };
}

/** A relative path as the manifest keeps it (forward slashes) → a path under `dir`. */
export function underDir(dir: string, rel: string): string {
  return path.join(dir, ...rel.split('/'));
}
