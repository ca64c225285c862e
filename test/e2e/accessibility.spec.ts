import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, completeLetter, reopen, seedAddressBook } from './harness/seed';

/**
 * An axe scan of the screens that show the checks and notes an officer relies on before a letter goes out
 * (template notes, the date fields and their refusals, the pre-send check, the sent record, the reply
 * column). Critical and serious problems fail the test; what remains elsewhere in the app is issue 13's.
 */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

async function expectNoSeriousProblems(page: Page, where: string, include?: string) {
  // A drawer or modal still fading in has blended colours; axe would measure contrast mid-transition.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  const serious = violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

test('no critical or serious accessibility problems where letters are checked before they go out', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-17T10:00:00Z' });
  const people = await seedAddressBook(page, { mayorHonorific: 'Mayor' });
  await api(page, 'letters.create', { templateId: 'safeguarding-action-plan', contactId: people.taylor.id });
  const { letter } = await completeLetter(page, people);
  await api(page, 'letters.markSent', { id: letter.id, date: '2022-03-17', method: 'email', overrideReason: 'Signed on paper at the meeting' });
  await api(page, 'replies.create', { letterId: letter.id, receivedDate: '2022-03-17', from: 'DAC Jane Taylor', answers: [{ commitmentId: 'c1', status: 'agreed', note: 'Plan promised by 30 April' }] });
  await reopen(page);

  await nav(page, 'Letters').click();
  await expect(page.getByTestId('reply-standing')).toHaveText('Replied');
  await expectNoSeriousProblems(page, 'the letters register');

  // The letter made from a template, with its notes, a refused date and a refused number of days.
  await page.getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
  await expect(page.getByTestId('template-notes')).toBeVisible();
  await page.getByRole('textbox', { name: 'Letter date' }).fill('31/02/2022');
  await expect(page.getByText('There is no 31 February 2022.')).toBeVisible();
  await expectNoSeriousProblems(page, 'the letter editor with a refused date');
  await page.getByRole('textbox', { name: 'Letter date' }).fill('17/03/2022');
  await page.getByRole('textbox', { name: 'Letter date' }).press('Enter');

  // The pre-send check, listing what is missing.
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const dialog = page.getByRole('dialog', { name: /as sent$/ });
  await expect(dialog.getByTestId('readiness-problems')).toBeVisible();
  await expectNoSeriousProblems(page, 'the “Mark as sent” check', '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A sent and answered letter: the sent record, the notes on its commitments and the thread.
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: 'MCO220317-02' }).click();
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await expect(page.getByTestId('sent-record')).toContainText('Signed on paper at the meeting');
  await expect(page.getByTestId('commitment-history')).toContainText('Plan promised by 30 April');
  await expectNoSeriousProblems(page, 'the tracking panel of a sent letter');

  // The signatory form, with the new honorific field.
  await nav(page, 'Signatories').click();
  await page.getByRole('row').filter({ hasText: 'Mayor Philip Glanville' }).click();
  await expect(page.getByRole('textbox', { name: /Honorific/ })).toHaveValue('Mayor');
  await expectNoSeriousProblems(page, 'the signatory form');
});

test('no critical or serious accessibility problems in the history and in Settings (this PC, backups)', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-17T10:00:00Z' });
  const people = await seedAddressBook(page);
  const { letter } = await completeLetter(page, people);
  await api(page, 'backups.backupNow', {});
  await reopen(page);

  await nav(page, 'History').click();
  await expect(page.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: 'Metropolitan Police Service' })).toBeVisible();
  await expectNoSeriousProblems(page, 'the History page');

  await page.evaluate((id) => (window.location.hash = `#/letters/${id}`), letter.id);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History of this letter' })).toBeVisible();
  await expectNoSeriousProblems(page, 'a letter’s History tab');

  await nav(page, 'Settings').click();
  await page.getByRole('button', { name: /Restore the backup of/ }).first().click();
  await expect(page.getByTestId('restore-preview')).toBeVisible();
  await expectNoSeriousProblems(page, 'Settings, with a restore about to be confirmed');
});
