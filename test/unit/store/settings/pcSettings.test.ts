import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsFile } from '../../../../electron/store/dataFolder';
import type { StoreFs } from '../../../../electron/store/fsSeam';
import { openPcSettings } from '../../../../electron/store/settings/pcSettings';
import { defaultPcSettings, MAX_NOTIFIED, type PcSettingsData } from '../../../../electron/store/settings/pcSettingsSchema';
import { StoreValidationError } from '../../../../electron/store/validationError';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

async function tempFile(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'desk-settings-'));
  made.push(dir);
  return settingsFile(dir);
}

const NOW = new Date('2024-05-01T10:00:00.000Z');
const open = (file: string, fs?: StoreFs) => openPcSettings(file, { defaultOfficerName: 'Ann Officer', now: () => NOW, ...(fs ? { fs } : {}) });
const defaults = defaultPcSettings('Ann Officer');

const chosen: PcSettingsData = {
  registerFolder: 'D:\\Correspondence',
  officerName: 'Priya Shah',
  window: { x: -1200, y: 40, width: 1360, height: 900, maximised: true },
  lists: { letters: { sortColumn: 'dueDate', sortDirection: 'desc', columnWidths: { reference: 120, subject: 340.5 } } },
  remindersShown: { lastRun: '2024-04-30', notified: ['reply-overdue:l1:2024-04-29', 'commitment-due:c7:2024-05-01'] },
};

async function filesIn(file: string): Promise<string[]> {
  return (await fsp.readdir(path.dirname(file))).sort();
}

describe("this PC's settings", () => {
  it('start from the defaults, and write nothing until something is changed', async () => {
    const file = await tempFile();
    const settings = await open(file);
    expect(settings.get()).toEqual(defaults);
    expect(settings.problem).toBeNull();
    expect(await filesIn(file)).toEqual([]);
  });

  it('keep what was changed, across a restart', async () => {
    const file = await tempFile();
    const settings = await open(file);
    expect(await settings.update(chosen)).toEqual(chosen);
    expect(settings.get()).toEqual(chosen);
    const again = await open(file);
    expect(again.get()).toEqual(chosen);
    expect(again.problem).toBeNull();
    expect(JSON.parse(await fsp.readFile(file, 'utf8'))).toMatchObject({ version: 1, officerName: 'Priya Shah' });
    expect(await filesIn(file)).toEqual(['settings.json']); // no temp files left behind
  });

  it('merge a change into the rest, and hand out values that cannot be changed behind their back', async () => {
    const file = await tempFile();
    const settings = await open(file);
    await settings.update(chosen);
    await settings.update((s) => ({ lists: { ...s.lists, replies: { sortColumn: null, sortDirection: 'asc', columnWidths: {} } } }));
    await settings.update({ window: null });
    expect(settings.get()).toEqual({ ...chosen, window: null, lists: { ...chosen.lists, replies: { sortColumn: null, sortDirection: 'asc', columnWidths: {} } } });
    expect(() => (settings.get().remindersShown.notified as string[]).push('x')).toThrow();
    expect(() => ((settings.get() as { officerName: string }).officerName = 'x')).toThrow();
  });

  it('refuse values that are not valid, changing nothing in memory or on disk', async () => {
    const file = await tempFile();
    const settings = await open(file);
    await settings.update(chosen);
    const before = await fsp.readFile(file, 'utf8');
    const bad: Partial<PcSettingsData>[] = [
      { officerName: '   ' },
      { officerName: 'Priya\u202e Shah' },
      { officerName: 'x'.repeat(201) },
      { registerFolder: 'relative\\folder' },
      { registerFolder: '/srv/desk\u0000/etc' },
      { window: { x: 0, y: 0, width: 0, height: 900, maximised: false } },
      { window: { x: 1e9, y: 0, width: 100, height: 900, maximised: false } },
      { lists: { letters: { sortColumn: 'subject', sortDirection: 'sideways' as 'asc', columnWidths: {} } } },
      { lists: { letters: { sortColumn: null, sortDirection: 'asc', columnWidths: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, 10])) } } },
      { remindersShown: { lastRun: '2022-02-30', notified: [] } },
      { remindersShown: { lastRun: null, notified: Array.from({ length: MAX_NOTIFIED + 1 }, (_, i) => `k${i}`) } },
    ];
    for (const change of bad) {
      await expect(settings.update(change), JSON.stringify(change).slice(0, 80)).rejects.toBeInstanceOf(StoreValidationError);
      expect(settings.get()).toEqual(chosen);
    }
    expect(await fsp.readFile(file, 'utf8')).toBe(before);
    // A list called "__proto__" is dropped (zod never copies that key), so it cannot replace a prototype.
    const proto = JSON.parse('{"__proto__": {"sortColumn": null, "sortDirection": "asc", "columnWidths": {}}}') as PcSettingsData['lists'];
    const { lists } = await settings.update({ lists: proto });
    expect(lists).toEqual({});
    expect(Object.getPrototypeOf(lists)).toBe(Object.prototype);
    // 20,000 reminders are allowed.
    const many = Array.from({ length: MAX_NOTIFIED }, (_, i) => `reply-overdue:letter-${i}:2024-04-29`);
    await settings.update({ remindersShown: { lastRun: '2024-05-01', notified: many } });
    expect((await open(file)).get().remindersShown.notified).toHaveLength(MAX_NOTIFIED);
  });

  it('apply changes one at a time, in the order they were asked for', async () => {
    const file = await tempFile();
    const settings = await open(file);
    const add = (key: string) => settings.update((s) => ({ remindersShown: { ...s.remindersShown, notified: [...s.remindersShown.notified, key] } }));
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
    const results = await Promise.all([...keys.map(add), settings.update({ officerName: 'Priya Shah' }), settings.update({ officerName: '' }).catch((err: unknown) => err)]);
    expect(results.at(-1)).toBeInstanceOf(StoreValidationError); // a refused change does not stop the ones after it
    expect(settings.get().remindersShown.notified).toEqual(keys);
    expect((await open(file)).get()).toMatchObject({ officerName: 'Priya Shah', remindersShown: { notified: keys } });
    expect(await add('after')).toMatchObject({ remindersShown: { notified: [...keys, 'after'] } });
  });
});

