// Expression issues mapped to document ranges in real YAML (double-quoted, plain and single-quoted expr values).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../core/src/yaml/parse';
import { exprIssuesToDiagnostics, validateExpressionAt } from '../../../core/src/expr/diagnostics';
import { parseExpression } from '../../../core/src/expr/parse';
import { exprCodes } from '../../../core/src/codes/expr';
import { dedent, marked } from '../../helpers/markers';
import { context } from './helpers';

const ctx = context(['demand', 'served', 'a', 'b']);

function load(source: string) {
  const m = marked(dedent(source));
  const parsed = parseYaml(m.text);
  assert.deepEqual(parsed.diagnostics, []);
  return { doc: parsed.doc, ranges: m.ranges };
}

describe('exprIssuesToDiagnostics', () => {
  test('a double-quoted expr: the unknown reference is located inside the quotes', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: demand
          kind: expr
          expr: "MIN(demand, «servd»)"
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.equal(r.diagnostics.length, 1);
    const [d] = r.diagnostics;
    assert.equal(d.code, 'expr.unknown-reference');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "expression references unknown node 'servd'; did you mean 'served'?");
    assert.deepEqual(d.range, ranges[0]);
    assert.deepEqual(d.fixes, [{ title: "Change to 'served'", edits: [{ range: ranges[0], newText: 'served' }] }]);
    assert.deepEqual(
      r.refs.map((x) => x.name),
      ['demand', 'servd'],
    );
  });

  test('a plain expr: a Rust-only unary minus and its fix edit', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: b
          kind: expr
          expr: MAX(«-a», 0) * «1e-3»
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [
        ['csharp.unary-minus', 'error', ranges[0]],
        ['csharp.exponent-number', 'error', ranges[1]],
      ],
    );
    assert.deepEqual(r.diagnostics[0].fixes?.[0].edits, [{ range: ranges[0], newText: '(0 - a)' }]);
    assert.deepEqual(r.diagnostics[1].fixes?.[0].edits, [{ range: ranges[1], newText: '0.001' }]);
    assert.ok(r.expr);
  });

  test('escapes before the error shift the document position (double-quoted \\t)', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: b
          kind: expr
          expr: "a\\t+ «zz»"
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.range]),
      [['expr.unknown-reference', ranges[0]]],
    );
  });

  test('a parse error at the end of a double-quoted value is a zero-width range before the quote', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: b
          kind: expr
          expr: "(a + b«»"
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.equal(r.expr, undefined);
    assert.deepEqual(r.refs, []);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['expr.syntax', 'error', ranges[0]]],
    );
    assert.match(r.diagnostics[0].message, /^expected '\)'/);
  });

  test('a single-quoted value with a doubled quote before the error', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: b
          kind: expr
          expr: 'a + «''»b'
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.range]),
      [['expr.syntax', ranges[0]]],
    );
    assert.match(r.diagnostics[0].message, /^unexpected character '''/);
  });

  test('warnings keep their registered severity; every diagnostic code is registered', () => {
    const { doc, ranges } = load(`
      nodes:
        - id: b
          kind: expr
          expr: CONV(a, «0.5») + «Demand»
    `);
    const r = validateExpressionAt(doc, '/nodes/0/expr', ctx);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [
        ['rust.conv-scalar-kernel', 'warning', ranges[0]],
        ['expr.unknown-reference', 'error', ranges[1]],
      ],
    );
    for (const d of r.diagnostics) assert.equal(d.severity, exprCodes[d.code as keyof typeof exprCodes].severity);
  });

  test('exprIssuesToDiagnostics maps issues given directly', () => {
    const { doc, ranges } = load(`
      expr: "a «,» b"
    `);
    const issues = parseExpression('a , b').issues;
    const diagnostics = exprIssuesToDiagnostics(doc, '/expr', issues);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [['expr.syntax', ranges[0], "unexpected character ',': a comma only separates function arguments or array elements"]],
    );
  });

  test('codes registered by other groups keep their own severity', () => {
    const { doc, ranges } = load(`
      expr: "a + «SHIFT(a, 1)»"
    `);
    const [d] = exprIssuesToDiagnostics(doc, '/expr', [{ code: 'yaml.warning', message: 'm', start: 4, end: 15 }]);
    assert.deepEqual([d.code, d.severity, d.range], ['yaml.warning', 'warning', ranges[0]]);
    const [foreign] = exprIssuesToDiagnostics(doc, '/expr', [{ code: 'no.such-code', message: 'm', start: 4, end: 15 }]);
    assert.equal(foreign.code, 'expr.syntax');
  });

  test('non-string values are left to the schema checks; a plain number is read from its text', () => {
    const { doc } = load(`
      nodes:
        - expr: [1, 2]
        - expr: 5
        - expr: -5
    `);
    assert.deepEqual(validateExpressionAt(doc, '/nodes/0/expr', ctx), { refs: [], diagnostics: [] });
    const five = validateExpressionAt(doc, '/nodes/1/expr', ctx);
    assert.deepEqual(five.diagnostics, []);
    assert.equal(five.expr?.type, 'number');
    assert.deepEqual(
      validateExpressionAt(doc, '/nodes/2/expr', ctx).diagnostics.map((d) => d.code),
      ['csharp.unary-minus'],
    );
    assert.deepEqual(validateExpressionAt(doc, '/nodes/9/expr', ctx), { refs: [], diagnostics: [] });
  });

  test('an empty expression is reported on the value', () => {
    const { doc, ranges } = load(`
      expr: "«»"
      other: "« »"
    `);
    const r = validateExpressionAt(doc, '/expr', ctx);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.message, d.range]),
      [['expr.syntax', 'empty expression: write a number, a node id or a function call', ranges[0]]],
    );
    const blank = validateExpressionAt(doc, '/other', ctx);
    assert.deepEqual(
      blank.diagnostics.map((d) => [d.code, d.range]),
      [['expr.syntax', ranges[1]]],
    );
  });
});
