import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyWithDamagedPage } from '../store/sql/helpers';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async (dir?: string) => {
  const app = await startApp(dir);
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});

describe('backups of the register', () => {
  it('backs up on request, says what a restore would undo, restores, and keeps the register it replaced', async () => {
    const app = await start();
    await app.must('contacts.create', { givenName: 'James', familyName: 'Conway', role: 'BCU Commander' });
    const taken = await app.must('backups.backupNow', {});
    expect(taken.counts).toMatchObject({ contacts: 1, letters: 0 });
    await app.must('letters.create', {});
    await app.must('letters.create', {});
    const listed = await app.must('backups.list', {});
    expect(listed[0]!.id).toBe(taken.id);

    const preview = await app.must('backups.describeRestore', { id: taken.id });
    expect(preview.restorable).toBe(true);
    expect(preview.sentence).toMatch(/MCO220317-01/);
    expect(preview.sentence).toMatch(/replaced/);

    const status = await app.must('backups.restore', { id: taken.id });
    expect(status.state).toBe('ready');
    expect((await app.must('letters.list', {})).total).toBe(0);
    expect((await app.must('contacts.list', {})).map((c) => c.fullName)).toEqual(['James Conway']);
    expect(await readdir(join(app.dir, 'replaced'))).toHaveLength(1);
    // Work carries on in the restored register.
    expect((await app.must('letters.create', {})).letter.reference).toMatch(/^MCO220317-0\d$/);
  });

  it('refuses a backup that is not there, and a name that is a path', async () => {
    const app = await start();
    expect(await app.call('backups.restore', { id: '20200101-000000-000' })).toMatchObject({ ok: false, error: 'That backup is no longer there. Choose another.' });
    expect(await app.call('backups.describeRestore', { id: '../store' })).toMatchObject({ ok: false });
  });

  it('opens to the error screen for a damaged register, names it, leaves it as it was, and restores from a backup', async () => {
    const first = await start();
    await first.must('contacts.create', { givenName: 'James', familyName: 'Conway' });
    await first.must('backups.backupNow', {});
    await first.services.close();
    apps.pop();

    const file = join(first.dir, 'register.sqlite3');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const damaged = await readFile(file);

    const second = await start(first.dir);
    const status = await second.must('app.status', {});
    if (status.state !== 'error') throw new Error('expected the error screen');
    expect(status.problem.message).toContain('register.sqlite3');
    expect(status.backups.length).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(damaged);
    expect(await second.call('letters.list', {})).toMatchObject({ ok: false });

    const preview = await second.must('backups.describeRestore', { id: status.backups[0]!.id });
    expect(preview.restorable).toBe(true);
    expect((await second.must('backups.restore', { id: status.backups[0]!.id })).state).toBe('ready');
    expect((await second.must('contacts.list', {})).map((c) => c.fullName)).toEqual(['James Conway']);
    const replaced = await readdir(join(first.dir, 'replaced'));
    const kept = await readFile(join(first.dir, 'replaced', replaced[0]!, 'register.sqlite3'));
    expect(kept).toEqual(damaged);
  });

  it('a page damaged inside the register: found by the check after opening, nothing saved to it, the error screen offers the backups', async () => {
    const first = await start();
    for (let i = 0; i < 40; i++) await first.must('contacts.create', { givenName: `Person ${i}`, familyName: 'Conway', role: 'x'.repeat(200) });
    await first.must('backups.backupNow', {});
    await first.services.close();
    apps.pop();
    const file = join(first.dir, 'register.sqlite3');
    await copyWithDamagedPage(file, file);
    const damaged = await readFile(file);

    const second = await start(first.dir);
    const save = await second.call('organisations.create', { name: 'IOPC' });
    expect(save).toMatchObject({ ok: false });
    let status = await second.must('app.status', {});
    for (let i = 0; i < 50 && status.state === 'ready'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await second.must('app.status', {});
    }
    if (status.state !== 'error') throw new Error('expected the error screen');
    expect(status.problem).toMatchObject({ kind: 'damaged', message: expect.stringContaining('register.sqlite3') });
    expect(status.backups.length).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(damaged);
  });

  it('backs up when the app closes after a change, and not when nothing changed', async () => {
    const app = await start();
    await app.services.close();
    apps.pop();
    const again = await start(app.dir);
    const before = (await again.must('backups.list', {})).length;
    await again.must('organisations.create', { name: 'IOPC' });
    await again.services.close();
    apps.pop();
    const third = await start(app.dir);
    const after = await third.must('backups.list', {});
    expect(after.length).toBeGreaterThan(before);
    expect(after[0]!.counts).toMatchObject({ letters: 0 });
  });
});

describe('a data folder from before the SQLite register', () => {
  it('whose JSON store cannot be read opens to a screen naming the file, changes nothing, and carries over once put right', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-import-'));
    await mkdir(join(dir, 'store', 'contacts'), { recursive: true });
    await writeFile(join(dir, 'store', 'meta.json'), JSON.stringify({ schemaVersion: 2, createdAt: '2022-03-17T09:00:00.000Z', app: 'correspondence-desk' }));
    await writeFile(join(dir, 'store', 'contacts', '00.json'), '{"records": [');
    const app = await start(dir);
    const status = await app.must('app.status', {});
    expect(status).toMatchObject({ state: 'error', problem: { kind: 'import', message: expect.stringContaining('contacts/00.json') } });
    expect(await readdir(dir)).toContain('store');

    await writeFile(join(dir, 'store', 'contacts', '00.json'), JSON.stringify({ records: [] }));
    const after = await app.must('app.retry', {});
    expect(after.state).toBe('ready');
    expect(await readdir(dir)).not.toContain('store');
  });
});
