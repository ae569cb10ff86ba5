// Legacy node shapes: `expression` → `expr` (quoted when needed), `dependencies` (deleted), the PMF map form.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOnly, onlyFix } from '../schema/helpers';

describe('node expression', () => {
  test('is renamed to expr, with no "missing expr" noise', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: const
          values: [1]
        - id: b
          kind: expr
          «expression»: a * 2
    `);
    const d = expectOnly(diagnostics, 'legacy.node-expression', ranges[0], '`expression` is the legacy key for `expr`', "node 'b'");
    assert.equal(onlyFix(d).title, 'Rename `expression` to `expr`');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /\n {4}expr: a \* 2\n/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('a plain number is renamed and quoted, since expr must be a string', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: zero
          kind: expr
          «expression»: 0
    `);
    const d = expectOnly(diagnostics, 'legacy.node-expression', ranges[0], 'quoted string ("0")');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /expr: "0"/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('next to expr it is deleted', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          «expression»: "2"
          expr: "1"
    `);
    const d = expectOnly(diagnostics, 'legacy.node-expression', ranges[0], 'already has `expr`');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });
});

describe('node dependencies', () => {
  test('are not allowed on a model node; the fix deletes the entry', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: const
          values: [1]
        - id: b
          kind: expr
          «dependencies»: [a]
          expr: a
    `);
    const d = expectOnly(diagnostics, 'legacy.node-dependencies', ranges[0], 'not allowed on a model node', 'derive dependencies from `expr`');
    const after = applyModelFix(text, onlyFix(d));
    assert.doesNotMatch(after.text, /dependencies/);
    assert.deepEqual(after.diagnostics, []);
  });
});

describe('PMF map form', () => {
  test('becomes values + probabilities lists, in the written order', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: arrivals
          kind: pmf
          «pmf»:
            "20": 0.7
            "10": 0.3
    `);
    const d = expectOnly(diagnostics, 'legacy.pmf-map', ranges[0], "`pmf` of node 'arrivals' uses the legacy value→probability map", 'pmf: {values: [20, 10], probabilities: [0.7, 0.3]}');
    const fix = onlyFix(d);
    assert.deepEqual(fix.data, { values: [20, 10], probabilities: [0.7, 0.3] });
    const after = applyModelFix(text, fix);
    assert.match(after.text, /\n {4}pmf: \{values: \[20, 10\], probabilities: \[0\.7, 0\.3\]\}\n?$/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('the flow form {"10": 0.3, "20": 0.7} converts too', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: p
          kind: pmf
          «pmf»: {"10": 0.3, "20": 0.7}
    `);
    const d = expectOnly(diagnostics, 'legacy.pmf-map', ranges[0]);
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /pmf: \{values: \[10, 20\], probabilities: \[0\.3, 0\.7\]\}/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('a map whose keys are not numbers is not the legacy form', () => {
    const { diagnostics } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: p
          kind: pmf
          pmf: {low: 0.3, high: 0.7}
    `);
    assert.ok(diagnostics.every((d) => d.code !== 'legacy.pmf-map'));
    assert.ok(diagnostics.some((d) => d.code === 'schema.missing-key'));
  });
});
