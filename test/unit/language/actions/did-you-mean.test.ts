// "Did you mean" quick fixes for dangling references in model fields (the core attaches them next to the message hint).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { action, actionsFor, applyChecked, errors, fixture, only } from './helpers';

/** A valid model that uses every kind of reference; each case misspells one of them. */
const WORLD = `
schemaVersion: 1
grid:
  bins: 4
  binSize: 1
  binUnit: hours
classes:
  - id: Gold
  - id: "10"
traffic:
  arrivals:
    - nodeId: demand
      classId: Gold
      pattern:
        kind: constant
        ratePerBin: 1
nodes:
  - id: demand
    kind: const
    values: [1, 1, 1, 1]
  - id: capacity
    kind: const
    values: [2, 2, 2, 2]
  - id: served
    kind: expr
    expr: "MIN(demand, capacity)"
  - id: split
    kind: router
    inputs:
      queue: served
    routes:
      - target: served_gold
        classes: [Gold]
      - target: served_rest
        classes: ["10"]
  - id: served_gold
    kind: expr
    expr: "served * 0.5"
  - id: served_rest
    kind: expr
    expr: "served * 0.5"
    dispatchSchedule:
      periodBins: 2
      capacitySeries: capacity
  - id: buffer
    kind: serviceWithBuffer
    inflow: demand
    outflow: served
topology:
  nodes:
    - id: Service
      kind: service
      semantics:
        arrivals: demand@Gold
        served: served
      constraints: [cpu_limit]
      wipLimitSeries: capacity
      wipOverflow: Sink
    - id: Sink
      kind: sink
      semantics:
        arrivals: served
        served: served
  edges:
    - from: Service:out
      to: Sink:in
  constraints:
    - id: cpu_limit
      semantics:
        arrivals: demand
        served: capacity
outputs:
  - series: served
    as: served.csv
`;

/** [the text to replace in WORLD, its replacement with the «misspelling» marked, code, the suggested id]. */
const CASES: [string, string, string, string][] = [
  ['  - series: served', '  - series: «servd»', 'model.unknown-output-series', 'served'],
  ['  - series: served', '  - series: "«Served»"', 'model.unknown-output-series', 'served'],
  ['    inflow: demand', '    inflow: «demnd»', 'model.unknown-node', 'demand'],
  ['      queue: served', '      queue: «serve»', 'model.unknown-node', 'served'],
  ['      - target: served_gold', '      - target: «served_gld»', 'model.unknown-node', 'served_gold'],
  ['      capacitySeries: capacity', '      capacitySeries: «capacty»', 'model.unknown-node', 'capacity'],
  ['    - nodeId: demand', '    - nodeId: «Demand»', 'model.unknown-node', 'demand'],
  ['      classId: Gold', '      classId: «gold»', 'model.unknown-class', 'Gold'],
  ['        classes: [Gold]', '        classes: [«Gld»]', 'model.unknown-class', 'Gold'],
  ['        arrivals: demand@Gold', '        arrivals: «demnd»@Gold', 'model.unknown-series-reference', 'demand'],
  ['        arrivals: demand@Gold', '        arrivals: demand@«Gol»', 'model.unknown-class', 'Gold'],
  ['    - from: Service:out', '    - from: «Servce»:out', 'model.unknown-topology-node', 'Service'],
  ['      constraints: [cpu_limit]', '      constraints: [«cpu_limt»]', 'model.unknown-constraint', 'cpu_limit'],
  ['        served: capacity', '        served: «capacit»', 'model.unknown-constraint-series', 'capacity'],
  ['      wipOverflow: Sink', '      wipOverflow: «Snk»', 'model.unknown-wip-overflow-target', 'Sink'],
  ['      wipLimitSeries: capacity', '      wipLimitSeries: «capcity»', 'rust.unknown-wip-limit-series', 'capacity'],
];

describe('did you mean: model references', () => {
  test('the world model is valid', () => {
    assert.deepEqual(errors(fixture(WORLD).a.diagnostics()), []);
  });

  for (const [from, to, code, id] of CASES) {
    test(`${code}: ${to.trim()} → ${id}`, () => {
      assert.ok(WORLD.includes(from), from);
      const f = fixture(WORLD.replace(from, to));
      const d = only(f, code);
      assert.match(d.message, new RegExp(`did you mean '${id}'`));
      const act = action(f, code);
      assert.equal(act.title, `Change to '${id}'`);
      assert.equal(act.isPreferred, true);
      assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: id }]);
      assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
    });
  }

  test('no fix when the plain value would then read as a number (class "10" written 1O)', () => {
    const f = fixture(WORLD.replace('        classes: ["10"]', '        classes: [1O]'));
    const d = only(f, 'model.unknown-class');
    assert.match(d.message, /did you mean '10'/);
    assert.deepEqual(actionsFor(f, d), []);
  });

  test('the same name quoted is fixed inside the quotes', () => {
    const f = fixture(WORLD.replace('        classes: ["10"]', '        classes: ["«1O»"]'));
    const act = action(f, 'model.unknown-class');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '10' }]);
    applyChecked(f, act);
  });

  test('no suggestion, no fix', () => {
    const f = fixture(WORLD.replace('  - series: served', '  - series: zzzzzz'));
    const d = only(f, 'model.unknown-output-series');
    assert.doesNotMatch(d.message, /did you mean/);
    assert.deepEqual(actionsFor(f, d), []);
  });
});

const TEMPLATE = `
  schemaVersion: 1
  generator: flowtime-sim
  metadata: {id: t, title: T, version: 1.0.0}
  window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
  grid: {bins: 1, binSize: 1, binUnit: hours}
  nodes:
    - id: arrivals
      kind: const
      values: [4]
    - id: served
      kind: expr
      expr: "arrivals"
  topology:
    nodes:
      - id: Desk
        kind: service
        semantics:
          arrivals: arrivals
          served: served
      - id: Done
        kind: sink
        semantics:
          arrivals: served
    edges:
      - from: Desk:out
        to: Done:in
  outputs:
    - series: served
`;

describe('did you mean: template references', () => {
  test('the template is valid', () => {
    assert.deepEqual(errors(fixture(TEMPLATE, 'template').a.diagnostics()), []);
  });

  for (const [from, to, code, id] of [
    ['          served: served', '          served: «serveed»', 'template.semantics-reference', 'served'],
    ['          arrivals: served', '          arrivals: "«Served»"', 'template.semantics-reference', 'served'],
    ['      - from: Desk:out', '      - from: «Dsk»:out', 'template.edge-endpoint', 'Desk'],
    ['        to: Done:in', '        to: «done»:in', 'template.edge-endpoint', 'Done'],
  ] as const) {
    test(`${code}: ${to.trim()} → ${id}`, () => {
      const f = fixture(TEMPLATE.replace(from, to), 'template');
      const d = only(f, code);
      assert.match(d.message, new RegExp(`did you mean \`${id}\``));
      const act = action(f, code);
      assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: id }]);
      assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
    });
  }

  test('a model-style reference is explained, not renamed', () => {
    const f = fixture(TEMPLATE.replace('          served: served', '          served: served@Gold'), 'template');
    const d = only(f, 'template.semantics-reference');
    assert.match(d.message, /without `series:` or `@class`/);
    assert.deepEqual(actionsFor(f, d), []);
  });
});
