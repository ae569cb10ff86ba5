// Rename: every kind of reference updated with minimal edits, the result re-validates, and invalid or taken names are refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from '../../../../core/src/diagnostics';
import { analyze } from '../../../../core/src/language/analysis';
import type { Analysis } from '../../../../core/src/language/analysis';
import { prepareRename, rename } from '../../../../core/src/language/navigation';
import { applyEdits } from '../../../helpers/apply-edits';
import { dedent, fmtRange, marked } from '../../../helpers/markers';
import { assertNoErrors, errors, EVERY_REFERENCE, fixture, fmt, showDiagnostics } from './fixture';

/** Renames at the cursor; the edits must be exactly the marked ranges, each replacing only the old name. */
function renameAt(source: string, newName: string, kind?: 'model' | 'template'): { before: string; after: string } {
  const f = fixture(source, kind);
  const result = rename(f.a, f.cursors[0], newName);
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  assert.deepEqual(fmt(result.edits.map((e) => e.range)), fmt(f.ranges));
  for (const e of result.edits) assert.equal(e.newText, newName);
  return { before: f.text, after: applyEdits(f.text, result.edits) };
}

function refused(a: Analysis, pos: Position, newName: string, gist: RegExp): void {
  const result = rename(a, pos, newName);
  assert.ok('error' in result, `expected a refusal for ${newName}`);
  assert.match(result.error, gist);
}

describe('rename a node id', () => {
  test('from the declaration: every reference, prefixes, suffixes and ports kept, and the model still validates', () => {
    const source = EVERY_REFERENCE.replace('- id: «demand»', '- id: «d‸emand»');
    const { before, after } = renameAt(source, 'load');
    assertNoErrors(before);
    assertNoErrors(after);
    const expected = marked(dedent(EVERY_REFERENCE.replace(/«demand»/g, 'load'))).text;
    assert.equal(after, expected);
    assert.match(after, /arrivals: series:load@vip/);
    assert.match(after, /expr: 'SHIFT\(load, 1\) \+ load'/);
  });

  test('from a reference inside an expression gives the same edits', () => {
    const source = EVERY_REFERENCE.replace('"MIN(«demand», cap)', '"MIN(«deman‸d», cap)');
    const { after } = renameAt(source, 'load');
    assertNoErrors(after);
  });

  test('a case-only rename of the node itself is allowed', () => {
    const source = EVERY_REFERENCE.replace('- id: «demand»', '- id: «‸demand»');
    const { after } = renameAt(source, 'Demand');
    assertNoErrors(after);
  });

  test('renaming to the same name changes nothing', () => {
    const f = fixture(EVERY_REFERENCE.replace('- id: «demand»', '- id: «d‸emand»'));
    assert.deepEqual(rename(f.a, f.cursors[0], 'demand'), { edits: [] });
  });

  test('a node in a template: topology semantics, dependencies and expressions with placeholders', () => {
    const { after } = renameAt(
      `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: rate
          type: number
          default: 2
      grid: {bins: 2, binSize: 60, binUnit: minutes}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics:
              arrivals: «arrivals»
              served: served
      nodes:
        - id: «arri‸vals»
          kind: const
          values: [1, 2]
        - id: served
          kind: expr
          expr: "«arrivals» * \${rate}"
          dependencies: [«arrivals»]
      outputs:
        - series: served
    `,
      'incoming',
      'template',
    );
    assertNoErrors(after, 'template');
  });
});

describe('rename classes, topology nodes, constraints', () => {
  const plain = EVERY_REFERENCE.replace(/«|»/g, '');

  test('a class: its id, arrival classId, route classes and @class suffixes', () => {
    const source = plain
      .replace('- id: vip', '- id: «vi‸p»')
      .replace('classId: vip', 'classId: «vip»')
      .replace('classes: [vip]', 'classes: [«vip»]')
      .replace('demand@vip', 'demand@«vip»');
    const { after } = renameAt(source, 'gold-tier');
    assertNoErrors(after);
  });

  test('a topology node: its id, edge endpoints before the port, wipOverflow', () => {
    const source = plain
      .replace('- id: Sink', '- id: «Sink»')
      .replace('wipOverflow: Sink', 'wipOverflow: «Sink»')
      .replace('to: Sink', 'to: «Si‸nk»');
    const { after } = renameAt(source, 'Exit Door');
    assertNoErrors(after);
    assert.match(after, /to: Exit Door/);
  });

  test('a topology node named in an edge with a port keeps the port', () => {
    const source = plain.replace('- id: Svc', '- id: «Svc»').replace('from: Svc:served', 'from: «S‸vc»:served');
    const { after } = renameAt(source, 'Front');
    assert.match(after, /from: Front:served/);
    assertNoErrors(after);
  });

  test('a constraint: its id and the node constraint lists', () => {
    const source = plain.replace('constraints: [db]', 'constraints: [«db»]').replace('- id: db', '- id: «d‸b»');
    const { after } = renameAt(source, 'database');
    assertNoErrors(after);
  });
});

