import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../../../../../electron/core/settings/preferences';
import { historyOf, importJsonStore, IMPORT_REASON, lastImport, OFFICE_DOC, PREFERENCES_DOC } from '../../../../../electron/store/sql';
import type { DataFolder } from '../../../../../electron/store/dataFolder';
import type { Register } from '../../../../../electron/store/sql';
import { registerQuery, TODAY } from '../helpers';
import { contentsOf, importClock, IMPORTED_AS, isEmpty, jsonFolder, openRegister, tableCounts } from './importHelpers';
import { fixtureContents, readWithJsonApp, spec, writeSchema1Folder, writeSchema2Folder } from './jsonFolder';
import type { JsonFolderContents } from './jsonFolder';

const BY = 'Jo Bloggs';
const run = (folder: DataFolder, register: Register) => importJsonStore({ folder, register, spec, clock: importClock, by: BY });

/** What the JSON app itself makes of the folder: read from a copy, as opening it migrates and backs up on disk. */
async function jsonAppView(folder: DataFolder) {
  const copy = `${folder.root}-copy`;
  await fsp.cp(folder.root, copy, { recursive: true });
  try {
    return await readWithJsonApp(copy);
  } finally {
    await fsp.rm(copy, { recursive: true, force: true });
  }
}

/** Every record of every collection, read back through the register as the services read them. */
async function everything(register: Register, expected: Map<string, unknown[]>) {
  const ids = (c: string) => (expected.get(c) as { id: string }[]).map((r) => r.id);
  const byId = <T extends { id: string }>(list: Iterable<T>) => new Map([...list].map((r) => [r.id, r]));
  return new Map<string, Map<string, unknown>>([
    ['organisations', await register.organisations.getMany(ids('organisations'))],
    ['contacts', await register.contacts.getMany(ids('contacts'))],
    ['signatories', await register.signatories.getMany(ids('signatories'))],
    ['ccGroups', await register.ccGroups.getMany(ids('ccGroups'))],
    ['letters', byId(await register.letters.lettersByIds(ids('letters')))],
    ['replies', await register.replies.getMany(ids('replies'))],
  ]);
}

async function expectCarriedOver(folder: DataFolder, register: Register, contents: JsonFolderContents, view: Awaited<ReturnType<typeof jsonAppView>>) {
  // Every record, as the JSON app reads it (migrated, defaults filled in), comes back from the register.
  const back = await everything(register, view.records);
  for (const [collection, records] of view.records) {
    const got = back.get(collection)!;
    expect(got.size, collection).toBe(records.length);
    for (const r of records as { id: string }[]) expect(got.get(r.id), `${collection} ${r.id}`).toEqual(r);
  }
  const counts = await tableCounts(register);
  expect(counts).toMatchObject({
    organisations: contents.book.organisations.length,
    contacts: contents.book.contacts.length,
    cc_group_members: contents.book.ccGroups.reduce((n, g) => n + g.memberIds.length, 0),
    letters: contents.letters.length,
    letters_fts: contents.letters.length,
    replies: contents.replies.length,
    reply_answers: contents.replies.reduce((n, r) => n + r.answers.length, 0),
    reference_counters: Object.keys(contents.counters.counters).length,
  });

  // Search finds an imported letter by its subject.
  const letter = contents.letters[Math.floor(contents.letters.length / 2)]!;
  const page = await register.letters.queryLetters(registerQuery({ query: letter.subject, bin: letter.deletedAt !== null }), TODAY);
  expect(page.rows.map((r) => r.id)).toContain(letter.id);

  // The counters, the office profile and the preferences; the reminders shown stay behind.
  const counters = await register.db.selectFrom('reference_counters').selectAll().execute();
  expect(Object.fromEntries(counters.map((c) => [c.stem_key, c.sequence]))).toEqual(contents.counters.counters);
  expect(register.docs.get(OFFICE_DOC)).toEqual(contents.office);
  expect(register.docs.get(PREFERENCES_DOC)).toEqual(preferencesSchema.parse(contents.preferences));
  expect((await register.db.selectFrom('docs').select('name').orderBy('name').execute()).map((d) => d.name)).toEqual(['jsonImport', 'office', 'preferences']);

  // Each record's history says where it came from.
  const imported = { action: 'import', by: BY, reason: IMPORT_REASON, changes: [], at: importClock.now().toISOString() };
  expect(await historyOf(register.db, 'letter', letter.id)).toMatchObject([imported]);
  expect(await historyOf(register.db, 'contact', contents.book.contacts[3]!.id)).toMatchObject([imported]);
  expect(await historyOf(register.db, 'reply', contents.replies[0]!.id)).toMatchObject([imported]);
  const [note] = await historyOf(register.db, 'doc', 'jsonImport');
  expect(note).toMatchObject({ action: 'import', by: BY });
  expect(note!.reason).toContain(IMPORTED_AS);
  expect(note!.changes).toContainEqual({ field: 'letters', before: null, after: contents.letters.length });

  // store/ is renamed, not deleted; the note the app shows reads it back.
  expect(await fsp.stat(folder.jsonStore).catch(() => null)).toBeNull();
  expect(await lastImport(register)).toMatchObject({ at: importClock.now().toISOString(), by: BY, folderName: IMPORTED_AS, importedFrom: path.join(folder.root, IMPORTED_AS) });
}

