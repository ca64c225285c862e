import { readdir, readFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { openDocx, paragraphs } from '../unit/export/ooxml';
import { expect, test } from './fixtures';
import { api, completeLetter, OFFICE, reopen, seedAddressBook, sendLetter } from './harness/seed';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
/**
 * An address book with the Mayor as the only signatory and, if asked, a complete letter to DAC Taylor sent on
 * 17 March 2022 whose body names its reply-by date (14 days: 31 March 2022).
 */
async function seed(page: Page, opts: { sent: boolean; replied?: boolean }) {
  const people = await seedAddressBook(page);
  let id: string | null = null;
  if (opts.sent) {
    const { letter } = await completeLetter(page, people, {
      content: { body: [{ type: 'paragraph', runs: [{ text: 'We ask for a written action plan, and for your reply by {{deadline.date}}.' }] }] },
    });
    id = letter.id;
    await sendLetter(page, people, id, '2022-03-17');
    if (opts.replied) {
      await api(page, 'replies.create', { letterId: id, receivedDate: '2022-03-17', from: 'DAC Jane Taylor', answers: [{ commitmentId: 'c1', status: 'agreed', note: 'Plan promised by 30 April' }] });
    }
  }
  await reopen(page);
  return id;
}

const preview = (page: Page) => page.getByRole('article', { name: 'Letter preview' });

test('the notes of a template stay with the letter until dealt with, and a dismissed one is gone for good', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-17T10:00:00Z' });
  await seed(page, { sent: false });
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  await dialog.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: /Child Q|safeguarding/i }).first().click();
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-01');
  const notes = page.getByTestId('template-notes');
  await expect(notes).toContainText('Anntoinette Bramble as a signatory');
  await expect(notes).toContainText('Hackney MPs and London representatives');

  // Opened again later, the notes are still there.
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
  await expect(page.getByTestId('template-notes')).toContainText('Anntoinette Bramble');
  await page.getByRole('button', { name: 'Dismiss the note about the CC group Hackney MPs and London representatives' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  await expect(page.getByTestId('template-notes')).toContainText('Anntoinette Bramble');
  await expect(page.getByTestId('template-notes')).not.toContainText('Hackney MPs');
});

