// Id uniqueness: duplicate node ids (S17), case-only clashes (C23), topology node and constraint ids (C23).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, expectNone, expectOne, fmtRange, rangesOf } from './fixture';

describe('node ids', () => {
  test('an exact duplicate is reported on the second id, pointing at the first, and names the Rust panic', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3, 4]
        - id: «demand»
          kind: const
          values: [1, 2, 3, 4]
    `);
    const d = expectOne(diagnostics, 'model.duplicate-node-id', ranges[1], "Duplicate node id 'demand'", 'nodes[0]', 'Rust engine panics');
    assert.equal(d.severity, 'error');
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
    expectNone(diagnostics, 'model.node-id-case-conflict');
  });

  test('ids differing only in case are a C23 error saying both C# tiers break', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: «Demand»
          kind: const
          values: [1, 2, 3, 4]
        - id: «demand»
          kind: const
          values: [1, 2, 3, 4]
    `);
    const d = expectOne(diagnostics, 'model.node-id-case-conflict', ranges[1], "'Demand' and 'demand' differ only in case", 'model parser', 'invariant analyzer');
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
    expectNone(diagnostics, 'model.duplicate-node-id');
  });

  test('distinct ids give nothing', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: demand
          kind: const
          values: [1, 2, 3, 4]
        - id: demand2
          kind: const
          values: [1, 2, 3, 4]
    `);
    assert.deepEqual(diagnostics, []);
  });
});

describe('topology node and constraint ids', () => {
  test('topology node ids are compared case-insensitively', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3, 4]
      topology:
        nodes:
          - id: «OrderService»
            kind: service
            semantics: { arrivals: a, served: a }
          - id: «orderservice»
            kind: service
            semantics: { arrivals: a, served: a }
          - id: Other
            kind: service
            semantics: { arrivals: a, served: a }
    `);
    const d = expectOne(diagnostics, 'model.duplicate-topology-node-id', ranges[1], "'OrderService' and 'orderservice' differ only in case", 'case-insensitively');
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
  });

  test('an exact duplicate topology id says so', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3, 4]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: { arrivals: a, served: a }
          - id: «Svc»
            kind: service
            semantics: { arrivals: a, served: a }
    `);
    expectOne(diagnostics, 'model.duplicate-topology-node-id', ranges[0], "Duplicate topology node id 'Svc'");
  });

  test('constraint ids are compared case-insensitively', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3, 4]
      topology:
        constraints:
          - id: «Cap»
            semantics: { arrivals: a, served: a }
          - id: «cap»
            semantics: { arrivals: a, served: a }
    `);
    const d = expectOne(diagnostics, 'model.duplicate-constraint-id', ranges[1], "'Cap' and 'cap' differ only in case");
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
  });
});
