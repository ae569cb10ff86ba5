// Template-only top-level keys in a model: metadata, window (start → grid.start), generator and mode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOnly, onlyFix, show } from '../schema/helpers';

describe('template keys in a model', () => {
  for (const [key, block] of [
    ['metadata', 'metadata:\n  id: m\n  title: M'],
    ['generator', 'generator: flowtime-sim'],
    ['mode', 'mode: simulation'],
  ] as const) {
    test(`top-level \`${key}\` is not allowed; the fix deletes the block`, () => {
      const { text, diagnostics } = checkModel(`schemaVersion: 1\n${block}\ngrid: {bins: 1, binSize: 1, binUnit: hours}\nnodes:\n  - {id: a, kind: expr, expr: "1"}\n`);
      const range = { start: { line: 1, character: 0 }, end: { line: 1, character: key.length } };
      const d = expectOnly(diagnostics, 'legacy.template-key', range, `top-level \`${key}\` is not allowed in a model`, 'template key');
      const after = applyModelFix(text, onlyFix(d));
      assert.doesNotMatch(after.text, new RegExp(`^${key}:`, 'm'));
      assert.deepEqual(after.diagnostics, []);
    });
  }

  test('window: the first fix moves window.start to grid.start, the second deletes the block', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 1
        binSize: 1
        binUnit: hours
      nodes:
        - {id: a, kind: expr, expr: "1"}
      «window»:
        start: 2025-01-01T00:00:00Z
        timezone: UTC
    `);
    const d = expectOnly(diagnostics, 'legacy.template-key', ranges[0], 'move `window.start` to `grid.start`');
    assert.deepEqual(
      d.fixes?.map((f) => f.title),
      ['Move window.start to grid.start', 'Delete `window`'],
    );
    const moved = applyModelFix(text, d.fixes![0]);
    assert.match(moved.text, /\n {2}binUnit: hours\n {2}start: "2025-01-01T00:00:00Z"\n/);
    assert.doesNotMatch(moved.text, /window/);
    assert.deepEqual(moved.diagnostics, [], show(moved.diagnostics));
    assert.deepEqual(applyModelFix(text, d.fixes![1]).diagnostics, []);
  });

  test('window next to a grid that has a start only offers the deletion', () => {
    const { diagnostics } = checkModel(`
      schemaVersion: 1
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid: {bins: 1, binSize: 1, binUnit: hours, start: 2025-02-01T00:00:00Z}
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].fixes?.map((f) => f.title), ['Delete `window`']);
  });
});
