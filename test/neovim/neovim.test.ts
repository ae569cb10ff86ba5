// Neovim's built-in LSP client (headless) against dist/server.js: an editor we did not write speaks to our server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuilt, SERVER } from '../helpers/lsp-client';
import { dedent, marked } from '../helpers/markers';

/** cursors: [0] on a node reference (hover, definition, rename), [1] a node-id position in an expression (completion). */
const MODEL = marked(
  dedent(`
    schemaVersion: 1
    grid:
      bins: 3
      «binMinutes»: 60
    nodes:
      - id: «demand»
        kind: const
        values: [10, 20, 30]
      - id: capacity
        kind: const
        values: [15, 15, 15]
      - id: served
        kind: expr
        expr: "MIN(de‸mand, ‸capacity) + «ghost»"
    outputs:
      - series: served
        as: served.csv
  `),
);

interface NvimResult {
  log: string[];
  published?: { version: number; diagnostics: { code: string; range: unknown }[] };
  stored?: { lnum: number; col: number; severity: number; message: string }[];
  completion?: { items?: { label: string }[] } | { label: string }[];
  hover?: { contents: { value: string } };
  definition?: { uri: string; range: unknown }[];
  rename?: { changes: Record<string, unknown[]> };
  renamedText?: string;
  info?: { kind: string; errors: number };
}

function findNvim(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    assert.fail('nvim is not installed, so the Neovim client check cannot run: install it with `apt-get install -y neovim` (.ci/run does).');
  }
  return probe.stdout.split('\n')[0];
}

test('Neovim drives the server: diagnostics, completion, hover, definition, rename', () => {
  const version = findNvim();
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'flowtime-nvim-'));
  try {
    const document = join(dir, 'broken.flow.yaml');
    writeFileSync(document, MODEL.text);
    const out = join(dir, 'result.json');
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        node: process.execPath,
        server: SERVER,
        document,
        out,
        positions: { completion: MODEL.cursors[1], hover: MODEL.cursors[0], definition: MODEL.cursors[0], rename: MODEL.cursors[0] },
        newName: 'arrivals',
      }),
    );
    const script = resolve(__dirname, 'lsp-check.lua');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${script}`], {
      cwd: dir,
      env: { ...process.env, FLOWTIME_NVIM_CONFIG: config },
      encoding: 'utf8',
      // A deadline, not a speed assertion: the script itself waits at most 30 s per step.
      timeout: 180_000,
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(run.status, 0, `${version} exited with ${run.status}; log: ${result.log.join('; ')}; stderr: ${run.stderr}`);
    assert.deepEqual(result.log, []);

    const uri = `file://${document}`;
    assert.deepEqual(result.published?.diagnostics.map((d) => [d.code, d.range]).sort(), [
      ['expr.unknown-reference', MODEL.ranges[2]],
      ['legacy.bin-minutes', MODEL.ranges[0]],
    ]);
    assert.deepEqual(
      result.stored?.map((d) => [d.lnum, d.col, d.severity]).sort((a, b) => a[0] - b[0]),
      [
        [MODEL.ranges[0].start.line, MODEL.ranges[0].start.character, 1],
        [MODEL.ranges[2].start.line, MODEL.ranges[2].start.character, 1],
      ],
      'Neovim stored both diagnostics as errors',
    );

    const items = Array.isArray(result.completion) ? result.completion : (result.completion?.items ?? []);
    const labels = items.map((i) => i.label);
    for (const id of ['demand', 'capacity']) assert.ok(labels.includes(id), `completion offers ${id}: ${labels.join(', ')}`);

    assert.match(result.hover?.contents.value ?? '', /^\*\*demand\*\*: const node/);
    assert.deepEqual(result.definition, [{ uri, range: MODEL.ranges[1] }]);

    assert.equal(result.rename?.changes[uri]?.length, 2);
    assert.match(result.renamedText ?? '', /- id: arrivals\n/);
    assert.match(result.renamedText ?? '', /MIN\(arrivals, capacity\)/);
    assert.deepEqual([result.info?.kind, result.info?.errors], ['model', 2], 'a custom request through vim.lsp');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
