import type { Clock } from '../core/clock';
import type { StoreProblemView } from '../core/appStatus';
import type { DataFolder } from '../store/dataFolder';
import { createRegister, importJsonStore, ImportError, lastImport, openDatabase, setAsideFailedImport, type Register } from '../store/sql';
import { formatDateTime } from '../core/dates/britishDate';
import { collections, docs, migrations, SCHEMA_VERSION } from './storeSpec';
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
  /** What the officer should be told about this open: the old JSON store carried over, or why not yet. */
  importNote: string | null;
  close(): Promise<void>;
}

export type SessionResult = { ok: true; session: RegisterSession } | { ok: false; problem: StoreProblemView; backups: RegisterBackup[] };

/** How long after carrying the old store over the app keeps saying so. */
const IMPORT_NOTE_DAYS = 14;

/**
 * A data folder from a version before the SQLite register holds its records in `store/`: carried over
 * into the register on first open (see electron/store/sql/importJson), and said so for a fortnight after.
 */
async function carryOverJsonStore(folder: DataFolder, register: Register, clock: Clock, by: string): Promise<string | null> {
  await importJsonStore({ folder, register, spec: { collections, docs, migrations, schemaVersion: SCHEMA_VERSION }, clock, by });
  const note = await lastImport(register);
  if (!note || clock.now().getTime() - Date.parse(note.at) > IMPORT_NOTE_DAYS * 86_400_000) return null;
  const letters = note.counts['letters'] ?? 0;
  return `Your records were carried over from the old register on ${formatDateTime(note.at)} (${letters.toLocaleString('en-GB')} ${letters === 1 ? 'letter' : 'letters'}, with their replies and the address book), and each was checked against the original. The old files are kept, unchanged, in the folder ${note.folderName} beside the register.`;
}

/**
 * Open the data folder's register as the app does at start and after a restore: first finish a restore
 * that a crash cut short and clear away a backup that was never completed, then open (refusing a damaged
 * or newer file untouched, with the backups there are to restore), then start the backup schedule: a backup
 * now unless nothing changed since the newest, after changes at most every 15 minutes, and on close.
 */
export async function openRegisterSession(folder: DataFolder, clock: Clock, log: (msg: string, err: unknown) => void, by: string): Promise<SessionResult> {
  await finishInterruptedRestore(folder);
  await removeUnfinishedBackups(folder);
  const opened = await openDatabase(folder.register);
  if (!opened.ok) return { ok: false, problem: opened.problem, backups: await listRegisterBackups(folder).catch(() => []) };
  const store = opened.store;
  const register = await createRegister(store, clock);
  let importNote: string | null;
  try {
    importNote = await carryOverJsonStore(folder, register, clock, by);
  } catch (err) {
    if (!(err instanceof ImportError) || err.register !== 'keep') {
      // A register the import wrote to but could not vouch for is put aside, so the next start imports
      // again from the old store, which is untouched; one it never wrote to is only closed.
      await store.close();
      if (err instanceof ImportError && err.register === 'discard') await setAsideFailedImport(folder, clock);
      if (!(err instanceof ImportError)) throw err;
      return { ok: false, problem: { file: err.file ?? folder.jsonStore, kind: 'import', message: err.message }, backups: [] };
    }
    importNote = err.message;
  }
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
      importNote,
      close: async () => {
        await backups.onClose();
        await store.close();
      },
    },
  };
}
