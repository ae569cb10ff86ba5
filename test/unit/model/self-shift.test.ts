// Self-SHIFT recurrences need an initial condition (S24, C7).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, expectNone, expectOne } from './fixture';

const QUEUE = `
        - id: inflow
          kind: const
          values: [5, 5, 5, 5]
        - id: queue
          kind: expr
          expr: "MAX(0, «SHIFT(queue, 1)» + inflow - 3)"`;

describe('self-SHIFT needs an initial condition', () => {
  test('reported on the SHIFT call when no topology node seeds the node', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${QUEUE}
    `);
    const d = expectOne(diagnostics, 'model.self-shift-initial-condition', ranges[0], "Node 'queue' uses SHIFT on itself", 'topology.nodes[].initialCondition.queueDepth');
    assert.equal(d.severity, 'error');
  });

  test('satisfied by a topology node with initialCondition whose queueDepth names the node (any case)', () => {
    const { diagnostics } = checkBody(`
      nodes:${QUEUE}
      topology:
        nodes:
          - id: Buffer
            kind: service
            initialCondition:
              queueDepth: 0
            semantics: { arrivals: inflow, served: inflow, queueDepth: Queue }
    `);
    expectNone(diagnostics, 'model.self-shift-initial-condition');
    // The case-insensitive seed match is the C# rule; the reference itself is still case-sensitive (S25).
    assert.deepEqual(diagnostics.map((d) => d.code), ['model.unknown-series-reference']);
  });

  test('satisfied by a topology node with initialCondition and the same id', () => {
    const { diagnostics } = checkBody(`
      nodes:${QUEUE}
      topology:
        nodes:
          - id: queue
            kind: service
            initialCondition: { queueDepth: 3 }
            semantics: { arrivals: inflow, served: inflow }
    `);
    expectNone(diagnostics, 'model.self-shift-initial-condition');
  });

  test('a queueDepth mapping without initialCondition does not satisfy it', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${QUEUE}
      topology:
        nodes:
          - id: Buffer
            kind: service
            semantics: { arrivals: inflow, served: inflow, queueDepth: queue }
    `);
    expectOne(diagnostics, 'model.self-shift-initial-condition', ranges[0]);
  });

  test('SHIFT(x, 0) and SHIFT of another node are not self-SHIFTs', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3, 4]
        - id: b
          kind: expr
          expr: "SHIFT(a, 2)"
    `);
    assert.deepEqual(diagnostics, []);
  });
});
