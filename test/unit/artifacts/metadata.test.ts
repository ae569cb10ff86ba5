import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  METADATA_BUDGET_BYTES,
  buildMetadata,
  computeQuality,
  emitModelYaml,
  engineCompatibility,
  inputsDigest,
  metadataFacts,
  serializeMetadata,
} from '../../../core/src/artifacts';
import type { MetadataInput, ModelMetadata } from '../../../core/src/artifacts';
import { assertMetadataValid, validateMetadataSchema } from './support';

/** A model shaped like a real template's output: n nodes, a topology over a third of them, outputs for each. */
function bigModel(n: number, bins = 288): Record<string, unknown> {
  const nodes = Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? { id: `station_${i}_arrivals`, kind: 'const', values: Array.from({ length: bins }, (_, t) => (t * 7 + i) % 50) }
      : { id: `station_${i}_served`, kind: 'expr', expr: `MIN(station_${i - (i % 3)}_arrivals, ${i + 10})` },
  );
  const topo = nodes
    .filter((_, i) => i % 3 === 1)
    .map((node) => ({ id: `Station${node.id.split('_')[1]}`, kind: 'serviceWithBuffer', semantics: { arrivals: node.id, served: node.id } }));
  return {
    schemaVersion: 1,
    grid: { bins, binSize: 5, binUnit: 'minutes' },
    nodes,
    outputs: nodes.map((node) => ({ series: node.id })),
    topology: { nodes: topo, edges: topo.slice(1).map((t, i) => ({ from: topo[i].id, to: t.id })) },
  };
}

function input(model: Record<string, unknown>, over: Partial<MetadataInput> = {}): MetadataInput {
  const yaml = emitModelYaml(model);
  const parameters = { peak_factor: 1.5, base_capacity: 100, weights: [1, 2, 3] };
  return {
    id: 'checkout-baseline_a1b2',
    version: 1,
    title: 'Checkout Baseline Model',
    created: '2025-09-19T10:22:30.123Z',
    author: 'user@domain.com',
    tags: ['e-commerce', 'checkout', 'baseline', 'checkout'],
    source: { template: { id: 'checkout', version: '1.2.0' }, parameters },
    model,
    modelYaml: yaml,
    quality: computeQuality(model, []),
    engineCompatibility: engineCompatibility([]),
    inputsDigest: inputsDigest({ templateId: 'checkout', parameters }),
    ...over,
  };
}

function text(meta: ModelMetadata): string {
  return serializeMetadata(meta);
}

