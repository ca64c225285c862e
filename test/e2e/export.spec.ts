import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });

/** Exported files stay under test-results/ so a person can open them after the run. */
async function exportFolder(name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, '../../test-results/exports', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

async function seedLetters(page: Page): Promise<string[]> {
  const refs = await page.evaluate(async () => {
    const must = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: string }>) => {
      const r = await p;
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const d = window.desk;
    await must(d['settings.saveOffice']({ officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' }));
    const org = await must(d['organisations.create']({ name: 'Independent Office for Police Conduct', shortName: 'IOPC' }));
    const c = await must(d['contacts.create']({ givenName: 'Sal', familyName: 'Naseem', role: 'Regional Director, London', organisationId: org.id }));
    await must(d['signatories.create']({ name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] }));
    // Everyone the templates name is in the address book, so their letters pass the pre-send check as made.
    await must(d['signatories.create']({ name: 'Susan Fajana-Thomas', titleLines: ['Cabinet Member for Community Safety'] }));
    const chair = await must(d['contacts.create']({ givenName: 'Sharon', familyName: 'Patrick', role: 'Chair, Living in Hackney Scrutiny Commission' }));
    await must(d['ccGroups.create']({ name: 'Living in Hackney Scrutiny Commission', memberIds: [chair.id] }));
    const refs = [];
    for (const templateId of ['iopc-complaints-and-culture', 'mopac-representation-and-data', null]) {
      const l = await must(d['letters.create']({ templateId, contactId: c.id }));
      if (!templateId) await must(d['letters.update']({ id: l.letter.id, content: { ...l.letter, subject: 'Stop: search / "outcomes" <2021>?' } }));
      refs.push(l.letter.reference);
    }
    return refs;
  });
  // The window cached its lists before this set-up, which bypassed it: start afresh, as after a restart.
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  return refs;
}

test('one letter exported through the save dialog, named by reference and subject', async ({ desk }) => {
  const { page } = desk;
  const [ref] = await seedLetters(page);
  const folder = await exportFolder('single');
  await desk.answerDialogsWith(folder);
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: ref! }).click();
  await page.getByRole('button', { name: 'Export as Word' }).click();
  await expect(page.getByText(/^Saved as /)).toBeVisible();
  const files = await readdir(folder);
  expect(files).toHaveLength(1);
  expect(files[0]).toBe(`${ref} Trust in the police complaints system, accountability and culture change.docx`);
  const bytes = await readFile(join(folder, files[0]!));
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // Cancelling the dialog writes nothing and says nothing alarming.
  await desk.answerDialogsWith(null);
  await page.getByRole('button', { name: 'Export as Word' }).click();
  await expect(page.getByRole('button', { name: 'Export as Word' })).toBeEnabled();
  expect(await readdir(folder)).toHaveLength(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('many letters exported into a folder with progress and a summary; existing files are kept', async ({ desk }) => {
  const { page } = desk;
  const refs = await seedLetters(page);
  const folder = await exportFolder('batch');
  await desk.answerDialogsWith(folder);
  await nav(page, 'Letters').click();
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Export 3 as Word documents' }).click();
  const modal = page.getByTestId('batch-export');
  await expect(modal).toContainText('Finished. 3 of 3 letters done: 3 saved, 0 failed.');
  await expect(modal).toContainText(folder);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const first = (await readdir(folder)).sort();
  expect(first).toHaveLength(3);
  for (const ref of refs) expect(first.some((f) => f.startsWith(`${ref} `))).toBe(true);
  // The subject with / " < > ? became a safe name.
  expect(first.find((f) => f.startsWith(refs[2]!))).toBe(`${refs[2]} Stop search outcomes 2021.docx`);

  // Again into the same folder: nothing is overwritten, the new files are numbered.
  const before = await Promise.all(first.map((f) => readFile(join(folder, f))));
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Export 3 as Word documents' }).click();
  await expect(modal).toContainText('3 saved, 0 failed');
  await expect(modal).toContainText('were already in the folder');
  const second = (await readdir(folder)).sort();
  expect(second).toHaveLength(6);
  expect(second.filter((f) => f.endsWith(' (2).docx'))).toHaveLength(3);
  const after = await Promise.all(first.map((f) => readFile(join(folder, f))));
  expect(after).toEqual(before);
});
