import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckFailedError, checkInWorker } from '../../../../electron/store/sql';
import { copyWithDamagedPage, madeRegister, namesIn, openRepository, suiteTempDir, tempDir } from './helpers';

describe('checkInWorker', () => {
  let sound: string;
  let damaged: string;
  beforeAll(async () => {
    sound = await madeRegister(300, { forSuite: true });
    damaged = path.join(await suiteTempDir(), 'damaged.sqlite3');
    await copyWithDamagedPage(sound, damaged);
  });

  it('resolves to null for a sound register, with either check', async () => {
    expect(await checkInWorker(sound, 'quick_check')).toBeNull();
    expect(await checkInWorker(sound, 'integrity_check')).toBeNull();
  });

  it('finds a damaged page, giving no more findings than asked for', async () => {
    const quick = await checkInWorker(damaged, 'quick_check', { limit: 1 });
    expect(quick).toMatch(/page \d+/);
    expect(quick!.split('; ')).toHaveLength(1);
    const full = await checkInWorker(damaged, 'integrity_check', { limit: 5 });
    expect(full).not.toBeNull();
    expect(full!.split('; ').length).toBeLessThanOrEqual(5);
  });

  it('rejects with SQLite’s code when it cannot open or read the file', async () => {
    const dir = await tempDir();
    const missing = checkInWorker(path.join(dir, 'missing.sqlite3'), 'quick_check');
    await expect(missing).rejects.toBeInstanceOf(CheckFailedError);
    await expect(missing).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN', opening: true });
    const text = path.join(dir, 'letter.txt');
    await fsp.writeFile(text, 'Dear DAC Taylor,\n'.repeat(500));
    await expect(checkInWorker(text, 'quick_check')).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });
    await expect(checkInWorker(sound, 'vacuum' as 'quick_check')).rejects.toThrow('not a check');
  });

  it('reads a WAL register another connection holds open for writing (its last commit still in the log), and leaves no files once that one closes', async () => {
    const { store, repo, file } = await openRepository(await madeRegister(20));
    const letter = (await repo.getLetter('letter-1'))!;
    await repo.saveLetter({ ...letter, subject: 'Committed, in the log only' }, { by: 'Test', action: 'edit' });
    expect((await fsp.stat(`${file}-wal`)).size).toBeGreaterThan(0);
    expect(await checkInWorker(file, 'integrity_check')).toBeNull();
    await store.close();
    expect(await namesIn(path.dirname(file))).toEqual(['register.sqlite3']);
  });
});

describe('the event loop while a check runs', () => {
  let large: string;
  beforeAll(async () => {
    large = await madeRegister(3_000, { forSuite: true });
  }, 120_000);

  it('keeps turning during a worker check of a register of 3,000 letters, where the same check on this thread stops it', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const findings = await checkInWorker(large, 'integrity_check');
      expect(findings).toBeNull();
      expect(ticks).toBeGreaterThanOrEqual(3);

      // The control: the same check on the main thread lets no timer run at all.
      const before = ticks;
      const raw = new BetterSqlite3(large, { readonly: true, fileMustExist: true });
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }
      expect(ticks).toBe(before);
    } finally {
      clearInterval(timer);
    }
  });
});
