import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../electron/core/export/batchStatus';
import { startApp } from '../services/helpers';
import { OFFICE, SIGNATURE_PNG } from './fixtures';
import { openDocx, paragraphs, textLines } from './ooxml';
import { pngDataUrl } from './png';

/** Export as the window asks for it: through the validating dispatcher, with the dialogs answered. */
type App = Awaited<ReturnType<typeof startApp>>;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function start(): Promise<{ app: App; folder: string }> {
  const app = await startApp();
  const folder = await mkdtemp(join(tmpdir(), 'desk-export-'));
  cleanup.push(() => rm(app.dir, { recursive: true, force: true }), () => rm(folder, { recursive: true, force: true }), () => app.services.close());
  const { referencePrefix, ...office } = OFFICE;
  await app.must('settings.saveOffice', { ...office, referencePrefix, referencePattern: '{prefix}{yyMMdd}-{nn}' });
  const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS', addressLines: ['New Scotland Yard', 'London SW1A 2JL'] });
  await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: mps.id, salutation: 'Dear DAC Taylor' });
  await app.must('signatories.create', { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'], signatureImage: pngDataUrl(SIGNATURE_PNG) });
  await app.must('signatories.create', { name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney'] });
  // The CC group the safeguarding template names, so its letter passes the pre-send check as it stands.
  const mp = await app.must('contacts.create', { givenName: 'Diane', familyName: 'Abbott', role: 'MP for Hackney North and Stoke Newington' });
  await app.must('ccGroups.create', { name: 'Hackney MPs and London representatives', memberIds: [mp.id] });
  return { app, folder };
}

const contactId = async (app: App) => (await app.must('contacts.list', { query: 'Taylor' }))[0]!.id;
const paragraph = (text: string) => [{ type: 'paragraph' as const, runs: [{ text }] }];

describe('export.letter', () => {
  it('writes "<reference> <subject>.docx" into the folder chosen in the save dialog', async () => {
    const { app, folder } = await start();
    const { letter } = await app.must('letters.create', { templateId: 'safeguarding-action-plan', contactId: await contactId(app) });
    app.platform.dialogFolder = folder;
    const result = await app.must('export.letter', { id: letter.id });
    const name = 'MCO220317-01 Safeguarding review a written action plan and assurances.docx';
    expect(result).toEqual({ status: 'saved', path: join(folder, name) });
    expect(await readdir(folder)).toEqual([name]);

    const docx = openDocx(await readFile(join(folder, name)));
    const lines = textLines(docx.xml('word/document.xml'));
    expect(lines.slice(0, 3)).toEqual(['17 March 2022', 'Ref: MCO220317-01', 'DAC Jane Taylor']);
    expect(lines).toContain('Safeguarding review: a written action plan and assurances');
    expect(lines.indexOf('Philip Glanville')).toBeLessThan(lines.indexOf('Anntoinette Bramble'));
    const image = paragraphs(docx.xml('word/document.xml')).find((p) => p.images.length > 0);
    const target = docx.rels('word/document.xml').get(image?.images[0] ?? '')?.target ?? '';
    expect(Buffer.from(docx.files[target] ?? [])).toEqual(SIGNATURE_PNG);
  });

  it('writes nothing and says so when the officer cancels the dialog, and keeps no override for it', async () => {
    const { app, folder } = await start();
    const { letter } = await app.must('letters.create', {});
    app.platform.dialogFolder = null;
    expect(await app.must('export.letter', { id: letter.id, overrideReason: 'A blank letter, to try the dialog' })).toEqual({ status: 'cancelled' });
    expect(await readdir(folder)).toEqual([]);
    expect((await app.must('letters.get', { id: letter.id })).letter.readinessOverrides).toEqual([]);
  });
});

describe('export.startBatch', () => {
  it('exports twenty letters in the background, reports progress and the one that failed, and replaces nothing', { timeout: 120_000 }, async () => {
    const { app, folder } = await start();
    const ids: string[] = [];
    const references: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const { letter } = await app.must('letters.create', { contactId: await contactId(app) });
      // Letter 7 is over the export limit (5,000,000 characters): the store accepts it, export must refuse it.
      const body = i === 7 ? Array.from({ length: 6 }, () => paragraph('x'.repeat(900_000))).flat() : paragraph(`Body of letter ${i}.`);
      await app.must('letters.update', { id: letter.id, content: { ...letter, subject: `Follow-up ${i} on the action plan`, body } });
      ids.push(letter.id);
      references.push(letter.reference);
    }
    const nameOf = (i: number) => `${references[i - 1]} Follow-up ${i} on the action plan.docx`;
    await writeFile(join(folder, nameOf(3)), 'an officer’s own file');

    app.platform.dialogFolder = folder;
    const started = await app.must('export.startBatch', { ids });
    expect(started).toMatchObject({ total: 20 });
    const seen: BatchStatus[] = [];
    const deadline = Date.now() + 100_000;
    for (;;) {
      const status = await app.must('export.batchStatus', { jobId: started!.jobId });
      seen.push(status);
      if (status.finished || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const final = seen.at(-1)!;
    expect(final.finished).toBe(true);
    expect(seen[0]!.finished).toBe(false);
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
    // The job and the polls share one event loop, so polls land between letters and see them counted.
    expect(seen.some((s) => s.done > 0 && s.done < 20)).toBe(true);
    expect(final).toMatchObject({ total: 20, done: 20, folder });

    expect(final.failed).toEqual([{ reference: references[6], error: expect.stringMatching(/too long to export/) }]);
    const expected = Array.from({ length: 20 }, (_, k) => k + 1).filter((i) => i !== 7);
    expect(final.written).toEqual(expected.map((i) => ({ reference: references[i - 1], file: i === 3 ? nameOf(3).replace('.docx', ' (2).docx') : nameOf(i) })));

    expect(await readFile(join(folder, nameOf(3)), 'utf8')).toBe('an officer’s own file');
    const numbered = openDocx(await readFile(join(folder, nameOf(3).replace('.docx', ' (2).docx'))));
    expect(textLines(numbered.xml('word/document.xml'))).toContain('Body of letter 3.');
    const files = (await readdir(folder)).sort();
    expect(files).toEqual([...expected.map(nameOf), nameOf(3).replace('.docx', ' (2).docx')].sort());
  });

  it('starts nothing when the folder dialog is cancelled', async () => {
    const { app, folder } = await start();
    const { letter } = await app.must('letters.create', {});
    app.platform.dialogFolder = null;
    expect(await app.must('export.startBatch', { ids: [letter.id] })).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });
});
