import { resolve } from 'node:path';
import { generateAddressBook } from './lib/addressBookFixture';
import { seededRandom } from './lib/random';
import { seedStore } from './lib/seedStore';

/** `npm run seed -- <data folder>`: a realistic address book (300 organisations, 5,000 contacts, 50 CC groups). */
const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run seed -- <data folder>');
  process.exit(2);
}
const fixture = generateAddressBook(seededRandom(2022));
await seedStore(resolve(target), fixture);
console.log(
  `Seeded ${resolve(target)}: ${fixture.organisations.length} organisations, ${fixture.contacts.length} contacts, ${fixture.ccGroups.length} CC groups, ${fixture.signatories.length} signatories.`,
);
console.log(`Open it with: npm start -- -- --data-dir "${resolve(target)}"`);
