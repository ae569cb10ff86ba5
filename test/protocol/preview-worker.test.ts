// The preview SVG of a big model is laid out off the main thread: other requests are answered while it renders.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { LspClient } from '../helpers/lsp-client';
import { openAndWait, uri } from './fixtures';
import { GRAPH_REQUEST, DOCUMENT_INFO_REQUEST } from '../../core/src/language/protocol';
import type { DocumentInfoResult, GraphResult } from '../../core/src/language/protocol';
import { generatePipelineModel } from '../unit/preview/generate';

describe('preview rendering in a worker', () => {
  let client: LspClient;
  const big = uri('big-preview.yaml');
  const small = uri('small-preview.yaml');

  before(async () => {
    client = LspClient.stdio();
    await client.initialize();
    // About 480 nodes: dagre needs seconds for this on one core, the status request a few milliseconds.
    await openAndWait(client, big, stringify(generatePipelineModel(60)));
    await openAndWait(client, small, 'schemaVersion: 1\ngrid: { bins: 2, binSize: 1, binUnit: hours }\nnodes:\n  - id: a\n    kind: const\n    values: [1, 2]\n');
  });
  after(async () => {
    await client.shutdown();
  });

  test('documentInfo sent after a big graph request is answered before the graph', async () => {
    const order: string[] = [];
    const graph = client.request<GraphResult>(GRAPH_REQUEST, { uri: big }).then((g) => {
      order.push('graph');
      return g;
    });
    const info = client.request<DocumentInfoResult>(DOCUMENT_INFO_REQUEST, { uri: small }).then((i) => {
      order.push('info');
      return i;
    });
    const [g, i] = await Promise.all([graph, info]);
    assert.deepEqual(order, ['info', 'graph'], 'the status request waited for the layout: the SVG was rendered on the main thread');
    assert.equal(i.nodeCount, 1);
    assert.ok(g.nodes.length > 400, `${g.nodes.length} nodes`);
    assert.equal((g.svg.match(/data-node-id=/g) ?? []).length, g.nodes.length);
  });
});
