// Neovim's built-in LSP client (headless) against dist/server.js over stdio: an editor we did not write speaks to our server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuilt, SERVER } from '../helpers/lsp-client';
import type { LspRange } from '../helpers/lsp-client';
import { marked } from '../helpers/markers';
import type { MarkedText } from '../helpers/markers';

const fixture = (name: string): MarkedText => marked(readFileSync(resolve(__dirname, 'fixtures', name), 'utf8'));

/**
 * ranges: [0] binMinutes, [1] demand's id, [2] demand in served's MIN(…), [3] ghost, [4] demand in backlog's SHIFT(…);
 * cursors: [0] inside `demand` (MIN's first argument), [1] on `capacity` (its second).
 */
const MODEL = fixture('model.yaml');
const R = { binMinutes: 0, demandId: 1, demandInMin: 2, ghost: 3, demandInShift: 4 };
/** cursors: [0] inside the `${surge}` placeholder, [1] where the check types `${`. */
const TEMPLATE = fixture('template.yaml');
/** ranges: [0] `weeks` (rust.bin-unit-weeks), [1] `nope` (expr.unknown-reference). */
const DIVERGENT = fixture('divergent.yaml');

const FIX_TITLE = 'Convert to binSize: 1, binUnit: hours';
const NEW_NAME = 'arrivals';
const TYPED = ' * ${';
/** Per step inside Neovim; a deadline for a hang, not a speed assertion. */
const STEP_TIMEOUT_MS = 10_000;

type Scenario = Record<string, unknown> & { error?: string };
interface NvimResult {
  log: string[];
  scenarios: Record<string, Scenario>;
}

interface Run {
  version: string;
  status: number | null;
  stderr: string;
  ms: number;
  result?: NvimResult;
  dir: string;
  modelUri: string;
  templateUri: string;
}

/** JSON for a failure message, cut so that a stray SVG or document does not bury the point. */
function show(v: unknown): string {
  const json = JSON.stringify(v) ?? 'undefined';
  return json.length > 400 ? `${json.slice(0, 400)}… (${json.length} chars)` : json;
}

/** deepEqual whose failure says what was expected and what came back (a message replaces node's diff). */
function expectEqual(actual: unknown, expected: unknown, what: string): void {
  assert.deepEqual(actual, expected, `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Compares documents line by line and names the first line that differs. */
function expectText(actual: string | undefined, expected: string, what: string): void {
  const got = (actual ?? '').split('\n');
  const want = expected.split('\n');
  const at = want.findIndex((l, i) => got[i] !== l);
  if (at >= 0 || got.length !== want.length) {
    const line = at >= 0 ? at : want.length;
    assert.fail(`${what}: line ${line + 1} expected ${show(want[line])}, got ${show(got[line])} (${got.length} lines, expected ${want.length})`);
  }
}

function findNvim(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    assert.fail('nvim is not installed, so the Neovim client check cannot run: install it with `apt-get install -y neovim` (.ci/run does).');
  }
  return probe.stdout.split('\n')[0];
}

function runNeovim(): Run {
  const version = findNvim();
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'flowtime-nvim-'));
  const model = join(dir, 'broken.flow.yaml');
  const template = join(dir, 'check.template.yaml');
  const divergent = join(dir, 'divergent.flow.yaml');
  writeFileSync(model, MODEL.text);
  writeFileSync(template, TEMPLATE.text);
  writeFileSync(divergent, DIVERGENT.text);
  const out = join(dir, 'result.json');
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      node: process.execPath,
      server: SERVER,
      out,
      timeout: STEP_TIMEOUT_MS,
      model: {
        path: model,
        fixTitle: FIX_TITLE,
        newName: NEW_NAME,
        positions: {
          completion: MODEL.cursors[1],
          hover: MODEL.cursors[0],
          definition: MODEL.cursors[0],
          signature: [MODEL.cursors[0], MODEL.cursors[1]],
          references: MODEL.cursors[0],
          codeAction: MODEL.ranges[R.binMinutes].start,
          rename: MODEL.cursors[0],
        },
      },
      template: { path: template, typed: TYPED, positions: { hover: TEMPLATE.cursors[0], typeAt: TEMPLATE.cursors[1] } },
      divergent: { path: divergent },
    }),
  );
  const started = Date.now();
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${resolve(__dirname, 'lsp-check.lua')}`], {
    cwd: dir,
    env: { ...process.env, FLOWTIME_NVIM_CONFIG: config },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const ms = Date.now() - started;
  let result: NvimResult | undefined;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  } catch {
    result = undefined;
  }
  return { version, status: run.status, stderr: run.stderr, ms, result, dir, modelUri: `file://${model}`, templateUri: `file://${template}` };
}

