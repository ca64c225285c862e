import { fixedClock } from '../../../../../electron/core/clock';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import { restoreRegisterBackup } from '../../../../../electron/store/sql/backup';
import type { RestoreStep } from '../../../../../electron/store/sql/backup';

/**
 * Run by restoreCrash.test.ts in a child process: restores a backup and kills itself with SIGKILL as the
 * named step is done, which is a crash at exactly that moment (no finally blocks, no cleanup).
 */
const [root, backupId, step] = process.argv.slice(2) as [string, string, RestoreStep];
await restoreRegisterBackup(dataFolder(root), backupId, fixedClock('2026-02-03T10:00:00.000Z'), {
  onStep: (done) => {
    if (done === step) process.kill(process.pid, 'SIGKILL');
  },
});
console.error(`the restore finished without reaching ${step}`);
process.exit(3);
