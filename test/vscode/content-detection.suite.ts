// Extension tests: plain `.yaml` files get the FlowTime language from their content, other YAML stays YAML.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { closeAllEditors, flowtimeApi, openDocument, openEditor, wsUri } from './helpers';
import { waitFor } from './wait-for';

interface Info {
  kind: string;
  nodeCount: number;
  errors: number;
}

async function documentInfo(uri: vscode.Uri): Promise<Info> {
  const { server } = await flowtimeApi();
  return waitFor(() => server.request<Info | null>('flowtime/documentInfo', { uri: uri.toString() }), {
    what: `flowtime/documentInfo for ${uri.path}`,
    until: (i): i is Info => i !== null && i !== undefined,
  });
}

export default suite('content detection', (s) => {
  s.after(closeAllEditors);

  s.test('YAML without FlowTime content keeps the yaml language', async () => {
    const uri = wsUri('notes.yaml');
    const { document: doc } = await openEditor(uri);
    assert.equal(doc.languageId, 'yaml');
    // The server has the file and says it is not FlowTime: the client must not switch it.
    assert.equal((await documentInfo(uri)).kind, 'unknown');
    assert.equal(openDocument(uri)?.languageId, 'yaml');
  });

  s.test('a plain .yaml holding a model becomes flowtime-model', async () => {
    const uri = wsUri('plain-pipeline.yaml');
    await openEditor(uri);
    await waitFor(() => openDocument(uri)?.languageId, { what: 'plain-pipeline.yaml to get language flowtime-model', until: (id) => id === 'flowtime-model' });
    const info = await documentInfo(uri);
    assert.deepEqual({ kind: info.kind, nodeCount: info.nodeCount, errors: info.errors }, { kind: 'model', nodeCount: 2, errors: 0 });
    // Still served after the switch: hover over a reference answers.
    const doc = openDocument(uri);
    assert.ok(doc);
    const at = doc.positionAt(doc.getText().indexOf('load * 2') + 1);
    const hovers = await waitFor(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at), {
      what: 'a hover on `load` after the language switch',
      until: (h) => h.length > 0,
    });
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /load/);
  });

  s.test('a plain .yaml holding a template becomes flowtime-template', async () => {
    const uri = wsUri('plain-template.yaml');
    await openEditor(uri);
    await waitFor(() => openDocument(uri)?.languageId, { what: 'plain-template.yaml to get language flowtime-template', until: (id) => id === 'flowtime-template' });
    assert.equal((await documentInfo(uri)).kind, 'template');
  });
});
