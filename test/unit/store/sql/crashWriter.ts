import { systemClock } from '../../../../electron/core/clock';
import { paragraph } from '../../../../electron/core/letters/richText';
import { createLetterRepository, openDatabase } from '../../../../electron/store/sql';
import { generateAddressBook } from '../../../../scripts/lib/addressBookFixture';
import { generateLetters } from '../../../../scripts/lib/lettersFixture';
import { seededRandom } from '../../../../scripts/lib/random';

/**
 * Run by crash.test.ts in a child process, which it kills with SIGKILL at a random moment: saves letter
 * after letter, and prints each one's number only once saveLetter has resolved (the commit is on disk).
 * Each number printed is a promise the register must keep after the kill.
 */
const [file, firstArg] = process.argv.slice(2);
const result = await openDatabase(file!);
if (!result.ok) {
  console.error(result.problem.message);
  process.exit(2);
}
const repo = createLetterRepository(result.store, systemClock);
const book = generateAddressBook(seededRandom(1), { organisations: 5, contacts: 20, ccGroups: 1 });
const template = generateLetters(seededRandom(2), book, 1)[0]!;
const shared = (await repo.getLetter('letter-0'))!;
for (let i = Number(firstArg); ; i++) {
  await repo.saveLetter({ ...template, id: `crash-${i}`, threadId: `crash-${i}`, reference: `CRASH-${i}`, subject: `Saved ${i}`, body: [paragraph(`Paragraph ${i} `.repeat(50))] }, { by: 'Crash test', action: 'create' });
  await repo.saveLetter({ ...shared, subject: `Edited ${i}` }, { by: 'Crash test', action: 'edit' });
  process.stdout.write(`${i}\n`);
}
