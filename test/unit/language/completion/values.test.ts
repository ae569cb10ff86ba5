// Value completion: kinds and enums, node ids wherever a reference goes, topology ids and ports, classes, profiles.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRange, completeAt, entry, MODEL, ordered } from './helpers';

const TOPOLOGY = `${MODEL}
  - id: queue
    kind: serviceWithBuffer
    inflow: demand
    outflow: served
topology:
  constraints:
    - id: db
      semantics:
        arrivals: demand
        served: served
  nodes:
    - id: Intake
      kind: serviceWithBuffer
      semantics:
        arrivals: demand
        served: served
    - id: Pack
      kind: service
      semantics:
        arrivals: served
        served: served
`;

const NODE_IDS = ['demand', 'capacity', 'served'];

describe('enum values', () => {
  test('after `kind: ` in a node: the five kinds', () => {
    const c = completeAt('nodes:\n  - id: a\n    kind: ‸\n');
    assert.deepEqual(c.labels, ['const', 'expr', 'pmf', 'serviceWithBuffer', 'router']);
    assert.equal(entry(c, 'expr').kind, 'enum');
  });

  test('only the kinds that accept the keys already written', () => {
    assert.deepEqual(completeAt('nodes:\n  - id: a\n    kind: ‸\n    values: [1]\n').labels, ['const']);
    assert.deepEqual(completeAt('nodes:\n  - id: a\n    kind: ‸\n    inflow: x\n').labels, ['serviceWithBuffer']);
  });

  test('a partial kind is replaced as a word', () => {
    assertRange(completeAt('nodes:\n  - id: a\n    kind: «ex‸»\n'));
    assertRange(completeAt('nodes:\n  - id: a\n    kind: «con‸st»\n'));
  });

  test('after a finished value and a space: nothing (a second word would break the value)', () => {
    assert.deepEqual(completeAt('nodes:\n  - id: a\n    kind: expr ‸\n').labels, []);
    assert.deepEqual(completeAt(`${MODEL}outputs:\n  - series: served ‸\n`).labels, []);
  });

  test('after `kind:` with no space, the value gets one', () => {
    assert.equal(entry(completeAt('nodes:\n  - id: a\n    kind:‸\n'), 'expr').insertText, ' expr');
  });

  test('topology kinds in topology nodes', () => {
    const c = completeAt('topology:\n  nodes:\n    - id: A\n      kind: ‸\n');
    assert.deepEqual(c.labels, ['service', 'serviceWithBuffer', 'queue', 'dlq', 'router', 'dependency', 'sink']);
  });

  test('binUnit: weeks in models, not in templates', () => {
    assert.deepEqual(completeAt('grid:\n  binUnit: ‸\n').labels, ['minutes', 'hours', 'days', 'weeks']);
    assert.deepEqual(completeAt('grid:\n  binUnit: ‸\n', 'template').labels, ['minutes', 'hours', 'days']);
  });

  test('parameter types in a template', () => {
    const c = completeAt('parameters:\n  - name: x\n    type: ‸\n', 'template');
    assert.deepEqual(c.labels, ['integer', 'number', 'boolean', 'string', 'array']);
  });

  test('edge type and measure (the model enums, also in templates)', () => {
    assert.deepEqual(completeAt('topology:\n  edges:\n    - from: A\n      type: ‸\n').labels, ['throughput', 'effort', 'terminal', 'dependency']);
    assert.ok(completeAt('topology:\n  edges:\n    - from: A\n      measure: ‸\n', 'template').labels.includes('exhaustedFailures'));
  });

  test('metadata string values that YAML would re-type are quoted', () => {
    const c = completeAt('nodes:\n  - id: a\n    kind: expr\n    metadata:\n      graph.hidden: ‸\n');
    assert.equal(entry(c, 'true').insertText, '"true"');
  });

  test('dispatch schedule kind: the only one', () => {
    assert.deepEqual(completeAt('nodes:\n  - id: q\n    dispatchSchedule:\n      kind: ‸\n').labels, ['time-based']);
  });
});

