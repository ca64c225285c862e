import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

async function folder(name: string) {
  const dir = resolve(import.meta.dirname, '../../test-results/packs', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Three letters awaiting signature: one signed by four people (one with two title lines), two by the Mayor. */
async function seed(page: Page): Promise<string[]> {
  const refs = await page.evaluate(async () => {
    const must = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: string }>) => {
      const r = await p;
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const d = window.desk;
    await must(d['settings.saveOffice']({ officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' }));
    const org = await must(d['organisations.create']({ name: 'Metropolitan Police Service', shortName: 'MPS', addressLines: ['New Scotland Yard', 'London SW1A 2JL'] }));
    const c = await must(d['contacts.create']({ honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: org.id }));
    const sigs = [];
    for (const [name, titles] of [
      ['Philip Glanville', ['Mayor of Hackney']],
      ['Anntoinette Bramble', ['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care']],
      ['Susan Fajana-Thomas', ['Cabinet Member for Community Safety']],
      ['Mark Carroll', ['Chief Executive']],
    ] as const) sigs.push(await must(d['signatories.create']({ name, titleLines: [...titles] })));
    const refs: string[] = [];
    for (const [i, templateId] of (['safeguarding-action-plan', 'iopc-complaints-and-culture', 'scrutiny-written-answers'] as const).entries()) {
      const created = await must(d['letters.create']({ templateId, contactId: c.id }));
      const who = i === 0 ? sigs : [sigs[0]!];
      // As an officer would before sending for signature: the template's notes dealt with, its prompts filled in.
      const body = created.letter.body.map((b) => (b.type === 'paragraph' ? { ...b, runs: b.runs.map((r) => ({ ...r, text: r.text.replace(/\[[^\]]*\]/g, 'Tuesday 29 March 2022 at 7 pm, Hackney Town Hall') })) } : b));
      const content = { ...created.letter, body, signByDate: '2022-03-24', templateGaps: { signatories: [], ccGroup: null }, signatories: who.map((s) => ({ signatoryId: s.id, name: s.name, titleLines: s.titleLines })) };
      await must(d['letters.update']({ id: created.letter.id, content }));
      await must(d['letters.setStatus']({ id: created.letter.id, status: 'awaiting-signature' }));
      refs.push(created.letter.reference);
    }
    return refs;
  });
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  return refs;
}

const pdfText = (file: string, pageNo?: number) =>
  execFileSync('pdftotext', [...(pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

test('sign-off: signatures recorded, sending blocked until all have signed unless a reason is given', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  const [first] = await seed(page);
  await nav(page, 'Letters').click();
  await expect(page.getByRole('row').filter({ hasText: first! })).toContainText('0 of 4 signed');
  await page.getByRole('row').filter({ hasText: first! }).click();
  await page.getByRole('tab', { name: /Sign-off/ }).click();
  const table = page.getByTestId('signoff-table');
  await table.getByRole('row').filter({ hasText: 'Philip Glanville' }).getByRole('button', { name: 'Signed' }).click();
  await page.getByRole('dialog', { name: 'Philip Glanville has signed' }).getByRole('button', { name: 'Save' }).click();
  await table.getByRole('row').filter({ hasText: 'Anntoinette Bramble' }).getByRole('button', { name: 'Signed' }).click();
  const d2 = page.getByRole('dialog', { name: 'Anntoinette Bramble has signed' });
  await d2.getByText('Approved by email').click();
  await d2.getByRole('button', { name: 'Save' }).click();
  await table.getByRole('row').filter({ hasText: 'Mark Carroll' }).getByRole('button', { name: 'Declined' }).click();
  const d3 = page.getByRole('dialog', { name: 'Mark Carroll has declined' });
  await d3.getByLabel(/Comment/).fill('Wants the paragraph on deployment softened');
  await d3.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('signoff-summary')).toHaveText('2 of 4 signed, 1 declined');
  await expect(table).toContainText('Signed 17 March 2022 (by email)');

  await page.getByRole('button', { name: 'Mark as sent' }).click();
  const send = page.getByRole('dialog', { name: /as sent$/ });
  await expect(send).toContainText('Still to sign: Susan Fajana-Thomas, Mark Carroll.');
  await expect(send.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  await send.getByLabel('Reason for sending anyway').fill('Approved at the Mayor’s briefing; signatures to follow');
  await send.getByText('By hand').click();
  await send.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Sent');
  await desk.restart();
  const stored = await page.evaluate(async (ref) => {
    const list = await window.desk['letters.list']({ query: ref });
    if (!list.ok) throw new Error(list.error);
    const r = await window.desk['letters.get']({ id: list.value.rows[0]!.id });
    if (!r.ok) throw new Error(r.error);
    return r.value.letter;
  }, first!);
  expect(stored.sendRecord).toMatchObject({ method: 'hand', override: { reason: 'Approved at the Mayor’s briefing; signatures to follow', unsigned: ['Susan Fajana-Thomas', 'Mark Carroll'] } });
  expect(stored.sentDate).toBe('2022-03-17');
});

test('signatory packs for everything awaiting the Mayor, saved as PDF: contents, covers with boxes, each letter on a new page', async ({ desk }) => {
  const { page } = desk;
  const refs = await seed(page);
  const out = await folder('batch');
  await desk.answerDialogsWith(out);
  await nav(page, 'Letters').click();
  await page.getByRole('combobox', { name: 'Awaiting signature of' }).click();
  await page.getByRole('option', { name: 'Awaiting Philip Glanville' }).click();
  await expect(page.getByRole('table', { name: 'Letters' }).getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('button', { name: 'Signatory packs (3)' }).click();
  await expect(page.locator('[data-print-ready]')).toBeVisible();
  for (const ref of refs) await expect(page.getByTestId('contents-sheet')).toContainText(ref);
  await expect(page.getByTestId('pack-letter').filter({ hasText: refs[0]! }).getByTestId('signature-box')).toHaveCount(4);
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByText(/pages\)$/)).toBeVisible();

  const [file] = await readdir(out);
  expect(file).toBe('Signatory pack 3 letters.pdf');
  const pdf = join(out, file!);
  const pages = pdfPages(pdf);
  const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
  // No app chrome on paper.
  expect(texts.join('\n')).not.toMatch(/Save as PDF|Correspondence Desk|Address book/);
  // Page 1 is the contents sheet; then for each letter a cover sheet, and the letter on the page after it.
  expect(texts[0]).toContain('Signatory pack: 3 letters');
  const covers = texts.flatMap((t, i) => (t.includes('For signature') ? [i] : []));
  expect(covers).toHaveLength(3);
  const coverOf = new Map(covers.map((i) => [refs.find((r) => texts[i]!.includes(r))!, i]));
  expect([...coverOf.keys()].sort()).toEqual([...refs].sort());
  for (const [ref, i] of coverOf) {
    expect(texts[i]).toContain('Signature needed by');
    expect(texts[i]).toContain('24 March 2022');
    // The cover fits one page, and the letter starts on the next.
    expect(texts[i + 1]!.trimStart().startsWith('Office of the Mayor of Hackney')).toBe(true);
    expect(texts[i + 1]).toContain(`Ref: ${ref}`);
  }
  // The four-signatory letter's cover: four boxes, each with room to sign and date, in order.
  const firstCover = texts[coverOf.get(refs[0]!)!]!;
  expect(firstCover.match(/Signature/g)?.length).toBeGreaterThanOrEqual(4 + 1);
  expect(firstCover.match(/\bDate\b/g)).toHaveLength(4);
  const order = ['1. Philip Glanville', '2. Anntoinette Bramble', '3. Susan Fajana-Thomas', '4. Mark Carroll'].map((s) => firstCover.indexOf(s));
  expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
  expect(firstCover).toContain('A written and public action plan');
});

test('a single letter’s pack from the letter itself', async ({ desk }) => {
  const { page } = desk;
  const [first] = await seed(page);
  const out = await folder('single');
  await desk.answerDialogsWith(out);
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: first! }).click();
  await page.getByRole('button', { name: 'Signatory pack' }).click();
  await expect(page.locator('[data-print-ready]')).toBeVisible();
  await expect(page.getByTestId('contents-sheet')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByText(/pages\)$/)).toBeVisible();
  const pdf = join(out, `Signatory pack ${first}.pdf`);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pdfText(pdf, 1)).toContain('For signature');
  expect(pdfText(pdf, 2).trimStart().startsWith('Office of the Mayor of Hackney')).toBe(true);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect.poll(() => desk.printed()).toBe(1);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByTestId('letter-reference')).toHaveText(first!);
});

