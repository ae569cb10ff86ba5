// Extension tests: the extension activates quickly and its language server starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { EXTENSION_ID, flowtimeApi } from './helpers';
import { note } from './log';

/** Activation must stay cheap: the server starts in the background after `activate` returns. */
const ACTIVATION_BUDGET_MS = 150;

export default suite('activation', (s) => {
  s.test('the extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    const api = await flowtimeApi();
    assert.ok(ext.isActive, 'the extension is not active after activate()');
    assert.equal(typeof api.activationMs, 'number');
  });

  s.test(`activate() takes less than ${ACTIVATION_BUDGET_MS} ms`, async () => {
    const api = await flowtimeApi();
    note(`activationMs = ${api.activationMs.toFixed(1)} ms`);
    assert.ok(api.activationMs >= 0 && api.activationMs < ACTIVATION_BUDGET_MS, `activation took ${api.activationMs.toFixed(1)} ms`);
  });

  s.test('the language server starts', async () => {
    const api = await flowtimeApi();
    const started = Date.now();
    const client = await api.server.current();
    note(`server ready ${Date.now() - started} ms after the test asked`);
    assert.ok(client.isRunning(), 'the language client is not running');
    assert.ok(client.initializeResult?.capabilities.hoverProvider, 'the server did not announce hover');
  });
});
