// Random edits sent fast to one server: it must not crash, must keep answering, and must end on the final version.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core/src/language/analysis';
import { LineIndex } from '../../core/src/text/line-index';
import { generateModel } from '../../bench/gen-model';
import { LspClient } from '../helpers/lsp-client';
import type { LspRange } from '../helpers/lsp-client';
import { BROKEN_MODEL, TEMPLATE, uri } from './fixtures';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const BATCHES = 24;
const EDITS_PER_BATCH = 20;
/** Keeps the document from growing without bound: above this, the next edit deletes a large slice. */
const MAX_LENGTH = 600_000;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that matter to YAML, expressions and placeholders, plus letters, digits and non-ASCII. */
const ALPHABET = [...'abcxyz_019 :-"\'{}[],#$()*+/\n\t|>&!%@`~é中'];

interface Change {
  range?: LspRange;
  text: string;
}

class Editor {
  text: string;
  constructor(
    initial: string,
    private readonly random: () => number,
  ) {
    this.text = initial;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** One random change, applied to the local copy; returns it in LSP form (range in the text before the change). */
  next(): Change {
    const r = this.random();
    const len = this.text.length;
    if (len > MAX_LENGTH) return this.replace(this.int(len / 2), len / 2 + this.int(len / 2), '');
    if (r < 0.45) {
      const s = Array.from({ length: 1 + this.int(5) }, () => this.pick(ALPHABET)).join('');
      const at = this.int(len + 1);
      return this.replace(at, at, s);
    }
    if (r < 0.7) {
      const from = this.int(len + 1);
      return this.replace(from, Math.min(len, from + 1 + this.int(20)), '');
    }
    if (r < 0.8) {
      const at = this.lineStart(this.int(new LineIndex(this.text).lineCount));
      const line = this.pick(['  - id: n_x\n', '    kind: expr\n', '    expr: "SHIFT(n_x, 1) + ${p}"\n', 'topology:\n', '      - [\n', '"\n']);
      return this.replace(at, at, line);
    }
    if (r < 0.88) {
      const lines = new LineIndex(this.text);
      const first = this.int(lines.lineCount);
      return this.replace(lines.lineStart(first), lines.lineStart(first + 1 + this.int(4)), '');
    }
    if (r < 0.93) {
      // A huge paste: a large model, or a large block of junk.
      const paste = this.random() < 0.5 ? generateModel(400 + this.int(1600)) : Array.from({ length: 20_000 + this.int(80_000) }, () => this.pick(ALPHABET)).join('');
      const at = this.int(len + 1);
      return this.replace(at, at, paste);
    }
    if (r < 0.97) {
      const from = this.int(len + 1);
      const to = Math.min(len, from + this.int(200));
      return this.replace(from, to, Array.from({ length: this.int(50) }, () => this.pick(ALPHABET)).join(''));
    }
    // Full-text replacement (the other content-change form).
    this.text = this.pick([BROKEN_MODEL.text, TEMPLATE.text, '', '---\n---\n', generateModel(50)]);
    return { text: this.text };
  }

  private lineStart(line: number): number {
    return new LineIndex(this.text).lineStart(line);
  }

  private replace(from: number, to: number, s: string): Change {
    const lines = new LineIndex(this.text);
    const start = Math.max(0, Math.min(from, this.text.length));
    const end = Math.max(start, Math.min(Math.floor(to), this.text.length));
    const range = lines.range(start, end);
    this.text = this.text.slice(0, start) + s + this.text.slice(end);
    return { range, text: s };
  }

  randomPosition(): { line: number; character: number } {
    const lines = new LineIndex(this.text);
    const line = this.int(lines.lineCount);
    const width = lines.lineStart(line + 1) - lines.lineStart(line);
    return { line, character: this.int(width + 1) };
  }
}

describe(`fuzz: random edits sent quickly (seed ${SEED}, FUZZ_SEED overrides)`, () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.stdio({ settings: { maxProblems: 1_000_000 } });
    await client.initialize();
  });
  after(async () => {
    if (client.alive) await client.shutdown();
  });

  for (const [name, initial] of [
    ['model', BROKEN_MODEL.text],
    ['template', TEMPLATE.text],
  ] as const) {
    test(`${name}: ${BATCHES * EDITS_PER_BATCH} edits; completion keeps answering; the final version's diagnostics arrive`, async () => {
      const random = rng(SEED + name.length);
      const editor = new Editor(initial, random);
      const doc = uri(`fuzz-${name}.yaml`);
      const since = client.mark();
      client.open(doc, initial);
      let version = 1;
      for (let b = 0; b < BATCHES; b++) {
        for (let i = 0; i < EDITS_PER_BATCH; i++) {
          // Sometimes several changes in one notification, applied in order, as editors do for multi-cursor edits.
          const changes = random() < 0.2 ? [editor.next(), editor.next(), editor.next()] : [editor.next()];
          client.notify('textDocument/didChange', { textDocument: { uri: doc, version: ++version }, contentChanges: changes });
        }
        // The deadline is the assertion: a hung or dead server fails here (no fixed sleeps anywhere).
        const items = await client.request<{ items: unknown[] } | null>('textDocument/completion', { textDocument: { uri: doc }, position: editor.randomPosition() });
        assert.ok(items === null || Array.isArray(items.items));
        assert.ok(client.alive, `server died; stderr:\n${client.stderr}`);
      }
      const final = await client.diagnostics(doc, (p) => p.version === version, since);
      const expected = analyze(editor.text).diagnostics();
      const kind = analyze(editor.text).kind;
      const shape = (p: readonly { code?: string | number; range: LspRange }[]) => p.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
      assert.deepEqual(shape(final.diagnostics), kind === 'unknown' ? [] : shape(expected), 'the server and the core agree on the final text (incremental sync kept it exact)');
      const stale = client.published(doc).filter((p) => p.version !== undefined && p.version > version);
      assert.deepEqual(stale, []);
      const errors = client.received.slice(since).filter((m) => m.method === 'window/logMessage' && (m.params as { type: number }).type === 1);
      assert.deepEqual(errors.map((m) => (m.params as { message: string }).message), [], 'no feature failed');
      client.close(doc);
    });
  }
});
