// Go to definition from every kind of reference: expressions (each quoting style), outputs, semantics, edges, routers, buffers, placeholders.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../../../core/src/language/navigation';
import { analyze } from '../../../../core/src/language/analysis';
import { dedent, marked } from '../../../helpers/markers';
import { fixture, fmt } from './fixture';

/** One cursor, one expected definition range; a model body gets the schemaVersion and grid lines prepended. */
function expectDefinition(source: string, kind?: 'model' | 'template'): void {
  const f = fixture(kind === 'template' ? source : HEAD + dedent(source), kind);
  assert.equal(f.cursors.length, 1, 'one cursor per fixture');
  assert.deepEqual(fmt(definition(f.a, f.cursors[0])), fmt(f.ranges));
}

const HEAD = 'schemaVersion: 1\ngrid:\n  bins: 3\n  binSize: 1\n  binUnit: hours\n';

describe('definition of a node id', () => {
  test('from a reference in a double-quoted expression', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: "MIN(dem‸and, 5) * 0.9"
    `);
  });

  test('from a plain expression, cursor at the end of the identifier', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: 2 * demand‸
    `);
  });

  test('from a single-quoted expression', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: 'MIN(1,  ‸demand)'
    `);
  });

  test('from a double-quoted expression with an escape before the reference', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: "1 +\\t dema‸nd"
    `);
  });

  test('from a folded block expression', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: >-
            MIN(1,
              de‸mand)
    `);
  });

  test('from outputs.series', () => {
    expectDefinition(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
      outputs:
        - series: dem‸and
    `);
  });

  test('from topology semantics with a series: prefix and an @class suffix', () => {
    expectDefinition(`
      classes:
        - id: vip
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: series:deman‸d@vip
              served: demand
    `);
  });

  test('the @class part of a semantics reference goes to the class', () => {
    expectDefinition(`
      classes:
        - id: «vip»
      nodes:
        - id: demand
          kind: const
          values: [1, 2, 3]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: demand@v‸ip
              served: demand
    `);
  });

  test('from a router queue, a route target, a buffer inflow and a dispatch capacitySeries', () => {
    const body = (where: string) => `
      classes:
        - id: vip
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: buf
          kind: serviceWithBuffer
          inflow: ${where === 'inflow' ? 'dem‸and' : 'demand'}
          outflow: demand
          dispatchSchedule:
            periodBins: 2
            capacitySeries: ${where === 'capacity' ? 'demand‸' : 'demand'}
        - id: r
          kind: router
          inputs:
            queue: ${where === 'queue' ? '‸demand' : 'demand'}
          routes:
            - target: ${where === 'target' ? 'de‸mand' : 'demand'}
              classes: [vip]
    `;
    for (const where of ['inflow', 'capacity', 'queue', 'target']) expectDefinition(body(where));
  });

  test('from a traffic arrival nodeId and a constraint semantics series', () => {
    for (const [arrival, constraint] of [['dem‸and', 'demand'], ['demand', 'dema‸nd']]) {
      expectDefinition(`
        nodes:
          - id: «demand»
            kind: const
            values: [1, 2, 3]
        traffic:
          arrivals:
            - nodeId: ${arrival}
              pattern: {kind: constant, ratePerBin: 1}
        topology:
          constraints:
            - id: c
              semantics: {arrivals: ${constraint}, served: demand}
      `);
    }
  });

  test('with CRLF line endings', () => {
    const m = marked(HEAD + dedent(`
      nodes:
        - id: «demand»
          kind: const
          values: [1, 2, 3]
        - id: served
          kind: expr
          expr: "1 + dem‸and"
    `));
    const a = analyze(m.text.replace(/\n/g, '\r\n'));
    assert.deepEqual(fmt(definition(a, m.cursors[0])), fmt(m.ranges));
  });

  test('on the definition itself', () => {
    expectDefinition(`
      nodes:
        - id: «dem‸and»
          kind: const
          values: [1, 2, 3]
    `);
  });

  test('a repeated id goes to every declaration', () => {
    expectDefinition(`
      nodes:
        - id: «a»
          kind: const
          values: [1, 2, 3]
        - id: «a»
          kind: expr
          expr: "‸a"
    `);
  });

  test('an unknown reference, a function name and a key have no definition', () => {
    for (const body of ['expr: "mis‸sing + 1"', 'expr: "MA‸X(1, 2)"', 'ex‸pr: "1"', 'expr: "1 +‸ 2"']) {
      const f = fixture(HEAD + dedent(`
        nodes:
          - id: a
            kind: expr
            ${body}
      `));
      assert.deepEqual(definition(f.a, f.cursors[0]), [], body);
    }
  });
});

describe('definition of topology, class and constraint ids', () => {
  test('an edge Node:port goes to the topology node, matching case-insensitively', () => {
    expectDefinition(`
      nodes:
        - id: a
          kind: const
          values: [1, 2, 3]
      topology:
        nodes:
          - id: «Delivery»
            kind: service
            semantics: {arrivals: a, served: a}
        edges:
          - from: deliv‸ery:exhaustedFailures
            to: Delivery
    `);
  });

  test('the port of an edge is not a symbol', () => {
    const f = fixture(HEAD + dedent(`
      topology:
        nodes:
          - id: Delivery
            kind: service
        edges:
          - from: Delivery:exhaus‸tedFailures
            to: Delivery
    `));
    assert.deepEqual(definition(f.a, f.cursors[0]), []);
  });

  test('a route class goes to the class; a node constraint to the constraint; wipOverflow to the topology node', () => {
    const cases = [
      ['classes: [v‸ip]', '«vip»', 'db', 'Other'],
      ['classes: [vip]', 'vip', '«db»', 'Other', 'constraints: [d‸b]'],
      ['classes: [vip]', 'vip', 'db', '«Other»', 'wipOverflow: Oth‸er'],
    ];
    for (const [route, cls, constraint, other, extra = ''] of cases) {
      expectDefinition(`
        classes:
          - id: ${cls}
        nodes:
          - id: a
            kind: const
            values: [1, 2, 3]
          - id: r
            kind: router
            inputs: {queue: a}
            routes:
              - target: a
                ${route}
        topology:
          nodes:
            - id: Svc
              kind: service
              ${extra}
            - id: ${other}
              kind: service
          constraints:
            - id: ${constraint}
      `);
    }
  });
});

describe('definition of a template parameter', () => {
  test('from a ${param} placeholder in a scalar and inside an expression', () => {
    for (const [bins, expr] of [['${bi‸ns}', '"PULSE(${period}, 0, 1)"'], ['${bins}', '"PULSE(${per‸iod}, 0, 1) + a"']]) {
      const open = bins.includes('‸') ? '«bins»' : 'bins';
      const period = expr.includes('‸') ? '«period»' : 'period';
      expectDefinition(
        `
        schemaVersion: 1
        parameters:
          - name: ${open}
            type: integer
            default: 4
          - name: ${period}
            type: integer
            default: 2
        grid:
          bins: ${bins}
          binSize: 1
          binUnit: hours
        nodes:
          - id: a
            kind: const
            values: [1, 2, 3, 4]
          - id: b
            kind: expr
            expr: ${expr}
      `,
        'template',
      );
    }
  });

  test('a node reference next to a masked placeholder still resolves', () => {
    expectDefinition(
      `
      schemaVersion: 1
      parameters:
        - name: k
          type: number
          default: 2
      grid: {bins: 2, binSize: 1, binUnit: hours}
      nodes:
        - id: «a»
          kind: const
          values: [1, 2]
        - id: b
          kind: expr
          expr: "\${k} * ‸a"
    `,
      'template',
    );
  });
});
