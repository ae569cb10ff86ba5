// resolveParameterValues: defaults then overrides, and every ParameterError.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveParameterValues } from '../../../core/src/template/resolve-values';
import type { ParameterDef } from '../../../core/src/template/types';

const params: ParameterDef[] = [
  { name: 'bins', type: 'integer', hasDefault: true, default: 12, min: 6, max: 72, pointer: '/parameters/0' },
  { name: 'rate', type: 'number', hasDefault: true, default: 0.5, min: 0, max: 1, pointer: '/parameters/1' },
  { name: 'on', type: 'boolean', hasDefault: true, default: true, pointer: '/parameters/2' },
  { name: 'source', type: 'string', hasDefault: true, default: '', pointer: '/parameters/3' },
  { name: 'label', type: 'string', hasDefault: false, pointer: '/parameters/4' },
  { name: 'pattern', type: 'array', arrayOf: 'number', hasDefault: true, default: [1, 2, 3], min: 0, max: 100, pointer: '/parameters/5' },
  { name: 'counts', type: 'array', arrayOf: 'int', hasDefault: true, default: [1, 2], pointer: '/parameters/6' },
];

function errorOf(overrides: Record<string, unknown>, list = params) {
  const r = resolveParameterValues(list, overrides);
  assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
  return { ...r.errors[0], values: r.values };
}

