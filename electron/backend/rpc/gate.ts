// A readers–writer gate around the database. Ordinary calls pass together ("shared"); a call
// that replaces the database file (restore, archive restore, move) waits until every running
// call has finished, runs alone, and holds new calls until it is done. Shutdown takes it last.

type Waiter = () => void;

export class Gate {
  private running = 0;
  private exclusiveHeld = false;
  private readonly waitingShared: Waiter[] = [];
  private readonly waitingExclusive: Waiter[] = [];

  /**
   * Runs `work` alongside other shared work, once no exclusive work runs or waits. When the gate
   * is open, `work` starts in the same tick, as it did before there was a gate: a cancel sent
   * from a progress event then lands before the job's next step.
   */
  shared<T>(work: () => Promise<T>): Promise<T> {
    if (!this.exclusiveHeld && this.waitingExclusive.length === 0) {
      this.running++;
      return this.leaveSharedAfter(work);
    }
    return this.enterShared().then(() => this.leaveSharedAfter(work));
  }

  private async leaveSharedAfter<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.running--;
      this.wake();
    }
  }

  /** Runs `work` alone: after every shared call has finished, before any new one starts. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.enterExclusive();
    try {
      return await work();
    } finally {
      this.exclusiveHeld = false;
      this.wake();
    }
  }

  /** Calls in flight, for shutdown's report. */
  get busy(): number {
    return this.running + (this.exclusiveHeld ? 1 : 0);
  }

  private enterShared(): Promise<void> {
    // Writers first: a restore must not wait behind an endless stream of reads.
    if (!this.exclusiveHeld && this.waitingExclusive.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waitingShared.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private enterExclusive(): Promise<void> {
    if (!this.exclusiveHeld && this.running === 0) {
      this.exclusiveHeld = true;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waitingExclusive.push(() => {
        this.exclusiveHeld = true;
        resolve();
      }),
    );
  }

  private wake(): void {
    if (this.exclusiveHeld) return;
    if (this.waitingExclusive.length > 0) {
      if (this.running === 0) this.waitingExclusive.shift()?.();
      return;
    }
    while (this.waitingShared.length > 0) this.waitingShared.shift()?.();
  }
}
