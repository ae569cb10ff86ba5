// broken(pointer): structural errors make their subtree (and what contains it) broken; unknown keys never do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModel } from './helpers';

describe('broken()', () => {
  test('a valid model has nothing broken', () => {
    const { result } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: const, values: [1]}
    `);
    assert.equal(result.broken(''), false);
    assert.equal(result.broken('/nodes/0'), false);
  });

  test('a node missing its kind key is broken, its id is not, and its siblings are not', () => {
    const { result } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: demand, kind: const}
        - {id: b, kind: expr, expr: demand}
    `);
    assert.equal(result.broken('/nodes/0'), true);
    assert.equal(result.broken('/nodes/0/id'), false);
    assert.equal(result.broken('/nodes'), true);
    assert.equal(result.broken('/nodes/1'), false);
    assert.equal(result.broken('/grid'), false);
  });

  test('a bad value breaks its own pointer and its ancestors only', () => {
    const { result } = checkModel(`
      schemaVersion: 1
      grid: {bins: 0, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: const, values: [1]}
    `);
    assert.equal(result.broken('/grid/bins'), true);
    assert.equal(result.broken('/grid'), true);
    assert.equal(result.broken('/grid/binSize'), false);
  });

  test('unknown keys alone do not break anything', () => {
    const { result, diagnostics } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - {id: a, kind: const, values: [1], colour: red}
      extra: 1
    `);
    assert.equal(diagnostics.length, 2);
    assert.equal(result.broken(''), false);
    assert.equal(result.broken('/nodes/0'), false);
  });

  test('a legacy shape that hides a required key still marks the part broken', () => {
    const { result } = checkModel(`
      schemaVersion: 1
      grid: {bins: 1, binMinutes: 60}
      nodes:
        - {id: a, kind: expr, expression: "1"}
    `);
    assert.equal(result.broken('/grid'), true);
    assert.equal(result.broken('/grid/bins'), false);
    assert.equal(result.broken('/nodes/0'), true);
  });

  test('a document that is not a mapping is broken everywhere and left to the YAML stage', () => {
    const { result, diagnostics } = checkModel(`
      - just
      - a list
    `);
    assert.deepEqual(diagnostics, []);
    assert.equal(result.broken('/nodes'), true);
  });
});
