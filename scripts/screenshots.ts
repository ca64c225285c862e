import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test/e2e/harness/chromium';
import { launchBrowser } from '../test/e2e/harness/launchers';
import { serveRenderer } from '../test/e2e/harness/staticServer';
import { generateAddressBook } from './lib/addressBookFixture';
import { seededRandom } from './lib/random';
import { seedStore } from './lib/seedStore';

/**
 * `npm run screenshots` (after `npm run build`): the app at full size in the browser harness, page by page,
 * saved under test-results/screenshots so a person can look at what an officer sees.
 */
const out = resolve('test-results/screenshots');
await mkdir(out, { recursive: true });
const dataDir = await mkdtemp(join(tmpdir(), 'desk-shots-'));
await seedStore(dataDir, generateAddressBook(seededRandom(2022)));
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_ARGS });
const server = await serveRenderer(resolve('out/renderer'));
const app = await launchBrowser(browser, server.origin, dataDir, () => undefined);
const { page } = app;
const letterId = await page.evaluate(async () => {
  const d = window.desk;
  await d['settings.saveOffice']({ officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' });
  await d['ccGroups.create']({ name: 'Hackney MPs and London representatives', memberIds: ['contact-1', 'contact-2', 'contact-3', 'contact-4', 'contact-5'] });
  const r = await d['letters.create']({ templateId: 'safeguarding-action-plan', contactId: 'contact-17' });
  if (!r.ok) throw new Error(r.error);
  // A few sent letters a month or more old, one answered, so the dashboard and registers have something to show.
  for (const [i, templateId] of ['iopc-complaints-and-culture', 'mopac-representation-and-data', 'safeguarding-action-plan'].entries()) {
    const made = await d['letters.create']({ templateId, contactId: `contact-${30 + i}`, letterDate: `2026-10-0${i + 1}` });
    if (!made.ok) throw new Error(made.error);
    const sent = await d['letters.markSent']({ id: made.value.letter.id, date: `2026-10-0${i + 2}`, method: 'email', overrideReason: 'Signed before the app was used' });
    if (!sent.ok) throw new Error(sent.error);
    if (i === 0) {
      const c = sent.value.letter.commitments;
      await d['replies.create']({ letterId: made.value.letter.id, receivedDate: '2026-11-12', from: 'Regional Director', summary: 'Agrees to a written account and to attend the Commission; declines the rest.', answers: c.map((x, j) => ({ commitmentId: x.id, status: j < 2 ? 'agreed' : 'declined' })) });
    }
  }
  return r.value.letter.id;
});
const tracked = await page.evaluate(async () => {
  const list = await window.desk['letters.list']({ statuses: ['sent'] });
  return list.ok ? list.value.rows[0]!.id : '';
});
const shots: [string, string][] = [
  ['dashboard', '#/'],
  ['commitments', '#/commitments'],
  ['pack', `#/print/pack?ids=${letterId}`],
  ['letters', '#/letters'],
  ['letter-tracking', `#/letters/${tracked}`],
  [`letter-editor`, `#/letters/${letterId}`],
  ['templates', '#/templates/safeguarding-action-plan'],
  ['contacts', '#/contacts'],
  ['contact-edit', '#/contacts/contact-17'],
  ['organisations', '#/organisations'],
  ['cc-groups', '#/cc-groups'],
  ['cc-group-edit', '#/cc-groups/group-3'],
  ['signatories', '#/signatories'],
  ['signatory-edit', '#/signatories/sig-deputy'],
  ['settings', '#/settings'],
];
for (const [name, hash] of shots) {
  await page.goto(`${server.origin}/index.html${hash}`);
  // A change of hash alone keeps the page (and its cached lists from before the seeding): reload it.
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.getByRole('row').nth(1).or(page.getByRole('heading', { name: /Settings|Today|Commitments/ })).or(page.getByRole('article')).first().waitFor();
  if (name.endsWith('-edit')) await page.getByRole('dialog').getByRole('button', { name: 'Save' }).waitFor();
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`wrote ${join(out, `${name}.png`)}`);
}
await app.close();
await browser.close();
await server.close();
