// HTTP tests for every route of the service, over real loopback sockets: health, templates, export, list, get, files, validate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../core/src/yaml/parse';
import { VERSION } from '../../core/src/version';
import type { LiveApp } from './support';
import {
  TEMPLATES_DIR,
  assertCleanRoot,
  assertErrorEnvelope,
  assertMetadataValid,
  call,
  getJson,
  helloYaml,
  postJson,
  seedExportRequest,
  seedValidateRequest,
  startApp,
  tempDir,
  textAt,
} from './support';

const FILES = ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'];
const CONTENT_TYPE: Record<string, RegExp> = {
  'model.yaml': /^application\/yaml; charset=utf-8$/,
  'metadata.json': /^application\/json; charset=utf-8$/,
  'validation.json': /^application\/json; charset=utf-8$/,
  'preview.svg': /^image\/svg\+xml/,
};

describe('HTTP service routes', () => {
  let live: LiveApp;
  let baselineId = '';
  let helloId = '';

  before(async () => {
    live = await startApp();
  });

  after(async () => {
    await live.close();
    // Every metadata.json the service wrote is schema-valid, and nothing but the layout was written.
    assert.ok(assertCleanRoot(live.root) >= 4);
  });

  test('GET /healthz answers ok with the service version', async () => {
    const { status, body } = await getJson(live.base, '/healthz');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ok', service: 'flowtime-sim', version: VERSION });
  });

  test('GET /sim/templates lists every built-in template with typed parameters', async () => {
    const { status, body } = await getJson(live.base, '/sim/templates');
    assert.equal(status, 200);
    assert.ok(Array.isArray(body));
    const files = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 8);
    const expected = files
      .map((f) => {
        const doc = parseYaml(readFileSync(join(TEMPLATES_DIR, f), 'utf8')).doc.value as { metadata: { id: string; title: string; version: string } };
        return doc.metadata;
      })
      .sort((a, b) => a.id.localeCompare(b.id));
    const got = (body as Array<{ id: string; title: string; version: string; builtin: boolean }>).filter((t) => t.builtin);
    assert.deepEqual(
      got.map((t) => ({ id: t.id, title: t.title, version: t.version })).sort((a, b) => a.id.localeCompare(b.id)),
      expected.map((m) => ({ id: m.id, title: m.title, version: String(m.version) })),
    );
    for (const t of body as Array<{ id: string; parameters: Array<Record<string, unknown>> }>) {
      assert.ok(Array.isArray(t.parameters) && t.parameters.length > 0, `${t.id} has parameters`);
      for (const p of t.parameters) {
        assert.equal(typeof p.name, 'string', `${t.id} parameter name`);
        assert.ok(['integer', 'number', 'boolean', 'string', 'array'].includes(p.type as string), `${t.id}.${String(p.name)} type ${String(p.type)}`);
      }
    }
    const checkout = (body as Array<{ id: string; parameters: Array<Record<string, unknown>> }>).find((t) => t.id === 'checkout');
    assert.ok(checkout);
    const peak = checkout.parameters.find((p) => p.name === 'peak_factor');
    assert.deepEqual(
      { type: peak?.type, default: peak?.default, min: peak?.min, max: peak?.max },
      { type: 'number', default: 1.5, min: 1, max: 4 },
    );
    assert.equal(checkout.parameters.find((p) => p.name === 'base_capacity')?.type, 'integer');
  });

  test('POST /sim/models/export with the seed request creates v1 (201) with the seed response shape', async () => {
    const { status, body } = await postJson(live.base, '/sim/models/export', seedExportRequest());
    assert.equal(status, 201, JSON.stringify(body).slice(0, 400));
    assert.match(body.model_id, /^checkout-baseline_[0-9a-f]{4,}$/);
    baselineId = body.model_id;
    assert.equal(body.version, 1);
    assert.equal(body.created, true);
    assert.equal(body.artifact_metadata.id, baselineId);
    assert.equal(body.artifact_metadata.title, 'Checkout Baseline Model');
    assert.equal(body.artifact_metadata.engine_compatible, true);
    assert.equal(typeof body.artifact_metadata.quality_score, 'number');
    assert.ok(body.artifact_metadata.quality_score >= 0 && body.artifact_metadata.quality_score <= 1);
    assert.equal(body.validation.structure_valid, true);
    assert.equal(body.validation.engine_compatible, true);
    assert.ok(Array.isArray(body.validation.warnings));
    assert.ok(body.validation.warnings.every((d: { severity: string }) => d.severity === 'warning'));
    assert.ok(!body.validation.diagnostics.some((d: { severity: string }) => d.severity === 'error'));

    // What the response says is what was written: the metadata on disk carries the request's title, tags and parameters.
    const dir = join(live.root, 'models', baselineId, 'v1');
    assert.deepEqual(readdirSync(dir).sort(), FILES);
    const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8'));
    assert.equal(meta.metadata.id, baselineId);
    assert.equal(meta.metadata.title, 'Checkout Baseline Model');
    assert.equal(meta.metadata.description, 'E-commerce checkout with baseline parameters');
    assert.deepEqual(meta.metadata.tags, ['baseline', 'e-commerce']);
    assert.equal(meta.metadata.sim_source, 'template:checkout');
    assert.equal(meta.spec.sim_config.template, 'checkout');
    assert.equal(meta.spec.sim_config.parameters.peak_factor, 1.5);
    assert.equal(meta.spec.validation.quality_score, body.artifact_metadata.quality_score);
    assert.match(readFileSync(join(dir, 'model.yaml'), 'utf8'), new RegExp(`modelId: ${baselineId}\\n`));
  });

  test('the same export again is idempotent: 200, created:false, same id and version, nothing rewritten', async () => {
    const file = join(live.root, 'models', baselineId, 'v1', 'model.yaml');
    const before = readFileSync(file);
    const { status, body } = await postJson(live.base, '/sim/models/export', seedExportRequest());
    assert.equal(status, 200);
    assert.equal(body.created, false);
    assert.equal(body.model_id, baselineId);
    assert.equal(body.version, 1);
    assert.deepEqual(readdirSync(join(live.root, 'models', baselineId)), ['v1']);
    assert.ok(readFileSync(file).equals(before));
  });

  test('omitting a parameter that equals its default gives the same id; changing one gives a different id', async () => {
    const defaults = await postJson(live.base, '/sim/models/export', { template: 'checkout', name: 'checkout-baseline' });
    assert.equal(defaults.status, 200);
    assert.equal(defaults.body.model_id, baselineId);
    const changed = await postJson(live.base, '/sim/models/export', { ...seedExportRequest(), parameters: { peak_factor: 2 } });
    assert.equal(changed.status, 201);
    assert.match(changed.body.model_id, /^checkout-baseline_[0-9a-f]{4,}$/);
    assert.notEqual(changed.body.model_id, baselineId);
    const meta = JSON.parse(readFileSync(join(live.root, 'models', changed.body.model_id, 'v1', 'metadata.json'), 'utf8'));
    assert.equal(meta.spec.sim_config.parameters.peak_factor, 2);
  });

  test('identical exports racing over HTTP make exactly one version', async () => {
    const req = { template: 'call-center', name: 'race' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => postJson(live.base, '/sim/models/export', req)));
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal(answers.filter((a) => a.status === 200).length, 11);
    assert.equal(new Set(answers.map((a) => a.body.model_id)).size, 1);
    assert.deepEqual(readdirSync(join(live.root, 'models', answers[0].body.model_id)), ['v1']);
  });

  test('an explicit version is honoured, reused when identical', async () => {
    const req = { template: 'hospital-ed', name: 'ed-pinned', version: 'v3' };
    const first = await postJson(live.base, '/sim/models/export', req);
    assert.equal(first.status, 201);
    assert.equal(first.body.version, 3);
    assert.equal(first.body.artifact_metadata.version, 'v3');
    const again = await postJson(live.base, '/sim/models/export', { ...req, version: 3 });
    assert.equal(again.status, 200);
    assert.equal(again.body.created, false);
    assert.equal(again.body.version, 3);
    const got = await getJson(live.base, `/sim/models/${first.body.model_id}`);
    assert.deepEqual(got.body.versions, [3]);
    const v1 = await call(live.base, 'GET', `/sim/models/${first.body.model_id}?version=1`);
    assertErrorEnvelope(v1, 404, 'version-not-found');
  });

  test('POST /sim/models/export with an over-long title or too many tags is a 400 naming them; nothing is written', async () => {
    const req = { ...seedExportRequest(), name: 'bloated', tags: Array.from({ length: 40 }, (_, i) => `tag-${i}`), metadata: { title: 'T'.repeat(5000) } };
    const { status, body } = await postJson(live.base, '/sim/models/export', req);
    assert.equal(status, 400, JSON.stringify(body).slice(0, 400));
    assert.equal(body.error.code, 'invalid-request');
    assert.match(body.error.message, /title is too long/);
    assert.match(body.error.message, /too many tags: 40/);
    assert.ok(!readdirSync(join(live.root, 'models')).some((d) => d.startsWith('bloated')));
  });

  test('POST /sim/models/export with model_yaml turns a hand-written model into an artifact', async () => {
    const text = helloYaml();
    const { status, body } = await postJson(live.base, '/sim/models/export', { model_yaml: text, name: 'hello' });
    assert.equal(status, 201, JSON.stringify(body).slice(0, 400));
    assert.match(body.model_id, /^hello_[0-9a-f]{4,}$/);
    helloId = body.model_id;
    assert.equal(body.validation.structure_valid, true);
    const written = readFileSync(join(live.root, 'models', helloId, 'v1', 'model.yaml'), 'utf8');
    // The model is kept as written, with a provenance block naming its id.
    assert.ok(written.startsWith(text.trimEnd()), written);
    assert.match(written, new RegExp(`provenance:\\n(?:  .*\\n)*  modelId: ${helloId}\\n`));
    const meta = JSON.parse(readFileSync(join(live.root, 'models', helloId, 'v1', 'metadata.json'), 'utf8'));
    assert.equal(meta.spec.sim_config.template, null);
    assert.equal(meta.metadata.sim_source, 'model:model.yaml');
    const named = await postJson(live.base, '/sim/models/export', { model_yaml: text, name: 'hello-named', file_name: 'hello.yaml' });
    assert.equal(named.status, 201);
    const namedMeta = JSON.parse(readFileSync(join(live.root, 'models', named.body.model_id, 'v1', 'metadata.json'), 'utf8'));
    assert.equal(namedMeta.metadata.sim_source, 'model:hello.yaml');
    const again = await postJson(live.base, '/sim/models/export', { model_yaml: text, name: 'hello' });
    assert.equal(again.status, 200);
    assert.equal(again.body.model_id, helloId);
    assert.equal(again.body.created, false);
  });

  test('GET /sim/models lists every model; ?template= filters', async () => {
    const all = await getJson(live.base, '/sim/models');
    assert.equal(all.status, 200);
    const ids = (all.body.models as Array<{ id: string }>).map((m) => m.id);
    assert.ok(ids.includes(baselineId) && ids.includes(helloId), ids.join(', '));
    const checkout = await getJson(live.base, '/sim/models?template=checkout');
    assert.equal(checkout.status, 200);
    const models = checkout.body.models as Array<{ id: string; template: string; versions: Array<{ files: string[] }> }>;
    assert.ok(models.length >= 2);
    assert.ok(models.every((m) => m.template === 'checkout'));
    assert.ok(models.some((m) => m.id === baselineId));
    assert.ok(!models.some((m) => m.id === helloId));
    assert.deepEqual(models.find((m) => m.id === baselineId)?.versions[0].files, FILES);
    const none = await getJson(live.base, '/sim/models?template=no-such-template');
    assert.deepEqual(none, { status: 200, body: { models: [] } });
  });

  test('GET /sim/models/{id} returns metadata, versions and file URLs; ?version= picks one', async () => {
    const { status, body } = await getJson(live.base, `/sim/models/${baselineId}`);
    assert.equal(status, 200);
    assert.equal(body.id, baselineId);
    assert.equal(body.version, 1);
    assert.equal(body.latestVersion, 1);
    assert.deepEqual(body.versions, [1]);
    assert.deepEqual(body.metadata, JSON.parse(readFileSync(join(live.root, 'models', baselineId, 'v1', 'metadata.json'), 'utf8')));
    assert.deepEqual(
      body.files,
      FILES.map((f) => ({ name: f, url: `/sim/models/${baselineId}/v1/${f}` })),
    );
    for (const q of ['1', 'v1']) {
      const one = await getJson(live.base, `/sim/models/${baselineId}?version=${q}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.version, 1);
    }
    assertErrorEnvelope(await call(live.base, 'GET', `/sim/models/${baselineId}?version=2`), 404, 'version-not-found');
    assertErrorEnvelope(await call(live.base, 'GET', `/sim/models/${baselineId}?version=abc`), 400, 'invalid-request');
    assertErrorEnvelope(await call(live.base, 'GET', `/sim/models/${baselineId}?version=0`), 400, 'invalid-request');
    assertErrorEnvelope(await call(live.base, 'GET', '/sim/models/never-made_abcd'), 404, 'model-not-found');
  });

  test('GET /sim/models/{id}/v{n}/{file} serves each of the four files byte for byte with its content type', async () => {
    for (const id of [baselineId, helloId]) {
      const listing = await getJson(live.base, `/sim/models/${id}`);
      for (const f of listing.body.files as Array<{ name: string; url: string }>) {
        const a = await call(live.base, 'GET', f.url);
        assert.equal(a.status, 200, `${f.url}: ${a.text.slice(0, 200)}`);
        assert.match(a.contentType, CONTENT_TYPE[f.name], f.url);
        assert.equal(a.text, readFileSync(join(live.root, 'models', id, 'v1', f.name), 'utf8'), f.url);
      }
    }
    const svg = await call(live.base, 'GET', `/sim/models/${baselineId}/v1/preview.svg`);
    assert.match(svg.text, /<svg[\s>]/);
    const meta = await call(live.base, 'GET', `/sim/models/${baselineId}/v1/metadata.json`);
    assertMetadataValid(meta.text, 'served');
    const validation = JSON.parse((await call(live.base, 'GET', `/sim/models/${baselineId}/v1/validation.json`)).text);
    assert.equal(typeof validation, 'object');
    const head = await call(live.base, 'HEAD', `/sim/models/${baselineId}/v1/model.yaml`);
    assert.equal(head.status, 200);
    assert.match(head.contentType, CONTENT_TYPE['model.yaml']);
    assert.equal(head.text, '');
  });

  test('file route: unknown file, version or model → 404 with the envelope', async () => {
    const cases: Array<[string, number, string?]> = [
      [`/sim/models/${baselineId}/v1/catalog.json`, 404, 'not-found'],
      [`/sim/models/${baselineId}/v1/model.yml`, 404, 'not-found'],
      [`/sim/models/${baselineId}/v1/series.csv`, 404, 'not-found'],
      [`/sim/models/${baselineId}/v2/model.yaml`, 404, 'model-not-found'],
      [`/sim/models/${baselineId}/1/model.yaml`, 404, 'not-found'],
      [`/sim/models/${baselineId}/latest/model.yaml`, 404, 'not-found'],
      [`/sim/models/${baselineId}/v0/model.yaml`, 404, 'not-found'],
      [`/sim/models/${baselineId}/v01/model.yaml`, 404, 'not-found'],
      ['/sim/models/never-made_abcd/v1/model.yaml', 404, 'model-not-found'],
    ];
    for (const [path, status, code] of cases) assertErrorEnvelope(await call(live.base, 'GET', path), status, code);
  });

  test('POST /sim/models/validate with the seed model_schema: 200, valid:false, the legacy errors located in the returned YAML', async () => {
    const { status, body } = await postJson(live.base, '/sim/models/validate', seedValidateRequest());
    assert.equal(status, 200);
    assert.equal(body.valid, false);
    assert.equal(body.structure_valid, false);
    assert.equal(body.engine_compatible, false);
    const codes = (body.errors as Array<{ code: string }>).map((d) => d.code).sort();
    assert.deepEqual(codes, ['legacy.bin-minutes', 'legacy.pmf-map', 'model.unknown-output-series', 'schema.missing-key']);
    assert.equal(typeof body.model_yaml, 'string');
    const byCode = new Map((body.errors as Array<{ code: string; message: string; range: never }>).map((d) => [d.code, d]));
    assert.equal(textAt(body.model_yaml, byCode.get('legacy.bin-minutes')!.range), 'binMinutes');
    assert.match(byCode.get('legacy.bin-minutes')!.message, /binSize/);
    assert.equal(textAt(body.model_yaml, byCode.get('legacy.pmf-map')!.range), 'pmf');
    assert.match(byCode.get('legacy.pmf-map')!.message, /values: \[10, 20\], probabilities: \[0\.5, 0\.5\]/);
    assert.equal(textAt(body.model_yaml, byCode.get('model.unknown-output-series')!.range), 'checkout_throughput');
    assert.match(byCode.get('schema.missing-key')!.message, /schemaVersion/);
  });

  test('POST /sim/models/validate with model_yaml: a valid model is valid; an invalid one gets located errors', async () => {
    const ok = await postJson(live.base, '/sim/models/validate', { model_yaml: helloYaml() });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.valid, true);
    assert.equal(ok.body.engine_compatible, true);
    assert.deepEqual(ok.body.errors, []);
    assert.equal(ok.body.model_yaml, undefined);

    const text = helloYaml().replace('expr: "demand * 0.8"', 'expr: "demnd * 0.8"');
    assert.notEqual(text, helloYaml());
    const bad = await postJson(live.base, '/sim/models/validate', { model_yaml: text });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.valid, false);
    const ref = (bad.body.errors as Array<{ code: string; message: string; range: never }>).find((d) => d.code === 'expr.unknown-reference');
    assert.ok(ref, JSON.stringify(bad.body.errors));
    assert.equal(textAt(text, ref.range), 'demnd');
    assert.match(ref.message, /demand/);

    const broken = await postJson(live.base, '/sim/models/validate', { model_yaml: 'grid: [unclosed\n' });
    assert.equal(broken.status, 200);
    assert.equal(broken.body.valid, false);
    assert.ok(broken.body.errors.length > 0);
    for (const d of broken.body.errors) assert.ok(Number.isInteger(d.range.start.line) && Number.isInteger(d.range.end.character));
  });

  test('validate writes nothing', async () => {
    const before = readdirSync(join(live.root, 'models')).sort();
    await postJson(live.base, '/sim/models/validate', { model_yaml: helloYaml() });
    await postJson(live.base, '/sim/models/validate', seedValidateRequest());
    assert.deepEqual(readdirSync(join(live.root, 'models')).sort(), before);
  });
});

describe('HTTP service versions when a template evolves', () => {
  let live: LiveApp;
  let templateFile = '';
  let checkoutText = '';

  before(async () => {
    const dir = tempDir('ft-service-templates-');
    checkoutText = readFileSync(join(TEMPLATES_DIR, 'checkout.yaml'), 'utf8');
    assert.match(checkoutText, /^ {2}id: checkout$/m);
    templateFile = join(dir, 'evolving.yaml');
    writeFileSync(templateFile, checkoutText.replace(/^ {2}id: checkout$/m, '  id: svc-evolving'));
    live = await startApp({ templateDirs: [dir] });
  });

  after(async () => {
    await live.close();
    assert.equal(assertCleanRoot(live.root), 2);
  });

  test('v1, then a clash on an explicit version (409), then v2, then idempotent', async () => {
    const req = { template: 'svc-evolving', name: 'evolving', parameters: { peak_factor: 2.5 } };
    const templates = await getJson(live.base, '/sim/templates');
    assert.ok((templates.body as Array<{ id: string; builtin: boolean }>).some((t) => t.id === 'svc-evolving' && !t.builtin));

    const first = await postJson(live.base, '/sim/models/export', req);
    assert.equal(first.status, 201);
    const id = first.body.model_id as string;
    assert.match(id, /^evolving_[0-9a-f]{4,}$/);

    // Same template id and parameters (so the same model id), but the template's version changed: a different model.yaml.
    writeFileSync(templateFile, checkoutText.replace(/^ {2}id: checkout$/m, '  id: svc-evolving').replace(/^ {2}version: 1\.0\.0$/m, '  version: 1.1.0'));
    const clash = await call(live.base, 'POST', '/sim/models/export', { body: JSON.stringify({ ...req, version: 1 }), contentType: 'application/json' });
    const e = assertErrorEnvelope(clash, 409, 'version-conflict');
    assert.deepEqual(e.details, { id, version: 1 });
    assert.deepEqual(readdirSync(join(live.root, 'models', id)), ['v1']);

    const second = await postJson(live.base, '/sim/models/export', req);
    assert.equal(second.status, 201);
    assert.equal(second.body.model_id, id);
    assert.equal(second.body.version, 2);

    const again = await postJson(live.base, '/sim/models/export', req);
    assert.equal(again.status, 200);
    assert.equal(again.body.version, 2);
    assert.equal(again.body.created, false);

    const got = await getJson(live.base, `/sim/models/${id}`);
    assert.deepEqual(got.body.versions, [1, 2]);
    assert.equal(got.body.latestVersion, 2);
    assert.equal(got.body.metadata.spec.sim_config.template_version, '1.1.0');
    const v1 = await getJson(live.base, `/sim/models/${id}?version=1`);
    assert.equal(v1.body.version, 1);
    assert.equal(v1.body.metadata.spec.sim_config.template_version, '1.0.0');
    assert.deepEqual(
      (v1.body.files as Array<{ url: string }>).map((f) => f.url),
      FILES.map((f) => `/sim/models/${id}/v1/${f}`),
    );
    const v1Yaml = await call(live.base, 'GET', `/sim/models/${id}/v1/model.yaml`);
    const v2Yaml = await call(live.base, 'GET', `/sim/models/${id}/v2/model.yaml`);
    assert.match(v1Yaml.text, /templateVersion: "?1\.0\.0"?/);
    assert.match(v2Yaml.text, /templateVersion: "?1\.1\.0"?/);
  });
});
