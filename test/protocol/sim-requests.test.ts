// The Sim-operation requests over stdio: templates, checkParameter, newModel/deriveModel/exportDocument, artifacts, validateFiles.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';
import { runCli } from '../helpers/cli';
import { BROKEN_MODEL, openAndWait, TEMPLATE, uri, VALID_MODEL } from './fixtures';
import {
  ARTIFACTS_REQUEST,
  CHECK_PARAMETER_REQUEST,
  DERIVE_MODEL_REQUEST,
  EXPORT_DOCUMENT_REQUEST,
  NEW_MODEL_REQUEST,
  TEMPLATES_REQUEST,
  VALIDATE_FILES_REQUEST,
} from '../../core/src/language/protocol';
import type {
  ArtifactOperationResult,
  ArtifactsResult,
  ArtifactWritten,
  CheckParameterResult,
  OperationFailed,
  TemplatesResult,
  ValidateFilesResult,
} from '../../core/src/language/protocol';

const ARTIFACT_FILES = ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'];
const VALID_TEMPLATE = TEMPLATE.text.replace(' + ghost', '');

function written(r: ArtifactOperationResult): ArtifactWritten {
  assert.equal(r.ok, true, JSON.stringify(r, null, 2));
  return r as ArtifactWritten;
}

function failed(r: ArtifactOperationResult): OperationFailed {
  assert.equal(r.ok, false, JSON.stringify(r, null, 2));
  return r as OperationFailed;
}

