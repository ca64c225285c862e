import type { Clock } from '../core/clock';
import type { AppStatus } from '../core/appStatus';
import { UserError } from '../core/errors';
import { safeExternalUrl } from '../core/externalUrl';
import type { Handlers } from '../ipc/contract';
import { dataFolder } from '../store/dataFolder';
import { createRegister, openDatabase, OFFICE_DOC, type Register } from '../store/sql';
import type { BackupView, StoreProblemView } from '../core/appStatus';
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
  let register: Register | null = null;
  let failure: { problem: StoreProblemView; backups: BackupView[] } | null = null;

  const lock = await acquireDataDirLock(dataDir, clock.now());
  const open = async () => {
    if ('heldBy' in lock) {
      const since = formatDateTime(lock.heldBy.since);
      failure = {
        problem: {
          file: LOCK_FILE,
          kind: 'in-use',
          message: `This data folder is already open in Correspondence Desk on ${lock.heldBy.host} (since ${since}). Close it there first: two copies working on one folder would overwrite each other’s changes.`,
        },
        backups: [],
      };
      return;
    }
    const result = await openDatabase(folder.register);
    if (result.ok) {
      register = await createRegister(result.store, clock);
      failure = null;
    } else {
      register = null;
      failure = { problem: result.problem, backups: [] };
    }
  };
  await open();

  const status = (): AppStatus =>
    failure
      ? { state: 'error', dataDir, appVersion, problem: failure.problem, backups: failure.backups.map((b) => ({ id: b.id, createdAt: b.createdAt })) }
      : { state: 'ready', dataDir, appVersion };

  const ctx = createContext(() => register, clock, platform, () => pcSettings.get().officerName);
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
  const appHandlers: Pick<Handlers, 'app.status' | 'app.restoreNewestBackup' | 'app.openExternal' | 'settings.getThisPc' | 'settings.saveThisPc' | 'settings.getOffice' | 'settings.saveOffice'> = {
    'settings.getThisPc': async () => thisPc(),
    'settings.saveThisPc': async ({ officerName }) => {
      await pcSettings.update({ officerName });
      return thisPc();
    },
    'app.status': async () => status(),
    'app.restoreNewestBackup': async () => {
      if (!failure) throw new UserError('Your data loaded correctly, so there is nothing to restore.');
      if (failure.problem.kind === 'in-use') throw new UserError(failure.problem.message);
      if (failure.backups.length === 0) throw new UserError('There is no backup to restore.');
      await open();
      return status();
    },
    'app.openExternal': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) throw new UserError('Only web (https) and email links can be opened.');
      await platform.openExternal(safe);
      return null;
    },
    'settings.getOffice': async () => ctx.register().docs.get(OFFICE_DOC),
    'settings.saveOffice': async (profile) => {
      const r = ctx.register();
      return r.write((trx) => r.docs.put(trx, OFFICE_DOC, profile, { by: ctx.officer(), at: ctx.nowIso() }));
    },
  };
  const templateSet: Pick<Handlers, 'export.letter' | 'export.startBatch' | 'export.batchStatus' | 'templates.list' | 'templates.get' | 'templates.save' | 'templates.duplicate' | 'templates.create' | 'templates.remove'> = {
    'export.letter': exporter['export.letter'],
    'export.startBatch': exporter['export.startBatch'],
    'export.batchStatus': exporter['export.batchStatus'],
    'templates.list': () => templates.list(),
    'templates.get': ({ id }) => templates.get(id),
    'templates.save': (input) => templates.save(input),
    'templates.duplicate': ({ id }) => templates.duplicate(id),
    'templates.create': () => templates.create(),
    'templates.remove': async ({ id }) => {
      await templates.remove(id);
      return null;
    },
  };
  const handlers: Handlers = combineHandlers(
    appHandlers,
    templateSet,
    preferencesHandlers(ctx, deadlines, lettersLock),
    organisationHandlers(ctx),
    contactHandlers(ctx),
    signatoryHandlers(ctx),
    ccGroupHandlers(ctx),
    letterHandlers(letterDeps),
    followUpHandlers(letterDeps),
    addressBookBridge(ctx),
    replyHandlers(letterDeps, attachmentFiles(dataDir)),
    commitmentHandlers(letterDeps),
    dashboardHandlers(ctx, reader),
    signoffHandlers(letterDeps),
    printHandlers(ctx, reader),
    historyHandlers(ctx),
  );

  return {
    handlers,
    status,
    runReminders: async ({ onlyIfNewDay = false } = {}) => {
      if (!register) return;
      if (onlyIfNewDay) await reminders.runIfNewDay();
      else await reminders.run();
    },
    close: async () => {
      await exporter.whenIdle();
      await lettersLock(async () => undefined);
      await register?.sql.close();
      if ('release' in lock) await lock.release();
    },
  };
}
