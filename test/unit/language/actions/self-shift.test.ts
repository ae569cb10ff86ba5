// Seeding a self-SHIFT: initialCondition on the topology node that maps the node, or a new topology node.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { action, actionsFor, applyChecked, errors, fixture, model, only } from './helpers';

const NODES = `
      nodes:
        - id: inflow
          kind: const
          values: [3, 3, 3, 3]
        - id: outflow
          kind: const
          values: [2, 2, 2, 2]
        - id: backlog
          kind: expr
          expr: "SHIFT(backlog, 1) + inflow - outflow"`;

describe('self-SHIFT initial condition (model.self-shift-initial-condition)', () => {
  test('adds initialCondition to the topology node whose queueDepth is the node, indented like its keys', () => {
    const f = model(`${NODES}
      topology:
        nodes:
          - id: Desk
            kind: service
            semantics:
              arrivals: inflow
              served: outflow
              queueDepth: backlog # the recurrence«»
      outputs:
        - series: backlog
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    assert.equal(act.title, "Add initialCondition.queueDepth: 0 to topology node 'Desk'");
    assert.equal(act.isPreferred, true);
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '\n      initialCondition:\n        queueDepth: 0' }]);
    const after = applyChecked(f, act);
    assert.match(after.text, /queueDepth: backlog # the recurrence\n {6}initialCondition:\n {8}queueDepth: 0\noutputs:/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('a topology node with the id of the node also seeds it (models compare ids ignoring case)', () => {
    const f = model(`${NODES}
      topology:
        nodes:
          - id: Backlog
            kind: service
            semantics: {arrivals: inflow, served: outflow}«»
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '\n      initialCondition:\n        queueDepth: 0' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('a flow-style topology node gets a flow entry', () => {
    const f = model(`${NODES}
      topology:
        nodes:
          - {id: Desk, kind: service, semantics: {arrivals: inflow, served: outflow, queueDepth: backlog}«»}
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: ', initialCondition: {queueDepth: 0}' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('without a topology: a topology block with a seeding service node is added at the end', () => {
    const f = model(`${NODES}
      outputs:
        - series: backlog«»
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    assert.equal(act.title, "Add topology node 'backlog' with queueDepth: backlog and initialCondition.queueDepth: 0");
    assert.equal(act.isPreferred, false);
    const added = [
      'topology:',
      '  nodes:',
      '    - id: backlog',
      '      kind: service',
      '      semantics:',
      '        arrivals: inflow',
      '        served: outflow',
      '        queueDepth: backlog',
      '      initialCondition:',
      '        queueDepth: 0',
    ];
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: `\n${added.join('\n')}` }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('a topology without a matching node gets a new item laid out like the others (dashes at column 2)', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
      nodes:
      - id: inflow
        kind: const
        values: [3, 3, 3, 3]
      - id: backlog
        kind: expr
        expr: "SHIFT(backlog, 1) + inflow"
      topology:
        nodes:
        - id: Backlog_queue0
          kind: service
          semantics:
            arrivals: inflow
            served: inflow«»
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    const added = [
      '  - id: backlog',
      '    kind: service',
      '    semantics:',
      '      arrivals: inflow',
      '      served: inflow',
      '      queueDepth: backlog',
      '    initialCondition:',
      '      queueDepth: 0',
    ];
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: `\n${added.join('\n')}` }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('an empty flow list of topology nodes gets a flow item', () => {
    const f = model(`${NODES}
      topology:
        nodes: «[]»
    `);
    const act = action(f, 'model.self-shift-initial-condition');
    assert.deepEqual(act.edits, [
      {
        range: f.ranges[0],
        newText: '[{id: backlog, kind: service, semantics: {arrivals: inflow, served: outflow, queueDepth: backlog}, initialCondition: {queueDepth: 0}}]',
      },
    ]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });
});

const TEMPLATE_HEAD = `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      grid: {bins: 4, binSize: 1, binUnit: hours}`;

describe('self-SHIFT initial condition in a template (template.self-shift)', () => {
  test('an empty initialCondition gets its queueDepth', () => {
    const f = fixture(
      `${TEMPLATE_HEAD}${NODES}
      topology:
        nodes:
          - id: Desk
            kind: service
            semantics: {arrivals: inflow, served: outflow, queueDepth: backlog}
            initialCondition: «{}»
        edges: []
      outputs:
        - series: backlog
    `,
      'template',
    );
    const act = action(f, 'template.self-shift');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: '{queueDepth: 0}' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('a blank initialCondition.queueDepth is set to 0', () => {
    const f = fixture(
      `${TEMPLATE_HEAD}${NODES}
      topology:
        nodes:
          - id: Desk
            kind: service
            semantics: {arrivals: inflow, served: outflow, queueDepth: backlog}
            initialCondition:
              queueDepth«:»
        edges: []
      outputs:
        - series: backlog
    `,
      'template',
    );
    const act = action(f, 'template.self-shift');
    assert.deepEqual(act.edits, [{ range: f.ranges[0], newText: ': 0' }]);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });

  test('Sim wants queueDepth exactly the node id: a case-different id match is not the one to seed', () => {
    const f = fixture(
      `${TEMPLATE_HEAD}${NODES}
      topology:
        nodes:
          - id: Backlog
            kind: service
            semantics: {arrivals: inflow, served: outflow}
        edges: []
      outputs:
        - series: backlog
    `,
      'template',
    );
    // One topology node and no edges: a second node would need an edge Sim cannot be given here (T37).
    assert.deepEqual(actionsFor(f, only(f, 'template.self-shift')), []);
  });

  test('with edges present, a new node is added with a free id', () => {
    const f = fixture(
      `${TEMPLATE_HEAD}${NODES}
      topology:
        nodes:
          - id: backlog
            kind: service
            semantics: {arrivals: inflow, served: outflow}
          - id: Out
            kind: sink
            semantics: {arrivals: outflow}
        edges:
          - {from: backlog, to: Out}«»
      outputs:
        - series: backlog
    `,
      'template',
    );
    const act = action(f, 'template.self-shift');
    assert.equal(act.title, "Add topology node 'backlog_queue' with queueDepth: backlog and initialCondition.queueDepth: 0");
    assert.ok(act.edits[0].newText.startsWith('\n    - id: backlog_queue\n      kind: service\n'));
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });
});
