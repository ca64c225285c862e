import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** A form field by its label, whether or not the label carries the required-field asterisk. */
const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
const drawer = (page: Page) => page.getByRole('dialog');
const rows = (page: Page, table: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell') });

async function fillOrganisation(page: Page) {
  await section(page, 'Organisations').click();
  await page.getByRole('button', { name: 'New organisation' }).click();
  const d = drawer(page);
  await field(d, 'Name').fill('Metropolitan Police Service');
  await field(d, 'Short name').fill('MPS');
  await field(d, 'Address').fill('New Scotland Yard\nVictoria Embankment\nLondon\nSW1A 2JL');
  await field(d, 'Email').fill('correspondence@met.police.uk');
  await field(d, 'Telephone').fill('020 7230 1212');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toBeHidden();
  await expect(rows(page, 'Organisations')).toHaveCount(1);
  await expect(rows(page, 'Organisations').first()).toContainText('New Scotland Yard, Victoria Embankment');
}

async function createContacts(page: Page, names: [string, string, string][]) {
  // Set-up only: the people a CC group is built from, created through the same API the forms use.
  await page.evaluate(async (list) => {
    for (const [honorific, givenName, familyName] of list) {
      const r = await window.desk['contacts.create']({ honorific, givenName, familyName, role: `${familyName} role` });
      if (!r.ok) throw new Error(r.error);
    }
  }, names);
}

test('an organisation and a contact with every field, edited, searched, and kept after a restart', async ({ desk }) => {
  const { page } = desk;
  await fillOrganisation(page);

  await section(page, 'Contacts').click();
  await page.getByRole('button', { name: 'New contact' }).click();
  const d = drawer(page);
  await field(d, 'Rank or honorific').fill('DAC');
  await field(d, 'Given name').fill('Jane');
  await field(d, 'Family name').fill('Taylor');
  await field(d, 'Post-nominals').fill('QPM');
  await field(d, 'Role').fill('Deputy Assistant Commissioner, Frontline Policing');
  await field(d, 'Organisation').click();
  await page.getByRole('option', { name: 'Metropolitan Police Service (MPS)' }).click();
  await d.getByRole('button', { name: 'Use MPS’s address' }).click();
  await expect(field(d, 'Postal address')).toHaveValue('New Scotland Yard\nVictoria Embankment\nLondon\nSW1A 2JL');
  await field(d, 'Telephone').fill('020 7230 1212');
  await expect(field(d, 'Salutation')).toHaveValue('Dear DAC Taylor');

  // A bad email is refused with a clear message, and nothing typed is lost.
  await field(d, 'Email').fill('jane.taylor at met');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d.getByText('Enter an email address like name@example.gov.uk.')).toBeVisible();
  await expect(d.getByRole('alert')).toContainText('Nothing has been saved yet');
  await expect(field(d, 'Given name')).toHaveValue('Jane');
  await field(d, 'Email').fill('jane.taylor@met.police.uk');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toBeHidden();

  const contacts = rows(page, 'Contacts');
  await expect(contacts).toHaveCount(1);
  await expect(contacts.first()).toContainText('DAC Jane Taylor QPM');
  await expect(contacts.first()).toContainText('MPS');

  // Edit: a new role, and a salutation of the officer's own that later name edits must not overwrite.
  await contacts.first().click();
  await field(d, 'Role').fill('Deputy Assistant Commissioner, Met Operations');
  await field(d, 'Salutation').fill('Dear Jane');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toBeHidden();
  await expect(contacts.first()).toContainText('Met Operations');

  // Search: every word must match, across name, role and organisation.
  const search = page.getByRole('textbox', { name: 'Search contacts' });
  await search.fill('taylor mps');
  await expect(contacts).toHaveCount(1);
  await search.fill('taylor iopc');
  await expect(contacts).toHaveCount(0);
  await expect(page.getByText('No contact matches that search.')).toBeVisible();
  await search.fill('operations');
  await expect(contacts).toHaveCount(1);

  await desk.restart();
  await section(page, 'Contacts').click();
  await expect(rows(page, 'Contacts').first()).toContainText('DAC Jane Taylor QPM');
  await rows(page, 'Contacts').first().click();
  await expect(field(d, 'Salutation')).toHaveValue('Dear Jane');
  await expect(field(d, 'Email')).toHaveValue('jane.taylor@met.police.uk');
  await expect(field(d, 'Role')).toHaveValue('Deputy Assistant Commissioner, Met Operations');
  await expect(field(d, 'Postal address')).toHaveValue('New Scotland Yard\nVictoria Embankment\nLondon\nSW1A 2JL');
  await expect(field(d, 'Organisation')).toHaveValue('Metropolitan Police Service (MPS)');
});

