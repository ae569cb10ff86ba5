// Every built-in template and every corpus file tokenizes cleanly, with functions, ids and placeholders where they are.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FUNCTIONS } from '../../../core/src/expr/functions';
import { findPlaceholders } from '../../../core/src/template/subst-scan';
import { ROOT, YAML_FLAVORS, hasScope, scopesOf, tokenize, tokensIn, tokensWithScope } from './grammar-harness';
import type { TokenizedLine, YamlFlavor } from './grammar-harness';

// Tests run from the repository root; the corpus sits beside the repository.
const CORPUS = resolve(ROOT, '../shared/corpus');
const FN = 'support.function.builtin.flowtime';
const EMBED = 'meta.embedded.expression.flowtime';
const CALL = new RegExp(`(?<![\\p{L}\\p{Nd}_])(?:${FUNCTIONS.map((f) => f.name).join('|')})(?=\\s*\\()`, 'giu');
// An inline expr value: what follows `expr:` on a line whose first key it is (block scalars are not used in the corpus).
const EXPR_LINE = /^[\t ]*(?:-[\t ]+)?expr:[\t ]+(?![[{#|>])(\S.*)$/d;
const LIST_ID = /^[\t ]*-[\t ]+id:[\t ]+([A-Za-z_][A-Za-z0-9_]*)[\t ]*(?:#.*)?$/d;

interface Sample {
  name: string;
  path: string;
  scope: 'source.flowtime-model' | 'source.flowtime-template';
  /** Valid FlowTime: its expressions and placeholders are well-formed, so nothing may be marked invalid. */
  valid: boolean;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => resolve(dir, f));
}

function samplesIn(dir: string, label: string, scope: Sample['scope'], valid: boolean): Sample[] {
  return yamlFiles(dir).map((path) => ({ name: `${label}/${basename(path)}`, path, scope, valid }));
}

const samples: Sample[] = [
  ...samplesIn(resolve(ROOT, 'templates'), 'templates', 'source.flowtime-template', true),
  ...samplesIn(resolve(CORPUS, 'templates'), 'corpus/templates', 'source.flowtime-template', true),
  ...samplesIn(resolve(CORPUS, 'models/valid'), 'corpus/models/valid', 'source.flowtime-model', true),
  ...samplesIn(resolve(CORPUS, 'models/invalid'), 'corpus/models/invalid', 'source.flowtime-model', false),
];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return line;
}

/** Which occurrence (0-based) of `needle` on `line` starts at `at`. */
function occurrence(line: string, needle: string, at: number): number {
  return line.slice(0, at).split(needle).length - 1;
}

function check(sample: Sample, text: string, lines: TokenizedLine[]): { calls: number } {
  const rawLines = text.split(/\r?\n/);
  assert.equal(lines.length, rawLines.length);
  let calls = 0;
  rawLines.forEach((raw, i) => {
    const expr = EXPR_LINE.exec(raw);
    if (expr) {
      // The value is an expression (a trailing comment aside), and every call of a built-in is highlighted as one.
      let value = expr[1].replace(/[\t ]+#.*$/, '');
      let from = expr.indices![1][0];
      if (/^(["']).*\1$/.test(value)) {
        value = value.slice(1, -1);
        from++;
      }
      for (const t of tokensIn(lines, i, from, from + value.length)) {
        assert.ok(hasScope(t.scopes, EMBED), `${sample.name}:${i + 1} ${JSON.stringify(t.text)} is not in the expression: ${raw}`);
      }
      for (const m of value.matchAll(CALL)) {
        const scopes = scopesOf(lines, i, m[0], occurrence(raw, m[0], from + m.index));
        assert.ok(hasScope(scopes, FN), `${sample.name}:${i + 1} ${m[0]}: ${scopes.join(' ')}`);
        calls++;
      }
    }
    const id = LIST_ID.exec(raw);
    if (id) {
      const scopes = scopesOf(lines, i, id[1], occurrence(raw, id[1], id.indices![1][0]));
      assert.ok(hasScope(scopes, 'entity.name.variable.node-id.flowtime'), `${sample.name}:${i + 1} ${raw}`);
    }
  });
  return { calls };
}

async function checkSample(sample: Sample, flavor: YamlFlavor): Promise<void> {
  const text = readFileSync(sample.path, 'utf8');
  const lines = await tokenize(sample.scope, text, flavor);
  const { calls } = check(sample, text, lines);
  const fnTokens = tokensWithScope(lines, FN);
  assert.equal(fnTokens.length > 0, calls > 0, `${sample.name}: ${fnTokens.length} function tokens, ${calls} calls in expr values`);
  assert.ok(fnTokens.length >= calls, `${sample.name}: ${fnTokens.length} function tokens < ${calls} calls`);
  if (sample.valid) {
    const invalid = lines.flat().filter((t) => t.scopes.some((s) => s.startsWith('invalid.') && s.endsWith('.flowtime')));
    assert.deepEqual(invalid.map((t) => t.text), [], `${sample.name}: FlowTime text marked invalid`);
  }
  if (sample.scope === 'source.flowtime-template') {
    const starts = lineStarts(text);
    for (const p of findPlaceholders(text)) {
      const line = lineOf(starts, p.start);
      const lineText = text.slice(starts[line], starts[line + 1] ?? text.length);
      const scopes = scopesOf(lines, line, p.name, occurrence(lineText, p.name, p.start + 2 - starts[line]));
      assert.ok(hasScope(scopes, 'variable.other.placeholder.flowtime'), `${sample.name}:${line + 1} \${${p.name}}: ${scopes.join(' ')}`);
    }
  }
}

test('the samples are the built-in templates and the whole corpus', () => {
  assert.ok(samples.filter((s) => s.name.startsWith('templates/')).length >= 8, 'built-in templates missing');
  for (const dir of ['corpus/templates/', 'corpus/models/valid/', 'corpus/models/invalid/']) {
    assert.ok(samples.some((s) => s.name.startsWith(dir)), `${dir} missing (the corpus is expected beside the repository)`);
  }
});

for (const flavor of YAML_FLAVORS) {
  const skip = flavor.available ? false : `${flavor.name} is not installed on this machine`;
  describe(`built-in templates and the corpus (${flavor.name})`, { skip }, () => {
    for (const sample of samples) test(sample.name, () => checkSample(sample, flavor));
  });
}
