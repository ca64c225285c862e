import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createRegister, DamagedRegisterError, openDatabase, SCHEMA_VERSION } from '../../../../electron/store/sql';
import type { DatabaseProblemKind } from '../../../../electron/store/sql';
import { migrations } from '../../../../electron/store/sql/migrations';
import { clock, copyWithDamagedPage, fixtureLetters, madeRegister, namesIn, open, openRepository, sha256, tempDir, tempFile } from './helpers';

describe('opening a new register', () => {
  it('makes the file, stamped as ours, at the current version, with the settings every write relies on', async () => {
    const file = await tempFile();
    const store = await open(file);
    expect(store.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(store.raw.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(store.raw.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('leaves no temporary file behind, and removes one left by a crash while making a register', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'register.sqlite3');
    await fsp.writeFile(`${file}.creating-123-abcdef`, 'half made');
    await open(file);
    expect((await namesIn(dir)).filter((n) => n.includes('.creating-'))).toEqual([]);
  });

  it('opens the same register again with its letters', async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(20), { by: 'Test', reason: null });
    await store.close();
    const again = await openRepository(file);
    expect((await again.repo.queryLetters({ query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'reference', direction: 'asc', bin: true, awaitingSignatory: null, limit: 1, offset: 0 }, '2026-01-01')).total).toBeGreaterThanOrEqual(0);
    expect(await again.repo.getLetter('letter-3')).toBeDefined();
  });
});

function foreignDatabase(file: string, setup: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(file);
  setup(db);
  db.close();
}

const badFiles: { name: string; kind: DatabaseProblemKind; make: (file: string) => Promise<void> }[] = [
  { name: 'an empty file', kind: 'empty', make: (f) => fsp.writeFile(f, '') },
  { name: 'a zero-filled file', kind: 'zero-filled', make: (f) => fsp.writeFile(f, Buffer.alloc(32 * 1024)) },
  { name: 'garbage', kind: 'not-sqlite', make: (f) => fsp.writeFile(f, Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 251))) },
  { name: 'a text file', kind: 'not-sqlite', make: (f) => fsp.writeFile(f, 'Dear DAC Taylor,\nWe are writing…\n'.repeat(200)) },
  { name: 'a header cut short', kind: 'truncated', make: (f) => fsp.writeFile(f, 'SQLite format 3\0abc') },
  {
    name: 'a register cut short',
    kind: 'truncated',
    make: async (f) => {
      const whole = await fsp.readFile(await madeRegister());
      await fsp.writeFile(f, whole.subarray(0, Math.floor(whole.length / 2)));
    },
  },
  {
    name: 'another program’s SQLite file',
    kind: 'foreign',
    make: async (f) => foreignDatabase(f, (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'hello\');')),
  },
  {
    name: 'another program’s SQLite file in WAL mode, with its own application_id',
    kind: 'foreign',
    make: async (f) =>
      foreignDatabase(f, (db) => {
        db.pragma('journal_mode = WAL');
        db.pragma('application_id = 1234');
        db.exec('CREATE TABLE t (x)');
      }),
  },
  { name: 'an empty SQLite database', kind: 'foreign', make: async (f) => foreignDatabase(f, (db) => db.pragma('user_version = 1')) },
  {
    name: 'a register from a newer version',
    kind: 'newer-version',
    make: async (f) => {
      await fsp.copyFile(await madeRegister(), f);
      foreignDatabase(f, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 5}`));
    },
  },
  {
    // Opening it for writing would switch it to WAL, a write, so it is checked first (a restored backup is in this mode).
    name: 'a register in rollback-journal mode with a damaged page',
    kind: 'damaged',
    make: async (f) => {
      const made = await madeRegister();
      foreignDatabase(made, (db) => db.pragma('journal_mode = DELETE'));
      await copyWithDamagedPage(made, f);
    },
  },
];

describe('a file that is not a register we can open is refused, named, and left as it was', () => {
  for (const bad of badFiles) {
    it(`refuses ${bad.name}`, async () => {
      const dir = await tempDir();
      const file = path.join(dir, 'register.sqlite3');
      await bad.make(file);
      const before = await sha256(file);
      const namesBefore = await namesIn(dir);

      const result = await openDatabase(file);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.kind).toBe(bad.kind);
      expect(result.problem.file).toBe(file);
      expect(result.problem.message).toContain(file);
      expect(await sha256(file)).toBe(before);
      expect(await namesIn(dir)).toEqual(namesBefore);
      // And again: a refusal is not a step towards opening it.
      expect((await openDatabase(file)).ok).toBe(false);
      expect(await sha256(file)).toBe(before);
    });
  }

  it('believes the write-ahead log a crash left over the file’s header, and leaves both untouched', async () => {
    const original = await madeRegister();
    const writer = new BetterSqlite3(original);
    writer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    // Copied while the writer still has it open: the new version is only in the log, as after a crash.
    const dir = await tempDir();
    const file = path.join(dir, 'register.sqlite3');
    await fsp.copyFile(original, file);
    await fsp.copyFile(`${original}-wal`, `${file}-wal`);
    writer.close();
    const before = [await sha256(file), await sha256(`${file}-wal`)];
    expect((await fsp.readFile(file)).readInt32BE(60)).toBe(SCHEMA_VERSION);

    const result = await openDatabase(file);

    expect(result.ok ? null : result.problem.kind).toBe('newer-version');
    expect([await sha256(file), await sha256(`${file}-wal`)]).toEqual(before);
  });

  it('refuses to start a new register where the old one is missing but its journal remains', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'register.sqlite3');
    await fsp.writeFile(`${file}-wal`, Buffer.alloc(4096, 1));
    const result = await openDatabase(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe('orphan-journal');
    expect(await namesIn(dir)).toEqual(['register.sqlite3-wal']);
  });

  it('says plainly what is wrong', async () => {
    const file = await tempFile();
    await fsp.writeFile(file, Buffer.alloc(4096));
    const result = await openDatabase(file);
    expect(result.ok ? '' : result.problem.message).toBe(`The register file “${file}” has been overwritten with zero bytes, as a failing disk or a sync program can leave a file. Nothing in it has been changed.`);
  });
});

/** A copy of a register of 300 letters with a page in the middle scribbled over, alone in a folder of its own. */
async function damagedRegister(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = path.join(dir, 'register.sqlite3');
  await copyWithDamagedPage(await madeRegister(), file);
  return { dir, file };
}

describe('a damaged register: checked off the main thread, and never written', () => {
  it('at the current version, opens at once; reads work, `checked` names the damage, every write refuses, and the file stays as it was', async () => {
    const { dir, file } = await damagedRegister();
    const before = await sha256(file);

    const result = await openDatabase(file);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { store } = result;
    const register = await createRegister(store, clock);
    const letter = { ...(await register.letters.getLetter('letter-1'))!, subject: 'Changed' };
    // Asked for before the check has answered: it waits for the check, then refuses.
    const save = register.letters.saveLetter(letter, { by: 'Test', action: 'edit' }).then(
      () => 'saved',
      (err: unknown) => err,
    );
    expect(letter.id).toBe('letter-1');
    expect(store.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);

    const refusal = await store.checked.then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(DamagedRegisterError);
    const { problem, message } = refusal as DamagedRegisterError;
    expect(problem.kind).toBe('damaged');
    expect(problem.file).toBe(file);
    expect(problem.message).toMatch(/^The register file “.*” is damaged \(SQLite’s check says: .+\)\. Nothing in it has been changed\.$/s);
    expect(message).toContain(file);
    expect(message).toContain('Nothing in it has been changed.');
    expect(message).toContain('restore a backup');
    expect(await save).toBe(refusal);
    await expect(register.write(async (trx) => trx.deleteFrom('letters').execute())).rejects.toBe(refusal);
    await expect(register.letters.purgeLetter('letter-1', { by: 'Test' })).rejects.toBe(refusal);
    await expect(register.letters.importLetters(fixtureLetters(1, 99).map((l) => ({ ...l, id: 'new-1' })), { by: 'Test', reason: null })).rejects.toBe(refusal);
    expect(await register.letters.getLetter('letter-1'), 'reads go on').toBeDefined();
    expect(await sha256(file)).toBe(before);

    await store.close();
    expect(await sha256(file), 'closing writes nothing either (no PRAGMA optimize)').toBe(before);
    expect(await namesIn(dir), 'no -wal or -shm left beside it').toEqual(['register.sqlite3']);
  });

  it('needing a migration, is checked before it is migrated, and refused untouched', async () => {
    const { dir, file } = await damagedRegister();
    const before = await sha256(file);
    const addNotes = { version: SCHEMA_VERSION + 1, description: 'notes', up: async () => undefined };

    const result = await openDatabase(file, [...migrations, addNotes]);

    expect(result.ok ? null : result.problem.kind).toBe('damaged');
    expect(await sha256(file)).toBe(before);
    expect(await namesIn(dir)).toEqual(['register.sqlite3']);
  });

  it('sound, reopened: `checked` resolves and writes go through', async () => {
    const file = await madeRegister(20);
    const { store, repo } = await openRepository(file);
    await expect(store.checked).resolves.toBeUndefined();
    const letter = (await repo.getLetter('letter-2'))!;
    expect((await repo.saveLetter({ ...letter, subject: 'After the check' }, { by: 'Test', action: 'edit' })).version).toBe(2);
  });
});