describe('Neovim 0.7 built-in LSP client against the server over stdio', () => {
  let run: Run;
  before(() => {
    run = runNeovim();
  });
  after(() => {
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  /** The record of one scenario; fails with what Neovim reported when the scenario is missing or raised. */
  function scenario(name: string): Scenario {
    const s = run.result?.scenarios[name];
    if (!s) assert.fail(`${run.version}: no result for scenario ${name} (exit ${run.status}); log: ${run.result?.log.join('; ')}; stderr: ${run.stderr}`);
    if (s.error) assert.fail(`${run.version}, scenario ${name} raised inside Neovim: ${s.error}`);
    return s;
  }

  const line = (text: string, needle: string) => {
    const index = text.split('\n').findIndex((l) => l.includes(needle));
    assert.ok(index >= 0, `fixture has no line with ${needle}`);
    return index;
  };
  const rangeOf = (i: number) => MODEL.ranges[i];

  test('Neovim ran every scenario and exited cleanly', (t) => {
    t.diagnostic(`${run.version}: ${run.ms} ms for two servers and ${Object.keys(run.result?.scenarios ?? {}).length} scenarios`);
    assert.ok(run.result, `${run.version} wrote no result (exit ${run.status}); stderr: ${run.stderr}`);
    const raised = Object.entries(run.result.scenarios).filter(([, s]) => s.error).map(([name, s]) => `${name}: ${s.error}`);
    assert.equal(run.status, 0, `${run.version} exited with ${run.status}; log: ${run.result.log.join('; ')}; raised: ${raised.join(' | ')}; stderr: ${run.stderr}`);
    expectEqual(run.result.log, [], 'setup log');
  });

  test('diagnostics: published with codes and ranges, stored by vim.diagnostic as errors', () => {
    const s = scenario('diagnostics') as { published: { diagnostics: { code: string; range: LspRange }[] }; stored: { lnum: number; col: number; severity: number; code: string }[] };
    expectEqual(
      s.published.diagnostics.map((d) => [d.code, d.range]).sort(),
      [
        ['expr.unknown-reference', rangeOf(R.ghost)],
        ['legacy.bin-minutes', rangeOf(R.binMinutes)],
      ],
      'published diagnostics [code, range]',
    );
    expectEqual(
      s.stored.map((d) => [d.code, d.lnum, d.col, d.severity]).sort((a, b) => Number(a[1]) - Number(b[1])),
      [
        ['legacy.bin-minutes', rangeOf(R.binMinutes).start.line, rangeOf(R.binMinutes).start.character, 1],
        ['expr.unknown-reference', rangeOf(R.ghost).start.line, rangeOf(R.ghost).start.character, 1],
      ],
      'vim.diagnostic.get [code, lnum, col, severity]',
    );
  });

  test('completion in an expression offers the other node ids and the functions', () => {
    const { labels } = scenario('completion') as { labels: string[] };
    for (const label of ['demand', 'capacity', 'mix', 'backlog', 'MIN', 'SHIFT']) {
      assert.ok(labels.includes(label), `completion at MIN's second argument: expected ${label} among ${show(labels)}`);
    }
    assert.ok(!labels.includes('served'), `completion inside served's own expr must not offer served: got ${show(labels)}`);
  });

  test('hover and definition on a node reference', () => {
    const { value } = scenario('hover') as { value: string };
    assert.match(value, /^\*\*demand\*\*: const node/, `hover on demand: got ${show(value)}`);
    assert.match(value, /Used 2 times: expr of `served` \(line \d+\), expr of `backlog`/, `hover lists both uses: got ${show(value)}`);
    const { locations } = scenario('definition') as { locations: unknown };
    expectEqual(locations, [{ uri: run.modelUri, range: rangeOf(R.demandId) }], 'definition of demand');
  });

  test('signature help inside MIN(…): the active parameter follows the cursor, and Neovim highlights it', () => {
    const { answers } = scenario('signatureHelp') as { answers: unknown[] };
    expectEqual(
      answers,
      [
        { label: 'MIN(a, b)', activeParameter: 0, highlighted: 'a' },
        { label: 'MIN(a, b)', activeParameter: 1, highlighted: 'b' },
      ],
      'signature help at MIN\'s first, then second argument',
    );
  });

  test('references of a node id: the declaration and both uses, as quickfix items', () => {
    const s = scenario('references') as { locations: { uri: string; range: LspRange }[]; items: { lnum: number; col: number }[] };
    const expected = [R.demandId, R.demandInMin, R.demandInShift].map(rangeOf);
    expectEqual(s.locations.length, 3, `reference count (got ${show(s.locations)})`);
    expectEqual(
      s.locations.map((l) => [l.uri, l.range]),
      expected.map((r) => [run.modelUri, r]),
      'references of demand [uri, range]',
    );
    expectEqual(
      s.items.map((i) => [i.lnum, i.col]),
      expected.map((r) => [r.start.line + 1, r.start.character + 1]),
      'locations_to_items [lnum, col] (1-based)',
    );
  });

  test('document symbols: grid, nodes grouped by kind, outputs', () => {
    type Sym = { name: string; kind: string; line: number; children: Sym[] };
    const { symbols } = scenario('documentSymbol') as { symbols: Sym[] };
    const names = (list: Sym[]): unknown[] => list.map((x) => (x.children.length ? [x.name, names(x.children)] : x.name));
    expectEqual(
      names(symbols),
      [
        'grid',
        [
          'nodes',
          [
            ['const', ['demand', 'capacity']],
            ['pmf', ['mix']],
            ['expr', ['served', 'backlog']],
          ],
        ],
        ['outputs', ['served', 'backlog']],
      ],
      'symbol tree',
    );
    const demand = symbols[1].children[0].children[0];
    expectEqual([demand.kind, demand.line], ['Variable', rangeOf(R.demandId).start.line], 'demand symbol [kind, line]');
  });

  test('semantic tokens, decoded with the legend Neovim kept: function and node references in an expr', () => {
    const { tokens } = scenario('semanticTokens') as { tokens: { line: number; character: number; length: number; type: string; modifiers: string[]; text: string }[] };
    const served = rangeOf(R.demandInMin).start.line;
    const onServed = tokens.filter((t) => t.line === served).map((t) => `${t.character} ${t.text} ${t.type}[${t.modifiers.join(',')}]`);
    expectEqual(
      onServed,
      ['11 MIN function[defaultLibrary]', `${rangeOf(R.demandInMin).start.character} demand variable[readonly]`, '23 capacity variable[readonly]', '33 + operator[]', '35 ghost variable[]'],
      `tokens on line ${served}`,
    );
    const shift = tokens.find((t) => t.text === 'SHIFT');
    expectEqual(shift && [shift.line, shift.type], [rangeOf(R.demandInShift).start.line, 'function'], 'SHIFT token [line, type]');
  });

  test('inlay hints: the expected value of the PMF', () => {
    const { hints } = scenario('inlayHint') as { hints: { position: { line: number; character: number }; label: string }[] };
    const pmf = line(MODEL.text, '    pmf:');
    expectEqual(
      hints.map((h) => [h.position.line, h.position.character, h.label]),
      [[pmf, '    pmf:'.length, 'E = 28']],
      'inlay hints [line, character, label] (0.2·10 + 0.3·20 + 0.5·40 = 28)',
    );
  });

  test('flowtime/graph (svg: false) and flowtime/documentInfo through vim.lsp', () => {
    const g = scenario('graph') as { kind: string; svg: string; nodes: { id: string; kind: string; errors: number }[]; edges: string[] };
    expectEqual([g.kind, g.svg], ['model', ''], 'graph [kind, svg]');
    expectEqual(g.nodes.length, 5, `graph node count (got ${show(g.nodes.map((n) => n.id))})`);
    expectEqual(
      g.nodes.map((n) => `${n.id}:${n.kind}:${n.errors}`).sort(),
      ['backlog:expr:0', 'capacity:const:0', 'demand:const:0', 'mix:pmf:0', 'served:expr:1'],
      'graph nodes id:kind:errors',
    );
    expectEqual(
      g.edges,
      ['node:capacity -> node:served (expr)', 'node:demand -> node:backlog (expr, lagged)', 'node:demand -> node:served (expr)', 'node:served -> node:backlog (expr, lagged)'],
      'graph edges',
    );
    const info = scenario('documentInfo') as { model: unknown; template: unknown };
    expectEqual(info.model, { kind: 'model', version: 0, errors: 2, warnings: 0, infos: 0, nodeCount: 5, topologyCount: 0 }, 'documentInfo of the model');
    expectEqual(info.template, { kind: 'template', version: 0, errors: 0, warnings: 0, infos: 0, nodeCount: 3, topologyCount: 1 }, 'documentInfo of the template');
  });

  const renamed = MODEL.text.replace('- id: demand', `- id: ${NEW_NAME}`).replace('MIN(demand', `MIN(${NEW_NAME}`).replace('SHIFT(demand', `SHIFT(${NEW_NAME}`).trimEnd();

  test('rename applied with apply_workspace_edit: declaration and both uses, nothing dangling', () => {
    const s = scenario('rename') as { edits: number; text: string; after: string[] };
    expectEqual(s.edits, 3, 'rename edits');
    expectText(s.text, renamed, 'buffer text after the rename');
    expectEqual(s.after, ['expr.unknown-reference', 'legacy.bin-minutes'], 'codes published for the renamed version');
  });

  test('quick fix for legacy binMinutes: applied in the buffer, the diagnostic is gone from the next publish', () => {
    const s = scenario('codeAction') as {
      sentCodes: string[];
      titles: string[];
      kind?: string;
      isPreferred?: boolean;
      text?: string;
      versions?: { before: number; edited: number };
      next?: { version: number; codes: string[] };
      stored?: string[];
    };
    expectEqual(s.sentCodes, ['legacy.bin-minutes'], 'diagnostics Neovim sent with the code action request');
    assert.ok(s.titles.includes(FIX_TITLE), `code actions: expected ${show(FIX_TITLE)} among ${show(s.titles)}`);
    expectEqual([s.kind, s.isPreferred], ['quickfix', true], 'the fix [kind, isPreferred]');
    expectText(s.text, renamed.replace('  binMinutes: 60\n', '  binSize: 1\n  binUnit: hours\n'), 'buffer text after the fix');
    assert.ok(s.versions && s.versions.edited > s.versions.before, `the edit made a new version: ${show(s.versions)}`);
    expectEqual(s.next, { version: s.versions.edited, codes: ['expr.unknown-reference'] }, 'first publish after the fix');
    expectEqual(s.stored, ['expr.unknown-reference'], 'vim.diagnostic.get after the fix');
  });

  test('template: `${` completion offers the parameters, hover on a placeholder shows type and default', () => {
    const c = scenario('templateCompletion') as { opened: string[]; typedLine: string; items: { label: string; detail: string }[]; restored: string[] };
    expectEqual(c.opened, [], 'diagnostics of the template as opened');
    expectEqual(c.typedLine, '    expr: "MIN(demand, 8 * ${)"', 'the line after typing');
    expectEqual(
      c.items.map((i) => [i.label, i.detail]),
      [
        ['hours', 'integer = 6 (1..48)'],
        ['surge', 'number = 1.5 (0..10)'],
      ],
      'completion after `${` [label, detail]',
    );
    expectEqual(c.restored, [], 'diagnostics once the typed text is removed again');
    const { value } = scenario('templateHover') as { value: string };
    assert.match(value, /^\*\*\$\{surge\}\*\*: number parameter · Surge Factor\n/, `hover on \${surge}: got ${show(value)}`);
    assert.match(value, /default `1\.5` · range 0\.\.10/, `hover shows the default and range: got ${show(value)}`);
  });

  test('settings through workspace/configuration: divergenceWarnings off hides the rust.* warning', () => {
    const s = scenario('settings') as { default: string[]; quiet: string[]; asked: { client: string; section: string; answer: unknown }[] };
    const at = (r: LspRange) => `${r.start.line}:${r.start.character}`;
    const error = `expr.unknown-reference:1@${at(DIVERGENT.ranges[1])}`;
    expectEqual(s.default, [error, `rust.bin-unit-weeks:2@${at(DIVERGENT.ranges[0])}`], 'defaults (no flowtime settings): the divergence is a warning');
    expectEqual(s.quiet, [error], "divergenceWarnings = 'off': only the error");
    expectEqual(
      [...s.asked].sort((a, b) => a.client.localeCompare(b.client)),
      [
        { client: 'default', section: 'flowtime', answer: null },
        { client: 'quiet', section: 'flowtime', answer: { divergenceWarnings: 'off' } },
      ],
      'what the server asked for the divergent document and what Neovim answered',
    );
  });
});