describe('rename a template parameter', () => {
  test('the declaration and every ${name}, including in expressions, sequences and comments', () => {
    const { before, after } = renameAt(
      `
      schemaVersion: 1
      generator: flowtime-sim
      # «bins» bins by default: \${«bins»}
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: «b‸ins»
          type: integer
          default: 2
      grid:
        bins: \${«bins»}
        binSize: 60
        binUnit: minutes
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: a, served: b}
      nodes:
        - id: a
          kind: const
          values:
            - \${«bins»}
            - 1
        - id: b
          kind: expr
          expr: "a * \${«bins»}"
      outputs:
        - series: b
    `.replace('# «bins» bins', '# bins bins'),
      'binCount',
      'template',
    );
    assertNoErrors(before, 'template');
    assertNoErrors(after, 'template');
    assert.equal((after.match(/\$\{binCount\}/g) ?? []).length, 4);
    assert.match(after, /name: binCount/);
  });

  test('from a placeholder, prepareRename offers just the name between the braces', () => {
    const f = fixture(
      `
      parameters:
        - name: n
          type: integer
          default: 2
      grid:
        bins: \${«‸n»}
    `,
      'template',
    );
    const r = prepareRename(f.a, f.cursors[0]);
    assert.ok(r && 'range' in r);
    assert.equal(fmtRange(r.range), fmtRange(f.ranges[0]));
    assert.equal(r.placeholder, 'n');
  });
});

describe('rename refuses', () => {
  const f = fixture(EVERY_REFERENCE.replace(/«|»/g, '').replace('- id: demand', '- id: dem‸and').replace('- id: vip', '- id: v‸ip').replace('- id: Svc', '- id: S‸vc').replace('- id: db', '- id: d‸b'));
  // Cursors in text order: the class vip, the node demand, the topology node Svc, the constraint db.
  const [cls, node, topo, constraint] = f.cursors;

  test('invalid ids for each kind of symbol', () => {
    refused(f.a, node, '1demand', /not a valid node id/);
    refused(f.a, node, 'de-mand', /not a valid node id/);
    refused(f.a, node, 'de mand', /not a valid node id/);
    refused(f.a, node, '', /not a valid node id/);
    refused(f.a, cls, 'gold tier', /not a valid class id/);
    refused(f.a, cls, 'gold.tier', /not a valid class id/);
    refused(f.a, topo, 'Front:port', /cannot be a topology node id/);
    refused(f.a, topo, ' ', /cannot be empty/);
    refused(f.a, topo, ' Front', /whitespace/);
    refused(f.a, constraint, '', /cannot be empty/);
  });

  test('names already taken, node ids case-insensitively', () => {
    refused(f.a, node, 'cap', /`cap` is already the id of a node \(line \d+\)/);
    refused(f.a, node, 'CAP', /Node `cap` \(line \d+\) differs from `CAP` only in case/);
    refused(f.a, cls, 'std', /already the id of a class/);
    refused(f.a, topo, 'sink', /differs from `sink` only in case/);
  });

  test('names that would need quoting where they are written', () => {
    refused(f.a, node, 'true', /would need quoting/);
    refused(f.a, cls, '123', /would need quoting/);
    refused(f.a, topo, 'Front #1', /would need quoting/);
  });

  test('positions that are not a symbol, functions and undeclared names', () => {
    const g = fixture(`
      schemaVersion: 1
      nod‸es:
        - id: a
          kind: expr
          expr: "MA‸X(missi‸ng, 1‸2)"
    `);
    const [key, fn, missing, number] = g.cursors;
    for (const pos of [key, number]) {
      assert.equal(prepareRename(g.a, pos), undefined);
      refused(g.a, pos, 'x', /no node, topology node, class, constraint or parameter name here/);
    }
    assert.deepEqual(prepareRename(g.a, fn), { error: 'MAX is a built-in function and cannot be renamed.' });
    refused(g.a, fn, 'x', /built-in function/);
    assert.match((prepareRename(g.a, missing) as { error: string }).error, /`missing` is not declared in this document/);
    refused(g.a, missing, 'x', /not declared/);
  });

  test('a name spelled with escapes somewhere cannot be edited in place', () => {
    const g = fixture(`
      nodes:
        - id: ‸abc
          kind: const
          values: [1]
        - id: b
          kind: expr
          expr: "\\x61bc + 1"
    `);
    assert.equal(g.a.symbols.references('node', 'abc').length, 1);
    refused(g.a, g.cursors[0], 'xyz', /`abc` is written with escapes or line folding at line 7/);
    assert.match((prepareRename(g.a, g.cursors[0]) as { error: string }).error, /escapes/);
  });

  test('prepareRename on a valid symbol offers its range and name', () => {
    const r = prepareRename(f.a, node);
    assert.ok(r && 'range' in r);
    assert.equal(r.placeholder, 'demand');
    assert.equal(r.range.end.character - r.range.start.character, 6);
  });

  test('a refused rename leaves the document valid: the quoting check sees the re-read YAML', () => {
    const text = f.text;
    const a = analyze(text);
    assert.equal(errors(text).length, 0, showDiagnostics(errors(text)));
    assert.ok('error' in rename(a, node, 'null'));
  });
});
