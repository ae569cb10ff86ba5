// Property test: random bodies thrown at both POST routes always get a 2xx or a 4xx with the error envelope, never a 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LiveApp } from './support';
import { assertCleanRoot, assertErrorEnvelope, call, helloYaml, startApp } from './support';

const CLIENT_STATUSES = new Set([400, 404, 405, 409, 413, 415, 422]);

describe('HTTP service: random request bodies', () => {
  let live: LiveApp;
  const hello = helloYaml();

  before(async () => {
    live = await startApp({ bodyLimit: 64 * 1024 });
  });

  after(async () => {
    await live.close();
    // Whatever the random exports made, the store holds only the layout and schema-valid metadata.
    assertCleanRoot(live.root);
  });

  // Values that reach deep into the handlers: real template ids, near-miss names, hand-written models with small edits.
  const editedModel = fc
    .tuple(fc.nat(hello.length), fc.nat(30), fc.string({ maxLength: 12 }))
    .map(([at, cut, insert]) => hello.slice(0, at) + insert + hello.slice(at + cut));
  const parameters = fc.dictionary(
    fc.constantFrom('peak_factor', 'bins', 'base_capacity', 'api_instances', 'waiting_giveup_rate', 'nope', 'constructor', 'toString'),
    fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.double({ noNaN: true }), fc.integer({ min: -5, max: 3000 })),
  );
  // Objects whose keys shadow Object.prototype: String() or `${}` on them throws.
  const shadowing = fc.constantFrom({ toString: 0 }, { valueOf: 'x', toString: [] }, [{ toString: 1 }]);
  const hostile = fc.dictionary(
    fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'constructor', 'schemaVersion', 'grid', 'nodes', 'outputs', 'id', 'kind', 'expr'),
    fc.oneof(fc.jsonValue({ maxDepth: 1 }), shadowing, fc.dictionary(fc.constantFrom('id', 'kind', 'bins', 'binSize'), shadowing)),
    { minKeys: 1 },
  );
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    hostile,
    fc.array(hostile, { maxLength: 3 }),
    fc.constantFrom('checkout', 'call-center', 'support-tickets', 'nope', '', '../x', 'a/b', '/etc/passwd', 'v2', 2, 0, 1.5, null),
    fc.string({ maxLength: 80 }),
    editedModel,
    parameters,
  );
  const objectBody = fc.dictionary(
    fc.constantFrom('template', 'name', 'parameters', 'tags', 'metadata', 'model_yaml', 'model_schema', 'version', 'file_name'),
    value,
    { maxKeys: 6 },
  );
  // Well-formed exports with random names and parameters, so the property also runs through real writes.
  const exportBody = fc.record({ template: fc.constantFrom('checkout', 'call-center', 'order-fulfilment'), name: fc.string({ minLength: 1, maxLength: 20 }), parameters });
  const rawBody = fc.oneof(
    objectBody.map((b) => JSON.stringify(b)),
    exportBody.map((b) => JSON.stringify(b)),
    fc.jsonValue({ maxDepth: 4 }).map((b) => JSON.stringify(b)),
    fc.string({ maxLength: 60 }),
  );

  test('both POST routes answer every random JSON body with < 500 and the envelope on 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/sim/models/export', '/sim/models/validate'), rawBody, async (path, body) => {
        const a = await call(live.base, 'POST', path, { body, contentType: 'application/json' });
        assert.ok(a.status < 500, `${path} ${body.slice(0, 300)} → ${a.status} ${a.text.slice(0, 300)}`);
        if (a.status >= 400) {
          assert.ok(CLIENT_STATUSES.has(a.status), `${a.status} for ${body.slice(0, 200)}`);
          assertErrorEnvelope(a, a.status);
          return;
        }
        const answer = JSON.parse(a.text) as Record<string, unknown>;
        if (path === '/sim/models/validate') {
          assert.equal(a.status, 200);
          assert.equal(typeof answer.valid, 'boolean');
          assert.ok(Array.isArray(answer.errors));
        } else {
          assert.ok(a.status === 200 || a.status === 201, String(a.status));
          assert.match(String(answer.model_id), /^[a-z0-9]+(-[a-z0-9]+)*_[0-9a-f]{4,64}$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a random valid export always lands in the listing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 1, max: 4, noNaN: true }), fc.integer({ min: 10, max: 2000 }), async (peak, capacity) => {
        const body = JSON.stringify({ template: 'checkout', name: 'fuzzed', parameters: { peak_factor: peak, base_capacity: capacity } });
        const a = await call(live.base, 'POST', '/sim/models/export', { body, contentType: 'application/json' });
        assert.ok(a.status === 200 || a.status === 201, a.text.slice(0, 300));
        const id = (JSON.parse(a.text) as { model_id: string }).model_id;
        const got = await call(live.base, 'GET', `/sim/models/${id}`);
        assert.equal(got.status, 200);
        const meta = JSON.parse(got.text) as { metadata: { spec: { sim_config: { parameters: Record<string, number> } } } };
        assert.equal(meta.metadata.spec.sim_config.parameters.peak_factor, peak);
        assert.equal(meta.metadata.spec.sim_config.parameters.base_capacity, capacity);
      }),
      { numRuns: 25 },
    );
  });
});
