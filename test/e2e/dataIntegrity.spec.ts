import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures';

/** Every file under a folder with a hash of its bytes, to prove a launch changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      // The in-use lock says which app has the folder open; it is not data.
      else if (entry.name !== 'in-use.lock') out[relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

async function contactsShardFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'store', 'contacts');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const sized = await Promise.all(names.map(async (n) => ({ p: join(dir, n), size: (await stat(join(dir, n))).size })));
  return sized.filter((s) => s.size > 0).map((s) => s.p);
}

test('a corrupted data file shows the error screen, is left untouched, and a backup can be restored', async ({ launch }) => {
  const first = await launch();
  const created = await first.page.evaluate(() =>
    window.desk['contacts.create']({ honorific: 'DCS', givenName: 'James', familyName: 'Conway', role: 'BCU Commander, Central East' }),
  );
  expect(created.ok).toBe(true);
  await first.close();

  // Cut the contact's shard short, as a crash mid-write on a lesser filesystem might.
  const [shard] = await contactsShardFiles(first.dataDir);
  const bytes = await readFile(shard!);
  await writeFile(shard!, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const before = await snapshot(first.dataDir);

  const second = await launch({ dataDir: first.dataDir });
  const { page } = second;
  await expect(page.locator('[data-app-state="error"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your data could not be opened' })).toBeVisible();
  const shown = relative(join(first.dataDir, 'store'), shard!);
  await expect(page.getByTestId('problem-file')).toContainText(shown);
  await expect(page.getByRole('alert')).toContainText(/cut short|incomplete|truncated/i);
  expect(await snapshot(first.dataDir)).toEqual(before);

  await page.getByRole('button', { name: /Restore the newest backup/ }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' })).toContainText('DCS James Conway');

  // The damaged file was moved aside, not deleted.
  const quarantined = await snapshot(join(first.dataDir, 'quarantine'));
  expect(Object.values(quarantined)).toContain(before[relative(first.dataDir, shard!)]);
});
