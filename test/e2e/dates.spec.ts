import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, completeLetter, reopen, seedAddressBook } from './harness/seed';

/**
 * Dates typed as a British officer types them, into every kind of date field, and what was saved. The app's
 * clock is 25 March 2027, so every date below is in the past where the service requires it.
 */
const NOW = '2027-03-25T10:00:00Z';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
const dateBox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

interface Seeded {
  draftId: string;
  completeId: string;
  marchIds: string[];
}

/** The Mayor as signatory, DAC Taylor as recipient, a bare draft, a complete letter ready to sign, and two more. */
async function seed(page: Page): Promise<Seeded> {
  const people = await seedAddressBook(page);
  const draft = await api(page, 'letters.create', { contactId: people.taylor.id, letterDate: '2027-03-01' });
  const complete = await completeLetter(page, people, { letterDate: '2027-03-10' });
  const marchIds: string[] = [];
  for (const letterDate of ['2027-03-05', '2027-03-20']) marchIds.push((await api(page, 'letters.create', { contactId: people.taylor.id, letterDate })).letter.id);
  await reopen(page);
  return { draftId: draft.letter.id, completeId: complete.letter.id, marchIds };
}

/** The letter as main has it now. */
async function stored(page: Page, id: string) {
  return api(page, 'letters.get', { id });
}

async function openLetter(page: Page, id: string) {
  await page.evaluate((letterId) => {
    window.location.hash = `#/letters/${letterId}`;
  }, id);
  await expect(page.getByTestId('letter-reference')).toBeVisible();
}

/** An impossible date is refused under the field, stays as typed after leaving it, and is marked invalid. */
async function expectRefused(field: Locator, typed: string, message: string) {
  await field.fill(typed);
  await field.blur();
  await expect(field).toHaveValue(typed);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.?]/g, '\\$&')));
}

