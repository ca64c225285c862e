import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardFileName, shardOf } from '../../../../../electron/store/shardHash';
import { ImportError, importJsonStore, lastImport, setAsideFailedImport } from '../../../../../electron/store/sql';
import type { DataFolder } from '../../../../../electron/store/dataFolder';
import type { ImportProgress, Register } from '../../../../../electron/store/sql';
import { readMarker, updateMarker } from '../../../../../electron/store/sql/importJson/marker';
import { contentsOf, importClock, IMPORTED_AS, isEmpty, jsonFolder, openRegister, tableCounts } from './importHelpers';
import { fixtureContents, spec, writeSchema2Folder } from './jsonFolder';

const run = (folder: DataFolder, register: Register, onProgress?: (p: ImportProgress) => void) => importJsonStore({ folder, register, spec, clock: importClock, by: 'Jo Bloggs', ...(onProgress ? { onProgress } : {}) });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the import should fail'), (err: unknown) => err as ImportError);
const small = () => fixtureContents(60, { organisations: 4, contacts: 25, ccGroups: 2 });
const letterShard = (id: string) => `letters/${shardFileName(shardOf(id, 256), 256)}`;

/** Stop the import at a step (as a kill would, from the register's point of view) by throwing from the progress listener. */
const stopAt = (step: ImportProgress['step']) => (p: ImportProgress) => {
  if (p.step === step) throw new Error(`stopped while ${step}`);
};

async function editShard(folder: DataFolder, rel: string, edit: (records: Record<string, unknown>[]) => void): Promise<void> {
  const file = path.join(folder.jsonStore, rel);
  const shard = JSON.parse(await fsp.readFile(file, 'utf8')) as { records: Record<string, unknown>[] };
  edit(shard.records);
  await fsp.writeFile(file, JSON.stringify(shard));
}

async function expectUntouched(folder: DataFolder, register: Register, before: Map<string, string>): Promise<void> {
  expect(await contentsOf(folder.jsonStore)).toEqual(before);
  expect(await fsp.stat(path.join(folder.root, IMPORTED_AS)).catch(() => null)).toBeNull();
  expect(isEmpty(await tableCounts(register))).toBe(true);
}

describe('an import that cannot be done leaves everything as it was', () => {
  it('names a damaged shard file, renames nothing, writes nothing, and imports once the file is mended', async () => {
    const contents = small();
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const rel = letterShard(contents.letters[7]!.id);
    const good = await fsp.readFile(path.join(folder.jsonStore, rel));
    await fsp.writeFile(path.join(folder.jsonStore, rel), good.subarray(0, good.length - 40));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);

    const err = await failure(run(folder, register));
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ kind: 'unreadable', register: 'untouched', file: `store/${rel}` });
    expect(err.message).toContain(rel);
    expect(err.message).toMatch(/stops part-way/);
    expect(err.message).toMatch(/Nothing was changed/);
    await expectUntouched(folder, register, before);

    await fsp.writeFile(path.join(folder.jsonStore, rel), good);
    expect(await run(folder, register)).toMatchObject({ counts: { letters: 60 } });
  });

  it('names a record that fails its schema, and its shard', async () => {
    const contents = small();
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const bad = contents.letters[12]!;
    await editShard(folder, letterShard(bad.id), (records) => void (records.find((r) => r.id === bad.id)!.letterDate = '31/02/2026'));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    const err = await failure(run(folder, register));
    expect(err).toMatchObject({ kind: 'invalid', register: 'untouched', file: `store/${letterShard(bad.id)}` });
    expect(err.message).toContain(`"${bad.id}"`);
    expect(err.message).toContain('letterDate');
    await expectUntouched(folder, register, before);
  });

  it('refuses a record that names one the old register does not have, by name', async () => {
    const contents = small();
    contents.book.contacts[2] = { ...contents.book.contacts[2]!, organisationId: 'org-gone' };
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    const err = await failure(run(folder, register));
    expect(err).toMatchObject({ kind: 'invalid', register: 'untouched' });
    expect(err.message).toContain('"org-gone"');
    await expectUntouched(folder, register, before);
  });

  it('refuses a JSON store from a newer version', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    await fsp.writeFile(path.join(folder.jsonStore, 'meta.json'), JSON.stringify({ schemaVersion: 3, createdAt: '2027-01-01T00:00:00.000Z', app: 'correspondence-desk' }));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    expect(await failure(run(folder, register))).toMatchObject({ kind: 'newer-version', register: 'untouched', file: 'store/meta.json' });
    await expectUntouched(folder, register, before);
  });

  it('rolls the whole import back when it stops while writing; the next start imports it all', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    expect(await failure(run(folder, register, stopAt('writing')))).toMatchObject({ kind: 'write-failed', register: 'untouched' });
    await expectUntouched(folder, register, before);
    await register.sql.close();

    const again = await openRegister(folder);
    expect(await run(folder, again)).toMatchObject({ counts: { letters: 60 }, resumed: false });
  });

  it('keeps a register that has records of its own, and leaves store/ alone', async () => {
    const contents = small();
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    await register.write((trx) => register.organisations.save(trx, contents.book.organisations[0]!, { by: 'Jo', action: 'create', at: importClock.now().toISOString() }));
    expect(await failure(run(folder, register))).toMatchObject({ kind: 'not-empty', register: 'keep', file: 'store' });
    expect(await contentsOf(folder.jsonStore)).toEqual(before);
    expect((await tableCounts(register)).organisations).toBe(1);
  });
});

