// Layout of the preview: big models stay legible (no overlapping boxes, labels fit), edges meet the shapes, cycles keep every node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModelGraph } from '../../../core/src/preview/graph';
import { LOOP_ROOM, layoutModelGraph } from '../../../core/src/preview/layout';
import type { PlacedNode, PreviewLayout } from '../../../core/src/preview/layout';
import { renderPreviewSvg } from '../../../core/src/preview/render-svg';
import { polygonOutline } from '../../../core/src/preview/shapes';
import { textWidth } from '../../../core/src/preview/text';
import { generatePipelineModel, pipelineNodeCount } from './generate';
import { nodeTags } from './xml-check';

function overlaps(a: PlacedNode, b: PlacedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertNoOverlap(layout: PreviewLayout): void {
  const nodes = layout.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      assert.ok(!overlaps(nodes[i], nodes[j]), `${nodes[i].node.key} overlaps ${nodes[j].node.key}`);
    }
  }
}

test('a 200-node generated model: every node placed, no two node boxes overlap, all inside the canvas', () => {
  const model = generatePipelineModel(25);
  const graph = buildModelGraph(model);
  assert.equal(graph.nodes.length, pipelineNodeCount(25));
  assert.ok(graph.nodes.length >= 200);
  const layout = layoutModelGraph(graph);
  assert.equal(layout.nodes.length, graph.nodes.length);
  assertNoOverlap(layout);
  for (const n of layout.nodes) {
    assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width && n.y + n.height <= layout.height, n.node.key);
  }
  for (const e of layout.edges) {
    for (const p of e.points) assert.ok(p.x >= 0 && p.y >= 0 && p.x <= layout.width && p.y <= layout.height);
  }
});

test('the rendered SVG places each node where the layout put it (read back from the transforms)', () => {
  const model = generatePipelineModel(25);
  const layout = layoutModelGraph(buildModelGraph(model));
  const svg = renderPreviewSvg(model);
  const tags = nodeTags(svg);
  assert.equal(tags.length, layout.nodes.length);
  const header = Number(/<g class="graph" transform="translate\(0,([\d.]+)\)">/.exec(svg)![1]);
  const byId = new Map(layout.nodes.map((n) => [`${n.node.layer}:${n.node.id}`, n]));
  for (const tag of tags) {
    const [, id, layer, x, y] = /data-node-id="([^"]*)".*data-layer="([^"]*)" transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(tag)!;
    const n = byId.get(`${layer}:${id}`)!;
    assert.ok(Math.abs(Number(x) - n.x) <= 0.05 && Math.abs(Number(y) - (n.y + n.shapeTop)) <= 0.05, id);
  }
  const root = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
  assert.ok(Number(root[1]) >= layout.width && Number(root[2]) >= header + layout.height - 1);
});

