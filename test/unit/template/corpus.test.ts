// The six corpus templates: zero errors, real warnings only, instantiation with defaults, and a model that validates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { validateTemplate } from '../../../core/src/template/validate-template';
import { validateModelDocument } from '../../../core/src/validate-model';
import { parseYaml } from '../../../core/src/yaml/parse';
import { corpusDir, show } from './helpers';

const files = readdirSync(corpusDir).filter((f) => f.endsWith('.yaml')).sort();

/** The warnings each template is expected to get (code → count); anything else is a regression. */
const EXPECTED_WARNINGS: Record<string, Record<string, number>> = {
  'dependency-constraints-minimal.yaml': {},
  'it-system-microservices.yaml': {},
  'manufacturing-line.yaml': {},
  // exhaustedFailures, retryBudgetRemaining, maxAttempts and exhaustedPolicy on Delivery.
  'supply-chain-multi-tier.yaml': { 'template.dropped-key': 4 },
  'transportation-basic.yaml': {},
  // slaMin on Intake and PackAndShip.
  'warehouse-picker-waves.yaml': { 'template.dropped-key': 2 },
};

/** Outputs that name queues the engines synthesize (left out of the model with an info). */
const ENGINE_QUEUE_OUTPUTS: Record<string, string[]> = {
  'dependency-constraints-minimal.yaml': [],
  'it-system-microservices.yaml': ['ingress_queue_queue', 'manual_reconciliation_queue', 'customer_impact_queue_queue', 'response_queue_queue'],
  'manufacturing-line.yaml': ['wip_queue_queue', 'quality_scrap_queue', 'packaging_waste_queue'],
  'supply-chain-multi-tier.yaml': [],
  'transportation-basic.yaml': [],
  'warehouse-picker-waves.yaml': ['intake_queue', 'picker_wave_queue', 'pack_staging_queue_queue'],
};

describe('corpus templates', () => {
  test('all six are there', () => assert.deepEqual(files, Object.keys(EXPECTED_WARNINGS).sort()));

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const r = validateTemplate(text);

      test('zero errors and only the expected warnings', () => {
        assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), [], show(r.diagnostics));
        const counts: Record<string, number> = {};
        for (const d of r.diagnostics.filter((x) => x.severity === 'warning')) counts[d.code] = (counts[d.code] ?? 0) + 1;
        assert.deepEqual(counts, EXPECTED_WARNINGS[file], show(r.diagnostics));
      });

      test('outputs naming engine-synthesized queues are left out with an info each', () => {
        const notes = r.diagnostics.filter((d) => d.severity === 'info');
        assert.ok(notes.every((d) => d.code === 'template.engine-synthesized-output' || d.code === 'rust.edge-endpoints'), show(notes));
        const infos = notes.filter((d) => d.code === 'template.engine-synthesized-output');
        const expected = ENGINE_QUEUE_OUTPUTS[file];
        assert.deepEqual(infos.map((d) => d.message.match(/^`([^`]+)`/)?.[1]), expected);
        const series = (r.model!.outputs as { series: string }[]).map((o) => o.series);
        for (const q of expected) assert.equal(series.includes(q), false, q);
      });

      test('instantiates with its defaults into a model that validates with zero errors on its own', () => {
        assert.ok(r.model);
        const nodes = r.model.nodes as { kind: string }[];
        assert.equal(nodes.filter((n) => n.kind === 'serviceWithBuffer').length, 0, 'no queue node: the engines synthesize every queue');
        assert.equal(nodes.filter((n) => n.kind === 'pmf').length, 0, 'every corpus pmf has a profile');
        const yaml = stringify(r.model);
        const parsed = parseYaml(yaml);
        assert.deepEqual(parsed.diagnostics, []);
        const errors = validateModelDocument(parsed.doc, { pmfTolerance: 1e-10 }).filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], show(errors));
      });

      test('the model shape: key order, grid.start from the window, no template-only keys', () => {
        const keys = Object.keys(r.model!);
        assert.deepEqual(keys, ['schemaVersion', 'grid', 'nodes', 'outputs', 'topology'].filter((k) => keys.includes(k)));
        assert.equal((r.model!.grid as { start: string }).start, '2025-01-01T00:00:00Z');
        const json = JSON.stringify(r.model);
        for (const key of ['"source"', '"profile"', '"dependencies"', '"slaMin"', '"maxAttempts"', '"window"', '"generator"']) {
          assert.equal(json.includes(key), false, key);
        }
      });
    });
  }

  test('profiled pmf nodes carry their origin and their values average to E[pmf]', () => {
    const r = validateTemplate(readFileSync(path.join(corpusDir, 'transportation-basic.yaml'), 'utf8'));
    const n = (r.model!.nodes as { id: string; values: number[]; metadata: Record<string, string> }[]).find((x) => x.id === 'arrivals_north')!;
    assert.deepEqual(n.metadata, { 'origin.kind': 'pmf', 'profile.kind': 'builtin', 'profile.name': 'hub-rush-hour', 'pmf.expected': '16.899999999999999' });
    assert.equal(n.values.length, 288);
    assert.ok(Math.abs(n.values.reduce((s, v) => s + v, 0) / 288 - 16.9) < 1e-5);
  });
});
