// Bounded validation (ValidateOptions.limit): what a consumer showing `limit` diagnostics sees never changes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allCodes } from '../../../core/src/codes';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { validateText } from '../../../core/src/validate';
import { keepPublishable, ProblemBudget } from '../../../core/src/validate-budget';
import { capProblems } from '../../../server/src/diagnostic-filter';
import { generateModel } from '../../../bench/gen-model';
import { CORPUS } from '../../helpers/cli';

/** lspbench's fixture shape at any size: not a FlowTime model, so nearly every node breaks a schema or semantic rule. */
function flowFixture(nodes: number): string {
  const lines = ['# lspbench-like', 'grid:', '  bins: 64', '  binSize: 0.5', '  binUnit: day', 'nodes:'];
  for (let i = 0; i < nodes; i++) {
    const id = `n${String(i).padStart(5, '0')}`;
    if (i % 3 === 0) lines.push(`  - id: ${id}`, '    kind: const', `    values: [${i % 7}]`);
    else if (i % 3 === 1) lines.push(`  - id: ${id}`, '    kind: pmf', '    values: [1, 2, 3]', '    pmf: [0.25, 0.5, 0.25]');
    else lines.push(`  - id: ${id}`, '    kind: expr', `    expr: "n${String(i - 1).padStart(5, '0')} + n${String(Math.max(0, i - 2)).padStart(5, '0')}"`);
  }
  lines.push('outputs:', '  - n00000');
  return `${lines.join('\n')}\n`;
}

function withDefects(text: string): string {
  return text.replace('kind: expr', 'kind: expresion').replace('values: [1', 'valuse: [1').replace(/expr: "n0000(\d)/, 'expr: "ghost_node + n0000$1');
}

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

/** What the server publishes with maxProblems = limit, from the bounded and the complete validation, is the same. */
function assertSamePublished(text: string, limit: number, label: string): { complete: boolean; kept: number } {
  const full = validateText(text);
  const bounded = validateText(text, { limit });
  assert.deepStrictEqual(capProblems(bounded.diagnostics, limit), capProblems(full.diagnostics, limit), `${label}: published set, limit ${limit}`);
  assert.equal(bounded.valid, full.valid, `${label}: valid`);
  assert.equal(bounded.kind, full.kind, `${label}: kind`);
  if (bounded.complete) {
    assert.deepStrictEqual(bounded.diagnostics, full.diagnostics, `${label}: a complete bounded result is the full result`);
  } else {
    assert.ok(errorsOf(full.diagnostics).length >= limit, `${label}: findings are left out only beyond ${limit} errors`);
    assert.ok(errorsOf(bounded.diagnostics).length >= limit, `${label}: a bounded result keeps at least ${limit} errors`);
    assert.deepEqual(
      bounded.diagnostics.filter((d) => d.severity !== 'error'),
      [],
      `${label}: no warnings or notes once errors fill the limit`,
    );
  }
  return { complete: bounded.complete, kept: bounded.diagnostics.length };
}

describe('bounded validation', () => {
  test('lspbench-shaped models: the published set is the same at every limit', () => {
    for (const nodes of [30, 300]) {
      const text = withDefects(flowFixture(nodes));
      for (const limit of [0, 1, 2, 7, 50, 150, 400, 5000]) assertSamePublished(text, limit, `${nodes} nodes`);
    }
  });

  test('findings on the first line of their node, at every limit', () => {
    // Every node misses `kind` (reported on its id, where a repeated id is reported too) or is not a mapping at all.
    const items = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? `  - ${i}` : `  - id: n${i >> 1}\n    values: [1]`));
    const text = ['grid:', '  bins: 2', '  binSize: 1', '  binUnit: hours', 'nodes:', ...items, ''].join('\n');
    for (let limit = 1; limit <= 45; limit++) assertSamePublished(text, limit, 'first-line findings');
  });

  test('schema findings that start before a semantic finding on the same line, at every limit', () => {
    // A bad id (schema, early on the line) and a dangling reference (semantic, late on the line) in every node.
    const items = Array.from({ length: 30 }, (_, i) => `  - {id: ${i}x, kind: expr, expr: "ghost${i}"}`);
    const text = ['schemaVersion: 1', 'grid: {bins: 2, binSize: 1, binUnit: hours}', 'nodes:', ...items, ''].join('\n');
    for (let limit = 1; limit <= 62; limit++) assertSamePublished(text, limit, 'same-line findings');
  });

  test('it does leave work out: 3,000 broken nodes, limit 100', () => {
    const { complete, kept } = assertSamePublished(withDefects(flowFixture(3000)), 100, '3000 nodes');
    assert.equal(complete, false);
    assert.ok(kept < 200, `kept ${kept} diagnostics for a limit of 100`);
  });

  test('FlowTime-shaped models with a few problems, warnings included', () => {
    const text = generateModel(400)
      .replace('binUnit: minutes', 'binUnit: weeks')
      .replace(/expr: "MAX\(0, n(\d+)/, 'expr: "MAX(0, ghost + n$1')
      .replace('kind: pmf', 'kind: Pmf');
    for (const limit of [0, 1, 2, 3, 1000]) assertSamePublished(text, limit, 'generated');
  });

  test('corpus files and golden models', () => {
    const files: string[] = [];
    for (const sub of ['models/valid', 'models/invalid', 'templates']) for (const f of readdirSync(join(CORPUS, sub))) files.push(join(CORPUS, sub, f));
    for (const f of readdirSync('test/golden').filter((n) => n.endsWith('.yaml'))) files.push(join('test/golden', f));
    for (const f of files) for (const limit of [0, 1, 2, 1000]) assertSamePublished(readFileSync(f, 'utf8'), limit, f);
  });

  test('random edits of a broken model', () => {
    const base = withDefects(flowFixture(40)).split('\n');
    const junk = ['    kind: queue', '    values: [1, 2]', '    extra: 1', '  - id: n00003', '    expr: "SHIFT(n00001, 1) + zz"', '  - 5', 'grid: 1', '    pmf: {values: [1], probabilities: [2]}'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.constantFrom(...junk)), { maxLength: 6 }), fc.constantFrom(1, 3, 10, 25, 60), (edits, limit) => {
        const lines = [...base];
        for (const [at, line] of edits) lines.splice(at, 1, line);
        assertSamePublished(lines.join('\n'), limit, 'mutated');
      }),
      { numRuns: 60 },
    );
  });

  test('no Rust-divergence code is an error, so the divergence setting never changes which errors are published', () => {
    const errors = [...allCodes.values()].filter((c) => c.code.startsWith('rust.') && c.severity === 'error').map((c) => c.code);
    assert.deepEqual(errors, []);
  });
});