test('labels are never shrunk: every box is wider than its label, and text size is fixed', () => {
  const long = 'x'.repeat(60);
  const model = generatePipelineModel(4);
  (model.nodes as unknown[]).push({ id: long, kind: 'router', inputs: { queue: 'stage_0_served' }, routes: [{ target: 'stage_1_served', weight: 1 }] });
  const layout = layoutModelGraph(buildModelGraph(model));
  for (const n of layout.nodes) assert.ok(n.width >= textWidth(n.label) + 16, `${n.node.id} (${n.width} for ${n.label})`);
  const svg = renderPreviewSvg(model);
  assert.match(svg, /\.lb\{font:12px /);
  const outsideStyle = svg.replace(/<style>[^<]*<\/style>/, '');
  assert.ok(!/font|scale\(/.test(outsideStyle), 'no per-node font sizes and no scaling');
});

test('edge routes start and end on the real outline of each shape, not on its bounding box', () => {
  const layout = layoutModelGraph(buildModelGraph(generatePipelineModel(3)));
  const byKey = new Map(layout.nodes.map((n) => [n.node.key, n]));
  let checked = 0;
  for (const e of layout.edges) {
    if (e.selfLoop) continue;
    const ends: [{ x: number; y: number }, PlacedNode][] = [
      [e.points[0], byKey.get(e.edge.from)!],
      [e.points[e.points.length - 1], byKey.get(e.edge.to)!],
    ];
    for (const [p, n] of ends) {
      const outline = polygonOutline(n.visual.shape, n.width, n.shapeHeight).map((q) => ({ x: q.x + n.x, y: q.y + n.y + n.shapeTop }));
      const d = Math.min(...outline.map((a, i) => distanceToSegment(p, a, outline[(i + 1) % outline.length])));
      assert.ok(d < 0.5, `${e.edge.from} -> ${e.edge.to}: end ${d.toFixed(2)} from the ${n.visual.shape} of ${n.node.id}`);
      checked++;
    }
  }
  assert.ok(checked > 40);
  const shapes = new Set(layout.nodes.map((n) => n.visual.shape));
  for (const s of ['rect', 'pill', 'dice', 'hexagon', 'cylinder']) assert.ok(shapes.has(s as never), s);
});

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

test('cycles and self-loops keep every node; the loop stays inside the node box', () => {
  const graph = buildModelGraph({
    nodes: [
      { id: 'a', kind: 'expr', expr: 'b' },
      { id: 'b', kind: 'expr', expr: 'a + SHIFT(b, 1)' },
      { id: 'c', kind: 'expr', expr: 'c + 1' },
      { id: 'd', kind: 'expr', expr: 'SHIFT(d, 2)' },
    ],
  });
  const layout = layoutModelGraph(graph);
  assert.deepEqual(layout.nodes.map((n) => n.node.id), ['a', 'b', 'c', 'd']);
  assertNoOverlap(layout);
  const loops = layout.edges.filter((e) => e.selfLoop);
  assert.deepEqual(loops.map((e) => e.edge.from), ['node:b', 'node:c', 'node:d']);
  for (const loop of loops) {
    const n = layout.nodes.find((x) => x.node.key === loop.edge.from)!;
    assert.equal(n.shapeTop, LOOP_ROOM);
    // The Bézier lies within the hull of its control points; the curve itself reaches 3/4 of their height.
    const [p0, c1, c2, p3] = loop.points;
    const apex = 0.125 * p0.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * p3.y;
    assert.ok(apex >= n.y && p0.y === n.y + LOOP_ROOM && p3.y === n.y + LOOP_ROOM, n.node.id);
  }
  assert.equal(layout.edges.filter((e) => !e.selfLoop).length, 2);
});

test('a graph with the same structure re-uses the layout, bound to the new graph objects; a new edge lays out again', () => {
  const graph = buildModelGraph(generatePipelineModel(25));
  const first = layoutModelGraph(graph);
  // Same structure, different details the layout ignores (fading): positions identical, node objects the new ones.
  const faded = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, hidden: true } : n)) };
  const again = layoutModelGraph(faded);
  assert.deepEqual(again.nodes.map((n) => [n.node.key, n.x, n.y]), first.nodes.map((n) => [n.node.key, n.x, n.y]));
  const hiddenOne = again.nodes.find((n) => n.node.key === graph.nodes[0].key);
  assert.equal(hiddenOne?.node.hidden, true);
  assert.equal(first.nodes.find((n) => n.node.key === graph.nodes[0].key)?.node.hidden, false, 'the first layout was not changed');
  // Re-used, not recomputed: the routes are the very arrays of the first layout (dagre would build new ones).
  assert.ok(again.edges.length > 0 && again.edges.every((e, i) => e.points === first.edges[i].points));
  const a = graph.nodes[0].key;
  const b = graph.nodes[graph.nodes.length - 1].key;
  const moreEdges = { ...graph, edges: [...graph.edges, { from: b, to: a, type: 'expr' as const, lagged: true }] };
  const changed = layoutModelGraph(moreEdges);
  assert.equal(changed.edges.length, first.edges.length + 1);
  assert.ok(changed.edges.every((e) => !first.edges.some((f) => f.points === e.points)));
});
