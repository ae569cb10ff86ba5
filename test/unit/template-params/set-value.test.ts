// parseSetValue / splitSetArgument: CLI `--set name=value` parsing by parameter type.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSetValue, splitSetArgument } from '../../../core/src/template/set-value';
import type { ParameterDef, ParameterType } from '../../../core/src/template/types';

function def(type: ParameterType, extra: Partial<ParameterDef> = {}): ParameterDef {
  return { name: 'p', type, hasDefault: false, pointer: '/parameters/0', ...extra };
}

describe('parseSetValue', () => {
  test('integers', () => {
    assert.deepEqual(parseSetValue(def('integer'), '12'), { value: 12 });
    assert.deepEqual(parseSetValue(def('integer'), ' -3 '), { value: -3 });
    assert.match(parseSetValue(def('integer'), '1.5').error ?? '', /'p' expects a whole number, got '1.5'/);
    assert.match(parseSetValue(def('integer'), '1e3').error ?? '', /whole number/);
    assert.match(parseSetValue(def('integer'), '').error ?? '', /whole number/);
  });

  test('numbers', () => {
    assert.deepEqual(parseSetValue(def('number'), '0.25'), { value: 0.25 });
    assert.deepEqual(parseSetValue(def('number'), '1e3'), { value: 1000 });
    assert.deepEqual(parseSetValue(def('number'), '.5'), { value: 0.5 });
    assert.deepEqual(parseSetValue(def('number'), '7'), { value: 7 });
    for (const bad of ['abc', 'Infinity', '0x10', '1,5', '']) {
      assert.match(parseSetValue(def('number'), bad).error ?? '', /'p' expects a number/, bad);
    }
  });

  test('booleans in any case', () => {
    assert.deepEqual(parseSetValue(def('boolean'), 'TRUE'), { value: true });
    assert.deepEqual(parseSetValue(def('boolean'), 'False'), { value: false });
    for (const bad of ['yes', '1', '']) {
      assert.match(parseSetValue(def('boolean'), bad).error ?? '', /'p' expects true or false/, bad);
    }
  });

  test('strings as-is', () => {
    assert.deepEqual(parseSetValue(def('string'), ' a b: c '), { value: ' a b: c ' });
    assert.deepEqual(parseSetValue(def('string'), ''), { value: '' });
  });

  test('arrays', () => {
    assert.deepEqual(parseSetValue(def('array'), '[1,2,3]'), { value: [1, 2, 3] });
    assert.deepEqual(parseSetValue(def('array'), ' [ 1.5 , 2e2 ] '), { value: [1.5, 200] });
    assert.deepEqual(parseSetValue(def('array'), '[]'), { value: [] });
    assert.match(parseSetValue(def('array'), '1,2,3').error ?? '', /'p' expects an array such as \[1, 2, 3\], got '1,2,3'/);
    assert.match(parseSetValue(def('array'), '[1, x]').error ?? '', /'p' element at index 1 \('x'\) is not a number/);
    assert.match(parseSetValue(def('array'), '[1,,2]').error ?? '', /element at index 1 \(''\)/);
  });

  test('arrayOf int takes integers only', () => {
    const d = def('array', { arrayOf: 'int' });
    assert.deepEqual(parseSetValue(d, '[1, -2]'), { value: [1, -2] });
    assert.match(parseSetValue(d, '[1, 2.5]').error ?? '', /element at index 1 \('2.5'\) is not a whole number \(arrayOf: int\)/);
  });
});

describe('splitSetArgument', () => {
  test('splits at the first =', () => {
    assert.deepEqual(splitSetArgument('bins=12'), { name: 'bins', raw: '12' });
    assert.deepEqual(splitSetArgument('expr=a=b'), { name: 'expr', raw: 'a=b' });
    assert.deepEqual(splitSetArgument('s='), { name: 's', raw: '' });
    assert.equal(splitSetArgument('=5'), undefined);
    assert.equal(splitSetArgument('bins'), undefined);
  });
});
