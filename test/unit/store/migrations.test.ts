import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store';
import type { Migration, RawDataset, StoreFs } from '../../../electron/store';
import { nodeFs } from '../../../electron/store/fsSeam';
import type { Contact } from './helpers';
import { baseOptions, expectTreeUnchanged, openOk, readJson, snapshotTree, tempDataDir, writeJson } from './helpers';

/** Version 1 kept contacts in one file, with `fullName` instead of `name`. */
async function writeVersion1Store(dataDir: string): Promise<void> {
  const store = path.join(dataDir, 'store');
  await writeJson(path.join(store, 'meta.json'), { schemaVersion: 1, createdAt: '2023-01-01T00:00:00.000Z', app: 'correspondence-desk' });
  await writeJson(path.join(store, 'contacts', '00.json'), {
    records: [
      { id: 'c1', fullName: 'Ada Lovelace', legacy: 'kept' },
      { id: 'c2', fullName: 'Charles Babbage' },
      { id: 'c3', fullName: 'Grace Hopper' },
    ],
  });
  await writeJson(path.join(store, 'drafts', '00.json'), { records: [{ id: 'd1', text: 'no spec for me' }] });
  await writeJson(path.join(store, 'docs', 'settings.json'), { signatory: 'Mayor' });
}

const renameFullName: Migration = {
  to: 2,
  description: 'contacts: fullName → name; settings get pageSize',
  up(data: RawDataset): RawDataset {
    const contacts = (data.collections.contacts ?? []).map((raw) => {
      const { fullName, ...rest } = raw as { fullName: string };
      return { ...rest, name: fullName };
    });
    const settings = { pageSize: 'A4', ...(data.docs.settings as object) };
    return { docs: { ...data.docs, settings }, collections: { ...data.collections, contacts } };
  },
};

