/**
 * Serialises writes to one file and coalesces bursts. A write always saves the state of memory at
 * the moment it starts, so while one write is in flight every further request can share a single
 * follow-up write: it will carry all of their changes. 200 puts to one shard cost 2 writes, not 200,
 * and two writes of the same file can never race each other's rename.
 */
export class CoalescingWriter {
  private readonly writeOnce: () => Promise<void>;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /** `writeOnce` must capture the state to save synchronously, before its first await. */
  constructor(writeOnce: () => Promise<void>) {
    this.writeOnce = writeOnce;
  }

  /** Resolves once a write that started after this call has reached the disk. */
  request(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.start();
    // The follow-up starts whatever the in-flight write's outcome: its failure is reported to the
    // requests that were waiting on it, not to these later ones.
    this.queued = this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  /** Resolves when nothing is in flight or queued; never rejects. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = this.queued ?? this.inFlight;
      if (!pending) return;
      await pending.catch(() => undefined);
    }
  }

  private start(): Promise<void> {
    const run = this.writeOnce().finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }
}
