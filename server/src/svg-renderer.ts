// Renders preview SVGs off the server's main thread (dagre takes seconds on a few hundred nodes); inline as a fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderPreviewSvg } from '../../core/src/preview/render-svg';

export interface SvgJob {
  id: number;
  model: unknown;
}

export type SvgJobResult = { id: number; svg: string } | { id: number; error: string };

/** The bundled worker sits beside the bundle that loads this module (dist/server.js or dist/cli.js). */
const WORKER_FILE = join(__dirname, 'preview-worker.js');

export class SvgRenderer {
  private worker: Worker | undefined;
  /** Set once the worker cannot be used (no bundle, or it crashed twice): render on this thread from then on. */
  private inline = !existsSync(WORKER_FILE);
  private crashes = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (svg: string) => void; reject: (e: Error) => void }>();

  constructor(private readonly log: (message: string) => void) {}

  render(model: unknown): Promise<string> {
    if (this.inline) return Promise.resolve().then(() => renderPreviewSvg(model));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, model } satisfies SvgJob);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE);
    // An idle worker must not keep the server process alive after the client disconnects.
    worker.unref();
    worker.on('message', (r: SvgJobResult) => {
      const waiting = this.pending.get(r.id);
      if (!waiting) return;
      this.pending.delete(r.id);
      if ('svg' in r) waiting.resolve(r.svg);
      else waiting.reject(new Error(r.error));
    });
    const fail = (why: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.crashes++;
      this.log(`flowtime: preview worker stopped (${why})${this.crashes >= 2 ? '; rendering previews on the main thread from now on' : ''}`);
      if (this.crashes >= 2) this.inline = true;
      for (const waiting of this.pending.values()) waiting.reject(new Error(`preview worker stopped: ${why}`));
      this.pending.clear();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
