// The node at the editor cursor, with the ranges the language server really sends for models and templates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../core/src/language/analysis';
import { DEFAULT_SETTINGS } from '../../../core/src/language/protocol';
import { NodeLocator, entryKeyColumn } from '../../../client/src/preview/node-locator';
import type { LocatableNode } from '../../../client/src/preview/node-locator';
import { documentGraph } from '../../../server/src/document-views';
import { dedent } from '../../helpers/markers';

/** The nodes `flowtime/graph` answers for this text. */
function graphNodes(text: string): LocatableNode[] {
  return documentGraph(analyze(text), 1, DEFAULT_SETTINGS).graph.nodes;
}

/** For every line, the key the locator finds with the cursor at the end of that line. */
function keysByLine(text: string, nodes = graphNodes(text)): (string | null)[] {
  const lines = text.split('\n');
  const locator = new NodeLocator(nodes);
  return lines.map((l, i) => locator.find({ line: i, character: l.length }, (n) => lines[n]));
}

const MODEL = dedent(`
  schemaVersion: 1
  grid:
    bins: 3
    binSize: 1
    binUnit: hours
  nodes:
    - id: demand
      kind: const
      values: [10, 12, 14]

    # capacity of the desk
    - id: capacity
      kind: const
      values: [11, 11, 11]
    - id: served
      kind: expr
      expr: |
        MIN(demand,
            capacity)
  topology:
    nodes:
      - id: Desk
        kind: service
        semantics:
          arrivals: demand
          served: served
    edges: []
  outputs:
    - series: served
`);

describe('NodeLocator on a model', () => {
  const lines = MODEL.split('\n');
  const found = keysByLine(MODEL);
  const at = (line: string): string | null => found[lines.findIndex((l) => l.includes(line))];

  test('every line of an entry finds its node, block scalars and indented maps included', () => {
    assert.equal(at('- id: demand'), 'node:demand');
    assert.equal(at('values: [10, 12, 14]'), 'node:demand');
    assert.equal(at('- id: capacity'), 'node:capacity');
    assert.equal(at('values: [11, 11, 11]'), 'node:capacity');
    assert.equal(at('expr: |'), 'node:served');
    assert.equal(at('MIN(demand,'), 'node:served');
    assert.equal(at('    capacity)'), 'node:served');
    assert.equal(at('- id: Desk'), 'topology:Desk');
    assert.equal(at('semantics:'), 'topology:Desk');
    assert.equal(at('served: served'), 'topology:Desk');
  });

  test('blank and comment lines after an entry belong to it (they are inside its indentation)', () => {
    assert.equal(found[lines.indexOf('')], 'node:demand');
    assert.equal(at('# capacity of the desk'), 'node:demand');
  });

  test('outside the node lists nothing is found', () => {
    assert.equal(at('schemaVersion'), null);
    assert.equal(at('binUnit'), null);
    assert.equal(at('nodes:'), null, 'the `nodes:` key comes before any id');
    assert.equal(at('topology:'), null);
    assert.equal(at('edges: []'), null, 'topology edges follow the last topology node, less indented');
    assert.equal(at('outputs:'), null);
    assert.equal(at('- series: served'), null);
  });

  test('on the id line, before the id (on the dash), the node of that line is found', () => {
    const line = lines.findIndex((l) => l.includes('- id: capacity'));
    const locator = new NodeLocator(graphNodes(MODEL));
    assert.equal(locator.find({ line, character: 0 }, (n) => lines[n]), 'node:capacity');
    assert.equal(locator.find({ line, character: 4 }, (n) => lines[n]), 'node:capacity');
  });

  test('an entry whose id is not its first key: the lines above the id are not given to the previous node', () => {
    const text = dedent(`
      nodes:
        - id: a
          kind: const
          values: [1]
        - kind: expr
          id: b
          expr: a * 2
    `);
    const l = text.split('\n');
    const found2 = keysByLine(text);
    assert.equal(found2[l.indexOf('    values: [1]')], 'node:a');
    assert.equal(found2[l.indexOf('  - kind: expr')], null);
    assert.equal(found2[l.indexOf('    id: b')], 'node:b');
    assert.equal(found2[l.indexOf('    expr: a * 2')], 'node:b');
  });

  test('flow-style entries on one line: the id at or before the cursor', () => {
    const text = 'nodes: [{id: a, kind: const, values: [1]}, {id: b, kind: expr, expr: a}]\n';
    const lines2 = text.split('\n');
    const locator = new NodeLocator(graphNodes(text));
    const col = (s: string): number => lines2[0].indexOf(s);
    assert.equal(locator.find({ line: 0, character: 0 }, (n) => lines2[n]), 'node:a', 'before every id: the first');
    assert.equal(locator.find({ line: 0, character: col('kind: const') }, (n) => lines2[n]), 'node:a');
    assert.equal(locator.find({ line: 0, character: col('kind: expr') }, (n) => lines2[n]), 'node:b');
  });

  test('ranges from an older version that point past the end find nothing rather than throwing', () => {
    const locator = new NodeLocator([{ key: 'node:x', range: { start: { line: 40, character: 6 }, end: { line: 40, character: 7 } } }]);
    assert.equal(locator.find({ line: 41, character: 0 }, () => undefined), null);
    const short = ['nodes:', '  - id: x'];
    assert.equal(
      new NodeLocator([{ key: 'node:x', range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } } }]).find(
        { line: 3, character: 0 },
        (n) => short[n],
      ),
      null,
    );
  });

  test('nodes without a place and an empty graph find nothing', () => {
    assert.equal(new NodeLocator([]).find({ line: 0, character: 0 }, () => ''), null);
    assert.equal(new NodeLocator([{ key: 'node:ghost' }]).find({ line: 5, character: 0 }, () => '    x: 1'), null);
  });
});

describe('NodeLocator on a template', () => {
  const TEMPLATE = dedent(`
    metadata:
      id: desk
      title: Desk
      version: 1.0.0
    parameters:
      - name: rate
        type: number
        default: 5
    grid:
      bins: 3
      binSize: 1
      binUnit: hours
    nodes:
      - id: arrivals
        kind: const
        values: [\${rate}, \${rate}, \${rate}]
      - id: served
        kind: expr
        expr: arrivals * 0.9
    outputs:
      - series: served
  `);

  test('instantiated nodes point back into the template, and the cursor finds them there', () => {
    const lines = TEMPLATE.split('\n');
    const found = keysByLine(TEMPLATE);
    const at = (line: string): string | null => found[lines.findIndex((l) => l.includes(line))];
    assert.equal(at('- id: arrivals'), 'node:arrivals');
    assert.equal(at('values: [${rate}'), 'node:arrivals');
    assert.equal(at('expr: arrivals * 0.9'), 'node:served');
    assert.equal(at('default: 5'), null);
    assert.equal(at('- series: served'), null);
  });
});

describe('entryKeyColumn', () => {
  test('skips indentation and sequence dashes', () => {
    assert.equal(entryKeyColumn('  - id: a'), 4);
    assert.equal(entryKeyColumn('    id: a'), 4);
    assert.equal(entryKeyColumn('- - id: a'), 4);
    assert.equal(entryKeyColumn('  - {id: a}'), 4);
    assert.equal(entryKeyColumn('  -'), 3);
    assert.equal(entryKeyColumn('  -x: 1'), 2, 'a dash not followed by a space is content');
  });
});
