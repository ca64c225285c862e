import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../electron/core/clock';
import { createDispatcher } from '../electron/ipc/dispatch';
import { createServices } from '../electron/services/createServices';
import { recordingPlatform } from '../electron/services/platform';
import { generateAddressBook } from './lib/addressBookFixture';
import { measure, report } from './lib/measure';
import { seededRandom } from './lib/random';
import { seedStore } from './lib/seedStore';

/**
 * `npm run bench`: how the app performs at the size an office reaches. Medians and 95th percentiles over
 * repeated runs on a temp data dir; a benchmark to watch, never a pass/fail test.
 */
const size = { organisations: 300, contacts: 5000, ccGroups: 50 };
const sizeLabel = `${size.contacts} contacts, ${size.organisations} orgs, ${size.ccGroups} groups`;
const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
const rows: Parameters<typeof report>[0] = [];
try {
  const fixture = generateAddressBook(seededRandom(2022), size);
  await seedStore(dataDir, fixture);
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
  await services.close();
  report(rows);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