function cliJson(args: string[]): { model_id: string; path: string } {
  const r = runCli([...args, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { model_id: string; path: string };
}

describe('Sim-operation requests', () => {
  let client: LspClient;
  const tmp = mkdtempSync(join(tmpdir(), 'ft-lsp-sim-'));
  const root = join(tmp, 'artifacts', 'nested');
  const cliRoot = join(tmp, 'cli-artifacts');
  const files = join(tmp, 'files');
  let baseline: ArtifactWritten;
  let derived: ArtifactWritten;

  before(async () => {
    mkdirSync(files, { recursive: true });
    client = LspClient.stdio();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('flowtime/templates: the 8 built-ins with typed parameters, then extra folders (missing ones ignored)', async () => {
    const extra = join(tmp, 'extra-templates');
    mkdirSync(extra);
    writeFileSync(join(extra, 'desk.yaml'), VALID_TEMPLATE);
    const builtins = await client.request<TemplatesResult>(TEMPLATES_REQUEST, {});
    assert.equal(builtins.templates.length, 8);
    assert.ok(builtins.templates.every((t) => t.builtin && isAbsolute(t.path) && existsSync(t.path)));
    const checkout = builtins.templates.find((t) => t.id === 'checkout')!;
    assert.equal(checkout.title, 'E-commerce Checkout');
    assert.match(checkout.description ?? '', /checkout/i);
    assert.deepEqual(checkout.parameters[0], {
      name: 'bins',
      type: 'integer',
      title: 'Time Bins',
      description: 'Number of 15-minute bins to simulate (96 is one day, 672 one week).',
      default: 96,
      min: 4,
      max: 672,
    });
    const roster = builtins.templates.find((t) => t.id === 'call-center')!.parameters.find((p) => p.name === 'agents_by_hour')!;
    assert.equal(roster.type, 'array');
    assert.equal(roster.arrayOf, 'int');

    const all = await client.request<TemplatesResult>(TEMPLATES_REQUEST, { folders: [join(tmp, 'no-such-folder'), extra] });
    assert.equal(all.templates.length, 9);
    const mine = all.templates[8];
    assert.deepEqual(
      { id: mine.id, builtin: mine.builtin, path: mine.path, description: mine.description, parameters: mine.parameters.map((p) => `${p.name}:${p.type}`) },
      { id: 'protocol-test', builtin: false, path: join(extra, 'desk.yaml'), description: null, parameters: ['scale:number'] },
    );
  });

  test('flowtime/checkParameter: the CLI --set parsing and range checks for one value', async () => {
    const check = (template: string, name: string, text: string) => client.request<CheckParameterResult>(CHECK_PARAMETER_REQUEST, { template, name, text });
    assert.deepEqual(await check('checkout', 'bins', '12'), { ok: true });
    assert.deepEqual(await check('checkout', 'bins', '1000'), { ok: false, message: "Parameter 'bins' value 1000 exceeds the maximum 672." });
    assert.deepEqual(await check('checkout', 'bins', 'abc'), { ok: false, message: "'bins' expects a whole number, got 'abc'." });
    assert.deepEqual(await check('checkout', 'peak_factor', '2.5'), { ok: true });
    const element = await check('call-center', 'agents_by_hour', '[1, 2, x]');
    assert.equal(element.ok, false);
    assert.match(element.message ?? '', /index 2 \('x'\) is not a whole number/);
    const unknown = await check('checkout', 'binz', '3');
    assert.equal(unknown.ok, false);
    assert.match(unknown.message ?? '', /did you mean 'bins'/);
    const noTemplate = await check('no-such-template', 'bins', '3');
    assert.equal(noTemplate.ok, false);
    assert.match(noTemplate.message ?? '', /unknown template 'no-such-template'/);
  });

  test('flowtime/newModel writes models/{id}/v1 with the four files and the id `flowtime sim new` gives', async () => {
    assert.equal(existsSync(root), false, 'the artifacts root does not exist yet');
    baseline = written(
      await client.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, {
        artifactsRoot: root,
        template: 'checkout',
        name: 'lsp-checkout',
        parameters: { bins: '8', api_instances: '4' },
      }),
    );
    assert.match(baseline.modelId, /^lsp-checkout_[0-9a-f]{4,}$/);
    assert.equal(baseline.version, 1);
    assert.equal(baseline.created, true);
    assert.equal(baseline.path, join(root, 'models', baseline.modelId, 'v1'));
    assert.equal(baseline.modelPath, join(baseline.path, 'model.yaml'));
    assert.deepEqual(readdirSync(baseline.path).sort(), ARTIFACT_FILES);
    const report = JSON.parse(readFileSync(join(baseline.path, 'validation.json'), 'utf8')) as { quality: { score: number }; diagnostics: { severity: string }[] };
    assert.equal(baseline.quality, Math.round(report.quality.score * 100));
    assert.equal(baseline.warnings, report.diagnostics.filter((d) => d.severity === 'warning').length);
    const meta = JSON.parse(readFileSync(join(baseline.path, 'metadata.json'), 'utf8')) as { spec: { sim_config: { parameters: Record<string, unknown> } } };
    assert.equal(meta.spec.sim_config.parameters.bins, 8, 'typed texts are parsed as the parameter types');
    assert.equal(meta.spec.sim_config.parameters.api_instances, 4);

    const cli = cliJson(['sim', 'new', '--template', 'checkout', '--name', 'lsp-checkout', '--set', 'bins=8', '--set', 'api_instances=4', '--out', cliRoot]);
    assert.equal(baseline.modelId, cli.model_id);
    assert.equal(readFileSync(baseline.modelPath, 'utf8'), readFileSync(join(cli.path, 'model.yaml'), 'utf8'));
  });

  test('flowtime/newModel again with the same inputs writes nothing (created: false)', async () => {
    const again = written(
      await client.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, {
        artifactsRoot: root,
        template: 'checkout',
        name: 'lsp-checkout',
        parameters: { api_instances: '4', bins: '8' },
      }),
    );
    assert.deepEqual({ ...again, created: true }, baseline);
    assert.equal(again.created, false);
    assert.deepEqual(readdirSync(join(root, 'models', baseline.modelId)), ['v1']);
  });

  test('flowtime/newModel refusals: bad values, unknown template, template errors located in the template file', async () => {
    const bad = failed(
      await client.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, { artifactsRoot: root, template: 'checkout', name: 'x', parameters: { bins: '1000' } }),
    );
    assert.equal(bad.code, 'invalid-parameters');
    assert.deepEqual(bad.problems, [{ severity: 'error', message: "bins: Parameter 'bins' value 1000 exceeds the maximum 672." }]);
    const unknown = failed(await client.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, { artifactsRoot: root, template: 'chekout', name: 'x', parameters: {} }));
    assert.equal(unknown.code, 'template-not-found');
    assert.match(unknown.message, /did you mean 'checkout'/);

    const folder = join(tmp, 'broken-templates');
    mkdirSync(folder);
    const file = join(folder, 'broken.yaml');
    writeFileSync(file, TEMPLATE.text);
    const broken = failed(
      await client.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, { artifactsRoot: root, template: 'protocol-test', folders: [folder], name: 'x', parameters: {} }),
    );
    assert.equal(broken.code, 'invalid-template');
    const ghost = broken.problems.find((p) => p.code === 'expr.unknown-reference');
    assert.ok(ghost, JSON.stringify(broken.problems));
    assert.equal(ghost.uri, pathToFileURL(file).href);
    assert.deepEqual(ghost.range, TEMPLATE.ranges[0]);
    assert.deepEqual(readdirSync(join(root, 'models')).sort(), [baseline.modelId, 'catalog.json'].sort(), 'nothing was written');
  });

  test('flowtime/newModel with malformed params is an InvalidParams error', async () => {
    await assert.rejects(
      client.request(NEW_MODEL_REQUEST, { artifactsRoot: 'relative/root', template: 'checkout', name: 'x', parameters: {} }),
      (e: Error & { code?: number }) => e.code === -32602 && /absolute path/.test(e.message),
    );
    await assert.rejects(
      client.request(NEW_MODEL_REQUEST, { artifactsRoot: root, template: 'checkout', name: 'x', parameters: { bins: 8 } }),
      (e: Error & { code?: number }) => e.code === -32602,
    );
  });

  test('flowtime/deriveModel: a new id from the recorded template and parameters, with derived_from recorded', async () => {
    derived = written(
      await client.request<ArtifactOperationResult>(DERIVE_MODEL_REQUEST, {
        artifactsRoot: root,
        from: baseline.modelId,
        name: 'lsp-checkout-peak',
        parameters: { peak_factor: '2' },
      }),
    );
    assert.notEqual(derived.modelId, baseline.modelId);
    assert.match(derived.modelId, /^lsp-checkout-peak_[0-9a-f]{4,}$/);
    assert.deepEqual(readdirSync(derived.path).sort(), ARTIFACT_FILES);
    const meta = JSON.parse(readFileSync(join(derived.path, 'metadata.json'), 'utf8')) as {
      lineage?: { derived_from: string };
      spec: { sim_config: { parameters: Record<string, unknown> } };
    };
    assert.deepEqual(meta.lineage, { derived_from: `${baseline.modelId}@v1` });
    assert.equal(meta.spec.sim_config.parameters.peak_factor, 2);
    assert.equal(meta.spec.sim_config.parameters.bins, 8, 'the source parameters carry over');
    const missing = failed(await client.request<ArtifactOperationResult>(DERIVE_MODEL_REQUEST, { artifactsRoot: root, from: 'nothing_abcd', name: 'y', parameters: {} }));
    assert.equal(missing.code, 'model-not-found');
  });

  test('flowtime/exportDocument exports the unsaved text of an open model, as `flowtime sim export` would', async () => {
    const file = join(files, 'edited.yaml');
    writeFileSync(file, VALID_MODEL);
    const doc = pathToFileURL(file).href;
    await openAndWait(client, doc, VALID_MODEL);
    const edited = VALID_MODEL.replace('outputs:', '  - id: spare\n    kind: expr\n    expr: "capacity - served"\noutputs:').replace('as: served.csv', 'as: served.csv\n  - series: spare');
    assert.notEqual(edited, VALID_MODEL);
    const since = client.mark();
    client.replace(doc, 2, edited);
    await client.diagnostics(doc, (p) => p.version === 2, since);

    const r = written(await client.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, { uri: doc, artifactsRoot: root, name: 'hand-made' }));
    assert.equal(r.created, true);
    const exported = readFileSync(r.modelPath, 'utf8');
    assert.ok(exported.startsWith(edited), 'the edited text, byte for byte, then the provenance block');
    assert.match(exported, /id: spare/);
    assert.equal(readFileSync(file, 'utf8'), VALID_MODEL, 'the file on disk is untouched');
    const meta = JSON.parse(readFileSync(join(r.path, 'metadata.json'), 'utf8')) as { spec: { sim_config: { source_file?: string } } };
    assert.equal(meta.spec.sim_config.source_file, 'edited.yaml');

    const saved = join(tmp, 'saved-edit.yaml');
    writeFileSync(saved, edited);
    const cli = cliJson(['sim', 'export', '--model', saved, '--name', 'hand-made', '--out', cliRoot]);
    assert.equal(r.modelId, cli.model_id);
    assert.equal(exported, readFileSync(join(cli.path, 'model.yaml'), 'utf8'));
  });

  test('flowtime/exportDocument of a model with errors: refused with problems located in the document, nothing written', async () => {
    const doc = uri('broken-export.yaml');
    await openAndWait(client, doc, BROKEN_MODEL.text);
    const fresh = join(tmp, 'refused-root');
    const r = failed(await client.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, { uri: doc, artifactsRoot: fresh, name: 'broken' }));
    assert.equal(r.code, 'invalid-model');
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.severity, p.uri, p.range]),
      [
        ['legacy.bin-minutes', 'error', doc, BROKEN_MODEL.ranges[0]],
        ['expr.unknown-reference', 'error', doc, BROKEN_MODEL.ranges[1]],
      ],
    );
    assert.equal(existsSync(join(fresh, 'models')), false);
  });

  test('flowtime/exportDocument of a template: instantiated with its defaults, as `flowtime sim new --template <file>`', async () => {
    const file = join(files, 'desk-template.yaml');
    writeFileSync(file, TEMPLATE.text);
    const doc = pathToFileURL(file).href;
    await openAndWait(client, doc, TEMPLATE.text);
    const refused = failed(await client.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, { uri: doc, artifactsRoot: root, name: 'desk' }));
    assert.equal(refused.code, 'invalid-template');
    const ghost = refused.problems.find((p) => p.code === 'expr.unknown-reference');
    assert.deepEqual([ghost?.uri, ghost?.range], [doc, TEMPLATE.ranges[0]]);

    // The fix is only in the editor: the template on disk still has the error.
    const since = client.mark();
    client.replace(doc, 2, VALID_TEMPLATE);
    await client.diagnostics(doc, (p) => p.version === 2, since);
    const r = written(await client.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, { uri: doc, artifactsRoot: root, name: 'desk' }));
    const model = readFileSync(r.modelPath, 'utf8');
    assert.match(model, /templateId: protocol-test/);
    assert.match(model, /expr: demand \* 2\n/, 'the default of scale is substituted');

    const saved = join(tmp, 'saved-template.yaml');
    writeFileSync(saved, VALID_TEMPLATE);
    const cli = cliJson(['sim', 'new', '--template', saved, '--name', 'desk', '--out', cliRoot]);
    assert.equal(r.modelId, cli.model_id);
    assert.equal(model, readFileSync(join(cli.path, 'model.yaml'), 'utf8'));
  });

  test('flowtime/exportDocument: a non-FlowTime document is refused, a document not open is an InvalidParams error', async () => {
    const doc = uri('plain.yaml');
    await openAndWait(client, doc, 'name: not flowtime\n');
    const r = failed(await client.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, { uri: doc, artifactsRoot: root, name: 'plain' }));
    assert.equal(r.code, 'invalid-request');
    assert.deepEqual(r.problems, []);
    await assert.rejects(
      client.request(EXPORT_DOCUMENT_REQUEST, { uri: uri('never-opened.yaml'), artifactsRoot: root, name: 'x' }),
      (e: Error & { code?: number }) => e.code === -32602,
    );
  });

  test('flowtime/artifacts lists every model and version with parameters, quality and lineage', async () => {
    assert.deepEqual(await client.request<ArtifactsResult>(ARTIFACTS_REQUEST, { artifactsRoot: join(tmp, 'no-such-root') }), { models: [] });
    const listing = await client.request<ArtifactsResult>(ARTIFACTS_REQUEST, { artifactsRoot: root });
    const ids = listing.models.map((m) => m.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(ids.length, 4, ids.join(', '));
    const base = listing.models.find((m) => m.id === baseline.modelId)!;
    assert.deepEqual(
      { template: base.template, title: base.title, latestVersion: base.latestVersion },
      { template: 'checkout', title: 'E-commerce Checkout (lsp-checkout)', latestVersion: 1 },
    );
    const v1 = base.versions[0];
    assert.equal(base.versions.length, 1);
    assert.equal(v1.path, baseline.path);
    assert.deepEqual(v1.files, ARTIFACT_FILES);
    assert.match(v1.created ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(v1.parameters.bins, 8);
    assert.equal(v1.parameters.api_instances, 4);
    assert.equal(v1.quality, baseline.quality);
    assert.equal(v1.derivedFrom, null);
    const child = listing.models.find((m) => m.id === derived.modelId)!;
    assert.deepEqual(child.versions[0].derivedFrom, { id: baseline.modelId, version: 1 });
    assert.equal(child.versions[0].parameters.peak_factor, 2);
    const hand = listing.models.find((m) => m.id.startsWith('hand-made_'))!;
    assert.deepEqual([hand.template, hand.versions[0].parameters], [null, {}]);
    // Asked again (as on every file event): the same answer.
    assert.deepEqual(await client.request<ArtifactsResult>(ARTIFACTS_REQUEST, { artifactsRoot: root }), listing);
  });

  test('flowtime/validateFiles publishes diagnostics of files on disk and skips non-FlowTime and unreadable ones', async () => {
    const broken = join(files, 'broken.yaml');
    const valid = join(files, 'valid.yaml');
    const other = join(files, 'other.yaml');
    writeFileSync(broken, BROKEN_MODEL.text);
    writeFileSync(valid, VALID_MODEL);
    writeFileSync(other, 'name: not flowtime\nitems: [1, 2]\n');
    const [brokenUri, validUri, otherUri, missingUri] = [broken, valid, other, join(files, 'missing.yaml')].map((f) => pathToFileURL(f).href);
    const since = client.mark();
    const r = await client.request<ValidateFilesResult>(VALIDATE_FILES_REQUEST, { uris: [brokenUri, validUri, otherUri, missingUri] });
    assert.deepEqual(r.files, [
      { uri: brokenUri, kind: 'model', errors: 2, warnings: 0, infos: 0 },
      { uri: validUri, kind: 'model', errors: 0, warnings: 0, infos: 0 },
    ]);
    const published = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params as { uri: string; diagnostics: { code: string; range: unknown }[] });
    assert.deepEqual(
      published.map((p) => [p.uri, p.diagnostics.map((d) => d.code).sort()]),
      [
        [brokenUri, ['expr.unknown-reference', 'legacy.bin-minutes']],
        [validUri, []],
      ],
    );
    assert.deepEqual(published[0].diagnostics.find((d) => d.code === 'legacy.bin-minutes')?.range, BROKEN_MODEL.ranges[0]);
  });

  test('flowtime/validateFiles respects maxProblems for what it publishes, counts everything, and reads open documents as edited', async () => {
    const file = join(files, 'capped.yaml');
    writeFileSync(file, BROKEN_MODEL.text);
    const fileUri = pathToFileURL(file).href;
    const open = join(files, 'open.yaml');
    writeFileSync(open, BROKEN_MODEL.text);
    const openUri = pathToFileURL(open).href;
    await openAndWait(client, openUri, VALID_MODEL);
    client.settings = { maxProblems: 1 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    try {
      const since = client.mark();
      const r = await client.request<ValidateFilesResult>(VALIDATE_FILES_REQUEST, { uris: [fileUri, openUri] });
      assert.deepEqual(r.files, [
        { uri: fileUri, kind: 'model', errors: 2, warnings: 0, infos: 0 },
        { uri: openUri, kind: 'model', errors: 0, warnings: 0, infos: 0 },
      ]);
      const p = await client.diagnostics(fileUri, () => true, since);
      assert.equal(p.diagnostics.length, 1);
    } finally {
      client.settings = {};
      client.notify('workspace/didChangeConfiguration', { settings: {} });
    }
  });

  test('closing a file validateFiles reported brings back its diagnostics from disk instead of clearing them', async () => {
    const file = join(files, 'reopened.yaml');
    writeFileSync(file, BROKEN_MODEL.text);
    const fileUri = pathToFileURL(file).href;
    await client.request<ValidateFilesResult>(VALIDATE_FILES_REQUEST, { uris: [fileUri] });
    const opened = await openAndWait(client, fileUri, VALID_MODEL);
    assert.deepEqual(opened.diagnostics, [], 'open: the editor text (fixed, unsaved) decides');
    let since = client.mark();
    client.close(fileUri);
    const back = await client.diagnostics(fileUri, (p) => p.diagnostics.length > 0, since);
    assert.deepEqual(back.diagnostics.map((d) => d.code).sort(), ['expr.unknown-reference', 'legacy.bin-minutes']);
    assert.equal(back.version, undefined, 'a file that is not open has no version');

    // A file never validated by validateFiles is cleared on close, as before.
    const plain = uri('plain-close.yaml');
    await openAndWait(client, plain, BROKEN_MODEL.text);
    since = client.mark();
    client.close(plain);
    const cleared = await client.diagnostics(plain, () => true, since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
