import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
const preview = (page: Page) => page.getByRole('article', { name: 'Letter preview' });
const part = (page: Page, name: string) => preview(page).locator(`[data-part="${name}"]`);
const builtIns = readdirSync(resolve(import.meta.dirname, '../../templates')).filter((f) => /^[a-z0-9-]+\.md$/.test(f));

/** Set-up through the same API the forms use: an office, a recipient, signatories, a CC group. */
async function seedAddressBook(page: Page) {
  return page.evaluate(async () => {
    const must = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: string }>) => {
      const r = await p;
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const d = window.desk;
    await must(d['settings.saveOffice']({ officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' }));
    const mps = await must(d['organisations.create']({ name: 'Metropolitan Police Service', shortName: 'MPS', addressLines: ['New Scotland Yard', 'Victoria Embankment', 'London SW1A 2JL'] }));
    const taylor = await must(d['contacts.create']({ honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: mps.id }));
    const people = [];
    for (const [h, g, f, role] of [
      ['Sir', 'Sadiq', 'Khan', 'Mayor of London'],
      ['', 'Sophie', 'Linden', 'Deputy Mayor for Policing and Crime'],
      ['', 'Unmesh', 'Desai', 'London Assembly Member'],
      ['Rt Hon', 'Diane', 'Abbott', 'MP for Hackney North and Stoke Newington'],
      ['', 'Meg', 'Hillier', 'MP for Hackney South and Shoreditch'],
      ['Cllr', 'Susan', 'Fajana-Thomas', 'Cabinet Member for Community Safety'],
    ] as const) people.push(await must(d['contacts.create']({ honorific: h, givenName: g, familyName: f, role })));
    await must(d['ccGroups.create']({ name: 'Hackney MPs and London representatives', memberIds: people.map((p) => p.id) }));
    const signatories = [];
    for (const [name, titles] of [
      ['Philip Glanville', ['Mayor of Hackney']],
      ['Anntoinette Bramble', ['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care']],
      ['Susan Fajana-Thomas', ['Cabinet Member for Community Safety']],
      ['Mark Carroll', ['Chief Executive']],
    ] as const) signatories.push(await must(d['signatories.create']({ name, titleLines: [...titles] })));
    return { taylor: taylor.id };
  });
}

async function newLetter(page: Page, template: string | null, to = 'DAC Jane Taylor') {
  await nav(page, 'Letters').click();
  await page.getByRole('button', { name: 'New letter' }).click();
  const dialog = page.getByRole('dialog', { name: 'New letter' });
  if (template) {
    await field(dialog, 'Template').click();
    await page.getByRole('option', { name: template, exact: true }).click();
  }
  await field(dialog, 'To').fill(to.split(' ').pop()!);
  await page.getByRole('option', { name: new RegExp(to) }).click();
  await dialog.getByRole('button', { name: 'Create letter' }).click();
  await expect(page.getByTestId('letter-reference')).toBeVisible();
  return (await page.getByTestId('letter-reference').textContent())!.trim();
}

test('a letter from each built-in template, each with its subject, body and reference', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  const names = await page.evaluate(async () => {
    const r = await window.desk['templates.list']({});
    if (!r.ok) throw new Error(r.error);
    return r.value.filter((t) => t.builtIn).map((t) => ({ name: t.name, problems: t.problems.length, id: t.id }));
  });
  expect(names.map((n) => `${n.id}.md`).sort()).toEqual([...builtIns].sort());
  expect(names.every((n) => n.problems === 0)).toBe(true);
  const refs: string[] = [];
  for (const t of names) {
    refs.push(await newLetter(page, t.name));
    const details = await page.evaluate(async (id) => {
      const r = await window.desk['templates.get']({ id });
      if (!r.ok || !r.value.template) throw new Error('template');
      return r.value.template;
    }, t.id);
    await expect(part(page, 'salutation')).toHaveText('Dear DAC Taylor,');
    await expect(part(page, 'subject')).not.toBeEmpty();
    await expect(part(page, 'body')).not.toBeEmpty();
    if (details.signatories.length > 0) await expect(part(page, 'signature')).toHaveCount(details.signatories.length);
  }
  expect(refs).toEqual(refs.map((_, i) => `MCO${refs[0]!.slice(3, 9)}-${String(i + 1).padStart(2, '0')}`));
});

test('four signatories, a CC list of five from an edited group, and a preview with every part in order', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  await newLetter(page, null);
  await field(page, 'Subject').fill('Safeguarding review: a written action plan');
  const body = page.getByRole('textbox', { name: 'Letter body' }).or(page.locator('.ProseMirror')).first();
  await body.click();
  await page.keyboard.type('We write following the safeguarding review. We ask for ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('a written and public action plan');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' within the next fortnight.');

  for (const name of ['Philip Glanville', 'Anntoinette Bramble', 'Susan Fajana-Thomas', 'Mark Carroll']) {
    await page.getByRole('combobox', { name: 'Add a signatory' }).click();
    await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }
  await page.getByRole('combobox', { name: 'Copy in a CC group' }).click();
  await page.getByRole('option', { name: /Hackney MPs and London representatives/ }).click();
  const cc = page.getByRole('list', { name: 'CC list' }).getByRole('listitem');
  await expect(cc).toHaveCount(6);
  await page.getByRole('button', { name: 'Remove Cllr Susan Fajana-Thomas' }).click();
  await page.getByRole('button', { name: 'Move Meg Hillier up' }).click();
  await expect(cc).toHaveCount(5);

  await expect(part(page, 'signature')).toHaveCount(4);
  await expect(part(page, 'signature').nth(1)).toHaveText(/Anntoinette Bramble\s*Deputy Mayor of Hackney and\s*Cabinet Member for Education, Young People and Children’s Social Care/);
  await expect(part(page, 'signature').nth(1).locator('div').filter({ hasText: 'Deputy Mayor of Hackney and' }).last()).toHaveCSS('font-weight', '700');
  const ccLines = ['Sir Sadiq Khan, Mayor of London', 'Sophie Linden, Deputy Mayor for Policing and Crime', 'Unmesh Desai, London Assembly Member', 'Meg Hillier, MP for Hackney South and Shoreditch', 'Rt Hon Diane Abbott, MP for Hackney North and Stoke Newington'];
  await expect(part(page, 'cc')).toHaveText(['CC:', ...ccLines].join(''));

  const order = await preview(page).locator('[data-part]').evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
  expect(order).toEqual(['letterhead', 'date', 'reference', 'recipient', 'salutation', 'subject', 'body', 'closing', 'signature', 'signature', 'signature', 'signature', 'cc']);
  await expect(part(page, 'letterhead')).toContainText('Office of the Mayor of Hackney');
  await expect(part(page, 'date')).toHaveText(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
  await expect(part(page, 'reference')).toHaveText(/^Ref: MCO\d{6}-01$/);
  await expect(part(page, 'recipient')).toHaveText('DAC Jane TaylorDeputy Assistant CommissionerMetropolitan Police ServiceNew Scotland YardVictoria EmbankmentLondon SW1A 2JL');
  await expect(part(page, 'subject')).toHaveText('Safeguarding review: a written action plan');
  await expect(part(page, 'subject')).toHaveCSS('font-weight', '700');
  await expect(part(page, 'body').locator('strong')).toHaveText('a written and public action plan');
  await expect(part(page, 'closing')).toHaveText('Yours sincerely');

  // Saved, and still there after a restart.
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await desk.restart();
  await nav(page, 'Letters').click();
  await page.getByRole('table', { name: 'Letters' }).getByRole('row').nth(1).click();
  await expect(part(page, 'signature')).toHaveCount(4);
  await expect(part(page, 'cc')).toHaveText(['CC:', ...ccLines].join(''));
  await expect(part(page, 'body')).toContainText('within the next fortnight.');
});

test('consecutive references on one day, and a deleted letter’s reference is not reused', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  const first = await newLetter(page, null);
  const second = await newLetter(page, null);
  expect(second).toBe(first.replace(/-01$/, '-02'));
  await page.getByRole('button', { name: 'Move to bin' }).click();
  await page.getByRole('dialog', { name: `Move ${second} to the bin?` }).getByRole('button', { name: 'Move to bin' }).click();
  await expect(page.getByRole('table', { name: 'Letters' })).toBeVisible();
  const third = await newLetter(page, null);
  expect(third).toBe(first.replace(/-01$/, '-03'));
  await nav(page, 'Letters').click();
  await page.getByLabel('Show the bin').check();
  await expect(page.getByRole('table', { name: 'Letters' })).toContainText(second);
});

test('a template with a broken placeholder shows its problem and keeps the officer’s text', async ({ desk }) => {
  const { page } = desk;
  await nav(page, 'Templates').click();
  await page.getByText('Chasing an overdue reply', { exact: true }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: /^Copy of/ })).toBeVisible();
  const source = page.getByLabel('Template text');
  const text = await source.inputValue();
  const broken = text.replace(/\{\{original\.reference\}\}/, '{{original.refrence}}');
  expect(broken).not.toBe(text);
  await source.fill(broken);
  await page.getByRole('button', { name: 'Save template' }).click();
  const problems = page.getByTestId('template-problems');
  await expect(problems).toContainText('{{original.refrence}}');
  await expect(problems).toContainText(/line \d+/);
  await expect(problems).toContainText('{{original.reference}}');
  await expect(source).toHaveValue(broken);
  await desk.restart();
  await nav(page, 'Templates').click();
  await page.getByText(/^Copy of Chasing an overdue reply/).first().click();
  await expect(page.getByLabel('Template text')).toHaveValue(broken);
  await expect(page.getByTestId('template-problems')).toBeVisible();
});

