// Topology rules: T27–T38 (nodes, fields per kind, parallelism, exact references, required semantics, constraints, edges).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../core/src/yaml/parse';
import { checkTemplateRules } from '../../../core/src/template/rules/index';
import { fmtRange, marked } from '../../helpers/markers';
import { expectAt, onlyErrors, run, template } from './helpers';

const SVC = `    - id: Svc
      kind: service
      semantics:
        arrivals: arrivals
        served: served
`;
const topo = (nodes: string, rest = '') => template({ topology: `topology:\n  nodes:\n${nodes}${rest}` });

describe('T27 topology required', () => {
  test('no topology at all: one error on the first key, not on the whole document', () => {
    const r = run(template({ topology: '' }).replace('schemaVersion', '«schemaVersion»'));
    expectAt(r, 'template.topology-required', /needs a topology with at least one node/);
    onlyErrors(r, 'template.topology-required');
  });

  test('an empty node list is an error on `nodes`', () => {
    const r = run(template({ topology: 'topology:\n  «nodes»: []' }));
    expectAt(r, 'template.topology-required', /at least one node/);
  });
});

describe('T28 topology nodes', () => {
  test('duplicate ids are reported on the second id', () => {
    const r = run(topo(`${SVC}    - id: «Svc»\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: served\n`, '  edges:\n    - from: Svc\n      to: Svc'));
    const [d] = expectAt(r, 'template.duplicate-topology-id', /Duplicate topology node id `Svc`/);
    assert.equal(d.related?.length, 1);
    onlyErrors(r, 'template.duplicate-topology-id');
  });

  test('a blank kind and a missing semantics block', () => {
    const r = run(topo(`    - id: A\n      kind: «""»\n      semantics:\n        arrivals: arrivals\n        served: served\n    - id: «B»\n      kind: service\n`, '  edges:\n    - from: A\n      to: B'));
    const found = expectAt(r, 'template.topology-node', /./);
    assert.match(found[0].message, /`A` must define a kind/);
    assert.match(found[1].message, /`B` must define semantics/);
  });
});

describe('T29/T30 semantics per kind', () => {
  test('a sink must not define queueDepth or a non-empty retryKernel', () => {
    const r = run(topo(`    - id: Out\n      kind: sink\n      semantics:\n        arrivals: served\n        «queueDepth»: served\n        «retryKernel»: [0.5]\n`));
    const found = expectAt(r, 'template.semantics-not-allowed', /kind sink must not define semantics\./);
    assert.match(found[0].message, /queueDepth/);
    assert.match(found[1].message, /retryKernel/);
    onlyErrors(r, 'template.semantics-not-allowed', 'template.semantics-not-allowed');
  });

  test('a dependency may have an empty retryKernel', () => {
    onlyErrors(run(topo(`    - id: Db\n      kind: dependency\n      semantics:\n        arrivals: arrivals\n        served: served\n        retryKernel: []\n`)));
  });

  test('parallelism only on serviceWithBuffer', () => {
    const r = run(topo(`${SVC}        «parallelism»: 2\n`));
    expectAt(r, 'template.semantics-not-allowed', /kind service must not define semantics\.parallelism/);
    onlyErrors(r, 'template.semantics-not-allowed');
  });
});

describe('T31 parallelism', () => {
  const swb = (p: string) => topo(`    - id: Svc\n      kind: serviceWithBuffer\n      semantics:\n        arrivals: arrivals\n        served: served\n        parallelism: ${p}\n`);

  test('zero is below 1 (the Sim test case)', () => {
    const r = run(swb('«0»'));
    expectAt(r, 'template.parallelism', /parallelism must be >= 1 \(got 0\)/);
  });

  test('a reference to an unknown series', () => {
    const r = run(swb('«workers»'));
    expectAt(r, 'template.parallelism', /references unknown series `workers`/);
    onlyErrors(r, 'template.parallelism');
  });

  test('a node id, a numeric string and a file: reference are accepted by Sim', () => {
    onlyErrors(run(swb('served')));
    onlyErrors(run(swb('"3"')));
    onlyErrors(run(swb('"file:workers.csv"')));
  });
});

