// Model schema: missing keys, unknown keys and keys of another node kind, with domain messages and exact ranges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyModelFix, checkModel, expectOne, expectOnly, onlyFix } from './helpers';

describe('missing keys', () => {
  test('a missing schemaVersion is reported at the document start, with a fix that adds it', () => {
    const { text, diagnostics } = checkModel(`
      # comment
      grid:
        bins: 1
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: const
          values: [1]
    `);
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const d = expectOnly(diagnostics, 'schema.missing-key', zero, '`schemaVersion` is required');
    assert.equal(d.severity, 'error');
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('a missing grid key is reported on `grid:` and says what the key is', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      «grid»:
        bins: 4
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    expectOnly(diagnostics, 'schema.missing-key', ranges[0], 'grid` requires `binSize`', 'length of one bin');
  });

  test('a const node without values names the node and the rule, on its id', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: «demand»
          kind: const
    `);
    const d = expectOnly(diagnostics, 'schema.missing-key', ranges[0]);
    assert.equal(d.message, "const node 'demand' requires `values` (one number per grid bin)");
  });

  test('a node without kind says which kinds exist', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: «a»
          values: [1, 2]
    `);
    expectOnly(diagnostics, 'schema.missing-key', ranges[0], "node 'a' requires `kind`", 'const, expr, pmf, serviceWithBuffer or router');
  });

  test('a missing key inside a nested block is reported on that block\'s key', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      topology:
        nodes:
          - id: Svc
            kind: service
            «semantics»:
              arrivals: a
    `);
    expectOnly(diagnostics, 'schema.missing-key', ranges[0], "`semantics` of topology node 'Svc' requires `served`");
  });

  test('an edge without from/to is reported on the edge, once per key', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      topology:
        edges:
          - id: «e1»
            to: B
    `);
    expectOnly(diagnostics, 'schema.missing-key', ranges[0], "edge 'e1' requires `from`");
  });
});

describe('keys that are not allowed', () => {
  test('a key of another kind says which kind it belongs to, on the key', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: demand
          kind: const
          values: [1, 2]
          «expr»: "1"
    `);
    const d = expectOnly(diagnostics, 'schema.key-not-for-kind', ranges[0]);
    assert.equal(d.message, '`expr` is not allowed on a const node (it belongs to expr nodes)');
  });

  test('a misspelled grid key gets a did-you-mean and a rename fix', () => {
    const { text, diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      «grid»:
        bins: 2
        «binsize»: 1
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    assert.equal(diagnostics.length, 2);
    expectOne(diagnostics, 'schema.missing-key', ranges[0], 'requires `binSize`');
    const d = expectOne(diagnostics, 'schema.unknown-key', ranges[1], "`binsize` is not allowed in `grid`; did you mean 'binSize'?");
    assert.deepEqual(applyModelFix(text, onlyFix(d)).diagnostics, []);
  });

  test('an unknown top-level key is flagged on the key, with a suggestion', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      «output»:
        - series: a
    `);
    expectOnly(diagnostics, 'schema.unknown-key', ranges[0], 'not allowed at the top level of a model', "did you mean 'outputs'?");
  });

  test('without a close match the allowed keys are listed', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      rng:
        «colour»: red
    `);
    expectOnly(diagnostics, 'schema.unknown-key', ranges[0], '`colour` is not allowed in `rng`', 'allowed: kind, seed');
  });

  test('old snake_case provenance keys suggest the current name', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      provenance:
        «model_id»: m1
    `);
    expectOnly(diagnostics, 'schema.unknown-key', ranges[0], "did you mean 'modelId'?");
  });

  test('topology-node keys on a model node say where they belong', () => {
    const { diagnostics, ranges } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
          «wipLimit»: 5
    `);
    expectOnly(diagnostics, 'schema.unknown-key', ranges[0], '`wipLimit` is not allowed on an expr node', 'topology-node key');
  });

  test('topology nodes, semantics and edges accept extra keys', () => {
    const { diagnostics } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: a
          kind: expr
          expr: "1"
      topology:
        nodes:
          - id: Q
            kind: queue
            wipLimit: 10
            custom: x
            semantics: {arrivals: a, served: a, whatever: 1}
        edges:
          - {from: Q, to: Q, note: loop}
    `);
    assert.deepEqual(diagnostics, []);
  });
});
