// HTTP tests for every kind of bad input: each gets a 4xx with the {"error": {code, message, details}} envelope, never a 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Answer, LiveApp } from './support';
import { assertCleanRoot, assertErrorEnvelope, call, helloYaml, postJson, rawRequest, seedExportRequest, startApp, tempDir } from './support';

const JSON_TYPE = 'application/json';

function post(live: LiveApp, path: string, body: unknown): Promise<Answer> {
  return call(live.base, 'POST', path, { body: JSON.stringify(body), contentType: JSON_TYPE });
}

function postRaw(live: LiveApp, path: string, body: string, contentType = JSON_TYPE): Promise<Answer> {
  return call(live.base, 'POST', path, { body, contentType });
}

describe('HTTP service: malformed requests', () => {
  let live: LiveApp;

  before(async () => {
    live = await startApp();
  });

  after(async () => {
    await live.close();
    // Not one of the refused requests below may leave anything behind.
    assert.deepEqual(readdirSync(live.root).filter((n) => n !== 'models'), []);
    assert.equal(assertCleanRoot(live.root), 0);
  });

  for (const path of ['/sim/models/export', '/sim/models/validate']) {
    test(`${path}: malformed JSON → 400 invalid-json`, async () => {
      for (const body of ['{', '{"name": }', "{'a': 1}", '{"a":1}}', 'nul', '\u0000']) {
        assertErrorEnvelope(await postRaw(live, path, body), 400, 'invalid-json');
      }
    });

    test(`${path}: an empty body → 400`, async () => {
      assertErrorEnvelope(await postRaw(live, path, ''), 400, 'invalid-request');
    });

    test(`${path}: a body that is not an object (array, string, number, null, boolean) → 400`, async () => {
      for (const body of ['[]', '[{"name":"x"}]', '"checkout"', '42', '-1.5', 'null', 'true']) {
        const e = assertErrorEnvelope(await postRaw(live, path, body), 400, 'invalid-request');
        assert.match(e.message, /JSON object/);
      }
    });

    test(`${path}: wrong content type → 400 unsupported-media-type`, async () => {
      const body = JSON.stringify(path.endsWith('export') ? seedExportRequest() : { model_yaml: helloYaml() });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/yaml', 'multipart/form-data; boundary=x']) {
        assertErrorEnvelope(await postRaw(live, path, body, type), 400, 'unsupported-media-type');
      }
      // No content type at all (fetch would add text/plain, so the raw client sends it).
      assertErrorEnvelope(await rawRequest(live.port, 'POST', path, { 'content-length': String(Buffer.byteLength(body)) }, body), 400, 'unsupported-media-type');
    });

    test(`${path}: prototype-poisoning keys → 400`, async () => {
      for (const body of ['{"__proto__": {"name": "x"}, "name": "y"}', '{"constructor": {"prototype": {"template": "x"}}}']) {
        assertErrorEnvelope(await postRaw(live, path, body), 400, 'invalid-json');
      }
    });

    test(`GET and other methods on ${path} → 405 naming POST; OPTIONS → 404`, async () => {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
        const a = await call(live.base, method, path);
        assertErrorEnvelope(a, 405, 'method-not-allowed');
        assert.equal(a.headers.get('allow'), 'POST');
      }
      assertErrorEnvelope(await call(live.base, 'OPTIONS', path), 404, 'not-found');
    });
  }

  test('export: missing name or template, both template and model_yaml → 400 naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /'name' is required/],
      [{ template: 'checkout' }, /'name' is required/],
      [{ template: 'checkout', name: '   ' }, /'name' is required/],
      [{ template: 'checkout', name: '' }, /'name' is required/],
      [{ name: 'x' }, /exactly one of 'template'.*'model_yaml'/],
      [{ name: 'x', parameters: { peak_factor: 2 } }, /exactly one of/],
      [{ name: 'x', template: 'checkout', model_yaml: helloYaml() }, /exactly one of/],
    ];
    for (const [body, message] of cases) {
      const e = assertErrorEnvelope(await post(live, '/sim/models/export', body), 400, 'invalid-request');
      assert.match(e.message, message, JSON.stringify(body));
    }
  });

  test('export: wrong field types → 400 naming the field', async () => {
    const base = { template: 'checkout', name: 'typed' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, parameters: 5 }, 'parameters'],
      [{ ...base, parameters: [1, 2] }, 'parameters'],
      [{ ...base, parameters: 'peak_factor=2' }, 'parameters'],
      [{ ...base, tags: 'x' }, 'tags'],
      [{ ...base, tags: ['ok', 3] }, 'tags'],
      [{ ...base, tags: { a: 'b' } }, 'tags'],
      [{ ...base, metadata: 'title' }, 'metadata'],
      [{ ...base, metadata: ['title'] }, 'metadata'],
      [{ ...base, metadata: { title: 5 } }, 'title'],
      [{ ...base, metadata: { description: {} } }, 'description'],
      [{ ...base, metadata: { author: ['me'] } }, 'author'],
      [{ template: 5, name: 'typed' }, 'template'],
      [{ template: ['checkout'], name: 'typed' }, 'template'],
      [{ template: 'checkout', name: 7 }, 'name'],
      [{ model_yaml: { grid: {} }, name: 'typed' }, 'model_yaml'],
      // file_name is recorded as sim_source `model:<name>`: empty, a path or a line break would break metadata.json.
      [{ model_yaml: helloYaml(), name: 'typed', file_name: '' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: '   ' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: '/' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: '../model.yaml' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: 'a\nb.yaml' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: 'a\u2028b.yaml' }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: 'x'.repeat(256) }, 'file_name'],
      [{ model_yaml: helloYaml(), name: 'typed', file_name: 5 }, 'file_name'],
      [{ ...base, version: 1.5 }, 'version'],
      [{ ...base, version: 0 }, 'version'],
      [{ ...base, version: -2 }, 'version'],
      [{ ...base, version: 'latest' }, 'version'],
      [{ ...base, version: true }, 'version'],
      [{ ...base, version: {} }, 'version'],
      [{ ...base, version: 1e12 }, 'version'],
      [{ ...base, version: [2] }, 'version'],
      // String() of this object throws: it once escaped as a 500.
      [{ ...base, version: { toString: 0 } }, 'version'],
    ];
    for (const [body, field] of cases) {
      const e = assertErrorEnvelope(await post(live, '/sim/models/export', body), 400, 'invalid-request');
      assert.ok(e.message.includes(`'${field}'`), `${JSON.stringify(body)} → ${e.message}`);
    }
  });

  test('export: unknown template → 404 with a suggestion; a file path is not a template id', async () => {
    const e = assertErrorEnvelope(await post(live, '/sim/models/export', { template: 'chekout', name: 'x' }), 404, 'template-not-found');
    assert.match(e.message, /did you mean 'checkout'/);
    for (const template of ['/etc/passwd', '../../etc/passwd', 'templates/checkout.yaml', 'checkout.yaml', '..\\checkout', join(dirname(live.root), 'x.yaml')]) {
      const p = assertErrorEnvelope(await post(live, '/sim/models/export', { template, name: 'x' }), 404, 'template-not-found');
      assert.doesNotMatch(p.message, /root:|error\(s\)/, template);
      assert.equal(p.details, null);
    }
  });

  test('export: unknown parameter, wrong type, out of range → 422 with details naming the parameter', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ peak_factr: 2 }, 'peak_factr', /did you mean 'peak_factor'/i],
      [{ peak_factor: 99 }, 'peak_factor', /maximum 4/],
      [{ peak_factor: 0.5 }, 'peak_factor', /minimum 1/],
      [{ peak_factor: 'high' }, 'peak_factor', /expects a number/],
      [{ base_capacity: 100.5 }, 'base_capacity', /whole number, not 100\.5/],
      [{ base_capacity: true }, 'base_capacity', /whole number/],
      [{ bins: [96] }, 'bins', /whole number/],
      [{ constructor: 1 }, 'constructor', /no parameter/],
    ];
    for (const [parameters, name, message] of cases) {
      const e = assertErrorEnvelope(await post(live, '/sim/models/export', { template: 'checkout', name: 'params', parameters }), 422, 'invalid-parameters');
      const details = e.details as Array<{ parameter: string; message: string }>;
      assert.ok(Array.isArray(details), JSON.stringify(e));
      const d = details.find((x) => x.parameter === name);
      assert.ok(d, `${JSON.stringify(parameters)} → ${JSON.stringify(details)}`);
      assert.match(d.message, message);
      assert.ok(e.message.includes(name), e.message);
    }
  });

  test('export: an invalid model_yaml → 422 with its diagnostics', async () => {
    const text = helloYaml().replace('expr: "demand * 0.8"', 'expr: "demnd * 0.8"');
    const e = assertErrorEnvelope(await post(live, '/sim/models/export', { model_yaml: text, name: 'broken' }), 422, 'invalid-model');
    const details = e.details as Array<{ severity: string; code: string; range: { start: { line: number } } }>;
    const ref = details.find((d) => d.code === 'expr.unknown-reference');
    assert.ok(ref, JSON.stringify(details));
    assert.equal(ref.severity, 'error');
    assert.equal(ref.range.start.line, text.split('\n').findIndex((l) => l.includes('demnd')));
    for (const model_yaml of ['', 'grid: [', '- just\n- a list\n', 'schemaVersion: 1\n']) {
      assertErrorEnvelope(await post(live, '/sim/models/export', { model_yaml, name: 'broken' }), 422, 'invalid-model');
    }
  });

  test('models whose maps have keys like toString never make a 500', async () => {
    // `id: {toString: 0}` used to crash the validator (String() of a plain object without a callable toString).
    const hostile = { toString: 0, valueOf: 0 };
    const schemas = [
      { schemaVersion: 1, grid: { bins: hostile, binSize: 1, binUnit: 'hours' }, nodes: [{ id: hostile, kind: 'expr', expr: hostile }] },
      { grid: hostile, nodes: [hostile], outputs: hostile },
    ];
    const texts = [`${helloYaml()}  - id: {toString: 0}\n    kind: const\n    values: [1]\n`.replace('outputs:', 'outputz:'), 'schemaVersion: 1\nnodes:\n  - id: {toString: 0, valueOf: 1}\n'];
    for (const body of [...schemas.map((model_schema) => ({ model_schema })), ...texts.map((model_yaml) => ({ model_yaml }))]) {
      const a = await post(live, '/sim/models/validate', body);
      if (a.status === 200) assert.equal(JSON.parse(a.text).valid, false, a.text.slice(0, 300));
      else assertErrorEnvelope(a, 422, 'invalid-model');
    }
    for (const model_yaml of texts) {
      assertErrorEnvelope(await post(live, '/sim/models/export', { model_yaml, name: 'hostile' }), 422, 'invalid-model');
    }
  });

  test('export: unsafe names → 400', async () => {
    const names = ['../x', '..', '.', 'a/b', 'a\\b', '/etc/passwd', 'a\u0000b', 'tab\there', '!!!', '___', '…', 'a'.repeat(200), 'x'.repeat(65)];
    for (const name of names) {
      const e = assertErrorEnvelope(await post(live, '/sim/models/export', { template: 'checkout', name }), 400, 'invalid-name');
      assert.ok(e.message.length < 400, e.message);
    }
    for (const name of names.slice(0, 6)) {
      assertErrorEnvelope(await post(live, '/sim/models/export', { model_yaml: helloYaml(), name }), 400, 'invalid-name');
    }
  });

  test('list: a repeated ?template= → 400 instead of an unfiltered list', async () => {
    assertErrorEnvelope(await call(live.base, 'GET', '/sim/models?template=a&template=b'), 400, 'invalid-request');
  });

  test('validate: neither or both of model_schema/model_yaml, or wrong types → 400', async () => {
    const cases: unknown[] = [
      {},
      { model: 'x' },
      { model_yaml: 'a: 1', model_schema: {} },
      { model_yaml: 5 },
      { model_yaml: ['a'] },
      { model_schema: [] },
      { model_schema: 'grid: {}' },
      { model_schema: 7 },
      { model_schema: true },
    ];
    for (const body of cases) assertErrorEnvelope(await post(live, '/sim/models/validate', body), 400, 'invalid-request');
  });

  test('unknown routes → 404 with the envelope', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/nope'],
      ['GET', '/sim'],
      ['GET', '/sim/models/x_abcd/v1/model.yaml/extra'],
      ['POST', '/sim/models'],
      ['DELETE', '/sim/models'],
      ['POST', '/sim/templates'],
      ['PUT', '/healthz'],
    ]) {
      const e = assertErrorEnvelope(await call(live.base, method, path), 404, 'not-found');
      assert.ok(e.message.includes(method), e.message);
    }
  });

  test('undecodable URLs → 400 with the envelope (the router answers these itself)', async () => {
    for (const path of ['/sim/models/%ZZ', '/%', '/sim/models/abc_abcd/v1/%E0%A4%A']) {
      assertErrorEnvelope(await rawRequest(live.port, 'GET', path), 400);
    }
  });
});

