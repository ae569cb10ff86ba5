// Completion inside `expr` strings: node ids and functions where an operand goes, the replaced word, literal arguments.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS } from '../../../../core/src/expr/functions';
import { assertRange, completeAt, entry, MODEL } from './helpers';

const FUNCTION_NAMES = FUNCTIONS.map((f) => f.name);
const at = (expr: string, kind?: 'model' | 'template') => completeAt(`${MODEL}  - id: total\n    kind: expr\n    expr: ${expr}\n`, kind);

describe('where an operand goes', () => {
  test('an empty expression: every node id (with its kind) and the 11 functions', () => {
    const c = at('"‸"');
    assert.deepEqual(c.labels, ['demand', 'capacity', 'served', ...FUNCTION_NAMES]);
    assert.equal(entry(c, 'demand').detail, 'const node');
    assert.equal(entry(c, 'served').detail, 'expr node');
    assert.equal(FUNCTION_NAMES.length, 11);
  });

  test('functions are signature snippets with their docs', () => {
    const c = at('"‸"');
    const min = entry(c, 'MIN');
    assert.equal(min.insertText, 'MIN(${1:a}, ${2:b})$0');
    assert.equal(min.isSnippet, true);
    assert.equal(min.detail, 'MIN(a, b)');
    assert.match(min.documentation ?? '', /smaller of two values/);
    assert.equal(entry(c, 'CLAMP').insertText, 'CLAMP(${1:value}, ${2:lo}, ${3:hi})$0');
    // PULSE's optional phase and amplitude are left to signature help.
    assert.equal(entry(c, 'PULSE').insertText, 'PULSE(${1:period})$0');
  });

  test('after `(`, `,` and an operator', () => {
    for (const expr of ['"MIN(‸"', '"MIN(demand, ‸"', '"demand + ‸"', '"(demand * ‸)"', '"MAX(0, demand - ‸)"']) {
      const c = at(expr);
      assert.ok(c.labels.includes('capacity') && c.labels.includes('SHIFT'), expr);
    }
  });

  test('after an operand an operator is expected: nothing to offer', () => {
    for (const expr of ['"demand ‸"', '"MIN(a, b) ‸"', '"2 ‸"']) assert.deepEqual(at(expr).labels, [], expr);
  });

  test('a number being typed, or a CONV kernel: nothing', () => {
    assert.deepEqual(at('"demand * 1‸"').labels, []);
    assert.deepEqual(at('"CONV(demand, [0.5, ‸"').labels, []);
  });

  test('literal-only arguments (SHIFT lag, PULSE period, CONV kernel): no node, no call', () => {
    assert.deepEqual(at('"SHIFT(demand, ‸"').labels, []);
    assert.deepEqual(at('"PULSE(‸"').labels, []);
    assert.deepEqual(at('"PULSE(4, ‸"').labels, []);
    assert.ok(at('"PULSE(4, 0, ‸"').labels.includes('demand'), 'amplitude is any expression');
    assert.deepEqual(at('"CONV(demand, ‸"').labels, []);
  });

  test("the node's own id only inside SHIFT's first argument (elsewhere it is a same-bin cycle)", () => {
    assert.ok(!at('"‸"').labels.includes('total'));
    assert.ok(!at('"MIN(‸"').labels.includes('total'));
    assert.ok(at('"SHIFT(‸"').labels.includes('total'));
  });
});

describe('the replaced word', () => {
  test('a partial node id', () => {
    assertRange(at('"MIN(«de‸»"'));
  });

  test('a partial function name; typed in lower case it still matches', () => {
    const c = at('"«cl‸»"');
    assertRange(c);
    assert.equal(entry(c, 'CLAMP').filterText, 'clamp');
  });

  test('the whole identifier when the cursor is inside it', () => {
    assertRange(at('"MIN(«dem‸and», 1)"'));
  });

  test('a name already followed by `(` is replaced by the name alone', () => {
    const c = at('"«MI‸»(demand, 1)"');
    assert.equal(entry(c, 'MAX').insertText, 'MAX');
    assert.ok(!entry(c, 'MAX').isSnippet);
    assertRange(c);
  });

  test('single-quoted, plain and block expressions', () => {
    assertRange(at("'MIN(«de‸»'"));
    assertRange(at('MIN(«de‸»'));
    const block = completeAt(`${MODEL}  - id: total\n    kind: expr\n    expr: |\n      MIN(demand,\n        «ca‸»\n`);
    assertRange(block);
    assert.ok(block.labels.includes('capacity'));
  });
});

describe('templates', () => {
  const params = `
parameters:
  - name: period
    type: integer
    default: 4
  - name: pattern
    type: array
    default: [1, 2]
  - name: scale
    type: number
    default: 0.5
`;
  const tpl = (expr: string) => completeAt(`${params}nodes:\n  - id: gate\n    kind: expr\n    expr: ${expr}\n`, 'template');

  test('`${param}` entries beside node ids and functions (not array parameters)', () => {
    const c = tpl('"‸"');
    assert.ok(c.labels.includes('${period}') && c.labels.includes('${scale}'));
    assert.ok(!c.labels.includes('${pattern}'));
    assert.equal(entry(c, '${period}').insertText, '${period}');
    assert.ok(!entry(c, '${period}').isSnippet, 'inserted as text, not as a snippet variable');
  });

  test('a literal argument accepts a placeholder', () => {
    assert.deepEqual(tpl('"PULSE(‸"').labels, ['${period}', '${scale}']);
  });

  test('after `${` inside the expression: parameter names, closing the brace', () => {
    const c = tpl('"PULSE(${«pe‸»"');
    assert.deepEqual(c.labels, ['period', 'pattern', 'scale']);
    assert.equal(entry(c, 'period').insertText, 'period}');
    assertRange(c);
  });

  test('a placeholder counts as an operand', () => {
    assert.deepEqual(tpl('"${period} ‸"').labels, []);
  });
});
