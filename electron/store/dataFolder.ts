import * as path from 'node:path';

/**
 * Every name in an office's data folder, in one place, so that a backup, a restore, the import of an old
 * folder and the lock all agree on what lives where:
 *
 *   register.sqlite3 (+ -wal, -shm)   the office's records (SQLite, issue 10)
 *   in-use.lock                       which app has the folder open (.in-use.lock.*.tmp and
 *                                     .in-use.lock.takeover-* appear for a moment while it is taken)
 *   attachments/<replyId>/<file>      files attached to replies
 *   templates/                        the office's own letter templates
 *   register-backups/<stamp>/         copies of the register, attachments and templates
 *   register-backups/<stamp>.partial/ a backup being made (never listed, removed on the next open)
 *   register-backups/<stamp>.removing/ a backup being pruned (never listed, removed on the next open)
 *   restoring.partial/, restoring/    a restore being staged, then being moved into place (finished or
 *                                     abandoned on the next open; see backup/restoreBackup.ts)
 *   replaced/<stamp>/                 the register a restore replaced, kept in case it was wanted
 *   store/                            the JSON store of versions before issue 10, until imported
 *   store.imported-<stamp>/           that store after its import: renamed, never deleted
 *   register.sqlite3.failed-import-<stamp>  a register an import could not vouch for, set aside (the
 *                                     next start imports again from the untouched store/)
 *   backups/, quarantine/             the JSON store's own backups and quarantine, left as they were
 *
 * This PC's own settings (which folder to open, the officer's name, window state) are not in the data
 * folder, which may be shared: they live in the app's user-data folder (see settingsFile).
 */
export interface DataFolder {
  readonly root: string;
  readonly register: string;
  readonly lock: string;
  readonly attachments: string;
  readonly templates: string;
  readonly registerBackups: string;
  readonly replaced: string;
  readonly jsonStore: string;
  /** The JSON store once imported; `stamp` as formatStamp makes it. */
  importedJsonStore(stamp: string): string;
}

export const REGISTER_FILE = 'register.sqlite3';
export const LOCK_FILE = 'in-use.lock';
export const IMPORTED_STORE_PREFIX = 'store.imported-';

export function dataFolder(root: string): DataFolder {
  return {
    root,
    register: path.join(root, REGISTER_FILE),
    lock: path.join(root, LOCK_FILE),
    attachments: path.join(root, 'attachments'),
    templates: path.join(root, 'templates'),
    registerBackups: path.join(root, 'register-backups'),
    replaced: path.join(root, 'replaced'),
    jsonStore: path.join(root, 'store'),
    importedJsonStore: (stamp) => path.join(root, `${IMPORTED_STORE_PREFIX}${stamp}`),
  };
}

/** This PC's settings file, in the app's user-data folder (or a test's own folder). */
export function settingsFile(settingsDir: string): string {
  return path.join(settingsDir, 'settings.json');
}
