// A small test runner for the extension host: suites of async tests run in order, each under its own timeout.
export type TestFn = () => Promise<void> | void;

export interface TestCase {
  name: string;
  fn: TestFn;
  timeoutMs: number;
}

export interface Suite {
  name: string;
  tests: TestCase[];
  /** Runs after the suite's last test, pass or fail (closing editors, panels). */
  after?: TestFn;
}

export interface SuiteBuilder {
  test(name: string, fn: TestFn, options?: { timeoutMs?: number }): void;
  after(fn: TestFn): void;
}

export const DEFAULT_TEST_TIMEOUT_MS = 30000;

export function suite(name: string, body: (s: SuiteBuilder) => void): Suite {
  const result: Suite = { name, tests: [] };
  body({
    test(testName, fn, options) {
      result.tests.push({ name: testName, fn, timeoutMs: options?.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS });
    },
    after(fn) {
      result.after = fn;
    },
  });
  return result;
}

async function withTimeout(fn: TestFn, timeoutMs: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(fn), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

export interface RunSummary {
  passed: number;
  failed: number;
  failures: string[];
}

/** Runs the suites sequentially; `grep` keeps only tests whose "suite › test" name contains it. */
export async function runSuites(suites: Suite[], log: (line: string) => void, grep?: string): Promise<RunSummary> {
  const summary: RunSummary = { passed: 0, failed: 0, failures: [] };
  for (const s of suites) {
    const selected = s.tests.filter((t) => !grep || `${s.name} › ${t.name}`.includes(grep));
    if (selected.length === 0) continue;
    log(`${s.name}`);
    for (const t of selected) {
      const full = `${s.name} › ${t.name}`;
      const started = Date.now();
      try {
        await withTimeout(t.fn, t.timeoutMs, `test "${full}"`);
        summary.passed++;
        log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        summary.failed++;
        summary.failures.push(full);
        log(`  ✗ ${t.name} (${Date.now() - started} ms)`);
        log(indent(describeError(e), '      '));
      }
    }
    if (s.after) {
      try {
        await withTimeout(s.after, DEFAULT_TEST_TIMEOUT_MS, `cleanup of "${s.name}"`);
      } catch (e) {
        // A failed cleanup can break later suites; report it as a failure of this suite.
        summary.failed++;
        summary.failures.push(`${s.name} (cleanup)`);
        log(`  ✗ cleanup`);
        log(indent(describeError(e), '      '));
      }
    }
  }
  return summary;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}
