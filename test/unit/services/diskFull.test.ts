import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './helpers';

/**
 * A real full disk: a small tmpfs mounted for the test (the machines the tests run on start as root). Where
 * mounting is not allowed the test says so and is skipped, rather than faking the error the disk gives.
 */
let mountPoint = '';
let mounted = false;
beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'desk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (err) {
    console.warn(`The full-disk test needs to mount a small tmpfs and could not (${String(err).split('\n')[0]}): skipped.`);
  }
});
afterAll(async () => {
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
});

/** Write until the disk refuses, leaving it full; returns the filler's path. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, 'filler.bin');
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    // Fill the last gap to the byte.
    for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) await handle.write(Buffer.alloc(size, 1));
      } catch {
        /* that size no longer fits */
      }
    }
  } finally {
    await handle.close();
  }
  return path;
}

describe('a full disk', () => {
  it('refuses a change with a message that says so and where, loses nothing, stays readable, and recovers when space is freed', async (ctx) => {
    if (!mounted) ctx.skip();
    const dataDir = join(mountPoint, 'register');
    await mkdir(dataDir);
    const app = await startApp(dataDir);
    try {
      const saved = await app.must('letters.create', {});
      await app.must('backups.backupNow', {});
      const filler = await fill(mountPoint);

      const refused = await app.call('letters.create', {});
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('is full') });
      if (refused.ok) throw new Error('unreachable');
      expect(refused.error).toContain(dataDir);
      const status = await app.must('app.status', {});
      expect(status.state === 'ready' && status.notices.map((n) => n.kind)).toContain('read-only');

      // Reading goes on, and what was saved before is there.
      expect((await app.must('letters.list', {})).rows.map((r) => r.id)).toEqual([saved.letter.id]);
      expect((await app.must('letters.get', { id: saved.letter.id })).letter.reference).toBe(saved.letter.reference);

      await rm(filler);
      const after = await app.must('app.status', {});
      // Saving works again; a backup that failed meanwhile is still reported until one succeeds.
      expect(after.state === 'ready' && after.notices.map((n) => n.kind)).not.toContain('read-only');
      expect((await app.must('letters.create', {})).letter.reference).not.toBe(saved.letter.reference);
    } finally {
      await app.services.close();
    }
  });

  it('starting on a disk full to the last byte says so, changes nothing, and opens once space is freed', async (ctx) => {
    if (!mounted) ctx.skip();
    const dataDir = join(mountPoint, 'start-full');
    await mkdir(dataDir);
    const first = await startApp(dataDir);
    const saved = await first.must('letters.create', {});
    await first.services.close();
    const filler = await fill(mountPoint);
    const app = await startApp(dataDir);
    try {
      const status = await app.must('app.status', {});
      expect(status).toMatchObject({ state: 'error', problem: { kind: 'disk-full', message: expect.stringContaining(dataDir) } });
      expect(await app.must('app.retry', {})).toMatchObject({ state: 'error' });
      await rm(filler);
      expect((await app.must('app.retry', {})).state).toBe('ready');
      expect((await app.must('letters.get', { id: saved.letter.id })).letter.id).toBe(saved.letter.id);
    } finally {
      await app.services.close();
      await rm(filler, { force: true });
    }
  });
});
