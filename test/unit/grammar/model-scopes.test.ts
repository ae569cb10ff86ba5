// Scopes the flowtime-model grammar gives to expressions, ids, kinds and plain YAML, over VS Code's YAML grammar.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dedent } from '../../helpers/markers';
import { YAML_FLAVORS, expectNoScope, expectScope, scopesOf, tokenize } from './grammar-harness';

const MODEL = 'source.flowtime-model';
const FN = 'support.function.builtin.flowtime';
const REF = 'variable.other.node-reference.flowtime';
const NUM = 'constant.numeric.decimal.flowtime';
const OP = 'keyword.operator.arithmetic.flowtime';
const EMBED = 'meta.embedded.expression.flowtime';
const COMMENT = 'comment.line.number-sign.yaml';
const KEY = 'entity.name.tag.yaml';

for (const flavor of YAML_FLAVORS) {
  const skip = flavor.available ? false : `${flavor.name} is not installed on this machine`;
  const model = (text: string) => tokenize(MODEL, dedent(text), flavor);

  describe(`model grammar: expr values (${flavor.name})`, { skip }, () => {
    test('double-quoted expr: function, node references, number, operator, parentheses and comma', async () => {
      const lines = await model(`
        nodes:
          - id: served_clamped
            kind: expr
            expr: "MAX(0, arrivals - served)"
      `);
      expectScope(lines, 3, 'expr', KEY);
      expectScope(lines, 3, ':', 'punctuation.separator.key-value.mapping.yaml');
      expectScope(lines, 3, '"', 'punctuation.definition.string.begin.yaml');
      expectScope(lines, 3, '"', 'string.quoted.double.yaml');
      expectScope(lines, 3, 'MAX', FN);
      expectScope(lines, 3, 'MAX', EMBED);
      expectScope(lines, 3, '(', 'punctuation.section.parens.begin.flowtime');
      expectScope(lines, 3, '0', NUM);
      expectScope(lines, 3, ',', 'punctuation.separator.comma.flowtime');
      expectScope(lines, 3, 'arrivals', REF);
      expectScope(lines, 3, '-', OP);
      expectScope(lines, 3, 'served', REF);
      expectScope(lines, 3, ')', 'punctuation.section.parens.end.flowtime');
      expectScope(lines, 3, '"', 'punctuation.definition.string.end.yaml', 1);
      // The expression itself is code, not a YAML string: brackets and quotes behave as in code.
      expectNoScope(lines, 3, 'arrivals', 'string');
    });

    test('all 11 functions are recognised, in any case, and only when called', async () => {
      const lines = await model(`
        expr: "SHIFT(a, 1) + CONV(a, [0.5, 0.5]) + MIN(a, b) + MAX(a, b) + CLAMP(a, 0, 1) + MOD(a, 2)"
        expr: "FLOOR(a) + CEIL(a) + ROUND(a) + STEP(a, 1) + PULSE(24, 0, 1)"
        expr: "min(demand, capacity) + Max (a, b) + min + ABS(a) + SUM(a)"
      `);
      for (const f of ['SHIFT', 'CONV', 'MIN', 'MAX', 'CLAMP', 'MOD']) expectScope(lines, 0, f, FN);
      for (const f of ['FLOOR', 'CEIL', 'ROUND', 'STEP', 'PULSE']) expectScope(lines, 1, f, FN);
      expectScope(lines, 2, 'min', FN);
      expectScope(lines, 2, 'Max', FN);
      // A node may be named like a function: without parentheses it is a reference.
      expectScope(lines, 2, 'min', REF, 1);
      // Functions the engines do not implement are calls, but not built-ins.
      expectScope(lines, 2, 'ABS', 'entity.name.function.unknown.flowtime');
      expectNoScope(lines, 2, 'SUM', FN);
    });

    test('numbers, array literals and characters the language does not have', async () => {
      const lines = await model(`
        expr: "CONV(x, [0.6, 0.3, 0.1]) * 2.5 / 10"
        expr: "42. + ü_node $ x"
      `);
      expectScope(lines, 0, '[', 'punctuation.section.brackets.begin.flowtime');
      expectScope(lines, 0, '0.6', NUM);
      expectScope(lines, 0, ']', 'punctuation.section.brackets.end.flowtime');
      expectScope(lines, 0, '*', OP);
      expectScope(lines, 0, '/', OP);
      expectScope(lines, 0, '2.5', NUM);
      // `42.` is not a number in the C# grammar: the number ends before the dot.
      expectScope(lines, 1, '42', NUM);
      expectScope(lines, 1, '.', 'invalid.illegal.character.flowtime');
      expectScope(lines, 1, 'ü_node', REF);
      expectScope(lines, 1, '$', 'invalid.illegal.character.flowtime');
    });

    test('plain, single-quoted and numeric values', async () => {
      const lines = await model(`
        nodes:
          - id: a
            expr: order_served / order_arrivals
          - id: b
            expr: 'SHIFT(b, 1) + 1'
          - id: c
            expr: 5
      `);
      expectScope(lines, 2, 'order_served', REF);
      expectScope(lines, 2, '/', OP);
      expectScope(lines, 2, 'order_arrivals', REF);
      expectScope(lines, 4, "'", 'string.quoted.single.yaml');
      expectScope(lines, 4, 'SHIFT', FN);
      expectScope(lines, 4, 'b', REF);
      expectScope(lines, 6, '5', NUM);
      expectNoScope(lines, 6, '5', 'constant.numeric.integer');
    });

    test('a # comment after an expr is a comment, for plain and quoted values', async () => {
      const lines = await model(`
        nodes:
          - id: a
            expr: "received_orders * 240000" # 4 minutes per staged order
          - id: b
            expr: MIN(a, 2)   # capped
      `);
      expectScope(lines, 2, '#', COMMENT);
      expectScope(lines, 2, '#', 'punctuation.definition.comment.yaml');
      expectScope(lines, 2, ' 4 minutes per staged order', COMMENT);
      expectNoScope(lines, 2, ' 4 minutes per staged order', EMBED);
      expectScope(lines, 4, 'MIN', FN);
      expectScope(lines, 4, ' capped', COMMENT);
      expectNoScope(lines, 4, ' capped', REF);
    });

    test('the - expr: list-item form', async () => {
      const lines = await model(`
        nodes:
          - expr: "MAX(0, demand - capacity)"
            id: shortfall
          - expr: min(a, b) * 2
            id: x
      `);
      expectScope(lines, 1, '-', 'punctuation.definition.block.sequence.item.yaml');
      expectScope(lines, 1, 'expr', KEY);
      expectScope(lines, 1, 'MAX', FN);
      expectScope(lines, 1, 'capacity', REF);
      expectScope(lines, 3, 'min', FN);
      expectScope(lines, 3, '2', NUM);
      // The YAML structure carries on after the entry.
      expectScope(lines, 2, 'id', KEY);
      expectScope(lines, 4, 'id', KEY);
    });

    test('block scalars: | and >- bodies are expressions until a line indented no deeper than the key', async () => {
      const lines = await model(`
        nodes:
          - id: backlog
            expr: |
              MAX(0,
                SHIFT(backlog, 1) + arrivals - served)
            kind: expr
          - expr: >- # folded
              PULSE(24, 0, 1) # not a comment in a block
            id: wave
      `);
      expectScope(lines, 2, '|', 'keyword.control.flow.block-scalar.literal.yaml');
      expectScope(lines, 3, 'MAX', FN);
      expectScope(lines, 4, 'SHIFT', FN);
      expectScope(lines, 4, 'backlog', REF);
      expectScope(lines, 4, 'served', REF);
      expectScope(lines, 5, 'kind', KEY);
      expectNoScope(lines, 5, 'kind', EMBED);
      expectScope(lines, 5, 'expr', 'support.type.kind.flowtime');
      expectScope(lines, 6, '>', 'keyword.control.flow.block-scalar.folded.yaml');
      expectScope(lines, 6, '-', 'storage.modifier.chomping-indicator.yaml', 1);
      expectScope(lines, 6, ' folded', COMMENT);
      expectScope(lines, 7, 'PULSE', FN);
      expectScope(lines, 7, '#', 'invalid.illegal.character.flowtime');
      expectNoScope(lines, 7, 'comment', COMMENT);
      expectScope(lines, 8, 'id', KEY);
      expectNoScope(lines, 8, 'wave', EMBED);
    });

    test('a double-quoted expr may continue on the next line, as in YAML', async () => {
      const lines = await model(`
        nodes:
          - id: f
            expr: "a +
              SHIFT(f, 1)"
            kind: expr
      `);
      expectScope(lines, 3, 'SHIFT', FN);
      expectScope(lines, 3, '"', 'punctuation.definition.string.end.yaml');
      expectScope(lines, 4, 'kind', KEY);
    });
  });

  describe(`model grammar: plain YAML keeps YAML scopes (${flavor.name})`, { skip }, () => {
    test('keys, strings, numbers and comments elsewhere are untouched', async () => {
      const lines = await model(`
        schemaVersion: 1
        grid:
          bins: 8
        nodes:
          - id: demand
            kind: const
            values: [10, 20]
            metadata:
              note: "MAX(a, b)"
              other: MIN(a, b)
              myexpr: MAX(1)
        # expr: MAX(a, b)
      `);
      expectScope(lines, 0, 'schemaVersion', KEY);
      expectScope(lines, 2, 'bins', KEY);
      expectScope(lines, 2, '8', 'constant.numeric.integer');
      expectScope(lines, 6, '[', 'punctuation.definition.sequence.begin.yaml');
      expectScope(lines, 8, 'note', KEY);
      expectScope(lines, 8, 'MAX(a, b)', 'string.quoted.double.yaml');
      expectNoScope(lines, 8, 'MAX(a, b)', FN);
      expectScope(lines, 9, 'MIN(a, b)', 'string.unquoted');
      expectScope(lines, 10, 'myexpr', KEY);
      expectNoScope(lines, 10, 'MAX(1)', EMBED);
      expectScope(lines, 11, 'expr: MAX(a, b)', COMMENT);
      expectNoScope(lines, 11, 'expr: MAX(a, b)', FN);
    });

    test('an expr: inside another block scalar is text, and values YAML reads otherwise are left to YAML', async () => {
      const lines = await model(`
        description: |
          expr: MAX(a, b)
        nodes:
          - id: e
            expr: [1, 2]
          - id: d
            expr:
            kind: expr
      `);
      expectScope(lines, 1, 'expr: MAX(a, b)', 'string.unquoted.block.yaml');
      expectNoScope(lines, 1, 'expr: MAX(a, b)', EMBED);
      expectScope(lines, 4, '[', 'punctuation.definition.sequence.begin.yaml');
      expectNoScope(lines, 4, '1', EMBED);
      expectScope(lines, 6, 'expr', KEY);
      expectScope(lines, 7, 'kind', KEY);
    });

    test('a model has no placeholders: ${x} in an expr is not a placeholder', async () => {
      const lines = await model(`
        expr: "a * \${rate}"
        note: \${rate}
      `);
      expectScope(lines, 0, '$', 'invalid.illegal.character.flowtime');
      expectNoScope(lines, 1, '${rate}', 'variable.other.placeholder');
    });
  });

  describe(`model grammar: node ids and kinds (${flavor.name})`, { skip }, () => {
    test('list-item ids and FlowTime kinds get their own scopes', async () => {
      const lines = await model(`
        nodes:
          - id: order_queue # the queue
            kind: serviceWithBuffer
          - id: "quoted_id"
            kind: bogus
        topology:
          nodes:
            - id: Hub
              kind: dlq
        metadata:
          id: call-center
      `);
      expectScope(lines, 1, 'order_queue', 'entity.name.variable.node-id.flowtime');
      expectScope(lines, 1, ' the queue', COMMENT);
      expectScope(lines, 2, 'serviceWithBuffer', 'support.type.kind.flowtime');
      expectScope(lines, 3, 'quoted_id', 'entity.name.variable.node-id.flowtime');
      expectScope(lines, 3, 'quoted_id', 'string.quoted.double.yaml');
      expectNoScope(lines, 4, 'bogus', 'support.type.kind');
      expectScope(lines, 7, 'Hub', 'entity.name.variable.node-id.flowtime');
      expectScope(lines, 8, 'dlq', 'support.type.kind.flowtime');
      // Not a list item's id, and not identifier-shaped: a plain YAML string.
      const scopes = scopesOf(lines, 10, 'call-center');
      assert.ok(scopes.some((s) => s.startsWith('string.unquoted')), scopes.join(' '));
      assert.ok(!scopes.some((s) => s.includes('node-id')), scopes.join(' '));
    });
  });
}
