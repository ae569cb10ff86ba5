// checkModelSemantics never throws and never fails internally, whatever shape the value has.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ZERO_RANGE } from '../../../core/src/diagnostics';
import { checkModelSemantics } from '../../../core/src/model/semantics';
import type { SourceDocument } from '../../../core/src/yaml/document';

function fakeDoc(value: unknown): SourceDocument {
  return {
    value,
    locate: () => ZERO_RANGE,
    node: () => undefined,
    locateInString: () => ZERO_RANGE,
  };
}

const ids = fc.constantFrom('a', 'b', 'c', 'A', 'q', 'self', '', 'constructor', '__proto__');
const anyValue = fc.oneof(fc.anything(), ids, fc.integer(), fc.double(), fc.constant(null));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue);
const expr = fc.constantFrom('a + b', 'SHIFT(a, 1)', 'SHIFT(b, 0) + a', 'c * 2', 'MIN(a,', '(', 'x + x', 'SHIFT(q, 1)', 'CONV(a, [1, 2])', '');

const node = fc.record(
  {
    id: maybe(ids),
    kind: maybe(fc.constantFrom('const', 'expr', 'pmf', 'serviceWithBuffer', 'router', 'EXPR')),
    expr: maybe(expr),
    values: maybe(fc.array(fc.oneof(fc.double(), fc.integer(), anyValue), { maxLength: 6 })),
    pmf: maybe(fc.record({ values: maybe(fc.array(anyValue, { maxLength: 4 })), probabilities: maybe(fc.array(fc.oneof(fc.double(), anyValue), { maxLength: 4 })) }, { requiredKeys: [] })),
    inflow: maybe(ids),
    outflow: maybe(ids),
    loss: maybe(ids),
    inputs: maybe(fc.record({ queue: maybe(ids) }, { requiredKeys: [] })),
    routes: maybe(fc.array(fc.record({ target: maybe(ids), classes: maybe(fc.array(anyValue, { maxLength: 3 })) }, { requiredKeys: [] }), { maxLength: 3 })),
    dispatchSchedule: maybe(fc.record({ capacitySeries: maybe(ids), phaseOffset: maybe(fc.integer()), periodBins: maybe(fc.integer()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const ref = fc.oneof(ids, fc.constantFrom('series:a@Gold', '@c', 'file:x.csv', ' self ', 'SERIES:', 'a@'), anyValue);
const topologyNode = fc.record(
  {
    id: maybe(ids),
    kind: maybe(fc.constantFrom('service', 'serviceWithBuffer', 'queue', 'dlq', 'router')),
    semantics: maybe(fc.record({ arrivals: ref, served: ref, errors: ref, queueDepth: ref, capacity: ref, parallelism: ref }, { requiredKeys: [] })),
    initialCondition: maybe(fc.record({ queueDepth: anyValue }, { requiredKeys: [] })),
    constraints: maybe(fc.array(anyValue, { maxLength: 3 })),
    wipOverflow: maybe(fc.oneof(ids, fc.constant('loss'))),
    wipLimitSeries: ref,
    dispatchSchedule: maybe(fc.record({ phaseOffset: maybe(fc.integer()), periodBins: maybe(fc.integer()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const model = fc.record(
  {
    schemaVersion: anyValue,
    grid: maybe(fc.record({ bins: maybe(fc.integer({ min: -1, max: 8 })), binUnit: maybe(fc.constantFrom('weeks', 'hours')), start: maybe(fc.string()) }, { requiredKeys: [] })),
    nodes: maybe(fc.array(maybe(node), { maxLength: 8 })),
    outputs: maybe(fc.array(maybe(fc.record({ series: maybe(ids) }, { requiredKeys: [] })), { maxLength: 3 })),
    classes: maybe(fc.array(maybe(fc.record({ id: maybe(fc.constantFrom('Gold', 'Silver')) }, { requiredKeys: [] })), { maxLength: 3 })),
    traffic: maybe(fc.record({ arrivals: maybe(fc.array(maybe(fc.record({ nodeId: maybe(ids), classId: maybe(ids) }, { requiredKeys: [] })), { maxLength: 3 })) }, { requiredKeys: [] })),
    topology: maybe(
      fc.record(
        {
          nodes: maybe(fc.array(maybe(topologyNode), { maxLength: 5 })),
          edges: maybe(fc.array(maybe(fc.record({ from: maybe(ids), to: maybe(ids) }, { requiredKeys: [] })), { maxLength: 3 })),
          constraints: maybe(fc.array(maybe(fc.record({ id: maybe(ids), semantics: maybe(fc.record({ arrivals: ref, served: ref }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    ),
    provenance: maybe(fc.record({ generatedAt: maybe(fc.string()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

function assertSound(value: unknown, broken?: (p: string) => boolean): void {
  const ds = checkModelSemantics(fakeDoc(value), broken ? { broken } : {});
  assert.ok(Array.isArray(ds));
  const failed = ds.filter((d) => d.code === 'model.check-failed');
  assert.deepEqual(failed, [], failed.map((d) => d.message).join('\n'));
}

describe('robustness', () => {
  test('model-shaped garbage never throws and never trips a check', () => {
    fc.assert(fc.property(model, (value) => assertSound(value)), { numRuns: 1500 });
  });

  test('arbitrary values never throw', () => {
    fc.assert(fc.property(fc.anything(), (value) => assertSound(value)), { numRuns: 500 });
  });

  test('a broken predicate that claims random pointers is honoured without errors', () => {
    fc.assert(
      fc.property(model, fc.integer(), (value, seed) => assertSound(value, (p) => (p.length + seed) % 3 === 0)),
      { numRuns: 500 },
    );
  });

  test('a document whose value cannot even be read yields one check-failed diagnostic, not an exception', () => {
    const hostile = {
      get value(): unknown {
        throw new Error('boom');
      },
      locate: () => ZERO_RANGE,
      node: () => undefined,
      locateInString: () => ZERO_RANGE,
    } as SourceDocument;
    const ds = checkModelSemantics(hostile);
    assert.deepEqual(ds.map((d) => d.code), ['model.check-failed']);
    assert.match(ds[0].message, /boom/);
  });
});
