// The function catalog as data, number rewriting and name suggestions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS, UNIMPLEMENTED_FUNCTIONS, lookupFunction } from '../../../core/src/expr/functions';
import { plainDecimal } from '../../../core/src/expr/number-text';
import { editDistance, suggestName } from '../../../core/src/expr/suggest';

describe('FUNCTIONS catalog', () => {
  test('exactly the 11 engine functions', () => {
    assert.deepEqual(
      FUNCTIONS.map((f) => f.name),
      ['SHIFT', 'CONV', 'MIN', 'MAX', 'CLAMP', 'MOD', 'FLOOR', 'CEIL', 'ROUND', 'STEP', 'PULSE'],
    );
  });

  test('every entry is complete and consistent', () => {
    for (const f of FUNCTIONS) {
      assert.ok(f.signature.startsWith(`${f.name}(`), f.name);
      assert.ok(f.description.length > 60, f.name);
      assert.equal(f.args.length, f.maxArgs, `${f.name}: one description per argument`);
      assert.equal(f.args.filter((a) => !a.optional).length, f.minArgs, `${f.name}: optional arguments`);
      for (const a of f.args) assert.ok(a.name && a.description, `${f.name}.${a.name}`);
    }
  });

  test('literal rules sit on SHIFT lag, CONV kernel, PULSE period and phase only', () => {
    const rules = FUNCTIONS.flatMap((f) => f.args.filter((a) => a.literal).map((a) => `${f.name}.${a.name}=${a.literal}`));
    assert.deepEqual(rules, [
      'SHIFT.lag=non-negative-integer',
      'CONV.kernel=kernel',
      'PULSE.period=positive-integer',
      'PULSE.phase=non-negative-integer',
    ]);
  });

  test('descriptions carry the engine differences of §3.4', () => {
    assert.match(lookupFunction('CLAMP')!.description, /lo > hi.*C#.*returns lo.*Rust.*returns hi/);
    assert.match(lookupFunction('MOD')!.description, /floored.*Euclidean/);
    assert.match(lookupFunction('CONV')!.description, /C# engine also accepts a single number.*Rust/);
    assert.match(lookupFunction('SHIFT')!.description, /Rust engine silently truncates/);
    assert.match(lookupFunction('PULSE')!.description, /divide by zero/);
    assert.match(lookupFunction('ROUND')!.description, /away from zero/);
  });

  test('lookupFunction is case-insensitive and rejects everything else', () => {
    assert.equal(lookupFunction('shift')?.name, 'SHIFT');
    assert.equal(lookupFunction('PuLsE')?.name, 'PULSE');
    assert.equal(lookupFunction('ABS'), undefined);
    assert.equal(lookupFunction('constructor'), undefined);
    assert.equal(lookupFunction(''), undefined);
  });

  test('the documented-but-missing functions are not in the catalog', () => {
    for (const name of Object.keys(UNIMPLEMENTED_FUNCTIONS)) assert.equal(lookupFunction(name), undefined, name);
    assert.deepEqual(Object.keys(UNIMPLEMENTED_FUNCTIONS).sort(), ['ABS', 'AVG', 'CUMSUM', 'EMA', 'IF', 'LAG', 'POW', 'SQRT', 'SUM']);
  });
});

describe('plainDecimal', () => {
  const cases: [string, string, number, string | undefined][] = [
    ['1', '', -3, '0.001'],
    ['2', '5', 2, '250'],
    ['1', '25', -1, '0.125'],
    ['', '5', 1, '5'],
    ['0', '0', 0, '0'],
    ['007', '', 0, '7'],
    ['12', '34', 1, '123.4'],
    ['5', '', 0, '5'],
    ['1', '', 500, undefined],
  ];
  for (const [i, f, e, expected] of cases) {
    test(`${i}.${f}e${e} → ${expected}`, () => assert.equal(plainDecimal(i, f, e), expected));
  }
});

describe('suggestions', () => {
  test('edit distance with transpositions and an early exit', () => {
    assert.equal(editDistance('demnad', 'demand', 3), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
  });

  test('case-insensitive match first, then the closest name within the limit', () => {
    assert.deepEqual(suggestName('DEMAND', ['demands', 'demand']), { name: 'demand', caseOnly: true });
    assert.deepEqual(suggestName('demnd', ['x', 'demand']), { name: 'demand', caseOnly: false });
    assert.equal(suggestName('ab', ['xyz']), undefined);
  });
});
