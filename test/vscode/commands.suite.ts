// Extension tests: the FlowTime commands end to end, checked against the files they write under artifacts/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactOperationResult, ArtifactsResult, ArtifactWritten } from '../../core/src/language/protocol';
import { suite } from './harness';
import { EXTENSION_ID, closeAllEditors, copyFixture, flowtimeApi, flowtimeDiagnostics, hasDiagnostic, insertBeforeLine, listFiles, openEditor, runCommand, workspaceRoot, wsPath, wsUri } from './helpers';
import { waitFor } from './wait-for';

/** What every version folder holds, and nothing else (Sim's charter: no telemetry, series or run results). */
const VERSION_FILES = ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'];
/** Commands that write artifacts return within this; longer means a prompt or a notification is blocking them. */
const COMMAND_TIMEOUT_MS = 15000;

interface ValidationSummary {
  files: number;
  errors: number;
  warnings: number;
}

const artifactsDir = (): string => wsPath('artifacts');
const modelsDir = (): string => wsPath('artifacts', 'models');

function written(result: ArtifactOperationResult | undefined, what: string): ArtifactWritten {
  assert.ok(result, `${what} returned nothing (it failed or was cancelled; see the notifications)`);
  assert.ok(result.ok, `${what} was refused: ${result.ok ? '' : `${result.code}: ${result.message} ${JSON.stringify(result.problems)}`}`);
  return result;
}

/** The version folder is `artifacts/models/{id}/v{n}` in this workspace and holds exactly the four files. */
function assertVersionFolder(result: ArtifactWritten): void {
  assert.equal(result.path, path.join(modelsDir(), result.modelId, `v${result.version}`));
  assert.equal(result.modelPath, path.join(result.path, 'model.yaml'));
  assert.deepEqual(listFiles(result.path), VERSION_FILES);
  const catalog = fs.readFileSync(path.join(modelsDir(), 'catalog.json'), 'utf8');
  assert.ok(catalog.includes(`"${result.modelId}"`), `catalog.json does not list ${result.modelId}`);
  for (const f of ['metadata.json', 'validation.json']) JSON.parse(fs.readFileSync(path.join(result.path, f), 'utf8'));
  const svg = fs.readFileSync(path.join(result.path, 'preview.svg'), 'utf8');
  assert.ok(/<svg[\s\S]*data-node-id=/.test(svg), 'preview.svg is not an SVG drawing nodes');
}

/** Only `models/catalog.json` and `models/{id}/v{n}/<the four files>` may exist under artifacts/. */
function assertArtifactsLayout(): void {
  for (const f of listFiles(artifactsDir())) {
    const ok = f === path.join('models', 'catalog.json') || new RegExp(`^models/[^/]+/v\\d+/(${VERSION_FILES.join('|').replace(/\./g, '\\.')})$`).test(f);
    assert.ok(ok, `unexpected file under artifacts/: ${f}`);
  }
}

async function storedModels(): Promise<ArtifactsResult['models']> {
  const { server } = await flowtimeApi();
  return (await server.request<ArtifactsResult>('flowtime/artifacts', { artifactsRoot: artifactsDir() })).models;
}

/** YAML files in the workspace that are FlowTime models or templates (notes.yaml is the only other YAML file). */
function flowtimeYamlFiles(): string[] {
  return listFiles(workspaceRoot()).filter((f) => /\.ya?ml$/.test(f) && f !== 'notes.yaml' && !f.startsWith('.vscode'));
}

