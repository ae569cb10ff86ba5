// The per-node model-schema validation gives exactly the errors (content and order) of the whole-schema validator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { modelSchemaErrors, modelSchemaValidator } from '../../../core/src/schema/compile';
import { parseYaml } from '../../../core/src/yaml/parse';
import { generateModel } from '../../../bench/gen-model';
import { CORPUS } from '../../helpers/cli';

function assertSame(value: Record<string, unknown>, label: string): void {
  const whole = modelSchemaValidator();
  whole(value);
  const expected = [...(whole.errors ?? [])];
  assert.deepStrictEqual(modelSchemaErrors(value), expected, label);
}

function record(text: string): Record<string, unknown> {
  const v = parseYaml(text).doc.value;
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v));
  return v as Record<string, unknown>;
}

describe('split model-schema validation', () => {
  test('corpus models and golden models', () => {
    let files = 0;
    for (const sub of ['models/valid', 'models/invalid']) {
      for (const f of readdirSync(join(CORPUS, sub))) {
        assertSame(record(readFileSync(join(CORPUS, sub, f), 'utf8')), `${sub}/${f}`);
        files++;
      }
    }
    for (const f of readdirSync('test/golden').filter((n) => n.endsWith('.yaml'))) {
      assertSame(record(readFileSync(join('test/golden', f), 'utf8')), f);
      files++;
    }
    assert.ok(files > 10);
  });

  test('a node list where every node breaks a rule, beside root-level errors', () => {
    // Root errors before (grid) and after (outputs) the nodes, with node errors of every kind in between.
    const text = [
      'grid: {bins: 0, binSize: 1.5, binUnit: day, extra: 1}',
      'nodes:',
      '  - {id: a, kind: const, values: 3}',
      '  - {id: b, kind: pmf, values: [1], pmf: [1]}',
      '  - {id: 1c, kind: expresion, expr: x}',
      '  - {kind: expr}',
      '  - 7',
      '  - {id: d, kind: router, inputs: {queue: q}, routes: []}',
      '  - {id: e, kind: serviceWithBuffer, inflow: a, outflow: [1]}',
      'outputs: [a, {series: 3, as: bad}]',
      'classes: []',
      'topology: {nodes: [{id: Q}], edges: [{}]}',
      '',
    ].join('\n');
    assertSame(record(text), 'hand-written');
  });

  test('not-a-list nodes and an empty list', () => {
    assertSame({ schemaVersion: 1, grid: { bins: 1, binSize: 1, binUnit: 'hours' }, nodes: 'x' }, 'string nodes');
    assertSame({ schemaVersion: 1, grid: { bins: 1, binSize: 1, binUnit: 'hours' }, nodes: [] }, 'empty nodes');
    assertSame({}, 'empty document');
  });

  test('a generated 300-node model, valid and with every node broken', () => {
    const valid = record(generateModel(300));
    assertSame(valid, 'valid generated');
    const broken = record(generateModel(300).replace(/kind: pmf/g, 'kind: Pmf').replace(/values: \[/g, 'valuse: ['));
    assertSame(broken, 'broken generated');
  });

  test('random node lists', () => {
    const scalar = fc.oneof(fc.constant('x'), fc.constant('a + b'), fc.integer({ min: -2, max: 3 }), fc.constant(true), fc.constant(''));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('values', 'probabilities', 'queue', 'x'), scalar));
    const key = fc.constantFrom('id', 'kind', 'values', 'expr', 'pmf', 'inflow', 'outflow', 'loss', 'inputs', 'routes', 'metadata', 'dispatchSchedule', 'valuse', 'queue');
    const kind = fc.constantFrom('const', 'expr', 'pmf', 'serviceWithBuffer', 'router', 'queue', 'Const', 3);
    const node = fc.oneof(
      fc.record({ id: fc.constantFrom('a', 'b', '1x', ''), kind, extra: fc.dictionary(key, value, { maxKeys: 3 }) }).map(({ id, kind: k, extra }) => ({ id, kind: k, ...extra })),
      fc.dictionary(key, value, { maxKeys: 4 }),
      scalar,
    );
    const doc = fc.record({
      schemaVersion: fc.constantFrom(1, '1', 2),
      grid: fc.constantFrom({ bins: 2, binSize: 1, binUnit: 'hours' }, { bins: 0 }, 'g'),
      nodes: fc.array(node, { maxLength: 8 }),
      outputs: fc.constantFrom([{ series: 'a' }], ['a'], undefined),
    });
    fc.assert(
      fc.property(doc, (d) => {
        const value: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(d)) if (v !== undefined) value[k] = v;
        assertSame(value, JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });
});