describe('T32 exact references', () => {
  test('unknown ids, @class, file: and self (on a service) are errors on the value, reported once', () => {
    const r = run(
      topo(`    - id: Svc\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: «"served@gold"»\n        errors: «nope»\n        capacity: «"file:cap.csv"»\n        queueDepth: «self»\n`),
    );
    const found = expectAt(r, 'template.semantics-reference', /references unknown series/);
    assert.match(found[0].message, /without `series:` or `@class`/);
    assert.match(found[1].message, /`nope`\.$/);
    assert.match(found[2].message, /accepted only for parallelism/);
    assert.match(found[3].message, /`self` is only synthesized for serviceWithBuffer, queue and dlq/);
    assert.equal(r.diagnostics.length, 4, 'no model-stage repeats (S25, Rust warnings) on the same values');
  });

  test('references are case-sensitive', () => {
    const r = run(topo(`    - id: Svc\n      kind: service\n      semantics:\n        arrivals: «Arrivals»\n        served: served\n`));
    expectAt(r, 'template.semantics-reference', /`Arrivals`/);
  });

  test('the queue Sim synthesizes counts as a node (here referenced by another node, so it is kept)', () => {
    const nodes = `${SVC}    - id: Q\n      kind: queue\n      semantics:\n        arrivals: arrivals\n        served: served\n        queueDepth: self\n`;
    const r = run(topo(nodes, '  edges:\n    - from: Svc\n      to: Q').replace('        served: served\n', '        served: served\n        failures: q_queue\n'));
    assert.equal(r.diagnostics.filter((d) => d.code === 'template.semantics-reference').length, 0);
    onlyErrors(r);
  });
});

describe('T33 retryKernel (rule module on its own; the schema rejects non-numbers first)', () => {
  test('a non-finite coefficient', () => {
    const m = marked(topo(`${SVC}        retryKernel: [0.5, «1e999»]\n`));
    const found = checkTemplateRules(parseYaml(m.text).doc).filter((d) => d.code === 'template.retry-kernel');
    assert.deepEqual(found.map((d) => fmtRange(d.range)), m.ranges.map(fmtRange));
    assert.match(found[0].message, /non-finite value at index 1/);
  });
});

describe('T5/T7/T8/T34 required semantics', () => {
  test('simulation mode needs arrivals', () => {
    const r = run(topo(`    - id: Svc\n      kind: service\n      «semantics»:\n        served: served\n`));
    expectAt(r, 'template.semantics-required', /`Svc` must define semantics\.arrivals in simulation mode/);
    onlyErrors(r, 'template.semantics-required');
  });

  test('a dependency needs served in simulation mode', () => {
    const r = run(topo(`    - id: Db\n      kind: dependency\n      «semantics»:\n        arrivals: arrivals\n`));
    expectAt(r, 'template.semantics-required', /`Db` must define semantics\.served in simulation mode/);
  });

  test('telemetry mode does not require served', () => {
    const header = `schemaVersion: 1\nmode: telemetry\nmetadata:\n  id: t\n  title: T\n  version: 1.0.0\nwindow:\n  start: 2025-01-01T00:00:00Z\n  timezone: UTC`;
    const r = run(template({ header, topology: `topology:\n  nodes:\n    - id: Db\n      kind: dependency\n      semantics:\n        arrivals: arrivals\n` }));
    assert.equal(r.diagnostics.filter((d) => d.code === 'template.semantics-required').length, 0);
  });

  test('a queue needs arrivals, then served or capacity, to synthesize its queue', () => {
    const a = run(topo(`    - id: Q\n      kind: queue\n      «semantics»:\n        errors: served\n`));
    expectAt(a, 'template.semantics-required', /`Q` must define semantics\.arrivals to synthesize queue behavior/);
    const b = run(topo(`    - id: Q\n      kind: dlq\n      «semantics»:\n        arrivals: arrivals\n`));
    expectAt(b, 'template.semantics-required', /semantics\.served \(or capacity\) to synthesize queue behavior/);
  });

  test('a sink needs arrivals', () => {
    const r = run(topo(`    - id: Out\n      kind: sink\n      «semantics»:\n        errors: served\n`));
    expectAt(r, 'template.semantics-required', /must define semantics\.arrivals for sink nodes/);
  });

  test('a sink whose served differs from arrivals without errors (T8)', () => {
    const r = run(topo(`    - id: Out\n      kind: sink\n      semantics:\n        arrivals: arrivals\n        served: «served»\n`));
    expectAt(r, 'template.sink-served', /must map semantics\.served to the same series as semantics\.arrivals/);
    onlyErrors(r, 'template.sink-served');
  });
});

