// Const lengths (S20) and PMF data (S21, S22, S23, C15, probability range).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, checkText, expectNone, expectOne, fmtRange, rangesOf, show, withCode } from './fixture';
import { dedent } from '../../helpers/markers';

describe('const values vs grid.bins (S20)', () => {
  test('a mismatch is reported on the values with the exact message', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: demand
          kind: const
          values: «[10, 20, 30]»
        - id: ok
          kind: const
          values: [1, 2, 3, 4]
    `);
    const d = expectOne(diagnostics, 'model.const-length', ranges[0]);
    assert.equal(d.message, "const node 'demand' has 3 values but grid.bins is 4");
    assert.equal(d.severity, 'error');
  });

  test('a block sequence longer than bins is reported on the whole sequence', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: demand
          kind: const
          values:
            «- 1
            - 2
            - 3
            - 4
            - 5»
    `);
    expectOne(diagnostics, 'model.const-length', ranges[0], 'has 5 values but grid.bins is 4');
  });

  test('skipped when grid.bins is invalid, or values is not a non-empty list', () => {
    for (const bins of ['0', '"8"', '10001', '2.5']) {
      const { diagnostics } = checkText(`schemaVersion: 1\ngrid:\n  bins: ${bins}\n  binSize: 1\n  binUnit: hours\nnodes:\n  - id: d\n    kind: const\n    values: [1, 2, 3]\n`);
      expectNone(diagnostics, 'model.const-length');
    }
    const { diagnostics } = checkBody(`
      nodes:
        - id: a
          kind: const
          values: 5
        - id: b
          kind: const
          values: []
    `);
    expectNone(diagnostics, 'model.const-length');
  });
});

describe('PMF nodes', () => {
  const pmf = (values: string, probabilities: string) =>
    checkBody(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: ${values}
            probabilities: ${probabilities}
    `);

  test('a valid PMF gives nothing, including a sum within 1e-4', () => {
    assert.deepEqual(pmf('[1, 2, 3]', '[0.2, 0.5, 0.3]').diagnostics, []);
    assert.deepEqual(pmf('[1, 2]', '[0.5, 0.49995]').diagnostics, []);
  });

  test('lengths must match (S21), reported on probabilities', () => {
    const { diagnostics, ranges } = pmf('[1, 2, 3]', '«[0.5, 0.5]»');
    expectOne(diagnostics, 'model.pmf-length-mismatch', ranges[0], "pmf node 'p' has 3 values but 2 probabilities");
  });

  test('a duplicate value (S22) points at the first occurrence', () => {
    const { diagnostics, ranges } = pmf('[«1», 2, «1.0»]', '[0.2, 0.5, 0.3]');
    const d = expectOne(diagnostics, 'model.pmf-duplicate-value', ranges[1], "pmf node 'p' contains the value 1 twice");
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
  });

  test('a sum off by more than the tolerance (S23) says C# rejects and Rust normalizes', () => {
    const { diagnostics, ranges } = pmf('[1, 2]', '«[0.5, 0.4]»');
    expectOne(diagnostics, 'model.pmf-sum', ranges[0], 'sum to 0.9, not 1.0 (tolerance 1e-4)', 'C# engine rejects', 'Rust engine would silently normalize');
  });

  test('the tolerance is an option (templates use 1e-10)', () => {
    const text = `
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2]
            probabilities: «[0.5, 0.49999]»
    `;
    assert.deepEqual(checkBody(text).diagnostics, []);
    const { diagnostics, ranges } = checkBody(text, { pmfTolerance: 1e-10 });
    expectOne(diagnostics, 'model.pmf-sum', ranges[0], 'sum to 0.99999', 'tolerance 1e-10');
  });

  test('a negative probability (C15) and one above 1 are reported per element, without a sum error', () => {
    const { diagnostics, ranges } = pmf('[1, 2, 3]', '[«-0.2», «1.5», 0.3]');
    expectOne(diagnostics, 'model.pmf-invalid', ranges[0], 'negative probability (-0.2)');
    expectOne(diagnostics, 'model.pmf-probability-range', ranges[1], 'probability 1.5, above 1');
    expectNone(diagnostics, 'model.pmf-sum');
  });

  test('probabilities summing to zero and non-finite numbers are C15', () => {
    const zero = pmf('[1, 2]', '«[0, 0]»');
    expectOne(zero.diagnostics, 'model.pmf-invalid', zero.ranges[0], 'sum to 0');
    expectNone(zero.diagnostics, 'model.pmf-sum');
    const inf = pmf('[«1e400», 2]', '[0.5, «1e999»]');
    const hits = withCode(inf.diagnostics, 'model.pmf-invalid');
    assert.deepEqual(hits.map((d) => d.range), [inf.ranges[0], inf.ranges[1]], show(inf.diagnostics));
    assert.match(hits[0].message, /non-finite value/);
    assert.match(hits[1].message, /non-finite probability/);
  });

  test('non-numeric entries are left to the schema and suppress the sum check', () => {
    assert.deepEqual(pmf('[1, 2]', '[0.5, "x"]').diagnostics, []);
  });
});

describe('the broken option', () => {
  test('a subtree the schema stage reported is skipped, but its node id still counts as declared', () => {
    const text = dedent(`
      schemaVersion: 1
      grid:
        bins: 4
        binSize: 1
        binUnit: hours
      nodes:
        - id: demand
          kind: const
          values: [1, 2]
      outputs:
        - series: demand
    `);
    assert.equal(withCode(checkText(text).diagnostics, 'model.const-length').length, 1);
    // What the schema stage's index answers for an error inside `values`: the value and its ancestors.
    const broken = new Set(['', '/nodes', '/nodes/0', '/nodes/0/values']);
    const { diagnostics } = checkText(text, { broken: (p) => broken.has(p) });
    assert.deepEqual(diagnostics, []);
  });
});
