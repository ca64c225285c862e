import type { Clock } from '../../../core/clock';

export const BACKUP_INTERVAL_MS = 15 * 60_000;

export interface BackupScheduleOptions<T> {
  /** Make one backup (backupRegister with the open store). Never run twice at once by the schedule. */
  backup: () => Promise<T>;
  /** Whether the register differs from its newest backup, asked on open (changedSinceNewestBackup). Omitted: always. */
  changedSinceLastBackup?: () => Promise<boolean>;
  clock: Clock;
  /** After a change, a backup at most this often. */
  intervalMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Told of each automatic backup that failed (to log it); the failure is also kept in lastError. */
  onError?: (error: Error) => void;
}

export interface BackupSchedule<T> {
  /** Call after every change the register has committed (a save, an import, a new attachment or template). */
  changed(): void;
  /** After the register has opened: backs up unless nothing has changed since the newest backup. */
  onOpen(): Promise<void>;
  /** Before the register closes: waits for a backup under way, then backs up if anything changed since the last one. */
  onClose(): Promise<void>;
  /** "Back up now": queued behind a backup under way; rejects when it fails, as the officer asked for it. */
  backupNow(): Promise<T>;
  /** No further automatic backups (a backup under way carries on; idle() waits for it). */
  stop(): void;
  /** Resolves once no backup is running. */
  idle(): Promise<void>;
  /** The last backup's failure, cleared by the next success: automatic backups never fail a save, so the window shows this. */
  readonly lastError: Error | null;
  /** When the last successful backup started (its copy holds every change committed before then). */
  readonly lastBackupAt: Date | null;
}

const defaultSetTimer = (run: () => void, ms: number): unknown => {
  const timer = setTimeout(run, ms);
  // A pending backup must not keep a test runner or a script alive; the app's close backs up anyway.
  timer.unref();
  return timer;
};
const defaultClearTimer = (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>);

/**
 * When the register is backed up: on open (if it changed since its newest backup), after changes (at
 * most every intervalMs, counted from the start of the last attempt, so a failing backup is retried at
 * the same pace rather than in a loop), and on close (if anything changed since the last backup).
 * Backups run one at a time. A failure is kept in lastError and handed to onError, never thrown to the
 * save that prompted it; only backupNow rejects.
 */
export function createBackupSchedule<T>(options: BackupScheduleOptions<T>): BackupSchedule<T> {
  const { backup, clock, changedSinceLastBackup, onError } = options;
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const clearTimer = options.clearTimer ?? defaultClearTimer;

  let dirty = false;
  let stopped = false;
  let running = 0;
  let timer: unknown = null;
  let chain: Promise<unknown> = Promise.resolve();
  let lastAttemptAt: number | null = null;
  let lastError: Error | null = null;
  let lastBackupAt: Date | null = null;
  /** onOpen's decision, which close must wait for: it may still be asking whether anything changed. */
  let opening: Promise<void> = Promise.resolve();

  function run(): Promise<T> {
    running++;
    const attempt = chain.then(async () => {
      // Reset before copying: a change committed while the backup runs may miss it, and must count.
      dirty = false;
      const started = clock.now();
      lastAttemptAt = started.getTime();
      try {
        const result = await backup();
        lastError = null;
        lastBackupAt = started;
        return result;
      } catch (err) {
        dirty = true;
        lastError = err instanceof Error ? err : new Error(String(err));
        throw lastError;
      } finally {
        running--;
        if (dirty) arm();
      }
    });
    chain = attempt.catch(() => undefined);
    return attempt;
  }

  function automatic(): Promise<void> {
    return run().then(
      () => undefined,
      (err: Error) => onError?.(err),
    );
  }

  function arm(): void {
    if (stopped || timer !== null || running > 0) return;
    const wait = lastAttemptAt === null ? 0 : Math.max(0, lastAttemptAt + intervalMs - clock.now().getTime());
    timer = setTimer(() => {
      timer = null;
      if (dirty && !stopped) void automatic();
    }, wait);
  }

  function disarm(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  return {
    changed() {
      dirty = true;
      arm();
    },
    onOpen() {
      opening = (async () => {
        const needed = changedSinceLastBackup ? await changedSinceLastBackup().catch(() => true) : true;
        if (needed && !stopped) await automatic();
      })();
      return opening;
    },
    async onClose() {
      stopped = true;
      disarm();
      await opening;
      await chain;
      if (dirty || lastError !== null) await automatic();
    },
    backupNow: () => run(),
    stop() {
      stopped = true;
      disarm();
    },
    idle: () => opening.then(() => chain).then(() => undefined),
    get lastError() {
      return lastError;
    },
    get lastBackupAt() {
      return lastBackupAt;
    },
  };
}
