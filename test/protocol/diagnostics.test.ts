// Diagnostics over stdio: codes, ranges, versions, related information, fix data, staleness, close, fault isolation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client';
import type { PublishedDiagnostics } from '../helpers/lsp-client';
import { dedent } from '../helpers/markers';
import { BROKEN_MODEL, codes, openAndWait, TEMPLATE, uri, VALID_MODEL } from './fixtures';

describe('diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.stdio({ env: { FLOWTIME_LSP_FAULT: 'FAULT-MARKER-7f3a' } });
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, 'shutdown + exit ends the server with code 0');
  });

  test('a broken model gets its codes, exact ranges, severity, source, version and fix data', async () => {
    const doc = uri('broken.yaml');
    const p = await openAndWait(client, doc, BROKEN_MODEL.text);
    assert.equal(p.version, 1);
    assert.deepEqual(codes(p), ['expr.unknown-reference', 'legacy.bin-minutes']);
    const legacy = p.diagnostics.find((d) => d.code === 'legacy.bin-minutes')!;
    assert.deepEqual(legacy.range, BROKEN_MODEL.ranges[0]);
    assert.equal(legacy.severity, 1);
    assert.equal(legacy.source, 'flowtime');
    assert.deepEqual(legacy.tags, [2], 'legacy shapes are tagged Deprecated');
    const fixes = (legacy.data as { fixes: { title: string; edits: unknown[] }[] }).fixes;
    assert.equal(fixes[0].title, 'Convert to binSize: 1, binUnit: hours');
    assert.ok(fixes[0].edits.length > 0);
    const dangling = p.diagnostics.find((d) => d.code === 'expr.unknown-reference')!;
    assert.deepEqual(dangling.range, BROKEN_MODEL.ranges[1]);
    assert.match(dangling.message, /unknown node 'missing_node'/);
  });

  test('related information points into the same document', async () => {
    const doc = uri('duplicate.yaml');
    const text = dedent(`
      schemaVersion: 1
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: demand
          kind: const
          values: [1]
        - id: demand
          kind: const
          values: [2]
    `);
    const p = await openAndWait(client, doc, text);
    const dup = p.diagnostics.find((d) => d.code === 'model.duplicate-node-id');
    assert.ok(dup, `got ${codes(p).join(', ')}`);
    assert.deepEqual(dup.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 14 } });
    assert.deepEqual(dup.relatedInformation, [
      { location: { uri: doc, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } } }, message: "First declaration of 'demand'" },
    ]);
  });

  test('a template is detected from its content and its findings point into the template text', async () => {
    const doc = uri('template.yaml');
    const p = await openAndWait(client, doc, TEMPLATE.text);
    assert.deepEqual(codes(p), ['expr.unknown-reference']);
    assert.deepEqual(p.diagnostics[0].range, TEMPLATE.ranges[0]);
  });

  test('a YAML file that is neither a model nor a template gets an empty list', async () => {
    const doc = uri('compose.yaml');
    const p = await openAndWait(client, doc, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(p.diagnostics, []);
  });

  test('the language id forces the kind: flowtime-model validates what content detection would skip', async () => {
    const doc = uri('forced.flow.yaml');
    const p = await openAndWait(client, doc, 'services:\n  web: 1\n', 'flowtime-model');
    assert.ok(p.diagnostics.length > 0, 'a forced model is validated');
    assert.ok(p.diagnostics.every((d) => d.code !== 'yaml.not-flowtime'));
  });

  test('an edit is validated again and the fixed document clears its diagnostics', async () => {
    const doc = uri('edit.yaml');
    const first = await openAndWait(client, doc, VALID_MODEL);
    assert.deepEqual(first.diagnostics, []);
    let since = client.mark();
    // Incremental change: rename `capacity` in the expression to a node that does not exist.
    const line = VALID_MODEL.split('\n').findIndex((l) => l.includes('MIN(demand, capacity)'));
    const col = VALID_MODEL.split('\n')[line].indexOf('capacity');
    client.edit(doc, 2, [{ range: { start: { line, character: col }, end: { line, character: col + 8 } }, text: 'capacty' }]);
    const broken = await client.diagnostics(doc, (p) => p.version === 2, since);
    assert.deepEqual(codes(broken), ['expr.unknown-reference']);
    assert.deepEqual(broken.diagnostics[0].range, { start: { line, character: col }, end: { line, character: col + 7 } });
    since = client.mark();
    client.edit(doc, 3, [{ range: { start: { line, character: col }, end: { line, character: col + 7 } }, text: 'capacity' }]);
    const fixed = await client.diagnostics(doc, (p) => p.version === 3, since);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('after a rapid burst of changes only the latest version is published', async () => {
    const doc = uri('burst.yaml');
    await openAndWait(client, doc, VALID_MODEL);
    const since = client.mark();
    const lines = VALID_MODEL.split('\n');
    const line = lines.findIndex((l) => l.includes('MIN(demand, capacity)'));
    const end = lines[line].lastIndexOf('"');
    // Ten keystrokes in one write: ` + x`, each a new version; the last leaves a dangling `xxxxxxx`.
    const keys = [' ', '+', ' ', 'x', 'x', 'x', 'x', 'x', 'x', 'x'];
    client.notifyAll(
      keys.map((k, i) => ({
        method: 'textDocument/didChange',
        params: { textDocument: { uri: doc, version: 2 + i }, contentChanges: [{ range: { start: { line, character: end + i }, end: { line, character: end + i } }, text: k }] },
      })),
    );
    const last = 2 + keys.length - 1;
    const final = await client.diagnostics(doc, (p) => p.version === last, since);
    assert.deepEqual(codes(final), ['expr.unknown-reference']);
    assert.match(final.diagnostics[0].message, /'xxxxxxx'/);
    // A request round trip after the final publish: anything the server still had queued would have been sent by now.
    await client.request('flowtime/documentInfo', { uri: doc });
    const versions = client.published(doc).slice(-1 - keys.length).map((p) => p.version);
    const afterBurst = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishedDiagnostics).uri === doc);
    assert.deepEqual(
      afterBurst.map((m) => (m.params as PublishedDiagnostics).version),
      [last],
      `only version ${last} is published after the burst (saw ${versions.join(', ')})`,
    );
  });

  test('didClose clears the diagnostics of the document', async () => {
    const doc = uri('close.yaml');
    const p = await openAndWait(client, doc, BROKEN_MODEL.text);
    assert.equal(p.diagnostics.length, 2);
    const since = client.mark();
    client.close(doc);
    const cleared = await client.diagnostics(doc, () => true, since);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('a document whose analysis throws does not stop another document from being analysed', async () => {
    const good = uri('good.yaml');
    const bad = uri('bad.yaml');
    const since = client.mark();
    client.open(bad, `${VALID_MODEL}# FAULT-MARKER-7f3a\n`);
    client.open(good, BROKEN_MODEL.text);
    const p = await client.diagnostics(good, () => true, since);
    assert.deepEqual(codes(p), ['expr.unknown-reference', 'legacy.bin-minutes']);
    const logged = await client.waitFor(
      (m) => m.method === 'window/logMessage' && /analysis of .*bad\.yaml .* failed: Error: injected fault/.test((m.params as { message: string }).message),
      'the failure logged to the client',
      since,
    );
    assert.equal((logged.params as { type: number }).type, 1, 'logged as an error');
    // The failing document answers requests with empty results, and the server keeps serving the good one.
    const completion = await client.request<unknown>('textDocument/completion', { textDocument: { uri: bad }, position: { line: 0, character: 0 } });
    assert.equal(completion, null);
    const later = client.mark();
    client.edit(good, 2, [{ range: BROKEN_MODEL.ranges[1], text: 'capacity' }]);
    const after = await client.diagnostics(good, (x) => x.version === 2, later);
    assert.deepEqual(codes(after), ['legacy.bin-minutes']);
    assert.ok(client.published(bad).length === 0, 'nothing is published for the failing document');
  });
});
