// Code actions from the fixes the core attaches: legacy shapes, expression rewrites, schema did-you-mean and quoting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { action, actionsFor, applyChecked, errors, fixture, fmtRange, model, only } from './helpers';

describe('legacy shapes', () => {
  test('binMinutes → binSize + binUnit, replacing exactly the legacy entry', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: 4
        «binMinutes: 60»
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const act = action(f, 'legacy.bin-minutes');
    assert.equal(act.title, 'Convert to binSize: 1, binUnit: hours');
    assert.equal(act.kind, 'quickfix');
    assert.equal(act.isPreferred, true);
    assert.deepEqual(act.edits.map((e) => fmtRange(e.range)), [fmtRange(f.ranges[0])]);
    const after = applyChecked(f, act);
    assert.match(after.text, /\n {2}bins: 4\n {2}binSize: 1\n {2}binUnit: hours\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('startTimeUtc → start', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
        «startTimeUtc»: 2025-01-01T00:00:00Z
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const act = action(f, 'legacy.start-time-utc');
    assert.equal(act.title, 'Rename `startTimeUtc` to `start`');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'start' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('expression → expr, quoting a plain number', () => {
    const f = model(`
      nodes:
        - id: a
          kind: expr
          «expression»: «0»
    `);
    const act = action(f, 'legacy.node-expression');
    assert.equal(act.title, 'Rename `expression` to `expr` and quote it');
    assert.deepEqual(act.edits, [
      { range: f.ranges[0], newText: 'expr' },
      { range: f.ranges[1], newText: '"0"' },
    ]);
    assert.match(applyChecked(f, act).text, /expr: "0"/);
  });

  test('dependencies on a model node is deleted with its line', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
        - id: b
          kind: expr
          expr: "a"«
          dependencies: [a]»
    `);
    const act = action(f, 'legacy.node-dependencies');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('outputs {id, source} → series, dropping id', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
      outputs:
        - «id: out
          »«source»: a
    `);
    const act = action(f, 'legacy.output-id-source');
    assert.equal(act.title, 'Use series: a');
    assert.deepEqual(act.edits, [
      { range: f.ranges[0], newText: '' },
      { range: f.ranges[1], newText: 'series' },
    ]);
    const after = applyChecked(f, act);
    assert.match(after.text, /outputs:\n {2}- series: a\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('output filename → as', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
      outputs:
        - series: a
          «filename»: a.csv
    `);
    const act = action(f, 'legacy.output-filename');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'as' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('PMF map form → values + probabilities, in the written order', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf«: {"20": 0.7, "10": 0.3}»
    `);
    const act = action(f, 'legacy.pmf-map');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: ': {values: [20, 10], probabilities: [0.7, 0.3]}' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('template keys in a model: moving window.start is preferred over deleting window', () => {
    const f = fixture(
      `
      schemaVersion: 1
      window:
        start: 2025-01-01T00:00:00Z
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `,
      'model',
    );
    const d = only(f, 'legacy.template-key');
    const list = actionsFor(f, d);
    assert.deepEqual(
      list.map((x) => [x.title, x.isPreferred]),
      [
        ['Move window.start to grid.start', true],
        ['Delete `window`', false],
      ],
    );
    const moved = applyChecked(f, list[0]);
    assert.match(moved.text, /binUnit: hours\n {2}start: "2025-01-01T00:00:00Z"\n/);
    assert.deepEqual(errors(moved.diagnostics), []);
    assert.deepEqual(errors(applyChecked(f, list[1]).diagnostics), []);
  });

  test('Rust shapes: router block, source/target edges, dispatch kind', () => {
    const f = model(`
      nodes:
        - id: q
          kind: const
          values: [1, 1, 1, 1]
        - id: r
          kind: router
          router:
            inputs: {queue: q}
            routes: [{target: q, weight: 1}]
          dispatchSchedule:
            kind: «periodic»
            periodBins: 2
      topology:
        nodes:
          - id: A
            kind: service
            semantics: {arrivals: q, served: q}
          - id: B
            kind: service
            semantics: {arrivals: q, served: q}
        edges:
          - «source»: A
            «target»: B
    `);
    const router = action(f, 'csharp.router-shape');
    assert.equal(router.title, 'Move inputs and routes up to the node');
    assert.deepEqual(errors(applyChecked(f, router).diagnostics).map((d) => d.code), ['csharp.dispatch-kind', 'csharp.edge-endpoints']);
    const edges = action(f, 'csharp.edge-endpoints');
    assert.deepEqual(edges.edits, [
      { range: f.ranges[1], newText: 'from' },
      { range: f.ranges[2], newText: 'to' },
    ]);
    applyChecked(f, edges);
    const dispatch = action(f, 'csharp.dispatch-kind');
    assert.deepEqual(dispatch.edits, [{ range: f.ranges[0], newText: 'time-based' }]);
    applyChecked(f, dispatch);
  });
});

describe('expression fixes', () => {
  for (const [code, written, fixed] of [
    ['csharp.unary-minus', '-a', '(0 - a)'],
    ['csharp.exponent-number', '1e-3', '0.001'],
    ['csharp.bare-decimal-point', '.5', '0.5'],
    ['expr.unknown-function', 'MAXX', 'MAX'],
    ['expr.unknown-reference', 'aa', 'a'],
  ] as const) {
    test(`${code}: ${written} → ${fixed}`, () => {
      const call = code === 'expr.unknown-function' ? `«${written}»(a, 1)` : `«${written}» * 2`;
      const f = model(`
        nodes:
          - id: a
            kind: const
            values: [1, 1, 1, 1]
          - id: b
            kind: expr
            expr: "${call}"
      `);
      const act = action(f, code);
      assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: fixed }]);
      assert.equal(act.isPreferred, true);
      assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
    });
  }

  test('rust.conv-scalar-kernel (a warning) gets its fix too', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
        - id: b
          kind: expr
          expr: "CONV(a, «0.5»)"
    `);
    const act = action(f, 'rust.conv-scalar-kernel');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '[0.5]' }]);
    applyChecked(f, act);
  });
});

describe('schema fixes', () => {
  test('unknown key: rename to the suggested key', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          «valeus»: [1, 1, 1, 1]
    `);
    const act = action(f, 'schema.unknown-key');
    assert.equal(act.title, "Rename to 'values'");
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'values' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('enum value: change to the suggested value', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: «Hours»
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const act = action(f, 'schema.invalid-enum');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: 'hours' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('an ambiguous scalar where a string is needed is quoted (expr: 0 → "0")', () => {
    const f = model(`
      nodes:
        - id: a
          kind: expr
          expr: «0»
    `);
    const act = action(f, 'schema.wrong-type');
    assert.equal(act.title, 'Quote the value');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '"0"' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('a number where a class id (letters, digits, _ or -) is needed is quoted: id: 1 → "1"', () => {
    const f = model(`
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
      classes:
        - id: «1»
    `);
    const act = action(f, 'schema.wrong-type');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '"1"' }]);
    applyChecked(f, act);
  });

  test('no quoting fix where the quoted text would still break the id pattern (id: 123)', () => {
    const f = model(`
      nodes:
        - id: 123
          kind: const
          values: [1, 1, 1, 1]
    `);
    assert.deepEqual(actionsFor(f, only(f, 'schema.wrong-type')), []);
  });

  test('a quoted number where a number is needed loses its quotes', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: «"4"»
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: const
          values: [1, 1, 1, 1]
    `);
    const act = action(f, 'schema.wrong-type');
    assert.equal(act.title, 'Remove the quotes');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '4' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('schemaVersion "1" → 1', () => {
    const f = fixture(`
      schemaVersion: «"1"»
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const act = action(f, 'schema.schema-version');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '1' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });
});
