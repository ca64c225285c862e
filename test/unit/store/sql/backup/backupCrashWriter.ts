import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { systemClock } from '../../../../../electron/core/clock';
import { paragraph } from '../../../../../electron/core/letters/richText';
import { atomicWrite } from '../../../../../electron/store/atomicWrite';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import { createLetterRepository, openDatabase } from '../../../../../electron/store/sql';
import { backupRegister, removeUnfinishedBackups } from '../../../../../electron/store/sql/backup';
import { generateAddressBook } from '../../../../../scripts/lib/addressBookFixture';
import { generateLetters } from '../../../../../scripts/lib/lettersFixture';
import { seededRandom } from '../../../../../scripts/lib/random';

/**
 * Run by backupCrash.test.ts in a child process, which kills it with SIGKILL at a random moment: saves
 * letter after letter (and now and then an attachment) while it backs the register up, one backup after
 * another. It prints `saved <n>` only once a save has resolved (its commit is on the disk): each one is a
 * promise the register must keep after the kill.
 */
const [root, firstArg] = process.argv.slice(2) as [string, string];
const folder = dataFolder(root);
await removeUnfinishedBackups(folder);
const opened = await openDatabase(folder.register);
if (!opened.ok) {
  console.error(opened.problem.message);
  process.exit(2);
}
const { store } = opened;
const repo = createLetterRepository(store, systemClock);
const template = generateLetters(seededRandom(2), generateAddressBook(seededRandom(1), { organisations: 5, contacts: 20, ccGroups: 1 }), 1)[0]!;
const turn = () => new Promise((resolve) => setImmediate(resolve));
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
process.stdout.write('ready\n');

// Each save is all microtasks (better-sqlite3 is synchronous, its fsync included), so back to back they
// would starve the backup of turns of the event loop. A short pause after each lets the backup's steps run
// between saves, as they do between the app's IPC calls, while still saving dozens of times a second.
const saving = (async () => {
  for (let i = Number(firstArg); ; i++) {
    await repo.saveLetter({ ...template, id: `kill-${i}`, threadId: `kill-${i}`, reference: `KILL-${i}`, subject: `Saved ${i}`, body: [paragraph(`Paragraph ${i} `.repeat(40))] }, { by: 'Crash test', action: 'create' });
    process.stdout.write(`saved ${i}\n`);
    if (i % 50 === 0) {
      await fsp.mkdir(path.join(folder.attachments, `kill-${i}`), { recursive: true });
      await atomicWrite(path.join(folder.attachments, `kill-${i}`, 'reply.txt'), `Attachment ${i}\n`.repeat(200));
    }
    await pause();
  }
})();
const backingUp = (async () => {
  for (;;) {
    const backup = await backupRegister(store, { folder, clock: systemClock });
    process.stdout.write(`backup ${backup.id}\n`);
    await turn();
  }
})();
await Promise.race([saving, backingUp]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
