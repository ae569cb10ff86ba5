// Node rules: ids (T15), kinds (T16), const (T17), profiled pmfs (T18–T21), dependencies (T23), self-SHIFT (T39).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAt, onlyErrors, run, template } from './helpers';

const BASE_NODES = `nodes:
  - id: arrivals
    kind: const
    values: [1, 2, 3, 4]
  - id: served
    kind: expr
    expr: "arrivals"`;

/** The base template with more nodes appended (written at column 2, as list items). */
const withNodes = (extra: string, header?: string) => template({ nodes: `${BASE_NODES}\n${extra}`, ...(header ? { extra: header } : {}) });

describe('T15 node ids', () => {
  test('a duplicate id (ordinal) is reported once, on the second id, with the first as related', () => {
    const nodes = `nodes:
  - id: arrivals
    kind: const
    values: [1, 2, 3, 4]
  - id: «served»
    kind: expr
    expr: "arrivals"
  - id: «served»
    kind: expr
    expr: "arrivals"`;
    const r = run(template({ nodes }));
    const [d] = expectAt(r, 'template.duplicate-node-id', /Duplicate node id `served`/, [r.ranges[1]]);
    assert.deepEqual(d.related?.map((x) => x.range), [r.ranges[0]]);
    onlyErrors(r, 'template.duplicate-node-id');
  });

  test('ids that differ only in case are not duplicates for Sim', () => {
    const r = run(withNodes('  - id: Served\n    kind: expr\n    expr: "arrivals"'));
    assert.equal(r.diagnostics.filter((d) => d.code === 'template.duplicate-node-id').length, 0);
  });
});

describe('T16 node kinds', () => {
  test('a kind in the wrong case is one error on the kind (the schema names the right spelling)', () => {
    const r = run(withNodes('  - id: x\n    kind: «Const»\n    values: [1, 2, 3, 4]'));
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error').length, 1);
    const [d] = r.diagnostics;
    assert.deepEqual(d.range, r.ranges[0]);
    assert.match(d.message, /const/);
  });
});

describe('T17 const nodes', () => {
  test('a const with neither values nor source is one error on its id', () => {
    const r = run(withNodes('  - id: «x»\n    kind: const'));
    expectAt(r, 'template.const-values', /Const node `x` must specify values or a telemetry source/);
    onlyErrors(r, 'template.const-values');
  });

  test('a const with only a source produces a model the schema rejects: one error saying so', () => {
    const r = run(withNodes('  - id: «x»\n    kind: const\n    source: file://demand.csv'));
    expectAt(r, 'template.const-source-only', /only a telemetry source.*no `values`.*Engine schema rejects the model/);
    onlyErrors(r, 'template.const-source-only');
  });

  test('a blank source counts as no source', () => {
    const r = run(withNodes('  - id: «x»\n    kind: const\n    source: ""'));
    expectAt(r, 'template.const-values', /must specify values/);
  });
});

const PROFILED = (pmf: string, profile = '      kind: builtin\n      name: three-shift') => `  - id: x\n    kind: pmf\n    pmf:\n${pmf}\n    profile:\n${profile}`;

describe('T18–T20 pmf of a profiled node (tolerance 1e-10)', () => {
  test('probabilities summing to 0.9 are an error on the probabilities', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: «[0.5, 0.4]»')));
    expectAt(r, 'template.pmf-sum', /must sum to 1\.0 within 1e-10 \(received 0\.9\)/);
    onlyErrors(r, 'template.pmf-sum');
  });

  test('a sum off by 1e-6 passes the model tolerance but not the template one', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: «[0.5, 0.499999]»')));
    expectAt(r, 'template.pmf-sum', /within 1e-10/);
  });

  test('values and probabilities of different lengths', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2, 3]\n      probabilities: «[0.5, 0.5]»')));
    expectAt(r, 'template.pmf', /3 values but 2 probabilities/);
    onlyErrors(r, 'template.pmf');
  });

  test('empty values', () => {
    const r = run(withNodes(PROFILED('      values: «[]»\n      probabilities: [1]')));
    assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === r.ranges[0].start.line));
  });

  test('an unprofiled pmf is checked once, by the model stage, with the template tolerance', () => {
    const r = run(withNodes('  - id: x\n    kind: pmf\n    pmf:\n      values: [1, 2]\n      probabilities: «[0.5, 0.4]»'));
    expectAt(r, 'model.pmf-sum', /tolerance 1e-10/);
    onlyErrors(r, 'model.pmf-sum');
  });
});

