import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import { formatDateTime } from '../../../core/dates/britishDate';
import { atomicWrite, fsyncDir } from '../../atomicWrite';
import type { DataFolder } from '../../dataFolder';
import { exists } from '../../layout';
import { formatStamp, unusedName } from '../../stamp';
import { SCHEMA_VERSION } from '../migrations';
import { BACKUP_REGISTER, FILE_TREES, RESTORE_PLAN, restoreStaging, treeDir, underDir } from './backupLayout';
import type { RestoreStaging } from './backupLayout';
import { readStoredBackup } from './backupList';
import type { RegisterBackup } from './backupList';
import { canRestoreSchema, DamagedBackupError } from './checkCopy';
import { copyFileHashed } from './fileCopies';
import { verifyRegisterBackup } from './verifyBackup';

/**
 * The moments of a restore, in order, for the test that kills a restore at each of them. Before
 * 'committed' a crash leaves the old register in place; from 'committed' on, the next open finishes it.
 */
export const RESTORE_STEPS = [
  'staged',
  'committed',
  'attachments-aside',
  'attachments-in',
  'templates-aside',
  'templates-in',
  'register-aside',
  'register-in',
] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreHooks {
  /** Test seam: called as each step is done (a crash test kills the process here). */
  onStep?: (step: RestoreStep) => void | Promise<void>;
}

export interface RestoreResult {
  restored: RegisterBackup;
  /** replaced/<stamp>/: the register, attachments and templates that the backup replaced. */
  replacedDir: string;
}

/** Stored in restoring/ before the first live file moves: all the next open needs to finish the job. */
const planSchema = z.object({
  backupId: z.string(),
  backupCreatedAt: z.string(),
  /** When the restore was committed. */
  at: z.string(),
  /** The folder under replaced/ for what the restore moves aside. */
  replaced: z.string().regex(/^\d{8}-\d{6}-\d{3}(-\d+)?$/),
});
type RestorePlan = z.infer<typeof planSchema>;

/**
 * Put a backup in place of the live register, attachments and templates. The caller closes the live
 * register first (and keeps the app off it until this resolves).
 *
 * Nothing is deleted: what the backup replaces is moved (renamed) into replaced/<stamp>/, where it stays.
 * The order makes a crash at any moment safe:
 *   1. the backup is verified (every hash, integrity_check) before anything is touched;
 *   2. its files are copied into restoring.partial/ and fsynced (a crash: the next open deletes the copies,
 *      and the live files were never touched);
 *   3. restore.json (where the old files go) is written there and the folder renamed to restoring/: the
 *      commit point, after which the restore is finished rather than undone;
 *   4. for attachments, templates and then the register: the live one is renamed into replaced/<stamp>/
 *      and the staged one renamed into place. The register goes last, and its -wal and -shm (if any) go
 *      aside before the restored file comes in, so a restored register never meets the old one's log.
 * A crash during 4 leaves the register either old or restored, or missing with restoring/ beside it;
 * finishInterruptedRestore, which the open calls first, completes the moves from restoring/. An open that
 * skipped it would find no register.sqlite3 and a -wal (refused as an orphaned log) or no register at all.
 */
