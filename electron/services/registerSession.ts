import type { Clock } from '../core/clock';
import type { StoreProblemView } from '../core/appStatus';
import type { DataFolder } from '../store/dataFolder';
import { createRegister, openDatabase, type Register } from '../store/sql';
import { onCommit } from '../store/sql/transaction';
import {
  backupRegister,
  changedSinceNewestBackup,
  createBackupSchedule,
  finishInterruptedRestore,
  listRegisterBackups,
  removeUnfinishedBackups,
  type BackupSchedule,
  type RegisterBackup,
} from '../store/sql/backup';

/** The open register and what keeps it backed up: what the services work on between open and close. */
export interface RegisterSession {
  register: Register;
  backups: BackupSchedule<RegisterBackup>;
  close(): Promise<void>;
}

export type SessionResult = { ok: true; session: RegisterSession } | { ok: false; problem: StoreProblemView; backups: RegisterBackup[] };

/**
 * Open the data folder's register as the app does at start and after a restore: first finish a restore
 * that a crash cut short and clear away a backup that was never completed, then open (refusing a damaged
 * or newer file untouched, with the backups there are to restore), then start the backup schedule: a backup
 * now unless nothing changed since the newest, after changes at most every 15 minutes, and on close.
 */
export async function openRegisterSession(folder: DataFolder, clock: Clock, log: (msg: string, err: unknown) => void): Promise<SessionResult> {
  await finishInterruptedRestore(folder);
  await removeUnfinishedBackups(folder);
  const opened = await openDatabase(folder.register);
  if (!opened.ok) return { ok: false, problem: opened.problem, backups: await listRegisterBackups(folder).catch(() => []) };
  const store = opened.store;
  const register = await createRegister(store, clock);
  const backups = createBackupSchedule({
    backup: () => backupRegister(store, { folder, clock }),
    changedSinceLastBackup: () => changedSinceNewestBackup(store, folder),
    clock,
    onError: (err) => log('An automatic backup failed', err),
  });
  // Every committed write marks the register changed; reading it does not.
  onCommit(store, () => backups.changed());
  // Not awaited: the officer can start work while the copy is made (it is a consistent snapshot).
  void backups.onOpen();
  return {
    ok: true,
    session: {
      register,
      backups,
      close: async () => {
        await backups.onClose();
        await store.close();
      },
    },
  };
}
