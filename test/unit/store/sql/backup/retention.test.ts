import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../electron/core/clock';
import { backupRegister, listRegisterBackups } from '../../../../../electron/store/sql/backup';
import { backupFolderNames, folderWithRegister } from './backupHelpers';

describe('register backups are pruned by the JSON store’s rule', () => {
  it('keeps 5 from today and the newest of each earlier London day', async () => {
    const { folder, store } = await folderWithRegister(5);
    const clock = fixedClock('2026-05-30T09:00:00.000Z');
    const at = async (iso: string) => {
      clock.set(iso);
      return (await backupRegister(store, { folder, clock })).id;
    };
    await at('2026-05-30T09:00:00.000Z');
    const newestOf30th = await at('2026-05-30T15:00:00.000Z');
    await at('2026-05-31T10:00:00.000Z');
    // 23:30 in London (BST) on the 31st, although 22:30 UTC.
    const newestOf31st = await at('2026-05-31T22:30:00.000Z');
    // 00:30 on 1 June in London, although still 31 May in UTC: the first of "today".
    const today = [await at('2026-05-31T23:30:00.000Z')];
    for (let hour = 8; hour < 14; hour++) today.push(await at(`2026-06-01T${String(hour).padStart(2, '0')}:00:00.000Z`));

    const kept = (await listRegisterBackups(folder)).map((b) => b.id);
    expect(kept).toEqual([...today.slice(-5).reverse(), newestOf31st, newestOf30th]);
    expect(await backupFolderNames(folder), 'pruned folders are gone, not left half-deleted').toEqual([...kept].sort());

    // keepDays counts days that have backups: with 1, only the 31st keeps one.
    clock.set('2026-06-01T15:00:00.000Z');
    const last = await backupRegister(store, { folder, clock, policy: { keepDays: 1 } });
    expect((await listRegisterBackups(folder)).map((b) => b.id)).toEqual([last.id, ...today.slice(-4).reverse(), newestOf31st]);
  });

  it('keeps a backup dated after today (the clock was put back) rather than the newest data', async () => {
    const { folder, store } = await folderWithRegister(5);
    const clock = fixedClock('2026-06-10T09:00:00.000Z');
    const future = await backupRegister(store, { folder, clock });
    clock.set('2026-06-01T09:00:00.000Z');
    for (let i = 0; i < 6; i++) await backupRegister(store, { folder, clock });
    const ids = (await listRegisterBackups(folder)).map((b) => b.id);
    expect(ids[0]).toBe(future.id);
    expect(ids).toHaveLength(6);
  });
});
