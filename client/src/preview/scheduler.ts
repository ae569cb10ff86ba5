// Debounces preview refreshes and coalesces them so that at most one graph request is ever in flight.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * `schedule(delay)` restarts the debounce timer; when it fires the task runs, unless a run is already in flight, in
 * which case one more run follows it. So a burst of edits costs one request, a slow request is never stacked with
 * another, and an edit made while a request was out is never lost (its result would be for the older version).
 */
export class CoalescingScheduler {
  private timer: unknown;
  private running = false;
  private again = false;
  private disposed = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (e: unknown) => void = () => undefined,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs the task `delayMs` after the last call (0: at once, still after the run in flight). */
  schedule(delayMs: number): void {
    if (this.disposed) return;
    this.cancelTimer();
    if (delayMs <= 0) {
      this.fire();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, delayMs);
  }

  /** True while a run is in flight. */
  get busy(): boolean {
    return this.running;
  }

  /** True while a timer is waiting or a run is in flight or queued. */
  get pending(): boolean {
    return this.timer !== undefined || this.running || this.again;
  }

  dispose(): void {
    this.disposed = true;
    this.again = false;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.runOnce();
  }

  private async runOnce(): Promise<void> {
    try {
      await this.task();
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.fire();
      }
    }
  }
}
