// Lifecycle and transports: capabilities, stdio, Node IPC, `flowtime lsp --stdio`, settings pulled and refreshed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, LspClient, REPO } from '../helpers/lsp-client';
import { dedent } from '../helpers/markers';
import { BROKEN_MODEL, codes, openAndWait, uri } from './fixtures';

/** A model with one Rust-engine divergence (a warning) next to a real error. */
const DIVERGENT = dedent(`
  schemaVersion: 1
  grid: {bins: 2, binSize: 1, binUnit: weeks}
  nodes:
    - id: a
      kind: const
      values: [1, 2]
    - id: b
      kind: expr
      expr: "a + nope"
`);

describe('initialize', () => {
  test('announces the capabilities, incremental sync, the completion triggers and the token legend', async () => {
    const client = LspClient.stdio();
    try {
      const init = (await client.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
      const caps = init.capabilities;
      assert.equal(init.serverInfo.name, 'flowtime-language-server');
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual((caps.completionProvider as { triggerCharacters: string[] }).triggerCharacters, [' ', ':', '(', ',', '{', '$', '"', '-']);
      assert.deepEqual((caps.signatureHelpProvider as { triggerCharacters: string[] }).triggerCharacters, ['(', ',']);
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      for (const key of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'inlayHintProvider']) assert.equal(caps[key], true, key);
      assert.ok(caps.documentSymbolProvider);
      assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'refactor', 'source']);
      const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[] }; full: boolean }).legend;
      assert.deepEqual(legend.tokenTypes, ['function', 'variable', 'number', 'operator', 'parameter', 'property', 'keyword']);
    } finally {
      await client.shutdown();
    }
  });

  test('exit without shutdown ends the server with code 1, as LSP requires', async () => {
    const client = LspClient.stdio();
    await client.initialize();
    client.notify('exit', null);
    assert.equal(await client.exited, 1);
  });
});

describe('transports', () => {
  test('Node IPC: diagnostics and a request, like the VS Code client with TransportKind.ipc', async () => {
    const client = LspClient.ipc();
    try {
      await client.initialize();
      const doc = uri('ipc.yaml');
      const p = await openAndWait(client, doc, BROKEN_MODEL.text);
      assert.deepEqual(codes(p), ['expr.unknown-reference', 'legacy.bin-minutes']);
      const info = await client.request<{ kind: string; errors: number }>('flowtime/documentInfo', { uri: doc });
      assert.deepEqual([info.kind, info.errors], ['model', 2]);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('`flowtime lsp --stdio` runs the same server', async () => {
    ensureBuilt();
    const client = LspClient.stdio({ command: { file: resolve(REPO, 'bin', 'flowtime.js'), args: ['lsp', '--stdio'] } });
    try {
      const init = (await client.initialize()) as { serverInfo: { name: string } };
      assert.equal(init.serverInfo.name, 'flowtime-language-server');
      const doc = uri('cli.yaml');
      const p = await openAndWait(client, doc, BROKEN_MODEL.text);
      assert.deepEqual(codes(p), ['expr.unknown-reference', 'legacy.bin-minutes']);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('`flowtime lsp` without a transport is a usage error; --help lists the transports', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [resolve(REPO, 'bin', 'flowtime.js'), 'lsp'], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /lsp needs a transport: --stdio, --node-ipc/);
    const help = spawnSync(process.execPath, [resolve(REPO, 'bin', 'flowtime.js'), 'lsp', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: flowtime lsp \[options\][\s\S]*--stdio[\s\S]*--node-ipc/);
  });
});

describe('settings', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.stdio({ settings: { divergenceWarnings: 'off' } });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  const severities = (p: { diagnostics: { code?: string | number; severity?: number }[] }) =>
    p.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();

  test('are pulled per document with workspace/configuration (scopeUri = the document)', async () => {
    const doc = uri('divergent.yaml');
    const since = client.mark();
    const p = await openAndWait(client, doc, DIVERGENT);
    assert.deepEqual(severities(p), ['expr.unknown-reference:1'], 'divergenceWarnings: off hides rust.* findings');
    const ask = client.received.slice(since).find((m) => m.method === 'workspace/configuration');
    assert.deepEqual(ask?.params, { items: [{ scopeUri: doc, section: 'flowtime' }] });
  });

  test('are cached per document, and refreshed (with a revalidation) on didChangeConfiguration', async () => {
    const doc = uri('divergent-2.yaml');
    await openAndWait(client, doc, DIVERGENT);
    let since = client.mark();
    client.edit(doc, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    await client.diagnostics(doc, (p) => p.version === 2, since);
    assert.equal(
      client.received.slice(since).filter((m) => m.method === 'workspace/configuration').length,
      0,
      'an edit does not ask for the settings again',
    );

    client.settings = { divergenceWarnings: 'info' };
    since = client.mark();
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const info = await client.diagnostics(doc, () => true, since);
    assert.deepEqual(severities(info), ['expr.unknown-reference:1', 'rust.bin-unit-weeks:3'], 'divergences demoted to information');

    client.settings = { divergenceWarnings: 'warning', maxProblems: 1 };
    since = client.mark();
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const capped = await client.diagnostics(doc, () => true, since);
    assert.deepEqual(severities(capped), ['expr.unknown-reference:1'], 'maxProblems keeps the errors first');
    const counts = await client.request<{ errors: number; warnings: number }>('flowtime/documentInfo', { uri: doc });
    assert.deepEqual([counts.errors, counts.warnings], [1, 1], 'documentInfo counts beyond the cap');
  });

  test('a client without workspace/configuration pushes them with didChangeConfiguration', async () => {
    const push = LspClient.stdio();
    try {
      await push.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
      const doc = uri('pushed.yaml');
      const first = await openAndWait(push, doc, DIVERGENT);
      assert.deepEqual(severities(first), ['expr.unknown-reference:1', 'rust.bin-unit-weeks:2'], 'defaults: divergences are warnings');
      assert.equal(push.received.filter((m) => m.method === 'workspace/configuration').length, 0);
      const since = push.mark();
      push.notify('workspace/didChangeConfiguration', { settings: { flowtime: { divergenceWarnings: 'off' } } });
      const after = await push.diagnostics(doc, () => true, since);
      assert.deepEqual(severities(after), ['expr.unknown-reference:1']);
    } finally {
      await push.shutdown();
    }
  });
});
