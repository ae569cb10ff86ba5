// Adding `schemaVersion: 1` when it is missing: above the first key, below a header comment or a `---` marker.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../../../core/src/language/code-actions';
import { action, applyChecked, errors, fixture } from './helpers';

const BODY = `grid:
        bins: 1
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: const
          values: [1]`;

describe('add schemaVersion: 1', () => {
  test('at the top of a model', () => {
    const f = fixture(`
      «»${BODY}
    `);
    const act = action(f, 'schema.missing-key');
    assert.equal(act.title, 'Add schemaVersion: 1');
    assert.equal(act.isPreferred, true);
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'schemaVersion: 1\n' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('below a header comment and a document marker, so both stay first', () => {
    const f = fixture(`
      ---
      # Expected: a flat series
      «»grid:
        bins: 1
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: const
          values: [1]
    `);
    const act = action(f, 'schema.missing-key');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'schemaVersion: 1\n' }]);
    const after = applyChecked(f, act);
    assert.match(after.text, /^---\n# Expected: a flat series\nschemaVersion: 1\ngrid:/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('a template: the template warning and the generated model error share one action', () => {
    const f = fixture(
      `
      «»generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: const
          values: [1]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: a, served: a}
        edges: []
      outputs:
        - series: a
    `,
      'template',
    );
    const ds = f.a.diagnostics().filter((d) => d.code === 'schema.missing-key' || d.code === 'schema.template-without-version');
    assert.deepEqual(ds.map((d) => d.code).sort(), ['schema.missing-key', 'schema.template-without-version']);
    const list = codeActions(f.a, ds[0].range, ds);
    assert.equal(list.length, 1);
    assert.deepEqual(list[0].edits, [{ range: f.ranges[0], newText: 'schemaVersion: 1\n' }]);
    for (const d of ds) applyChecked(f, { ...list[0], diagnostic: d });
    assert.deepEqual(errors(applyChecked(f, list[0]).diagnostics), []);
  });
});
