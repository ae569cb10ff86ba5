// Per-run scratch space: a temp work dir and a fresh copy of the fixture workspace, so tests never dirty the repo.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(new URL('../..', import.meta.url).pathname);
export const FIXTURE_WORKSPACE = join(REPO, 'test', 'vscode', 'fixtures', 'workspace');

/** A new temp dir; `remove()` deletes it unless FLOWTIME_E2E_KEEP is set (then its path is printed). */
export function makeWorkDir(prefix = 'flowtime-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    remove() {
      if (process.env.FLOWTIME_E2E_KEEP) {
        console.log(`kept ${dir} (FLOWTIME_E2E_KEEP)`);
        return;
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** Copies the fixture workspace to `<work>/<name>` and returns its absolute path. */
export function copyWorkspace(work, name = 'workspace') {
  const target = join(work, name);
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  return target;
}