describe('T35/T36 constraints', () => {
  test('unknown series, duplicate ids (case-insensitive) and unknown constraint ids', () => {
    const constraints = `  constraints:\n    - id: db\n      semantics:\n        arrivals: arrivals\n        served: «missing»\n    - id: «DB»\n      semantics:\n        arrivals: arrivals\n        served: served`;
    const r = run(topo(`    - id: Svc\n      kind: service\n      constraints: [db, «nope»]\n      semantics:\n        arrivals: arrivals\n        served: served\n`, constraints));
    expectAt(r, 'template.node-constraint', /references unknown constraint `nope`/, [r.ranges[0]]);
    const found = expectAt(r, 'template.constraint', /./, [r.ranges[1], r.ranges[2]]);
    assert.match(found[0].message, /semantics\.served references unknown series `missing`/);
    assert.match(found[1].message, /Duplicate constraint id `DB`/);
    assert.equal(r.diagnostics.length, 3, 'the model-stage constraint warning on the same value is not repeated');
  });

  test('constraints on a node while none are defined', () => {
    const r = run(topo(`    - id: Svc\n      kind: service\n      «constraints»: [db]\n      semantics:\n        arrivals: arrivals\n        served: served\n`));
    expectAt(r, 'template.node-constraint', /defines none/);
  });
});

describe('T37/T38 edges', () => {
  const two = `${SVC}    - id: B\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: served\n`;

  test('more than one node and no edges', () => {
    const r = run(topo(two).replace('topology:', '«topology»:'));
    expectAt(r, 'template.edges-required', /2 nodes but no edges/);
    onlyErrors(r, 'template.edges-required');
  });

  test('an unknown node before the port, and a blank endpoint', () => {
    const r = run(topo(two, '  edges:\n    - from: Svc:out\n      to: «C:in»\n    - from: «""»\n      to: B'));
    const found = expectAt(r, 'template.edge-endpoint', /./);
    assert.match(found[0].message, /Edge target `C` is not a topology node id/);
    assert.match(found[1].message, /must define `from`/);
  });

  test('ports after the first colon are free text', () => {
    onlyErrors(run(topo(two, '  edges:\n    - from: Svc:errors:x\n      to: B:arrivals')));
  });
});

describe('T41/T42 classes and traffic', () => {
  test('blank and duplicate class ids', () => {
    const extra = 'classes:\n  - id: gold\n  - id: «gold»';
    const r = run(template({ extra }));
    expectAt(r, 'template.class', /Duplicate class id `gold`/);
  });

  test('a constant arrival with a negative or missing ratePerBin', () => {
    const extra = 'traffic:\n  arrivals:\n    - nodeId: arrivals\n      pattern:\n        kind: constant\n        ratePerBin: «-1»\n    - nodeId: arrivals\n      «pattern»:\n        kind: constant';
    const r = run(template({ extra }));
    const found = expectAt(r, 'template.arrival', /constant arrival pattern requires ratePerBin/);
    assert.match(found[0].message, />= 0 \(got -1\)/);
    onlyErrors(r, 'template.arrival', 'template.arrival');
  });

  test('a blank nodeId', () => {
    const r = run(template({ extra: 'traffic:\n  arrivals:\n    - nodeId: «""»\n      pattern:\n        kind: poisson\n        rate: 2' }));
    expectAt(r, 'template.arrival', /must define a nodeId/);
  });

  test('without classes every arrival gets classId `*` in the model', () => {
    const r = run(template({ extra: 'traffic:\n  arrivals:\n    - nodeId: arrivals\n      pattern:\n        kind: constant\n        ratePerBin: 2' }));
    onlyErrors(r);
    assert.deepEqual((r.model?.traffic as { arrivals: unknown[] }).arrivals, [{ nodeId: 'arrivals', classId: '*', pattern: { kind: 'constant', ratePerBin: 2 } }]);
  });
});

describe('T26 outputs', () => {
  test('an empty outputs list', () => {
    const r = run(template({ outputs: '«outputs»: []' }));
    expectAt(r, 'template.outputs-required', /at least one output/);
  });
});
