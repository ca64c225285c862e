import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreFs } from '../../../electron/store';
import { nodeFs } from '../../../electron/store/fsSeam';
import { fnv1a32, parseShardFileName, shardFileName, shardOf } from '../../../electron/store/shardHash';
import type { Letter } from './helpers';
import { baseOptions, openOk, snapshotTree, tempDataDir } from './helpers';

function renameLog() {
  const targets: string[] = [];
  const fs: StoreFs = {
    ...nodeFs,
    rename: async (from, to) => {
      targets.push(to);
      await nodeFs.rename(from, to);
    },
  };
  return { fs, targets };
}

describe('shard hashing', () => {
  it('is FNV-1a 32-bit, so shard placement never changes between versions', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(shardOf('foobar', 32)).toBe(0xbf9cf968 % 32);
  });

  it('names shard files with zero padding', () => {
    expect(shardFileName(7, 32)).toBe('07.json');
    expect(shardFileName(7, 1000)).toBe('007.json');
    expect(parseShardFileName('07.json')).toBe(7);
    expect(parseShardFileName('.07.json.1.ab.tmp')).toBeUndefined();
  });
});

describe('sharded collections', () => {
  it('spread 2,000 records over at most 32 files, one write per shard for putMany', async () => {
    const dataDir = await tempDataDir();
    const { fs, targets } = renameLog();
    const store = await openOk(baseOptions(dataDir, { fs }));
    const letters: Letter[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `L-${String(i).padStart(5, '0')}`,
      subject: `Letter ${i}`,
      contactId: `c${i % 50}`,
    }));
    targets.length = 0;
    await store.putMany('letters', letters);

    const dir = path.join(dataDir, 'store', 'letters');
    const files = (await fsp.readdir(dir)).sort();
    expect(files.length).toBeLessThanOrEqual(32);
    expect(files.length).toBeGreaterThan(24); // a working hash uses (nearly) all of them
    const letterWrites = targets.filter((t) => t.startsWith(dir + path.sep));
    expect(letterWrites.length).toBe(files.length);
    expect(new Set(letterWrites).size).toBe(files.length);
    let total = 0;
    for (const file of files) {
      const { records } = JSON.parse(await fsp.readFile(path.join(dir, file), 'utf8')) as { records: Letter[] };
      for (const r of records) expect(shardFileName(shardOf(r.id, 32), 32)).toBe(file);
      total += records.length;
    }
    expect(total).toBe(2000);
    await store.close();

    const again = await openOk(baseOptions(dataDir, { fs }));
    expect(again.all('letters')).toHaveLength(2000);
    expect(again.get<Letter>('letters', 'L-01234')?.subject).toBe('Letter 1234');

    // A single put rewrites exactly one shard file; every other file is untouched.
    const before = await snapshotTree(dir);
    targets.length = 0;
    await again.put<Letter>('letters', { id: 'L-01234', subject: 'Edited', contactId: 'c1' });
    expect(targets).toEqual([path.join(dir, shardFileName(shardOf('L-01234', 32), 32))]);
    const after = await snapshotTree(dir);
    const changed = [...after].filter(([rel, e]) => JSON.stringify(before.get(rel)) !== JSON.stringify(e)).map(([rel]) => rel);
    expect(changed).toEqual([shardFileName(shardOf('L-01234', 32), 32)]);
  });
});
