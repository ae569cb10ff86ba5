// Topology: semantics references (S25, C4, self, @class, parallelism), required series (C20), queue synthesis
// (C2/C3), edge endpoints, node constraints and constraint semantics.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, errors, expectNone, expectOne, show, withCode } from './fixture';

const NODES = `
        - id: orders
          kind: const
          values: [1, 2, 3, 4]
        - id: done
          kind: const
          values: [1, 2, 3, 4]
        - id: workers
          kind: const
          values: [2, 2, 2, 2]`;

describe('semantics series references (S25)', () => {
  test('an unknown node id is an error on the id', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: «order»
              served: done
    `);
    const d = expectOne(diagnostics, 'model.unknown-series-reference', ranges[0], "semantics.arrivals of topology node 'Svc' is 'order'", "did you mean 'orders'?");
    assert.equal(d.severity, 'error');
  });

  test('the series: prefix and @class suffix are stripped; the range covers the node id only', () => {
    const { diagnostics, ranges } = checkBody(`
      classes:
        - id: Gold
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: "series:orders@Gold"
              served: " series:«dne»@Gold "
              errors: "SERIES:done"
    `);
    expectOne(diagnostics, 'model.unknown-series-reference', ranges[0], "is 'dne'", "did you mean 'done'?");
    expectNone(diagnostics, 'model.unknown-class');
  });

  test('an undeclared @class is an error on the class id, only when classes exist', () => {
    const { diagnostics, ranges } = checkBody(`
      classes:
        - id: Gold
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: "orders@«Gld»"
              served: done
    `);
    expectOne(diagnostics, 'model.unknown-class', ranges[0], "Class 'Gld' in semantics.arrivals of topology node 'Svc'", "did you mean 'Gold'?");
    const noClasses = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: { arrivals: "orders@Gld", served: done }
    `);
    assert.deepEqual(noClasses.diagnostics, []);
  });

  test('an empty node id such as @Gold is C4', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: «"@Gold"»
              served: done
    `);
    expectOne(diagnostics, 'model.empty-reference', ranges[0], "semantics.arrivals of topology node 'Svc' ('@Gold') has no node id");
  });

  test('self is fine for queueDepth, an error elsewhere unless the topology id is a node; file: is exempt', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: orders
              served: «self»
              queueDepth: self
              attempts: "file:attempts.csv"
          - id: orders
            kind: service
            semantics:
              arrivals: self
              served: done
    `);
    expectOne(diagnostics, 'model.self-reference', ranges[0], "semantics.served of topology node 'Svc' is 'self'", "topology node id 'Svc'", 'Only semantics.queueDepth');
    assert.deepEqual(errors(diagnostics).length, 1, show(diagnostics));
  });

  test('parallelism: numbers and numeric strings are literals, other strings name series', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: A
            kind: serviceWithBuffer
            semantics: { arrivals: orders, served: done, parallelism: 2 }
          - id: B
            kind: serviceWithBuffer
            semantics: { arrivals: orders, served: done, parallelism: " 3 " }
          - id: C
            kind: serviceWithBuffer
            semantics: { arrivals: orders, served: done, parallelism: workers }
          - id: D
            kind: serviceWithBuffer
            semantics: { arrivals: orders, served: done, parallelism: «workerz» }
    `);
    expectOne(diagnostics, 'model.unknown-series-reference', ranges[0], "semantics.parallelism of topology node 'D' is 'workerz'", "did you mean 'workers'?");
  });

  test('every S25 field is checked', () => {
    const fields = ['errors', 'attempts', 'failures', 'exhaustedFailures', 'retryEcho', 'retryBudgetRemaining', 'externalDemand', 'queueDepth', 'capacity', 'processingTimeMsSum', 'servedCount'];
    const { diagnostics } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: orders
              served: done
${fields.map((f) => `              ${f}: missing_${f}`).join('\n')}
    `);
    const hits = withCode(diagnostics, 'model.unknown-series-reference');
    assert.deepEqual(hits.map((d) => /semantics\.(\w+)/.exec(d.message)?.[1]), fields);
  });
});

