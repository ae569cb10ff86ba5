// Graph extraction for the DAG preview: nodes of both layers and every typed edge, with reference forms normalised.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModelGraph } from '../../../core/src/preview/graph';
import type { GraphEdge, ModelGraph } from '../../../core/src/preview/graph';

function edgeList(g: ModelGraph, type?: GraphEdge['type']): string[] {
  return g.edges
    .filter((e) => type === undefined || e.type === type)
    .map((e) => `${e.from} -> ${e.to}${e.type === 'expr' && e.lagged ? ' (lagged)' : ''}`);
}

const consts = (...ids: string[]): Record<string, unknown>[] => ids.map((id) => ({ id, kind: 'const', values: [1] }));

describe('nodes', () => {
  test('series and topology nodes get their own keys, kinds and layers', () => {
    const g = buildModelGraph({
      nodes: [
        { id: 'a', kind: 'const', values: [1] },
        { id: 'q', kind: 'servicewithbuffer', inflow: 'a', outflow: 'a' },
        { id: 'odd', kind: 'gizmo' },
        { id: 'nokind' },
        { id: 'Hub', kind: 'expr', expr: 'a' },
      ],
      topology: {
        nodes: [
          { id: 'Hub', kind: 'service', semantics: {} },
          { id: 'Q', kind: 'Queue' },
          { id: 'D', kind: 'dlq' },
          { id: 'R', kind: 'router' },
          { id: 'Dep', kind: 'dependency' },
          { id: 'S1', kind: 'sink' },
          { id: 'S2', kind: 'service', nodeRole: 'sink' },
          { id: 'W', kind: 'serviceWithBuffer' },
          { id: 'X', kind: 'whatever' },
          { id: 'Y' },
        ],
      },
    });
    const summary = g.nodes.map((n) => `${n.key}=${n.kind}`);
    assert.deepEqual(summary, [
      'node:Hub=expr',
      'node:a=const',
      'node:nokind=unknown',
      'node:odd=unknown',
      'node:q=serviceWithBuffer',
      'topology:D=dlq',
      'topology:Dep=dependency',
      'topology:Hub=service',
      'topology:Q=queue',
      'topology:R=router',
      'topology:S1=sink',
      'topology:S2=sink',
      'topology:W=serviceWithBuffer',
      'topology:X=service',
      'topology:Y=service',
    ]);
    assert.equal(g.nodes.find((n) => n.key === 'node:odd')!.rawKind, 'gizmo');
    assert.equal(g.nodes.find((n) => n.key === 'topology:Hub')!.id, 'Hub');
  });

  test('entries without a usable id are left out; the first of duplicate ids wins', () => {
    const g = buildModelGraph({
      nodes: [{ id: 'a', kind: 'expr', expr: 'b' }, { id: 'a', kind: 'const' }, { kind: 'const' }, { id: '  ' }, { id: 7 }, 'x', null, ...consts('b')],
    });
    assert.deepEqual(g.nodes.map((n) => `${n.id}:${n.kind}`), ['a:expr', 'b:const']);
    assert.deepEqual(edgeList(g), ['node:b -> node:a']);
  });

  test('metadata graph.hidden "true" marks a node hidden; anything else does not', () => {
    const g = buildModelGraph({
      nodes: [
        { id: 'h', kind: 'const', metadata: { 'graph.hidden': 'true' } },
        { id: 'H', kind: 'const', metadata: { 'graph.hidden': 'True' } },
        { id: 'v', kind: 'const', metadata: { 'graph.hidden': 'false' } },
        { id: 'u', kind: 'const', metadata: { 'ui.hidden': 'true' } },
      ],
    });
    assert.deepEqual(g.nodes.filter((n) => n.hidden).map((n) => n.id), ['H', 'h']);
  });
});

