import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, completeLetter, reopen, seedAddressBook, sendLetter } from './harness/seed';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

const NOW = '2022-03-17T10:00:00Z';

test('a letter’s History tab lists each step with the officer’s name, as set on this PC', async ({ launch }) => {
  const { page } = await launch({ now: NOW });
  const people = await seedAddressBook(page);
  await api(page, 'settings.saveThisPc', { officerName: 'Sam Okafor' });
  const { letter } = await completeLetter(page, people);
  await sendLetter(page, people, letter.id, '2022-03-17');
  await api(page, 'letters.changeDeadline', { id: letter.id, change: { kind: 'extension', days: 7, dayKind: 'calendar', reason: 'DAC Taylor asked for a week more' } });
  await reopen(page);
  await page.evaluate((id) => (window.location.hash = `#/letters/${id}`), letter.id);
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History of this letter' });
  await expect(history.getByText('Created', { exact: true })).toBeVisible();
  await expect(history.getByText('Sent', { exact: true })).toBeVisible();
  await expect(history.getByText('Deadline changed', { exact: true })).toBeVisible();
  await expect(history.getByText('Reason: DAC Taylor asked for a week more')).toBeVisible();
  await expect(history.getByText('Subject: nothing → “Safeguarding review”')).toBeVisible();
  await expect(history.getByText(/Sam Okafor/).first()).toBeVisible();
});

test('the office’s history filters by officer and exports what it shows as CSV', async ({ launch }) => {
  const desk = await launch({ now: NOW });
  const { page } = desk;
  const people = await seedAddressBook(page);
  await api(page, 'settings.saveThisPc', { officerName: 'Sam Okafor' });
  await completeLetter(page, people);
  await reopen(page);
  await nav(page, 'History').click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  const table = page.getByRole('table', { name: 'History' });
  await expect(table.getByRole('row').filter({ hasText: 'Metropolitan Police Service' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Officer' }).click();
  await page.getByRole('option', { name: 'Sam Okafor' }).click();
  await expect(page.getByText('2 changes')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Metropolitan Police Service' })).toHaveCount(0);

  const folder = await mkdtemp(join(tmpdir(), 'desk-history-csv-'));
  await desk.answerDialogsWith(folder);
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByText(/rows saved to/)).toBeVisible();
  const [file] = await readdir(folder);
  const text = (await readFile(join(folder, file!), 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe('When,Officer,Record type,Record,Action,Field,Before,After,Reason');
  expect(text).toContain('Sam Okafor');
  expect(text).not.toContain('test.officer');
});

test('the register pages through 260 letters as it scrolls, counting them all', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  for (let i = 0; i < 260; i++) await api(page, 'letters.create', { manualReference: `OLD/${String(i).padStart(3, '0')}`, letterDate: '2021-01-04' });
  await reopen(page);
  await nav(page, 'Letters').click();
  await expect(page.getByText('260 letters')).toBeVisible();
  const table = page.getByRole('table', { name: 'Letters' });
  await page.getByRole('combobox', { name: 'Sort by' }).click();
  await page.getByRole('option', { name: 'Reference' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'OLD/259' })).toBeVisible();
  // The last page arrives only when scrolled to.
  await table.locator('[class*="scroller"]').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(table.getByRole('row').filter({ hasText: 'OLD/000' })).toBeVisible();
});
