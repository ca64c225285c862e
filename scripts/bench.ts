import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../electron/core/clock';
import { createDispatcher } from '../electron/ipc/dispatch';
import { createServices } from '../electron/services/createServices';
import { recordingPlatform } from '../electron/services/platform';
import { generateAddressBook } from './lib/addressBookFixture';
import { generateLetters } from './lib/lettersFixture';
import { measure, report } from './lib/measure';
import { seededRandom } from './lib/random';
import { seedStore } from './lib/seedStore';

/**
 * `npm run bench`: how the app performs at the size an office reaches. Medians and 95th percentiles over
 * repeated runs on a temp data dir; a benchmark to watch, never a pass/fail test.
 */
const size = { organisations: 300, contacts: 5000, ccGroups: 50 };
const LETTERS = 50_000;
const sizeLabel = `${size.contacts} contacts, ${LETTERS / 1000}k letters`;
const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
const rows: Parameters<typeof report>[0] = [];
try {
  const fixture = generateAddressBook(seededRandom(2022), size);
  const letters = generateLetters(seededRandom(17), fixture, LETTERS);
  await seedStore(dataDir, fixture, letters);
  const open = () => createServices({ dataDir, clock: systemClock, platform: recordingPlatform(), templatesDir: resolve('templates'), appVersion: 'bench' });

  // Cold open: load, parse and validate every file, as at app start.
  rows.push({ name: 'cold open of the store', size: sizeLabel, ...(await measure(20, async () => (await open()).close())) });

  const services = await open();
  const dispatch = createDispatcher(services.handlers);
  const target = fixture.contacts[1234]!;
  rows.push({
    name: 'save one contact durably (validate+fsync)',
    size: sizeLabel,
    ...(await measure(200, async (i) => {
      const r = await dispatch('contacts.update', { id: target.id, values: { ...target, role: `Borough Commander ${i}` } });
      if (!r.ok) throw new Error(r.error);
    })),
  });
  rows.push({
    name: 'search contacts ("taylor mps")',
    size: sizeLabel,
    ...(await measure(100, async () => dispatch('contacts.list', { query: 'taylor mps' }))),
  });
  rows.push({
    name: 'list all contacts, sorted by organisation',
    size: sizeLabel,
    ...(await measure(50, async () => dispatch('contacts.list', { sort: 'organisation' }))),
  });
  const letter = letters[31_337]!;
  rows.push({
    name: 'save one letter durably',
    size: sizeLabel,
    ...(await measure(100, async (i) => {
      const r = await dispatch('letters.update', { id: letter.id, content: { ...letter, subject: `Safeguarding review ${i}` } });
      if (!r.ok) throw new Error(r.error);
    })),
  });
  rows.push({
    name: 'create a letter (allocates a reference)',
    size: sizeLabel,
    ...(await measure(50, async () => {
      const r = await dispatch('letters.create', { templateId: 'safeguarding-action-plan', contactId: 'contact-7' });
      if (!r.ok) throw new Error(r.error);
    })),
  });
  // The first search builds each letter's search text; later ones reuse it, as in the app.
  rows.push({ name: 'register: first full-text search', size: sizeLabel, ...(await measure(1, async () => dispatch('letters.list', { query: 'first' }))) });
  rows.push({ name: 'register: full-text search ("action plan taylor")', size: sizeLabel, ...(await measure(30, async () => dispatch('letters.list', { query: 'action plan taylor' }))) });
  rows.push({ name: 'register: all letters, newest first', size: sizeLabel, ...(await measure(30, async () => dispatch('letters.list', {}))) });
  rows.push({ name: 'register: sent, one organisation, one year', size: sizeLabel, ...(await measure(30, async () => dispatch('letters.list', { statuses: ['sent'], organisation: fixture.organisations[3]!.name, dateFrom: '2021-01-01', dateTo: '2021-12-31' }))) });
  await services.close();
  report(rows);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
