// Wording: suggestions, value descriptions, and no JSON Schema jargon in any message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../core/src/schema/did-you-mean';
import { describeValue, typePhrase } from '../../../core/src/schema/describe';
import { mapSchemaErrors } from '../../../core/src/schema/map-errors';
import { parseYaml } from '../../../core/src/yaml/parse';
import { checkModel } from './helpers';

describe('did you mean', () => {
  test('case, separators, completions and small typos', () => {
    assert.equal(didYouMean('Hours', ['minutes', 'hours']), 'hours');
    assert.equal(didYouMean('bin_size', ['bins', 'binSize', 'binUnit']), 'binSize');
    assert.equal(didYouMean('pcg', ['pcg32', 'mt19937']), 'pcg32');
    assert.equal(didYouMean('valeus', ['values', 'metadata']), 'values');
    assert.equal(didYouMean('zzz', ['values', 'metadata']), undefined);
    assert.equal(didYouMean('values', ['values']), undefined);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ab', 'ba'), 1);
  });

  test('values and types read naturally', () => {
    assert.equal(describeValue('8'), 'the string "8"');
    assert.equal(describeValue(''), 'an empty value');
    assert.equal(describeValue([]), 'an empty list');
    assert.equal(describeValue({}), 'a mapping');
    assert.equal(typePhrase('number,array,string'), 'a number, a list or a string');
  });
});

describe('messages', () => {
  test('a document with many kinds of mistakes never mentions schemas, arms or JSON pointers', () => {
    const { diagnostics } = checkModel(`
      schemaVersion: "1"
      grid: {bins: 0, binSize: x, binUnit: Days, extra: 1}
      nodes:
        - {id: a-b, kind: const, values: [1, "2"], expr: 1}
        - {id: b, kind: queue}
        - {id: c}
        - {id: r, kind: router, inputs: {}, routes: [{target: x, weight: -1}, {target: y}]}
        - {id: p, kind: pmf, pmf: {values: [], probabilities: [2]}}
      outputs:
        - {as: x.json}
      classes: []
      traffic: {arrivals: []}
      topology:
        nodes: [{id: T, kind: service, semantics: {arrivals: a, parallelism: 0}}]
        edges: [{from: T, type: bogus, lag: 1.5}]
      rng: {seed: -1}
      provenance: {mode: live}
    `);
    assert.ok(diagnostics.length >= 20, `only ${diagnostics.length}`);
    for (const d of diagnostics) {
      assert.doesNotMatch(d.message, /must match|\bschema\b|oneOf|anyOf|additionalProperties|#\/|\/nodes\/\d/i, d.message);
      assert.ok(d.code.startsWith('schema.') || d.code.startsWith('legacy.') || d.code.startsWith('csharp.'), d.code);
    }
    const keys = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}|${d.message}`);
    assert.equal(new Set(keys).size, keys.length, 'no duplicate findings');
  });
});

describe('fallback', () => {
  test('a rule without a dedicated message still reports, in domain words, on the value', () => {
    const doc = parseYaml('grid:\n  start: 2025-01-01T00:00:00Z\n').doc;
    const ds = mapSchemaErrors(
      [{ keyword: 'maxLength', instancePath: '/grid/start', schemaPath: '#/x/maxLength', params: { limit: 3 }, message: 'must NOT have more than 3 characters' }],
      { doc, flavor: 'model' },
    );
    assert.equal(ds.length, 1);
    assert.equal(ds[0].code, 'schema.invalid');
    assert.equal(ds[0].message, '`grid.start`: must NOT have more than 3 characters');
    assert.deepEqual(ds[0].range, { start: { line: 1, character: 9 }, end: { line: 1, character: 29 } });
  });
});
