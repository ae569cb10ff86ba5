// Benchmarks the HTTP service under 50 concurrent keep-alive clients against a bare node:http peer serving the same bytes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildApp } from '../service/src/app';
import { percentile } from './timing';

const CLIENTS = 50;
const REQUESTS = 2000;
const SOLO_REQUESTS = 400;
const WARMUP = 400;
/** Ours and the peer take turns in rounds, so a noisy neighbour hurts both alike. */
const ROUNDS = 4;
const TARGET_P99_MS = 10;
const CHILD_FLAG = 'FT_HTTP_BENCH_SERVERS';
const STARTUP_DEADLINE_MS = 30_000;

interface Probe {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

interface Servers {
  ours: number;
  peer: number;
  probes: Probe[];
  /** Response size per probe label, in bytes. */
  bytes: Record<string, number>;
}

function send(agent: Agent, port: number, probe: Probe): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (probe.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(probe.body);
    }
    const req = request({ host: '127.0.0.1', port, method: probe.method, path: probe.path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(probe.body);
  });
}

/** `total` requests spread over `clients` closed-loop clients; appends each request's latency (ms) to `into`. */
async function load(agent: Agent, port: number, probe: Probe, clients: number, total: number, into: number[]): Promise<number> {
  let issued = 0;
  const t0 = process.hrtime.bigint();
  const client = async (): Promise<void> => {
    while (issued < total) {
      issued++;
      const start = process.hrtime.bigint();
      const r = await send(agent, port, probe);
      into.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 200) throw new Error(`${probe.method} ${probe.path} answered ${r.status}: ${r.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** The floor of any HTTP stack here: node:http answering each path with fixed bytes (after reading the request body). */
function startPeer(bodies: Map<string, string>): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const key = `${req.method} ${req.url}`;
      const body = bodies.get(key) ?? '{"error":{"code":"not-found","message":"no route","details":null}}';
      res.writeHead(bodies.has(key) ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Child side: our app over a temp root with one exported model, and the peer serving exactly the bytes our app
 * answers to each probe. Prints the ports as one JSON line; exits (cleaning the root) when the parent closes stdin.
 */
async function runServers(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ft-http-bench-'));
  const app = buildApp({ root });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const ours = (app.server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true });
  const made = await send(agent, ours, { label: 'export', method: 'POST', path: '/sim/models/export', body: JSON.stringify({ template: 'checkout', name: 'bench' }) });
  if (made.status !== 201) throw new Error(`export answered ${made.status}: ${made.body.slice(0, 200)}`);
  const id = (JSON.parse(made.body) as { model_id: string }).model_id;
  const probes: Probe[] = [
    { label: 'GET /sim/models/{id}', method: 'GET', path: `/sim/models/${id}` },
    { label: 'POST /sim/models/validate', method: 'POST', path: '/sim/models/validate', body: JSON.stringify({ model_yaml: SMALL_MODEL }) },
  ];
  const bodies = new Map<string, string>();
  const bytes: Record<string, number> = {};
  for (const probe of probes) {
    const r = await send(agent, ours, probe);
    if (r.status !== 200) throw new Error(`${probe.path} answered ${r.status}: ${r.body.slice(0, 200)}`);
    bodies.set(`${probe.method} ${probe.path}`, r.body);
    bytes[probe.label] = Buffer.byteLength(r.body);
  }
  agent.destroy();
  const peer = await startPeer(bodies);
  const servers: Servers = { ours, peer: (peer.address() as AddressInfo).port, probes, bytes };
  process.stdout.write(`${JSON.stringify(servers)}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await new Promise<void>((resolve) => peer.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
    process.exit(0);
  };
  // Each `cpu` line asks for this process's CPU time so far (µs): the servers' cost per request, whatever the noise.
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line === 'cpu') {
      const u = process.cpuUsage();
      process.stdout.write(`${u.user + u.system}\n`);
    }
  });
  lines.on('close', () => void stop());
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

/**
 * Runs the servers in a child process (its own event loop and core, as a deployed service would have) and drives
 * them from here over loopback: warm-up, then rounds alternating ours and the peer, REQUESTS per route each.
 */
