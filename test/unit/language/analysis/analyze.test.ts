// analyze(): kind, parameters, lazy diagnostics, and the symbol index (every def and ref, contexts, pointers, at()).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../core/src/language/analysis';
import type { SymbolRef } from '../../../../core/src/language/symbols';
import { validateText } from '../../../../core/src/validate';
import { dedent, fmtRange, marked } from '../../../helpers/markers';
import { EVERY_REFERENCE, fixture } from '../navigation/fixture';

function refLine(r: SymbolRef): string {
  return `${r.category} ${r.name} ${r.context} ${r.pointer}`;
}

describe('analyze', () => {
  test('detects or takes the kind; templates get their parameters', () => {
    const model = analyze('schemaVersion: 1\nnodes: []\n');
    assert.equal(model.kind, 'model');
    assert.deepEqual(model.params, []);
    const template = analyze('parameters:\n  - name: n\n    type: integer\n    default: 3\ngrid:\n  bins: ${n}\n');
    assert.equal(template.kind, 'template');
    assert.deepEqual(
      template.params.map((p) => [p.name, p.type, p.default]),
      [['n', 'integer', 3]],
    );
    assert.equal(analyze('grid:\n  bins: 3\n', { kind: 'template' }).kind, 'template');
    assert.equal(analyze('just: text\n').kind, 'unknown');
  });

  test('parsed is the document as written, placeholders unresolved', () => {
    const a = analyze('parameters:\n  - name: n\n    default: 3\ngrid:\n  bins: ${n}\n');
    assert.deepEqual(a.parsed.doc.value, { parameters: [{ name: 'n', default: 3 }], grid: { bins: '${n}' } });
    assert.equal(a.lines.lineCount, 6);
  });

  test('diagnostics are validateText, computed once on first call', () => {
    const text = 'schemaVersion: 1\ngrid:\n  bins: 2\n  binSize: 1\n  binUnit: hours\nnodes:\n  - id: a\n    kind: expr\n    expr: "b"\n';
    const a = analyze(text);
    const first = a.diagnostics();
    assert.deepEqual(first, validateText(text).diagnostics);
    assert.ok(first.some((d) => d.code === 'expr.unknown-reference'));
    assert.equal(a.diagnostics(), first);
    const forced = analyze(text, { kind: 'template' });
    assert.deepEqual(forced.diagnostics(), validateText(text, { kind: 'template' }).diagnostics);
  });

  test('diagnostics supplied by the caller are used instead of validating again', () => {
    let calls = 0;
    const given = [{ severity: 'info' as const, code: 'x.y', message: 'given', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
    const a = analyze('schemaVersion: 1\n', {
      diagnostics: () => {
        calls++;
        return given;
      },
    });
    assert.equal(a.diagnostics(), given);
    assert.equal(a.diagnostics(), given);
    assert.equal(calls, 1);
  });

  test('never throws on broken, empty or odd documents', () => {
    for (const text of ['', '   ', '- a\n- b\n', 'a: [\n', 'nodes:\n\t- id: x\n', '&a [*a]\n', 'nodes:\n  - *missing\n', '${', '"unterminated']) {
      const a = analyze(text);
      assert.ok(Array.isArray(a.symbols.defs) && Array.isArray(a.symbols.refs));
      assert.equal(a.symbols.at(0)?.def, undefined);
      assert.ok(Array.isArray(a.diagnostics()));
    }
  });
});

describe('the symbol index', () => {
  const a = analyze(marked(dedent(EVERY_REFERENCE)).text);

  test('defs of every category, with kinds and pointers', () => {
    assert.deepEqual(
      a.symbols.defs.map((d) => `${d.category} ${d.name} ${d.kind ?? '-'} ${d.pointer}`),
      [
        'class vip - /classes/0/id',
        'class std - /classes/1/id',
        'node demand const /nodes/0/id',
        'node cap const /nodes/1/id',
        'node served expr /nodes/2/id',
        'node plain expr /nodes/3/id',
        'node single expr /nodes/4/id',
        'node buf serviceWithBuffer /nodes/5/id',
        'node route router /nodes/6/id',
        'topology Svc service /topology/nodes/0/id',
        'topology Sink sink /topology/nodes/1/id',
        'constraint db - /topology/constraints/0/id',
      ],
    );
  });

  test('refs of every kind of place, in document order', () => {
    assert.deepEqual(a.symbols.refs.map(refLine), [
      'node demand arrival /traffic/arrivals/0/nodeId',
      'class vip arrival /traffic/arrivals/0/classId',
      'node demand expr /nodes/2/expr',
      'node cap expr /nodes/2/expr',
      'node demand expr /nodes/3/expr',
      'node demand expr /nodes/4/expr',
      'node demand expr /nodes/4/expr',
      'node demand buffer /nodes/5/inflow',
      'node served buffer /nodes/5/outflow',
      'node demand dispatch /nodes/5/dispatchSchedule/capacitySeries',
      'node demand router /nodes/6/inputs/queue',
      'node served router /nodes/6/routes/0/target',
      'class vip router /nodes/6/routes/0/classes/0',
      'node plain router /nodes/6/routes/1/target',
      'class std router /nodes/6/routes/1/classes/0',
      'node demand output /outputs/0/series',
      'constraint db constraint /topology/nodes/0/constraints/0',
      'node cap buffer /topology/nodes/0/wipLimitSeries',
      'topology Sink buffer /topology/nodes/0/wipOverflow',
      'node demand semantics /topology/nodes/0/semantics/arrivals',
      'class vip semantics /topology/nodes/0/semantics/arrivals',
      'node served semantics /topology/nodes/0/semantics/served',
      'node served semantics /topology/nodes/1/semantics/arrivals',
      'node served semantics /topology/nodes/1/semantics/served',
      'topology Svc edge /topology/edges/0/from',
      'topology Sink edge /topology/edges/0/to',
      'node demand constraint /topology/constraints/0/semantics/arrivals',
      'node cap constraint /topology/constraints/0/semantics/served',
    ]);
  });

  test('definitions and references by name; topology and constraint ids fold case, node ids do not', () => {
    assert.equal(a.symbols.references('node', 'demand').length, 11);
    assert.equal(a.symbols.definitions('node', 'Demand').length, 0);
    assert.equal(a.symbols.definitions('topology', 'SVC')[0]?.name, 'Svc');
    assert.equal(a.symbols.definitions('constraint', 'DB')[0]?.name, 'db');
    assert.equal(a.symbols.references('class', 'vip').length, 3);
  });

  test('a def range is the id value, its entry range the whole list item from the dash', () => {
    const f = fixture(`
      nodes:
        «- id: «a»
          kind: const
          values: [1]»
        - {id: «b», kind: const, values: [1]}
    `);
    const [entry, a1, b] = f.ranges;
    const [defA, defB] = f.a.symbols.defs;
    assert.equal(fmtRange(defA.range), fmtRange(a1));
    assert.equal(fmtRange(defA.entryRange), fmtRange(entry));
    assert.equal(fmtRange(defB.range), fmtRange(b));
  });

  test('at(): inside and at both ends of a name; nothing between names', () => {
    const text = 'nodes:\n  - id: a\n    kind: expr\n    expr: "ab + cd"\n';
    const x = analyze(text);
    const start = text.indexOf('ab');
    assert.equal(x.symbols.at(start)?.ref?.name, 'ab');
    assert.equal(x.symbols.at(start + 2)?.ref?.name, 'ab');
    assert.equal(x.symbols.at(start + 3), undefined);
    assert.equal(x.symbols.at(start + 5)?.ref?.name, 'cd');
    assert.equal(x.symbols.at(text.indexOf('a\n'))?.def?.name, 'a');
    assert.equal(x.symbols.at(0), undefined);
    assert.equal(x.symbols.at(text.length + 10), undefined);
  });

  test('adjacent placeholders: the one starting at the offset wins', () => {
    const text = 'parameters:\n  - name: a\n  - name: b\nmetadata:\n  title: ${a}${b}\n';
    const x = analyze(text, { kind: 'template' });
    const second = text.indexOf('${b}');
    assert.equal(x.symbols.at(second)?.ref?.name, 'b');
    assert.equal(x.symbols.at(second - 1)?.ref?.name, 'a');
  });

  test('aliases repeat no symbol', () => {
    const x = analyze('nodes:\n  - &n {id: a, kind: expr, expr: "b"}\n  - *n\n  - id: b\n    kind: const\n    values: [1]\n');
    assert.deepEqual(x.symbols.defs.map((d) => d.name), ['a', 'b']);
    assert.deepEqual(x.symbols.refs.map((r) => r.name), ['b']);
  });

  test('semantics values that name no node: self, file:, blank, numeric parallelism', () => {
    const x = analyze(dedent(`
      topology:
        nodes:
          - id: Q
            kind: queue
            semantics:
              arrivals: " "
              served: file:served.csv
              queueDepth: self
              parallelism: "2"
              capacity: SELF
              errors: series:@vip
          - id: P
            kind: service
            semantics:
              parallelism: workers
              external_demand: demand
    `));
    assert.deepEqual(x.symbols.refs.map(refLine), [
      'node workers semantics /topology/nodes/1/semantics/parallelism',
      'node demand semantics /topology/nodes/1/semantics/external_demand',
    ]);
  });
});

describe('templates', () => {
  const text = dedent(`
    # \${rate} per bin
    parameters:
      - name: rate
        type: number
        default: 2
    nodes:
      - id: a
        kind: const
        values: \${pattern}
      - id: b
        kind: expr
        expr: "a * \${rate} + x_\${rate}"
        dependencies: [a]
    topology:
      nodes:
        - id: \${prefix}Svc
          kind: service
          semantics:
            arrivals: \${node}
            served: b
  `);
  const a = analyze(text);

  test('placeholders are parameter refs owned by their scalar; comments count too', () => {
    assert.deepEqual(
      a.symbols.refs.filter((r) => r.category === 'parameter').map(refLine),
      [
        'parameter rate placeholder ',
        'parameter pattern placeholder /nodes/0/values',
        'parameter rate placeholder /nodes/1/expr',
        'parameter rate placeholder /nodes/1/expr',
        'parameter prefix placeholder /topology/nodes/0/id',
        'parameter node placeholder /topology/nodes/0/semantics/arrivals',
      ],
    );
    const p = a.symbols.refs.find((r) => r.pointer === '/nodes/0/values')!;
    assert.equal(fmtRange(p.range), '8:12-8:22');
  });

  test('references around a masked placeholder resolve; a name glued to a placeholder is no reference', () => {
    assert.deepEqual(
      a.symbols.refs.filter((r) => r.category === 'node').map(refLine),
      ['node a expr /nodes/1/expr', 'node a expr /nodes/1/dependencies/0', 'node b semantics /topology/nodes/0/semantics/served'],
    );
  });

  test('ids holding a placeholder are not declarations', () => {
    assert.deepEqual(a.symbols.defs.map((d) => `${d.category} ${d.name}`), ['parameter rate', 'node a', 'node b']);
  });

  test('expressions are parsed once, with the masks recorded', () => {
    const sites = a.expressions;
    assert.equal(a.expressions, sites);
    assert.equal(sites.length, 1);
    const [site] = sites;
    assert.equal(site.pointer, '/nodes/1/expr');
    assert.equal(site.source, 'a * 0       + x_0      ');
    assert.deepEqual(site.masks, [
      { start: 4, end: 11 },
      { start: 16, end: 23 },
    ]);
    assert.ok(site.outcome.expr);
    assert.equal(site.offset(0), text.indexOf('a * $'));
  });
});
