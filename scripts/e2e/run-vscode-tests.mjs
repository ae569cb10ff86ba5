// `npm run test:vscode`: the extension tests and a UI smoke test in a real VS Code (code-server + headless Chromium).
// Usage: node scripts/e2e/run-vscode-tests.mjs [--only=tests|ui]
// Env: FLOWTIME_CODE_SERVER_DIR (install dir), FLOWTIME_CHROMIUM (browser binary), FLOWTIME_E2E_TIMEOUT_MS (per
// phase, default 300000), FLOWTIME_E2E_VERBOSE=1 (server and browser console), FLOWTIME_E2E_KEEP=1 (keep temp dirs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureCodeServer, startServer } from './code-server.mjs';
import { interrupted, onInterrupt } from './process-group.mjs';
import { LOG_MARKER, runExtensionTests } from './extension-tests.mjs';
import { runUiTest } from './ui-test.mjs';
import { copyWorkspace, makeWorkDir, REPO } from './workspace.mjs';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only && only !== 'tests' && only !== 'ui') {
  console.error(`unknown --only=${only} (expected tests or ui)`);
  process.exit(2);
}
const PHASE_TIMEOUT_MS = Number(process.env.FLOWTIME_E2E_TIMEOUT_MS || 300000);
const RESULTS = join(REPO, 'test-results');
const EXTENSION_TESTS = join(REPO, 'dist', 'test', 'vscode', 'index.js');
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** npm test builds first (pretest); a direct run gets a build only when an output is missing. */
function ensureBuilt() {
  const outputs = ['dist/extension.js', 'dist/server.js', 'dist/test/vscode/index.js'].map((p) => join(REPO, p));
  if (outputs.every((p) => existsSync(p))) return;
  console.log('[e2e] dist/ is incomplete: running node esbuild.mjs');
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
  const missing = outputs.filter((p) => !existsSync(p));
  if (r.status !== 0 || missing.length > 0) throw new Error(`the build failed or did not produce ${missing.join(', ')}`);
}

/** `npm run package` → dist/flowtime-sim.vsix (it rebuilds dist/ minified; `npm test` rebuilds for development first). */
function packageVsix() {
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
  const vsix = join(REPO, 'dist', 'flowtime-sim.vsix');
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const size = r.stdout.match(/Packaged: .*\(([^)]*)\)/)?.[1] ?? '';
  console.log(`[e2e] packaged ${vsix} (${size}) in ${seconds(Date.now() - started)}`);
  return vsix;
}

/**
 * Runs one phase in its own server session and temp dir. Whatever happens (failure, deadline, Ctrl-C) the server's
 * process group is killed and the browser closed; when the phase fails its logs are kept in test-results/.
 */
async function runPhase(name, codeServer, body, env = {}, vsix = undefined) {
  const started = Date.now();
  const work = makeWorkDir(`flowtime-e2e-${name}-`);
  const cleanups = [];
  const runCleanups = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve().then(c).catch(() => undefined);
  };
  const dropInterrupt = onInterrupt(async () => {
    await runCleanups();
    work.remove();
  });
  let session;
  let timer;
  let code;
  try {
    const workspace = copyWorkspace(work.dir);
    session = await startServer({ codeServer, work: work.dir, name, env, vsix });
    cleanups.push(() => session.stop());
    console.log(`[e2e] ${name}: server up in ${session.upMs} ms at ${session.base}, workspace copy ${workspace}`);
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PHASE_TIMEOUT_MS);
    });
    const run = body({ base: session.base, workspace, onBrowser: (b) => cleanups.push(() => b.close()) });
    run.catch(() => undefined); // after a timeout the cleanups make it reject; that is expected, not unhandled
    code = await Promise.race([run, deadline]);
    if (code === 'timeout') {
      console.error(`[e2e] ${name}: TIMEOUT — did not finish within ${PHASE_TIMEOUT_MS / 1000}s (FLOWTIME_E2E_TIMEOUT_MS)`);
      code = 124;
    }
  } catch (e) {
    // After Ctrl-C the cleanups close the browser under the running phase: that failure is expected.
    if (!interrupted()) console.error(`[e2e] ${name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    code = interrupted() ? 130 : 1;
  } finally {
    clearTimeout(timer);
    await runCleanups();
    if (code !== 0 && session && !interrupted()) {
      mkdirSync(RESULTS, { recursive: true });
      const kept = join(RESULTS, `${name}-server.log`);
      copyFileSync(session.logFile, kept);
      // The extension host's log and the "FlowTime Language Server" output channel live under the user data dir.
      const logs = join(work.dir, `${name}-user`, 'logs');
      const keptLogs = join(RESULTS, `${name}-logs`);
      rmSync(keptLogs, { recursive: true, force: true });
      if (existsSync(logs)) cpSync(logs, keptLogs, { recursive: true });
      console.error(`[e2e] ${name}: logs kept in ${kept} and ${keptLogs}/`);
    }
    work.remove();
    dropInterrupt();
  }
  return { name, code, ms: Date.now() - started };
}

async function main() {
  ensureChromium();
  const codeServer = ensureCodeServer();
  console.log(
    `[e2e] code-server ${codeServer.version} in ${codeServer.dir}` +
      (codeServer.installMs ? ` (installed in ${seconds(codeServer.installMs)})` : ' (already installed)'),
  );
  ensureBuilt();
  const results = [];
  if (!only || only === 'tests') {
    results.push(
      await runPhase('extension-tests', codeServer, ({ base, workspace, onBrowser }) =>
        runExtensionTests({ base, workspace, extensionDevelopmentPath: REPO, extensionTestsPath: EXTENSION_TESTS, onBrowser }),
        { FLOWTIME_E2E_LOG_MARKER: LOG_MARKER },
      ),
    );
  }
  if ((!only || only === 'ui') && !interrupted()) {
    // The user-level test runs what users install: `npm run package` (minified bundles, .vscodeignore applied),
    // installed with --install-extension, so a file missing from the package fails here.
    const vsix = packageVsix();
    results.push(
      await runPhase('ui', codeServer, ({ base, workspace, onBrowser }) => runUiTest({ base, workspace, resultsDir: RESULTS, onBrowser }), {}, vsix),
    );
  }
  for (const r of results) {
    const verdict = r.code === 0 ? 'PASS' : r.code === 124 ? 'TIMEOUT' : 'FAIL';
    console.log(`[e2e] ${r.name}: ${verdict} (exit ${r.code}) in ${seconds(r.ms)}`);
  }
  return results.find((r) => r.code !== 0)?.code ?? 0;
}

// After Ctrl-C the signal handler exits (130) once its cleanups are done; the phases' own failures do not count.
main().then(
  (code) => {
    if (!interrupted()) process.exit(code);
  },
  (e) => {
    console.error(`[e2e] ${e instanceof Error ? e.message : String(e)}`);
    if (!interrupted()) process.exit(1);
  },
);
