/**
 * Backups of the register (issue 10): SQLite's online backup API for the register, copies (or links
 * between backups) for attachments and the office's templates, integrity_check before a copy counts,
 * the JSON store's retention (backupsToKeep), and a restore that says first what it will undo and keeps
 * what it replaces. Each name in the data folder comes from dataFolder.ts; those of a backup under way
 * and a restore under way are in backupLayout.ts.
 *
 * How the app uses it:
 *
 *   open:   await finishInterruptedRestore(folder)     // before openDatabase: a restore cut short is finished
 *           await removeUnfinishedBackups(folder)      // what a crash left in register-backups/
 *           const store = …openDatabase(folder.register)
 *           const schedule = createBackupSchedule({
 *             backup: () => backupRegister(store, { folder, clock }),
 *             changedSinceLastBackup: () => changedSinceNewestBackup(store, folder),
 *             clock,
 *           })
 *           void schedule.onOpen()
 *   save:   after each committed change (letters, address book, replies, attachments, templates): schedule.changed()
 *   close:  await schedule.onClose(); await store.close()
 *   list:   listRegisterBackups(folder)                // newest first
 *   restore: const preview = await describeRestore(store, backup, folder)   // show preview.sentence
 *           schedule.stop(); await schedule.idle(); await store.close()
 *           await restoreRegisterBackup(folder, backup.id, clock); then open again as above
 */
export { backupRegister } from './backupRegister';
export type { BackupRegisterOptions } from './backupRegister';
export { listRegisterBackups, pruneRegisterBackups, removeUnfinishedBackups } from './backupList';
export type { RegisterBackup } from './backupList';
export type { RegisterCounts } from './manifest';
export { DamagedBackupError } from './checkCopy';
export { verifyRegisterBackup } from './verifyBackup';
export { changedSinceNewestBackup } from './changedSince';
export { describeRestore, REFERENCES_SHOWN } from './describeRestore';
export type { RestorePreview } from './describeRestore';
export { finishInterruptedRestore, restoreRegisterBackup, RESTORE_STEPS } from './restoreBackup';
export type { InterruptedRestore, RestoreHooks, RestoreResult, RestoreStep } from './restoreBackup';
export { BACKUP_INTERVAL_MS, createBackupSchedule } from './backupSchedule';
export type { BackupSchedule, BackupScheduleOptions } from './backupSchedule';
