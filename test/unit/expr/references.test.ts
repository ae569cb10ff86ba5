// References with SHIFT context (C# lagged rule, Rust inside-SHIFT rule) and §3.6 self-SHIFT detection.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectReferences, findSelfShift } from '../../../core/src/expr/check';
import { parsed } from './helpers';

function refs(src: string): [string, number, boolean, boolean][] {
  return collectReferences(parsed(src).expr).map((r) => [r.name, r.start, r.lagged, r.insideShift]);
}

describe('collectReferences', () => {
  test('SHIFT(a,1) + a: the same name lagged inside, same-bin outside', () => {
    assert.deepEqual(refs('SHIFT(a,1) + a'), [
      ['a', 6, true, true],
      ['a', 13, false, false],
    ]);
  });

  test('SHIFT(a,0) is same-bin for C#, but still inside SHIFT for Rust', () => {
    assert.deepEqual(refs('SHIFT(a,0)'), [['a', 6, false, true]]);
  });

  test('SHIFT(MIN(a,b),2): every reference in the first argument is lagged', () => {
    assert.deepEqual(refs('SHIFT(MIN(a,b),2)'), [
      ['a', 10, true, true],
      ['b', 12, true, true],
    ]);
  });

  test('nested SHIFT: lag >= 1 anywhere above the first argument makes it lagged', () => {
    assert.deepEqual(refs('SHIFT(SHIFT(a, 0), 1)'), [['a', 12, true, true]]);
    assert.deepEqual(refs('SHIFT(SHIFT(a, 1), 0)'), [['a', 12, true, true]]);
    assert.deepEqual(refs('SHIFT(a + SHIFT(b, 1), 0)'), [
      ['a', 6, false, true],
      ['b', 16, true, true],
    ]);
  });

  test('the lag must be a literal >= 1 (parentheses allowed), and SHIFT must have two arguments', () => {
    assert.deepEqual(refs('SHIFT(a, (1))'), [['a', 6, true, true]]);
    assert.deepEqual(refs('SHIFT(a, 0.5)'), [['a', 6, false, true]]);
    assert.deepEqual(refs('SHIFT(a, 1+0)'), [['a', 6, false, true]]);
    assert.deepEqual(refs('SHIFT(a, b)'), [
      ['a', 6, false, true],
      ['b', 9, false, true],
    ]);
    assert.deepEqual(refs('SHIFT(a)'), [['a', 6, false, true]]);
  });

  test('the function name is case-insensitive', () => {
    assert.deepEqual(refs('shift(a, 2)'), [['a', 6, true, true]]);
  });

  test('references outside SHIFT, in source order with spans', () => {
    const r = collectReferences(parsed('MAX(0, in - out) * (k + -q)').expr);
    assert.deepEqual(
      r.map((x) => [x.name, x.start, x.end, x.lagged, x.insideShift]),
      [
        ['in', 7, 9, false, false],
        ['out', 12, 15, false, false],
        ['k', 20, 21, false, false],
        ['q', 25, 26, false, false],
      ],
    );
  });

  test('function names, literals and arrays are not references', () => {
    assert.deepEqual(refs('CONV(PULSE(3), [1, 2]) + 4'), []);
  });

  test('a very long operator chain does not overflow the stack', () => {
    const src = Array.from({ length: 50_000 }, (_, i) => `n${i % 7}`).join(' + ');
    assert.equal(collectReferences(parsed(src).expr).length, 50_000);
  });
});

describe('findSelfShift (§3.6)', () => {
  function self(src: string, id = 'x'): [number, number] | undefined {
    const span = findSelfShift(parsed(src).expr, id);
    return span && [span.start, span.end];
  }

  test('positives: the call span is returned', () => {
    assert.deepEqual(self('SHIFT(x, 1)'), [0, 11]);
    assert.deepEqual(self('shift(x, 2)'), [0, 11]);
    assert.deepEqual(self('MAX(0, SHIFT(x, 1) + a)'), [7, 18]);
    assert.deepEqual(self('a * (1 - Shift(x, 3))'), [9, 20]);
    assert.deepEqual(self('SHIFT(x, (3))'), [0, 13]);
    // The C# AST drops parentheses, so a parenthesized reference is still the bare reference.
    assert.deepEqual(self('SHIFT((x), 1)'), [0, 13]);
    // Any literal > 0 matches the pattern, even one the evaluator would reject as a lag.
    assert.deepEqual(self('SHIFT(x, 0.5)'), [0, 13]);
  });

  test('found inside a SHIFT that does not match itself', () => {
    assert.deepEqual(self('SHIFT(SHIFT(x, 1), 0)'), [6, 17]);
  });

  test('negatives', () => {
    assert.equal(self('SHIFT(x, 0)'), undefined);
    assert.equal(self('SHIFT(x+0, 1)'), undefined);
    assert.equal(self('SHIFT(X, 1)'), undefined);
    assert.equal(self('SHIFT(y, 1)'), undefined);
    assert.equal(self('SHIFT(x, 1+0)'), undefined);
    assert.equal(self('SHIFT(x, a)'), undefined);
    assert.equal(self('SHIFT(x)'), undefined);
    assert.equal(self('SHIFT(x, 1, 2)'), undefined);
    assert.equal(self('x + 1'), undefined);
    assert.equal(self('MIN(x, 1)'), undefined);
  });

  test('the id is compared ordinally', () => {
    assert.deepEqual(self('SHIFT(Queue, 1)', 'Queue'), [0, 15]);
    assert.equal(self('SHIFT(queue, 1)', 'Queue'), undefined);
  });
});
