import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emitModelYaml, numberText, scalarText } from '../../../core/src/artifacts';
import { parseYaml } from '../../../core/src/yaml/parse';
import { typePlainScalar } from '../../../core/src/yaml/scalar-typing';
import { dedent } from '../../helpers/markers';

function roundTrip(m: Record<string, unknown>): unknown {
  const text = emitModelYaml(m);
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], text);
  return parsed.doc.value;
}

describe('emitModelYaml: layout', () => {
  test('a model in block style, numeric arrays in flow style, LF and a trailing newline', () => {
    const model = {
      schemaVersion: 1,
      grid: { bins: 3, binSize: 5, binUnit: 'minutes' },
      nodes: [
        { id: 'arrivals', kind: 'const', values: [10, 20.5, 0.001], metadata: { 'graph.hidden': 'true' } },
        { id: 'zero', kind: 'expr', expr: '0' },
        { id: 'served', kind: 'expr', expr: 'MIN(arrivals, capacity)' },
        { id: 'demand', kind: 'pmf', pmf: { values: [1, 2], probabilities: [0.25, 0.75] } },
      ],
      outputs: [{ series: 'served', as: 'served.csv' }],
      topology: { nodes: [{ id: 'Checkout', kind: 'service', semantics: { arrivals: 'arrivals', served: 'served' }, constraints: ['c1', 'c2'] }] },
    };
    const expected = dedent(`
      schemaVersion: 1
      grid:
        bins: 3
        binSize: 5
        binUnit: minutes
      nodes:
        - id: arrivals
          kind: const
          values: [10, 20.5, 0.001]
          metadata:
            graph.hidden: "true"
        - id: zero
          kind: expr
          expr: "0"
        - id: served
          kind: expr
          expr: MIN(arrivals, capacity)
        - id: demand
          kind: pmf
          pmf:
            values: [1, 2]
            probabilities: [0.25, 0.75]
      outputs:
        - series: served
          as: served.csv
      topology:
        nodes:
          - id: Checkout
            kind: service
            semantics:
              arrivals: arrivals
              served: served
            constraints:
              - c1
              - c2
    `);
    const text = emitModelYaml(model);
    assert.equal(text, expected.endsWith('\n') ? expected : `${expected}\n`);
    assert.ok(!text.includes('\r'));
    assert.deepEqual(roundTrip(model), model);
  });

  test('omits null/undefined members and empty collections, also ones that become empty', () => {
    const text = emitModelYaml({ schemaVersion: 1, classes: [], traffic: { arrivals: [] }, rng: null, a: undefined, b: { c: null, d: {} }, keep: 0, s: '' });
    assert.equal(text, 'schemaVersion: 1\nkeep: 0\ns: ""\n');
    assert.equal(emitModelYaml({}), '{}\n');
  });

  test('empty collections inside arrays are kept in flow form; nested arrays start on the dash line', () => {
    const m = { a: [[], {}, ['x', 'w'], [[1, 2], 'z'], { b: 1 }] };
    assert.equal(emitModelYaml(m), 'a:\n  - []\n  - {}\n  - - x\n    - w\n  - - [1, 2]\n    - z\n  - b: 1\n');
    assert.deepEqual(roundTrip(m), m);
  });

  test('refuses what a FlowTime model cannot hold', () => {
    assert.throws(() => emitModelYaml({ a: NaN }), /NaN/);
    assert.throws(() => emitModelYaml({ a: [1, Infinity] }), /Infinity/);
    assert.throws(() => emitModelYaml({ a: [1, null] }), /missing values/);
    assert.throws(() => emitModelYaml({ a: new Date(0) }), /non-plain object/);
    assert.throws(() => emitModelYaml({ a: 10n as unknown }), /bigint/);
    assert.throws(() => emitModelYaml({ ['k'.repeat(1001)]: 1 }), /longer than 1000/);
  });

  test('is deterministic: same object, same bytes', () => {
    const m = { schemaVersion: 1, nodes: [{ id: 'a', values: [0.1, 0.2] }] };
    assert.equal(emitModelYaml(m), emitModelYaml(JSON.parse(JSON.stringify(m)) as Record<string, unknown>));
  });
});