describe('HTTP service: path traversal never leaves the artifacts root', () => {
  let live: LiveApp;
  let id = '';
  const TOKEN = `outside-the-root-${process.pid}-${Date.now()}`;

  before(async () => {
    const parent = tempDir('ft-service-traversal-');
    // A sentinel outside the root, laid out like an artifact, at every place a `..` could reach.
    for (const dir of [join(parent, 'outside_abcd', 'v1'), join(parent, 'models', 'outside_abcd', 'v1'), join(parent, 'root', 'outside_abcd', 'v1')]) {
      mkdirSync(dir, { recursive: true });
      for (const f of ['model.yaml', 'metadata.json', 'preview.svg', 'validation.json']) writeFileSync(join(dir, f), TOKEN);
    }
    writeFileSync(join(parent, 'secret.yaml'), TOKEN);
    live = await startApp({ root: join(parent, 'root') });
    const made = await postJson(live.base, '/sim/models/export', { template: 'checkout', name: 'inside' });
    assert.equal(made.status, 201);
    id = made.body.model_id;
  });

  after(async () => {
    await live.close();
    // The sentinel folder under root/ was put there by this test, not by the service.
    rmSync(join(live.root, 'outside_abcd'), { recursive: true });
    assert.equal(assertCleanRoot(live.root), 1);
  });

  test('encoded and raw `..`, `%2e%2e`, ids with slashes and encoded NUL → 4xx, never a file outside the root', async () => {
    const paths = [
      '/sim/models/..%2F..%2Fetc%2Fpasswd',
      '/sim/models/..%2F..%2Fetc%2Fpasswd/v1/model.yaml',
      '/sim/models/..%2Foutside_abcd/v1/model.yaml',
      '/sim/models/..%2F..%2Foutside_abcd/v1/model.yaml',
      '/sim/models/%2e%2e%2f%2e%2e%2foutside_abcd/v1/model.yaml',
      '/sim/models/%2E%2E%2Foutside_abcd/v1/metadata.json',
      '/sim/models/%2e%2e/v1/model.yaml',
      '/sim/models/%2e%2e',
      '/sim/models/..',
      '/sim/models/../../secret.yaml',
      '/sim/models/x/../../../secret.yaml',
      '/sim/models/..%5C..%5Coutside_abcd/v1/model.yaml',
      '/sim/models/a%2Fb_abcd',
      '/sim/models/a%2Fb_abcd/v1/model.yaml',
      '/sim/models/outside_abcd%2Fv1/v1/model.yaml',
      `/sim/models/${id}/v1/..%2F..%2F..%2Fsecret.yaml`,
      `/sim/models/${id}/v1/..%2F..%2F..%2F..%2Fsecret.yaml`,
      `/sim/models/${id}/v1/%2e%2e%2f%2e%2e%2f%2e%2e%2foutside_abcd%2fv1%2fmodel.yaml`,
      `/sim/models/${id}/..%2F..%2F..%2Foutside_abcd%2Fv1/model.yaml`,
      `/sim/models/${id}/v1/..%2F..%2Fcatalog.json`,
      `/sim/models/${id}/v1/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd`,
      '/sim/models/a%00b_abcd/v1/model.yaml',
      `/sim/models/${id}%00/v1/model.yaml`,
      `/sim/models/${id}/v1%00/model.yaml`,
      `/sim/models/${id}/v1/model.yaml%00`,
      `/sim/models/${id}/v1/model.yaml%00.svg`,
      '/sim/models/%00',
      `/sim/models/${id}?version=1%00`,
      `/sim/models/${id}?version=..%2F1`,
    ];
    for (const path of paths) {
      const a = await rawRequest(live.port, 'GET', path);
      assert.ok(a.status >= 400 && a.status < 500, `${path} → ${a.status}`);
      assertErrorEnvelope(a, a.status);
      assert.ok(!a.text.includes(TOKEN), `${path} leaked a file outside the root`);
      assert.ok(!/root:.*:0:0:/.test(a.text), `${path} leaked /etc/passwd`);
    }
    // The real file is still served: the guard is about where, not about refusing everything.
    const ok = await rawRequest(live.port, 'GET', `/sim/models/${id}/v1/model.yaml`);
    assert.equal(ok.status, 200);
    assert.ok(!ok.text.includes(TOKEN));
  });

  test('a well-formed id is looked up under models/ only', async () => {
    // root/outside_abcd and ../outside_abcd exist (made above) but sit beside models/, so the id does not reach them.
    assertErrorEnvelope(await rawRequest(live.port, 'GET', '/sim/models/outside_abcd/v1/model.yaml'), 404, 'model-not-found');
  });
});

