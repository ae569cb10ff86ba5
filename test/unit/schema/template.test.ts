// Template schema: placeholders where Sim's template schema allows them, its permissive and closed places, its rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dedent } from '../../helpers/markers';
import { applyTemplateFix, checkTemplate, expectOne, expectOnly, onlyFix, show } from './helpers';

const HEAD = 'schemaVersion: 1\nmetadata: {id: t, title: T, version: 1.0.0}\nwindow: {start: 2025-01-01T00:00:00Z, timezone: UTC}\n';

/** A template with a valid header (schemaVersion, metadata, window) followed by `body`. */
const withHead = (body: string) => checkTemplate(HEAD + dedent(body));

describe('placeholders', () => {
  test('exact placeholders are accepted in grid, dispatchSchedule, traffic rates, values and string fields', () => {
    const { diagnostics } = withHead(`
      grid:
        bins: \${bins}
        binSize: \${binSize}
        binUnit: minutes
      nodes:
        - id: demand
          kind: const
          values: \${pattern}
          source: \${telemetrySource}
        - id: gate
          kind: expr
          expr: "PULSE(\${period}, 0, 1)"
      topology:
        nodes:
          - id: Wave
            kind: serviceWithBuffer
            semantics:
              arrivals: demand
              served: gate
              maxAttempts: \${attempts}
            dispatchSchedule:
              periodBins: \${period}
              phaseOffset: \${phase}
      traffic:
        arrivals:
          - nodeId: demand
            pattern:
              kind: constant
              ratePerBin: \${rate}
      outputs:
        - series: demand
    `);
    assert.deepEqual(diagnostics, [], show(diagnostics));
  });

  test('a broken placeholder in grid.bins says what is allowed', () => {
    const { diagnostics, ranges } = withHead(`
      grid:
        bins: «\${bins»
        binSize: 5
        binUnit: minutes
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    expectOnly(diagnostics, 'schema.invalid-pattern', ranges[0], '`grid.bins` must be an integer >= 1 or an exact `${parameter}` placeholder', 'found the string "${bins"');
  });

  test('grid.binSize 0 is out of range, once', () => {
    const { diagnostics, ranges } = withHead(`
      grid: {bins: 4, binSize: «0», binUnit: minutes}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    expectOnly(diagnostics, 'schema.out-of-range', ranges[0], '`grid.binSize` must be an integer >= 1');
  });
});

describe('template rules', () => {
  test('templates do not accept binUnit weeks', () => {
    const { diagnostics, ranges } = withHead(`
      grid: {bins: 4, binSize: 1, binUnit: «weeks»}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    expectOnly(diagnostics, 'schema.invalid-enum', ranges[0], 'must be one of minutes, hours, days');
  });

  test('metadata.version 1.0 is a number; it must be a quoted semantic version', () => {
    const { text, diagnostics, ranges } = checkTemplate(`
      schemaVersion: 1
      metadata:
        id: t
        title: T
        version: «1.0»
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    const d = expectOnly(diagnostics, 'schema.wrong-type', ranges[0], '`metadata.version` must be a string', 'write it quoted: "1.0"');
    assert.deepEqual(applyTemplateFix(text, onlyFix(d)).diagnostics, []);
  });

  test('missing required blocks are reported at the document start', () => {
    const { diagnostics } = checkTemplate(`
      schemaVersion: 1
      metadata: {id: t, title: T, version: 1.0.0}
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
    `);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message.split(':')[0], d.range.start.line]),
      [
        ['schema.missing-key', '`outputs` is required', 0],
        ['schema.missing-key', '`window` is required', 0],
      ],
    );
  });

  test('without schemaVersion Sim skips the schema: a warning at the document start', () => {
    const { diagnostics } = checkTemplate(`
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const d = expectOnly(diagnostics, 'schema.template-without-version', zero, 'only when `schemaVersion: 1` is present');
    assert.equal(d.severity, 'warning');
  });

  test('template nodes, outputs and topology accept extra keys; the root and grid do not', () => {
    const { diagnostics, ranges } = withHead(`
      grid: {bins: 4, binSize: 1, binUnit: hours, «binCount»: 4}
      nodes:
        - {id: a, kind: expr, expr: "1", dependencies: [], group: g, telemetry: t, custom: 1}
      outputs:
        - {series: a, id: out, description: d, filename: a.csv}
      topology:
        nodes:
          - {id: A, kind: service, semantics: {arrivals: a, served: a}, wipLimit: 3}
        edges:
          - {source: A, target: A}
      «profiles»: []
    `);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [
        ['schema.unknown-key', ranges[0]],
        ['schema.unknown-key', ranges[1]],
      ],
      show(diagnostics),
    );
    assert.match(diagnostics[0].message, /`binCount` is not allowed in `grid`/);
    assert.match(diagnostics[1].message, /`profiles` is not allowed at the top level of a template/);
  });

  test('a router node needs inputs and routes; a route needs classes or weight', () => {
    const { diagnostics, ranges } = withHead(`
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - id: «r»
          kind: router
        - id: r2
          kind: router
          inputs: {queue: q}
          routes:
            - target: «a»
      outputs:
        - series: r
    `);
    assert.equal(diagnostics.length, 3, show(diagnostics));
    const missing = diagnostics.filter((d) => d.code === 'schema.missing-key');
    assert.deepEqual(missing.map((d) => d.message.replace(/ \(.*$/, '')), ["router node 'r' requires `inputs`", "router node 'r' requires `routes`"]);
    assert.ok(missing.every((d) => JSON.stringify(d.range) === JSON.stringify(ranges[0])));
    expectOne(diagnostics, 'schema.route-needs-classes-or-weight', ranges[1], "routes[0] of router node 'r2'");
  });

  test('parameter names follow the id rule and types are an enum', () => {
    const { diagnostics, ranges } = withHead(`
      parameters:
        - name: «my-param»
          type: integer
        - name: rate
          type: «float»
          minimum: 0
          enum: [1, 2]
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: expr, expr: "1"}
      outputs:
        - series: a
    `);
    assert.equal(diagnostics.length, 2, show(diagnostics));
    expectOne(diagnostics, 'schema.invalid-pattern', ranges[0], "parameter name 'my-param' is not valid");
    expectOne(diagnostics, 'schema.invalid-enum', ranges[1], "`type` of parameter 'rate' must be one of integer, number, boolean, string, array");
  });

  test('template node kinds are case-sensitive too', () => {
    const { diagnostics, ranges } = withHead(`
      grid: {bins: 4, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: «Expr», expr: "1"}
      outputs:
        - series: a
    `);
    expectOnly(diagnostics, 'schema.unknown-node-kind', ranges[0], "did you mean 'expr'?");
  });
});