describe('ProblemBudget', () => {
  const at = (line: number, severity: Diagnostic['severity'] = 'error', message = `m${line}`): Diagnostic => ({
    severity,
    code: 'x.y',
    message,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
  });

  test('skips only once `limit` distinct errors are known, and then only what starts after the last of them', () => {
    const b = new ProblemBudget(2);
    assert.equal(b.skips('error', { line: 99, character: 0 }), false);
    b.add(at(5));
    b.add(at(5)); // a duplicate does not count
    assert.equal(b.skips('error', { line: 99, character: 0 }), false);
    b.add(at(9));
    assert.equal(b.skips('error', { line: 9, character: 0 }), false, 'a tie with the last counted error is built');
    assert.equal(b.skips('error', { line: 9, character: 1 }), true);
    assert.equal(b.skips('warning', { line: 0, character: 0 }), true, 'warnings cannot be published any more');
    b.add(at(1));
    assert.equal(b.skips('error', { line: 6, character: 0 }), true, 'the threshold moves earlier');
    assert.equal(b.skips('error', { line: 5, character: 0 }), false);
    assert.equal(b.truncated, true);
  });

  test('warnings and notes never count', () => {
    const b = new ProblemBudget(1);
    b.add(at(1, 'warning'));
    b.add(at(2, 'info'));
    assert.equal(b.skips('error', { line: 50, character: 0 }), false);
    assert.equal(b.truncated, false);
  });
});

describe('keepPublishable', () => {
  const d = (line: number, severity: Diagnostic['severity'], message = 'm'): Diagnostic => ({
    severity,
    code: 'x.y',
    message,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
  });

  test('keeps errors up to the limit-th distinct one, ties included, and drops the rest', () => {
    const list = [d(3, 'error'), d(1, 'warning'), d(3, 'error', 'other'), d(2, 'error'), d(2, 'error'), d(7, 'error'), d(0, 'info')];
    const { kept, dropped } = keepPublishable(list, 2);
    assert.equal(dropped, true);
    // line 2 (twice, one finding) and line 3 make two distinct errors by line 3; both findings at line 3 stay.
    assert.deepEqual(kept, [d(3, 'error'), d(3, 'error', 'other'), d(2, 'error'), d(2, 'error')]);
  });

  test('keeps everything while fewer than `limit` distinct errors exist', () => {
    const list = [d(1, 'error'), d(1, 'error'), d(2, 'warning')];
    assert.deepEqual(keepPublishable(list, 2), { kept: list, dropped: false });
  });
});
