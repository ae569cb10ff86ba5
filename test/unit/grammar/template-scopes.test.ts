// Scopes the flowtime-template grammar adds: `${param}` placeholders everywhere, on top of the model grammar's rules.
import { test, describe } from 'node:test';
import { dedent } from '../../helpers/markers';
import { YAML_FLAVORS, expectNoScope, expectScope, tokenize } from './grammar-harness';

const TEMPLATE = 'source.flowtime-template';
const PH = 'variable.other.placeholder.flowtime';
const PH_BEGIN = 'punctuation.definition.template-expression.begin.flowtime';
const PH_END = 'punctuation.definition.template-expression.end.flowtime';
const FN = 'support.function.builtin.flowtime';
const REF = 'variable.other.node-reference.flowtime';
const EMBED = 'meta.embedded.expression.flowtime';
const KEY = 'entity.name.tag.yaml';

for (const flavor of YAML_FLAVORS) {
  const skip = flavor.available ? false : `${flavor.name} is not installed on this machine`;
  const template = (text: string) => tokenize(TEMPLATE, dedent(text), flavor);

  describe(`template grammar: placeholders (${flavor.name})`, { skip }, () => {
    test('in plain values, quoted strings and flow sequences', async () => {
      const lines = await template(`
        grid:
          bins: \${bins}
          start: "2025-01-01T00:00:00Z \${arrivalRate}"
        nodes:
          - id: arrivals
            kind: const
            values: \${arrivalRate}
            other: [\${a}, 2]
      `);
      expectScope(lines, 1, 'bins', KEY);
      expectScope(lines, 1, '${', PH_BEGIN);
      expectScope(lines, 1, 'bins', PH, 1);
      expectScope(lines, 1, '}', PH_END);
      expectScope(lines, 2, 'arrivalRate', PH);
      expectScope(lines, 2, 'arrivalRate', 'string.quoted.double.yaml');
      expectScope(lines, 2, '2025-01-01T00:00:00Z ', 'string.quoted.double.yaml');
      expectScope(lines, 6, '${', PH_BEGIN);
      expectScope(lines, 6, 'arrivalRate', PH);
      expectScope(lines, 6, '}', PH_END);
      expectScope(lines, 7, 'a', PH);
      expectScope(lines, 7, '[', 'punctuation.definition.sequence.begin.yaml');
    });

    test('inside expressions: quoted, plain, list-item and block forms', async () => {
      const lines = await template(`
        nodes:
          - id: arrivals
            expr: "MAX(0, demand * \${arrivalRate})"
          - expr: walkins * \${walkin_scale} + 1
            id: walkins_scaled
          - id: wave
            expr: |
              PULSE(\${period}, 0, \${arrivalRate})
      `);
      expectScope(lines, 2, 'MAX', FN);
      expectScope(lines, 2, 'demand', REF);
      expectScope(lines, 2, '${', PH_BEGIN);
      expectScope(lines, 2, '${', EMBED);
      expectScope(lines, 2, 'arrivalRate', PH);
      expectNoScope(lines, 2, 'arrivalRate', REF);
      expectScope(lines, 2, '}', PH_END);
      expectScope(lines, 2, ')', 'punctuation.section.parens.end.flowtime');
      expectScope(lines, 3, 'walkins', REF);
      expectScope(lines, 3, 'walkin_scale', PH);
      expectScope(lines, 4, 'id', KEY);
      expectScope(lines, 7, 'PULSE', FN);
      expectScope(lines, 7, 'period', PH);
      expectScope(lines, 7, 'arrivalRate', PH);
    });

    test('in comments (Sim substitutes there too), and malformed ones are marked', async () => {
      const lines = await template(`
        # scaled by \${arrivalRate}
        nodes:
          - id: a
            expr: "\${ bad } + \${ok} + \${x:-1}" # note \${ok}
            note: $notaplaceholder
      `);
      expectScope(lines, 0, 'arrivalRate', PH);
      expectScope(lines, 0, 'arrivalRate', 'comment.line.number-sign.yaml');
      expectScope(lines, 3, '${ bad }', 'invalid.illegal.placeholder.flowtime');
      expectScope(lines, 3, 'ok', PH);
      expectScope(lines, 3, '${x:-1}', 'invalid.illegal.placeholder.flowtime');
      expectScope(lines, 3, 'ok', PH, 1);
      expectScope(lines, 3, 'ok', 'comment.line.number-sign.yaml', 1);
      expectNoScope(lines, 4, '$notaplaceholder', 'meta.placeholder');
    });

    test('the expression rules of the model grammar apply to templates too', async () => {
      const lines = await template(`
        nodes:
          - id: order_queue
            kind: expr
            expr: "SHIFT(order_queue, 1) + 2 $"
      `);
      expectScope(lines, 1, 'order_queue', 'entity.name.variable.node-id.flowtime');
      expectScope(lines, 2, 'expr', 'support.type.kind.flowtime');
      expectScope(lines, 3, 'SHIFT', FN);
      expectScope(lines, 3, 'order_queue', REF);
      expectScope(lines, 3, '2', 'constant.numeric.decimal.flowtime');
      // A lone $ is still a character the expression language does not have.
      expectScope(lines, 3, '$', 'invalid.illegal.character.flowtime');
    });
  });
}
