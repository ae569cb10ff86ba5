import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildValidationReport, computeQuality, engineCompatibility, serializeValidationReport } from '../../../core/src/artifacts';
import type { Diagnostic } from '../../../core/src/diagnostics';

function d(severity: Diagnostic['severity'], code: string, line = 0): Diagnostic {
  return { severity, code, message: `${code} message`, range: { start: { line, character: 0 }, end: { line, character: 3 } } };
}

const CLEAN = {
  schemaVersion: 1,
  grid: { bins: 2, binSize: 1, binUnit: 'hours' },
  nodes: [
    { id: 'arrivals', kind: 'const', values: [1, 2] },
    { id: 'capacity', kind: 'const', values: [2, 2] },
    { id: 'served', kind: 'expr', expr: 'MIN(arrivals, capacity)' },
    { id: 'queue', kind: 'expr', expr: 'MAX(0, SHIFT(queue, 1) + arrivals - served)' },
  ],
  outputs: [{ series: 'queue' }],
};

describe('computeQuality', () => {
  test('a clean model scores 1.0 with no deductions', () => {
    assert.deepEqual(computeQuality(CLEAN, []), { score: 1, deductions: [] });
  });

  test('errors cost 0.25 each and can take the score to 0', () => {
    assert.deepEqual(computeQuality(CLEAN, [d('error', 'model.b'), d('error', 'model.a')]), {
      score: 0.5,
      deductions: [{ rule: 'errors', points: 0.5, detail: '2 errors × 0.25 (model.a, model.b)' }],
    });
    const five = Array.from({ length: 5 }, () => d('error', 'schema.x'));
    assert.deepEqual(computeQuality(CLEAN, five), { score: 0, deductions: [{ rule: 'errors', points: 1, detail: '5 errors × 0.25, capped at 1.00 (schema.x)' }] });
  });

  test('warnings cost 0.05 each, capped at 0.30; infos cost nothing', () => {
    assert.equal(computeQuality(CLEAN, [d('warning', 'model.w'), d('info', 'model.i')]).score, 0.95);
    const many = Array.from({ length: 9 }, () => d('warning', 'model.w'));
    assert.deepEqual(computeQuality(CLEAN, many).deductions, [{ rule: 'warnings', points: 0.3, detail: '9 warnings × 0.05, capped at 0.30 (model.w)' }]);
    assert.equal(computeQuality(CLEAN, many).score, 0.7);
  });

  test('Rust divergences cost 0.10 once and are not also counted as warnings', () => {
    const q = computeQuality(CLEAN, [d('warning', 'rust.router-shape'), d('warning', 'rust.edge-endpoints'), d('warning', 'model.w')]);
    assert.deepEqual(q.deductions, [
      { rule: 'warnings', points: 0.05, detail: '1 warning × 0.05 (model.w)' },
      { rule: 'rust-divergence', points: 0.1, detail: '1 Rust engine divergence × 0.10 (rust.edge-endpoints, rust.router-shape)' },
    ]);
    assert.equal(q.score, 0.85);
  });

  test('no outputs cost 0.05 (and then no node counts as unreferenced)', () => {
    const { outputs: _omit, ...noOutputs } = CLEAN;
    void _omit;
    assert.deepEqual(computeQuality(noOutputs, []), { score: 0.95, deductions: [{ rule: 'no-outputs', points: 0.05, detail: '1 model without outputs × 0.05 (no outputs are declared)' }] });
  });

  test('unreferenced nodes cost 0.01 each, capped at 0.10; self references do not count', () => {
    const model = {
      ...CLEAN,
      nodes: [...CLEAN.nodes, { id: 'lonely', kind: 'expr', expr: 'SHIFT(lonely, 1)' }, { id: 'Spare', kind: 'const', values: [0, 0] }],
    };
    assert.deepEqual(computeQuality(model, []), { score: 0.98, deductions: [{ rule: 'unreferenced-nodes', points: 0.02, detail: '2 unreferenced nodes × 0.01 (lonely, Spare)' }] });
    const many = { ...CLEAN, nodes: [...CLEAN.nodes, ...Array.from({ length: 14 }, (_, i) => ({ id: `n${i}`, kind: 'const', values: [0, 0] }))] };
    const q = computeQuality(many, []);
    assert.equal(q.score, 0.9);
    assert.equal(q.deductions[0].detail, '14 unreferenced nodes × 0.01, capped at 0.10 (n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 and 4 more)');
    assert.equal(computeQuality({ ...many, outputs: [{ series: '*' }] }, []).score, 1, 'output * uses every node');
  });

  test('references count from semantics (series:, @class, case), node fields, traffic and schedules', () => {
    const model = {
      schemaVersion: 1,
      grid: { bins: 1, binSize: 1, binUnit: 'hours' },
      nodes: [
        { id: 'a', kind: 'const', values: [1] },
        { id: 'b', kind: 'const', values: [1] },
        { id: 'c', kind: 'const', values: [1] },
        { id: 'd', kind: 'const', values: [1] },
        { id: 'e', kind: 'const', values: [1] },
        { id: 'f', kind: 'const', values: [1] },
        { id: 'q', kind: 'serviceWithBuffer', inflow: 'c', outflow: 'd', dispatchSchedule: { periodBins: 2, capacitySeries: 'e' } },
        { id: 'r', kind: 'router', inputs: { queue: 'q' }, routes: [{ target: 'f', weight: 1 }] },
        { id: 'broken', kind: 'expr', expr: 'a + (' },
      ],
      outputs: [{ series: 'r' }, { series: 'broken' }],
      topology: { nodes: [{ id: 'S', kind: 'service', semantics: { arrivals: 'series:A@vip', served: 'self', errors: 'file:x.csv' } }] },
      traffic: { arrivals: [{ nodeId: 'b', pattern: { kind: 'constant' } }] },
    };
    assert.deepEqual(computeQuality(model, []), { score: 1, deductions: [] });
  });

  test('topology nodes that no edge touches cost 0.02 each when the topology has edges', () => {
    const model = {
      ...CLEAN,
      topology: {
        nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, kind: 'service', semantics: { arrivals: 'arrivals', served: 'served' } })),
        edges: [{ from: 'A:out', to: 'B' }],
      },
    };
    assert.deepEqual(computeQuality(model, []).deductions, [{ rule: 'isolated-topology-nodes', points: 0.04, detail: '2 topology nodes without edges × 0.02 (C, D)' }]);
    assert.deepEqual(computeQuality({ ...model, topology: { nodes: model.topology.nodes } }, []).deductions, [], 'no edges at all: nothing to judge');
  });

  test('is deterministic and never throws on broken models', () => {
    const diags = [d('warning', 'b'), d('error', 'a'), d('warning', 'rust.x')];
    assert.deepEqual(computeQuality(CLEAN, diags), computeQuality(CLEAN, [...diags].reverse()));
    for (const m of [undefined, null, 42, 'x', [], { nodes: 'x', outputs: [1, null], topology: { edges: [null, { from: 3 }] } }]) {
      const q = computeQuality(m, []);
      assert.ok(q.score >= 0 && q.score <= 1);
    }
  });

  test('scores are exact multiples of 0.01', () => {
    const q = computeQuality(CLEAN, [d('warning', 'w'), d('warning', 'w'), d('warning', 'w'), d('warning', 'rust.x')]);
    assert.equal(q.score, 0.75);
    assert.equal(String(q.score), '0.75');
  });
});

