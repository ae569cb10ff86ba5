// Legacy output shapes: {id, source} → series (id dropped), filename → as.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOnly, onlyFix } from '../schema/helpers';

describe('outputs id/source', () => {
  test('become `series: <source>` with id dropped; one finding spanning both keys', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: served, kind: expr, expr: "1"}
      outputs:
        - «id: events
          source»: served
          as: served.csv
    `);
    const d = expectOnly(diagnostics, 'legacy.output-id-source', ranges[0], 'output `id`/`source` is the legacy form of `series`', 'write `series: served`', 'drop `id`');
    const fix = onlyFix(d);
    assert.deepEqual(fix.data, { id: 'events', source: 'served' });
    const after = applyModelFix(text, fix);
    assert.match(after.text, /\n {2}- series: served\n {4}as: served\.csv/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('a flow-style legacy output converts as well', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: served, kind: expr, expr: "1"}
      outputs:
        - {«id: events, source»: served}
    `);
    const d = expectOnly(diagnostics, 'legacy.output-id-source', ranges[0]);
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /- \{series: served\}/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('source alone (no id) is renamed', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: served, kind: expr, expr: "1"}
      outputs:
        - as: s.csv
          «source»: served
    `);
    const d = expectOnly(diagnostics, 'legacy.output-id-source', ranges[0], 'output `source` is the legacy form of `series`');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('an id next to series is deleted', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: served, kind: expr, expr: "1"}
      outputs:
        - series: served
          «id»: events
    `);
    const d = expectOnly(diagnostics, 'legacy.output-id-source', ranges[0], 'already has `series`');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });
});

describe('outputs filename', () => {
  test('is renamed to as', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: served, kind: expr, expr: "1"}
      outputs:
        - series: served
          «filename»: served.csv
    `);
    const d = expectOnly(diagnostics, 'legacy.output-filename', ranges[0], '`filename` is the legacy key for `as`');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /\n {4}as: served\.csv/);
    assert.deepEqual(after.diagnostics, []);
  });
});