export async function restoreRegisterBackup(folder: DataFolder, backupId: string, clock: Clock, hooks: RestoreHooks = {}): Promise<RestoreResult> {
  const stored = await readStoredBackup(folder, backupId);
  if (stored === null) throw new Error(`There is no complete backup called ${backupId} in ${folder.registerBackups}, so nothing was restored.`);
  const { backup, manifest } = stored;
  if (!canRestoreSchema(manifest.appSchemaVersion)) {
    throw new Error(
      `The backup of ${formatDateTime(backup.createdAt)} was made by a newer version of Correspondence Desk (register version ${manifest.appSchemaVersion}; this version reads up to ${SCHEMA_VERSION}), so it cannot be restored here. Nothing was changed.`,
    );
  }
  await verifyRegisterBackup(backup);
  await finishInterruptedRestore(folder);

  const staging = restoreStaging(folder);
  await fsp.rm(staging.partial, { recursive: true, force: true });
  await fsp.mkdir(staging.partial);
  let plan: RestorePlan;
  try {
    await stageCopies(backup.path, manifest.files, staging.partial);
    await hooks.onStep?.('staged');
    const now = clock.now();
    plan = { backupId, backupCreatedAt: backup.createdAt, at: now.toISOString(), replaced: await unusedName(folder.replaced, formatStamp(now)) };
    await atomicWrite(path.join(staging.partial, RESTORE_PLAN), `${JSON.stringify(plan, null, 2)}\n`);
    await fsp.rename(staging.partial, staging.ready);
    await fsyncDir(folder.root);
  } catch (err) {
    await fsp.rm(staging.partial, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  await hooks.onStep?.('committed');
  const replacedDir = await completeRestore(folder, staging, plan, hooks);
  return { restored: backup, replacedDir };
}

export type InterruptedRestore = { outcome: 'none' } | { outcome: 'abandoned' } | { outcome: 'finished'; replacedDir: string };

/**
 * For the open to call before openDatabase: a restore cut short before its commit point is undone (only
 * copies are deleted; the live files were not touched yet), one cut short after it is finished.
 */
export async function finishInterruptedRestore(folder: DataFolder): Promise<InterruptedRestore> {
  const staging = restoreStaging(folder);
  let outcome: InterruptedRestore = { outcome: 'none' };
  if (await exists(staging.partial)) {
    await fsp.rm(staging.partial, { recursive: true, force: true });
    await fsyncDir(folder.root);
    outcome = { outcome: 'abandoned' };
  }
  if (await exists(staging.ready)) {
    const replacedDir = await completeRestore(folder, staging, await readPlan(staging), {});
    outcome = { outcome: 'finished', replacedDir };
  }
  return outcome;
}

/** Copied, not linked, so the restored files share no bytes with the backup; each copy checked as it is made. */
async function stageCopies(from: string, files: Record<string, { size: number; sha256: string }>, staged: string): Promise<void> {
  const dirs = new Set<string>([staged]);
  for (const tree of FILE_TREES) {
    // Made even when empty: a backup without attachments restores as an empty folder, not the old one.
    await fsp.mkdir(path.join(staged, tree));
    dirs.add(path.join(staged, tree));
  }
  for (const [rel, entry] of Object.entries(files)) {
    const target = underDir(staged, rel);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    for (let d = path.dirname(target); d !== staged; d = path.dirname(d)) dirs.add(d);
    const source = underDir(from, rel);
    const copied = await copyFileHashed(source, target);
    if (copied.size !== entry.size || copied.sha256 !== entry.sha256) throw new DamagedBackupError(source, 'it changed while it was being restored');
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await fsyncDir(d);
}

async function readPlan(staging: RestoreStaging): Promise<RestorePlan> {
  const file = path.join(staging.ready, RESTORE_PLAN);
  try {
    return planSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8')));
  } catch (err) {
    // Written and fsynced before restoring/ got its name, so only damage from outside gets here.
    throw new Error(`An interrupted restore in ${staging.ready} cannot be finished, as its plan ${file} is unreadable. Nothing more was changed; the register may be missing until support finishes the restore by hand.`, { cause: err });
  }
}

/** Steps 4 on: idempotent, as it resumes a restore from wherever a crash stopped it. */
async function completeRestore(folder: DataFolder, staging: RestoreStaging, plan: RestorePlan, hooks: RestoreHooks): Promise<string> {
  const replacedDir = path.join(folder.replaced, plan.replaced);
  await fsp.mkdir(replacedDir, { recursive: true });
  await fsyncDir(folder.replaced);
  await atomicWrite(
    path.join(replacedDir, 'replaced.json'),
    `${JSON.stringify({ replacedAt: plan.at, byBackup: plan.backupId, backupCreatedAt: plan.backupCreatedAt }, null, 2)}\n`,
  );
  for (const tree of FILE_TREES) {
    const staged = path.join(staging.ready, tree);
    if (!(await exists(staged))) continue;
    await moveAside(treeDir(folder, tree), replacedDir, tree);
    await hooks.onStep?.(`${tree}-aside`);
    await fsp.rename(staged, treeDir(folder, tree));
    await fsyncDir(folder.root);
    await hooks.onStep?.(`${tree}-in`);
  }
  const stagedRegister = path.join(staging.ready, BACKUP_REGISTER);
  if (await exists(stagedRegister)) {
    // The file before its log: an open that skipped finishInterruptedRestore then meets an orphaned log,
    // which it refuses, rather than a register without the log that holds its last commits.
    for (const suffix of ['', '-wal', '-shm']) await moveAside(`${folder.register}${suffix}`, replacedDir, `${BACKUP_REGISTER}${suffix}`);
    await hooks.onStep?.('register-aside');
    await fsp.rename(stagedRegister, folder.register);
    await fsyncDir(folder.root);
    await hooks.onStep?.('register-in');
  }
  await fsp.rm(staging.ready, { recursive: true, force: true });
  await fsyncDir(folder.root);
  return replacedDir;
}

/** Rename a live file or folder into replaced/<stamp>/, never over something already there. */
async function moveAside(live: string, replacedDir: string, name: string): Promise<void> {
  if (!(await exists(live))) return;
  await fsp.rename(live, path.join(replacedDir, await unusedName(replacedDir, name)));
  await fsyncDir(replacedDir);
}
