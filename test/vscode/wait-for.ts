// Polls a probe until its value satisfies a condition, with a deadline and a message naming what was awaited.
import { inspect } from 'node:util';

export interface WaitOptions {
  /** What is awaited, in words; the timeout message starts with it. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

type Probe<T> = () => T | PromiseLike<T>;

function show(value: unknown): string {
  return inspect(value, { depth: 4, breakLength: 120, maxArrayLength: 30, maxStringLength: 400 });
}

/**
 * Calls `probe` every `intervalMs` until `until(value)` holds and returns that value. A probe that throws counts as
 * not ready (the error is the last value seen). On the deadline it fails with `what` and the last value seen.
 */
export async function waitFor<T, S extends T>(probe: Probe<T>, options: WaitOptions & { until: (value: T) => value is S }): Promise<S>;
export async function waitFor<T>(probe: Probe<T>, options: WaitOptions & { until: (value: T) => boolean }): Promise<T>;
/** Without `until`: waits for a truthy value. */
export async function waitFor<T>(probe: Probe<T>, options: WaitOptions): Promise<NonNullable<T>>;
export async function waitFor<T>(probe: Probe<T>, options: WaitOptions & { until?: (value: T) => boolean }): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15000;
  const intervalMs = options.intervalMs ?? 50;
  const until = options.until ?? ((v: T) => Boolean(v));
  const deadline = Date.now() + timeoutMs;
  let last: string = '(probe never completed)';
  for (;;) {
    try {
      const value = await probe();
      if (until(value)) return value;
      last = show(value);
    } catch (e) {
      last = `error: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}; last value seen: ${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
