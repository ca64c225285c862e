import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { listBackups, openStore, restoreNewestBackup } from '../../../electron/store';
import type { Contact, Letter } from './helpers';
import { baseOptions, expectTreeUnchanged, openOk, readMarker, sha256Of, shardRel, snapshotTree, tempDataDir, writeJson } from './helpers';

const MIN = 60_000;
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('restoreNewestBackup', () => {
  it('quarantines the damaged store and restores the newest readable backup', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Older' });
    clock.advance(MIN);
    const good = await store.backupNow();
    await store.put<Contact>('contacts', { id: 'c1', name: 'Newest' });
    clock.advance(MIN);
    const broken = await store.backupNow();
    await store.close();

    // Damage the newest backup's copy (changed since `good`, so it is that backup's own), then the store.
    const shard = shardRel('contacts', 'c1', 8);
    await fsp.writeFile(path.join(broken.path, shard), '{"records":[');
    await fsp.writeFile(path.join(dataDir, 'store', shard), Buffer.alloc(100));

    const failed = await openStore(baseOptions(dataDir, { clock }));
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.backups.map((b) => b.id)).toEqual([broken.id, good.id, expect.any(String)]);

    clock.advance(MIN);
    const { restored, quarantined } = await restoreNewestBackup(dataDir, clock);
    expect(restored).toEqual(good);
    expect(quarantined).toBe(path.join(dataDir, 'quarantine', '20240317-090300-000'));
    expect(await fsp.readFile(path.join(quarantined ?? '', shard))).toEqual(Buffer.alloc(100));

    const reopened = await openOk(baseOptions(dataDir, { clock }));
    expect(reopened.all('contacts')).toEqual([{ id: 'c1', name: 'Older' }]);
    // The restored files are copies, not links into the backup.
    const restoredIno = (await fsp.stat(path.join(dataDir, 'store', shard))).ino;
    expect(restoredIno).not.toBe((await fsp.stat(path.join(good.path, shard))).ino);
    expect((await fsp.readdir(dataDir)).sort()).toEqual(['backups', 'quarantine', 'store']);
  });

  it('brings back the good data after live files were damaged in place, which no backup shares', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    await store.put<Letter>('letters', { id: 'l1', subject: 'Hello', contactId: 'c1' });
    clock.advance(MIN);
    await store.backupNow();
    clock.advance(MIN);
    await store.put<Contact>('contacts', { id: 'c2', name: 'Grace' });
    await store.close(); // backs up c2
    const backupsDir = path.join(dataDir, 'backups');
    const before = await snapshotTree(backupsDir);

    // The damage of the end-to-end test: files truncated in place, keeping their inode.
    const live = path.join(dataDir, 'store');
    await fsp.writeFile(path.join(live, shardRel('contacts', 'c1', 8)), '');
    await fsp.truncate(path.join(live, shardRel('letters', 'l1', 32)), 10);
    await expectTreeUnchanged(backupsDir, before);
    for (const backup of await listBackups(dataDir)) {
      for (const [rel, entry] of Object.entries((await readMarker(backup.path)).manifest)) {
        expect(sha256Of(await fsp.readFile(path.join(backup.path, rel))), `${backup.id}/${rel}`).toBe(entry.sha256);
      }
    }

    expect((await openStore(baseOptions(dataDir, { clock }))).ok).toBe(false);
    const { restored } = await restoreNewestBackup(dataDir, clock);
    expect(restored.createdAt).toBe('2024-03-17T09:02:00.000Z');
    const reopened = await openOk(baseOptions(dataDir, { clock }));
    expect(reopened.all<Contact>('contacts').sort(byId)).toEqual([
      { id: 'c1', name: 'Ada' },
      { id: 'c2', name: 'Grace' },
    ]);
    expect(reopened.all('letters')).toEqual([{ id: 'l1', subject: 'Hello', contactId: 'c1' }]);
  });

  it('skips a backup whose copy no longer matches its sha256, even if it still parses', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Older' });
    clock.advance(MIN);
    const older = await store.backupNow();
    await store.put<Contact>('contacts', { id: 'c1', name: 'Newest' });
    clock.advance(MIN);
    const newest = await store.backupNow();
    await store.close();

    await fsp.writeFile(path.join(newest.path, shardRel('contacts', 'c1', 8)), '{"records":[]}');
    const { restored } = await restoreNewestBackup(dataDir, clock);
    expect(restored).toEqual(older);
    expect((await openOk(baseOptions(dataDir, { clock }))).all('contacts')).toEqual([{ id: 'c1', name: 'Older' }]);
  });

  it('still uses backups made before manifests, checking only that their files parse', async () => {
    const dataDir = await tempDataDir();
    const clock = fixedClock('2024-03-17T09:00:00.000Z');
    const store = await openOk(baseOptions(dataDir, { clock }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Legacy' });
    clock.advance(MIN);
    const legacy = await store.backupNow();
    await store.put<Contact>('contacts', { id: 'c1', name: 'Newest' });
    clock.advance(MIN);
    const newest = await store.backupNow();
    await store.close();

    for (const backup of (await listBackups(dataDir)).slice(1)) {
      await writeJson(path.join(backup.path, 'backup.json'), { app: 'correspondence-desk', createdAt: backup.createdAt, files: 2, linked: 2 });
    }
    await fsp.writeFile(path.join(newest.path, shardRel('contacts', 'c1', 8)), '{"records":[]}');
    const { restored } = await restoreNewestBackup(dataDir, clock);
    expect(restored).toEqual(legacy);
    expect((await openOk(baseOptions(dataDir, { clock }))).all('contacts')).toEqual([{ id: 'c1', name: 'Legacy' }]);
  });

  it('restores when store/ has vanished, and fails clearly when no backup is usable', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Kept' });
    await store.backupNow();
    await store.close();
    await fsp.rm(path.join(dataDir, 'store'), { recursive: true });
    const { quarantined } = await restoreNewestBackup(dataDir, fixedClock('2024-03-18T00:00:00Z'));
    expect(quarantined).toBeNull();
    expect((await openOk(baseOptions(dataDir))).get('contacts', 'c1')).toEqual({ id: 'c1', name: 'Kept' });

    const empty = await tempDataDir();
    await expect(restoreNewestBackup(empty, fixedClock('2024-03-18T00:00:00Z'))).rejects.toThrow(/No usable backup/);
  });
});
