// Rust-engine shapes the C# schema rejects: nested router block, source/target edges, dispatch kinds other than time-based.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOnly, onlyFix } from '../schema/helpers';

describe('csharp.router-shape', () => {
  test('a nested router block is hoisted to the node, with no missing inputs/routes noise', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: q, kind: expr, expr: "1"}
        - id: split
          kind: router
          «router»:
            inputs:
              queue: q
            routes:
              - target: a
                weight: 2
              - target: b
                classes: [Order]
    `);
    const d = expectOnly(diagnostics, 'csharp.router-shape', ranges[0], "router node 'split'", 'Rust engine', 'Rust would accept this');
    assert.equal(d.severity, 'error');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /\n {4}inputs: \{queue: q\}\n {4}routes: \[\{target: a, weight: 2\}, \{target: b, classes: \[Order\]\}\]/);
    assert.deepEqual(after.diagnostics, []);
  });
});

describe('csharp.edge-endpoints', () => {
  test('source/target are renamed to from/to', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      topology:
        edges:
          - id: e1
            «source: A
            target»: B
    `);
    const d = expectOnly(diagnostics, 'csharp.edge-endpoints', ranges[0], '`source`/`target`', '`from`/`to`', 'Rust would accept');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /from: A\n {6}to: B/);
    assert.deepEqual(after.diagnostics, []);
  });
});

describe('csharp.dispatch-kind', () => {
  test('periodic is rejected by C#; the fix writes time-based', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      topology:
        nodes:
          - id: Wave
            kind: serviceWithBuffer
            semantics: {arrivals: a, served: a}
            dispatchSchedule:
              kind: «periodic»
              periodBins: 4
    `);
    const d = expectOnly(diagnostics, 'csharp.dispatch-kind', ranges[0], "kind 'periodic' is not supported by the C# engine", 'Rust engine ignores');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('on a serviceWithBuffer node too', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: q
          kind: serviceWithBuffer
          inflow: a
          outflow: a
          dispatchSchedule: {kind: «fixed», periodBins: 2}
    `);
    expectOnly(diagnostics, 'csharp.dispatch-kind', ranges[0], "kind 'fixed'");
  });
});
