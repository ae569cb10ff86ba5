// A small LSP client for protocol tests: spawns the bundled server over stdio (Content-Length framing) or Node IPC.
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const REPO = resolve(__dirname, '..', '..');
export const SERVER = resolve(REPO, 'dist', 'server.js');

/** Generous: CI hosts are shared and slow, and a deadline only matters when something hangs. */
export const DEADLINE_MS = 30_000;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
  data?: unknown;
  tags?: number[];
}

export interface ClientOptions {
  /** `flowtime` settings answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Run a different command than `node dist/server.js` (e.g. the CLI's `lsp`). */
  command?: { file: string; args: string[] };
}

/** Builds dist/ when the bundle is missing (a fresh clone running one test file directly). */
export function ensureBuilt(): void {
  if (existsSync(SERVER)) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0 || !existsSync(SERVER)) throw new Error(`npm run build failed (dist/server.js missing):\n${r.stdout}\n${r.stderr}`);
}

type Waiter = { test: (m: Message) => boolean; resolve: (m: Message) => void };

export class LspClient {
  /** Every message the server sent, in order. */
  readonly received: Message[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  settings: Record<string, unknown>;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly waiters = new Set<Waiter>();
  private nextId = 1;
  private exitCode: number | null | undefined;
  private buffer = Buffer.alloc(0);

  private constructor(
    private readonly child: ChildProcess,
    private readonly mode: 'stdio' | 'ipc',
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    if (mode === 'stdio') child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    else child.on('message', (m) => this.onMessage(m as Message));
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        for (const p of this.pending.values()) p.reject(new Error(`server exited (code ${code}) before answering; stderr:\n${this.stderr}`));
        this.pending.clear();
        resolveExit(code);
      });
    });
  }

  static stdio(options: ClientOptions = {}): LspClient {
    if (!options.command) ensureBuilt();
    const cmd = options.command ?? { file: SERVER, args: ['--stdio'] };
    const child = spawn(process.execPath, [cmd.file, ...cmd.args], { cwd: REPO, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child, 'stdio', options);
  }

  static ipc(options: ClientOptions = {}): LspClient {
    ensureBuilt();
    const child = fork(SERVER, ['--node-ipc'], { cwd: REPO, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    return new LspClient(child, 'ipc', options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  async initialize(capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES): Promise<Record<string, unknown>> {
    const result = await this.request<Record<string, unknown>>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
    });
    this.notify('initialized', {});
    return result;
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = DEADLINE_MS): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolvePromise, reject) => {
      if (!this.alive) {
        reject(new Error(`server is not running (request ${method})`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.error) reject(Object.assign(new Error(`${method}: ${m.error.message}`), { code: m.error.code }));
          else resolvePromise(m.result as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends several notifications in one write, so the server reads them as one burst. */
  notifyAll(messages: { method: string; params: unknown }[]): void {
    if (this.mode === 'ipc') {
      for (const m of messages) this.notify(m.method, m.params);
      return;
    }
    const frames = messages.map((m) => frame({ jsonrpc: '2.0', method: m.method, params: m.params }));
    this.child.stdin!.write(Buffer.concat(frames));
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  replace(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  edit(uri: string, version: number, changes: { range: LspRange; text: string }[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Index to pass as `since`: only messages received after this call count. */
  mark(): number {
    return this.received.length;
  }

  waitFor(test: (m: Message) => boolean, what: string, since = 0, timeoutMs = DEADLINE_MS): Promise<Message> {
    const already = this.received.slice(since).find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolvePromise, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (m) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolvePromise(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The first publishDiagnostics for `uri` (after `since`) that satisfies `test`. */
  async diagnostics(uri: string, test: (p: PublishedDiagnostics) => boolean = () => true, since = 0): Promise<PublishedDiagnostics> {
    const m = await this.waitFor(
      (x) => x.method === 'textDocument/publishDiagnostics' && (x.params as PublishedDiagnostics).uri === uri && test(x.params as PublishedDiagnostics),
      `diagnostics for ${uri}`,
      since,
    );
    return m.params as PublishedDiagnostics;
  }

  /** Every publishDiagnostics for `uri` received so far. */
  published(uri: string): PublishedDiagnostics[] {
    return this.received
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishedDiagnostics).uri === uri)
      .map((m) => m.params as PublishedDiagnostics);
  }

  async shutdown(): Promise<number | null> {
    if (this.alive) {
      await this.request('shutdown', null);
      this.notify('exit', null);
    }
    return this.exited;
  }

  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }

  private send(m: Message): void {
    if (this.mode === 'ipc') this.child.send(m);
    else this.child.stdin!.write(frame(m));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: (\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as Message);
    }
  }

  private onMessage(m: Message): void {
    if (m.method !== undefined && m.id !== undefined && m.id !== null) {
      this.answerServerRequest(m);
      return;
    }
    if (m.method === undefined && typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      p?.resolve(m);
      return;
    }
    this.received.push(m);
    for (const w of [...this.waiters]) if (w.test(m)) w.resolve(m);
  }

  /** Answers what a server may ask: configuration from `settings`, everything else with null (like lspbench). */
  private answerServerRequest(m: Message): void {
    this.received.push(m);
    let result: unknown = null;
    if (m.method === 'workspace/configuration') {
      const items = (m.params as { items: { section?: string }[] }).items;
      result = items.map((item) => (item.section === 'flowtime' ? this.settings : null));
    }
    this.send({ jsonrpc: '2.0', id: m.id, result });
  }
}

function frame(m: Message): Buffer {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Close to what VS Code announces, so the server takes the same paths as in the editor. */
export const DEFAULT_CAPABILITIES: Record<string, unknown> = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    signatureHelp: { signatureInformation: { documentationFormat: ['markdown', 'plaintext'], parameterInformation: { labelOffsetSupport: true } } },
    definition: { linkSupport: false },
    references: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, dataSupport: true, isPreferredSupport: true },
    rename: { prepareSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: ['function', 'variable', 'number', 'operator', 'parameter', 'property', 'keyword'],
      tokenModifiers: ['declaration', 'readonly', 'defaultLibrary', 'deprecated'],
      formats: ['relative'],
    },
    inlayHint: {},
  },
};
