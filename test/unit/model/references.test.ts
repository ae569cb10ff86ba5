// Dangling references from outputs, serviceWithBuffer and router nodes, dispatch capacity and traffic arrivals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, errors, expectNone, expectOne, show } from './fixture';

// Indented to sit under \`nodes:\` inside the fixtures below.
const DEMAND = `
        - id: demand
          kind: const
          values: [1, 2, 3, 4]
        - id: served
          kind: expr
          expr: "demand * 0.5"`;

describe('outputs (S18)', () => {
  test('an unknown series is an error on the value with a typo suggestion', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
      outputs:
        - series: «servd»
    `);
    const d = expectOne(diagnostics, 'model.unknown-output-series', ranges[0], "Output series 'servd' does not match any node id", "did you mean 'served'?");
    assert.equal(d.severity, 'error');
  });

  test('a case-only mismatch says so', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
      outputs:
        - series: «Served»
    `);
    expectOne(diagnostics, 'model.unknown-output-series', ranges[0], "did you mean 'served'?", 'only the case differs');
  });

  test('a far-off name gets no suggestion', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
      outputs:
        - series: «throughput»
    `);
    const d = expectOne(diagnostics, 'model.unknown-output-series', ranges[0]);
    assert.ok(!d.message.includes('did you mean'), d.message);
  });

  test('`*` and node ids are accepted', () => {
    const { diagnostics } = checkBody(`
      nodes:${DEMAND}
      outputs:
        - series: "*"
        - series: served
          as: served.csv
    `);
    assert.deepEqual(diagnostics, []);
  });
});

describe('serviceWithBuffer nodes', () => {
  test('unknown inflow/loss and a blank outflow (C16)', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
        - id: buffer
          kind: serviceWithBuffer
          inflow: «demnd»
          outflow: «""»
          loss: «lost»
    `);
    const unknown = diagnostics.filter((d) => d.code === 'model.unknown-node');
    assert.equal(unknown.length, 2, show(diagnostics));
    assert.deepEqual(unknown[0].range, ranges[0]);
    assert.match(unknown[0].message, /inflow of serviceWithBuffer node 'buffer' is 'demnd', which is not a node id \(did you mean 'demand'\?\)/);
    assert.deepEqual(unknown[1].range, ranges[2]);
    assert.match(unknown[1].message, /loss of serviceWithBuffer node 'buffer' is 'lost'/);
    expectOne(diagnostics, 'model.blank-reference', ranges[1], 'outflow of serviceWithBuffer node', 'is empty');
  });

  test('known references give no errors', () => {
    const { diagnostics } = checkBody(`
      nodes:${DEMAND}
        - id: buffer
          kind: serviceWithBuffer
          inflow: demand
          outflow: served
          dispatchSchedule:
            periodBins: 2
            capacitySeries: demand
    `);
    assert.deepEqual(errors(diagnostics), [], show(diagnostics));
  });

  test('dispatchSchedule.capacitySeries must name a node, on nodes and topology nodes', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
        - id: buffer
          kind: serviceWithBuffer
          inflow: demand
          outflow: served
          dispatchSchedule:
            periodBins: 2
            capacitySeries: «cap»
      topology:
        nodes:
          - id: Stage
            kind: service
            semantics: { arrivals: demand, served: served }
            dispatchSchedule:
              periodBins: 2
              capacitySeries: «capacty»
    `);
    const unknown = diagnostics.filter((d) => d.code === 'model.unknown-node');
    assert.equal(unknown.length, 2, show(diagnostics));
    assert.deepEqual(unknown.map((d) => d.range), [ranges[0], ranges[1]]);
    assert.match(unknown[0].message, /capacitySeries of node 'buffer' is 'cap'/);
    assert.match(unknown[1].message, /capacitySeries of topology node 'Stage' is 'capacty'/);
  });
});

describe('routers', () => {
  test('unknown inputs.queue and route target', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${DEMAND}
        - id: split
          kind: router
          inputs:
            queue: «demand_q»
          routes:
            - target: served
              weight: 1
            - target: «other»
              weight: 2
    `);
    const unknown = diagnostics.filter((d) => d.code === 'model.unknown-node');
    assert.deepEqual(unknown.map((d) => d.range), [ranges[0], ranges[1]], show(diagnostics));
    assert.match(unknown[0].message, /inputs.queue of router 'split' is 'demand_q'.*did you mean 'demand'/);
    assert.match(unknown[1].message, /route target of router 'split' is 'other'/);
  });

  test('route classes must be declared when classes exist (a gap the engines leave open)', () => {
    const { diagnostics, ranges } = checkBody(`
      classes:
        - id: Gold
        - id: Silver
      nodes:${DEMAND}
        - id: split
          kind: router
          inputs:
            queue: demand
          routes:
            - target: served
              classes: [Gold, «Gld»]
    `);
    expectOne(diagnostics, 'model.unknown-class', ranges[0], "Router 'split' routes class 'Gld'", "did you mean 'Gold'?");
  });

  test('route classes are not checked when the model declares no classes', () => {
    const { diagnostics } = checkBody(`
      nodes:${DEMAND}
        - id: split
          kind: router
          inputs:
            queue: demand
          routes:
            - target: served
              classes: [Gold]
    `);
    expectNone(diagnostics, 'model.unknown-class');
    assert.deepEqual(errors(diagnostics), []);
  });
});

describe('traffic arrivals (S15, S16)', () => {
  test('an unknown nodeId and an undeclared classId', () => {
    const { diagnostics, ranges } = checkBody(`
      classes:
        - id: Order
      nodes:${DEMAND}
      traffic:
        arrivals:
          - nodeId: «ingest»
            classId: «Ordr»
            pattern: { kind: constant, ratePerBin: 2 }
    `);
    expectOne(diagnostics, 'model.unknown-node', ranges[0], "node of traffic arrival #1 is 'ingest'");
    expectOne(diagnostics, 'model.unknown-class', ranges[1], "Arrival classId 'Ordr' is not declared under classes", "did you mean 'Order'?");
  });

  test('a missing or blank classId is an error when classes are declared, on the nodeId key', () => {
    const { diagnostics, ranges } = checkBody(`
      classes:
        - id: Order
        - id: Refund
      nodes:${DEMAND}
      traffic:
        arrivals:
          - «nodeId»: demand
            pattern: { kind: constant, ratePerBin: 2 }
          - «nodeId»: demand
            classId: ""
            pattern: { kind: constant, ratePerBin: 2 }
    `);
    const hits = diagnostics.filter((d) => d.code === 'model.missing-class-id');
    assert.deepEqual(hits.map((d) => d.range), [ranges[0], ranges[1]], show(diagnostics));
    assert.match(hits[0].message, /arrival for node 'demand' must declare classId because the model declares classes \(Order, Refund\)/);
  });

  test('without classes any classId is left alone; declared classes pass', () => {
    const none = checkBody(`
      nodes:${DEMAND}
      traffic:
        arrivals:
          - nodeId: demand
            classId: Whatever
            pattern: { kind: constant }
    `);
    assert.deepEqual(none.diagnostics, []);
    const declared = checkBody(`
      classes:
        - id: Order
      nodes:${DEMAND}
      traffic:
        arrivals:
          - nodeId: demand
            classId: Order
            pattern: { kind: constant }
    `);
    assert.deepEqual(declared.diagnostics, []);
  });
});