test('a sent letter is amended on purpose, and the amendment is kept with who and when', async ({ launch }) => {
  const desk = await launch({ now: '2022-03-17T10:00:00Z' });
  const { page } = desk;
  const [, second] = await seed(page);
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: second! }).click();
  // Signed by its one signatory, then sent.
  await page.getByRole('tab', { name: /Sign-off/ }).click();
  await page.getByTestId('signoff-table').getByRole('button', { name: 'Signed' }).click();
  await page.getByRole('dialog', { name: 'Philip Glanville has signed' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('ready-to-send')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await page.getByRole('dialog', { name: /as sent$/ }).getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByTestId('letter-status')).toHaveText('Sent');

  await page.getByRole('tab', { name: 'Letter', exact: true }).click();
  await expect(page.getByLabel('Subject')).toBeDisabled();
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByLabel('Subject').fill('Trust in the police complaints system (corrected)');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByRole('button', { name: 'Amend' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const history = page.getByTestId('amendments');
  await expect(history).toContainText('Subject');
  await expect(history).toContainText('(corrected)');
  await expect(history).toContainText('17 March 2022');

  await desk.restart();
  await nav(page, 'Letters').click();
  await page.getByRole('row').filter({ hasText: second! }).click();
  await page.getByRole('tab', { name: 'Letter', exact: true }).click();
  await expect(page.getByTestId('amendments')).toContainText('(corrected)');
  await expect(page.getByLabel('Subject')).toHaveValue('Trust in the police complaints system (corrected)');
});
