import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../electron/services/dataDirLock';
import { startApp } from './helpers';

describe('one app per data folder', () => {
  it('a second app on the same folder is told it is in use, and nothing is opened; after the first closes it opens', async () => {
    const first = await startApp();
    const second = await startApp(first.dir);
    expect(second.services.status()).toMatchObject({ state: 'error', problem: { kind: 'in-use', file: LOCK_FILE, message: expect.stringContaining(hostname()) } });
    expect(await second.call('contacts.list', {})).toMatchObject({ ok: false });
    expect(await second.call('app.restoreNewestBackup', {})).toMatchObject({ ok: false, error: expect.stringContaining('already open') });
    await second.services.close();
    expect(first.services.status().state).toBe('ready');
    await first.services.close();
    const third = await startApp(first.dir);
    expect(third.services.status().state).toBe('ready');
    await third.services.close();
  });

  it('takes over a lock left by an app on this computer that is no longer running, but not one from another computer', async () => {
    const app = await startApp();
    await app.services.close();
    await writeFile(join(app.dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2022-03-17T09:00:00.000Z' }));
    const again = await startApp(app.dir);
    expect(again.services.status().state).toBe('ready');
    await again.services.close();
    await writeFile(join(app.dir, LOCK_FILE), JSON.stringify({ pid: 4242, host: 'TOWNHALL-PC-17', since: '2022-03-17T09:00:00.000Z' }));
    const blocked = await startApp(app.dir);
    expect(blocked.services.status()).toMatchObject({ state: 'error', problem: { message: expect.stringContaining('TOWNHALL-PC-17') } });
    await blocked.services.close();
  });
});
