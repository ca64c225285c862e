import type { Clock } from '../core/clock';
import type { AppStatus } from '../core/appStatus';
import type { Handlers } from '../ipc/contract';
import { dataFolder } from '../store/dataFolder';
import { DamagedRegisterError, OFFICE_DOC } from '../store/sql';
import { listRegisterBackups } from '../store/sql/backup';
import { appHandlers } from './appHandlers';
import { openRegisterSession, type RegisterSession } from './registerSession';
import type { AppNotice, BackupView, StoreProblemView } from '../core/appStatus';
import { guardDiskFull, hasRoom, isDiskFull, startFullMessage } from './storageFaults';
import { formatDateTime } from '../core/dates/britishDate';
import { acquireDataDirLock, LOCK_FILE } from './dataDirLock';
import { createContext } from './context';
import type { Platform } from './platform';
import { organisationHandlers } from './addressBook/organisations';
import { contactHandlers } from './addressBook/contacts';
import { signatoryHandlers } from './addressBook/signatories';
import { ccGroupHandlers } from './addressBook/ccGroups';
import { letterHandlers, type LetterDeps } from './letters/letterHandlers';
import { followUpHandlers } from './letters/followUpHandlers';
import { addressBookBridge } from './letters/addressBookBridge';
import { deadlineService } from './letters/deadlines';
import { letterReader } from './letters/letterDetail';
import { templateHandlers } from './templates/templateHandlers';
import { exportHandlers } from './export/exportHandlers';
import { replyHandlers } from './replies/replyHandlers';
import { attachmentFiles } from './replies/attachmentFiles';
import { commitmentHandlers } from './commitments/commitmentHandlers';
import { dashboardHandlers } from './dashboardHandlers';
import { signoffHandlers } from './signoff/signoffHandlers';
import { printHandlers } from './print/printHandlers';
import { preferencesHandlers } from './preferencesHandlers';
import { reminderService, type RemindersShown } from './reminders';
import type { PcSettings } from '../store/settings/pcSettings';
import { createMutex } from './mutex';
import { combineHandlers } from './combineHandlers';
import { historyHandlers } from './history/historyHandlers';

export interface ServiceOptions {
  dataDir: string;
  clock: Clock;
  platform: Platform;
  /** The built-in letter templates shipped with the app (the project's `templates/` folder). */
  templatesDir: string;
  /** This PC's own settings (the officer's name, what has been reminded): lowdb, outside the data folder. */
  pcSettings: PcSettings;
  appVersion?: string;
}

