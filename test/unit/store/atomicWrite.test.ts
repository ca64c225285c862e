import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreFs } from '../../../electron/store';
import { atomicWrite } from '../../../electron/store/atomicWrite';
import { nodeFs } from '../../../electron/store/fsSeam';
import { shardFileName, shardOf } from '../../../electron/store/shardHash';
import type { Contact } from './helpers';
import { baseOptions, openOk, snapshotTree, tempDataDir } from './helpers';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A seam that counts renames per target and can be told to fail them. */
function countingFs() {
  const renames = new Map<string, number>();
  const state = { failRenameTo: null as null | ((target: string) => boolean) };
  const fs: StoreFs = {
    ...nodeFs,
    rename: async (from, to) => {
      if (state.failRenameTo?.(to)) throw fsError('ENOSPC');
      renames.set(to, (renames.get(to) ?? 0) + 1);
      await nodeFs.rename(from, to);
    },
  };
  return { fs, renames, state };
}

/** Files only: a failed write does touch its folder's mtime (the temp file came and went). */
async function filesUnder(dir: string) {
  return new Map([...(await snapshotTree(dir))].filter(([, entry]) => entry.type === 'file'));
}

async function tempFilesUnder(dir: string): Promise<string[]> {
  return [...(await snapshotTree(dir)).keys()].filter((rel) => rel.endsWith('.tmp'));
}

describe('atomicWrite', () => {
  it('replaces the file and leaves no temp file', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'a.json');
    await atomicWrite(file, 'one');
    await atomicWrite(file, 'two');
    expect(await fsp.readFile(file, 'utf8')).toBe('two');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'a.json');
    await fsp.writeFile(file, 'old');
    const { fs, state } = countingFs();
    state.failRenameTo = () => true;
    await expect(atomicWrite(file, 'new', fs)).rejects.toThrow(/ENOSPC/);
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file and removes the temp file when writing the data fails', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'a.json');
    await fsp.writeFile(file, 'old');
    const fs: StoreFs = {
      ...nodeFs,
      open: async (p, flags) => {
        const handle = await nodeFs.open(p, flags);
        if (p.endsWith('.tmp')) handle.writeFile = () => Promise.reject(fsError('EIO'));
        return handle;
      },
    };
    await expect(atomicWrite(file, 'new', fs)).rejects.toThrow(/EIO/);
    expect(await fsp.readFile(file, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['a.json']);
  });

  it('tolerates platforms that cannot fsync a directory, but not real I/O errors', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'a.json');
    const dirOpenFails = (code: string): StoreFs => ({
      ...nodeFs,
      open: (p, flags) => (p === dir ? Promise.reject(fsError(code)) : nodeFs.open(p, flags)),
    });
    for (const code of ['EISDIR', 'EPERM', 'EINVAL']) await atomicWrite(file, code, dirOpenFails(code));
    expect(await fsp.readFile(file, 'utf8')).toBe('EINVAL');
    await expect(atomicWrite(file, 'x', dirOpenFails('EIO'))).rejects.toThrow(/EIO/);
  });
});

