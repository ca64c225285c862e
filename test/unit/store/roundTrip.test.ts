import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreValidationError } from '../../../electron/store';
import type { Contact, Letter, Settings } from './helpers';
import { baseOptions, openOk, readJson, snapshotTree, tempDataDir } from './helpers';

describe('store round trip', () => {
  it('initialises a brand new data dir with meta.json', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    expect(store.dir).toBe(path.join(dataDir, 'store'));
    expect(await readJson(path.join(dataDir, 'store', 'meta.json'))).toEqual({
      schemaVersion: 1,
      createdAt: '2024-03-17T09:00:00.000Z',
      app: 'correspondence-desk',
    });
    expect(store.all('contacts')).toEqual([]);
    expect(store.getDoc<Settings>('settings')).toEqual({ signatory: 'The Mayor', pageSize: 'A4' });
  });

  it('keeps records and documents across close and reopen', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.org' });
    await store.put<Contact>('contacts', { id: 'c2', name: 'Charles Babbage' });
    await store.putMany<Letter>('letters', [
      { id: 'l1', subject: 'Invitation', contactId: 'c1' },
      { id: 'l2', subject: 'Thanks', contactId: 'c2' },
    ]);
    await store.put<Contact>('contacts', { id: 'c2', name: 'Charles B.' }); // overwrite
    await store.putDoc<Settings>('settings', { signatory: 'Deputy Mayor', pageSize: 'Letter' });
    await store.close();

    const again = await openOk(baseOptions(dataDir));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(again.all<Contact>('contacts').sort(byId)).toEqual([
      { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.org' },
      { id: 'c2', name: 'Charles B.' },
    ]);
    expect(again.all<Letter>('letters').sort(byId).map((l) => l.subject)).toEqual(['Invitation', 'Thanks']);
    expect(again.get<Contact>('contacts', 'c1')?.name).toBe('Ada Lovelace');
    expect(again.get('contacts', 'nope')).toBeUndefined();
    expect(again.getDoc<Settings>('settings')).toEqual({ signatory: 'Deputy Mayor', pageSize: 'Letter' });
    const onDisk = await readJson(path.join(dataDir, 'store', 'docs', 'settings.json'));
    expect(onDisk).toEqual({ signatory: 'Deputy Mayor', pageSize: 'Letter' });
  });

  it('keeps unknown fields of records and documents through load and save', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    // As a newer app version might have written it:
    await store.put('contacts', { id: 'c1', name: 'Ada', pronouns: 'she/her', tags: ['vip'] });
    await store.putDoc('settings', { signatory: 'X', pageSize: 'A4', futureFlag: true });
    await store.close();

    const again = await openOk(baseOptions(dataDir));
    expect(again.get('contacts', 'c1')).toEqual({ id: 'c1', name: 'Ada', pronouns: 'she/her', tags: ['vip'] });
    // An edit by this version, spreading the record it read, keeps them too:
    const c1 = again.get<Contact>('contacts', 'c1');
    if (!c1) throw new Error('c1 missing');
    await again.put<Contact>('contacts', { ...c1, name: 'Ada L.' });
    await again.close();
    const third = await openOk(baseOptions(dataDir));
    expect(third.get('contacts', 'c1')).toEqual({ id: 'c1', name: 'Ada L.', pronouns: 'she/her', tags: ['vip'] });
    expect(third.getDoc('settings')).toEqual({ signatory: 'X', pageSize: 'A4', futureFlag: true });
  });

  it('rejects an invalid record with StoreValidationError and changes neither memory nor disk', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    const before = await snapshotTree(dataDir);

    const bad = { id: 'c1', name: '', email: 'not-an-email' };
    const err = await store.put('contacts', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreValidationError);
    const verr = err as StoreValidationError;
    expect(verr.target).toBe('contacts');
    expect(verr.recordId).toBe('c1');
    expect(verr.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'name']);
    expect(Object.keys(verr.fieldErrors()).sort()).toEqual(['email', 'name']);
    expect(store.get('contacts', 'c1')).toEqual({ id: 'c1', name: 'Ada' });

    // putMany is all-or-nothing: the valid first record is not applied either.
    const many = await store
      .putMany('contacts', [{ id: 'c2', name: 'Ok' }, { id: 'c3', name: '' }])
      .catch((e: unknown) => e);
    expect(many).toBeInstanceOf(StoreValidationError);
    expect((many as StoreValidationError).index).toBe(1);
    expect(store.get('contacts', 'c2')).toBeUndefined();

    await expect(store.putDoc('settings', { signatory: 'X', pageSize: 'A5' })).rejects.toBeInstanceOf(
      StoreValidationError,
    );
    expect(store.getDoc<Settings>('settings').pageSize).toBe('A4');
    // Compared before close(), which backs up the valid put of c1.
    expect(await snapshotTree(dataDir)).toEqual(before);
  });

  it('hands out frozen values, so a mutation cannot silently diverge memory from disk', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    const mine = { id: 'c1', name: 'Ada', nested: { a: 1 } };
    await store.put('contacts', mine);
    mine.nested.a = 2; // the caller's object stays theirs
    const got = store.get<{ nested: { a: number } }>('contacts', 'c1');
    expect(got?.nested.a).toBe(1);
    expect(() => {
      (got as { nested: { a: number } }).nested.a = 3;
    }).toThrow(TypeError);
  });

  it('removes records', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.putMany<Contact>('contacts', [
      { id: 'c1', name: 'A' },
      { id: 'c2', name: 'B' },
    ]);
    expect(await store.remove('contacts', 'c1')).toBe(true);
    expect(await store.remove('contacts', 'c1')).toBe(false);
    await store.close();
    const again = await openOk(baseOptions(dataDir));
    expect(again.all<Contact>('contacts').map((c) => c.id)).toEqual(['c2']);
  });

  it('throws for unknown collections and after close', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    expect(() => store.all('nope')).toThrow(/unknown collection/);
    await store.close();
    await expect(store.put('contacts', { id: 'x', name: 'y' })).rejects.toThrow(/closed/);
  });

  it('refuses invalid specs and migration lists as programmer errors', async () => {
    const dataDir = await tempDataDir();
    await expect(openStore(baseOptions(dataDir, { schemaVersion: 2 }))).rejects.toThrow(/last migration/);
    const m = (to: number) => ({ to, description: `to ${to}`, up: (d: never) => d });
    await expect(openStore(baseOptions(dataDir, { schemaVersion: 3, migrations: [m(3), m(2)] }))).rejects.toThrow(
      /strictly increasing/,
    );
    await expect(openStore(baseOptions(dataDir, { schemaVersion: 3, migrations: [m(2)] }))).rejects.toThrow();
    await expect(
      openStore(baseOptions(dataDir, { collections: [{ name: '../evil', shards: 2, schema: (await import('./helpers')).contactSchema }] })),
    ).rejects.toThrow(/invalid collection name/);
    // Nothing was created by the refused attempts.
    expect(await fsp.readdir(dataDir)).toEqual([]);
  });
});
