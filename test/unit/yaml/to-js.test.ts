// toJs (shared by both parse paths): plain own data properties in source order, `__proto__` included as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, parseYamlWithLibrary } from '../../../core/src/yaml/parse';

test('__proto__ is an own data key, not the prototype, on both paths', () => {
  for (const parse of [parseYaml, parseYamlWithLibrary]) {
    const value = parse('__proto__: {polluted: 1}\nconstructor: 2\ntoString: 3\n').doc.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyNames(value), ['__proto__', 'constructor', 'toString']);
    const d = Object.getOwnPropertyDescriptor(value, '__proto__');
    assert.deepEqual(d, { value: { polluted: 1 }, enumerable: true, writable: true, configurable: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  }
});

test('keys keep source order (integer-like keys first, as JavaScript orders them) and values their FlowTime types', () => {
  const value = parseYaml('b: 1\n2: x\na: [true, "1", ~]\n1: {c: 1.5}\n').doc.value;
  assert.deepEqual(Object.keys(value as object), ['1', '2', 'b', 'a']);
  assert.deepEqual(value, { b: 1, 2: 'x', a: [true, '1', '~'], 1: { c: 1.5 } });
});