const v2 = (dataDir: string, extra: Parameters<typeof baseOptions>[1] = {}) =>
  baseOptions(dataDir, { schemaVersion: 2, migrations: [renameFullName], ...extra });

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('migrations', () => {
  it('migrates an old-shape store, re-shards it, bumps meta and keeps a backup of the old data', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    const store = await openOk(v2(dataDir));

    expect(store.all<Contact>('contacts').sort(byId)).toEqual([
      { id: 'c1', name: 'Ada Lovelace', legacy: 'kept' },
      { id: 'c2', name: 'Charles Babbage' },
      { id: 'c3', name: 'Grace Hopper' },
    ]);
    expect(store.getDoc('settings')).toEqual({ signatory: 'Mayor', pageSize: 'A4' });
    expect(await readJson(path.join(dataDir, 'store', 'meta.json'))).toMatchObject({ schemaVersion: 2 });
    // Re-sharded to 8 shards: no record remains in the old single file unless it hashes there.
    const shardFiles = await fsp.readdir(path.join(dataDir, 'store', 'contacts'));
    expect(shardFiles.length).toBeGreaterThan(1);
    // Data without a spec is carried over, not dropped.
    expect(await readJson(path.join(dataDir, 'store', 'drafts', '00.json'))).toEqual({
      records: [{ id: 'd1', text: 'no spec for me' }],
    });
    // One backup holds the data as it was before the migration; the open then backs up the
    // migrated store too, because it differs from that backup.
    const [migrated, backup, ...more] = await store.listBackups();
    expect(more).toEqual([]);
    expect(await readJson(path.join(migrated?.path ?? '', 'meta.json'))).toMatchObject({ schemaVersion: 2 });
    expect(await readJson(path.join(backup?.path ?? '', 'meta.json'))).toMatchObject({ schemaVersion: 1 });
    expect(await readJson(path.join(backup?.path ?? '', 'contacts', '00.json'))).toMatchObject({
      records: [{ fullName: 'Ada Lovelace' }, {}, {}],
    });
    expect((await fsp.readdir(dataDir)).sort()).toEqual(['backups', 'store']);

    await store.close();
    const again = await openOk(v2(dataDir));
    expect(again.get<Contact>('contacts', 'c2')?.name).toBe('Charles Babbage');
  });

  it('applies only the migrations after the stored version, in order', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    const log: number[] = [];
    const step = (to: number, m?: Migration): Migration => ({
      to,
      description: `step ${to}`,
      up: (d) => {
        log.push(to);
        return m ? m.up(d) : d;
      },
    });
    const opts = (version: number) =>
      baseOptions(dataDir, { schemaVersion: version, migrations: [step(2, renameFullName), step(3), step(4)].slice(0, version - 1) });
    await (await openOk(opts(3))).close();
    expect(log).toEqual([2, 3]);
    await openOk(opts(4));
    expect(log).toEqual([2, 3, 4]);
    expect(await readJson(path.join(dataDir, 'store', 'meta.json'))).toMatchObject({ schemaVersion: 4 });
  });

  it('reports migrated data that fails validation, and changes nothing', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    const before = await snapshotTree(dataDir);
    const broken: Migration = { to: 2, description: 'forgets the rename', up: (d) => d };
    const result = await openStore(baseOptions(dataDir, { schemaVersion: 2, migrations: [broken] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe('wrong-shape');
    expect(result.problem.message).toMatch(/could not be updated.*id "c1".*field "name"/);
    await expectTreeUnchanged(dataDir, before);
  });

  it('reports a migration that throws, and changes nothing', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    const before = await snapshotTree(dataDir);
    const throws: Migration = {
      to: 2,
      description: 'explodes',
      up: () => {
        throw new Error('boom');
      },
    };
    const result = await openStore(baseOptions(dataDir, { schemaVersion: 2, migrations: [throws] }));
    expect(result.ok ? '' : result.problem.message).toMatch(/"explodes", failed: boom/);
    await expectTreeUnchanged(dataDir, before);
  });

  it('a crash while writing the migrated store leaves the old store intact; the next open migrates', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    const crashing: StoreFs = {
      ...nodeFs,
      rename: (from, to) =>
        to.endsWith(path.join('store.building', 'meta.json'))
          ? Promise.reject(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))
          : nodeFs.rename(from, to),
    };
    const result = await openStore(v2(dataDir, { fs: crashing }));
    expect(result.ok).toBe(false);
    expect(await readJson(path.join(dataDir, 'store', 'meta.json'))).toMatchObject({ schemaVersion: 1 });
    expect(await readJson(path.join(dataDir, 'store', 'contacts', '00.json'))).toMatchObject({
      records: [{ fullName: 'Ada Lovelace' }, {}, {}],
    });

    const store = await openOk(v2(dataDir));
    expect(store.get<Contact>('contacts', 'c1')?.name).toBe('Ada Lovelace');
    expect((await fsp.readdir(dataDir)).sort()).toEqual(['backups', 'store']);
  });

  it('discards a leftover store.next when store/ exists (the swap never started)', async () => {
    const dataDir = await tempDataDir();
    const first = await openOk(v2(dataDir));
    await first.put<Contact>('contacts', { id: 'c1', name: 'Real' });
    await first.close();
    await writeJson(path.join(dataDir, 'store.next', 'meta.json'), { schemaVersion: 2, createdAt: 'x', app: 'correspondence-desk' });
    await writeJson(path.join(dataDir, 'store.building', 'contacts', '00.json'), { records: [] });

    const store = await openOk(v2(dataDir));
    expect(store.all('contacts')).toEqual([{ id: 'c1', name: 'Real' }]);
    expect((await fsp.readdir(dataDir)).sort()).toEqual(['backups', 'store']);
  });

  it('finishes the swap when a crash left store.next but no store/', async () => {
    const dataDir = await tempDataDir();
    await writeVersion1Store(dataDir);
    // Simulate the crash between the two renames: old store moved aside, new one not yet in place.
    const migrated = await openOk(v2(await tempDataDir()));
    await migrated.put<Contact>('contacts', { id: 'n1', name: 'From next' });
    await migrated.close();
    await fsp.cp(migrated.dir, path.join(dataDir, 'store.next'), { recursive: true });
    await fsp.rename(path.join(dataDir, 'store'), path.join(dataDir, 'store.previous-20240317-090000-000'));

    const store = await openOk(v2(dataDir));
    expect(store.all('contacts')).toEqual([{ id: 'n1', name: 'From next' }]);
    expect((await fsp.readdir(dataDir)).sort()).toEqual(['backups', 'store']);
  });
});