describe('node ids where a reference goes', () => {
  test('outputs series: `*` (quoted: a plain * is a YAML alias) and every node id with its kind', () => {
    const c = completeAt(`${MODEL}outputs:\n  - series: ‸\n`);
    assert.deepEqual(ordered(c), ['*', ...[...NODE_IDS].sort()]);
    assert.equal(entry(c, '*').insertText, '"*"');
    assert.equal(entry(c, 'capacity').detail, 'pmf node');
    assert.equal(entry(c, 'capacity').kind, 'node');
  });

  test('inside quotes nothing is quoted again', () => {
    const c = completeAt(`${MODEL}outputs:\n  - series: "‸"\n`);
    assert.equal(entry(c, '*').insertText, '*');
  });

  test('a partial id is the replaced word', () => {
    assertRange(completeAt(`${MODEL}outputs:\n  - series: «se‸rv»\n`));
  });

  test('topology semantics: node ids, `self` only for queueDepth', () => {
    const arrivals = completeAt(`${TOPOLOGY}    - id: C\n      kind: queue\n      semantics:\n        arrivals: ‸\n`);
    assert.ok(NODE_IDS.every((n) => arrivals.labels.includes(n)));
    assert.ok(!arrivals.labels.includes('self'));
    const depth = completeAt(`${TOPOLOGY}    - id: C\n      kind: queue\n      semantics:\n        queueDepth: ‸\n`);
    assert.equal(ordered(depth)[0], 'self');
  });

  test('after `node@` in semantics: the class ids', () => {
    const c = completeAt(`${TOPOLOGY}    - id: C\n      kind: service\n      semantics:\n        arrivals: demand@«O‸»\n`);
    assert.deepEqual(c.labels, ['Order', 'Refund']);
    assertRange(c);
  });

  test('constraint semantics', () => {
    const c = completeAt(`${MODEL}topology:\n  constraints:\n    - id: db2\n      semantics:\n        served: ‸\n`);
    assert.ok(NODE_IDS.every((n) => c.labels.includes(n)));
  });

  test('router inputs.queue and route targets: node ids without the router itself', () => {
    const queue = completeAt(`${MODEL}  - id: r\n    kind: router\n    inputs:\n      queue: ‸\n`);
    assert.ok(queue.labels.includes('demand'));
    assert.ok(!queue.labels.includes('r'));
    const target = completeAt(`${MODEL}  - id: r\n    kind: router\n    inputs:\n      queue: demand\n    routes:\n      - target: ‸\n`);
    assert.ok(target.labels.includes('served'));
    assert.ok(!target.labels.includes('r'));
  });

  test('template dependencies: node ids but not the node itself', () => {
    const c = completeAt(`${MODEL}  - id: total\n    kind: expr\n    expr: "demand"\n    dependencies: [‸]\n`, 'template');
    assert.deepEqual(c.labels, NODE_IDS);
  });

  test('inflow, outflow, loss: node ids but not the buffer itself', () => {
    for (const key of ['inflow', 'outflow', 'loss']) {
      const c = completeAt(`${MODEL}  - id: q\n    kind: serviceWithBuffer\n    ${key}: ‸\n`);
      assert.ok(NODE_IDS.every((n) => c.labels.includes(n)), key);
      assert.ok(!c.labels.includes('q'), key);
    }
  });

  test('capacitySeries in node and topology dispatch schedules', () => {
    assert.ok(completeAt(`${MODEL}  - id: q\n    kind: serviceWithBuffer\n    dispatchSchedule:\n      capacitySeries: ‸\n`).labels.includes('capacity'));
    assert.ok(completeAt(`${TOPOLOGY}    - id: C\n      dispatchSchedule:\n        capacitySeries: ‸\n`).labels.includes('capacity'));
  });

  test('traffic arrivals: nodeId takes node ids, classId the class ids', () => {
    const base = `${MODEL}traffic:\n  arrivals:\n`;
    assert.ok(completeAt(`${base}    - nodeId: ‸\n`).labels.includes('demand'));
    const cls = completeAt(`${base}    - nodeId: demand\n      classId: ‸\n`);
    assert.deepEqual(cls.labels, ['Order', 'Refund']);
    assert.equal(entry(cls, 'Order').detail, 'class · Order flow');
  });

  test('route classes, in a flow list and in a block list', () => {
    const route = `${MODEL}  - id: r\n    kind: router\n    routes:\n      - target: served\n`;
    const flow = completeAt(`${route}        classes: [Order, «R‸»]\n`);
    assert.deepEqual(flow.labels, ['Order', 'Refund']);
    assertRange(flow);
    const block = completeAt(`${route}        classes:\n          - ‸\n`);
    assert.deepEqual(block.labels, ['Order', 'Refund']);
  });
});

