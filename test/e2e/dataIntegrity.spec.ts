import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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

test('a damaged register shows the error screen, is left untouched, and a backup can be restored after saying what it undoes', async ({ launch }) => {
  const first = await launch();
  const created = await first.page.evaluate(() =>
    window.desk['contacts.create']({ honorific: 'DCS', givenName: 'James', familyName: 'Conway', role: 'BCU Commander, Central East' }),
  );
  expect(created.ok).toBe(true);
  await first.close();

  // Cut the register short, as a failing disk or a copy that stopped half way might.
  const file = join(first.dataDir, 'register.sqlite3');
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
  const before = await snapshot(first.dataDir);

  const second = await launch({ dataDir: first.dataDir });
  const { page } = second;
  await expect(page.locator('[data-app-state="error"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your data could not be opened' })).toBeVisible();
  await expect(page.getByTestId('problem-file')).toContainText('register.sqlite3');
  await expect(page.getByRole('alert').first()).toContainText(/cut short|incomplete|truncated/i);
  expect(await snapshot(first.dataDir)).toEqual(before);

  await page.getByRole('button', { name: /Restore the newest backup/ }).click();
  await expect(page.getByTestId('restore-preview')).toContainText(/backup/);
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' })).toContainText('DCS James Conway');

  // The damaged file was moved aside, not deleted.
  const replaced = await snapshot(join(first.dataDir, 'replaced'));
  expect(Object.values(replaced)).toContain(before['register.sqlite3']);
});
