// Legacy grid keys: binMinutes → binSize + binUnit (with the unit conversion) and startTimeUtc → start.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convertBinMinutes } from '../../../core/src/schema';
import { applyModelFix, applyTemplateFix, checkModel, checkTemplate, expectOnly, onlyFix } from '../schema/helpers';

const MODEL_UNITS = ['minutes', 'hours', 'days', 'weeks'];

describe('grid.binMinutes', () => {
  test('converts to the largest whole unit', () => {
    assert.deepEqual(convertBinMinutes(60, MODEL_UNITS), { binSize: 1, binUnit: 'hours' });
    assert.deepEqual(convertBinMinutes(1440, MODEL_UNITS), { binSize: 1, binUnit: 'days' });
    assert.deepEqual(convertBinMinutes(10080, MODEL_UNITS), { binSize: 1, binUnit: 'weeks' });
    assert.deepEqual(convertBinMinutes(90, MODEL_UNITS), { binSize: 90, binUnit: 'minutes' });
    assert.deepEqual(convertBinMinutes(120, MODEL_UNITS), { binSize: 2, binUnit: 'hours' });
    assert.deepEqual(convertBinMinutes(10080, ['minutes', 'hours', 'days']), { binSize: 7, binUnit: 'days' });
    assert.equal(convertBinMinutes(0, MODEL_UNITS), undefined);
    assert.equal(convertBinMinutes(1.5, MODEL_UNITS), undefined);
    assert.equal(convertBinMinutes('60', MODEL_UNITS), undefined);
  });

  for (const [minutes, size, unit] of [
    [60, 1, 'hours'],
    [1440, 1, 'days'],
    [10080, 1, 'weeks'],
    [90, 90, 'minutes'],
  ] as const) {
    test(`binMinutes: ${minutes} → binSize: ${size}, binUnit: ${unit}, replacing the line with two at the same indentation`, () => {
      const { text, diagnostics, ranges } = checkModel(`
        schemaVersion: 1
        grid:
          bins: 4
          «binMinutes»: ${minutes}
        nodes:
          - id: a
            kind: expr
            expr: "1"
      `);
      const d = expectOnly(diagnostics, 'legacy.bin-minutes', ranges[0], '`grid.binMinutes` is the legacy grid form', `binSize: ${size}, binUnit: ${unit}`);
      assert.equal(d.severity, 'error');
      const fix = onlyFix(d);
      assert.deepEqual(fix.data, { binMinutes: minutes, binSize: size, binUnit: unit });
      const after = applyModelFix(text, fix);
      assert.match(after.text, new RegExp(`\\n  bins: 4\\n  binSize: ${size}\\n  binUnit: ${unit}\\n`));
      assert.deepEqual(after.diagnostics, []);
    });
  }

  test('in a flow-style grid the fix stays on one line', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 4, «binMinutes»: 1440}
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    const d = expectOnly(diagnostics, 'legacy.bin-minutes', ranges[0]);
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /grid: \{bins: 4, binSize: 1, binUnit: days\}/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('next to binSize and binUnit it is simply deleted', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 4
        «binMinutes»: 60
        binSize: 1
        binUnit: hours
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    const d = expectOnly(diagnostics, 'legacy.bin-minutes', ranges[0], 'not allowed next to `binSize` and `binUnit`');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('a value that is not whole minutes gets the message but no fix', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 4
        «binMinutes»: 2.5
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    const d = expectOnly(diagnostics, 'legacy.bin-minutes', ranges[0], 'positive whole number of minutes');
    assert.equal(d.fixes, undefined);
  });

  test('in a template, a week becomes 7 days (templates have no weeks)', () => {
    const { text, diagnostics, ranges } = checkTemplate(`
      schemaVersion: 1
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid:
        bins: 4
        «binMinutes»: 10080
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    const d = expectOnly(diagnostics, 'legacy.bin-minutes', ranges[0], 'binSize: 7, binUnit: days');
    assert.deepEqual(applyTemplateFix(text, onlyFix(d)).diagnostics, []);
  });
});

describe('grid.startTimeUtc', () => {
  test('is renamed to start', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
        «startTimeUtc»: 2025-01-01T00:00:00Z
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    const d = expectOnly(diagnostics, 'legacy.start-time-utc', ranges[0], 'renamed to `grid.start`');
    const after = applyModelFix(text, onlyFix(d));
    assert.match(after.text, /\n {2}start: 2025-01-01T00:00:00Z\n/);
    assert.deepEqual(after.diagnostics, []);
  });

  test('next to start it is deleted', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
        start: 2025-01-01T00:00:00Z
        «startTimeUtc»: 2025-01-01T00:00:00Z
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    const d = expectOnly(diagnostics, 'legacy.start-time-utc', ranges[0], 'already has `start`');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });
});