describe('emitModelYaml: scalars', () => {
  // [value, exact emitted text]
  const table: [string | number | boolean, string][] = [
    ['', '""'],
    ['null', '"null"'],
    ['Null', '"Null"'],
    ['~', '"~"'],
    ['true', '"true"'],
    ['TRUE', '"TRUE"'],
    ['False', '"False"'],
    ['0', '"0"'],
    ['-12', '"-12"'],
    ['+5', '"+5"'],
    ['3.14', '"3.14"'],
    ['.5', '".5"'],
    ['1e3', '"1e3"'],
    ['5.', '"5."'],
    ['99999999999', '"99999999999"'],
    ['yes', '"yes"'],
    ['No', '"No"'],
    ['on', '"on"'],
    ['off', '"off"'],
    ['y', '"y"'],
    ['.inf', '".inf"'],
    ['NaN', '"NaN"'],
    ['0x1F', '"0x1F"'],
    ['2025-09-19', '"2025-09-19"'],
    ['12:30', '"12:30"'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['a: b', '"a: b"'],
    ['a:', '"a:"'],
    ['a #b', '"a #b"'],
    ['#x', '"#x"'],
    ['- x', '"- x"'],
    ['-x', '"-x"'],
    ['? x', '"? x"'],
    [':x', '":x"'],
    ['[a]', '"[a]"'],
    ['{a}', '"{a}"'],
    ['*alias', '"*alias"'],
    ['&anchor', '"&anchor"'],
    ['!tag', '"!tag"'],
    ['|', '"|"'],
    ['>', '">"'],
    ["'q'", `"'q'"`],
    ['"q"', '"\\"q\\""'],
    ['%x', '"%x"'],
    ['@x', '"@x"'],
    ['`x', '"`x"'],
    ['...', '"..."'],
    ['<<', '"<<"'],
    ['a\nb', '"a\\nb"'],
    ['a\tb', '"a\\tb"'],
    ['back\\slash', 'back\\slash'],
    ['nul\u0000', '"nul\\x00"'],
    ['bell\u0007', '"bell\\x07"'],
    ['nel\u0085', '"nel\\x85"'],
    ['ls\u2028', '"ls\\u2028"'],
    ['bom\ufeff', '"bom\\uFEFF"'],
    ['lone\ud800', '"lone\\uD800"'],
    ['emoji 😀', '"emoji 😀"'],
    ['Café', '"Café"'],
    ['arrivals', 'arrivals'],
    ['MIN(arrivals, capacity)', 'MIN(arrivals, capacity)'],
    ['SHIFT(queue, 1) + x * 0.5', 'SHIFT(queue, 1) + x * 0.5'],
    ['series:served@vip', 'series:served@vip'],
    ['a#b', 'a#b'],
    ['a:b', 'a:b'],
    ['Checkout Service', 'Checkout Service'],
    ['served.csv', 'served.csv'],
    [0, '0'],
    [-0, '-0'],
    [1.5, '1.5'],
    [-2, '-2'],
    [0.1, '0.1'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [123456789012, '123456789012'],
    [true, 'true'],
    [false, 'false'],
  ];
  for (const [value, text] of table) {
    test(`${JSON.stringify(value)} → ${text}`, () => {
      assert.equal(scalarText(value), text);
      assert.deepEqual(roundTrip({ k: value }), { k: value });
      // As a key too (keys always stay strings).
      if (typeof value === 'string' && value.length > 0) assert.deepEqual(roundTrip({ [value]: 1 }), { [value]: 1 });
    });
  }

  test('every string FlowTime would re-type is quoted', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const text = scalarText(s);
        if (!text.startsWith('"')) assert.equal(typePlainScalar(text), s);
      }),
      { numRuns: 2000 },
    );
  });

  test('numbers print without a fraction when integral and re-parse to the same double', () => {
    assert.equal(numberText(100), '100');
    assert.equal(numberText(1.0), '1');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        assert.ok(Object.is(typePlainScalar(numberText(n)), n), numberText(n));
        if (Math.abs(n) >= 1e-6 && Math.abs(n) < 1e21) assert.ok(!/e/i.test(numberText(n)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('emitModelYaml: round trip', () => {
  const hostile = fc.constantFrom(
    '', 'null', '~', 'true', 'False', '0', '-1', '.5', '1e3', '+5', 'yes', 'no', 'on', ' x', 'x ', 'a: b', 'a #b', '#', '-', '- x', '?', ':',
    '[', ']', '{', '}', ',', '&a', '*a', '!a', '|', '>', "'", '"', '%', '@', '`', '...', '---', '<<', '\n', '\r\n', '\t', '\\', '\u0000',
    '\u0085', '\u2028', '\ufeff', '\ud800', '\udfff', '😀', 'é', 'e\u0301', '__proto__', 'constructor', 'toString', 'key with spaces',
  );
  const str = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/));
  const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.1, 1e-7, 1e21, 2 ** 53));
  const scalar = fc.oneof(str, num, fc.boolean());
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object'), fc.array(num, { minLength: 1, maxLength: 8 })),
    array: fc.array(tie('value'), { minLength: 1, maxLength: 4 }),
    object: fc.dictionary(str, tie('value'), { minKeys: 1, maxKeys: 5, noNullPrototype: true }),
  }));
  const model = fc.dictionary(str, value, { minKeys: 1, maxKeys: 6, noNullPrototype: true });

  test('parseYaml(emitModelYaml(m)) deep-equals m (no nulls, no empties)', () => {
    fc.assert(
      fc.property(model, (m) => {
        assert.deepEqual(roundTrip(m as Record<string, unknown>), m);
      }),
      { numRuns: 1500 },
    );
  });

  test('model-like objects survive exactly', () => {
    const node = fc.record({
      id: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,10}$/),
      kind: fc.constantFrom('const', 'expr', 'pmf'),
      values: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 10 }),
      expr: fc.oneof(str, fc.constantFrom('0', '1.5', 'a + b', 'SHIFT(a, 1)', 'MAX(0, a - b)')),
      metadata: fc.dictionary(fc.constantFrom('graph.hidden', 'origin.kind', 'pmf.expected'), fc.oneof(str, fc.constantFrom('true', '0.5')), { minKeys: 1, noNullPrototype: true }),
    }, { noNullPrototype: true });
    const m = fc.record({
      schemaVersion: fc.constant(1),
      grid: fc.record({ bins: fc.integer({ min: 1, max: 10000 }), binSize: fc.integer({ min: 1, max: 1000 }), binUnit: fc.constantFrom('minutes', 'hours') }, { noNullPrototype: true }),
      nodes: fc.array(node, { minLength: 1, maxLength: 5 }),
      outputs: fc.array(fc.record({ series: str, as: fc.constantFrom('a.csv', 'b.txt') }, { noNullPrototype: true }), { minLength: 1, maxLength: 3 }),
    }, { noNullPrototype: true });
    fc.assert(
      fc.property(m, (x) => {
        assert.deepEqual(roundTrip(x), x);
      }),
      { numRuns: 500 },
    );
  });
});
