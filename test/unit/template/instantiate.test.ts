// Template → model instantiation: shape and key order, per-kind fields, profiles, sinks, queues, outputs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../core/src/yaml/parse';
import { instantiate } from '../../../core/src/template/instantiate';
import { dedent, fmtRange, marked } from '../../helpers/markers';
import { expectAt, onlyErrors, run, template } from './helpers';

type Rec = Record<string, unknown>;

function inst(text: string) {
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.diagnostics, []);
  return instantiate(parsed.doc);
}
const nodesOf = (m: Rec) => m.nodes as Rec[];
const topoNodes = (m: Rec) => (m.topology as { nodes: Rec[] }).nodes;
const node = (m: Rec, id: string) => nodesOf(m).find((n) => n.id === id) as Rec;

describe('model shape', () => {
  const full = template({
    extra: 'mode: simulation\nrng:\n  kind: pcg32\n  seed: 1\nclasses:\n  - id: gold\ntraffic:\n  arrivals:\n    - nodeId: arrivals\n      classId: gold\n      pattern:\n        kind: constant\n        ratePerBin: 3',
  });

  test('keys in order schemaVersion, grid, classes, traffic, nodes, outputs, topology; template-only blocks dropped', () => {
    const { model } = inst(full);
    assert.deepEqual(Object.keys(model), ['schemaVersion', 'grid', 'classes', 'traffic', 'nodes', 'outputs', 'topology']);
  });

  test('deterministic: the same template gives the same model text', () => {
    assert.equal(JSON.stringify(inst(full).model), JSON.stringify(inst(full).model));
  });

  test('grid.start comes from window.start unless the grid has its own', () => {
    assert.deepEqual(inst(template()).model.grid, { bins: 4, binSize: 60, binUnit: 'minutes', start: '2025-01-01T00:00:00Z' });
    const own = inst(template({ grid: 'grid:\n  bins: 4\n  binSize: 60\n  binUnit: minutes\n  start: 2030-01-01T00:00:00Z' }));
    assert.equal((own.model.grid as Rec).start, '2030-01-01T00:00:00Z');
  });

  test('empty classes are omitted and arrivals then get classId *', () => {
    const { model } = inst(template({ extra: 'classes: []\ntraffic:\n  arrivals:\n    - nodeId: arrivals\n      pattern:\n        kind: poisson\n        rate: 2' }));
    assert.equal('classes' in model, false);
    assert.equal(((model.traffic as Rec).arrivals as Rec[])[0].classId, '*');
  });
});

describe('node fields per kind', () => {
  const nodes = `nodes:
  - id: arrivals
    kind: const
    values: [1, 2, 3, 4]
    source: file://a.csv
    group: g
    metadata:
      graph.hidden: true
      ui.order: 3
  - id: served
    kind: expr
    expr: 0
    values: [9]
    dependencies: []
  - id: buf
    kind: serviceWithBuffer
    inflow: arrivals
    outflow: served
    loss: served
    dispatchSchedule:
      periodBins: 2
      capacitySeries: served
    inputs:
      queue: arrivals
  - id: r
    kind: router
    inputs:
      queue: arrivals
    routes:
      - target: served
        weight: 1
    inflow: arrivals
    dispatchSchedule:
      periodBins: 2`;
  const { model } = inst(template({ nodes }));

  test('source/group/dependencies are never emitted; metadata values become strings', () => {
    assert.deepEqual(node(model, 'arrivals'), { id: 'arrivals', kind: 'const', values: [1, 2, 3, 4], metadata: { 'graph.hidden': 'true', 'ui.order': '3' } });
  });

  test('an expr keeps expr (as the string Sim reads) and drops values', () => {
    assert.deepEqual(node(model, 'served'), { id: 'served', kind: 'expr', expr: '0' });
  });

  test('inflow/outflow/loss/dispatchSchedule only on serviceWithBuffer; inputs/routes only on router', () => {
    assert.deepEqual(node(model, 'buf'), {
      id: 'buf',
      kind: 'serviceWithBuffer',
      inflow: 'arrivals',
      outflow: 'served',
      loss: 'served',
      dispatchSchedule: { periodBins: 2, capacitySeries: 'served' },
    });
    assert.deepEqual(node(model, 'r'), { id: 'r', kind: 'router', inputs: { queue: 'arrivals' }, routes: [{ target: 'served', weight: 1 }] });
  });
});