describe('an import stopped after its commit is finished by the next start', () => {
  it('checks and renames when it stopped while checking', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    const register = await openRegister(folder);
    await expect(run(folder, register, stopAt('checking'))).rejects.toThrow('stopped while checking');
    expect(await readMarker(register.db)).toMatchObject({ state: 'imported' });
    expect(await lastImport(register)).toBeNull();
    const counts = await tableCounts(register);
    await register.sql.close();

    const again = await openRegister(folder);
    expect(await run(folder, again)).toMatchObject({ counts: { letters: 60 }, resumed: true, importedFrom: path.join(folder.root, IMPORTED_AS) });
    expect(await tableCounts(again)).toEqual(counts);
    expect(await lastImport(again)).toMatchObject({ folderName: IMPORTED_AS });
    expect(await fsp.stat(folder.jsonStore).catch(() => null)).toBeNull();
  });

  it('only renames when it stopped after the check', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    const register = await openRegister(folder);
    await expect(run(folder, register, stopAt('renaming'))).rejects.toThrow('stopped while renaming');
    expect(await readMarker(register.db)).toMatchObject({ state: 'verified' });
    const steps: string[] = [];
    expect(await run(folder, register, (p) => steps.push(p.step))).toMatchObject({ resumed: true });
    expect(steps).toEqual(['renaming']);
  });

  it('marks the import complete when the rename happened but the marker did not say so', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    const register = await openRegister(folder);
    await run(folder, register);
    const marker = await readMarker(register.db);
    if (marker === null || marker === 'unreadable') throw new Error('no marker');
    await updateMarker(register.db, { ...marker, state: 'verified' }, importClock.now().toISOString());
    expect(await lastImport(register)).toBeNull();
    expect(await run(folder, register)).toBeNull();
    expect(await lastImport(register)).toMatchObject({ folderName: IMPORTED_AS });
  });

  it('finds a record that reads back differently; the register is set aside and the next start imports again', async () => {
    const contents = small();
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);
    await expect(run(folder, register, stopAt('checking'))).rejects.toThrow();
    const victim = contents.letters[20]!.id;
    await register.db.updateTable('letters').set({ subject: 'Changed behind our back' }).where('id', '=', victim).execute();

    const err = await failure(run(folder, register));
    expect(err).toMatchObject({ kind: 'mismatch', register: 'discard' });
    expect(err.message).toContain(`letters record "${victim}" reads back differently`);
    expect(await contentsOf(folder.jsonStore)).toEqual(before);

    await register.sql.close();
    const aside = await setAsideFailedImport(folder, importClock);
    expect(path.basename(aside)).toBe('register.sqlite3.failed-import-20261202-091502-123');
    expect(await fsp.stat(folder.register).catch(() => null)).toBeNull();
    const fresh = await openRegister(folder);
    expect(await run(folder, fresh)).toMatchObject({ resumed: false, counts: { letters: 60 } });
    const [letter] = await fresh.letters.lettersByIds([victim]);
    expect(letter!.subject).toBe(contents.letters[20]!.subject);
  });

  it('sets a failed register aside with its log, keeping only the latest one set aside', async () => {
    const folder = await jsonFolder(async () => undefined);
    const earlier = `${folder.register}.failed-import-20261201-080000-000`;
    await fsp.writeFile(earlier, 'an earlier failure');
    await fsp.writeFile(folder.register, 'register');
    await fsp.writeFile(`${folder.register}-wal`, 'log');
    const aside = await setAsideFailedImport(folder, importClock);
    expect((await fsp.readdir(folder.root)).sort()).toEqual([path.basename(aside), `${path.basename(aside)}-wal`]);
    expect(await fsp.readFile(`${aside}-wal`, 'utf8')).toBe('log');
  });

  it('will not finish an import of a JSON store that has changed since', async () => {
    const contents = small();
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const register = await openRegister(folder);
    await expect(run(folder, register, stopAt('checking'))).rejects.toThrow();
    const edited = contents.letters[3]!;
    await editShard(folder, letterShard(edited.id), (records) => void (records.find((r) => r.id === edited.id)!.subject = 'Edited by the old app'));
    expect(await failure(run(folder, register))).toMatchObject({ kind: 'mismatch', register: 'discard', file: 'store' });
    expect(await fsp.stat(folder.jsonStore)).toBeTruthy();
  });

  it('says so, and leaves it, when a JSON store turns up after the import was complete', async () => {
    const folder = await jsonFolder((root) => writeSchema2Folder(root, small()));
    const register = await openRegister(folder);
    const report = await run(folder, register);
    await fsp.cp(report!.importedFrom, folder.jsonStore, { recursive: true });
    const err = await failure(run(folder, register));
    expect(err).toMatchObject({ kind: 'not-empty', register: 'keep' });
    expect(err.message).toContain('2026-12-02');
    expect(await fsp.stat(folder.jsonStore)).toBeTruthy();
  });
});
