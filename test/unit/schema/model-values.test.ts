// Model schema: wrong types, enums, ranges, empty values and name patterns, each with its domain message and range.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOnly, onlyFix } from './helpers';

describe('wrong types', () => {
  test('`expr: 0` must be a string and the fix quotes it', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: zero
          kind: expr
          expr: «0»
    `);
    const d = expectOnly(diagnostics, 'schema.wrong-type', ranges[0], 'expr', 'must be a string', 'write it quoted: "0"');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('a quoted integer says to remove the quotes, and the fix does', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: «"8"»
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const d = expectOnly(diagnostics, 'schema.wrong-type', ranges[0], '`grid.bins` must be an integer', 'found the string "8"', 'remove the quotes');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('a single number for const values is not expanded', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 3, binSize: 1, binUnit: hours}
      nodes:
        - id: demand
          kind: const
          values: «5»
    `);
    expectOnly(diagnostics, 'schema.wrong-type', ranges[0], "`values` of const node 'demand' must be a list", 'found the number 5', 'not expanded');
  });

  test('a metadata value must be a string: `true` needs quotes', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
          metadata:
            graph.hidden: «true»
    `);
    expectOnly(diagnostics, 'schema.wrong-type', ranges[0], '`metadata.graph.hidden`', 'must be a string', 'write it quoted: "true"');
  });

  test('a block of the wrong shape is one finding, and everything below it counts as broken', () => {
    const { diagnostics, ranges, result } = checkModel(`
      schemaVersion: 1
      grid: «[8, 1, hours]»
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.wrong-type', ranges[0], '`grid` must be a mapping', 'found a list');
    assert.equal(result.broken('/grid'), true);
    assert.equal(result.broken('/grid/bins'), true);
    assert.equal(result.broken('/nodes/0'), false);
  });

  test('a plain null is the text "null", not an empty value', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: «null», binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.wrong-type', ranges[0], 'found the string "null"', 'plain `null`');
  });
});

describe('schemaVersion and enums', () => {
  test('a quoted "1" must be the integer 1', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: «"1"»
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const d = expectOnly(diagnostics, 'schema.schema-version', ranges[0], '`schemaVersion` must be the integer 1', 'remove the quotes');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('schemaVersion 2 is rejected with what was found', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: «2»
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.schema-version', ranges[0], 'must be the integer 1, found the number 2');
  });

  test('binUnit is case-sensitive: the allowed values are listed with a did-you-mean and a fix', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid:
        bins: 1
        binSize: 1
        binUnit: «Hours»
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    const d = expectOnly(diagnostics, 'schema.invalid-enum', ranges[0], 'minutes, hours, days, weeks', "did you mean 'hours'?", 'case-sensitive');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('rng kind enum (a unique completion is suggested)', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      rng:
        kind: «pcg»
    `);
    expectOnly(diagnostics, 'schema.invalid-enum', ranges[0], '`rng.kind` must be one of pcg32, mt19937, xoshiro256', "did you mean 'pcg32'?");
  });

  test('a topology kind used as a node kind says where it belongs', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: q
          kind: «queue»
    `);
    expectOnly(diagnostics, 'schema.unknown-node-kind', ranges[0], "node 'q': `queue` is a topology kind", 'topology.nodes');
  });

  test('a miscased node kind gets a did-you-mean and a fix', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: c
          kind: «Const»
          values: [1]
    `);
    const d = expectOnly(diagnostics, 'schema.unknown-node-kind', ranges[0], "did you mean 'const'?");
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });
});

describe('ranges and empty values', () => {
  test('grid.bins above 10000', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: «20000», binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.out-of-range', ranges[0], '`grid.bins` must be between 1 and 10000, found the number 20000');
  });

  test('a probability above 1 names its position', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2]
            probabilities: [0.5, «1.5»]
    `);
    expectOnly(diagnostics, 'schema.out-of-range', ranges[0], "`pmf.probabilities[1]` of pmf node 'p' must be between 0 and 1");
  });

  test('a route weight must be greater than 0', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: r
          kind: router
          inputs: {queue: q}
          routes:
            - target: a
              weight: «0»
    `);
    expectOnly(diagnostics, 'schema.out-of-range', ranges[0], "`weight` of routes[0] of router node 'r' must be greater than 0");
  });

  test('parallelism below 1 is one finding, not one per alternative', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      topology:
        nodes:
          - id: S
            kind: serviceWithBuffer
            semantics: {arrivals: a, served: a, parallelism: «0»}
    `);
    const d = expectOnly(diagnostics, 'schema.out-of-range', ranges[0], "`semantics.parallelism` of topology node 'S' must be a number >= 1 or a string");
    assert.doesNotMatch(d.message, /schema|match/);
  });

  test('an empty node list and an empty classes list', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes: «[]»
      classes: «[]»
    `);
    assert.equal(diagnostics.length, 2);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [
        ['schema.empty-list', ranges[0]],
        ['schema.empty-list', ranges[1]],
      ],
    );
    assert.match(diagnostics[1].message, /remove `classes`/);
  });

  test('an empty expr', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: «""»
    `);
    expectOnly(diagnostics, 'schema.empty-text', ranges[0], "`expr` of expr node 'a' must not be empty");
  });
});

describe('name patterns', () => {
  test('a node id with a dash', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: «my-node»
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.invalid-pattern', ranges[0], "node id 'my-node' is not valid", 'letter or `_`');
  });

  test('an output file name must end in .csv or .txt', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      outputs:
        - series: a
          as: «a.json»
    `);
    expectOnly(diagnostics, 'schema.invalid-pattern', ranges[0], "output file name 'a.json' is not valid", '.csv or .txt');
  });

  test('a class id with a space', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      classes:
        - id: «Big Order»
    `);
    expectOnly(diagnostics, 'schema.invalid-pattern', ranges[0], "class id 'Big Order' is not valid");
  });
});

describe('cross-field rules', () => {
  test('a route needs classes or weight: one finding on its target', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: r
          kind: router
          inputs: {queue: q}
          routes:
            - target: «a»
    `);
    expectOnly(diagnostics, 'schema.route-needs-classes-or-weight', ranges[0], "routes[0] of router node 'r' needs `classes` or `weight`");
  });

  test('with classes declared, an arrival must name its classId (S12)', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: ingest
          kind: const
          values: [1]
      classes:
        - id: Order
      traffic:
        arrivals:
          - nodeId: «ingest»
            pattern: {kind: constant, ratePerBin: 1}
    `);
    expectOnly(diagnostics, 'schema.class-id-required', ranges[0], "arrival for node 'ingest' requires `classId`", 'declares `classes`');
  });

  test('without classes an arrival needs no classId', () => {
    const { diagnostics } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: ingest
          kind: const
          values: [1]
      traffic:
        arrivals:
          - nodeId: ingest
            pattern: {kind: poisson, rate: 2}
    `);
    assert.deepEqual(diagnostics, []);
  });
});
