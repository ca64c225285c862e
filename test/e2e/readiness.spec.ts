import { mkdir, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { completeLetter, reopen, seedAddressBook } from './harness/seed';

/** Nothing incomplete goes out (issue 9, item 2): the pre-send check as an officer meets it. */
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

async function exportFolder(name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, '../../test-results/exports', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The office, DAC Taylor and the Mayor; then letters to her, each the complete one with the given changes. */
async function seed(page: Page, letters: { subject?: string; signatory?: boolean }[]): Promise<string[]> {
  const people = await seedAddressBook(page);
  const refs: string[] = [];
  for (const w of letters) {
    const { letter } = await completeLetter(page, people, {
      content: {
        subject: w.subject ?? 'Safeguarding review: a written action plan',
        body: [{ type: 'paragraph', runs: [{ text: 'We ask for a written and public action plan within the next fortnight.' }] }],
        ...(w.signatory === false && { signatories: [] }),
      },
    });
    refs.push(letter.reference);
  }
  await reopen(page);
  return refs;
}

test('a blank letter is refused at “Mark as sent”, with every problem listed in one place', async ({ launch }) => {
  const { page } = await launch({ now: '2022-03-17T10:00:00Z' });
  await seed(page, []);
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  await page.getByRole('dialog', { name: 'New letter' }).getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-01');

  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark MCO220317-01 as sent' });
  const list = dialog.getByTestId('readiness-problems');
  await expect(list.getByRole('listitem')).toHaveText([
    'No recipient: choose who the letter is to.',
    'No subject: add a subject heading.',
    'The body is empty: write the letter.',
    'No signatory: add at least one signatory.',
  ]);
  // Refused until the officer says why it should go as it is.
  await expect(dialog.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  await dialog.getByLabel('Reason for sending anyway').fill('   ');
  await expect(dialog.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Draft');

  // A placeholder nothing can fill would be printed as it stands: listed, and no reason gets it through.
  await page.getByLabel('Subject').fill('Reminder: {{original.subject}}');
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(dialog.getByTestId('readiness-problems')).toContainText('The subject still has {{original.subject}}: it would be printed as it stands.');
  await expect(dialog.getByText('Must be put right: no reason can let this through.')).toBeVisible();
  await expect(dialog.getByLabel('Reason for sending anyway')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Draft');
});

test('a batch export skips the letter with an unfilled placeholder and says so; so does its signatory pack', async ({ desk }) => {
  const { page } = desk;
  const [good, blocked] = await seed(page, [{}, { subject: 'Reminder: {{original.subject}}' }]);
  const folder = await exportFolder('readiness-batch');
  await desk.answerDialogsWith(folder);
  await nav(page, 'Letters').click();
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Export 2 as Word documents' }).click();
  const modal = page.getByTestId('batch-export');
  await expect(modal).toContainText('Finished. 2 of 2 letters done: 1 saved, 1 skipped, 0 failed.');
  const skipped = modal.getByTestId('batch-skipped');
  await expect(skipped).toContainText(blocked!);
  await expect(skipped).toContainText('The subject still has {{original.subject}}: it would be printed as it stands.');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  expect(await readdir(folder)).toEqual([`${good} Safeguarding review a written action plan.docx`]);

  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Signatory packs (2)' }).click();
  await expect(page.locator('[data-print-ready]')).toBeVisible();
  await expect(page.getByTestId('pack-skipped')).toContainText(blocked!);
  await expect(page.getByTestId('pack-letter')).toHaveCount(1);
  await expect(page.getByTestId('pack-letter')).toContainText(good!);
});

test('a warning passed with a reason: the reason is asked for, kept on the letter, and shown when it is sent', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  const [ref] = await seed(page, [{ signatory: false }]);
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: ref! }).click();

  await page.getByRole('button', { name: 'Send for signature' }).click();
  const check = page.getByRole('dialog', { name: `Before ${ref} is sent for signature` });
  await expect(check.getByTestId('readiness-problems').getByRole('listitem')).toHaveText(['No signatory: add at least one signatory.']);
  const go = check.getByRole('button', { name: 'Send for signature anyway' });
  await expect(go).toBeDisabled();
  const reason = 'The Chief of Staff signs for the office while the Mayor is away';
  await check.getByLabel('Reason to send it for signature anyway').fill(reason);
  await go.click();
  await expect(page.getByTestId('letter-status')).toHaveText('Awaiting signature');

  await page.getByRole('tab', { name: /Sign-off/ }).click();
  await expect(page.getByTestId('readiness-overrides')).toContainText(reason);
  await expect(page.getByTestId('readiness-overrides')).toContainText('No signatory: add at least one signatory.');

  // Kept: after a restart, and the same warning needs no second reason when the letter is sent.
  await desk.restart();
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: ref! }).click();
  await page.getByRole('tab', { name: /Sign-off/ }).click();
  await expect(page.getByTestId('readiness-overrides')).toContainText(reason);
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const send = page.getByRole('dialog', { name: `Mark ${ref} as sent` });
  await expect(send.getByTestId('readiness-overridden')).toContainText(`“${reason}”`);
  await expect(send.getByLabel('Reason for sending anyway')).toHaveCount(0);
  await send.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Sent');
});
