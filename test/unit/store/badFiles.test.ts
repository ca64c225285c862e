import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store';
import type { StoreProblem } from '../../../electron/store';
import type { Contact } from './helpers';
import { baseOptions, expectTreeUnchanged, openOk, snapshotTree, tempDataDir } from './helpers';

/**
 * A valid store with a contact, a settings doc and two backups (on open, and on close after the
 * writes); returns the contact shard's label.
 */
async function makeStore(dataDir: string): Promise<string> {
  const store = await openOk(baseOptions(dataDir));
  await store.put<Contact>('contacts', { id: 'c1', name: 'Ada' });
  await store.putDoc('settings', { signatory: 'Mayor', pageSize: 'A4' });
  await store.close();
  const [shard] = await fsp.readdir(path.join(dataDir, 'store', 'contacts'));
  if (!shard) throw new Error('no shard written');
  return `contacts/${shard}`;
}

async function openExpectingProblem(dataDir: string, schemaVersion = 1): Promise<{ problem: StoreProblem; backups: number }> {
  const before = await snapshotTree(dataDir);
  const migrations = schemaVersion === 1 ? [] : [{ to: schemaVersion, description: 'noop', up: <T>(d: T) => d }];
  const result = await openStore(baseOptions(dataDir, { schemaVersion, migrations }));
  if (result.ok) throw new Error('expected a problem');
  // The rule: a problem leaves every byte, name and mtime in the data dir as it was.
  await expectTreeUnchanged(dataDir, before);
  return { problem: result.problem, backups: result.backups.length };
}

const damaged: Array<[string, string | Buffer, StoreProblem['kind'], RegExp]> = [
  ['an empty file', '', 'empty', /is empty \(0 bytes\)/],
  ['a whitespace-only file', '  \n\t  \n', 'empty', /only blank space/],
  ['truncated JSON', '{"records":[{"id":"a"', 'truncated', /stops part-way/],
  ['a truncated string', '{"records":[{"id":"a', 'truncated', /stops part-way/],
  ['the word null', 'null', 'null', /"null"/],
  ['NUL bytes', Buffer.alloc(512), 'nul-bytes', /zero\) bytes/],
  ['NUL bytes after some JSON', Buffer.concat([Buffer.from('{"records":['), Buffer.alloc(40)]), 'nul-bytes', /zero/],
  ['text that is not JSON', 'Dear Sir or Madam,', 'not-json', /not valid JSON/],
  ['JSON with trailing garbage', '{"records":[]} }', 'not-json', /not valid JSON/],
  ['JSON of the wrong shape', '{"items":[]}', 'wrong-shape', /list called "records"/],
  ['a record failing its schema', '{"records":[{"id":"c1","name":""}]}', 'wrong-shape', /record 1 \(id "c1"\).*field "name"/],
];

describe('opening a store with a damaged shard file', () => {
  it.each(damaged)('reports %s without modifying anything', async (_what, contents, kind, messagePattern) => {
    const dataDir = await tempDataDir();
    const label = await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', ...label.split('/')), contents);
    const { problem, backups } = await openExpectingProblem(dataDir);
    expect(problem.kind).toBe(kind);
    expect(problem.file).toBe(label);
    expect(problem.message.startsWith(label) || problem.message.includes(label)).toBe(true);
    expect(problem.message).toMatch(messagePattern);
    expect(backups).toBe(2);
  });
});

describe('opening a store with other damage', () => {
  it('reports a damaged document file', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', 'docs', 'settings.json'), '');
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'empty', file: 'docs/settings.json' });
    expect(problem.message).toBe(
      'docs/settings.json is empty (0 bytes); it may have been cut short by a crash or a full disk.',
    );
  });

  it('reports a document that fails its schema', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', 'docs', 'settings.json'), '{"signatory":"X","pageSize":"A5"}');
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'wrong-shape', file: 'docs/settings.json' });
    expect(problem.message).toMatch(/field "pageSize"/);
  });

  it('reports a missing meta.json instead of re-initialising', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.rm(path.join(dataDir, 'store', 'meta.json'));
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem.kind).toBe('io');
    expect(problem.file).toBe('meta.json');
    expect(problem.message).toMatch(/^meta\.json is missing/);
  });

  it('reports a damaged meta.json', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', 'meta.json'), 'null');
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'null', file: 'meta.json' });
  });

  it('reports a meta.json from another program', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', 'meta.json'), '{"schemaVersion":1,"createdAt":"x","app":"other"}');
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'wrong-shape', file: 'meta.json' });
    expect(problem.message).toMatch(/not written by Correspondence Desk/);
  });

  it('refuses data from a newer app version', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(
      path.join(dataDir, 'store', 'meta.json'),
      JSON.stringify({ schemaVersion: 5, createdAt: '2030-01-01T00:00:00.000Z', app: 'correspondence-desk' }),
    );
    const { problem } = await openExpectingProblem(dataDir, 2);
    expect(problem.kind).toBe('newer-version');
    expect(problem.message).toBe(
      'meta.json was written by a newer version of Correspondence Desk (data version 5; this app reads up to 2). Update the app, or restore a backup.',
    );
  });

  it('reports a record stored in the wrong shard file', async () => {
    const dataDir = await tempDataDir();
    const label = await makeStore(dataDir);
    const other = label === 'contacts/00.json' ? 'contacts/01.json' : 'contacts/00.json';
    await fsp.rename(path.join(dataDir, 'store', ...label.split('/')), path.join(dataDir, 'store', ...other.split('/')));
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'wrong-shape', file: other });
    expect(problem.message).toContain(`belongs in ${label}`);
  });

  it('reports a shard file beyond the shard count', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.writeFile(path.join(dataDir, 'store', 'contacts', '08.json'), '{"records":[]}');
    const { problem } = await openExpectingProblem(dataDir);
    expect(problem).toMatchObject({ kind: 'wrong-shape', file: 'contacts/08.json' });
  });

  it('reports a vanished store folder when backups exist, rather than starting empty', async () => {
    const dataDir = await tempDataDir();
    await makeStore(dataDir);
    await fsp.rm(path.join(dataDir, 'store'), { recursive: true });
    const { problem, backups } = await openExpectingProblem(dataDir);
    expect(problem.kind).toBe('io');
    expect(problem.message).toMatch(/store folder is missing/);
    expect(backups).toBe(2);
  });
});