describe('a settings file that cannot be read', () => {
  const unreadable: [string, string | Buffer, RegExp][] = [
    ['cut short', '{"officerName": "Priya', /stops part-way/],
    ['not JSON', 'officerName = Priya', /not a settings file/],
    ['empty', '', /empty/],
    ['zero bytes from a power cut', Buffer.alloc(700), /zero bytes/],
    ['null', 'null', /no settings/],
    ['a list', '[1, 2, 3]', /not a settings file/],
    ['a string', '"settings"', /not a settings file/],
    ['huge', `{"future": "${'x'.repeat(5 * 1024 * 1024)}"}`, /5\.0 MB/],
  ];
  it.each(unreadable)('%s: is moved aside and the defaults are used, with a message saying so', async (_, content, reason) => {
    const file = await tempFile();
    await fsp.writeFile(file, content);
    const settings = await open(file);
    expect(settings.get()).toEqual(defaults);
    const keptAs = `${file}.bad-20240501-100000-000`;
    expect(settings.keptAs).toBe(keptAs);
    expect(settings.problem).toMatch(reason);
    expect(settings.problem).toBe(`Your settings file (${file}) could not be read (${settings.problem!.match(/read \((.*)\), so/)![1]}), so the defaults are used; the old file is kept as ${keptAs}.`);
    expect((await fsp.readFile(keptAs)).equals(Buffer.from(content))).toBe(true);
    expect(await filesIn(file)).toEqual(['settings.json.bad-20240501-100000-000']);
    // The next change makes a good file again, and the one after that does not overwrite the kept copy.
    await settings.update({ officerName: 'Priya Shah' });
    expect(await open(file)).toMatchObject({ problem: null });
    await fsp.writeFile(file, content);
    expect((await open(file)).keptAs).toBe(`${keptAs}-2`);
  });

  it('keeps the fields that are good, and says which were reset', async () => {
    const file = await tempFile();
    const raw = { version: 1, registerFolder: '\\\\townhall\\correspondence', officerName: 'Priya Shah', window: { x: 'left', y: 0 }, lists: { letters: { sortColumn: 'x', sortDirection: 'up' } } };
    await fsp.writeFile(file, JSON.stringify(raw));
    const settings = await open(file);
    expect(settings.get()).toEqual({ ...defaults, registerFolder: '\\\\townhall\\correspondence', officerName: 'Priya Shah' });
    expect(settings.problem).toBe(
      `Some of your settings in ${file} could not be read (the window position, the sorting and column widths of lists), so their defaults are used; the old file is kept as ${file}.bad-20240501-100000-000.`,
    );
    expect(JSON.parse(await fsp.readFile(`${file}.bad-20240501-100000-000`, 'utf8'))).toEqual(raw);
    // The good parts were written back, so the next start has nothing to complain about.
    const again = await open(file);
    expect(again.problem).toBeNull();
    expect(again.get().registerFolder).toBe('\\\\townhall\\correspondence');
  });

  it('is not fooled by hostile content: escaped control characters, __proto__, nesting a million deep', async () => {
    const file = await tempFile();
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    await fsp.writeFile(
      file,
      `{"__proto__": {"polluted": true}, "future": {"a": 1}, "officerName": "Priya\\u0000Shah\\u202e", "registerFolder": "/srv/desk", "lists": {"__proto__": {"sortColumn": null, "sortDirection": "asc", "columnWidths": {}}}, "deep": ${deep}}`,
    );
    const settings = await open(file);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(settings.get().lists)).toBe(Object.prototype);
    expect(settings.get()).toEqual({ ...defaults, registerFolder: '/srv/desk' });
    expect(settings.problem).toMatch(/could not be read \(the officer's name\)/);
    await settings.update({ officerName: 'Priya Shah' });
    // A field a newer version added is kept for it; "__proto__" and the one too deep to write back are dropped.
    const written = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    expect(written['future']).toEqual({ a: 1 });
    expect(Object.hasOwn(written, '__proto__')).toBe(false);
    expect(written['deep']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps fields written by a newer version through a change', async () => {
    const file = await tempFile();
    await fsp.writeFile(file, JSON.stringify({ version: 2, officerName: 'Priya Shah', theme: { name: 'dark' } }));
    const settings = await open(file);
    expect(settings.problem).toBeNull();
    await settings.update({ registerFolder: '/srv/desk' });
    expect(JSON.parse(await fsp.readFile(file, 'utf8'))).toMatchObject({ theme: { name: 'dark' }, registerFolder: '/srv/desk', officerName: 'Priya Shah' });
  });

  it("falls back to a plain name when the operating system's is unusable", async () => {
    for (const name of ['', '   ', 'root\u0007', 'x'.repeat(500)]) {
      const settings = await openPcSettings(await tempFile(), { defaultOfficerName: name });
      expect(settings.get().officerName).toBe('Officer');
    }
  });
});

/** The durable writer's file operations, with a fault switched on when wanted. */
function faultyFs() {
  const state = { fault: null as null | 'full' | 'crash' };
  const fs: StoreFs = {
    open: async (file, flags) => {
      const handle = await fsp.open(file, flags);
      if (state.fault !== 'full' || flags !== 'wx') return handle;
      // A full disk: part of the data is written, then the write fails.
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile')
            return async (data: string) => {
              await target.write(data.slice(0, 10));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
          const value: unknown = Reflect.get(target, prop);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }) as FileHandle;
    },
    // A crash after the temp file was written: the rename never happens, and nothing is cleaned up.
    rename: (from, to) => (state.fault === 'crash' ? Promise.reject(new Error('the app was killed')) : fsp.rename(from, to)),
    unlink: (file) => (state.fault === 'crash' ? Promise.resolve() : fsp.unlink(file)),
  };
  return { fs, state };
}

describe('a failed write', () => {
  it('on a full disk: the error says so, and the settings stay as they were, in memory and on disk', async () => {
    const file = await tempFile();
    const { fs, state } = faultyFs();
    const settings = await open(file, fs);
    await settings.update(chosen);
    const before = await fsp.readFile(file, 'utf8');
    state.fault = 'full';
    await expect(settings.update({ officerName: 'Someone Else' })).rejects.toThrow(`Your settings could not be saved to ${file} (the disk is full); the change was not kept.`);
    expect(settings.get()).toEqual(chosen);
    expect(await fsp.readFile(file, 'utf8')).toBe(before);
    expect(await filesIn(file)).toEqual(['settings.json']);
    state.fault = null;
    await settings.update({ window: null });
    expect((await open(file)).get()).toEqual({ ...chosen, window: null });
  });

  it('cut short by a crash: the old file is intact and is what the next start reads', async () => {
    const file = await tempFile();
    const { fs, state } = faultyFs();
    const settings = await open(file, fs);
    await settings.update(chosen);
    const before = await fsp.readFile(file, 'utf8');
    state.fault = 'crash';
    await expect(settings.update({ officerName: 'Someone Else' })).rejects.toThrow(/could not be saved/);
    expect(await fsp.readFile(file, 'utf8')).toBe(before);
    expect((await filesIn(file)).filter((n) => n.endsWith('.tmp'))).toHaveLength(1); // the crash's leftover
    const again = await open(file);
    expect(again.get()).toEqual(chosen);
    expect(again.problem).toBeNull();
  });
});