describe('profiled pmf nodes become const', () => {
  const pmfNode = (profile: string) =>
    template({
      nodes: `nodes:\n  - id: arrivals\n    kind: pmf\n    pmf:\n      values: [10, 20]\n      probabilities: [0.25, 0.75]\n    profile:\n${profile}\n  - id: served\n    kind: expr\n    expr: "arrivals"`,
    });

  test('builtin: values[t] = E[pmf] × w[t] with mean-1 weights, and the origin metadata as strings', () => {
    const { model } = inst(pmfNode('      kind: builtin\n      name: Weekday-Office'));
    const n = node(model, 'arrivals');
    assert.equal(n.kind, 'const');
    assert.deepEqual(Object.keys(n), ['id', 'kind', 'values', 'metadata']);
    assert.deepEqual(n.metadata, { 'origin.kind': 'pmf', 'profile.kind': 'builtin', 'profile.name': 'Weekday-Office', 'pmf.expected': '17.5' });
    const values = n.values as number[];
    assert.equal(values.length, 4);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    assert.ok(Math.abs(mean - 17.5) < 1e-5, `mean ${mean}`);
    assert.ok(values.every((v) => Number.isInteger(Math.round(v * 1e6)) && Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6), 'six decimals');
  });

  test('inline: weights normalized to mean 1; no profile.name', () => {
    const { model } = inst(pmfNode('      kind: inline\n      weights: [1, 1, 2, 4]'));
    const n = node(model, 'arrivals');
    assert.deepEqual(n.values, [8.75, 8.75, 17.5, 35]);
    assert.deepEqual(n.metadata, { 'origin.kind': 'pmf', 'profile.kind': 'inline', 'pmf.expected': '17.5' });
  });

  test('pmf.expected uses the round-trip (G17) format', () => {
    const { model } = inst(template({
      nodes: 'nodes:\n  - id: arrivals\n    kind: pmf\n    pmf:\n      values: [8, 12, 16, 20, 26]\n      probabilities: [0.1, 0.2, 0.3, 0.25, 0.15]\n    profile:\n      name: hub-rush-hour\n  - id: served\n    kind: expr\n    expr: "arrivals"',
    }));
    assert.equal((node(model, 'arrivals').metadata as Rec)['pmf.expected'], '16.899999999999999');
  });

  test('a pmf without profile stays a pmf', () => {
    const { model } = inst(template({ nodes: 'nodes:\n  - id: arrivals\n    kind: pmf\n    pmf:\n      values: [1]\n      probabilities: [1]\n  - id: served\n    kind: expr\n    expr: "arrivals"' }));
    assert.deepEqual(node(model, 'arrivals'), { id: 'arrivals', kind: 'pmf', pmf: { values: [1], probabilities: [1] } });
  });
});

describe('sink synthesis', () => {
  const sink = (semantics: string, extraNodes = '') =>
    template({
      topology: `topology:\n  nodes:\n    - id: Svc\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: served\n    - id: DeliveredHere\n      kind: sink\n      semantics:\n${semantics}\n  edges:\n    - from: Svc\n      to: DeliveredHere`,
      nodes: `nodes:\n  - id: arrivals\n    kind: const\n    values: [1, 2, 3, 4]\n  - id: served\n    kind: expr\n    expr: "arrivals"${extraNodes}`,
    });

  test('without served and errors, served becomes arrivals and no node is added', () => {
    const { model } = inst(sink('        arrivals: served'));
    assert.equal(nodesOf(model).length, 2);
    assert.deepEqual(topoNodes(model)[1].semantics, { arrivals: 'served', served: 'served' });
  });

  test('with errors, a hidden expr node {snake}_served = MAX(0, arrivals - errors) is added and used as served', () => {
    const { model } = inst(sink('        arrivals: served\n        errors: arrivals'));
    assert.deepEqual(nodesOf(model)[2], { id: 'delivered_here_served', kind: 'expr', expr: 'MAX(0, served - arrivals)', metadata: { 'graph.hidden': 'true' } });
    assert.equal((topoNodes(model)[1].semantics as Rec).served, 'delivered_here_served');
  });

  test('the synthesized id gets a suffix when taken (case-insensitively)', () => {
    const { model } = inst(sink('        arrivals: served\n        errors: arrivals', '\n  - id: Delivered_Here_Served\n    kind: expr\n    expr: "1"'));
    assert.equal(nodesOf(model)[3].id, 'delivered_here_served_1');
  });
});