test('the letter editor reads dates day first, says what it understood, and never saves an impossible one', async ({ launch }) => {
  const { page } = await launch({ now: NOW });
  const { draftId } = await seed(page);
  await openLetter(page, draftId);
  const saved = async () => (await stored(page, draftId)).letter;

  // Letter date: what it understood shows while typing; leaving the field saves it and writes it out in full.
  const letterDate = dateBox(page, 'Letter date');
  await letterDate.fill('17/3/27');
  await expect(letterDate).toHaveAccessibleDescription('Wednesday 17 March 2027');
  await expect(letterDate).not.toHaveAttribute('aria-invalid', 'true');
  await letterDate.press('Tab');
  await expect(letterDate).toHaveValue('17 March 2027');
  await expect.poll(async () => (await saved()).letterDate).toBe('2027-03-17');

  await expectRefused(letterDate, '31/02/2027', 'There is no 31 February 2027.');
  await expect(page.getByText('There is no 31 February 2027.')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect((await saved()).letterDate).toBe('2027-03-17');

  // 3 April, not 4 March.
  await letterDate.fill('03/04/2027');
  await expect(letterDate).toHaveAccessibleDescription('Saturday 3 April 2027');
  await letterDate.press('Enter');
  await expect(letterDate).toHaveValue('3 April 2027');
  await expect.poll(async () => (await saved()).letterDate).toBe('2027-04-03');

  // Signatures needed by: optional, so clearing it saves no date.
  const signBy = dateBox(page, 'Signatures needed by');
  await signBy.fill('9.4.2027');
  await signBy.press('Tab');
  await expect(signBy).toHaveValue('9 April 2027');
  await expect.poll(async () => (await saved()).signByDate).toBe('2027-04-09');
  await signBy.fill('');
  await signBy.press('Tab');
  await expect.poll(async () => (await saved()).signByDate).toBeNull();

  // Reply by, typed as a date.
  await page.getByText('A date', { exact: true }).click();
  const replyBy = dateBox(page, 'Reply by');
  await replyBy.fill('Friday 23 April 2027');
  await replyBy.press('Tab');
  await expect(replyBy).toHaveValue('23 April 2027');
  await expect.poll(async () => (await saved()).deadlineManualDate).toBe('2027-04-23');
  await expect(page.getByTestId('deadline-explained')).toContainText('23 April 2027');
  await expectRefused(replyBy, 'Thursday 23 April 2027', '23 April 2027 is a Friday, not a Thursday.');
  expect((await saved()).deadlineManualDate).toBe('2027-04-23');

  // Days after sending: 20 working days, and no number the rule does not allow.
  await page.getByText('Days after sending', { exact: true }).click();
  const days = dateBox(page, 'Days');
  await expect(days).toHaveValue('14');
  await page.getByRole('combobox', { name: 'Counting' }).click();
  await page.getByRole('option', { name: 'working days' }).click();
  await days.fill('20');
  await expect.poll(async () => (await saved()).deadlineRule).toEqual({ kind: 'working', days: 20 });
  for (const bad of ['-3', '0', '1000']) {
    await days.fill(bad);
    await days.blur();
    await expect(days).toHaveValue(bad);
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(days).toHaveAccessibleDescription('Enter a whole number of days from 1 to 366.');
  }
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect((await saved()).deadlineRule).toEqual({ kind: 'working', days: 20 });

  // Trying a date and coming back keeps both the rule and the date.
  await page.getByText('A date', { exact: true }).click();
  await expect(replyBy).toHaveValue('23 April 2027');
  await expect.poll(async () => (await saved()).deadlineManualDate).toBe('2027-04-23');
  await page.getByText('Days after sending', { exact: true }).click();
  await expect(days).toHaveValue('20');
  await expect(page.getByRole('combobox', { name: 'Counting' })).toHaveValue('working days');
  await expect.poll(async () => (await saved()).deadlineRule).toEqual({ kind: 'working', days: 20 });
  await page.getByText('None', { exact: true }).click();
  await expect.poll(async () => (await saved()).deadlineRule).toBeNull();
  await page.getByText('Days after sending', { exact: true }).click();
  await expect.poll(async () => (await saved()).deadlineRule).toEqual({ kind: 'working', days: 20 });

  // A commitment's own due date.
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  await page.getByLabel('Commitment 1', { exact: true }).fill('A written and public action plan');
  const due = dateBox(page, 'Commitment 1: due');
  await due.fill('1/5/27');
  await due.press('Tab');
  await expect(due).toHaveValue('1 May 2027');
  await expect.poll(async () => (await saved()).commitments[0]?.dueDate).toBe('2027-05-01');

  // After a reload the saved dates come back written out.
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  await expect(dateBox(page, 'Letter date')).toHaveValue('3 April 2027');
  await expect(dateBox(page, 'Commitment 1: due')).toHaveValue('1 May 2027');
});

test('signed on, sent on, received, a new deadline and a commitment’s date: typed, then saved straight away', async ({ launch }) => {
  const { page } = await launch({ now: NOW });
  const { completeId } = await seed(page);
  await openLetter(page, completeId);
  await page.getByRole('tab', { name: /replies and commitments/ }).click();

  // Signed on: refused while impossible (Save is held), then typed and saved with one click.
  await page.getByTestId('signoff-table').getByRole('row').filter({ hasText: 'Philip Glanville' }).getByRole('button', { name: 'Signed' }).click();
  const sign = page.getByRole('dialog', { name: 'Philip Glanville has signed' });
  const signedOn = dateBox(sign, 'Signed on');
  await expect(signedOn).toHaveValue('25 March 2027');
  await expectRefused(signedOn, '31/02/2027', 'There is no 31 February 2027.');
  await expect(sign.getByRole('button', { name: 'Save' })).toBeDisabled();
  await signedOn.fill('16/3/2027');
  await sign.getByRole('button', { name: 'Save' }).click();
  await expect(sign).toBeHidden();
  await expect(page.getByTestId('signoff-table')).toContainText('Signed 16 March 2027');
  expect((await stored(page, completeId)).letter.signoffs.map((s) => (s.state === 'signed' ? s.date : null))).toEqual(['2027-03-16']);

  // Sent on.
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const send = page.getByRole('dialog', { name: /as sent$/ });
  await dateBox(send, 'Sent on').fill('17 Mar 2027');
  await send.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(send).toBeHidden();
  await expect(page.getByTestId('letter-status')).toHaveText('Sent');
  expect((await stored(page, completeId)).letter.sentDate).toBe('2027-03-17');

  // Received.
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await page.getByRole('button', { name: 'Record a reply' }).click();
  const reply = page.getByRole('dialog', { name: /Record a reply/ });
  const received = dateBox(reply, 'Received');
  await expectRefused(received, '03/17/2027', 'There is no month 17. Dates are read day first: did you mean 17 March 2027?');
  await expect(reply.getByRole('button', { name: 'Save reply' })).toBeDisabled();
  await received.fill('20/03/27');
  await reply.getByRole('button', { name: 'Save reply' }).click();
  await expect(reply).toBeHidden();
  expect((await stored(page, completeId)).replies.map((r) => r.receivedDate)).toEqual(['2027-03-20']);

  // A new deadline, set by hand.
  await page.getByRole('button', { name: 'Extend or change' }).click();
  const change = page.getByRole('dialog', { name: 'Change the reply deadline' });
  await change.getByText('Set a date', { exact: true }).click();
  const newDeadline = dateBox(change, 'New deadline');
  await expect(change.getByRole('button', { name: 'Save deadline' })).toBeDisabled();
  await expectRefused(newDeadline, '29/02/2027', '2027 is not a leap year, so there is no 29 February 2027.');
  await newDeadline.fill('30 April 2027');
  await change.getByLabel(/Reason/).fill('The DAC asked for more time');
  await change.getByRole('button', { name: 'Save deadline' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText('Deadline 30 April 2027')).toBeVisible();
  expect((await stored(page, completeId)).letter.deadlineDate).toBe('2027-04-30');

  // The date of a commitment's new status.
  await page.getByTestId('commitment-statuses').getByRole('button', { name: 'Update' }).click();
  const status = page.getByRole('dialog', { name: 'Update a commitment' });
  await status.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Agreed', exact: true }).click();
  await dateBox(status, 'Date').fill('21.03.2027');
  await status.getByRole('button', { name: 'Save' }).click();
  await expect(status).toBeHidden();
  expect((await stored(page, completeId)).letter.commitments[0]?.history.at(-1)).toMatchObject({ status: 'agreed', date: '2027-03-21' });
});

test('an extra bank holiday, a new letter’s date and the register’s date filters', async ({ launch }) => {
  const { page } = await launch({ now: NOW });
  const { marchIds } = await seed(page);

  // An extra bank holiday.
  await nav(page, 'Settings').click();
  const holiday = dateBox(page, 'Extra holiday date');
  await page.getByRole('textbox', { name: 'Extra holiday name' }).fill('State funeral');
  await expectRefused(holiday, '31/04/2027', 'There is no 31 April 2027: April has 30 days.');
  await expect(page.getByRole('button', { name: 'Add holiday' })).toBeDisabled();
  await holiday.fill('7/5/27');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.getByText('7 May 2027: State funeral')).toBeVisible();
  await expect(holiday).toHaveValue('');
  await page.getByRole('button', { name: 'Save deadline settings' }).click();
  await expect(page.getByTestId('changed-deadlines')).toBeVisible();
  const prefs = await page.evaluate(async () => {
    const r = await window.desk['settings.getPreferences']({});
    if (!r.ok) throw new Error(r.error);
    return r.value.preferences.deadlines.added;
  });
  expect(prefs).toEqual([{ date: '2027-05-07', name: 'State funeral' }]);

  // The date of a new letter: 3 April, not 4 March.
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  await dialog.getByRole('combobox', { name: 'To' }).fill('Taylor');
  await page.getByRole('option', { name: /DAC Jane Taylor/ }).click();
  const newDate = dateBox(dialog, 'Letter date');
  await expectRefused(newDate, '32/01/2027', 'There is no 32 January 2027.');
  await expect(dialog.getByRole('button', { name: 'Create letter' })).toBeDisabled();
  await newDate.fill('03/04/2027');
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO270403-01');
  await expect(dateBox(page, 'Letter date')).toHaveValue('3 April 2027');

  // The register between two typed dates: only the letter of 20 March.
  await nav(page, 'Letters').click();
  const table = page.getByRole('table', { name: 'Letters' });
  await expect(table.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(5);
  const from = dateBox(page, 'From');
  await expectRefused(from, '31/02/2027', 'There is no 31 February 2027.');
  await expect(table.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(5);
  await from.fill('15/03/2027');
  await from.press('Enter');
  await expect(from).toHaveValue('15 March 2027');
  const to = dateBox(page, 'To');
  await to.fill('31/3/27');
  await to.press('Tab');
  await expect(to).toHaveValue('31 March 2027');
  const twentieth = (await stored(page, marchIds[1]!)).letter.reference;
  await expect(table.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
  await expect(table).toContainText(twentieth);
  await expect(table).toContainText('20 March 2027');
});

test('the calendar button picks a date by mouse, and says what it is for', async ({ launch }) => {
  const { page } = await launch({ now: NOW });
  const { draftId } = await seed(page);
  await openLetter(page, draftId);
  // Opened on the month of the date typed so far.
  const signBy = dateBox(page, 'Signatures needed by');
  await signBy.fill('17/03/2027');
  await page.getByRole('button', { name: 'Choose Signatures needed by from a calendar' }).click();
  const calendar = page.getByRole('dialog', { name: 'Choose Signatures needed by from a calendar' });
  await expect(calendar).toBeVisible();
  await calendar.getByRole('button', { name: '18 March 2027' }).click();
  await expect(calendar).toBeHidden();
  await expect(signBy).toHaveValue('18 March 2027');
  await expect.poll(async () => (await stored(page, draftId)).letter.signByDate).toBe('2027-03-18');
});
