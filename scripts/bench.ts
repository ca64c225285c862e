import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../electron/core/clock';
import type { InputOf, MethodName, ResultOf } from '../electron/ipc/contract';
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

  // Export: through the API as the window calls it, with the save and folder dialogs answered by a temp folder.
  const exportDir = await mkdtemp(join(tmpdir(), 'desk-bench-export-'));
  const exportPlatform = recordingPlatform();
  const exporter = await createServices({ dataDir, clock: systemClock, platform: exportPlatform, templatesDir: resolve('templates'), appVersion: 'bench' });
  try {
    const send = createDispatcher(exporter.handlers);
    const must = async <M extends MethodName>(name: M, input: InputOf<M>): Promise<ResultOf<M>> => {
      const r = await send(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error}`);
      return r.value as ResultOf<M>;
    };
    // A realistic letter: the safeguarding template (lists, bold, two signatories), as an officer makes it,
    // under a letterhead (the pre-send check refuses a letter whose {{office.email}} would print as it stands).
    await must('settings.saveOffice', { officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' });
    const made = await must('letters.create', { templateId: 'safeguarding-action-plan', contactId: 'contact-7' });
    exportPlatform.dialogFolder = exportDir;
    rows.push({ name: 'export one letter to DOCX (render + write)', size: sizeLabel, ...(await measure(50, () => must('export.letter', { id: made.letter.id, overrideReason: 'Benchmark: the template’s CC group is not in the generated address book' }))) });
    const ids = letters.slice(0, 500).map((l) => l.id);
    const batch = await measure(3, async (i) => {
      // A fresh folder each run: in a full one every letter would be numbered " (2)", " (3)"…
      exportPlatform.dialogFolder = await mkdtemp(join(exportDir, `batch-${i}-`));
      const started = await must('export.startBatch', { ids });
      if (!started) throw new Error('The folder dialog was not answered.');
      const { jobId } = started;
      for (;;) {
        const status = await must('export.batchStatus', { jobId });
        if (status.finished) {
          if (status.failed.length > 0) throw new Error(`Batch export failed for ${status.failed.length} letters.`);
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    });
    rows.push({ name: 'export 500 letters in a batch (total)', size: sizeLabel, ...batch });
    rows.push({ name: '  … per letter', size: sizeLabel, median: batch.median / ids.length, p95: batch.p95 / ids.length, runs: batch.runs });
  } finally {
    await exporter.close();
    await rm(exportDir, { recursive: true, force: true });
  }
  report(rows);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