test('a draft typed just before the app closes is kept', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  const ref = await newLetter(page, null);
  await field(page, 'Subject').fill('Written answers before the scrutiny commission');
  // Restart at once, without waiting for the autosave.
  await desk.restart();
  await nav(page, 'Letters').click();
  await page.getByRole('table', { name: 'Letters' }).getByRole('row').filter({ hasText: ref }).click();
  await expect(field(page, 'Subject')).toHaveValue('Written answers before the scrutiny commission');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const stored = await page.evaluate(async () => {
    const list = await window.desk['letters.list']({});
    return list.ok ? list.value.rows.map((r) => r.subject) : [];
  });
  expect(stored).toEqual(['Written answers before the scrutiny commission']);
});

test('pasting from Word keeps bold, italic, underline and lists, and nothing else', async ({ desk }) => {
  const { page } = desk;
  await seedAddressBook(page);
  await newLetter(page, null);
  const editor = page.locator('.ProseMirror');
  await editor.click();
  const wordHtml = `<html><body><h1 style="color:red">Heading from Word</h1>
    <p class="MsoNormal" style="font-family:Calibri;color:#ff0000"><b>Bold</b> and <i>italic</i> and <u>underlined</u> and <s>struck</s> and <a href="https://example.com">a link</a></p>
    <table><tr><td>cell one</td><td>cell two</td></tr></table>
    <ul><li>first point</li><li>second point</li></ul>
    <ol><li>numbered</li></ol><img src="https://example.com/x.png"><script>window.pwned = true</script></body></html>`;
  await editor.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, wordHtml);
  const body = part(page, 'body');
  await expect(body).toContainText('Heading from Word');
  await expect(body.locator('strong')).toHaveText(['Bold']);
  await expect(body.locator('em')).toHaveText(['italic']);
  await expect(body.locator('u')).toHaveText(['underlined']);
  await expect(body.locator('ul li')).toHaveText(['first point', 'second point']);
  await expect(body.locator('ol li')).toHaveText(['numbered']);
  await expect(body).toContainText('struck');
  await expect(body).toContainText('cell one');
  await expect(body.locator('a, img, table, h1, s, script, [style*="color"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const stored = await page.evaluate(async () => {
    const list = await window.desk['letters.list']({});
    if (!list.ok) throw new Error(list.error);
    const r = await window.desk['letters.get']({ id: list.value.rows[0]!.id });
    if (!r.ok) throw new Error(r.error);
    return r.value.letter.body;
  });
  expect(stored.map((b) => b.type)).toEqual(expect.arrayContaining(['paragraph', 'bulletList', 'orderedList']));
  expect(JSON.stringify(stored)).not.toMatch(/href|color|Calibri|<script/);
});
