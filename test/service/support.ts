// Shared helpers for the HTTP service tests: a live app on a loopback port, raw and JSON requests, envelope and store checks.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildApp } from '../../service/src/app';
import type { ServiceOptions } from '../../service/src/app';

export const REPO = resolve(__dirname, '..', '..');
export const CORPUS = resolve(REPO, '..', 'shared', 'corpus');
export const TEMPLATES_DIR = join(REPO, 'templates');

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const metadataSchema = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas', 'metadata.schema.json'), 'utf8')) as object);

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test process exits. */
export function tempDir(prefix = 'ft-service-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface LiveApp {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  root: string;
  close(): Promise<void>;
}

/** Builds the app over `root` (a fresh temp folder unless given) and listens on an ephemeral loopback port. */
export async function startApp(options: Partial<ServiceOptions> = {}): Promise<LiveApp> {
  const root = options.root ?? tempDir();
  const app = buildApp({ ...options, root });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  assert.ok(address !== null && typeof address === 'object', 'the app listens on a TCP port');
  return { base, port: address.port, root, close: () => app.close() };
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  headers: Headers;
}

/** fetch() with the body read as text. */
export async function call(base: string, method: string, path: string, init: { body?: string; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const res = await fetch(base + path, { method, headers, body: init.body });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text(), headers: res.headers };
}

export async function getJson(base: string, path: string): Promise<{ status: number; body: any }> {
  const a = await call(base, 'GET', path);
  return { status: a.status, body: parseJson(a) };
}

export async function postJson(base: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const a = await call(base, 'POST', path, { body: JSON.stringify(body), contentType: 'application/json' });
  return { status: a.status, body: parseJson(a) };
}

function parseJson(a: Answer): any {
  assert.match(a.contentType, /^application\/json/, `expected JSON, got ${a.contentType}: ${a.text.slice(0, 200)}`);
  return JSON.parse(a.text);
}

/**
 * A request with the path sent exactly as written: fetch() normalizes `..`, `%2e%2e` and friends before sending
 * (WHATWG URL rules), which would hide what a hostile client can really put on the wire.
 */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolvePromise({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8'), headers: h });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The error envelope `{"error": {code, message, details}}` with the expected status (and code, when given). */
export function assertErrorEnvelope(a: Answer, status: number, code?: string): { code: string; message: string; details: unknown } {
  const where = `${a.status} ${a.text.slice(0, 300)}`;
  assert.equal(a.status, status, where);
  assert.match(a.contentType, /^application\/json/, where);
  const body = JSON.parse(a.text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  assert.deepEqual(Object.keys(body), ['error'], where);
  const e = body.error;
  assert.ok(e !== undefined && e !== null && typeof e === 'object', where);
  assert.deepEqual(Object.keys(e).sort(), ['code', 'details', 'message'], where);
  assert.equal(typeof e.code, 'string', where);
  assert.equal(typeof e.message, 'string', where);
  assert.ok((e.message as string).length > 0, where);
  if (code !== undefined) assert.equal(e.code, code, where);
  return e as { code: string; message: string; details: unknown };
}

/** Every path under root (relative, forward slashes), directories included. */
export function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      out.push(relative(root, p).split(sep).join('/'));
      const st = lstatSync(p);
      if (st.isDirectory() && !st.isSymbolicLink()) visit(p);
    }
  };
  visit(root);
  return out;
}

const SLUG_ID = '[a-z0-9]+(?:-[a-z0-9]+)*_[0-9a-f]{4,64}';
const LAYOUT = [
  /^models$/,
  /^models\/catalog\.json$/,
  new RegExp(`^models/${SLUG_ID}$`),
  new RegExp(`^models/${SLUG_ID}/v[1-9][0-9]*$`),
  new RegExp(`^models/${SLUG_ID}/v[1-9][0-9]*/(model\\.yaml|metadata\\.json|preview\\.svg|validation\\.json)$`),
];

/**
 * The root holds only models/catalog.json and models/{id}/v{n}/ with exactly the four files (no temp folders, no CSV,
 * no series), and every metadata.json is schema-valid and under 5 KB. Returns how many versions were checked.
 */
export function assertCleanRoot(root: string): number {
  const paths = walk(root);
  const stray = paths.filter((p) => !LAYOUT.some((re) => re.test(p)));
  assert.deepEqual(stray, [], `unexpected entries under the artifacts root: ${stray.join(', ')}`);
  const versions = paths.filter((p) => /\/v[1-9][0-9]*$/.test(p));
  for (const v of versions) {
    assert.deepEqual(readdirSync(join(root, v)).sort(), ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'], `incomplete version ${v}`);
    assertMetadataValid(readFileSync(join(root, v, 'metadata.json'), 'utf8'), v);
  }
  if (versions.length > 0) assert.ok(paths.includes('models/catalog.json'), 'a store with versions has a catalog');
  return versions.length;
}

export function assertMetadataValid(text: string, where: string): void {
  assert.ok(Buffer.byteLength(text) < 5 * 1024, `${where}/metadata.json is ${Buffer.byteLength(text)} bytes`);
  assert.ok(metadataSchema(JSON.parse(text)), `${where}/metadata.json fails schemas/metadata.schema.json: ${ajv.errorsText(metadataSchema.errors)}`);
}

/** The text of a Range (0-based line/character) inside `text`. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)];
  return parts.join('\n');
}

/** The seed's POST /sim/models/export example (SIM-M2.6, FR-3). */
export function seedExportRequest(): Record<string, unknown> {
  return {
    template: 'checkout',
    name: 'checkout-baseline',
    parameters: { peak_factor: 1.5 },
    tags: ['baseline', 'e-commerce'],
    metadata: { title: 'Checkout Baseline Model', description: 'E-commerce checkout with baseline parameters' },
  };
}

/** The seed's POST /sim/models/validate example: legacy binMinutes grid and the pmf value→probability map. */
export function seedValidateRequest(): Record<string, unknown> {
  return {
    model_schema: {
      grid: { bins: 1440, binMinutes: 1 },
      nodes: [{ id: 'checkout', kind: 'pmf', pmf: { '10': 0.5, '20': 0.5 } }],
      outputs: [{ series: 'checkout_throughput', as: 'throughput.csv' }],
    },
  };
}

export function helloYaml(): string {
  return readFileSync(join(CORPUS, 'models', 'valid', 'hello.yaml'), 'utf8');
}
