// Finds (or installs) the pinned code-server and runs VS Code's own server from it as one killable session.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGroup } from './process-group.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export const CHROMIUM = process.env.FLOWTIME_CHROMIUM || '/usr/bin/chromium';

/** Fails with what to install when the browser that drives the workbench is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  throw new Error(
    `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium ` +
      '(or point FLOWTIME_CHROMIUM at a Chromium/Chrome binary).',
  );
}

export function codeServerVersion() {
  return readFileSync(join(here, 'code-server-version'), 'utf8').trim();
}

/**
 * The code-server install directory: `$FLOWTIME_CODE_SERVER_DIR`, else `~/.cache/flowtime-code-server-<version>`.
 * Runs install-code-server.sh when the install there is not complete (it marks completion with `.complete`).
 */
export function ensureCodeServer() {
  const version = codeServerVersion();
  const dir = process.env.FLOWTIME_CODE_SERVER_DIR || join(homedir(), '.cache', `flowtime-code-server-${version}`);
  const pkg = join(dir, 'node_modules', 'code-server');
  const serverMain = join(pkg, 'lib', 'vscode', 'out', 'server-main.js');
  let installMs = 0;
  if (!existsSync(join(dir, '.complete')) || !existsSync(serverMain)) {
    console.log(`code-server ${version} is not installed in ${dir}: installing (about 2 minutes)…`);
    const started = Date.now();
    const r = spawnSync('bash', [join(here, 'install-code-server.sh'), dir], {
      stdio: 'inherit',
      env: { ...process.env, CS_VERSION: version },
    });
    installMs = Date.now() - started;
    if (r.status !== 0) throw new Error(`install-code-server.sh failed (exit ${r.status ?? r.signal}); see its output above`);
  }
  const installed = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  if (installed !== version) throw new Error(`${dir} holds code-server ${installed}, expected ${version}; delete it to reinstall`);
  return { dir, pkg, serverMain, version, installMs };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Installs a packaged extension the way a user does (`--install-extension`), into this session's extensions dir. */
function installVsix(codeServer, vsix, dirs) {
  const node = process.env.FLOWTIME_CODE_SERVER_NODE || process.execPath;
  const r = spawnSync(
    node,
    [codeServer.serverMain, '--accept-server-license-terms', '--install-extension', vsix, '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.server, '--user-data-dir', dirs.user],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' } },
  );
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts `server-main.js` (server variant (b): VS Code's own server, which honours the test payload thanks to
 * `--enable-smoke-test-driver`) with throw-away data dirs under `work`, and waits until it answers HTTP.
 * Returns `{ base, logFile, stop }`; `stop` kills the whole process group.
 */
export async function startServer({ codeServer, work, name, upTimeoutMs = 30000, env = {}, vsix }) {
  const dirs = {};
  for (const d of ['user', 'extensions', 'server', 'xdg-data', 'xdg-config', 'xdg-cache']) {
    dirs[d] = join(work, `${name}-${d}`);
    mkdirSync(dirs[d], { recursive: true });
  }
  if (vsix) installVsix(codeServer, vsix, dirs);
  const port = await freePort();
  const logFile = join(work, `${name}-server.log`);
  const log = createWriteStream(logFile);
  const node = process.env.FLOWTIME_CODE_SERVER_NODE || process.execPath;
  const args = [
    codeServer.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-workspace-trust',
    '--telemetry-level', 'off',
    '--server-data-dir', dirs.server,
    '--user-data-dir', dirs.user,
    '--extensions-dir', dirs.extensions,
  ];
  const started = Date.now();
  const group = spawnGroup(node, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Marketplace off: no open-vsx.org lookups (and their errors) from the server or the workbench.
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      XDG_DATA_HOME: dirs['xdg-data'],
      XDG_CONFIG_HOME: dirs['xdg-config'],
      XDG_CACHE_HOME: dirs['xdg-cache'],
      ...env,
    },
  });
  group.child.stdout.pipe(log);
  group.child.stderr.pipe(log);
  if (process.env.FLOWTIME_E2E_VERBOSE) {
    group.child.stdout.on('data', (b) => process.stdout.write(`[server] ${b}`));
    group.child.stderr.on('data', (b) => process.stderr.write(`[server] ${b}`));
  }
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + upTimeoutMs;
  for (;;) {
    if (group.hasExited()) {
      await group.stop();
      throw new Error(`the VS Code server exited before answering HTTP; last log lines:\n${tail(logFile, 40)}`);
    }
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await group.stop();
        throw new Error(`the VS Code server did not answer on ${base} within ${upTimeoutMs} ms; last log lines:\n${tail(logFile, 40)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const upMs = Date.now() - started;
  return {
    base,
    logFile,
    upMs,
    tail: (lines = 60) => tail(logFile, lines),
    async stop() {
      await group.stop();
      log.end();
    },
  };
}
