// Corpus templates: sound parameters and placeholders, and defaults substitute into parseable YAML that maps back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../../core/src/yaml/parse';
import { readParameters } from '../../../core/src/template/parameters';
import { checkPlaceholders, findPlaceholders } from '../../../core/src/template/placeholders';
import { resolveParameterValues } from '../../../core/src/template/resolve-values';
import { substitute } from '../../../core/src/template/substitute';
import { MappedDocument } from '../../../core/src/template/mapped-document';

const dir = path.resolve(process.cwd(), '../shared/corpus/templates');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('corpus templates', () => {
  test('all six templates are there', () => assert.equal(files.length, 6));

  for (const file of files) {
    test(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const raw = parseYaml(text);
      assert.deepEqual(raw.diagnostics, []);
      const { params, diagnostics } = readParameters(raw.doc);
      assert.deepEqual(diagnostics, [], 'not even a warning: every corpus parameter is sound');
      assert.deepEqual(checkPlaceholders(text, raw.doc, raw.doc.lines, params), []);

      const { values, errors } = resolveParameterValues(params);
      assert.deepEqual(errors, []);
      const out = substitute(text, values);
      assert.deepEqual(findPlaceholders(out.text).filter((p) => !p.inComment), [], 'no ${ left outside comments');
      assert.equal(out.text.includes('${'), false);
      const parsed = parseYaml(out.text);
      assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);

      // Every placeholder's value is located back at the placeholder in the raw text.
      const doc = new MappedDocument(parsed.doc, out.map, raw.doc.lines);
      for (const r of out.map.replacements) {
        const range = doc.rangeFromSubstitutedOffsets(r.substitutedStart, r.substitutedEnd);
        assert.deepEqual(range, raw.doc.lines.range(r.originalStart, r.originalEnd));
      }
      if (params.some((p) => p.name === 'bins')) {
        assert.match(text.slice(raw.doc.lines.offset(doc.locate('/grid/bins').start), raw.doc.lines.offset(doc.locate('/grid/bins').end)), /^\$\{bins\}$/);
      }
    });
  }

  test('warehouse-picker-waves substitutes its array defaults as sequences', () => {
    const text = readFileSync(path.join(dir, 'warehouse-picker-waves.yaml'), 'utf8');
    const { params } = readParameters(parseYaml(text).doc);
    const out = substitute(text, resolveParameterValues(params).values);
    const model = parseYaml(out.text).doc.value as { nodes: { id: string; values?: unknown }[] };
    const withValues = model.nodes.filter((n) => Array.isArray(n.values));
    assert.ok(withValues.length >= 2);
    for (const n of withValues) assert.equal((n.values as number[]).length, 12);
  });
});
