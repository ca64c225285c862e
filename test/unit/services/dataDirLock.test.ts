import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../electron/core/dates/britishDate';
import { acquireDataDirLock, LOCK_FILE, startedAt, startTimeFromStat, type LockInfo } from '../../../electron/services/dataDirLock';
import { startApp } from './helpers';

const WORKER = join(import.meta.dirname, 'lockWorker.ts');
/** Above Linux's largest pid_max (2^22): never a running process. */
const DEAD_PID = 2 ** 22 + 12345;
const made: string[] = [];
afterAll(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-lock-'));
  made.push(dir);
  return dir;
}

type Answer = { won: true } | { won: false; heldBy: LockInfo } | { error: string };
interface Worker {
  pid: number;
  /** Take the lock of `dir` at the moment `at`, and say what happened. */
  ask(dir: string, at: number, withoutHardLinks?: boolean): Promise<Answer>;
  stop(): Promise<void>;
}

/** A child process running lockWorker.ts: another app on this computer. */
async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting: { resolve(line: string): void; reject(err: Error): void }[] = [];
  let pending = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) waiting.shift()?.resolve(line);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      for (const w of waiting.splice(0)) w.reject(new Error(`the worker stopped (${code}): ${errors}`));
      resolve();
    }),
  );
  const next = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = JSON.parse(await next()) as { ready: number };
  return {
    pid: ready.ready,
    ask: async (dir, at, withoutHardLinks = false) => {
      const answer = next();
      child.stdin.write(`${JSON.stringify({ dir, at, withoutHardLinks })}\n`);
      return JSON.parse(await answer) as Answer;
    },
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

const lockPath = (dir: string) => join(dir, LOCK_FILE);
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);
const thisBoot = () => Math.round(Date.now() - uptime() * 1000);

/** A lock file as this version writes it, with `fields` changed. */
async function plantLock(dir: string, fields: Partial<LockInfo> & Record<string, unknown>, ageSeconds = 0): Promise<void> {
  const started = await startedAt(process.pid);
  const info = { pid: process.pid, host: hostname(), since: '2022-03-17T09:00:00.000Z', token: 'planted', bootTime: thisBoot(), ...(started ? { started } : {}), ...fields };
  await writeFile(lockPath(dir), JSON.stringify(info));
  if (ageSeconds) await utimes(lockPath(dir), secondsAgo(ageSeconds), secondsAgo(ageSeconds));
}

async function plantRaw(dir: string, content: string | Buffer, ageSeconds: number): Promise<void> {
  await writeFile(lockPath(dir), content);
  await utimes(lockPath(dir), secondsAgo(ageSeconds), secondsAgo(ageSeconds));
}

async function mustWin(dir: string) {
  const lock = await acquireDataDirLock(dir, new Date('2024-05-01T10:00:00Z'));
  if (!('release' in lock)) throw new Error(`expected to take the lock, but it is held by ${JSON.stringify(lock.heldBy)}`);
  return lock;
}

async function mustLose(dir: string): Promise<LockInfo> {
  const lock = await acquireDataDirLock(dir, new Date('2024-05-01T10:00:00Z'));
  if ('release' in lock) {
    await lock.release();
    throw new Error('expected the lock to be respected, but it was taken over');
  }
  return lock.heldBy;
}