test('a CC group of five, reordered, and a signatory with two title lines, kept after a restart', async ({ desk }) => {
  const { page } = desk;
  await createContacts(page, [
    ['Rt Hon', 'Diane', 'Abbott'],
    ['', 'Meg', 'Hillier'],
    ['', 'Unmesh', 'Desai'],
    ['Sir', 'Sadiq', 'Khan'],
    ['', 'Sophie', 'Linden'],
  ]);
  await section(page, 'CC groups').click();
  await page.getByRole('button', { name: 'New CC group' }).click();
  const d = drawer(page);
  await field(d, 'Name').fill('Hackney MPs and London representatives');
  for (const name of ['Diane Abbott', 'Meg Hillier', 'Unmesh Desai', 'Sadiq Khan', 'Sophie Linden']) {
    await field(d, 'Add a person').fill(name.split(' ')[1]!);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  const members = d.getByRole('list', { name: 'Group members' }).getByRole('listitem');
  await expect(members).toHaveCount(5);
  // The Mayor of London first, the Deputy Mayor second: move them up.
  await d.getByRole('button', { name: 'Move Sir Sadiq Khan up' }).click();
  await d.getByRole('button', { name: 'Move Sir Sadiq Khan up' }).click();
  await d.getByRole('button', { name: 'Move Sir Sadiq Khan up' }).click();
  await d.getByRole('button', { name: 'Move Sophie Linden up' }).click();
  await d.getByRole('button', { name: 'Move Sophie Linden up' }).click();
  await d.getByRole('button', { name: 'Move Sophie Linden up' }).click();
  await d.getByRole('button', { name: 'Move Meg Hillier down' }).click();
  const expected = ['Sir Sadiq Khan', 'Sophie Linden', 'Rt Hon Diane Abbott', 'Unmesh Desai', 'Meg Hillier'];
  for (const [i, name] of expected.entries()) await expect(members.nth(i)).toContainText(`${i + 1}. ${name}`);
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toBeHidden();
  await expect(rows(page, 'CC groups').first()).toContainText('Sir Sadiq Khan, Sophie Linden, Rt Hon Diane Abbott, Unmesh Desai, Meg Hillier');

  await section(page, 'Signatories').click();
  await page.getByRole('button', { name: 'New signatory' }).click();
  await field(d, 'Name').fill('Anntoinette Bramble');
  await field(d, 'Title lines').fill('Deputy Mayor of Hackney and\nCabinet Member for Education, Young People and Children’s Social Care');
  await field(d, 'Email').fill('deputy.mayor@hackney.gov.uk');
  await d.getByRole('button', { name: 'Save' }).click();
  await expect(d).toBeHidden();
  await expect(rows(page, 'Signatories').first()).toContainText(
    'Deputy Mayor of Hackney and / Cabinet Member for Education, Young People and Children’s Social Care',
  );

  await desk.restart();
  await section(page, 'CC groups').click();
  await rows(page, 'CC groups').first().click();
  for (const [i, name] of expected.entries()) await expect(members.nth(i)).toContainText(`${i + 1}. ${name}`);
  await page.keyboard.press('Escape');
  await section(page, 'Signatories').click();
  await rows(page, 'Signatories').first().click();
  await expect(field(d, 'Title lines')).toHaveValue(
    'Deputy Mayor of Hackney and\nCabinet Member for Education, Young People and Children’s Social Care',
  );
});

test('archiving keeps a record but hides it until asked for', async ({ desk }) => {
  const { page } = desk;
  await fillOrganisation(page);
  await rows(page, 'Organisations').first().click();
  await drawer(page).getByRole('button', { name: 'Archive' }).click();
  await expect(rows(page, 'Organisations')).toHaveCount(0);
  await field(page, 'Show archived').check();
  await expect(rows(page, 'Organisations')).toHaveCount(1);
  await expect(rows(page, 'Organisations').first()).toContainText('Archived');
});

test('closing a form with unsaved changes asks before discarding them', async ({ desk }) => {
  const { page } = desk;
  await section(page, 'Organisations').click();
  await page.getByRole('button', { name: 'New organisation' }).click();
  await field(drawer(page), 'Name').fill('Independent Office for Police Conduct');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Discard your changes?')).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(field(drawer(page), 'Name')).toHaveValue('Independent Office for Police Conduct');
});
