// Property tests: the preview never throws on malformed models and always yields well-formed SVG with every node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildModelGraph } from '../../../core/src/preview/graph';
import { renderPreviewSvg } from '../../../core/src/preview/render-svg';
import { attributeValues, xmlProblems } from './xml-check';

test('arbitrary JSON values never throw and always give well-formed SVG', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
      for (const value of [json, anything, { nodes: json, topology: anything }, { nodes: [anything], topology: { nodes: [json], edges: [anything] } }]) {
        buildModelGraph(value);
        assert.deepEqual(xmlProblems(renderPreviewSvg(value)), []);
      }
    }),
    { numRuns: 150 },
  );
});

const IDS = ['a', 'b', 'c', 'Q', 'R', '<x&y>', 'min', 'a:out', ' a '];
const id = fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 6 }), fc.jsonValue());
const ref = fc.oneof(
  id,
  fc.constantFrom('self', 'file:x.csv', 'series:a', 'b@c', '@c', 'series:', 'a:out', 'Q:in', 'R'),
);
const expr = fc.oneof(
  fc.constantFrom('a + b', 'SHIFT(a, 1)', 'SHIFT(c, 0) + c', 'MIN(a, b) / min', 'a +', '((', 'CONV(a, [1, 2])', 'c + SHIFT(c, 2)'),
  fc.string({ maxLength: 12 }),
  fc.jsonValue(),
);
const seriesNode = fc.record(
  {
    id,
    kind: fc.oneof(fc.constantFrom('const', 'expr', 'pmf', 'serviceWithBuffer', 'router', 'EXPR', 'x'), fc.jsonValue()),
    expr,
    inflow: ref,
    outflow: ref,
    loss: ref,
    inputs: fc.oneof(fc.record({ queue: ref }), fc.jsonValue()),
    routes: fc.oneof(fc.array(fc.record({ target: ref }), { maxLength: 3 }), fc.jsonValue()),
    router: fc.record({ inputs: fc.record({ queue: ref }), routes: fc.array(fc.record({ target: ref }), { maxLength: 2 }) }),
    dispatchSchedule: fc.record({ capacitySeries: ref }),
    metadata: fc.oneof(fc.record({ 'graph.hidden': fc.constantFrom('true', 'false', 'TRUE') }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const topologyNode = fc.record(
  {
    id,
    kind: fc.oneof(fc.constantFrom('service', 'queue', 'dlq', 'sink', 'router', 'dependency', 'serviceWithBuffer'), fc.jsonValue()),
    nodeRole: fc.constantFrom('sink', 'x'),
    semantics: fc.oneof(fc.dictionary(fc.constantFrom('arrivals', 'served', 'errors', 'queueDepth', 'parallelism', 'aliases'), ref), fc.jsonValue()),
    wipOverflow: ref,
    wipLimitSeries: ref,
  },
  { requiredKeys: [] },
);
const edge = fc.record({ from: ref, to: ref, source: ref, target: ref }, { requiredKeys: [] });
const modelish = fc.record(
  {
    nodes: fc.oneof(fc.array(fc.oneof(seriesNode, fc.jsonValue()), { maxLength: 8 }), fc.jsonValue()),
    topology: fc.oneof(
      fc.record(
        { nodes: fc.array(fc.oneof(topologyNode, fc.jsonValue()), { maxLength: 5 }), edges: fc.array(edge, { maxLength: 5 }) },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

test('model-shaped random values never throw, stay well-formed and draw every node exactly once', () => {
  fc.assert(
    fc.property(modelish, (model) => {
      const graph = buildModelGraph(model);
      const keys = graph.nodes.map((n) => n.key);
      assert.equal(new Set(keys).size, keys.length, 'unique node keys');
      for (const e of graph.edges) assert.ok(keys.includes(e.from) && keys.includes(e.to), 'edges join known nodes');
      const svg = renderPreviewSvg(model, { title: 'fuzz' });
      assert.deepEqual(xmlProblems(svg), []);
      assert.equal(attributeValues(svg, 'data-node-id').length, graph.nodes.length);
      assert.equal(renderPreviewSvg(model, { title: 'fuzz' }), svg, 'deterministic');
    }),
    { numRuns: 150 },
  );
});