describe('one app per data folder', () => {
  it('a second app on the same folder is told it is in use, and nothing is opened; after the first closes it opens', async () => {
    const first = await startApp();
    const second = await startApp(first.dir);
    expect(second.services.status()).toMatchObject({ state: 'error', problem: { kind: 'in-use', file: LOCK_FILE, message: expect.stringContaining(hostname()) } });
    expect(await second.call('contacts.list', {})).toMatchObject({ ok: false });
    expect(await second.call('backups.restore', { id: '20220317-093000-000' })).toMatchObject({ ok: false, error: expect.stringContaining('already open') });
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
    await writeFile(join(app.dir, LOCK_FILE), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2022-03-17T09:00:00.000Z' }));
    const again = await startApp(app.dir);
    expect(again.services.status().state).toBe('ready');
    await again.services.close();
    await writeFile(join(app.dir, LOCK_FILE), JSON.stringify({ pid: 4242, host: 'TOWNHALL-PC-17', since: '2022-03-17T09:00:00.000Z' }));
    const blocked = await startApp(app.dir);
    expect(blocked.services.status()).toMatchObject({ state: 'error', problem: { message: expect.stringContaining('TOWNHALL-PC-17') } });
    await blocked.services.close();
  });
});

describe('two apps starting at the same moment', () => {
  // What the folder holds when the two start: each kind of stale lock makes them race to take it over.
  const setups: { name: string; plant(dir: string): Promise<void> }[] = [
    { name: 'no lock', plant: async () => undefined },
    { name: 'the lock of a crashed app', plant: (dir) => plantLock(dir, { pid: DEAD_PID }) },
    { name: 'a lock from before a restart, its pid now in use', plant: (dir) => plantLock(dir, { bootTime: thisBoot() - 86_400_000 }) },
    { name: 'an empty lock left by a crash', plant: (dir) => plantRaw(dir, '', 60) },
    { name: 'an old-style lock of a crashed app', plant: (dir) => writeFile(lockPath(dir), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2022-03-17T09:00:00.000Z' })) },
  ];

  async function race(pair: Worker[], dir: string, withoutHardLinks = false): Promise<{ winners: number; problem: string | null }> {
    const answers = await Promise.all(pair.map((w) => w.ask(dir, Date.now() + 40, withoutHardLinks)));
    const failed = answers.find((a) => 'error' in a);
    if (failed) return { winners: 0, problem: (failed as { error: string }).error };
    const won = answers.map((a) => 'won' in a && a.won);
    const winners = won.filter(Boolean).length;
    if (winners !== 1) return { winners, problem: null };
    // The one refused is told who has the folder: the winner, on this computer.
    const loser = answers[won.indexOf(false)] as { heldBy: LockInfo };
    const winner = pair[won.indexOf(true)]!;
    return { winners, problem: loser.heldBy.pid === winner.pid && loser.heldBy.host === hostname() ? null : `refused by ${JSON.stringify(loser.heldBy)}` };
  }

  // Two apps kept running, told to open folder after folder at the same moment.
  let workers: Worker[] = [];
  beforeAll(async () => {
    workers = await Promise.all([startWorker(), startWorker()]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
  });

  it('exactly one of the two opens the folder, 100 times out of 100', { timeout: 60_000 }, async () => {
    const doubleOpens: string[] = [];
    const otherFailures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const setup = setups[i % setups.length]!;
      const dir = await tempDir();
      await setup.plant(dir);
      const { winners, problem } = await race(workers, dir);
      if (winners === 2) doubleOpens.push(setup.name);
      else if (winners !== 1 || problem) otherFailures.push(`${setup.name}: ${winners} won; ${problem}`);
    }
    expect(doubleOpens).toEqual([]);
    expect(otherFailures).toEqual([]);
  });

  it('the same, 30 times, where the file system has no hard links', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const setup = setups[i % setups.length]!;
      const dir = await tempDir();
      await setup.plant(dir);
      const { winners, problem } = await race(workers, dir, true);
      if (winners !== 1 || problem) failures.push(`${setup.name}: ${winners} won; ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('the same with two newly started processes', { timeout: 60_000 }, async () => {
    for (const setup of setups.slice(0, 2)) {
      const fresh = await Promise.all([startWorker(), startWorker()]);
      try {
        const dir = await tempDir();
        await setup.plant(dir);
        expect(await race(fresh, dir), setup.name).toEqual({ winners: 1, problem: null });
      } finally {
        await Promise.all(fresh.map((w) => w.stop()));
      }
    }
  });
});

describe('whose lock it is', () => {
  it('respects the lock of an app running on this computer, and the message names the computer and the time', async () => {
    const worker = await startWorker();
    try {
      const dir = await tempDir();
      expect(await worker.ask(dir, Date.now())).toEqual({ won: true });
      const heldBy = await mustLose(dir);
      expect(heldBy).toMatchObject({ pid: worker.pid, host: hostname() });
      const app = await startApp(dir);
      const status = app.services.status();
      expect(status).toMatchObject({ state: 'error', problem: { kind: 'in-use' } });
      const message = status.state === 'error' ? status.problem.message : '';
      expect(message).toContain(hostname());
      expect(message).toContain(formatDateTime(heldBy.since));
      await app.services.close();
    } finally {
      await worker.stop();
    }
  });

  it('takes over the lock of a process that has gone', async () => {
    const dir = await tempDir();
    await plantLock(dir, { pid: DEAD_PID });
    const lock = await mustWin(dir);
    expect(JSON.parse(await readFile(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid, since: '2024-05-01T10:00:00.000Z' });
    await lock.release();
    await expect(readFile(lockPath(dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock from before this computer restarted, although its process id is in use again', async () => {
    const dir = await tempDir();
    // By boot time (Windows, macOS), by boot id (Linux), and for an old-style lock by the file's age.
    await plantLock(dir, { bootTime: thisBoot() - 3_600_000 });
    await (await mustWin(dir)).release();
    await plantLock(dir, { bootId: 'a4b5c6d7-0000-4000-8000-000000000000' });
    await (await mustWin(dir)).release();
    await writeFile(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), since: '2022-03-17T09:00:00.000Z' }));
    const beforeBoot = secondsAgo(uptime() + 3600);
    await utimes(lockPath(dir), beforeBoot, beforeBoot);
    await (await mustWin(dir)).release();
  });

  it('respects a lock from this boot whose process is running, also one written by an older version', async () => {
    const dir = await tempDir();
    await plantLock(dir, { bootTime: thisBoot() - 30_000 }); // within the tolerance for clock corrections
    expect(await mustLose(dir)).toMatchObject({ pid: process.pid, host: hostname(), since: '2022-03-17T09:00:00.000Z' });
    await writeFile(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), since: '2022-03-17T09:00:00.000Z' }));
    expect(await mustLose(dir)).toMatchObject({ pid: process.pid });
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock whose process id was given to another process without a restart (Linux)', async () => {
    const dir = await tempDir();
    await plantLock(dir, { started: '1' });
    await (await mustWin(dir)).release();
  });

  it('respects a lock from another computer, and shows its name without control characters', async () => {
    const dir = await tempDir();
    await plantLock(dir, { host: 'TOWNHALL-PC-17', pid: DEAD_PID, bootTime: 0 }, 86_400);
    expect(await mustLose(dir)).toMatchObject({ host: 'TOWNHALL-PC-17', pid: DEAD_PID });
    await plantLock(dir, { host: '\u202eTOWN\u0007HALL\n' });
    expect((await mustLose(dir)).host).toBe('?TOWN?HALL?');
  });

  it('takes over an unreadable lock older than a few seconds (a crash while writing it), but not a fresh one', async () => {
    const dir = await tempDir();
    for (const content of ['', '{"pid": 12', Buffer.alloc(300), 'x'.repeat(1_000_000), JSON.stringify({ pid: -1, host: 'X', since: 'now' })]) {
      await plantRaw(dir, content, 10);
      await (await mustWin(dir)).release();
    }
    // A fresh empty file may be an app creating its lock where there are no hard links: it is waited for
    // (a second) and then respected, as from an unknown computer.
    await plantRaw(dir, '', 0);
    const started = Date.now();
    expect(await mustLose(dir)).toMatchObject({ unreadable: true, host: expect.any(String) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await readFile(lockPath(dir), 'utf8')).toBe('');
  });

  it('release removes only its own lock, and taking the lock removes old leftovers of crashed attempts', async () => {
    const dir = await tempDir();
    const leftover = join(dir, `.${LOCK_FILE}.4242.abcdef.tmp`);
    const recent = join(dir, `.${LOCK_FILE}.4243.abcdef.tmp`);
    await writeFile(leftover, '{}');
    await writeFile(recent, '{}');
    await utimes(leftover, secondsAgo(3600), secondsAgo(3600));
    const lock = await mustWin(dir);
    expect((await readdir(dir)).sort()).toEqual([`.${LOCK_FILE}.4243.abcdef.tmp`, LOCK_FILE]);
    await plantLock(dir, { host: 'TOWNHALL-PC-17' }); // someone else's now
    await lock.release();
    expect(JSON.parse(await readFile(lockPath(dir), 'utf8'))).toMatchObject({ host: 'TOWNHALL-PC-17' });
  });

  it('reads the start time from /proc/<pid>/stat, whatever the program is called', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    expect(startTimeFromStat(`8432 (cat) ${fields.join(' ')}`)).toBe('22');
    expect(startTimeFromStat(`8432 (a b) c)) ${fields.join(' ')}`)).toBe('22');
    expect(startTimeFromStat('garbage')).toBeNull();
  });
});
