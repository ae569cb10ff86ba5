// Fitting const values to grid.bins: pad by repeating the last value, or truncate the tail (flow and block lists).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { action, actionsFor, applyChecked, errors, fixture, model, only } from './helpers';

describe('pad or truncate const values (model.const-length)', () => {
  test('too short, flow list: pad by repeating the last value, written as it was', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 2.50«»]
    `);
    const act = action(f, 'model.const-length');
    assert.equal(act.title, 'Pad values to grid.bins (4) by repeating the last value (2.50) 2 times');
    assert.equal(act.isPreferred, false);
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: ', 2.50, 2.50' }]);
    const after = applyChecked(f, act);
    assert.match(after.text, /values: \[1, 2\.50, 2\.50, 2\.50\]\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('too short, block list: new items at the same indentation, after a trailing comment', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values:
            - 1
            - 7 # peak«»
    `);
    const act = action(f, 'model.const-length');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '\n      - 7\n      - 7' }]);
    const after = applyChecked(f, act);
    assert.match(after.text, /values:\n {6}- 1\n {6}- 7 # peak\n {6}- 7\n {6}- 7\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('too long, flow list: drop the tail', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3, 4«, 5, 6»]
    `);
    const act = action(f, 'model.const-length');
    assert.equal(act.title, 'Truncate values to grid.bins (4): drop the last 2 values');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '' }]);
    assert.match(applyChecked(f, act).text, /values: \[1, 2, 3, 4\]\n/);
  });

  test('too long, block list: the dropped lines go, comments on them too', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values:
            - 1
            - 2
            - 3
            - 4 # last bin«
            - 5 # extra»
        - id: b
          kind: expr
          expr: "a"
    `);
    const act = action(f, 'model.const-length');
    assert.equal(act.title, 'Truncate values to grid.bins (4): drop the last 1 value');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '' }]);
    const after = applyChecked(f, act);
    assert.match(after.text, /- 4 # last bin\n {2}- id: b\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('a template grid sized by a parameter uses the parameter default', () => {
    const f = fixture(
      `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: bins
          type: integer
          default: 3
      grid:
        bins: \${bins}
        binSize: 1
        binUnit: hours
      nodes:
        - id: arrivals
          kind: const
          values: [5«»]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: arrivals, served: arrivals}
        edges: []
      outputs:
        - series: arrivals
    `,
      'template',
    );
    const act = action(f, 'model.const-length');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: ', 5, 5' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('no action when the grid size cannot be read', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 2]
    `);
    const d = only(f, 'model.const-length');
    const broken = fixture(f.text.replace('bins: 4', 'bins: many'));
    assert.deepEqual(actionsFor(broken, d), []);
  });
});
