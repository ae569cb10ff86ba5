// Find references: every place naming a node, class, topology node, constraint or parameter, with and without declarations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { references } from '../../../../core/src/language/navigation';
import { dedent } from '../../../helpers/markers';
import { EVERY_REFERENCE, fixture, fmt } from './fixture';

describe('references of a node id', () => {
  // «» marks every occurrence of `demand`; the second one is the declaration.
  const withCursor = (from: string, to: string): string => {
    assert.ok(EVERY_REFERENCE.includes(from), from);
    return EVERY_REFERENCE.replace(from, to);
  };

  test('from the declaration: all references, then with the declaration', () => {
    const f = fixture(withCursor('- id: «demand»', '- id: «dem‸and»'));
    const all = fmt(f.ranges);
    const declaration = all[1];
    assert.equal(all.length, 12);
    assert.deepEqual(fmt(references(f.a, f.cursors[0], true)), all);
    assert.deepEqual(fmt(references(f.a, f.cursors[0], false)), all.filter((r) => r !== declaration));
  });

  test('from a reference inside a single-quoted expression, the same list', () => {
    const f = fixture(withCursor("'SHIFT(«demand», 1)", "'SHIFT(«de‸mand», 1)"));
    assert.deepEqual(fmt(references(f.a, f.cursors[0], true)), fmt(f.ranges));
  });

  test('from topology semantics: the node part only, not the series: prefix or @class', () => {
    const f = fixture(withCursor('series:«demand»@vip', 'series:«demand‸»@vip'));
    const found = references(f.a, f.cursors[0], false);
    const semantics = f.ranges[10];
    assert.ok(fmt(found).includes(fmt([semantics])[0]));
    assert.equal(semantics.end.character - semantics.start.character, 'demand'.length);
  });

  test('nothing under the cursor: no references', () => {
    const f = fixture(withCursor('binUnit: hours', 'binUnit: ho‸urs'));
    assert.deepEqual(references(f.a, f.cursors[0], true), []);
  });
});

describe('references of classes, topology nodes, constraints', () => {
  test('a class: traffic classId, route classes and the @class of a semantics reference', () => {
    const text = EVERY_REFERENCE.replace(/«|»/g, '')
      .replace('- id: vip', '- id: «v‸ip»')
      .replace('classId: vip', 'classId: «vip»')
      .replace('classes: [vip]', 'classes: [«vip»]')
      .replace('demand@vip', 'demand@«vip»');
    const f = fixture(text);
    assert.equal(f.ranges.length, 4);
    assert.deepEqual(fmt(references(f.a, f.cursors[0], true)), fmt(f.ranges));
    assert.deepEqual(fmt(references(f.a, f.cursors[0], false)), fmt(f.ranges.slice(1)));
  });

  test('a topology node: edges (before the port) and wipOverflow, in any case', () => {
    const f = fixture(`
      topology:
        nodes:
          - id: «Svc»
            kind: service
          - id: Sink
            kind: sink
            wipOverflow: «svc»
        edges:
          - from: «Sv‸c»:served
            to: Sink
          - from: Sink
            to: « SVC »
    `);
    const expected = fmt(f.ranges);
    // The trailing spaces inside the last marker are not part of the name.
    const found = fmt(references(f.a, f.cursors[0], true));
    assert.equal(found.length, 4);
    assert.deepEqual(found.slice(0, 3), expected.slice(0, 3));
    assert.equal(found[3], expected[3].replace(/:(\d+)-(\d+):(\d+)$/, (_m, s, l, e) => `:${Number(s) + 1}-${l}:${Number(e) - 1}`));
  });

  test('a constraint: the node constraints lists', () => {
    const f = fixture(`
      topology:
        nodes:
          - id: A
            kind: service
            constraints: [«db», other]
          - id: B
            kind: service
            constraints:
              - «db»
        constraints:
          - id: «d‸b»
            semantics: {arrivals: x, served: y}
    `);
    assert.deepEqual(fmt(references(f.a, f.cursors[0], true)), fmt(f.ranges));
  });
});

describe('references of a template parameter', () => {
  test('every ${name}: in scalars, in sequences, inside expressions and in comments', () => {
    const f = fixture(
      dedent(`
      schemaVersion: 1
      # bins come from «\${bins}»
      parameters:
        - name: «bins»
          type: integer
          default: 4
      grid:
        bins: «\${bi‸ns}»
        binSize: 1
        binUnit: hours
      nodes:
        - id: a
          kind: expr
          expr: "PULSE(«\${bins}», 0, 1)"
        - id: b
          kind: const
          values:
            - «\${bins}»
    `),
      'template',
    );
    assert.deepEqual(fmt(references(f.a, f.cursors[0], true)), fmt(f.ranges));
    assert.deepEqual(fmt(references(f.a, f.cursors[0], false)), fmt(f.ranges.filter((_r, i) => i !== 1)));
  });
});
