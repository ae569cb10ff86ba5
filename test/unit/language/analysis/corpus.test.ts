// Real files: the corpus templates and models and the built-in templates index without throwing, and every reference resolves.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../../core/src/language/analysis';
import type { Analysis } from '../../../../core/src/language/analysis';
import { documentSymbols, references, rename } from '../../../../core/src/language/navigation';
import { semanticTokens } from '../../../../core/src/language/semantic-tokens';
import { inlayHints } from '../../../../core/src/language/inlay-hints';
import { planSynthesis } from '../../../../core/src/template/synthesis-plan';
import { validateText } from '../../../../core/src/validate';
import { applyEdits } from '../../../helpers/apply-edits';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const BUILT_IN = path.resolve(process.cwd(), 'templates');

function yamlFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: path.relative(process.cwd(), path.join(dir, f)), text: readFileSync(path.join(dir, f), 'utf8') }));
}

const TEMPLATES = [...yamlFiles(path.join(CORPUS, 'templates')), ...yamlFiles(BUILT_IN)];
const MODELS = yamlFiles(path.join(CORPUS, 'models', 'valid'));

/** Node ids that only exist once Sim or the engines synthesize queues and sinks. */
function synthesizedNames(a: Analysis): Set<string> {
  const plan = planSynthesis(a.parsed.doc.value);
  const names = new Set<string>(plan.engineQueues.keys());
  for (const q of plan.queues.values()) names.add(q.name);
  for (const s of plan.sinks.values()) if (s.node) names.add(s.node.id);
  return names;
}

function unresolved(a: Analysis, synthesized: ReadonlySet<string>): string[] {
  return a.symbols.refs
    .filter((r) => a.symbols.definitions(r.category, r.name).length === 0)
    .filter((r) => !(r.category === 'node' && synthesized.has(r.name)))
    .map((r) => `${r.category} ${r.name} at ${r.pointer} (line ${r.range.start.line + 1})`);
}

describe('corpus and built-in templates', () => {
  test('there are six corpus templates and eight built-in ones', () => {
    assert.equal(TEMPLATES.filter((t) => t.name.includes('corpus')).length, 6);
    assert.equal(TEMPLATES.filter((t) => !t.name.includes('corpus')).length, 8);
  });

  for (const file of TEMPLATES) {
    test(`${file.name}: indexed as a template, every reference resolves (engine-synthesized names aside)`, () => {
      const a = analyze(file.text);
      assert.equal(a.kind, 'template');
      assert.ok(a.symbols.defs.some((d) => d.category === 'node'));
      assert.ok(a.symbols.refs.some((r) => r.category === 'node'));
      const placeholders = (file.text.match(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g) ?? []).length;
      assert.equal(a.symbols.refs.filter((r) => r.category === 'parameter').length, placeholders);
      assert.deepEqual(unresolved(a, synthesizedNames(a)), []);
      const declared = new Set(a.params.map((p) => p.name));
      assert.ok(a.symbols.defs.filter((d) => d.category === 'parameter').every((d) => declared.has(d.name)));
      assert.ok(documentSymbols(a).length > 0);
      assert.ok(semanticTokens(a).length > 0);
      inlayHints(a, { start: { line: 0, character: 0 }, end: { line: a.lines.lineCount, character: 0 } });
    });
  }

  test('renaming referenced nodes and parameters of real templates keeps them free of errors', () => {
    for (const file of TEMPLATES) {
      const a = analyze(file.text);
      assert.deepEqual(errorsOf(file.text), [], `${file.name} before any rename`);
      const nodes = a.symbols.defs.filter((d) => d.category === 'node' && a.symbols.references('node', d.name).length > 1).slice(0, 2);
      const params = a.symbols.defs.filter((d) => d.category === 'parameter').slice(0, 1);
      for (const d of [...nodes, ...params]) {
        const result = rename(a, d.range.start, `${d.name}_renamed`);
        assert.ok('edits' in result, `${file.name} ${d.name}: ${'error' in result ? result.error : ''}`);
        const referenced = references(a, d.range.start, true).length;
        assert.equal(result.edits.length, referenced, `${file.name} ${d.name}: one edit per occurrence`);
        const after = applyEdits(file.text, result.edits);
        assert.deepEqual(errorsOf(after), [], `${file.name} after renaming ${d.name}`);
      }
    }
  });
});

describe('corpus models', () => {
  for (const file of MODELS) {
    test(`${file.name}: every reference resolves`, () => {
      const a = analyze(file.text);
      assert.equal(a.kind, 'model');
      assert.deepEqual(unresolved(a, new Set()), []);
      assert.ok(documentSymbols(a).length > 0);
      semanticTokens(a);
    });
  }
});

function errorsOf(text: string): string[] {
  return validateText(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`);
}
