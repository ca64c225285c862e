import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../electron/core/clock';
import { backupRegister, changedSinceNewestBackup, createBackupSchedule } from '../../../../../electron/store/sql/backup';
import { clock as registerClock, fixtureLetters } from '../helpers';
import { addAttachment, folderWithRegister, saveTemplate } from './backupHelpers';

const MINUTE = 60_000;

/** Timers a test fires by hand, with the clock moved to when each was due. */
function manualTimers(clock: ReturnType<typeof fixedClock>) {
  const pending = new Map<number, { run: () => void; due: number }>();
  let next = 1;
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { run, due: clock.now().getTime() + ms });
      return id;
    },
    clearTimer: (id: unknown) => void pending.delete(id as number),
    /** When the one pending timer is due, in ms from now; null when none is. */
    dueIn: () => {
      expect(pending.size).toBeLessThanOrEqual(1);
      const [timer] = pending.values();
      return timer ? timer.due - clock.now().getTime() : null;
    },
    async fire() {
      const [[id, timer]] = [...pending.entries()] as [[number, { run: () => void; due: number }]];
      pending.delete(id);
      if (timer.due > clock.now().getTime()) clock.set(new Date(timer.due));
      timer.run();
    },
  };
}

function setUp(options: { fail?: () => boolean; changed?: boolean } = {}) {
  const clock = fixedClock('2026-02-02T09:00:00.000Z');
  const timers = manualTimers(clock);
  const made: Date[] = [];
  const errors: Error[] = [];
  const schedule = createBackupSchedule({
    backup: async () => {
      if (options.fail?.()) throw new Error('The disk is full.');
      made.push(clock.now());
      return made.length;
    },
    changedSinceLastBackup: async () => options.changed ?? true,
    clock,
    intervalMs: 15 * MINUTE,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    onError: (err) => errors.push(err),
  });
  return { clock, timers, made, errors, schedule };
}

describe('createBackupSchedule', () => {
  it('backs up on open only when the register changed since its newest backup', async () => {
    const changed = setUp({ changed: true });
    await changed.schedule.onOpen();
    expect(changed.made).toHaveLength(1);
    const unchanged = setUp({ changed: false });
    await unchanged.schedule.onOpen();
    expect(unchanged.made).toHaveLength(0);
  });

  it('after changes, backs up at most every interval, however many changes come', async () => {
    const { clock, timers, made, schedule } = setUp();
    await schedule.onOpen();
    clock.advance(MINUTE);
    schedule.changed();
    schedule.changed();
    expect(timers.dueIn()).toBe(14 * MINUTE);
    clock.advance(5 * MINUTE);
    schedule.changed();
    expect(timers.dueIn()).toBe(9 * MINUTE);
    await timers.fire();
    await schedule.idle();
    expect(made.map((d) => d.toISOString())).toEqual(['2026-02-02T09:00:00.000Z', '2026-02-02T09:15:00.000Z']);
    expect(timers.dueIn(), 'nothing changed since').toBeNull();
    // A change long after the last backup is backed up straight away.
    clock.advance(60 * MINUTE);
    schedule.changed();
    expect(timers.dueIn()).toBe(0);
  });

  it('counts a change made while a backup runs', async () => {
    const clock = fixedClock('2026-02-02T09:00:00.000Z');
    const timers = manualTimers(clock);
    let release = () => {};
    let calls = 0;
    const schedule = createBackupSchedule({
      backup: () => {
        calls++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      clock,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    void schedule.onOpen();
    await Promise.resolve();
    await Promise.resolve();
    schedule.changed();
    expect(timers.dueIn(), 'not while one runs').toBeNull();
    release();
    await schedule.idle();
    expect(timers.dueIn()).toBe(15 * MINUTE);
    expect(calls).toBe(1);
  });

  it('never fails a save: a failed backup is kept in lastError and retried an interval later', async () => {
    let failing = true;
    const { clock, timers, made, errors, schedule } = setUp({ fail: () => failing });
    await schedule.onOpen();
    expect(schedule.lastError?.message).toBe('The disk is full.');
    expect(errors).toHaveLength(1);
    expect(() => schedule.changed()).not.toThrow();
    expect(timers.dueIn()).toBe(15 * MINUTE);
    failing = false;
    await timers.fire();
    await schedule.idle();
    expect(made).toHaveLength(1);
    expect(schedule.lastError).toBeNull();
    expect(schedule.lastBackupAt).toEqual(clock.now());
  });

  it('on close, backs up what changed since the last backup, and nothing otherwise', async () => {
    const { clock, timers, made, schedule } = setUp();
    await schedule.onOpen();
    clock.advance(MINUTE);
    schedule.changed();
    await schedule.onClose();
    expect(made).toHaveLength(2);
    expect(timers.dueIn(), 'no timer left behind').toBeNull();
    schedule.changed();
    expect(timers.dueIn(), 'nothing after close').toBeNull();

    const quiet = setUp();
    await quiet.schedule.onOpen();
    await quiet.schedule.onClose();
    expect(quiet.made).toHaveLength(1);
  });

  it('backupNow tells the officer when it fails', async () => {
    const { schedule } = setUp({ fail: () => true });
    await expect(schedule.backupNow()).rejects.toThrow('The disk is full.');
  });
});

describe('changedSinceNewestBackup', () => {
  it('is true until a backup is made, and again after a save, an attachment or a template', async () => {
    const { folder, store, repo } = await folderWithRegister(5);
    expect(await changedSinceNewestBackup(store, folder)).toBe(true);
    await backupRegister(store, { folder, clock: registerClock });
    expect(await changedSinceNewestBackup(store, folder)).toBe(false);

    const letter = fixtureLetters(5)[0]!;
    await repo.saveLetter({ ...letter, subject: 'Changed' }, { by: 'Test', action: 'edit' });
    expect(await changedSinceNewestBackup(store, folder)).toBe(true);
    await backupRegister(store, { folder, clock: registerClock });
    await addAttachment(folder, 'scan.pdf', 'new');
    expect(await changedSinceNewestBackup(store, folder)).toBe(true);
    await backupRegister(store, { folder, clock: registerClock });
    expect(await changedSinceNewestBackup(store, folder)).toBe(false);
    await saveTemplate(folder, 'thanks.json', '{}');
    expect(await changedSinceNewestBackup(store, folder)).toBe(true);
  });
});