describe('T21 profiles', () => {
  test('an unknown builtin name is an error on the name', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: builtin\n      name: «weekend»')));
    expectAt(r, 'template.profile', /unknown builtin profile `weekend`; known profiles are weekday-office, three-shift, hub-rush-hour/);
    onlyErrors(r, 'template.profile');
  });

  test('builtin names are case-insensitive', () => {
    onlyErrors(run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      name: Hub-Rush-Hour'))));
  });

  test('a profile kind other than builtin/inline', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: «curve»')));
    expectAt(r, 'template.profile', /profile kind `curve` is not supported/);
  });

  test('a builtin profile without a name', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: builtin').replace('    profile:', '    «profile»:')));
    expectAt(r, 'template.profile', /a builtin profile needs a `name`/);
  });

  test('inline weights of length 2 with bins 4 (the Sim test case)', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: inline\n      weights: «[1, 2]»')));
    expectAt(r, 'template.profile', /inline profile has 2 weights but grid\.bins is 4/);
    onlyErrors(r, 'template.profile');
  });

  test('a negative inline weight is an error on that weight', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: inline\n      weights: [1, 2, «-1», 1]')));
    expectAt(r, 'template.profile', /weight at index 2 is negative/);
  });

  test('all-zero inline weights have no positive average', () => {
    const r = run(withNodes(PROFILED('      values: [1, 2]\n      probabilities: [0.5, 0.5]', '      kind: inline\n      weights: «[0, 0, 0, 0]»')));
    expectAt(r, 'template.profile', /positive average/);
  });
});

describe('T23 dependencies', () => {
  test('missing and unused dependencies are both errors', () => {
    const r = run(withNodes('  - id: x\n    kind: expr\n    expr: "arrivals + served"\n    «dependencies»: [arrivals, «other»]'));
    const found = expectAt(r, 'template.dependencies', /./);
    assert.match(found[0].message, /Missing dependencies for node `x`: `served`/);
    assert.match(found[1].message, /declares unused dependency `other`/);
    onlyErrors(r, 'template.dependencies', 'template.dependencies');
  });

  test('matching dependencies, or an empty list, are fine', () => {
    onlyErrors(run(withNodes('  - id: x\n    kind: expr\n    expr: "MAX(arrivals, served)"\n    dependencies: [served, arrivals]')));
    onlyErrors(run(withNodes('  - id: x\n    kind: expr\n    expr: "arrivals"\n    dependencies: []')));
  });
});

describe('T39 self-SHIFT', () => {
  test('SHIFT(x, 1) on itself without a topology initial condition is one error on the call', () => {
    const r = run(withNodes('  - id: x\n    kind: expr\n    expr: "arrivals + «SHIFT(x, 1)»"'));
    expectAt(r, 'template.self-shift', /`x` uses SHIFT on itself.*queueDepth: x/);
    onlyErrors(r, 'template.self-shift');
  });

  test('a topology node with queueDepth == id and an initial queueDepth satisfies it', () => {
    const topology = `topology:
  nodes:
    - id: Svc
      kind: service
      semantics:
        arrivals: arrivals
        served: served
        queueDepth: x
      initialCondition:
        queueDepth: 5`;
    const r = run(template({ topology, nodes: `${BASE_NODES}\n  - id: x\n    kind: expr\n    expr: "arrivals + SHIFT(x, 1)"` }));
    onlyErrors(r);
  });

  test('Sim is stricter than the model: an initialCondition without queueDepth == id is not enough', () => {
    const topology = `topology:
  nodes:
    - id: x
      kind: service
      semantics:
        arrivals: arrivals
        served: served
      initialCondition:
        queueDepth: 5`;
    const r = run(template({ topology, nodes: `${BASE_NODES}\n  - id: x\n    kind: expr\n    expr: "«SHIFT(x, 2)»"` }));
    expectAt(r, 'template.self-shift', /requires an initial condition/);
  });

  test('a null initial queueDepth counts as missing', () => {
    const topology = `topology:
  nodes:
    - id: Svc
      kind: service
      semantics:
        arrivals: arrivals
        served: served
        queueDepth: x
      initialCondition:
        queueDepth: null`;
    const r = run(template({ topology, nodes: `${BASE_NODES}\n  - id: x\n    kind: expr\n    expr: "«SHIFT(x, 1)»"` }));
    expectAt(r, 'template.self-shift', /initial condition/);
  });
});