describe('buildMetadata', () => {
  test('the seed envelope with a compact summary, schema-valid', () => {
    const model = bigModel(6, 4);
    const inp = input(model);
    const meta = buildMetadata(inp);
    assert.deepEqual(Object.keys(meta), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.equal(meta.apiVersion, 'flowtime/v1');
    assert.equal(meta.kind, 'Model');
    assert.deepEqual(meta.metadata, {
      id: 'checkout-baseline_a1b2',
      title: 'Checkout Baseline Model',
      created: '2025-09-19T10:22:30Z',
      author: 'user@domain.com',
      version: 'v1',
      tags: ['e-commerce', 'checkout', 'baseline'],
      sim_source: 'template:checkout',
    });
    const fm = meta.spec.flowtime_model;
    assert.deepEqual(fm.grid, { bins: 4, binSize: 5, binUnit: 'minutes' });
    assert.equal(fm.node_count, 6);
    assert.deepEqual(fm.nodes.slice(0, 2), [
      { id: 'station_0_arrivals', kind: 'const' },
      { id: 'station_1_served', kind: 'expr' },
    ]);
    assert.deepEqual(fm.topology, { node_count: 2, edge_count: 1, nodes: [{ id: 'Station1', kind: 'serviceWithBuffer' }, { id: 'Station4', kind: 'serviceWithBuffer' }] });
    assert.equal(fm.output_count, 6);
    assert.equal(fm.model_sha256, createHash('sha256').update(inp.modelYaml).digest('hex'));
    assert.equal(fm.truncated, undefined);
    assert.deepEqual(meta.spec.sim_config, { template: 'checkout', template_version: '1.2.0', parameters: { peak_factor: 1.5, base_capacity: 100, weights: [1, 2, 3] } });
    assert.deepEqual(meta.spec.validation, {
      sim_version: '0.1.0',
      quality_score: 1,
      engine_compatibility: { csharp: true, rust: true },
      inputs_digest: inp.inputsDigest,
    });
    const t = text(meta);
    assertMetadataValid(t);
    assert.ok(!t.includes('"values"'), 'the summary never copies node values');
    assert.ok(!t.includes('MIN('), 'the summary never copies expressions');
  });

  test('is deterministic and has exactly one timestamp', () => {
    const a = text(buildMetadata(input(bigModel(9))));
    const b = text(buildMetadata(input(bigModel(9))));
    assert.equal(a, b);
    assert.equal(a.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g)?.length, 1);
    assert.ok(a.endsWith('}\n'));
  });

  test('defaults: title = id, author "unknown" (never the OS user), created = now', () => {
    const before = Date.now();
    const meta = buildMetadata(input(bigModel(3, 2), { title: undefined, author: '  ', created: undefined, tags: undefined }));
    assert.equal(meta.metadata.title, 'checkout-baseline_a1b2');
    assert.equal(meta.metadata.author, 'unknown');
    assert.deepEqual(meta.metadata.tags, []);
    const created = Date.parse(meta.metadata.created);
    assert.ok(created >= Math.floor(before / 1000) * 1000 && created <= Date.now());
    assert.throws(() => buildMetadata(input(bigModel(3, 2), { created: 'yesterday' })), /not a valid time/);
  });

  test('exported model files: model source, null template, no parameters, base name only', () => {
    const meta = buildMetadata(input(bigModel(3, 2), { source: { modelFile: '/home/me/secret/dir/hand.yaml' }, inputsDigest: inputsDigest({ modelSha256: 'a'.repeat(64) }) }));
    assert.equal(meta.metadata.sim_source, 'model:hand.yaml');
    assert.deepEqual(meta.spec.sim_config, { template: null, template_version: null, parameters: {}, source_file: 'hand.yaml' });
    assert.ok(!text(meta).includes('/home/me'));
    assertMetadataValid(text(meta));
  });

  test('lineage for derived artifacts, version v{n}, description', () => {
    const meta = buildMetadata(input(bigModel(3, 2), { version: 4, description: 'peak variant', derivedFrom: { id: 'checkout-baseline_a1b2', version: 2 } }));
    assert.equal(meta.metadata.version, 'v4');
    assert.equal(meta.metadata.description, 'peak variant');
    assert.deepEqual(meta.lineage, { derived_from: 'checkout-baseline_a1b2@v2' });
    assertMetadataValid(text(meta));
  });

  test('stays under 5 KB for realistic models without cutting anything', () => {
    for (const n of [3, 12, 24, 30]) {
      const t = text(buildMetadata(input(bigModel(n))));
      assert.ok(Buffer.byteLength(t) <= METADATA_BUDGET_BYTES, `${n} nodes: ${Buffer.byteLength(t)} bytes`);
      assert.ok(!t.includes('"truncated"'), `${n} nodes should not need truncation`);
      assertMetadataValid(t);
    }
  });

  test('large models get their lists cut deterministically, with counts, and still fit', () => {
    const model = bigModel(300);
    const meta = buildMetadata(input(model));
    const t = text(meta);
    assert.ok(Buffer.byteLength(t) <= METADATA_BUDGET_BYTES, `${Buffer.byteLength(t)} bytes`);
    const fm = meta.spec.flowtime_model;
    assert.equal(fm.truncated, true);
    assert.equal(fm.node_count, 300);
    assert.equal(fm.output_count, 300);
    assert.equal(fm.topology?.node_count, 100);
    assert.equal(fm.nodes.length, fm.list_limit);
    assert.ok(fm.list_limit! > 0 && fm.list_limit! < 100);
    assert.deepEqual(fm.nodes, (model.nodes as { id: string; kind: string }[]).slice(0, fm.list_limit).map((x) => ({ id: x.id, kind: x.kind })));
    // The largest limit that fits: one more entry per list would not.
    assert.equal(t, text(buildMetadata(input(model))));
    assertMetadataValid(t);
    assert.ok(validateMetadataSchema(JSON.parse(t)));
  });

  test('array parameters stay on one line and are never cut', () => {
    const weights = Array.from({ length: 288 }, (_, i) => 0.5 + (i % 24) / 8);
    const parameters = { weights, label: 'x' };
    const t = text(buildMetadata(input(bigModel(12), { source: { template: { id: 'checkout' }, parameters } })));
    const line = t.split('\n').find((l) => l.includes('"weights"'));
    assert.match(line ?? '', /^ *"weights": \[[^\n]*\],?$/);
    assert.deepEqual((JSON.parse(t) as ModelMetadata).spec.sim_config.parameters, parameters);
    assertMetadataValid(t);
  });

  test('summaries tolerate broken models', () => {
    const model = { grid: 'x', nodes: [{ id: 5 }, 'junk', { id: 'a', kind: 3 }], outputs: 'nope', topology: { nodes: 'bad' } };
    const meta = buildMetadata(input(model as unknown as Record<string, unknown>));
    assert.deepEqual(meta.spec.flowtime_model.nodes, [{ id: '5', kind: null }, { id: '', kind: null }, { id: 'a', kind: null }]);
    assert.deepEqual(meta.spec.flowtime_model.grid, {});
    assert.equal(meta.spec.flowtime_model.topology?.node_count, 0);
    assertMetadataValid(text(meta));
  });

  test('metadataFacts reads back what the store needs, tolerating anything', () => {
    const meta = buildMetadata(input(bigModel(3, 2)));
    assert.deepEqual(metadataFacts(JSON.parse(text(meta))), {
      title: 'Checkout Baseline Model',
      created: '2025-09-19T10:22:30Z',
      template: 'checkout',
      templateVersion: '1.2.0',
      inputsDigest: meta.spec.validation.inputs_digest,
    });
    assert.deepEqual(metadataFacts('garbage'), { title: null, created: null, template: null, templateVersion: null, inputsDigest: null });
  });

  test('the schema rejects what the envelope must not be', () => {
    const good = JSON.parse(text(buildMetadata(input(bigModel(3, 2))))) as Record<string, any>;
    const bad = (mutate: (m: Record<string, any>) => void): boolean => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string, any>;
      mutate(copy);
      return validateMetadataSchema(copy);
    };
    assert.ok(validateMetadataSchema(good));
    assert.equal(bad((m) => (m.kind = 'Run')), false);
    assert.equal(bad((m) => (m.metadata.id = '../x')), false);
    assert.equal(bad((m) => (m.metadata.created = '2025-09-19')), false);
    assert.equal(bad((m) => (m.metadata.version = '1.0.0')), false);
    assert.equal(bad((m) => (m.spec.flowtime_model.nodes_copy = [])), false);
    assert.equal(bad((m) => (m.spec.validation.engine_compatibility = true)), false);
    assert.equal(bad((m) => (m.spec.validation.quality_score = 1.5)), false);
    assert.equal(bad((m) => delete m.spec.sim_config.parameters), false);
    assert.equal(bad((m) => (m.spec.flowtime_model.truncated = true)), false);
  });
});
