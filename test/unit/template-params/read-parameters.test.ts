// readParameters: declarations, default types and bounds, and the warnings about keys Sim ignores or misreads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readParameters } from '../../../core/src/template/parameters';
import { fixture, withCode } from './helpers';

function read(source: string) {
  const f = fixture(source);
  return { ...f, ...readParameters(f.doc) };
}

describe('readParameters: declarations', () => {
  test('reads every field, with the long bound spellings, and reports nothing for a sound declaration', () => {
    const r = read(`
      parameters:
        - name: bins
          type: integer
          title: "Time Periods"
          description: Number of bins
          default: 12
          minimum: 6
          maximum: 72
        - name: pattern
          type: array
          arrayOf: int
          default: [1, 2, 3]
          min: 0
          max: 10
    `);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.params, [
      { name: 'bins', type: 'integer', hasDefault: true, pointer: '/parameters/0', title: 'Time Periods', description: 'Number of bins', min: 6, max: 72, default: 12 },
      { name: 'pattern', type: 'array', hasDefault: true, pointer: '/parameters/1', arrayOf: 'int', min: 0, max: 10, default: [1, 2, 3] },
    ]);
  });

  test('a template without parameters, or with unusable entries, gives no parameters and no diagnostics', () => {
    assert.deepEqual(read('grid:\n  bins: 3\n').params, []);
    assert.deepEqual(read('parameters: 5\n').params, []);
    const r = read(`
      parameters:
        - just a string
        - type: integer
          default: 3
        - name: ok
          type: string
          default: x
    `);
    assert.deepEqual(r.params.map((p) => p.name), ['ok']);
    assert.equal(r.params[0].pointer, '/parameters/2');
    assert.deepEqual(r.diagnostics, []);
  });

  test('a missing or unknown type is inferred from the default and not checked', () => {
    const r = read(`
      parameters:
        - name: a
          default: 1.5
        - name: b
          type: int
          default: 3
        - name: c
          default: [1, 2]
    `);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.params.map((p) => [p.name, p.type, p.typeInferred]),
      [['a', 'number', true], ['b', 'integer', true], ['c', 'array', true]],
    );
  });

  test('both bound spellings with the same value are fine', () => {
    const r = read(`
      parameters:
        - name: x
          type: number
          default: 1
          min: 0
          minimum: 0
    `);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.params[0].min, 0);
  });

  test('both bound spellings with different values: error on the later one, related to the earlier one', () => {
    const r = read(`
      parameters:
        - name: x
          type: number
          default: 5
          max: «10»
          maximum: «20»
    `);
    const [d] = withCode(r.diagnostics, 'param.bound-conflict');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /`maximum` 20 contradicts `max` 10/);
    assert.deepEqual(d.range, r.ranges[1]);
    assert.deepEqual(d.related?.[0].range, r.ranges[0]);
    assert.equal(r.params[0].max, 20, 'the later line wins, as in Sim\'s line reader');
  });

  test('duplicate parameter name: error on the second name, related to the first', () => {
    const r = read(`
      parameters:
        - name: «bins»
          type: integer
          default: 12
        - name: «bins»
          type: integer
          default: 6
    `);
    const [d] = withCode(r.diagnostics, 'param.duplicate-name');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /`bins` is declared twice/);
    assert.deepEqual(d.range, r.ranges[1]);
    assert.deepEqual(d.related?.[0].range, r.ranges[0]);
    assert.equal(r.params.length, 2);
  });

  test('min above max: error on max, related to min', () => {
    const r = read(`
      parameters:
        - name: rate
          type: number
          default: 0.5
          minimum: «1»
          maximum: «0»
    `);
    const [d] = withCode(r.diagnostics, 'param.min-above-max');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /`maximum` 0 is below `minimum` 1/);
    assert.deepEqual(d.range, r.ranges[1]);
    assert.deepEqual(d.related?.[0].range, r.ranges[0]);
  });
});

