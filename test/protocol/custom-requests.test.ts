// The custom requests: flowtime/graph (graph + preview SVG + where each node is written) and flowtime/documentInfo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client';
import type { LspRange } from '../helpers/lsp-client';
import { BROKEN_MODEL, openAndWait, TEMPLATE, uri } from './fixtures';
import { GRAPH_REQUEST, DOCUMENT_INFO_REQUEST } from '../../core/src/language/protocol';
import type { DocumentInfoResult, GraphResult } from '../../core/src/language/protocol';

function rangeOf(text: string, line: string, word: string): LspRange {
  const l = text.split('\n').findIndex((x) => x.includes(line));
  const c = text.split('\n')[l].indexOf(word);
  return { start: { line: l, character: c }, end: { line: l, character: c + word.length } };
}

describe('custom requests', () => {
  let client: LspClient;
  const model = uri('graph-model.yaml');
  const template = uri('graph-template.yaml');
  const other = uri('other.yaml');

  before(async () => {
    client = LspClient.stdio();
    await client.initialize();
    await openAndWait(client, model, BROKEN_MODEL.text);
    await openAndWait(client, template, TEMPLATE.text);
    await openAndWait(client, other, 'name: not flowtime\n');
  });
  after(async () => {
    await client.shutdown();
  });

  test('flowtime/graph of a model: nodes with where they are written and their problems, typed edges, the SVG', async () => {
    const g = await client.request<GraphResult>(GRAPH_REQUEST, { uri: model });
    assert.equal(g.kind, 'model');
    assert.equal(g.version, 1);
    assert.deepEqual(
      g.nodes.map((n) => [n.key, n.kind, n.errors, n.warnings]),
      [
        ['node:backlog', 'expr', 1, 0],
        ['node:capacity', 'const', 0, 0],
        ['node:demand', 'const', 0, 0],
        ['node:served', 'expr', 0, 0],
      ],
    );
    const demand = g.nodes.find((n) => n.id === 'demand')!;
    assert.deepEqual(demand.range, rangeOf(BROKEN_MODEL.text, '- id: demand', 'demand'));
    assert.deepEqual(
      g.edges.map((e) => `${e.from}->${e.to}:${e.type}`),
      ['node:capacity->node:served:expr', 'node:demand->node:backlog:expr', 'node:demand->node:served:expr', 'node:served->node:backlog:expr'],
    );
    assert.match(g.svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(g.svg, /demand/);
    const bare = await client.request<GraphResult>(GRAPH_REQUEST, { uri: model, svg: false });
    assert.equal(bare.svg, '');
    assert.deepEqual(bare.nodes, g.nodes);
  });

  test('flowtime/graph of a template: the instantiated model, located in the template text', async () => {
    const g = await client.request<GraphResult>(GRAPH_REQUEST, { uri: template });
    assert.equal(g.kind, 'template');
    const desk = g.nodes.find((n) => n.key === 'topology:Desk');
    assert.ok(desk, g.nodes.map((n) => n.key).join(', '));
    assert.deepEqual(desk.range, rangeOf(TEMPLATE.text, '- id: Desk', 'Desk'));
    const served = g.nodes.find((n) => n.key === 'node:served')!;
    assert.deepEqual(served.range, rangeOf(TEMPLATE.text, '- id: served', 'served'));
    assert.equal(served.errors, 1, 'the dangling `ghost` is inside served');
    assert.ok(g.edges.some((e) => e.from === 'node:demand' && e.to === 'topology:Desk' && e.type === 'semantics'));
    assert.match(g.svg, /Desk/);
  });

  test('flowtime/documentInfo: kind and counts for the status bar', async () => {
    assert.deepEqual(await client.request<DocumentInfoResult>(DOCUMENT_INFO_REQUEST, { uri: model }), {
      kind: 'model',
      version: 1,
      errors: 2,
      warnings: 0,
      infos: 0,
      nodeCount: 4,
      topologyCount: 0,
    });
    assert.deepEqual(await client.request<DocumentInfoResult>(DOCUMENT_INFO_REQUEST, { uri: template }), {
      kind: 'template',
      version: 1,
      errors: 1,
      warnings: 0,
      infos: 0,
      nodeCount: 2,
      topologyCount: 1,
    });
  });

  test('a document that is not FlowTime answers with kind unknown; an unknown URI with null', async () => {
    const info = await client.request<DocumentInfoResult>(DOCUMENT_INFO_REQUEST, { uri: other });
    assert.deepEqual(info, { kind: 'unknown', version: 1, errors: 0, warnings: 0, infos: 0, nodeCount: 0, topologyCount: 0 });
    const g = await client.request<GraphResult>(GRAPH_REQUEST, { uri: other });
    assert.deepEqual(g, { kind: 'unknown', version: 1, nodes: [], edges: [], svg: '' });
    assert.equal(await client.request(DOCUMENT_INFO_REQUEST, { uri: uri('never-opened.yaml') }), null);
    assert.equal(await client.request(GRAPH_REQUEST, { uri: uri('never-opened.yaml') }), null);
  });
});
