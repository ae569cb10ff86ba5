// `flowtime sim serve` as a user runs it: the built CLI listens on loopback by default, answers, and stops on SIGTERM.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { REPO, assertCleanRoot, getJson, postJson, tempDir } from './support';

const DEADLINE_MS = 15_000;

interface Served {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
}

/** Spawns the CLI and polls its stdout (with a deadline, never a fixed sleep) for the "listening on" line. */
async function serve(args: string[]): Promise<Served> {
  assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` (npm test does it)');
  const child = spawn(process.execPath, [join(REPO, 'bin', 'flowtime.js'), 'sim', 'serve', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const deadline = Date.now() + DEADLINE_MS;
  while (Date.now() < deadline) {
    const m = /listening on (http:\/\/([^\s:]+):(\d+))/.exec(out);
    if (m) return { child, url: m[1], port: Number(m[3]), output: () => out };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`flowtime sim serve did not start within ${DEADLINE_MS} ms: ${out}`);
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves 'refused' or 'connected' for a TCP connect to host:port, within a deadline. */
function probe(host: string, port: number): Promise<'refused' | 'connected' | 'timeout'> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve('refused');
    });
  });
}

describe('flowtime sim serve', () => {
  const children: ChildProcess[] = [];

  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  test('defaults to 127.0.0.1, serves /healthz and an export, and stops cleanly on SIGTERM', async (t) => {
    const root = join(tempDir(), 'artifacts');
    const served = await serve(['--port', '0', '--artifacts', root]);
    children.push(served.child);
    assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+$/, served.output());
    assert.ok(served.port > 0);

    const health = await getJson(served.url, '/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'ok');

    const made = await postJson(served.url, '/sim/models/export', { template: 'checkout', name: 'served' });
    assert.equal(made.status, 201);
    assert.ok(made.body.path.startsWith(root), `${made.body.path} is under ${root}`);

    // Loopback only: the same port on a non-loopback address of this machine refuses connections. (The printed
    // address alone proves little: fastify prints 127.0.0.1 even when it listens on 0.0.0.0.)
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    if (external) assert.equal(await probe(external.address, served.port), 'refused', `${external.address}:${served.port}`);
    else t.diagnostic('no non-loopback IPv4 interface here: only the printed address was checked');

    served.child.kill('SIGTERM');
    const end = await exited(served.child);
    assert.ok(end.code === 0 || end.signal === 'SIGTERM', JSON.stringify(end));
    assert.equal(assertCleanRoot(root), 1);
  });

  test('an explicit --host is honoured and a bad --port is a usage error (exit 2)', async () => {
    const served = await serve(['--host', 'localhost', '--port', '0', '--artifacts', tempDir()]);
    children.push(served.child);
    assert.equal((await getJson(served.url, '/healthz')).status, 200);
    served.child.kill('SIGTERM');
    await exited(served.child);

    const bad = spawn(process.execPath, [join(REPO, 'bin', 'flowtime.js'), 'sim', 'serve', '--port', '70000'], { cwd: REPO, stdio: 'ignore' });
    children.push(bad);
    assert.equal((await exited(bad)).code, 2);
  });
});
