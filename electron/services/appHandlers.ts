import { UserError } from '../core/errors';
import { safeExternalUrl } from '../core/externalUrl';
import type { AppStatus } from '../core/appStatus';
import type { Handlers } from '../ipc/contract';
import type { DataFolder } from '../store/dataFolder';
import { describeRestore, listRegisterBackups, restoreRegisterBackup, type RegisterBackup } from '../store/sql/backup';
import type { Clock } from '../core/clock';
import type { Platform } from './platform';
import type { RegisterSession } from './registerSession';

type AppHandlers = Pick<Handlers, 'app.status' | 'app.retry' | 'app.openExternal' | 'backups.list' | 'backups.backupNow' | 'backups.describeRestore' | 'backups.restore'>;

export interface AppDeps {
  folder: DataFolder;
  clock: Clock;
  platform: Platform;
  status(): Promise<AppStatus>;
  session(): RegisterSession | null;
  /** Inside the letters' lock: close the register, run `fn` on the closed folder, open it again. */
  reopenAround(fn: () => Promise<void>): Promise<void>;
  inUse(): string | null;
  /** Open again after a start that found the disk full. */
  retry(): Promise<void>;
}

const view = (b: RegisterBackup) => ({ id: b.id, createdAt: b.createdAt, counts: b.counts });

/** The app itself: its status, links out, and the register's backups (list, back up now, restore one). */
export function appHandlers(deps: AppDeps): AppHandlers {
  const { folder, clock } = deps;
  const findBackup = async (id: string) => {
    const found = (await listRegisterBackups(folder)).find((b) => b.id === id);
    if (!found) throw new UserError('That backup is no longer there. Choose another.');
    return found;
  };
  const refuseIfInUse = () => {
    const inUse = deps.inUse();
    if (inUse) throw new UserError(inUse);
  };
  return {
    'app.status': () => deps.status(),
    'app.retry': async () => {
      await deps.retry();
      return deps.status();
    },
    'app.openExternal': async ({ url }) => {
      const safe = safeExternalUrl(url);
      if (!safe) throw new UserError('Only web (https) and email links can be opened.');
      await deps.platform.openExternal(safe);
      return null;
    },
    'backups.list': async () => {
      refuseIfInUse();
      return (await listRegisterBackups(folder)).map(view);
    },
    'backups.backupNow': async () => {
      const session = deps.session();
      if (!session) throw new UserError('The register is not open, so there is nothing to back up.');
      return view(await session.backups.backupNow());
    },
    'backups.describeRestore': async ({ id }) => {
      refuseIfInUse();
      const preview = await describeRestore(deps.session()?.register.sql ?? null, await findBackup(id), folder);
      return { sentence: preview.sentence, restorable: preview.restorable };
    },
    'backups.restore': async ({ id }) => {
      refuseIfInUse();
      const backup = await findBackup(id);
      await deps.reopenAround(async () => {
        await restoreRegisterBackup(folder, backup.id, clock);
      });
      return deps.status();
    },
  };
}