export async function benchHttp(): Promise<string[]> {
  const child = spawn(process.execPath, [...process.execArgv, __filename], { env: { ...process.env, [CHILD_FLAG]: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const agents: Agent[] = [];
  try {
    const replies = createInterface({ input: child.stdout! });
    const nextLine = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the benchmark servers did not answer in time')), STARTUP_DEADLINE_MS);
        const onExit = (code: number | null): void => {
          clearTimeout(timer);
          reject(new Error(`the benchmark servers exited with ${String(code)}`));
        };
        child.once('exit', onExit);
        replies.once('line', (line) => {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(line);
        });
      });
    const serverCpu = async (): Promise<number> => {
      const line = nextLine();
      child.stdin?.write('cpu\n');
      return Number(await line);
    };
    const servers = JSON.parse(await nextLine()) as Servers;
    const rows = [
      `http: route, clients (keep-alive, closed loop), response bytes | ours p50 / p99 ms | peer (bare node:http, same bytes) p50 / p99 ms | ratio p50 / p99 | ours / peer req/s | server CPU µs/req ours / peer | target p99 < ${TARGET_P99_MS} ms at ${CLIENTS} clients`,
    ];
    for (const probe of servers.probes) {
      // The target's load (50 clients), then one client alone: the latency of a request with no queue in front of it.
      for (const [clients, total] of [[CLIENTS, REQUESTS], [1, SOLO_REQUESTS]] as const) {
        const ourAgent = new Agent({ keepAlive: true, maxSockets: clients });
        const peerAgent = new Agent({ keepAlive: true, maxSockets: clients });
        agents.push(ourAgent, peerAgent);
        await load(ourAgent, servers.ours, probe, clients, WARMUP, []);
        await load(peerAgent, servers.peer, probe, clients, WARMUP, []);
        const a: number[] = [];
        const b: number[] = [];
        let aSeconds = 0;
        let bSeconds = 0;
        let aCpu = 0;
        let bCpu = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const c0 = await serverCpu();
          aSeconds += await load(ourAgent, servers.ours, probe, clients, total / ROUNDS, a);
          const c1 = await serverCpu();
          bSeconds += await load(peerAgent, servers.peer, probe, clients, total / ROUNDS, b);
          const c2 = await serverCpu();
          aCpu += c1 - c0;
          bCpu += c2 - c1;
        }
        const [a50, a99, b50, b99] = [percentile(a, 50), percentile(a, 99), percentile(b, 50), percentile(b, 99)];
        const target = clients !== CLIENTS ? '' : a99 < TARGET_P99_MS ? `met (${fmt(a99)} ms)` : `MISSED (${fmt(a99)} ms)`;
        rows.push(
          `http: ${probe.label}, ${clients} client${clients === 1 ? '' : 's'}, ${servers.bytes[probe.label]} B | ${fmt(a50)} / ${fmt(a99)} | ${fmt(b50)} / ${fmt(b99)} | ` +
            `${(a50 / b50).toFixed(2)}x / ${(a99 / b99).toFixed(2)}x | ${Math.round(total / aSeconds)} / ${Math.round(total / bSeconds)} | ` +
            `${Math.round(aCpu / total)} / ${Math.round(bCpu / total)} (${(aCpu / bCpu).toFixed(2)}x) | ${target}`,
        );
      }
    }
    return rows;
  } finally {
    for (const agent of agents) agent.destroy();
    child.stdin?.end();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** A small valid model (three nodes), as a client checking a hand-edited file would send. */
const SMALL_MODEL = [
  'schemaVersion: 1',
  'grid:',
  '  bins: 12',
  '  binSize: 1',
  '  binUnit: hours',
  'nodes:',
  '  - id: demand',
  '    kind: const',
  '    values: [10, 12, 14, 16, 18, 20, 20, 18, 16, 14, 12, 10]',
  '  - id: capacity',
  '    kind: const',
  '    values: [15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15]',
  '  - id: served',
  '    kind: expr',
  '    expr: "MIN(demand, capacity)"',
  'outputs:',
  '  - series: served',
  '    as: served.csv',
  '',
].join('\n');

if (process.env[CHILD_FLAG] === '1' && require.main === module) {
  runServers().catch((e: unknown) => {
    process.stderr.write(`http bench servers: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