describe('expression edges', () => {
  test('every referenced node feeds the expression; functions and unknown names do not', () => {
    const g = buildModelGraph({
      nodes: [...consts('a', 'b', 'min'), { id: 'x', kind: 'expr', expr: 'a + MIN(b, 2) * min / ghost' }],
    });
    assert.deepEqual(edgeList(g), ['node:a -> node:x', 'node:b -> node:x', 'node:min -> node:x']);
  });

  test('SHIFT(x, lag >= 1) is lagged; a reference also used same-bin, or SHIFT(x, 0), is not', () => {
    const g = buildModelGraph({
      nodes: [
        ...consts('a', 'b', 'c', 'd'),
        { id: 'x', kind: 'expr', expr: 'SHIFT(a, 1) + b + SHIFT(b, 2) + SHIFT(c, 0) + shift(d, 3)' },
      ],
    });
    assert.deepEqual(edgeList(g), [
      'node:a -> node:x (lagged)',
      'node:b -> node:x',
      'node:c -> node:x',
      'node:d -> node:x (lagged)',
    ]);
  });

  test('a node that SHIFTs itself gets a lagged self edge', () => {
    const g = buildModelGraph({ nodes: [...consts('in'), { id: 'q', kind: 'expr', expr: 'SHIFT(q, 1) + in' }] });
    assert.deepEqual(edgeList(g), ['node:in -> node:q', 'node:q -> node:q (lagged)']);
  });

  test('an expression that does not parse adds no edges and does not throw', () => {
    const g = buildModelGraph({ nodes: [...consts('a'), { id: 'x', kind: 'expr', expr: 'a + (' }, { id: 'y', kind: 'expr', expr: 42 }] });
    assert.deepEqual(edgeList(g), []);
    assert.equal(g.nodes.length, 3);
  });

  test('expressions reference series nodes, not topology nodes', () => {
    const g = buildModelGraph({
      nodes: [{ id: 'x', kind: 'expr', expr: 'Hub + 1' }],
      topology: { nodes: [{ id: 'Hub', kind: 'service' }] },
    });
    assert.deepEqual(edgeList(g), []);
  });
});

describe('semantics edges', () => {
  test('series:, @class and whitespace are stripped; self, file: and unknown ids are ignored', () => {
    const g = buildModelGraph({
      nodes: consts('arr', 'srv', 'err', 'cap', 'par', 'att', 'ext'),
      topology: {
        nodes: [
          {
            id: 'Svc',
            kind: 'service',
            semantics: {
              arrivals: 'series:arr',
              served: 'srv@gold',
              errors: ' series:err@gold ',
              queueDepth: 'SELF',
              capacity: 'file:cap.csv',
              attempts: 'FILE:att.csv',
              parallelism: 'par',
              externalDemand: '@ext',
              retryEcho: 'ghost',
              aliases: { arrivals: 'ext' },
              backoffStrategy: 'ext',
            },
          },
        ],
      },
    });
    assert.deepEqual(edgeList(g, 'semantics'), ['node:arr -> topology:Svc', 'node:err -> topology:Svc', 'node:par -> topology:Svc', 'node:srv -> topology:Svc']);
  });

  test('a numeric parallelism is not a reference; queueDepth naming a series is', () => {
    const g = buildModelGraph({
      nodes: consts('depth', '2'),
      topology: { nodes: [{ id: 'Q', kind: 'queue', semantics: { parallelism: 2, queueDepth: 'depth' } }] },
    });
    assert.deepEqual(edgeList(g), ['node:depth -> topology:Q']);
  });

  test('dispatchSchedule.capacitySeries and wipLimitSeries on a topology node are semantics edges', () => {
    const g = buildModelGraph({
      nodes: consts('capx', 'wip'),
      topology: { nodes: [{ id: 'W', kind: 'serviceWithBuffer', dispatchSchedule: { periodBins: 2, capacitySeries: 'capx' }, wipLimitSeries: 'wip' }] },
    });
    assert.deepEqual(edgeList(g, 'semantics'), ['node:capx -> topology:W', 'node:wip -> topology:W']);
  });

  test('one object listed in both nodes and topology.nodes (a YAML alias) gets the edges of both roles', () => {
    const shared = { id: 'S', kind: 'expr', expr: 'a', semantics: { arrivals: 'a', served: 'S' } };
    const g = buildModelGraph({ nodes: [...consts('a'), shared], topology: { nodes: [shared] } });
    assert.deepEqual(edgeList(g), ['node:S -> topology:S', 'node:a -> node:S', 'node:a -> topology:S']);
  });

  test('a series and a topology node may share an id: the edge joins the two layers', () => {
    const g = buildModelGraph({ nodes: consts('Hub'), topology: { nodes: [{ id: 'Hub', semantics: { arrivals: 'Hub' } }] } });
    assert.deepEqual(edgeList(g), ['node:Hub -> topology:Hub']);
  });
});

