// The preview's refresh scheduler: debounced, never two requests in flight, an edit during a request is not lost.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoalescingScheduler } from '../../../client/src/preview/scheduler';
import type { Timers } from '../../../client/src/preview/scheduler';

/** Timers the test advances by hand. */
class ManualTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get waiting(): number {
    return this.pending.size;
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

/** A task whose runs the test finishes one by one. */
class ControlledTask {
  started = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly finishers: (() => void)[] = [];
  private readonly failers: ((e: Error) => void)[] = [];

  readonly run = (): Promise<void> => {
    this.started++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<void>((resolve, reject) => {
      this.finishers.push(() => {
        this.inFlight--;
        resolve();
      });
      this.failers.push((e) => {
        this.inFlight--;
        reject(e);
      });
    });
  };

  async finish(): Promise<void> {
    this.failers.shift();
    const f = this.finishers.shift();
    assert.ok(f, 'a run is in flight');
    f();
    await settle();
  }

  async fail(e: Error): Promise<void> {
    this.finishers.shift();
    const f = this.failers.shift();
    assert.ok(f, 'a run is in flight');
    f(e);
    await settle();
  }
}

/** Lets promise callbacks (the scheduler's `finally`) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('CoalescingScheduler', () => {
  test('a burst of schedules runs the task once, after the last delay', async () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const s = new CoalescingScheduler(task.run, undefined, timers);
    s.schedule(150);
    timers.advance(100);
    s.schedule(150);
    timers.advance(100);
    s.schedule(150);
    timers.advance(149);
    assert.equal(task.started, 0, 'still waiting for a pause');
    timers.advance(1);
    assert.equal(task.started, 1);
    await task.finish();
    assert.equal(s.pending, false);
    timers.advance(1000);
    assert.equal(task.started, 1, 'nothing more to do');
  });

  test('schedule(0) runs at once', () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const s = new CoalescingScheduler(task.run, undefined, timers);
    s.schedule(0);
    assert.equal(task.started, 1);
    assert.equal(s.busy, true);
    assert.equal(timers.waiting, 0);
  });

  test('never two runs in flight; edits during a run cause exactly one more run', async () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const s = new CoalescingScheduler(task.run, undefined, timers);
    s.schedule(0);
    // Three edits while the request is out: each debounce fires into the busy scheduler.
    for (let i = 0; i < 3; i++) {
      s.schedule(150);
      timers.advance(200);
    }
    assert.equal(task.started, 1, 'no second request while one is in flight');
    await task.finish();
    assert.equal(task.started, 2, 'one follow-up for all the edits made meanwhile');
    await task.finish();
    assert.equal(task.started, 2);
    assert.equal(task.maxInFlight, 1);
    assert.equal(s.pending, false);
  });

  test('an edit whose debounce is still waiting when the run ends runs once, after its delay', async () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const s = new CoalescingScheduler(task.run, undefined, timers);
    s.schedule(0);
    s.schedule(150);
    await task.finish();
    assert.equal(task.started, 1, 'the new edit still waits for its pause');
    timers.advance(150);
    assert.equal(task.started, 2);
    await task.finish();
    assert.equal(task.maxInFlight, 1);
  });

  test('a failed run is reported and does not stop later runs', async () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const errors: unknown[] = [];
    const s = new CoalescingScheduler(task.run, (e) => errors.push(e), timers);
    s.schedule(0);
    s.schedule(0);
    await task.fail(new Error('server went away'));
    assert.deepEqual(errors.map((e) => (e as Error).message), ['server went away']);
    assert.equal(task.started, 2, 'the queued run still happens');
    await task.finish();
  });

  test('dispose drops the waiting timer and the queued run', async () => {
    const timers = new ManualTimers();
    const task = new ControlledTask();
    const s = new CoalescingScheduler(task.run, undefined, timers);
    s.schedule(0);
    s.schedule(0);
    s.dispose();
    await task.finish();
    assert.equal(task.started, 1);
    s.schedule(10);
    assert.equal(timers.waiting, 0);
    timers.advance(100);
    assert.equal(task.started, 1);
  });
});
