import type { Clock } from '../core/clock';
import type { AppStatus } from '../core/appStatus';
import { UserError } from '../core/errors';
import { safeExternalUrl } from '../core/externalUrl';
import { defaultOfficeProfile, type OfficeProfile } from '../core/addressBook/schemas';
import type { Handlers } from '../ipc/contract';
import { openStore, restoreNewestBackup, type BackupInfo, type Store, type StoreProblem } from '../store';
import { createContext } from './context';
import type { Platform } from './platform';
import { collections, docs, migrations, SCHEMA_VERSION } from './storeSpec';
import { organisationHandlers } from './addressBook/organisations';
import { contactHandlers } from './addressBook/contacts';
import { signatoryHandlers } from './addressBook/signatories';
import { ccGroupHandlers } from './addressBook/ccGroups';
import { letterHandlers } from './letters/letterHandlers';
import { templateHandlers } from './templates/templateHandlers';
import { exportHandlers } from './export/exportHandlers';
import { join } from 'node:path';

export interface ServiceOptions {
  dataDir: string;
  clock: Clock;
  platform: Platform;
  /** The built-in letter templates shipped with the app (the project's `templates/` folder). */
  templatesDir: string;
  appVersion?: string;
}

export interface Services {
  handlers: Handlers;
  status(): AppStatus;
  close(): Promise<void>;
}

/**
 * Everything the app does, as plain functions over a data dir, a clock and a platform. Electron's main
 * process, the unit tests and the browser test harness all build the app from here.
 */
export async function createServices({ dataDir, clock, platform, templatesDir, appVersion = '0.0.0' }: ServiceOptions): Promise<Services> {
  let store: Store | null = null;
  let failure: { problem: StoreProblem; backups: BackupInfo[] } | null = null;

  const open = async () => {
    const result = await openStore({ dataDir, schemaVersion: SCHEMA_VERSION, collections, docs, migrations, clock });
    if (result.ok) {
      store = result.store;
      failure = null;
    } else {
      store = null;
      failure = { problem: result.problem, backups: result.backups };
    }
  };
  await open();

  const status = (): AppStatus =>
    failure
      ? {
          state: 'error',
          dataDir,
          appVersion,
          problem: failure.problem,
          backups: failure.backups.map((b) => ({ id: b.id, createdAt: b.createdAt })),
        }
      : { state: 'ready', dataDir, appVersion };

  const ctx = createContext(() => store, clock, platform);
  const exporter = exportHandlers(ctx);
  const templates = templateHandlers({ builtInDir: templatesDir, userDir: join(dataDir, 'templates'), clock });

  const handlers: Handlers = {
    'app.status': async () => status(),
    'app.restoreNewestBackup': async () => {
      if (!failure) throw new UserError('Your data loaded correctly, so there is nothing to restore.');
      if (failure.backups.length === 0) throw new UserError('There is no backup to restore.');
      await restoreNewestBackup(dataDir, clock);
      await open();
      return status();
    },
    'app.openExternal': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) throw new UserError('Only web (https) and email links can be opened.');
      await platform.openExternal(safe);
      return null;
    },
    'settings.getOffice': async () => ctx.store().getDoc<OfficeProfile>('office') ?? defaultOfficeProfile,
    'settings.saveOffice': async (profile) => {
      await ctx.store().putDoc('office', profile);
      return ctx.store().getDoc<OfficeProfile>('office');
    },
    ...organisationHandlers(ctx),
    ...contactHandlers(ctx),
    ...signatoryHandlers(ctx),
    ...ccGroupHandlers(ctx),
    ...letterHandlers(ctx, (id) => templates.getUsable(id)),
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

  return {
    handlers,
    status,
    close: async () => {
      await exporter.whenIdle();
      await store?.close();
    },
  };
}
