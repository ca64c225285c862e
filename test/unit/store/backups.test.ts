import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { listBackups } from '../../../electron/store';
import type { BackupInfo } from '../../../electron/store';
import { backupsToKeep, londonDay } from '../../../electron/store/backupPolicy';
import { DEFAULT_BACKUP_POLICY } from '../../../electron/store/types';
import type { Contact, Letter } from './helpers';
import { baseOptions, inodes, openOk, readJson, readMarker, sha256Of, shardRel, tempDataDir, writeJson } from './helpers';

const MIN = 60_000;

describe('backup pruning', () => {
  it('keeps the newest 5 of today plus the newest of each of the 14 previous days with backups', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-01-01T09:00:00.000Z'); // winter: London time = UTC
    const store = await openOk(baseOptions(dataDir, { clock })); // backup on open: Jan 1 09:00
    for (let day = 1; day <= 20; day++) {
      for (const hour of ['12', '15']) {
        clock.set(`2024-01-${String(day).padStart(2, '0')}T${hour}:00:00.000Z`);
        await store.backupNow();
      }
    }
    const todayTimes: string[] = [];
    for (let i = 0; i < 8; i++) {
      clock.set(new Date(Date.parse('2024-01-21T08:00:00.000Z') + i * 10 * MIN));
      todayTimes.push(clock.now().toISOString());
      await store.backupNow();
    }

    const kept = (await store.listBackups()).map((b) => b.createdAt);
    const expectedEarlierDays = Array.from({ length: 14 }, (_, i) => `2024-01-${String(20 - i).padStart(2, '0')}T15:00:00.000Z`);
    expect(kept).toEqual([...todayTimes.slice(3).reverse(), ...expectedEarlierDays]);
    // Pruned folders are really gone.
    expect((await fsp.readdir(path.join(dataDir, 'backups'))).length).toBe(19);
  });

  it('uses the London calendar day, whatever the machine time zone', () => {
    expect(londonDay(new Date('2024-07-01T23:30:00Z'))).toBe('2024-07-02'); // BST
    expect(londonDay(new Date('2024-01-01T23:30:00Z'))).toBe('2024-01-01'); // GMT
    const b = (id: string, createdAt: string): BackupInfo => ({ id, path: id, createdAt });
    const keep = backupsToKeep(
      [b('late-june-utc', '2024-06-30T23:30:00Z'), b('june-30', '2024-06-30T12:00:00Z'), b('future', '2024-07-05T00:00:00Z')],
      new Date('2024-07-01T10:00:00Z'),
      { ...DEFAULT_BACKUP_POLICY, keepToday: 1, keepDays: 0 },
    );
    // 23:30 UTC on June 30 is 00:30 on July 1 in London: it is one of "today's".
    expect([...keep].sort()).toEqual(['future', 'late-june-utc']);
  });
});

