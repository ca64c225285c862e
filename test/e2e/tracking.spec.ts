import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
const COMMITMENTS = [
  'A written and public action plan',
  'A meeting with us to discuss that plan',
  'An assurance that those officers will not be deployed in schools',
  'Quarterly data on strip searches of children in Hackney',
];

async function seed(page: Page) {
  await page.evaluate(async () => {
    const must = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: string }>) => {
      const r = await p;
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const d = window.desk;
    await must(d['settings.saveOffice']({ officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' }));
    const mps = await must(d['organisations.create']({ name: 'Metropolitan Police Service', shortName: 'MPS' }));
    await must(d['contacts.create']({ honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: mps.id }));
    await must(d['signatories.create']({ name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] }));
  });
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
}

async function markSent(page: Page) {
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const dialog = page.getByRole('dialog', { name: /as sent$/ });
  // Neither letter has a signatory (and the first no body): the pre-send check asks why they go as they are.
  await dialog.getByLabel('Reason for sending anyway').fill('Only the tracking is under test here');
  await dialog.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('letter-status')).toHaveText('Sent');
}

async function expectStatuses(page: Page, expected: [string, string][]) {
  await nav(page, 'Commitments').click();
  const table = page.getByRole('table', { name: 'Commitments' });
  for (const [text, status] of expected) {
    await expect(table.getByRole('row').filter({ hasText: text })).toContainText(status);
  }
  await expect(table.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(expected.length);
}

test('ask for four commitments, pass the deadline, chase, record a reply, and keep it all after a restart', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  await seed(page);

  // A letter asking for four commitments within 14 days.
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  await dialog.getByRole('combobox', { name: 'To' }).fill('Taylor');
  await page.getByRole('option', { name: /DAC Jane Taylor/ }).click();
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-01');
  await page.getByLabel('Subject').fill('Safeguarding review: a written action plan and assurances');
  for (const [i, text] of COMMITMENTS.entries()) {
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel(`Commitment ${i + 1}`, { exact: true }).fill(text);
  }
  await page.getByText('Days after sending').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('deadline-explained')).toContainText('31 March 2022');
  await markSent(page);

  // Past the deadline.
  await desk.restart({ now: '2022-04-05T10:00:00Z' });
  await nav(page, 'Today').click();
  const overdue = page.getByTestId('replies-overdue');
  await expect(overdue).toContainText('MCO220317-01');
  await expect(overdue).toContainText('5 days overdue');
  await expect(page.getByTestId('commitments-overdue')).toContainText('Metropolitan Police Service');

  // Chase it.
  await overdue.getByRole('link', { name: 'MCO220317-01' }).click();
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await expect(page.getByTestId('reply-state')).toHaveText('Reply overdue');
  await page.getByRole('button', { name: 'Create chaser' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220405-01');
  const preview = page.getByRole('article', { name: 'Letter preview' });
  await expect(preview).toContainText('MCO220317-01');
  await expect(preview).toContainText('17 March 2022');
  for (const text of COMMITMENTS) await expect(preview.locator('[data-part="body"]')).toContainText(text);
  await markSent(page);

  // The original is not offered for chasing again while the chaser's own deadline runs.
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await page.getByTestId('thread').getByText('Letter MCO220317-01').click();
  await expect(page.getByTestId('letter-reference')).toHaveText('MCO220317-01');
  await page.getByRole('tab', { name: /replies and commitments/ }).click();
  await expect(page.getByRole('button', { name: 'Create chaser' })).toBeDisabled();
  await expect(page.getByTestId('chase-reason')).toContainText('Chased with MCO220405-01');

  // The reply: two agreed, one declined, one left open.
  await page.getByRole('button', { name: 'Record a reply' }).click();
  const reply = page.getByRole('dialog', { name: /Record a reply/ });
  await reply.getByLabel('Their reference').fill('DAC/2022/118');
  await reply.getByLabel('Summary').fill('The DAC agrees to publish an action plan and to meet; declines to give the assurance on deployment.');
  for (const [i, answer] of ['Agreed', 'Agreed', 'Declined'].entries()) {
    await reply.getByRole('combobox', { name: `Answer to commitment ${i + 1}` }).click();
    await page.getByRole('option', { name: answer, exact: true }).click();
  }
  await reply.getByRole('button', { name: 'Save reply' }).click();
  await expect(reply).toBeHidden();
  await expect(page.getByTestId('reply-state')).toHaveText('Replied');

  const expected: [string, string][] = [
    [COMMITMENTS[0]!, 'Agreed'],
    [COMMITMENTS[1]!, 'Agreed'],
    [COMMITMENTS[2]!, 'Declined'],
    [COMMITMENTS[3]!, 'Requested'],
  ];
  const checkAll = async () => {
    await expectStatuses(page, expected);
    await expect(page.getByRole('table', { name: 'Commitments' }).getByRole('row').filter({ hasText: COMMITMENTS[3]! })).toContainText('Overdue');
    await nav(page, 'Letters').click();
    await page.getByRole('table', { name: 'Letters' }).getByRole('row').filter({ hasText: 'MCO220317-01' }).click();
    await page.getByRole('tab', { name: /replies and commitments/ }).click();
    const kinds = await page.getByTestId('thread').locator('[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['letter', 'chaser', 'reply']);
    await expect(page.getByTestId('thread')).toContainText('Reply from DAC Jane Taylor');
  };
  await checkAll();
  await desk.restart();
  await checkAll();
});