describe('carrying a JSON data folder over into the register', () => {
  it('imports a schema-2 folder completely, renames store/ untouched, and a second run does nothing', { timeout: 60_000 }, async () => {
    const contents = fixtureContents(400);
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const view = await jsonAppView(folder);
    const before = await contentsOf(folder.jsonStore);
    const register = await openRegister(folder);

    const report = await run(folder, register);
    expect(report).toEqual({
      counts: { organisations: 30, contacts: 300, signatories: 3, ccGroups: 6, letters: 400, replies: contents.replies.length },
      importedFrom: path.join(folder.root, IMPORTED_AS),
      at: importClock.now().toISOString(),
      sourceSchemaVersion: 2,
      leftBehind: [],
      resumed: false,
    });
    expect(contents.replies.length).toBeGreaterThan(10);
    await expectCarriedOver(folder, register, contents, view);
    // Byte for byte the files it was, under its new name.
    expect(await contentsOf(report!.importedFrom)).toEqual(before);

    // Again, and again after reopening: nothing to do, nothing written.
    const counts = await tableCounts(register);
    expect(await run(folder, register)).toBeNull();
    await register.sql.close();
    const reopened = await openRegister(folder);
    expect(await run(folder, reopened)).toBeNull();
    expect(await tableCounts(reopened)).toEqual(counts);
    expect(reopened.docs.get(OFFICE_DOC)).toEqual(contents.office);
    expect(await lastImport(reopened)).toMatchObject({ folderName: IMPORTED_AS });
  });

  it('imports a schema-1 folder, migrated in memory as the JSON app would migrate it, without writing to it', { timeout: 60_000 }, async () => {
    const contents = fixtureContents(300, undefined, 11);
    const folder = await jsonFolder((root) => writeSchema1Folder(root, contents));
    const view = await jsonAppView(folder);
    const before = await contentsOf(folder.jsonStore);
    const namesBefore = (await fsp.readdir(folder.root)).sort();
    const register = await openRegister(folder);

    const report = await run(folder, register);
    expect(report).toMatchObject({ sourceSchemaVersion: 1, counts: { letters: 300 } });
    await expectCarriedOver(folder, register, contents, view);
    // The old store is still at version 1, file for file: the migration ran in memory only, no backup was taken.
    expect(await contentsOf(report!.importedFrom)).toEqual(before);
    expect(JSON.parse(await fsp.readFile(path.join(report!.importedFrom, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
    expect((await fsp.readdir(folder.root)).filter((n) => !/-(wal|shm)$/.test(n)).sort()).toEqual([...namesBefore.filter((n) => n !== 'store'), 'register.sqlite3', IMPORTED_AS].sort());

    // Version 2's tracking, from version 1's bare commitments.
    const old = contents.letters.find((l) => l.commitments.length > 0)!;
    const [letter] = await register.letters.lettersByIds([old.id]);
    expect(letter).toMatchObject({ threadId: old.id, followsUp: null, deadlineEvents: [] });
    expect(letter!.commitments.map((c) => c.history)).toEqual(old.commitments.map(() => [{ status: 'requested', date: old.letterDate, evidence: null, at: old.createdAt, by: 'Correspondence Desk (upgrade)' }]));
  });

  it('carries over an empty JSON store, and keeps what this version does not know in the renamed folder', async () => {
    const folder = await jsonFolder(async (root) => {
      await fsp.mkdir(path.join(root, 'store', 'widgets'), { recursive: true });
      await fsp.mkdir(path.join(root, 'store', 'docs'), { recursive: true });
      await fsp.writeFile(path.join(root, 'store', 'meta.json'), JSON.stringify({ schemaVersion: 2, createdAt: '2025-01-01T00:00:00.000Z', app: 'correspondence-desk' }));
      await fsp.writeFile(path.join(root, 'store', 'widgets', '00.json'), JSON.stringify({ records: [{ id: 'w1' }] }));
      await fsp.writeFile(path.join(root, 'store', 'docs', 'layout.json'), JSON.stringify({ columns: 3 }));
    });
    const register = await openRegister(folder);
    const report = await run(folder, register);
    expect(report).toMatchObject({ counts: { organisations: 0, letters: 0, replies: 0 }, leftBehind: ['collection widgets', 'document layout'] });
    expect(await fsp.readFile(path.join(report!.importedFrom, 'widgets', '00.json'), 'utf8')).toContain('w1');
    expect(await lastImport(register)).toMatchObject({ leftBehind: ['collection widgets', 'document layout'] });
    expect((await tableCounts(register)).letters).toBe(0);
  });

  it('says there is nothing to import in a folder without a JSON store, and writes nothing', async () => {
    const folder = await jsonFolder(async () => undefined);
    const register = await openRegister(folder);
    expect(await run(folder, register)).toBeNull();
    expect(isEmpty(await tableCounts(register))).toBe(true);
    expect(await lastImport(register)).toBeNull();
  });

  it('reports its progress, letting the event loop run while it writes and checks', async () => {
    const contents = fixtureContents(1200, { organisations: 5, contacts: 20, ccGroups: 1 });
    const folder = await jsonFolder((root) => writeSchema2Folder(root, contents));
    const register = await openRegister(folder);
    const steps: string[] = [];
    // A timer's ticks while the letters go in: each batch gives the event loop a turn.
    let ticks = 0;
    const ticksWhileWriting: number[] = [];
    const timer = setInterval(() => ticks++, 0);
    try {
      await importJsonStore({
        folder,
        register,
        spec,
        clock: importClock,
        by: BY,
        onProgress: (p) => {
          steps.push(`${p.step} ${p.done}/${p.total}`);
          if (p.step === 'writing') ticksWhileWriting.push(ticks);
        },
      });
    } finally {
      clearInterval(timer);
    }
    expect(steps[0]).toBe('reading 0/0');
    expect(steps).toContain('writing 1200/1200');
    expect(steps).toContain(`checking ${1200 + 5 + 20 + 3 + 1 + contents.replies.length}/${1200 + 5 + 20 + 3 + 1 + contents.replies.length}`);
    expect(steps.at(-1)).toBe('renaming 0/1');
    expect(ticksWhileWriting).toHaveLength(3);
    expect(ticksWhileWriting[2]!).toBeGreaterThan(ticksWhileWriting[0]!);
  });
});