export interface Services {
  handlers: Handlers;
  status(): AppStatus;
  /** Desktop reminders for what is newly overdue or due tomorrow; the app calls it at start and hourly. */
  runReminders(opts?: { onlyIfNewDay?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything the app does, as plain functions over a data dir, a clock and a platform. Electron's main
 * process, the unit tests and the browser test harness all build the app from here.
 */
export async function createServices({ dataDir, clock, platform, templatesDir, pcSettings, appVersion = '0.0.0' }: ServiceOptions): Promise<Services> {
  const folder = dataFolder(dataDir);
  let session: RegisterSession | null = null;
  let failure: { problem: StoreProblemView; backups: BackupView[] } | null = null;
  const log = (msg: string, err: unknown) => console.error(msg, err);

  let lock: { release(): Promise<void> } | null = null;
  let inUse: string | null = null;
  const open = async () => {
    try {
      if (!lock) {
        const taken = await acquireDataDirLock(dataDir, clock.now());
        if ('heldBy' in taken) {
          inUse = `This data folder is already open in Correspondence Desk on ${taken.heldBy.host} (since ${formatDateTime(taken.heldBy.since)}). Close it there first: two copies working on one folder would overwrite each other’s changes.`;
          failure = { problem: { file: LOCK_FILE, kind: 'in-use', message: inUse }, backups: [] };
          return;
        }
        lock = taken;
      }
      const result = await openRegisterSession(folder, clock, log, pcSettings.get().officerName);
      if (result.ok) {
        session = result.session;
        failure = null;
        watchCheck(result.session);
      } else {
        session = null;
        failure = { problem: result.problem, backups: result.backups.map((b) => ({ id: b.id, createdAt: b.createdAt })) };
      }
    } catch (err) {
      // A disk too full to take the lock or open the register's log: said plainly, and tried again on asking.
      if (!isDiskFull(err)) throw err;
      session = null;
      failure = { problem: { file: dataDir, kind: 'disk-full', message: startFullMessage(dataDir) }, backups: [] };
    }
  };
  /**
   * The open's check of every page runs in a worker while the officer starts reading (writes wait for it).
   * Should it find damage, the register closes and the app shows its error screen, naming the file and
   * offering the backups, as a register refused at open does.
   */
  const watchCheck = (opened: RegisterSession) => {
    opened.register.sql.checked.catch((err: unknown) =>
      lettersLock(async () => {
        if (session !== opened) return;
        session = null;
        await opened.close().catch((e: unknown) => log('Closing a damaged register failed', e));
        const problem =
          err instanceof DamagedRegisterError
            ? err.problem
            : { file: folder.register, kind: 'io', message: `The register ${folder.register} could not be checked (${err instanceof Error ? err.message : String(err)}). Nothing in it has been changed.` };
        const backups = await listRegisterBackups(folder).catch(() => []);
        failure = { problem, backups: backups.map((b) => ({ id: b.id, createdAt: b.createdAt })) };
      }),
    );
  };
  await open();

  /** Set when a write found the disk full; cleared once the disk has room again (checked with the status). */
  let diskFull: string | null = null;
  const notices = (): AppNotice[] => {
    const backupError = session?.backups.lastError;
    return [
      ...(diskFull ? [{ kind: 'read-only' as const, message: diskFull }] : []),
      ...(pcSettings.problem ? [{ kind: 'settings' as const, message: pcSettings.problem }] : []),
      ...(session?.importNote ? [{ kind: 'imported' as const, message: session.importNote }] : []),
      ...(backupError && !diskFull ? [{ kind: 'backup' as const, message: `The last automatic backup failed: ${backupError.message}` }] : []),
    ];
  };
  const status = (): AppStatus =>
    failure
      ? { state: 'error', dataDir, appVersion, problem: failure.problem, backups: failure.backups }
      : { state: 'ready', dataDir, appVersion, officerName: pcSettings.get().officerName, notices: notices() };

  const ctx = createContext(() => session?.register ?? null, clock, platform, () => pcSettings.get().officerName);
  const templates = templateHandlers({ builtInDir: templatesDir, userDir: folder.templates, clock });
  const deadlines = deadlineService(ctx);
  const reader = letterReader(ctx, deadlines);
  const lettersLock = createMutex();
  const letterDeps: LetterDeps = { ctx, reader, deadlines, lock: lettersLock, getTemplate: (id) => templates.getUsable(id) };
  const exporter = exportHandlers(ctx, { documentOf: reader.documentOf, lock: lettersLock });
  const shown: RemindersShown = {
    get: () => pcSettings.get().remindersShown,
    put: async (doc) => void (await pcSettings.update({ remindersShown: doc })),
  };
  const reminders = reminderService(ctx, reader, shown);

  const thisPc = () => ({ officerName: pcSettings.get().officerName, dataDir, settingsFile: pcSettings.file, problem: pcSettings.problem });
  const settingsHandlers: Pick<Handlers, 'settings.getThisPc' | 'settings.saveThisPc' | 'settings.getOffice' | 'settings.saveOffice'> = {
    'settings.getThisPc': async () => thisPc(),
    'settings.saveThisPc': async ({ officerName }) => {
      await pcSettings.update({ officerName });
      return thisPc();
    },
    'settings.getOffice': async () => ctx.register().docs.get(OFFICE_DOC),
    'settings.saveOffice': async (profile) => {
      const r = ctx.register();
      return r.write((trx) => r.docs.put(trx, OFFICE_DOC, profile, { by: ctx.officer(), at: ctx.nowIso() }));
    },
  };
  // The office's templates are files, not register rows, so their changes tell the backup schedule here.
  const templateChange = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    session?.backups.changed();
    return result;
  };
  const templateSet: Pick<Handlers, 'export.letter' | 'export.startBatch' | 'export.batchStatus' | 'templates.list' | 'templates.get' | 'templates.save' | 'templates.duplicate' | 'templates.create' | 'templates.remove'> = {
    'export.letter': exporter['export.letter'],
    'export.startBatch': exporter['export.startBatch'],
    'export.batchStatus': exporter['export.batchStatus'],
    'templates.list': () => templates.list(),
    'templates.get': ({ id }) => templates.get(id),
    'templates.save': (input) => templateChange(templates.save(input)),
    'templates.duplicate': ({ id }) => templateChange(templates.duplicate(id)),
    'templates.create': () => templateChange(templates.create()),
    'templates.remove': ({ id }) => templateChange(templates.remove(id).then(() => null)),
  };
  const combined: Handlers = combineHandlers(
    appHandlers({
      folder,
      clock,
      platform,
      inUse: () => inUse,
      retry: async () => {
        if (failure?.problem.kind === 'disk-full' || failure?.problem.kind === 'import') await open();
      },
      session: () => session,
      status: async () => {
        if (diskFull && (await hasRoom(dataDir))) diskFull = null;
        return status();
      },
      reopenAround: (fn) =>
        lettersLock(async () => {
          await exporter.whenIdle();
          const closing = session;
          session = null;
          await closing?.close();
          try {
            await fn();
          } finally {
            await open();
          }
        }),
    }),
    settingsHandlers,
    templateSet,
    preferencesHandlers(ctx, deadlines, lettersLock),
    organisationHandlers(ctx),
    contactHandlers(ctx),
    signatoryHandlers(ctx),
    ccGroupHandlers(ctx),
    letterHandlers(letterDeps),
    followUpHandlers(letterDeps),
    addressBookBridge(ctx),
    replyHandlers(letterDeps, attachmentFiles(folder.attachments)),
    commitmentHandlers(letterDeps),
    dashboardHandlers(ctx, reader),
    signoffHandlers(letterDeps),
    printHandlers(ctx, reader),
    historyHandlers(ctx),
  );
  const handlers = guardDiskFull(combined, dataDir, (message) => (diskFull = message));

  return {
    handlers,
    status,
    runReminders: async ({ onlyIfNewDay = false } = {}) => {
      if (!session) return;
      if (onlyIfNewDay) await reminders.runIfNewDay();
      else await reminders.run();
    },
    close: async () => {
      await exporter.whenIdle();
      await lettersLock(async () => undefined);
      await session?.close();
      await lock?.release();
    },
  };
}
