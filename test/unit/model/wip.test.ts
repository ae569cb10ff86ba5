// Topology WIP fields: wipOverflow targets (S26), overflow loops (S27) and wipLimitSeries (Rust R13).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, expectNone, expectOne, fmtRange, rangesOf } from './fixture';

const NODES = `
        - id: in
          kind: const
          values: [1, 2, 3, 4]
        - id: limit
          kind: const
          values: [9, 9, 9, 9]`;

const topo = (id: string, extra: string) => `
          - id: ${id}
            kind: serviceWithBuffer
            semantics: { arrivals: in, served: in }
${extra}`;

describe('wipOverflow targets (S26)', () => {
  test('an unknown target is an error with a suggestion; loss (any case), empty and ids in any case pass', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:${topo('Alpha', '            wipOverflow: «Bteta»')}${topo('Beta', '            wipOverflow: LOSS')}${topo('Gamma', '            wipOverflow: ""')}${topo('Delta', '            wipOverflow: beta')}
    `);
    const d = expectOne(diagnostics, 'model.unknown-wip-overflow-target', ranges[0], "wipOverflow of topology node 'Alpha' is 'Bteta', which is neither 'loss' nor a topology node", "did you mean 'Beta'?");
    assert.equal(d.severity, 'error');
    expectNone(diagnostics, 'model.wip-overflow-cycle');
  });
});

describe('wipOverflow loops (S27)', () => {
  test('a loop is reported once, on its first node, with the path and every hop', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:${topo('Start', '            wipOverflow: a')}${topo('A', '            wipOverflow: «B»')}${topo('B', '            wipOverflow: «c»')}${topo('C', '            wipOverflow: «a»')}
    `);
    const d = expectOne(diagnostics, 'model.wip-overflow-cycle', ranges[0], 'WIP overflow routing contains a cycle: A → B → C → A');
    assert.deepEqual(rangesOf(d), ranges.map(fmtRange));
    assert.deepEqual(d.related!.map((r) => r.message), ["'A' overflows into 'B'", "'B' overflows into 'C'", "'C' overflows into 'A'"]);
  });

  test('overflowing into itself is a loop; a chain is not', () => {
    const self = checkBody(`
      nodes:${NODES}
      topology:
        nodes:${topo('A', '            wipOverflow: «A»')}
    `);
    expectOne(self.diagnostics, 'model.wip-overflow-cycle', self.ranges[0], 'A → A');
    const chain = checkBody(`
      nodes:${NODES}
      topology:
        nodes:${topo('A', '            wipOverflow: B')}${topo('B', '            wipOverflow: C')}${topo('C', '            wipOverflow: loss')}
    `);
    assert.deepEqual(chain.diagnostics, []);
  });
});

describe('wipLimitSeries', () => {
  test('a name that is not a node is a Rust-only warning', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:${topo('A', '            wipLimit: 5\n            wipLimitSeries: «limt»')}${topo('B', '            wipLimitSeries: limit')}
    `);
    const d = expectOne(diagnostics, 'rust.unknown-wip-limit-series', ranges[0], "wipLimitSeries of topology node 'A' is 'limt'", "did you mean 'limit'?", 'Rust engine fails to compile');
    assert.equal(d.severity, 'warning');
  });
});
