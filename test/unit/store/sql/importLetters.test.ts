import { describe, expect, it } from 'vitest';
import { letterRecord } from '../../../../electron/core/letters/letterSchema';
import { StoreValidationError } from '../../../../electron/store';
import { historyOf } from '../../../../electron/store/sql';
import { fixtureLetters, openRepository, registerQuery, TODAY } from './helpers';

const options = { by: 'Jo Bloggs', reason: 'Carried over from the JSON register' };

describe('importing letters in bulk', () => {
  it('stores every letter as saving it one by one would', async () => {
    const letters = fixtureLetters(300);
    const bulk = await openRepository();
    const single = await openRepository();
    expect(await bulk.repo.importLetters(letters, options)).toBe(300);
    for (const l of letters.slice(0, 40)) await single.repo.saveLetter(l, { by: 'Jo Bloggs', action: 'create' });

    for (const l of letters.slice(0, 40)) {
      expect(await bulk.repo.getLetter(l.id)).toEqual(letterRecord.parse(l));
      expect(await bulk.repo.getLetter(l.id)).toEqual(await single.repo.getLetter(l.id));
    }
    const tables = ['commitments', 'commitment_tags', 'letter_signatories'] as const;
    for (const table of tables) {
      const sql = `SELECT * FROM ${table} WHERE letter_id IN (${letters.slice(0, 40).map((l) => `'${l.id}'`).join(', ')}) ORDER BY 1, 2, 3`;
      expect(bulk.store.raw.prepare(sql).all()).toEqual(single.store.raw.prepare(sql).all());
    }
    expect((await bulk.repo.queryLetters(registerQuery({ bin: false }), TODAY)).total + (await bulk.repo.queryLetters(registerQuery({ bin: true }), TODAY)).total).toBe(300);
    expect(await historyOf(bulk.store.db, 'letter', letters[5]!.id)).toMatchObject([{ action: 'import', by: 'Jo Bloggs', reason: options.reason, changes: [] }]);
  });

  it('writes nothing when one letter is invalid, and says which', async () => {
    const { store, repo } = await openRepository();
    const letters: unknown[] = fixtureLetters(50);
    letters[31] = { ...(letters[31] as object), letterDate: '31/02/2026' };
    const error = await repo.importLetters(letters, options).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreValidationError);
    expect((error as StoreValidationError).index).toBe(31);
    expect((error as StoreValidationError).recordId).toBe('letter-31');
    expect(store.raw.prepare('SELECT count(*) AS n FROM letters').get()).toEqual({ n: 0 });
  });

  it('writes nothing when a letter is already there: an import is all or nothing', async () => {
    const { store, repo } = await openRepository();
    const letters = fixtureLetters(50);
    await repo.saveLetter(letters[40]!, { by: 'Jo Bloggs', action: 'create' });
    await expect(repo.importLetters(letters, options)).rejects.toThrow(/UNIQUE/);
    expect(store.raw.prepare('SELECT count(*) AS n FROM letters').get()).toEqual({ n: 1 });
    expect(store.raw.prepare('SELECT count(*) AS n FROM letters_fts').get()).toEqual({ n: 1 });
    expect(store.raw.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 1 });
  });
});
