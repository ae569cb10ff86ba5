// What the webview gets from a graph answer: problem marks, and the summary of a model too large to lay out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SUMMARY_PROBLEM_ROWS, nodeMarks, summarizeGraph } from '../../../client/src/preview/graph-summary';
import type { GraphEdgeInfo, GraphNodeInfo } from '../../../client/src/protocol';

function n(layer: 'node' | 'topology', id: string, kind: GraphNodeInfo['kind'], errors = 0, warnings = 0): GraphNodeInfo {
  return { key: `${layer}:${id}`, id, layer, kind, rawKind: kind, hidden: false, errors, warnings };
}

const e = (from: string, to: string, type: GraphEdgeInfo['type'], lagged = false): GraphEdgeInfo => ({ from, to, type, lagged });

describe('nodeMarks', () => {
  test('only nodes with errors or warnings, with their counts', () => {
    const marks = nodeMarks([n('node', 'a', 'const'), n('node', 'b', 'expr', 2), n('topology', 'S', 'service', 0, 1), n('node', 'c', 'pmf', 1, 3)]);
    assert.deepEqual(marks, [
      { key: 'node:b', errors: 2, warnings: 0 },
      { key: 'topology:S', errors: 0, warnings: 1 },
      { key: 'node:c', errors: 1, warnings: 3 },
    ]);
  });
});

describe('summarizeGraph', () => {
  const nodes = [
    n('node', 'a', 'const'),
    n('node', 'b', 'const'),
    n('node', 'c', 'expr', 1),
    n('node', 'd', 'expr', 0, 2),
    n('node', 'e', 'expr', 3, 1),
    n('node', 'f', 'pmf'),
    n('topology', 'S', 'service'),
    n('topology', 'Q', 'queue', 0, 1),
  ];
  const edges = [e('node:a', 'node:c', 'expr'), e('node:c', 'node:c', 'expr', true), e('node:b', 'node:d', 'expr'), e('topology:S', 'topology:Q', 'flow'), e('node:a', 'topology:S', 'semantics')];
  const summary = summarizeGraph(nodes, edges);

  test('totals', () => {
    assert.equal(summary.nodes, 8);
    assert.equal(summary.edges, 5);
    assert.equal(summary.errorNodes, 2);
    assert.equal(summary.warningNodes, 3, 'e has both and counts here too');
    assert.equal(summary.problemNodes, 4);
  });

  test('kinds: series first, then topology; most common first, then by name', () => {
    assert.deepEqual(summary.byKind, [
      { layer: 'node', kind: 'expr', count: 3 },
      { layer: 'node', kind: 'const', count: 2 },
      { layer: 'node', kind: 'pmf', count: 1 },
      { layer: 'topology', kind: 'queue', count: 1 },
      { layer: 'topology', kind: 'service', count: 1 },
    ]);
  });

  test('edges by type, lagged expression edges apart', () => {
    assert.deepEqual(summary.edgesByType, [
      { type: 'expr', count: 2 },
      { type: 'expr (lagged)', count: 1 },
      { type: 'flow', count: 1 },
      { type: 'semantics', count: 1 },
    ]);
  });

  test('problem nodes: most errors first, then most warnings', () => {
    assert.deepEqual(
      summary.problems.map((p) => [p.key, p.errors, p.warnings]),
      [
        ['node:e', 3, 1],
        ['node:c', 1, 0],
        ['node:d', 0, 2],
        ['topology:Q', 0, 1],
      ],
    );
  });

  test('equal counts keep generated ids in their natural order', () => {
    const s = summarizeGraph([n('node', 'stage_10_x', 'expr', 1), n('node', 'stage_2_x', 'expr', 1), n('node', 'stage_1_x', 'expr', 1)], []);
    assert.deepEqual(s.problems.map((p) => p.id), ['stage_1_x', 'stage_2_x', 'stage_10_x']);
  });

  test('the problem list is capped, the count is not', () => {
    const many = Array.from({ length: SUMMARY_PROBLEM_ROWS + 20 }, (_, i) => n('node', `x${i}`, 'expr', 1));
    const s = summarizeGraph(many, []);
    assert.equal(s.problems.length, SUMMARY_PROBLEM_ROWS);
    assert.equal(s.problemNodes, SUMMARY_PROBLEM_ROWS + 20);
    assert.equal(summarizeGraph(many, [], 3).problems.length, 3);
  });

  test('an empty graph', () => {
    assert.deepEqual(summarizeGraph([], []), {
      nodes: 0,
      edges: 0,
      byKind: [],
      edgesByType: [],
      errorNodes: 0,
      warningNodes: 0,
      problemNodes: 0,
      problems: [],
    });
  });
});