describe('store writes', () => {
  it('ignores temp files left by a crash, and removes them once open', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    await store.close();
    const shard = shardFileName(shardOf('c1', 8), 8);
    const crashed = path.join(dataDir, 'store', 'contacts', `.${shard}.4242.deadbeef0000.tmp`);
    await fsp.writeFile(crashed, '{"records":[{"id":"c1","name":"half-writ');
    await fsp.writeFile(path.join(dataDir, 'store', '.meta.json.4242.0.tmp'), '');

    const again = await openOk(baseOptions(dataDir));
    expect(again.all('contacts')).toEqual([{ id: 'c1', name: 'Ada' }]);
    expect(await tempFilesUnder(path.join(dataDir, 'store'))).toEqual([]);
  });

  it('a failed write leaves the old file, no temp file, and memory as it was', async () => {
    const dataDir = await tempDataDir();
    const { fs, state } = countingFs();
    const store = await openOk(baseOptions(dataDir, { fs }));
    await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
    const before = await filesUnder(path.join(dataDir, 'store'));

    state.failRenameTo = (to) => to.includes(`${path.sep}contacts${path.sep}`);
    await expect(store.put<Contact>('contacts', { id: 'c1', name: 'Changed' })).rejects.toThrow(/ENOSPC/);
    await expect(store.put<Contact>('contacts', { id: 'c2', name: 'New' })).rejects.toThrow(/ENOSPC/);
    expect(store.get('contacts', 'c1')).toEqual({ id: 'c1', name: 'Ada' });
    expect(store.get('contacts', 'c2')).toBeUndefined();
    expect(await filesUnder(path.join(dataDir, 'store'))).toEqual(before);

    // Once the disk recovers, later writes work and do not resurrect the failed changes.
    state.failRenameTo = null;
    await store.put<Contact>('contacts', { id: 'c3', name: 'Later' });
    await store.close();
    const again = await openOk(baseOptions(dataDir));
    expect(again.all<Contact>('contacts').map((c) => `${c.id}:${c.name}`).sort()).toEqual(['c1:Ada', 'c3:Later']);
  });

  it('a failed write does not leak into the follow-up write queued behind it', async () => {
    const dataDir = await tempDataDir();
    const { fs, state } = countingFs();
    const store = await openOk(baseOptions(dataDir, { fs }));
    // Two ids in the same shard, so the second put queues behind the first write.
    const ids: string[] = [];
    for (let i = 0; ids.length < 2; i++) if (shardOf(`x${i}`, 8) === 5) ids.push(`x${i}`);
    let failures = 1;
    state.failRenameTo = (to) => to.endsWith('05.json') && failures-- > 0;
    const first = store.put<Contact>('contacts', { id: ids[0] ?? '', name: 'fails' });
    const second = store.put<Contact>('contacts', { id: ids[1] ?? '', name: 'lands' });
    await expect(first).rejects.toThrow(/ENOSPC/);
    await second;
    expect(store.get('contacts', ids[0] ?? '')).toBeUndefined();
    await store.close();
    const again = await openOk(baseOptions(dataDir));
    expect(again.all('contacts')).toEqual([{ id: ids[1], name: 'lands' }]);
  });

  it('a failed document write leaves the previous document in memory and on disk', async () => {
    const dataDir = await tempDataDir();
    const { fs, state } = countingFs();
    const store = await openOk(baseOptions(dataDir, { fs }));
    await store.putDoc('settings', { signatory: 'First', pageSize: 'A4' });
    state.failRenameTo = (to) => to.endsWith('settings.json');
    await expect(store.putDoc('settings', { signatory: 'Second', pageSize: 'A4' })).rejects.toThrow(/ENOSPC/);
    expect(store.getDoc('settings')).toEqual({ signatory: 'First', pageSize: 'A4' });
    state.failRenameTo = null;
    await store.close();
    expect((await openOk(baseOptions(dataDir))).getDoc('settings')).toEqual({ signatory: 'First', pageSize: 'A4' });
  });

  it('200 parallel puts to one shard all land, in far fewer writes', async () => {
    const dataDir = await tempDataDir();
    const { fs, renames } = countingFs();
    const store = await openOk(baseOptions(dataDir, { fs }));
    const ids: string[] = [];
    for (let i = 0; ids.length < 200; i++) if (shardOf(`c${i}`, 8) === 3) ids.push(`c${i}`);
    await Promise.all(ids.map((id) => store.put<Contact>('contacts', { id, name: `Name ${id}` })));
    await store.close();

    const shardPath = path.join(dataDir, 'store', 'contacts', '03.json');
    const writes = renames.get(shardPath) ?? 0;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3); // coalesced: the first write plus one follow-up
    expect(await fsp.readdir(path.join(dataDir, 'store', 'contacts'))).toEqual(['03.json']);

    const again = await openOk(baseOptions(dataDir));
    const names = again.all<Contact>('contacts').map((c) => c.name);
    expect(names).toHaveLength(200);
    expect(new Set(names)).toEqual(new Set(ids.map((id) => `Name ${id}`)));
  });

  it('every put resolves only after its data is on disk', async () => {
    const dataDir = await tempDataDir();
    const store = await openOk(baseOptions(dataDir));
    const file = path.join(dataDir, 'store', 'contacts', shardFileName(shardOf('c1', 8), 8));
    const first = store.put<Contact>('contacts', { id: 'c1', name: 'One' });
    const second = store.put<Contact>('contacts', { id: 'c1', name: 'Two' });
    await first;
    const afterFirst = JSON.parse(await fsp.readFile(file, 'utf8')) as { records: Contact[] };
    expect(['One', 'Two']).toContain(afterFirst.records[0]?.name);
    await second;
    const afterSecond = JSON.parse(await fsp.readFile(file, 'utf8')) as { records: Contact[] };
    expect(afterSecond.records).toEqual([{ id: 'c1', name: 'Two' }]);
  });
});