describe('readParameters: default types', () => {
  const cases: { name: string; type: string; value: string; gist: RegExp; extra?: string }[] = [
    { name: 'integer with a fraction', type: 'integer', value: '5.5', gist: /integer parameter `p` must be a whole number, not `5.5`/ },
    { name: 'integer written 5.0', type: 'integer', value: '5.0', gist: /must be a whole number, not `5.0`/ },
    { name: 'integer quoted', type: 'integer', value: '"5"', gist: /must be a whole number, not the string "5" \(remove the quotes\)/ },
    { name: 'number quoted', type: 'number', value: "'0.5'", gist: /number parameter `p` must be a number, not the string "0.5" \(remove the quotes\)/ },
    { name: 'number as text', type: 'number', value: 'fast', gist: /must be a number, not the string "fast"\./ },
    { name: 'boolean yes', type: 'boolean', value: 'yes', gist: /must be `true` or `false`, not the string "yes"/ },
    { name: 'boolean quoted', type: 'boolean', value: '"true"', gist: /must be `true` or `false`, not the string "true"/ },
    { name: 'string given a number', type: 'string', value: '5', gist: /string parameter `p` must be a string, not `5` \(quote it/ },
    { name: 'string given a boolean', type: 'string', value: 'true', gist: /must be a string, not `true`/ },
    { name: 'array given a scalar', type: 'array', value: '"[1, 2]"', gist: /array parameter `p` must be a sequence of numbers such as `\[1, 2, 3\]`, not the string "\[1, 2\]"/ },
    { name: 'array given a mapping', type: 'array', value: '{a: 1}', gist: /must be a sequence of numbers .* not a mapping/ },
    { name: 'integer left empty', type: 'integer', value: '', gist: /must be a whole number, not an empty string/ },
  ];
  for (const c of cases) {
    test(`${c.name}: error on the default value`, () => {
      const r = read(`
        parameters:
          - name: p
            type: ${c.type}
            «default»: ${c.value === '' ? '' : `«${c.value}»`}
      `);
      const [d] = withCode(r.diagnostics, 'param.default-type');
      assert.equal(d.severity, 'error');
      assert.match(d.message, c.gist);
      // An empty value is reported on its key (it has no width of its own).
      assert.deepEqual(d.range, c.value === '' ? r.ranges[0] : r.ranges[1]);
    });
  }

  test('well-typed defaults are accepted (a whole number is also a number; False is a boolean; "" is a string)', () => {
    const r = read(`
      parameters:
        - {name: a, type: integer, default: -3}
        - {name: b, type: number, default: 5}
        - {name: c, type: number, default: 1e3}
        - {name: d, type: boolean, default: False}
        - {name: e, type: string, default: ""}
        - {name: f, type: string, default: "5"}
        - {name: g, type: array, default: []}
        - {name: h, type: array, arrayOf: int, default: [1, 2.0, -4]}
        - name: i
          type: string
          default:
    `);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.params.map((p) => p.default),
      [-3, 5, 1000, false, '', '5', [], [1, 2, -4], ''],
    );
  });

  test('array elements that are not numbers: one error per element, naming the index, on the element', () => {
    const r = read(`
      parameters:
        - name: p
          type: array
          default: [1, «"2"», 3, «x»]
    `);
    const ds = withCode(r.diagnostics, 'param.default-type', 2);
    assert.match(ds[0].message, /Element at index 1 of the default of array parameter `p` is the string "2", not a number/);
    assert.deepEqual(ds[0].range, r.ranges[0]);
    assert.match(ds[1].message, /Element at index 3 .* is the string "x", not a number/);
    assert.deepEqual(ds[1].range, r.ranges[1]);
    assert.equal(r.params[0].default, undefined, 'a sequence holding text cannot be a ParameterValue');
    assert.equal(r.params[0].hasDefault, true);
  });

  test('arrayOf int (any case): fractional elements are errors', () => {
    const r = read(`
      parameters:
        - name: p
          type: array
          arrayOf: Int
          default: [1, «2.5», 3]
    `);
    const [d] = withCode(r.diagnostics, 'param.default-type');
    assert.match(d.message, /Element at index 1 .* is `2.5`, not a whole number \(`arrayOf: Int`\)/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('arrayOf number or double: fractional elements are fine', () => {
    for (const of of ['number', 'double']) {
      const r = read(`
        parameters:
          - name: p
            type: array
            arrayOf: ${of}
            default: [1.5, 2.25]
      `);
      assert.deepEqual(r.diagnostics, []);
    }
  });
});

describe('readParameters: bounds of defaults', () => {
  test('scalar default below the minimum', () => {
    const r = read(`
      parameters:
        - name: bins
          type: integer
          default: «3»
          minimum: 6
          maximum: 72
    `);
    const [d] = withCode(r.diagnostics, 'param.default-out-of-range');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /The default 3 of `bins` is below the minimum 6/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('scalar default above the maximum', () => {
    const r = read(`
      parameters:
        - name: rate
          type: number
          default: «1.5»
          max: 1
    `);
    const [d] = withCode(r.diagnostics, 'param.default-out-of-range');
    assert.match(d.message, /The default 1.5 of `rate` exceeds the maximum 1/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('array default elements outside min/max: one error per element, naming the index', () => {
    const r = read(`
      parameters:
        - name: caps
          type: array
          arrayOf: number
          minimum: 10
          maximum: 300
          default:
            - 120
            - «5»
            - 200
            - «500»
    `);
    const ds = withCode(r.diagnostics, 'param.default-out-of-range', 2);
    assert.match(ds[0].message, /Element at index 1 \(5\) of the default of `caps` is below the minimum 10/);
    assert.deepEqual(ds[0].range, r.ranges[0]);
    assert.match(ds[1].message, /Element at index 3 \(500\) of the default of `caps` exceeds the maximum 300/);
    assert.deepEqual(ds[1].range, r.ranges[1]);
  });

  test('a default of the wrong type is not also range-checked', () => {
    const r = read(`
      parameters:
        - {name: p, type: integer, default: "100", max: 10}
    `);
    withCode(r.diagnostics, 'param.default-type');
    withCode(r.diagnostics, 'param.default-out-of-range', 0);
  });
});

describe('readParameters: warnings', () => {
  test('parameter without default: warning on its name', () => {
    const r = read(`
      parameters:
        - name: «source»
          type: string
    `);
    const [d] = withCode(r.diagnostics, 'param.no-default');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /`source` has no default: the template cannot be instantiated without a value for it \(Sim leaves `\$\{source\}` unresolved\)/);
    assert.deepEqual(d.range, r.ranges[0]);
    assert.equal(r.params[0].hasDefault, false);
    assert.equal('default' in r.params[0], false);
  });

  test('array parameter without default: the warning says Sim rejects it', () => {
    const r = read(`
      parameters:
        - name: «pattern»
          type: array
    `);
    const [d] = withCode(r.diagnostics, 'param.no-default');
    assert.match(d.message, /Sim rejects an array parameter without a value/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('arrayOf on a non-array parameter: warning on the key', () => {
    const r = read(`
      parameters:
        - name: n
          type: integer
          «arrayOf»: int
          default: 3
    `);
    const [d] = withCode(r.diagnostics, 'param.array-of-ignored');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /`arrayOf` only applies to array parameters; Sim ignores it on integer parameter `n`/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('required and enum: warnings on the keys, Sim does not enforce them', () => {
    const r = read(`
      parameters:
        - name: mode
          type: string
          default: a
          «required»: true
          «enum»: [a, b]
    `);
    const ds = withCode(r.diagnostics, 'param.ignored-key', 2);
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, /Sim does not enforce `required`/);
    assert.deepEqual(ds[0].range, r.ranges[0]);
    assert.match(ds[1].message, /Sim does not enforce `enum`: any value is accepted/);
    assert.deepEqual(ds[1].range, r.ranges[1]);
  });

  test('quoted name: the line-based reader keeps the quotes', () => {
    const r = read(`
      parameters:
        - name: «"bins"»
          type: integer
          default: 12
    `);
    const [d] = withCode(r.diagnostics, 'param.header-reader');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /keeps the quotes of this name, so `\$\{bins\}` is not substituted/);
    assert.deepEqual(d.range, r.ranges[0]);
    assert.equal(r.params[0].name, 'bins');
  });

  test('multi-line defaults: the line-based reader loses them (block sequences also split the parameter)', () => {
    const r = read(`
      parameters:
        - name: pattern
          type: array
          «default»:
            - 1
            - 2
        - name: list
          type: array
          «default»: [1,
            2]
        - name: ok
          type: array
          default: [1, 2]
    `);
    const ds = withCode(r.diagnostics, 'param.header-reader', 2);
    assert.match(ds[0].message, /loses this multi-line default \(it becomes ""\) and takes its `- ` lines for new parameters: write it on one line, e\.g\. `default: \[1, 2, 3\]`/);
    assert.deepEqual(ds[0].range, r.ranges[0]);
    assert.doesNotMatch(ds[1].message, /`- ` lines/);
    assert.deepEqual(ds[1].range, r.ranges[1]);
  });
});
