// Document symbols: the outline tree (grid, parameters, nodes by kind, topology, outputs, classes) with exact ranges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from '../../../../core/src/diagnostics';
import { documentSymbols } from '../../../../core/src/language/navigation';
import type { DocumentSymbolEntry } from '../../../../core/src/language/types';
import { fmtRange } from '../../../helpers/markers';
import { fixture } from './fixture';

/** `kind name (detail)` per entry, children indented: the outline as a user sees it. */
function outline(list: readonly DocumentSymbolEntry[], depth = 0): string[] {
  return list.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every selectionRange lies in its range, every child in its parent: what outline and breadcrumbs rely on. */
function assertNested(list: readonly DocumentSymbolEntry[], parent?: Range): void {
  for (const s of list) {
    assert.ok(s.name.length > 0, 'names are never empty');
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection ${fmtRange(s.selectionRange)} outside ${fmtRange(s.range)}`);
    if (parent) assert.ok(contains(parent, s.range), `${s.name}: ${fmtRange(s.range)} outside its parent ${fmtRange(parent)}`);
    assertNested(s.children ?? [], s.range);
  }
}

describe('document symbols of a model', () => {
  const f = fixture(`
    schemaVersion: 1
    «grid»:
      bins: 3
      binSize: 5
      binUnit: minutes
    classes:
      - id: vip
        displayName: VIP customers
    nodes:
      «- id: «demand»
        kind: «const»
        values: [1, 2, 3]»
      - id: served
        kind: expr
        expr: "MIN(demand, 5)"
      - id: dist
        kind: pmf
        pmf: {values: [1, 2], probabilities: [0.5, 0.5]}
      - id: backlog
        kind: const
        values: [0, 0, 0]
      - kind: expr
        expr: "1"
    outputs:
      - series: served
        as: served.csv
    topology:
      nodes:
        - id: Svc
          kind: service
      edges:
        - from: «Svc:out»
          to: Sink
          type: throughput
      constraints:
        - id: db
  `);
  const symbols = documentSymbols(f.a);
  const [gridKey, demandEntry, demandId, demandKind, edgeFrom] = f.ranges;

  test('the outline tree, nodes grouped by kind in order of first appearance', () => {
    assert.deepEqual(outline(symbols), [
      'grid grid (3 bins × 5 minutes)',
      'section classes (1)',
      '  class vip (VIP customers)',
      'section nodes (3)',
      '  section const (2 nodes)',
      '    node demand (3 values)',
      '    node backlog (3 values)',
      '  section expr (2 nodes)',
      '    node served (MIN(demand, 5))',
      '    node #5 (1)',
      '  section pmf (1 node)',
      '    node dist (2 outcomes)',
      'section outputs (1)',
      '  output served (served.csv)',
      'section topology (3)',
      '  section nodes (1)',
      '    topology Svc (service)',
      '  section edges (1)',
      '    edge Svc:out → Sink (throughput)',
      '  section constraints (1)',
      '    constraint db',
    ]);
  });

  test('ranges: entries cover the list item from its dash, selections the id; groups span their nodes', () => {
    assert.equal(fmtRange(symbols[0].selectionRange), fmtRange(gridKey));
    const nodes = symbols[2];
    const constGroup = nodes.children![0];
    const demand = constGroup.children![0];
    assert.equal(fmtRange(demand.range), fmtRange(demandEntry));
    assert.equal(fmtRange(demand.selectionRange), fmtRange(demandId));
    assert.deepEqual(constGroup.range.start, demandEntry.start);
    assert.deepEqual(constGroup.range.end, constGroup.children![1].range.end);
    assert.equal(fmtRange(constGroup.selectionRange), fmtRange(demandKind));
    const edge = symbols[4].children![1].children![0];
    assert.equal(fmtRange(edge.selectionRange), fmtRange(edgeFrom));
    assertNested(symbols);
  });
});

describe('document symbols of a template', () => {
  test('parameters come with their type and default', () => {
    const f = fixture(
      `
      parameters:
        - name: «bins»
          type: integer
          default: 12
        - name: pattern
          type: array
          default: [1, 2]
        - name: label
          type: string
      grid:
        bins: \${bins}
        binSize: 60
        binUnit: minutes
    `,
      'template',
    );
    const symbols = documentSymbols(f.a);
    assert.deepEqual(outline(symbols), [
      'section parameters (3)',
      '  parameter bins (integer = 12)',
      '  parameter pattern (array = [1, 2])',
      '  parameter label (string)',
      'grid grid (${bins} bins × 60 minutes)',
    ]);
    assert.equal(fmtRange(symbols[0].children![0].selectionRange), fmtRange(f.ranges[0]));
    assertNested(symbols);
  });

  test('a document that is not a mapping has no symbols', () => {
    assert.deepEqual(documentSymbols(fixture('- a\n- b\n').a), []);
    assert.deepEqual(documentSymbols(fixture('').a), []);
  });
});