export default suite('commands', (s) => {
  let demo: ArtifactWritten | undefined;
  s.after(closeAllEditors);

  s.test('flowtime.newFromTemplate writes models/{id}/v1 and the catalog', async () => {
    assert.deepEqual(listFiles(artifactsDir()), [], 'the fixture workspace must start without artifacts');
    const result = await runCommand<ArtifactOperationResult>('flowtime.newFromTemplate', COMMAND_TIMEOUT_MS, {
      template: 'checkout',
      name: 'demo',
      parameters: { bins: '8', api_instances: '6' },
    });
    demo = written(result, 'flowtime.newFromTemplate');
    assert.match(demo.modelId, /^demo_[0-9a-f]+$/);
    assert.equal(demo.version, 1);
    assert.equal(demo.created, true);
    assertVersionFolder(demo);
    assertArtifactsLayout();
    const model = fs.readFileSync(demo.modelPath, 'utf8');
    assert.match(model, /^\s+bins: 8$/m);
    assert.match(model, /api_capacity_per_instance \* 6/);
  });

  s.test('flowtime.deriveModel writes a new model from the stored one', async () => {
    assert.ok(demo, 'needs the model of the previous test');
    const result = await runCommand<ArtifactOperationResult>('flowtime.deriveModel', COMMAND_TIMEOUT_MS, {
      from: demo.modelId,
      name: 'demo-b',
      parameters: { api_instances: '4' },
    });
    const derived = written(result, 'flowtime.deriveModel');
    assert.match(derived.modelId, /^demo-b_[0-9a-f]+$/);
    assert.equal(derived.version, 1);
    assertVersionFolder(derived);
    assertArtifactsLayout();
    const model = fs.readFileSync(derived.modelPath, 'utf8');
    assert.match(model, /api_capacity_per_instance \* 4/, 'the changed parameter');
    assert.match(model, /^\s+bins: 8$/m, 'the parameter kept from the source model');
    const stored = (await storedModels()).find((m) => m.id === derived.modelId);
    assert.deepEqual(stored?.versions[0]?.derivedFrom, { id: demo.modelId, version: 1 });
  });

  s.test('flowtime.exportArtifact exports a saved model file', async () => {
    const uri = copyFixture('models/clean.model.yaml', 'models/to-export.model.yaml');
    await openEditor(uri);
    const result = await runCommand<ArtifactOperationResult>('flowtime.exportArtifact', COMMAND_TIMEOUT_MS, uri, { name: 'exported' });
    const exported = written(result, 'flowtime.exportArtifact');
    assert.match(exported.modelId, /^exported_[0-9a-f]+$/);
    assertVersionFolder(exported);
    assertArtifactsLayout();
    const model = fs.readFileSync(exported.modelPath, 'utf8');
    for (const id of ['demand', 'capacity', 'served', 'unserved']) assert.match(model, new RegExp(`id: ${id}$`, 'm'));
  });

  s.test('flowtime.exportArtifact exports unsaved edits', async () => {
    const uri = copyFixture('models/clean.model.yaml', 'models/unsaved.model.yaml');
    const { document: doc } = await openEditor(uri);
    await insertBeforeLine(doc, 'outputs:', '  - id: extra_load\n    kind: const\n    values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n');
    assert.ok(doc.isDirty, 'the edit must stay unsaved');
    const result = await runCommand<ArtifactOperationResult>('flowtime.exportArtifact', COMMAND_TIMEOUT_MS, uri, { name: 'unsaved' });
    const exported = written(result, 'flowtime.exportArtifact (unsaved)');
    assertVersionFolder(exported);
    assert.match(fs.readFileSync(exported.modelPath, 'utf8'), /id: extra_load$/m, 'model.yaml lacks the unsaved node');
    assert.doesNotMatch(fs.readFileSync(uri.fsPath, 'utf8'), /extra_load/, 'the source file was saved');
    assert.ok(doc.isDirty);
  });

  s.test('flowtime.exportArtifact refuses a model with errors and writes nothing', async () => {
    const uri = wsUri('models', 'broken.model.yaml');
    await openEditor(uri);
    const before = listFiles(artifactsDir());
    const result = await runCommand<ArtifactOperationResult>('flowtime.exportArtifact', COMMAND_TIMEOUT_MS, uri, { name: 'broken' });
    assert.ok(result, 'flowtime.exportArtifact returned nothing');
    assert.equal(result.ok, false, 'a model with errors was exported');
    if (!result.ok) {
      const codes = result.problems.map((p) => p.code);
      assert.ok(codes.includes('legacy.bin-minutes') && codes.includes('expr.unknown-reference'), `problems: ${JSON.stringify(result.problems)}`);
    }
    assert.deepEqual(listFiles(artifactsDir()), before, 'files changed under artifacts/');
  });

  s.test('flowtime.validate counts a file\'s problems', async () => {
    const clean = await runCommand<ValidationSummary>('flowtime.validate', COMMAND_TIMEOUT_MS, wsUri('models', 'clean.model.yaml'));
    assert.deepEqual(clean, { files: 1, errors: 0, warnings: 0 });
    const broken = await runCommand<ValidationSummary>('flowtime.validate', COMMAND_TIMEOUT_MS, wsUri('models', 'broken.model.yaml'));
    assert.deepEqual(broken, { files: 1, errors: 2, warnings: 0 });
  });

  s.test('flowtime.validateWorkspace validates every FlowTime file and fills Problems', async () => {
    const unopened = wsUri('models', 'unopened.model.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'unopened.model.yaml must not be open yet');
    const expectedFiles = flowtimeYamlFiles();
    const summary = await runCommand<ValidationSummary>('flowtime.validateWorkspace', COMMAND_TIMEOUT_MS * 2);
    assert.ok(summary, 'flowtime.validateWorkspace returned nothing');
    assert.equal(summary.files, expectedFiles.length, `expected the FlowTime files ${expectedFiles.join(', ')}`);
    // broken.model.yaml (2), quickfix.model.yaml (1, if the language tests ran) and unopened.model.yaml (1).
    assert.ok(summary.errors >= 3, `errors: ${summary.errors}`);
    await waitFor(() => flowtimeDiagnostics(unopened), {
      what: 'expr.unknown-reference on unopened.model.yaml in Problems',
      until: (d) => hasDiagnostic(d, 'expr.unknown-reference'),
    });
  });

  s.test('flowtime.artifacts.refresh runs and the view\'s source lists the stored models', async () => {
    await runCommand<unknown>('flowtime.artifacts.refresh', COMMAND_TIMEOUT_MS);
    const ids = (await storedModels()).map((m) => m.id.replace(/_[0-9a-f]+$/, '')).sort();
    assert.deepEqual(ids, ['demo', 'demo-b', 'exported', 'unsaved']);
  });

  s.test('the artifacts view shows models → versions → files, with template, parameters and quality in tooltips', async () => {
    const { artifactsView } = await flowtimeApi();
    const models = await artifactsView.children();
    const labels = models.map((m) => String(artifactsView.item(m).label).replace(/_[0-9a-f]+$/, '')).sort();
    assert.deepEqual(labels, ['demo', 'demo-b', 'exported', 'unsaved']);
    const derived = models.find((m) => String(artifactsView.item(m).label).startsWith('demo-b_'));
    assert.ok(derived, 'demo-b is not in the view');
    const item = artifactsView.item(derived);
    assert.equal(item.contextValue, 'flowtime.model.template');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /template `checkout`/);
    assert.match(tooltip, /quality \d+ \/ 100/);
    assert.match(tooltip, /parameters:/);
    const versions = await artifactsView.children(derived);
    assert.deepEqual(versions.map((v) => artifactsView.item(v).label), ['v1']);
    assert.match((artifactsView.item(versions[0]).tooltip as vscode.MarkdownString).value, /derived from `demo_[0-9a-f]+` v1/);
    const files = await artifactsView.children(versions[0]);
    assert.deepEqual(files.map((f) => artifactsView.item(f).resourceUri?.path.split('/').pop()).sort(), VERSION_FILES);
    const exported = models.find((m) => String(artifactsView.item(m).label).startsWith('exported_'));
    assert.equal(exported && artifactsView.item(exported).contextValue, 'flowtime.model.file');
  });

  s.test('the artifacts view refreshes by itself when another program writes an artifact', async () => {
    const { artifactsView } = await flowtimeApi();
    let refreshes = 0;
    const sub = artifactsView.onDidRefresh(() => refreshes++);
    try {
      // The CLI, not the extension: only the file watcher can tell the view about this one.
      const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'sim', 'new', '--template', 'call-center', '--name', 'external', '--out', artifactsDir()], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      await waitFor(() => refreshes, { what: 'the artifacts view to refresh after the CLI wrote an artifact', until: (n) => n > 0 });
    } finally {
      sub.dispose();
    }
    const nodes = await artifactsView.children();
    assert.ok(nodes.some((n) => String(artifactsView.item(n).label).startsWith('external_')));
  });
});
