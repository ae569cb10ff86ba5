// The real FlowTime corpus through the schema layer: valid files are clean, invalid files get exactly their findings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { validateModelSchema, validateTemplateSchema } from '../../../core/src/schema';
import { parseYaml } from '../../../core/src/yaml/parse';
import { applyEdits } from '../../helpers/apply-edits';
import { show } from './helpers';

// Tests run from the repository root; the corpus sits beside the repository.
const CORPUS = resolve(process.cwd(), '../shared/corpus');
const read = (...parts: string[]) => readFileSync(join(CORPUS, ...parts), 'utf8');
const model = (text: string) => validateModelSchema(parseYaml(text).doc).diagnostics;
const line = (d: Diagnostic) => d.range.start.line + 1;

describe('corpus: valid models', () => {
  for (const name of readdirSync(join(CORPUS, 'models', 'valid')).sort()) {
    test(`${name} has no schema findings`, () => {
      const ds = model(read('models', 'valid', name));
      assert.deepEqual(ds, [], show(ds));
    });
  }
});

describe('corpus: templates (raw text, placeholders unresolved)', () => {
  for (const name of readdirSync(join(CORPUS, 'templates')).sort()) {
    test(`${name} has no template schema findings`, () => {
      const ds = validateTemplateSchema(parseYaml(read('templates', name)).doc).diagnostics;
      assert.deepEqual(ds, [], show(ds));
    });
  }
});

describe('corpus: invalid models', () => {
  test('const-length-mismatch.yaml: nothing from the schema (the length is a semantic rule)', () => {
    const ds = model(read('models', 'invalid', 'const-length-mismatch.yaml'));
    assert.deepEqual(ds, [], show(ds));
  });

  test('missing-schema-version.yaml: schemaVersion is required, at the document start', () => {
    const ds = model(read('models', 'invalid', 'missing-schema-version.yaml'));
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'schema.missing-key');
    assert.match(ds[0].message, /^`schemaVersion` is required/);
    assert.deepEqual(ds[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  test('legacy-binminutes.yaml: only the binMinutes finding on line 4, with a fix that makes the grid valid', () => {
    const text = read('models', 'invalid', 'legacy-binminutes.yaml');
    const ds = model(text);
    assert.equal(ds.length, 1, show(ds));
    const d = ds[0];
    assert.equal(d.code, 'legacy.bin-minutes');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 12 } });
    assert.match(d.message, /binMinutes.*binSize.*binUnit/);
    assert.deepEqual(d.fixes?.[0].data, { binMinutes: 60, binSize: 1, binUnit: 'hours' });
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.match(fixed, /\n {2}bins: 8\n {2}binSize: 1\n {2}binUnit: hours\n/);
    assert.deepEqual(model(fixed), []);
  });

  test('legacy-node-based.yaml: metadata (1), expression (21), dependencies (22), outputs id/source (24-25), no noise', () => {
    const text = read('models', 'invalid', 'legacy-node-based.yaml');
    const ds = model(text);
    assert.deepEqual(
      ds.map((d) => [d.code, line(d), d.range.end.line + 1]),
      [
        ['legacy.template-key', 1, 1],
        ['legacy.node-expression', 21, 21],
        ['legacy.node-dependencies', 22, 22],
        ['legacy.output-id-source', 24, 25],
      ],
      show(ds),
    );
    assert.match(ds[0].message, /`metadata` is not allowed in a model/);
    assert.match(ds[1].message, /`expression` is the legacy key for `expr`/);
    assert.match(ds[2].message, /`dependencies` is not allowed on a model node/);
    assert.match(ds[3].message, /`id`\/`source` is the legacy form of `series`: write `series: COMP_A`/);
    assert.ok(ds.every((d) => d.severity === 'error'));
    // All four fixes together turn the file into a valid model.
    const fixed = applyEdits(text, ds.flatMap((d) => d.fixes![0].edits));
    assert.deepEqual(model(fixed), [], fixed);
    assert.match(fixed, /^schemaVersion: 1\n/);
    assert.match(fixed, /expr: arrivals\noutputs:\n {2}- series: COMP_A\n/);
  });
});