describe('flow edges', () => {
  test('ports are stripped, duplicates collapse, unknown endpoints are skipped', () => {
    const g = buildModelGraph({
      topology: {
        nodes: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
        edges: [
          { from: 'A:out', to: 'B:in' },
          { from: 'A:errors', to: 'B:arrivals' },
          { from: 'B', to: 'C' },
          { from: 'C:out', to: 'Nowhere:in' },
          { from: 'A:out' },
          { from: 3, to: 'B' },
          'junk',
        ],
      },
    });
    assert.deepEqual(edgeList(g, 'flow'), ['topology:A -> topology:B', 'topology:B -> topology:C']);
  });

  test('Rust-style source/target edges are drawn too', () => {
    const g = buildModelGraph({ topology: { nodes: [{ id: 'A' }, { id: 'B' }], edges: [{ source: 'A:out', target: 'B:in' }] } });
    assert.deepEqual(edgeList(g, 'flow'), ['topology:A -> topology:B']);
  });

  test('wipOverflow to another topology node is a flow edge; loss is not', () => {
    const g = buildModelGraph({
      topology: { nodes: [{ id: 'A', wipOverflow: 'B' }, { id: 'B', wipOverflow: 'loss' }, { id: 'C', wipOverflow: 'Nope' }] },
    });
    assert.deepEqual(edgeList(g, 'flow'), ['topology:A -> topology:B']);
  });
});

describe('buffer and router edges', () => {
  test('serviceWithBuffer inflow, outflow, loss and dispatch capacity feed the buffer', () => {
    const g = buildModelGraph({
      nodes: [
        ...consts('in', 'out', 'lost', 'cap'),
        { id: 'buf', kind: 'serviceWithBuffer', inflow: 'in', outflow: 'out', loss: 'lost', dispatchSchedule: { periodBins: 2, capacitySeries: 'cap' } },
      ],
    });
    assert.deepEqual(edgeList(g, 'buffer'), ['node:cap -> node:buf', 'node:in -> node:buf', 'node:lost -> node:buf', 'node:out -> node:buf']);
  });

  test('router: inputs.queue -> router -> each route target (C# shape)', () => {
    const g = buildModelGraph({
      nodes: [
        ...consts('q', 't1', 't2'),
        { id: 'r', kind: 'router', inputs: { queue: 'q' }, routes: [{ target: 't1', weight: 1 }, { target: 't2', classes: ['a'] }, { target: 'ghost' }, 5] },
      ],
    });
    assert.deepEqual(edgeList(g, 'router'), ['node:q -> node:r', 'node:r -> node:t1', 'node:r -> node:t2']);
  });

  test('router: the Rust nested router: block is read too', () => {
    const g = buildModelGraph({
      nodes: [...consts('q', 't'), { id: 'r', kind: 'router', router: { inputs: { queue: 'q' }, routes: [{ target: 't' }] } }],
    });
    assert.deepEqual(edgeList(g, 'router'), ['node:q -> node:r', 'node:r -> node:t']);
  });
});

test('output is sorted and deduplicated whatever the input order', () => {
  const model = {
    nodes: [...consts('b', 'a'), { id: 'x', kind: 'expr', expr: 'b + a + a + SHIFT(b, 1)' }],
    topology: { nodes: [{ id: 'T', semantics: { arrivals: 'x', served: 'x' } }] },
  };
  const g = buildModelGraph(model);
  assert.deepEqual(g.nodes.map((n) => n.key), ['node:a', 'node:b', 'node:x', 'topology:T']);
  assert.deepEqual(edgeList(g), ['node:a -> node:x', 'node:b -> node:x', 'node:x -> topology:T']);
  const reversed = { ...model, nodes: [...model.nodes].reverse() };
  assert.deepEqual(buildModelGraph(reversed), g);
});