describe('topology ids, ports, constraints, overflow, profiles', () => {
  test('edge from/to: topology ids with their kind', () => {
    const c = completeAt(`${TOPOLOGY}  edges:\n    - from: «In‸»\n`);
    assert.deepEqual(c.labels, ['Intake', 'Pack']);
    assert.equal(entry(c, 'Intake').detail, 'topology serviceWithBuffer');
    assertRange(c);
  });

  test('editing the node part of `Node:port` replaces only the node', () => {
    assertRange(completeAt(`${TOPOLOGY}  edges:\n    - to: «In‸»:arrivals\n`));
  });

  test('after `Node:`: the semantics keys that node declares, replacing the partial port', () => {
    const c = completeAt(`${TOPOLOGY}  edges:\n    - from: Intake:«se‸»\n`);
    assert.deepEqual(c.labels, ['arrivals', 'served']);
    assert.equal(entry(c, 'served').detail, 'Intake.served = served');
    assertRange(c);
  });

  test('topology node constraints: the constraint ids', () => {
    const c = completeAt(`${TOPOLOGY}    - id: C\n      constraints: [‸]\n`);
    assert.deepEqual(c.labels, ['db']);
  });

  test('wipOverflow: loss or another topology node', () => {
    const c = completeAt(`${TOPOLOGY}    - id: C\n      kind: queue\n      wipOverflow: ‸\n`);
    assert.deepEqual(ordered(c), ['loss', 'Intake', 'Pack']);
  });

  test('builtin profile names, in a flow mapping; none for an inline profile', () => {
    const c = completeAt('nodes:\n  - id: p\n    kind: pmf\n    profile: {kind: builtin, name: ‸}\n', 'template');
    assert.deepEqual(c.labels, ['weekday-office', 'three-shift', 'hub-rush-hour']);
    assert.equal(entry(c, 'three-shift').kind, 'profile');
    const block = completeAt('nodes:\n  - id: p\n    kind: pmf\n    profile:\n      kind: builtin\n      name: «we‸»\n', 'template');
    assertRange(block);
    assert.deepEqual(completeAt('nodes:\n  - id: p\n    profile: {kind: inline, name: ‸}\n', 'template').labels, []);
  });
});

describe('template values', () => {
  const params = `
parameters:
  - name: bins
    type: integer
    default: 6
    minimum: 1
  - name: rate
    type: number
    default: 0.5
  - name: pattern
    type: array
    default: [1, 2, 3, 4, 5, 6]
  - name: feed
    type: string
    default: ""
`;

  test('`${` anywhere: the parameter names, with type and default; the brace is closed', () => {
    const c = completeAt(`${params}grid:\n  bins: \${«b‸»\n`, 'template');
    assert.deepEqual(c.labels, ['bins', 'rate', 'pattern', 'feed']);
    assert.equal(entry(c, 'bins').insertText, 'bins}');
    assert.equal(entry(c, 'bins').detail, 'integer = 6 (1..)');
    assertRange(c);
  });

  test('`${‸}` with the brace already there: just the name', () => {
    const c = completeAt(`${params}metadata:\n  title: x \${‸}\n`, 'template');
    assert.equal(entry(c, 'rate').insertText, 'rate');
  });

  test('grid.bins offers the integer parameters as placeholders', () => {
    const c = completeAt(`${params}grid:\n  bins: ‸\n`, 'template');
    assert.deepEqual(c.labels, ['${bins}']);
    assert.equal(entry(c, '${bins}').insertText, '${bins}');
  });

  test('node values offer array parameters only; source the string ones', () => {
    assert.deepEqual(completeAt(`${params}nodes:\n  - id: a\n    kind: const\n    values: ‸\n`, 'template').labels, ['${pattern}']);
    assert.deepEqual(completeAt(`${params}nodes:\n  - id: a\n    kind: const\n    source: ‸\n`, 'template').labels, ['${feed}']);
  });

  test('a model never offers placeholders', () => {
    assert.deepEqual(completeAt('grid:\n  bins: ‸\n').labels, []);
  });
});
