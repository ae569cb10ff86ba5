// Extension tests: the server's diagnostics reach VS Code's Problems for a broken model, on the right lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { closeAllEditors, flowtimeApi, flowtimeDiagnostics, hasDiagnostic, lineOf, openEditor, wsUri } from './helpers';
import { waitFor } from './wait-for';

export default suite('diagnostics', (s) => {
  s.after(closeAllEditors);

  s.test('a dangling reference and legacy binMinutes are reported on their lines', async () => {
    const uri = wsUri('models', 'broken.model.yaml');
    const { document: doc } = await openEditor(uri);
    assert.equal(doc.languageId, 'flowtime-model');
    const binLine = lineOf(doc, 'binMinutes: 60');
    const refLine = lineOf(doc, 'missing_node');
    const diags = await waitFor(() => flowtimeDiagnostics(uri), {
      what: `legacy.bin-minutes on line ${binLine} and expr.unknown-reference on line ${refLine} of broken.model.yaml`,
      until: (d) => hasDiagnostic(d, 'legacy.bin-minutes', binLine) && hasDiagnostic(d, 'expr.unknown-reference', refLine),
      timeoutMs: 20000,
    });
    const dangling = diags.find((d) => d.code === 'expr.unknown-reference');
    assert.equal(dangling?.severity, 'error');
    assert.match(dangling?.message ?? '', /missing_node/);
    assert.equal(diags.find((d) => d.code === 'legacy.bin-minutes')?.severity, 'error');
  });

  s.test('the unknown reference is underlined exactly', async () => {
    const uri = wsUri('models', 'broken.model.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const diag = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => String(d.code) === 'expr.unknown-reference'), {
      what: 'expr.unknown-reference on broken.model.yaml',
    });
    assert.equal(doc.getText(diag.range), 'missing_node');
  });

  s.test('a valid model has no errors or warnings', async () => {
    const uri = wsUri('models', 'clean.model.yaml');
    const { document: doc } = await openEditor(uri);
    assert.equal(doc.languageId, 'flowtime-model');
    // Once the server has analysed the file (documentInfo answers) its counts must be zero, and so must Problems.
    const { server } = await flowtimeApi();
    const info = await waitFor(() => server.request<{ errors: number; warnings: number } | null>('flowtime/documentInfo', { uri: uri.toString() }), {
      what: 'flowtime/documentInfo for clean.model.yaml',
      until: (i): i is { errors: number; warnings: number } => i !== null,
    });
    assert.deepEqual({ errors: info.errors, warnings: info.warnings }, { errors: 0, warnings: 0 });
    assert.deepEqual(flowtimeDiagnostics(uri).filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
  });

  s.test('the status bar shows the active document kind and its problem counts', async () => {
    const { statusBar } = await flowtimeApi();
    await openEditor(wsUri('models', 'broken.model.yaml'));
    const broken = await waitFor(() => statusBar(), {
      what: 'a visible FlowTime status item for broken.model.yaml with errors',
      until: (st) => st.visible && (st.uri ?? '').endsWith('broken.model.yaml') && /\$\(error\) [1-9]/.test(st.text),
    });
    assert.match(broken.text, /FlowTime Model/);
    await openEditor(wsUri('models', 'clean.model.yaml'));
    const clean = await waitFor(() => statusBar(), {
      what: 'the status item for clean.model.yaml without problems',
      until: (st) => st.visible && (st.uri ?? '').endsWith('clean.model.yaml'),
    });
    assert.match(clean.text, /FlowTime Model \$\(check\)/);
  });
});
