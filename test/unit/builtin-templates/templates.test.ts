// Every built-in template: clean as a template, sound parameters, and a model both FlowTime engines accept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateTemplate } from '../../../core/src/template/validate-template';
import { validateModelDocument } from '../../../core/src/validate-model';
import { describeDiagnostics, field, list, loadBuiltIns, QUEUE_KINDS, synthesizedQueueName, templatesDir, valuesAtBound } from './load';

const templates = loadBuiltIns();
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const FUNCTIONS = new Set(['SHIFT', 'CONV', 'MIN', 'MAX', 'CLAMP', 'MOD', 'FLOOR', 'CEIL', 'ROUND', 'STEP', 'PULSE']);

describe('built-in templates', () => {
  test('at least eight templates, checkout among them', () => {
    assert.ok(templates.length >= 8, `only ${templates.length} templates`);
    assert.ok(templates.some((t) => t.file === 'checkout.yaml'));
  });

  test("checkout has the seed's parameters: peak_factor (number) and base_capacity (integer)", () => {
    const checkout = templates.find((t) => t.file === 'checkout.yaml');
    assert.ok(checkout);
    const byName = new Map(checkout.defaults.params.map((p) => [p.name, p] as const));
    assert.equal(byName.get('peak_factor')?.type, 'number');
    assert.equal(byName.get('base_capacity')?.type, 'integer');
  });

  test('the README indexes every template and documents every parameter', () => {
    const readme = readFileSync(path.join(templatesDir, 'README.md'), 'utf8');
    for (const t of templates) {
      const id = String(field(t.raw, 'metadata').id);
      assert.ok(readme.includes(`| \`${id}\` |`), `index row for ${id}`);
      assert.ok(readme.includes(`### \`${id}\``), `parameter section for ${id}`);
      for (const p of t.defaults.params) assert.ok(readme.includes(`| \`${p.name}\` |`), `${id}: parameter ${p.name}`);
    }
  });

  for (const t of templates) {
    describe(t.file, () => {
      test('validates with zero errors and zero warnings', () => {
        const findings = t.defaults.diagnostics.filter((d) => d.severity !== 'info');
        assert.deepEqual(describeDiagnostics(t.file, findings), []);
      });

      test('header: file name is metadata.id, semver version, flowtime-sim generator, UTC window', () => {
        const metadata = field(t.raw, 'metadata');
        assert.equal(t.raw.schemaVersion, 1);
        assert.equal(t.raw.generator, 'flowtime-sim');
        assert.equal(`${String(metadata.id)}.yaml`, t.file);
        assert.match(String(metadata.version), SEMVER);
        for (const key of ['title', 'description', 'narrative']) {
          assert.equal(typeof metadata[key], 'string', `metadata.${key}`);
          assert.ok(String(metadata[key]).length > 0, `metadata.${key}`);
        }
        assert.ok(Array.isArray(metadata.tags) && metadata.tags.length > 0, 'metadata.tags');
        const window = field(t.raw, 'window');
        assert.match(String(window.start), /Z$/);
        assert.equal(window.timezone, 'UTC');
      });

      test('every parameter is typed, titled, described and bounded, with its default inside the bounds', () => {
        assert.ok(t.defaults.params.length > 0);
        for (const p of t.defaults.params) {
          assert.equal(p.typeInferred, undefined, `${p.name}: type declared`);
          assert.ok(p.title && p.description, `${p.name}: title and description`);
          if (p.type === 'boolean' || p.type === 'string') continue;
          assert.ok(p.min !== undefined && p.max !== undefined, `${p.name}: min and max`);
          const defaults = Array.isArray(p.default) ? p.default : [p.default];
          assert.ok(defaults.length > 0, `${p.name}: default`);
          for (const v of defaults) {
            assert.equal(typeof v, 'number', `${p.name}: numeric default`);
            assert.ok((v as number) >= p.min && (v as number) <= p.max, `${p.name}: default ${String(v)} within [${p.min}, ${p.max}]`);
            if (p.type === 'integer' || p.arrayOf === 'int') assert.ok(Number.isInteger(v), `${p.name}: whole-number default`);
          }
        }
      });

      test('instantiates with its defaults into a model both engines accept', () => {
        const { model, modelDoc } = t.defaults;
        assert.ok(model && modelDoc, 'a model is generated');
        const kinds = list(model.nodes).map((n) => `${String(n.id)}:${String(n.kind)}`);
        assert.deepEqual(kinds.filter((k) => !/:(const|pmf|expr)$/.test(k)), [], 'only const, pmf and expr nodes (no serviceWithBuffer or router)');
        const findings = validateModelDocument(modelDoc, { pmfTolerance: 1e-10 }).filter((d) => d.severity === 'error' || (d.code.startsWith('rust.') && d.severity !== 'info'));
        assert.deepEqual(describeDiagnostics(t.file, findings), []);
      });

      for (const bound of ['min', 'max'] as const) {
        test(`instantiates with every parameter at its ${bound}`, () => {
          const r = validateTemplate(t.text, { values: valuesAtBound(t.defaults.params, bound) });
          assert.deepEqual(describeDiagnostics(t.file, r.diagnostics.filter((d) => d.severity === 'error')), []);
          assert.ok(r.model && r.modelDoc, 'a model is generated');
          const modelErrors = validateModelDocument(r.modelDoc, { pmfTolerance: 1e-10 }).filter((d) => d.severity === 'error');
          assert.deepEqual(describeDiagnostics(t.file, modelErrors), []);
        });
      }

      test('expressions call only the 11 engine functions, written in upper case', () => {
        for (const n of list(t.defaults.model?.nodes)) {
          if (n.kind !== 'expr') continue;
          for (const m of String(n.expr).matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
            assert.ok(FUNCTIONS.has(m[1]), `${String(n.id)}: ${m[1]}`);
          }
        }
      });

      test('queues are left to the engines: no queueDepth on queue kinds, nothing names their queue series', () => {
        const topology = list(field(t.raw, 'topology').nodes);
        const nodeIds = new Set(list(t.defaults.model?.nodes).map((n) => String(n.id)));
        const outputs = new Set(list(t.defaults.model?.outputs).map((o) => String(o.series)));
        for (const tn of topology) {
          if (!QUEUE_KINDS.has(String(tn.kind))) continue;
          const depth = field(tn, 'semantics').queueDepth;
          assert.ok(depth === undefined || depth === 'self', `${String(tn.id)}: queueDepth ${String(depth)}`);
          const name = synthesizedQueueName(String(tn.id));
          assert.equal(nodeIds.has(name), false, `node ${name}`);
          assert.equal(outputs.has(name), false, `output ${name}`);
          for (const n of list(t.defaults.model?.nodes)) {
            if (n.kind === 'expr') assert.equal(new RegExp(`\\b${name}\\b`).test(String(n.expr)), false, `${String(n.id)} reads ${name}`);
          }
        }
      });
    });
  }
});