describe('queue synthesis: the engine path and the fallback', () => {
  const queueTemplate = (semantics: string, opts: { id?: string; nodes?: string; outputs?: string; dispatch?: string } = {}) =>
    template({
      topology: `topology:\n  nodes:\n    - id: ${opts.id ?? 'Intake'}\n      kind: serviceWithBuffer\n      semantics:\n${semantics}${opts.dispatch ?? ''}`,
      nodes: `nodes:\n  - id: arrivals\n    kind: const\n    values: [1, 2, 3, 4]\n  - id: served\n    kind: expr\n    expr: "arrivals"${opts.nodes ?? ''}`,
      ...(opts.outputs ? { outputs: opts.outputs } : {}),
    });
  const SEM = '        arrivals: arrivals\n        served: served\n        errors: served\n        queueDepth: self';

  test('engine path: no queueDepth, no node; dispatchSchedule stays on the topology node; parallelism defaults to 1', () => {
    const { model, diagnostics } = inst(queueTemplate(SEM, { dispatch: '\n      dispatchSchedule:\n        periodBins: 2' }));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(nodesOf(model).map((n) => n.id), ['arrivals', 'served']);
    assert.deepEqual(topoNodes(model)[0], {
      id: 'Intake',
      kind: 'serviceWithBuffer',
      dispatchSchedule: { periodBins: 2 },
      semantics: { arrivals: 'arrivals', served: 'served', errors: 'served', parallelism: 1 },
    });
  });

  test('engine path: an output naming the queue is left out with an info on that output', () => {
    const r = run(queueTemplate(SEM, { outputs: 'outputs:\n  - series: served\n  - series: «intake_queue»\n    as: q.csv' }));
    expectAt(r, 'template.engine-synthesized-output', /`intake_queue` is the queue the engines synthesize for topology node `Intake`.*Both engines still compute the series/);
    assert.equal(r.diagnostics.find((d) => d.code === 'template.engine-synthesized-output')?.severity, 'info');
    assert.deepEqual(r.model?.outputs, [{ series: 'served' }, { series: 'arrivals' }]);
    onlyErrors(r);
  });

  test('fallback: an expression uses the queue name → Sim\'s hidden serviceWithBuffer node and a Rust warning', () => {
    const source = queueTemplate(SEM.replace('queueDepth: self', 'queueDepth: «self»'), { nodes: '\n  - id: backlog_alarm\n    kind: expr\n    expr: "intake_queue * 2"', dispatch: '\n      dispatchSchedule:\n        periodBins: 2' });
    const r = run(source);
    const [w] = expectAt(r, 'rust.synthesized-queue-node', /`Intake` gets Sim's hidden queue node `intake_queue`.*referenced by the expression of node `backlog_alarm`.*Rust engine rejects/);
    assert.equal(w.severity, 'warning');
    onlyErrors(r);
    const m = r.model as Rec;
    assert.deepEqual(nodesOf(m)[3], {
      id: 'intake_queue',
      kind: 'serviceWithBuffer',
      inflow: 'arrivals',
      outflow: 'served',
      loss: 'served',
      dispatchSchedule: { periodBins: 2 },
      metadata: { 'graph.hidden': 'true' },
    });
    assert.equal((topoNodes(m)[0].semantics as Rec).queueDepth, 'intake_queue');
    assert.deepEqual((topoNodes(m)[0].dispatchSchedule as Rec), { periodBins: 2 }, 'the topology node keeps its schedule too');
    assert.equal(r.diagnostics.filter((d) => d.code === 'rust.service-with-buffer-node').length, 0, 'not warned twice');
  });

  test('fallback: outflow is served, else capacity', () => {
    const { model } = inst(queueTemplate('        arrivals: arrivals\n        capacity: served\n        queueDepth: backlog'));
    assert.equal(node(model, 'backlog').outflow, 'served');
    assert.equal(node(model, 'backlog').inflow, 'arrivals');
  });

  test('fallback reasons: a custom queue name, a taken default name, names that differ between engines', () => {
    const custom = inst(queueTemplate('        arrivals: arrivals\n        served: served\n        queueDepth: backlog'));
    assert.match(custom.diagnostics[0].message, /semantics\.queueDepth names it `backlog`, a name only Sim gives it \(the engines use `intake_queue`\)/);
    const taken = inst(queueTemplate(SEM, { nodes: '\n  - id: intake_queue\n    kind: expr\n    expr: "1"' }));
    assert.equal(nodesOf(taken.model)[3].id, 'intake_queue_1');
    assert.match(taken.diagnostics[0].message, /`intake_queue` is already a node id, so Sim names the queue `intake_queue_1`/);
    const acronym = inst(queueTemplate(SEM, { id: 'HTTPIngress' }));
    assert.equal(nodesOf(acronym.model)[2].id, 'h_t_t_p_ingress_queue');
    assert.match(acronym.diagnostics[0].message, /C# engine would name the queue `h_t_t_p_ingress_queue` but the Rust engine `http_ingress_queue`/);
  });

  test('a queueDepth that names an existing node synthesizes nothing', () => {
    const { model, diagnostics } = inst(queueTemplate('        arrivals: arrivals\n        served: served\n        queueDepth: served'));
    assert.deepEqual(diagnostics, []);
    assert.equal(nodesOf(model).length, 2);
    assert.equal((topoNodes(model)[0].semantics as Rec).queueDepth, 'served');
  });
});

describe('outputs', () => {
  test('EnsureSemanticsOutputs appends every semantics reference not yet an output (case-insensitive), without as', () => {
    const { model } = inst(template({ outputs: 'outputs:\n  - series: SERVED\n    as: s.csv\n    exclude: [x]\n    id: legacy\n  - series: "*"' }));
    assert.deepEqual(model.outputs, [{ series: 'SERVED', as: 's.csv', exclude: ['x'] }, { series: '*' }, { series: 'arrivals' }]);
  });

  test('edges get the C# default weight 1', () => {
    const { model } = inst(template({
      topology: 'topology:\n  nodes:\n    - id: A\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: served\n    - id: B\n      kind: service\n      semantics:\n        arrivals: served\n        served: served\n  edges:\n    - from: A:out\n      to: B:in\n      type: throughput',
    }));
    assert.deepEqual((model.topology as Rec).edges, [{ from: 'A:out', to: 'B:in', weight: 1, type: 'throughput' }]);
  });
});

describe('generated document', () => {
  test('appended outputs, synthesized pieces and defaults locate where they came from', () => {
    const src = dedent(`
      schemaVersion: 1
      metadata:
        id: t
        title: T
        version: 1.0.0
      window:
        start: 2025-01-01T00:00:00Z
        timezone: UTC
      grid:
        bins: 4
        binSize: 60
        binUnit: minutes
      topology:
        nodes:
          - id: Q
            kind: «serviceWithBuffer»
            semantics:
              arrivals: «arrivals»
              served: served
              errors: «served»
              queueDepth: «backlog»
          - id: Out
            kind: sink
            semantics:
              arrivals: «served»
              errors: «arrivals»
        edges:
          - from: Q
            to: Out
      nodes:
        - id: arrivals
          kind: const
          values: [1, 2, 3, 4]
        - id: served
          kind: expr
          expr: "arrivals"
      outputs:
        - series: served
    `);
    const m = marked(src);
    const r = inst(m.text);
    const doc = r.modelDoc;
    const at = (p: string) => fmtRange(doc.locate(p));
    const [kind, arrivals, errors, backlog, sinkArrivals, sinkErrors] = m.ranges.map(fmtRange);
    assert.equal(at('/topology/nodes/0/semantics/parallelism'), kind, 'the default parallelism points at the kind that caused it');
    assert.equal(at('/nodes/2'), backlog, 'the synthesized queue node points at its queueDepth');
    assert.equal(at('/nodes/2/inflow'), arrivals);
    assert.equal(at('/nodes/2/loss'), errors);
    const outputs = r.model.outputs as Rec[];
    const k = outputs.findIndex((o) => o.series === 'arrivals');
    assert.equal(at(`/outputs/${k}/series`), arrivals, 'an appended output points at the semantics reference that caused it');
    // The sink's synthesized expr maps each reference onto the semantics value it was copied from.
    const expr = (r.model.nodes as Rec[])[3].expr as string;
    assert.equal(expr, 'MAX(0, served - arrivals)');
    assert.equal(fmtRange(doc.locateInString('/nodes/3/expr', 7, 13)), sinkArrivals);
    assert.equal(fmtRange(doc.locateInString('/nodes/3/expr', 16, 24)), sinkErrors);
    // Rewritten values have no node of their own; copied ones keep theirs.
    assert.equal(doc.node('/topology/nodes/0/semantics/queueDepth')?.type, 'scalar');
    assert.equal(doc.node('/nodes/2/kind'), undefined);
    assert.equal(doc.node('/topology/nodes/1/semantics'), undefined, 'the sink semantics gained `served`, so the template map no longer describes it');
    assert.equal(doc.node('/nodes/1/expr')?.type, 'scalar');
  });
});