describe('backup files', () => {
  it('never share an inode with the live files, record a manifest, and are unaffected by later writes', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Before' });
    await store.put<Letter>('letters', { id: 'l1', subject: 'Hello', contactId: 'c1' });
    await store.backupNow();
    await store.backupNow(); // unchanged files: linked to the previous backup, still not to live ones
    const live = await inodes(store.dir);
    const liveInodes = new Set(live.values());
    const backups = await store.listBackups();
    expect(backups).toHaveLength(3);
    for (const backup of backups) {
      for (const [rel, ino] of await inodes(backup.path)) expect(liveInodes.has(ino), `${backup.id}/${rel}`).toBe(false);
    }

    const newest = backups[0]?.path ?? '';
    const marker = await readMarker(newest);
    expect(Object.keys(marker.manifest).sort()).toEqual([...live.keys()].sort());
    for (const [rel, entry] of Object.entries(marker.manifest)) {
      const bytes = await fsp.readFile(path.join(newest, rel));
      const stat = await fsp.stat(path.join(store.dir, rel), { bigint: true });
      expect(entry).toEqual({ size: bytes.length, mtimeMs: expect.any(Number), ino: stat.ino.toString(), sha256: sha256Of(bytes) });
    }

    const shard = shardRel('contacts', 'c1', 8);
    await store.put<Contact>('contacts', { id: 'c1', name: 'After' });
    for (const backup of backups.slice(0, 2)) {
      expect(await readJson(path.join(backup.path, shard))).toEqual({ records: [{ id: 'c1', name: 'Before' }] });
    }
  });

  it('hard-link a file unchanged since the previous backup to its copy there, and copy a changed one', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    await store.put<Letter>('letters', { id: 'l1', subject: 'Hello', contactId: 'c1' });
    const first = await store.backupNow();
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada Lovelace' });
    const second = await store.backupNow();

    const [a, b] = [await inodes(first.path), await inodes(second.path)];
    const letters = shardRel('letters', 'l1', 32);
    const contacts = shardRel('contacts', 'c1', 8);
    expect(b.get(letters)).toBe(a.get(letters));
    expect(b.get('meta.json')).toBe(a.get('meta.json'));
    expect(b.get(contacts)).not.toBe(a.get(contacts));
    expect(await readJson(path.join(second.path, contacts))).toEqual({ records: [{ id: 'c1', name: 'Ada Lovelace' }] });
    expect(await readMarker(second.path)).toMatchObject({ linked: 2, copied: 1 });
  });

  it('share nothing at all when linkFiles is false', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir, { backupPolicy: { linkFiles: false } }));
    const first = (await store.listBackups())[0]?.path ?? '';
    const second = (await store.backupNow()).path;
    expect((await inodes(second)).get('meta.json')).not.toBe((await inodes(first)).get('meta.json'));
    expect(await fsp.readFile(path.join(second, 'meta.json'), 'utf8')).toBe(await fsp.readFile(path.join(store.dir, 'meta.json'), 'utf8'));
    expect(await readMarker(second)).toMatchObject({ linked: 0, copied: 1 });
  });

  it('copy a file afresh when the previous backup holds a damaged copy of it', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    const first = await store.backupNow();
    const shard = shardRel('contacts', 'c1', 8);
    const good = await fsp.readFile(path.join(first.path, shard), 'utf8');
    await fsp.writeFile(path.join(first.path, shard), good.replace('Ada', 'Bob')); // same size, in place
    const second = await store.backupNow();
    expect((await inodes(second.path)).get(shard)).not.toBe((await inodes(first.path)).get(shard));
    expect(await fsp.readFile(path.join(second.path, shard), 'utf8')).toBe(good);
  });

  it('without a backup.json marker are ignored', async () => {
    const dataDir = await tempDataDir();
    await (await openOk(baseOptions(dataDir))).close();
    const half = path.join(dataDir, 'backups', '20991231-235959-999');
    await writeJson(path.join(half, 'meta.json'), { schemaVersion: 1, createdAt: 'x', app: 'correspondence-desk' });
    const backups = await listBackups(dataDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]?.id).not.toBe('20991231-235959-999');
  });
});

describe('when backups are taken', () => {
  const count = async (dataDir: string) => (await listBackups(dataDir)).length;

  it('on close, after a write, however recent the previous backup', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    expect(await count(dataDir)).toBe(1);
    clock.advance(5_000);
    await store.put<Contact>('contacts', { id: 'c1', name: 'Quick' });
    await store.close();
    const [newest, ...older] = await listBackups(dataDir);
    expect(older).toHaveLength(1);
    expect(newest?.createdAt).toBe('2024-03-17T09:00:05.000Z');
    expect(await readJson(path.join(newest?.path ?? '', shardRel('contacts', 'c1', 8)))).toEqual({ records: [{ id: 'c1', name: 'Quick' }] });
  });

  it('on open only when something changed since the newest backup, however old it is', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    await store.close(); // backups: on open, on close
    clock.advance(3 * 24 * 60 * MIN);
    await (await openOk(baseOptions(dataDir, { clock }))).close();
    expect(await count(dataDir)).toBe(2);

    // A change made while the app was closed (a file replaced, as a sync client does) is backed up.
    const shard = path.join(dataDir, 'store', shardRel('contacts', 'c1', 8));
    await fsp.writeFile(`${shard}.new`, JSON.stringify({ records: [{ id: 'c1', name: 'Synced' }] }));
    await fsp.rename(`${shard}.new`, shard);
    await (await openOk(baseOptions(dataDir, { clock }))).close();
    const [newest] = await listBackups(dataDir); // (pruning leaves one of March 17's two)
    expect(newest?.createdAt).toBe('2024-03-20T09:00:00.000Z');
    expect(await readJson(path.join(newest?.path ?? '', shardRel('contacts', 'c1', 8)))).toEqual({ records: [{ id: 'c1', name: 'Synced' }] });
  });

  it('after writes at most every 15 minutes while working', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'A' }); // 0 min after the open backup: none
    clock.advance(16 * MIN);
    await store.put<Contact>('contacts', { id: 'c2', name: 'B' }); // 16 min: backup
    await vi.waitFor(async () => expect(await count(dataDir)).toBe(2));
    clock.advance(5 * MIN);
    await store.put<Contact>('contacts', { id: 'c3', name: 'C' }); // 5 min after it: none
    await store.put<Contact>('contacts', { id: 'c4', name: 'D' });
    await store.close(); // ...but close backs them up
    const backups = await listBackups(dataDir);
    expect(backups.map((b) => b.createdAt)).toEqual(['2024-03-17T09:21:00.000Z', '2024-03-17T09:16:00.000Z', '2024-03-17T09:00:00.000Z']);
    expect(store.lastBackupError).toBeNull();
  });
});