describe('required series and queue synthesis (C20, C2, C3)', () => {
  test('a queue-like node needing a synthesized queue with empty arrivals is C2; empty served without capacity is C3', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Q
            kind: queue
            semantics:
              arrivals: «""»
              served: «""»
    `);
    const hits = withCode(diagnostics, 'model.queue-synthesis');
    assert.deepEqual(hits.map((d) => d.range), [ranges[0], ranges[1]], show(diagnostics));
    assert.match(hits[0].message, /semantics.arrivals is empty, but topology node 'Q' \(queue\) gets a synthesized queue.*must define semantics.arrivals to synthesize queue depth/);
    assert.match(hits[1].message, /semantics.served is empty and there is no capacity.*served \(or capacity\)/);
  });

  test('empty served with a capacity still fails C20; kinds are compared case-insensitively', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Q
            kind: ServiceWithBuffer
            semantics:
              arrivals: orders
              served: «""»
              capacity: workers
    `);
    expectOne(diagnostics, 'model.blank-reference', ranges[0], "Topology node 'Q' must specify semantics.served");
    expectNone(diagnostics, 'model.queue-synthesis');
  });

  test('no synthesis when queueDepth names a node: empty arrivals is plain C20', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Q
            kind: dlq
            semantics:
              arrivals: «"  "»
              served: done
              queueDepth: workers
          - id: S
            kind: service
            semantics:
              arrivals: orders
              served: «""»
    `);
    const hits = withCode(diagnostics, 'model.blank-reference');
    assert.deepEqual(hits.map((d) => d.range), [ranges[0], ranges[1]], show(diagnostics));
    assert.match(hits[0].message, /Topology node 'Q' must specify semantics.arrivals/);
    expectNone(diagnostics, 'model.queue-synthesis');
  });
});

describe('edges', () => {
  test('the node part of from/to must be a topology node (case-insensitive); blanks are C20', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Order
            kind: service
            semantics: { arrivals: orders, served: done }
          - id: Ship
            kind: service
            semantics: { arrivals: done, served: done }
        edges:
          - from: "«Ordr»:served"
            to: ship:arrivals
          - from: Order
            to: «""»
    `);
    expectOne(diagnostics, 'model.unknown-topology-node', ranges[0], "Edge from 'Ordr' does not match any topology node", "did you mean 'Order'?");
    expectOne(diagnostics, 'model.blank-reference', ranges[1], 'Edge to must name a topology node', 'empty edge target');
  });
});

describe('constraints', () => {
  test('a node constraint id must be defined (case-insensitive)', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            constraints: [DbPool, «dbpol»]
            semantics: { arrivals: orders, served: done }
        constraints:
          - id: dbpool
            semantics: { arrivals: orders, served: workers }
    `);
    expectOne(diagnostics, 'model.unknown-constraint', ranges[0], "references constraint 'dbpol'", "did you mean 'dbpool'?");
  });

  test('constraints listed while none are defined: one error on the key', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            «constraints»: [DbPool, Other]
            semantics: { arrivals: orders, served: done }
    `);
    expectOne(diagnostics, 'model.unknown-constraint', ranges[0], "Topology node 'Svc' lists constraints, but topology.constraints defines none");
  });

  test('constraint semantics naming no node are warnings; served of a used constraint mentions the Rust rejection', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Svc
            kind: service
            constraints: [pool]
            semantics: { arrivals: orders, served: done }
        constraints:
          - id: pool
            semantics:
              arrivals: «total_demand»
              served: «capacity»
              latencyMinutes: workers
          - id: spare
            semantics:
              arrivals: orders
              served: «cap2»
              errors: «""»
    `);
    const hits = withCode(diagnostics, 'model.unknown-constraint-series');
    assert.deepEqual(hits.map((d) => d.range), [ranges[0], ranges[1], ranges[2]], show(diagnostics));
    assert.ok(hits.every((d) => d.severity === 'warning'));
    assert.match(hits[0].message, /Constraint 'pool' semantics.arrivals is 'total_demand'.*Neither engine fails/);
    assert.match(hits[1].message, /Rust engine rejects it because a topology node uses this constraint \(R14\)/);
    assert.match(hits[2].message, /Constraint 'spare' semantics.served is 'cap2'.*Neither engine fails/);
    assert.deepEqual(errors(diagnostics), [], 'a blank optional errors field is fine');
    assert.equal(ranges.length, 4);
  });

  test('blank constraint arrivals is C20', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        constraints:
          - id: pool
            semantics:
              arrivals: «""»
              served: workers
    `);
    expectOne(diagnostics, 'model.blank-reference', ranges[0], "Constraint 'pool' must specify semantics.arrivals");
  });
});