test('acknowledging a reply makes the acknowledgement with the original letter’s details filled in', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-17T10:00:00Z' });
  await seed(page, { sent: true, replied: true });
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  // The note typed against the commitment in "Record a reply" is on the letter's tracking panel.
  await expect(page.getByTestId('commitment-statuses')).toContainText('Plan promised by 30 April');
  await expect(page.getByTestId('sent-record')).toContainText('Sent on 17 March 2022 by email');
  await page.getByRole('button', { name: 'Acknowledge this reply' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-02');
  await expect(page.getByLabel('Subject')).toHaveValue('Thank you for your reply: Safeguarding review');
  const body = preview(page).locator('[data-part="body"]');
  await expect(body).toContainText('our letter of 17 March 2022 (our reference MCO220317-01)');
  await expect(body).toContainText('“Safeguarding review”');
  await expect(preview(page)).not.toContainText('{{original');

  // In the register, the subject is filled in too, and the first letter shows as replied.
  await nav(page, 'Letters').click();
  await expect(page.getByRole('row').filter({ hasText: 'MCO220317-02' })).toContainText('Thank you for your reply: Safeguarding review');
  await expect(page.getByRole('row').filter({ hasText: 'MCO220317-01' }).getByTestId('reply-standing')).toHaveText('Replied');
});

test('following a new chaser’s thread to the original and back opens each letter', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  await seed(page, { sent: true });
  await desk.restart({ now: '2022-04-05T10:00:00Z' });
  await nav(page, 'Letters').click();
  await expect(page.getByRole('row').filter({ hasText: 'MCO220317-01' }).getByTestId('reply-standing')).toHaveText('Overdue');
  await page.getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await page.getByRole('button', { name: 'Create chaser' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220405-01');
  await expect(page.getByLabel('Subject')).toHaveValue('Reminder: Safeguarding review');
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await page.getByTestId('thread').getByRole('button', { name: 'Letter MCO220317-01' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-01');
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await page.getByTestId('thread').getByRole('button', { name: 'Chaser MCO220405-01' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220405-01');
  await expect(page.getByLabel('Subject')).toHaveValue('Reminder: Safeguarding review');
});

test('a sent letter’s preview is the exported letter, after the office moves and the deadline is extended', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  const id = await seed(page, { sent: true });
  await api(page, 'settings.saveOffice', { ...OFFICE, addressLines: ['1 New Street', 'London E8 2AA'] });
  await api(page, 'letters.changeDeadline', { id: id!, change: { kind: 'extension', days: 7, dayKind: 'calendar', reason: 'The DAC asked for another week' } });
  await reopen(page);
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
  // As sent: the old letterhead and the reply-by date the recipient read.
  await expect(preview(page)).toContainText('Hackney Town Hall');
  await expect(preview(page)).not.toContainText('1 New Street');
  await expect(preview(page).locator('[data-part="body"]')).toContainText('your reply by 31 March 2022');

  const folder = resolve(import.meta.dirname, '../../test-results/exports/sent-preview');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await desk.answerDialogsWith(folder);
  await page.getByRole('button', { name: 'Export as Word' }).click();
  await expect(page.getByText(/^Saved as /)).toBeVisible();
  const [file] = await readdir(folder);
  const docx = openDocx(await readFile(join(folder, file!)));
  const parts = Object.keys(docx.files).filter((p) => /^word\/(document|header\d*)\.xml$/.test(p));
  const docxText = parts.flatMap((p) => paragraphs(docx.xml(p)).map((x) => x.text)).join('\n').replace(/\s+/g, ' ');
  const previewLines = (await preview(page).innerText()).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const line of previewLines) expect(docxText, `the DOCX has the preview's line “${line}”`).toContain(line);
  expect(docxText).not.toContain('1 New Street');
});

test('moving a letter to the bin asks first, and can be undone', async ({ desk }) => {
  const { page } = desk;
  await seed(page, { sent: false });
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  await page.getByRole('dialog', { name: 'New letter' }).getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText(/^MCO/);
  const reference = await page.getByTestId('letter-reference').innerText();
  await page.getByRole('button', { name: 'Move to bin' }).click();
  const confirm = page.getByRole('dialog', { name: `Move ${reference} to the bin?` });
  await confirm.getByRole('button', { name: 'Keep the letter' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('letter-reference')).toHaveText(reference);
  await page.getByRole('button', { name: 'Move to bin' }).click();
  await confirm.getByRole('button', { name: 'Move to bin' }).click();
  await expect(page.getByText(`${reference} moved to the bin`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(0);
  await page.getByTestId('undo-bin').click();
  await expect(page.getByTestId('letter-reference')).toHaveText(reference);
  await nav(page, 'Letters').click();
  await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(1);
});

test('changing the deadline rule: the preview always shows the date that will be exported', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-01T10:00:00Z' });
  await seed(page, { sent: false });
  const made = await api(page, 'letters.create', { letterDate: '2022-03-01' });
  const id = made.letter.id;
  await api(page, 'letters.update', { id, content: { ...made.letter, subject: 'Deadline check', body: [{ type: 'paragraph', runs: [{ text: 'Please reply by {{deadline.date}}.' }] }] } });
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: 'Deadline check' }).click();
  const body = preview(page).locator('[data-part="body"]');
  await page.getByText('Days after sending').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // 14 calendar days from 1 March 2022.
  await expect(page.getByTestId('deadline-explained')).toContainText('Reply by 15 March 2022');
  await expect(body).toContainText('Please reply by 15 March 2022.');
  await page.getByRole('textbox', { name: 'Days' }).fill('12');
  await page.getByRole('combobox', { name: 'Counting' }).click();
  await page.getByRole('option', { name: 'working days' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // 12 working days from Tuesday 1 March, skipping two weekends.
  await expect(page.getByTestId('deadline-explained')).toContainText('Reply by 17 March 2022');
  await expect(body).toContainText('Please reply by 17 March 2022.');
  expect((await api(page, 'letters.get', { id })).letter.deadlineDate).toBe('2022-03-17');
});