describe('HTTP service: body size limit', () => {
  let live: LiveApp;
  const LIMIT = 4096;

  before(async () => {
    live = await startApp({ bodyLimit: LIMIT });
  });

  after(async () => {
    await live.close();
    assertCleanRoot(live.root);
  });

  test('a body over the limit → 413 on both POST routes; one under it is served', async () => {
    const padded = (n: number): string => JSON.stringify({ model_yaml: `${helloYaml()}#${'x'.repeat(n)}\n`, name: 'big' });
    const over = padded(LIMIT);
    assert.ok(Buffer.byteLength(over) > LIMIT);
    for (const path of ['/sim/models/export', '/sim/models/validate']) {
      assertErrorEnvelope(await postRaw(live, path, over), 413, 'body-too-large');
      // The limit holds for chunked bodies too (no content-length to trust up front).
      const chunked = await rawRequest(live.port, 'POST', path, { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' }, over);
      assertErrorEnvelope(chunked, 413, 'body-too-large');
    }
    const under = padded(LIMIT - 1024);
    assert.ok(Buffer.byteLength(under) < LIMIT);
    const ok = await postRaw(live, '/sim/models/validate', under);
    assert.equal(ok.status, 200, ok.text.slice(0, 200));
    assert.equal(JSON.parse(ok.text).valid, true);
    assert.equal((await postRaw(live, '/sim/models/export', under)).status, 201);
  });
});

describe('HTTP service: long ids', () => {
  let live: LiveApp;

  before(async () => {
    live = await startApp();
  });

  after(async () => {
    await live.close();
    assertCleanRoot(live.root);
  });

  test('the longest names make ids the router still routes', async () => {
    const name = 'n'.repeat(64);
    const made = await postJson(live.base, '/sim/models/export', { template: 'checkout', name });
    assert.equal(made.status, 201);
    const got = await call(live.base, 'GET', `/sim/models/${made.body.model_id}/v1/model.yaml`);
    assert.equal(got.status, 200);
    // Ids may grow to 64 hex characters (129 in all) on collisions: past the router's default 100-character cap.
    const longId = `${name}_${'a'.repeat(64)}`;
    for (const path of [`/sim/models/${longId}`, `/sim/models/${longId}/v1/model.yaml`]) {
      assertErrorEnvelope(await call(live.base, 'GET', path), 404, 'model-not-found');
    }
    assertErrorEnvelope(await call(live.base, 'GET', `/sim/models/${'a'.repeat(300)}_abcd`), 414);
    assertErrorEnvelope(await call(live.base, 'GET', `/sim/models/${'a'.repeat(200)}_abcd`), 400, 'invalid-name');
  });
});
