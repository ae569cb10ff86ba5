// Extension tests: the DAG preview draws what the server's graph holds and redraws after an edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { GraphResult } from '../../core/src/language/protocol';
import type { PreviewRender } from '../../client/src/preview/controller';
import { suite } from './harness';
import { closeAllEditors, copyFixture, flowtimeApi, insertBeforeLine, openEditor, runCommand, wsPath } from './helpers';
import { note } from './log';
import { waitFor } from './wait-for';

async function graphOf(uri: vscode.Uri, version: number): Promise<GraphResult> {
  const { server } = await flowtimeApi();
  return waitFor(() => server.request<GraphResult | null>('flowtime/graph', { uri: uri.toString(), svg: false }), {
    what: `flowtime/graph of ${uri.path} at version ${version}`,
    until: (g): g is GraphResult => g !== null && g.version === version,
  });
}

export default suite('preview', (s) => {
  let uri: vscode.Uri | undefined;
  s.after(closeAllEditors);

  s.test('flowtime.showPreview draws every node of the graph (both layers)', async () => {
    uri = copyFixture('models/preview.model.yaml', 'models/preview-live.model.yaml');
    const { document: doc } = await openEditor(uri);
    const api = await flowtimeApi();
    await runCommand<unknown>('flowtime.showPreview', 15000, uri);
    const graph = await graphOf(uri, doc.version);
    const layers = { node: graph.nodes.filter((n) => n.layer === 'node').length, topology: graph.nodes.filter((n) => n.layer === 'topology').length };
    assert.deepEqual(layers, { node: 3, topology: 2 }, 'the fixture has 3 nodes and 2 topology nodes');
    const key = uri.toString();
    const render = await waitFor(() => api.preview.lastRender(key), {
      what: `a preview render of preview-live.model.yaml v${doc.version} with ${graph.nodes.length} nodes`,
      until: (r): r is PreviewRender => r !== undefined && r.version === doc.version && r.mode === 'svg' && r.nodes === graph.nodes.length,
      timeoutMs: 20000,
    });
    note(`rendered ${render.nodes} nodes, ${render.edges} edges`);
    assert.equal(render.edges, graph.edges.length);
    assert.equal(render.errorNodes, 0);
  });

  s.test('an edit that adds a node redraws with one more node', async () => {
    assert.ok(uri, 'needs the preview of the previous test');
    const api = await flowtimeApi();
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = api.preview.lastRender(uri.toString());
    assert.ok(before, 'no render yet');
    const seen: PreviewRender[] = [];
    const sub = api.preview.onDidRender((r) => seen.push(r));
    try {
      await insertBeforeLine(doc, 'outputs:', '  - id: backlog\n    kind: expr\n    expr: "arrivals - served"\n');
      const version = doc.version;
      await waitFor(() => api.preview.lastRender(uri?.toString()), {
        what: `a render of v${version} with ${before.nodes + 1} nodes`,
        until: (r) => r !== undefined && r.version === version && r.mode === 'svg' && r.nodes === before.nodes + 1,
        timeoutMs: 20000,
      });
      assert.ok(seen.some((r) => r.version === version), 'onDidRender did not report the redraw');
      assert.equal((await graphOf(uri, version)).nodes.length, before.nodes + 1);
    } finally {
      sub.dispose();
    }
  });

  s.test('the preview exports its SVG to a given file', async () => {
    const api = await flowtimeApi();
    const target = vscode.Uri.file(wsPath('preview-export.svg'));
    await api.preview.exportSvg(target);
    const svg = await waitFor(() => (fs.existsSync(target.fsPath) ? fs.readFileSync(target.fsPath, 'utf8') : ''), {
      what: 'preview-export.svg on disk',
    });
    const ids = [...svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(ids, ['Desk', 'Done', 'arrivals', 'backlog', 'capacity', 'served']);
  });
});
