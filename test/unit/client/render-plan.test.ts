// How the preview asks for graphs (debounce, SVG or not) and what it shows for each kind of answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_DEBOUNCE_MS,
  MAX_DEBOUNCE_MS,
  SVG_NODE_LIMIT,
  classifyGraph,
  debounceDelay,
  wantSvg,
} from '../../../client/src/preview/render-plan';
import type { GraphNodeInfo, GraphResult } from '../../../client/src/protocol';

function node(i: number): GraphNodeInfo {
  return { key: `node:n${i}`, id: `n${i}`, layer: 'node', kind: 'const', rawKind: 'const', hidden: false, errors: 0, warnings: 0 };
}

function result(nodes: number, svg: string, kind: GraphResult['kind'] = 'model'): GraphResult {
  return { kind, version: 3, nodes: Array.from({ length: nodes }, (_, i) => node(i)), edges: [], svg };
}

describe('debounceDelay', () => {
  test('small documents wait the base delay', () => {
    assert.equal(debounceDelay(1), BASE_DEBOUNCE_MS);
    assert.equal(debounceDelay(500), BASE_DEBOUNCE_MS);
  });

  test('longer documents wait 1 ms more per 10 lines past 500, up to the cap', () => {
    assert.equal(debounceDelay(510), BASE_DEBOUNCE_MS + 1);
    assert.equal(debounceDelay(2500), BASE_DEBOUNCE_MS + 200);
    assert.equal(debounceDelay(35000), MAX_DEBOUNCE_MS);
  });

  test('never less than the last request took, still capped', () => {
    assert.equal(debounceDelay(10, 40), BASE_DEBOUNCE_MS);
    assert.equal(debounceDelay(10, 900), 900);
    assert.equal(debounceDelay(10, 60000), MAX_DEBOUNCE_MS);
  });
});

describe('wantSvg', () => {
  test('a known node count decides', () => {
    assert.equal(wantSvg(SVG_NODE_LIMIT, 1e6), true);
    assert.equal(wantSvg(SVG_NODE_LIMIT + 1, 10), false);
    assert.equal(wantSvg(0, 1e6), true);
  });

  test('an unknown count: short documents ask for the SVG, long ones probe with the bare graph first', () => {
    assert.equal(wantSvg(undefined, 40), true);
    assert.equal(wantSvg(undefined, SVG_NODE_LIMIT), true);
    assert.equal(wantSvg(undefined, SVG_NODE_LIMIT + 1), false);
  });
});

describe('classifyGraph', () => {
  test('null: the server does not have the document', () => {
    assert.deepEqual(classifyGraph(null, true, false), { kind: 'missing' });
  });

  test('unknown kind: not a FlowTime document', () => {
    assert.deepEqual(classifyGraph(result(0, '', 'unknown'), true, false), { kind: 'not-flowtime' });
  });

  test('a graph with its SVG is drawn, for models and templates', () => {
    assert.deepEqual(classifyGraph(result(3, '<svg/>'), true, false), { kind: 'svg' });
    assert.deepEqual(classifyGraph(result(3, '<svg/>', 'template'), true, true), { kind: 'svg' });
  });

  test('over the limit: the summary, whether or not the SVG came along', () => {
    assert.deepEqual(classifyGraph(result(SVG_NODE_LIMIT + 1, ''), false, false), { kind: 'summary' });
    assert.deepEqual(classifyGraph(result(SVG_NODE_LIMIT + 1, '<svg/>'), true, false), { kind: 'summary' });
    assert.deepEqual(classifyGraph(result(SVG_NODE_LIMIT, '<svg/>'), true, false), { kind: 'svg' });
  });

  test('a small graph asked for without the SVG is asked for again with it', () => {
    assert.deepEqual(classifyGraph(result(SVG_NODE_LIMIT, ''), false, false), { kind: 'needs-svg' });
  });

  test('no SVG although asked for: no readable model', () => {
    assert.deepEqual(classifyGraph(result(2, ''), true, false), { kind: 'no-model' });
  });

  test('an empty graph is an unfinished edit only when the document has errors', () => {
    assert.deepEqual(classifyGraph(result(0, '<svg/>'), true, true), { kind: 'no-model' });
    assert.deepEqual(classifyGraph(result(0, '<svg/>'), true, false), { kind: 'svg' });
  });
});