describe('resolveParameterValues', () => {
  test('defaults, then overrides; parameters without default and without value are absent', () => {
    const r = resolveParameterValues(params, { bins: 24, label: 'hello', pattern: [5, 6] });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      [...r.values],
      [
        ['bins', 24],
        ['rate', 0.5],
        ['on', true],
        ['source', ''],
        ['pattern', [5, 6]],
        ['counts', [1, 2]],
        ['label', 'hello'],
      ],
    );
    assert.equal(resolveParameterValues(params).values.has('label'), false);
  });

  test('unknown override name: error with did-you-mean', () => {
    const e = errorOf({ bnis: 3 });
    assert.equal(e.code, 'param.unknown-override');
    assert.equal(e.parameter, 'bnis');
    assert.match(e.message, /no parameter 'bnis'\. Did you mean 'bins'\?/);
    assert.doesNotMatch(errorOf({ zzzzzz: 1 }).message, /Did you mean/);
  });

  test('wrong types', () => {
    const cases: [string, unknown, RegExp][] = [
      ['bins', '12', /'bins' expects a whole number, not the string "12"/],
      ['rate', true, /'rate' expects a number, not `true`/],
      ['rate', Number.NaN, /'rate' expects a number/],
      ['on', 'yes', /'on' expects true or false, not the string "yes"/],
      ['source', 5, /'source' expects a string, not `5`/],
      ['label', null, /'label' expects a string, not `null`/],
    ];
    for (const [name, value, gist] of cases) {
      const e = errorOf({ [name]: value });
      assert.equal(e.code, 'param.value-type', name);
      assert.equal(e.parameter, name);
      assert.match(e.message, gist);
    }
  });

  test('an invalid override is not applied: the default stays', () => {
    const e = errorOf({ bins: 'many' });
    assert.equal(e.values.get('bins'), 12);
  });

  test('integer expected', () => {
    const e = errorOf({ bins: 12.5 });
    assert.equal(e.code, 'param.integer-expected');
    assert.match(e.message, /'bins' expects a whole number, not 12.5/);
  });

  test('out of range, below and above', () => {
    const below = errorOf({ bins: 3 });
    assert.equal(below.code, 'param.value-out-of-range');
    assert.match(below.message, /'bins' value 3 is below the minimum 6/);
    const above = errorOf({ rate: 1.5 });
    assert.equal(above.code, 'param.value-out-of-range');
    assert.match(above.message, /'rate' value 1.5 exceeds the maximum 1/);
  });

  test('array expected', () => {
    const e = errorOf({ pattern: '1,2,3' });
    assert.equal(e.code, 'param.array-expected');
    assert.match(e.message, /'pattern' expects an array value such as \[1, 2, 3\], not the string "1,2,3"/);
    assert.equal(errorOf({ pattern: 5 }).code, 'param.array-expected');
  });

  test('array elements: not numbers, not integers, out of range — each names its index', () => {
    const r = resolveParameterValues(params, { pattern: [1, 'x', 200, -1], counts: [1, 2.5] });
    assert.deepEqual(
      r.errors.map((e) => [e.parameter, e.code]),
      [
        ['pattern', 'param.array-element'],
        ['pattern', 'param.value-out-of-range'],
        ['pattern', 'param.value-out-of-range'],
        ['counts', 'param.integer-expected'],
      ],
    );
    assert.match(r.errors[0].message, /'pattern' element at index 1 is the string "x", not a number/);
    assert.match(r.errors[1].message, /element at index 2 \(200\) exceeds the maximum 100/);
    assert.match(r.errors[2].message, /element at index 3 \(-1\) is below the minimum 0/);
    assert.match(r.errors[3].message, /'counts' element at index 1 \(2.5\) is not a whole number \(arrayOf: int\)/);
    assert.deepEqual(r.values.get('pattern'), [1, 2, 3]);
  });

  test('arrayOf int accepts integral doubles within 1e-9, like Sim', () => {
    assert.deepEqual(resolveParameterValues(params, { counts: [1, 2 + 1e-12] }).errors, []);
  });

  test('array parameter without any value: Sim requires one (T44)', () => {
    const list: ParameterDef[] = [{ name: 'p', type: 'array', hasDefault: false, pointer: '/parameters/0' }];
    const e = errorOf({}, list);
    assert.equal(e.code, 'param.array-expected');
    assert.match(e.message, /Parameter 'p' requires an array value/);
    assert.deepEqual(resolveParameterValues(list, { p: [1] }).errors, []);
  });

  test('array defaults get the same checks (Sim checks the final value)', () => {
    const list: ParameterDef[] = [
      { name: 'p', type: 'array', hasDefault: true, default: [1, 50], max: 10, pointer: '/parameters/0' },
      { name: 'q', type: 'array', hasDefault: true, pointer: '/parameters/1' },
      { name: 'r', type: 'array', hasDefault: true, default: 'text', pointer: '/parameters/2' },
    ];
    const r = resolveParameterValues(list);
    assert.deepEqual(r.errors.map((e) => [e.parameter, e.code]), [
      ['p', 'param.value-out-of-range'],
      ['q', 'param.array-element'],
      ['r', 'param.array-expected'],
    ]);
    assert.deepEqual(r.values.get('p'), [1, 50], 'the default is still substituted, as Sim would before rejecting it');
  });

  test('a later declaration of the same name wins, like Sim', () => {
    const list: ParameterDef[] = [
      { name: 'n', type: 'integer', hasDefault: true, default: 1, pointer: '/parameters/0' },
      { name: 'n', type: 'string', hasDefault: true, default: 'x', pointer: '/parameters/1' },
    ];
    assert.equal(resolveParameterValues(list).values.get('n'), 'x');
    assert.equal(resolveParameterValues(list, { n: 5 }).errors[0].code, 'param.value-type');
  });

  test('parameters of unknown type take any scalar or array of numbers', () => {
    const list: ParameterDef[] = [{ name: 'u', type: 'string', typeInferred: true, hasDefault: false, pointer: '/parameters/0' }];
    assert.deepEqual(resolveParameterValues(list, { u: 5 }).values.get('u'), 5);
    assert.deepEqual(resolveParameterValues(list, { u: [1, 2] }).values.get('u'), [1, 2]);
    assert.equal(resolveParameterValues(list, { u: { a: 1 } }).errors[0].code, 'param.value-type');
  });

  test('every ParameterError code is registered', async () => {
    const { templateParamCodes } = await import('../../../core/src/codes/template-params');
    for (const code of ['param.unknown-override', 'param.value-type', 'param.value-out-of-range', 'param.integer-expected', 'param.array-expected', 'param.array-element']) {
      assert.ok(code in templateParamCodes, code);
    }
  });
});
