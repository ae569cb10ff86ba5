// Strongly connected components, Kahn order and "did you mean" helpers used by the model rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cyclicComponents, kahnOrder, stronglyConnectedComponents } from '../../../core/src/model/scc';
import { didYouMean, editDistance } from '../../../core/src/model/suggest';
import { parseSeriesRef } from '../../../core/src/model/series-ref';

const sorted = (cs: number[][]) => cs.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);

describe('stronglyConnectedComponents', () => {
  test('finds components, self-loops and singletons', () => {
    // 0 → 1 → 2 → 0, 3 → 3, 4 → 0
    const deps = [[1], [2], [0], [3], [0]];
    assert.deepEqual(sorted(stronglyConnectedComponents(deps)), [[0, 1, 2], [3], [4]]);
    assert.deepEqual(sorted(cyclicComponents(deps)), [[0, 1, 2], [3]]);
  });

  test('handles a 100,000-vertex chain without recursion', () => {
    const n = 100_000;
    const deps = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const cs = cyclicComponents(deps);
    assert.equal(cs.length, 1);
    assert.equal(cs[0].length, n);
  });
});

describe('kahnOrder', () => {
  test('FIFO with ties broken by index, as both engines order nodes', () => {
    // deps[i] = what i needs: 0 needs 2, 1 needs nothing, 2 needs nothing, 3 needs 1
    assert.deepEqual(kahnOrder([[2], [], [], [1]]), [1, 2, 3, 0]);
    assert.equal(kahnOrder([[1], [0]]), undefined);
  });
});

describe('suggestions', () => {
  test('edit distance with an early exit', () => {
    assert.equal(editDistance('served', 'servd'), 1);
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });

  test('did you mean: case first, then the nearest close name', () => {
    assert.match(didYouMean('Demand', ['demand', 'Demand2']), /did you mean 'demand'\? only the case differs/);
    assert.equal(didYouMean('servd', ['served', 'demand']), " (did you mean 'served'?)");
    assert.equal(didYouMean('zzz', ['served']), '');
  });
});

describe('parseSeriesRef', () => {
  test('self, file:, series: prefix, @class, blanks and empty node ids', () => {
    assert.deepEqual(parseSeriesRef('  '), { kind: 'blank' });
    assert.deepEqual(parseSeriesRef(' SELF '), { kind: 'self' });
    assert.deepEqual(parseSeriesRef('File:x.csv'), { kind: 'file' });
    assert.deepEqual(parseSeriesRef('@Gold'), { kind: 'empty-node' });
    assert.deepEqual(parseSeriesRef('series: '), { kind: 'empty-node' });
    assert.deepEqual(parseSeriesRef(' series:a @ Gold'), { kind: 'node', nodeId: 'a', nodeStart: 8, nodeEnd: 9, classId: 'Gold', classStart: 12, classEnd: 16 });
    assert.deepEqual(parseSeriesRef('a@'), { kind: 'node', nodeId: 'a', nodeStart: 0, nodeEnd: 1 });
  });
});