describe('engineCompatibility and buildValidationReport', () => {
  test('C# needs no errors; Rust tolerates csharp.* errors but no rust.* findings', () => {
    assert.deepEqual(engineCompatibility([]), { csharp: true, rust: true });
    assert.deepEqual(engineCompatibility([d('warning', 'model.w'), d('info', 'x.i')]), { csharp: true, rust: true });
    assert.deepEqual(engineCompatibility([d('warning', 'rust.router-shape')]), { csharp: true, rust: false });
    assert.deepEqual(engineCompatibility([d('error', 'csharp.unary-minus')]), { csharp: false, rust: true });
    assert.deepEqual(engineCompatibility([d('error', 'model.dangling')]), { csharp: false, rust: false });
  });

  test('the report has the validate --json diagnostic shape, sorted, plus the quality breakdown', () => {
    const fix = { title: 'quote it', edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, newText: '"0"' }] };
    const diags: Diagnostic[] = [
      { ...d('warning', 'model.w', 5), related: [{ message: 'here', range: d('info', 'x').range }] },
      { ...d('error', 'schema.e', 2), fixes: [fix] },
    ];
    const quality = computeQuality(CLEAN, diags);
    const report = buildValidationReport(diags, quality);
    assert.equal(report.valid, false);
    assert.deepEqual(report.diagnostics, [
      { severity: 'error', code: 'schema.e', message: 'schema.e message', range: diags[1].range, fixes: [fix] },
      { severity: 'warning', code: 'model.w', message: 'model.w message', range: diags[0].range, related: diags[0].related },
    ]);
    assert.deepEqual(Object.keys(report.diagnostics[0]), ['severity', 'code', 'message', 'range', 'fixes']);
    assert.deepEqual(report.engine_compatibility, { csharp: false, rust: false });
    assert.deepEqual(report.quality, quality);
    const text = serializeValidationReport(report);
    assert.deepEqual(JSON.parse(text), report);
    assert.ok(text.endsWith('\n'));
    assert.equal(buildValidationReport([d('warning', 'w')], computeQuality(CLEAN, [])).valid, true);
  });
});
