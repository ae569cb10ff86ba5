// The broken-part index answers the same whether it is keyed by node (a compact parse) or by pointer string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { brokenIndex } from '../../../core/src/schema/broken';
import { modelSchemaErrors, templateSchemaValidator } from '../../../core/src/schema/compile';
import { parseYaml } from '../../../core/src/yaml/parse';
import type { YNode } from '../../../core/src/yaml/document';
import { generateModel } from '../../../bench/gen-model';
import { CORPUS } from '../../helpers/cli';

/** Every pointer of the tree, a missing child of each, odd spellings, and pointers that are not pointers. */
function queries(node: YNode | undefined, out: string[] = ['', '/', 'nodes', 'nodes/0', '/nodes/00', '/nodes/-1', '//', '/zz/0']): string[] {
  if (!node) return out;
  out.push(node.pointer, `${node.pointer}/missing`, `${node.pointer}/0`, `${node.pointer}/0/deeper`);
  if (node.type === 'map') for (const e of node.entries) queries(e.value, out);
  else if (node.type === 'seq') for (const item of node.items) queries(item, out);
  return out;
}

function assertSame(text: string, label: string, template = false): void {
  const { doc, diagnostics } = parseYaml(text);
  if (diagnostics.length > 0 || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) return;
  const value = doc.value as Record<string, unknown>;
  let errors;
  if (template) {
    const v = templateSchemaValidator();
    v(value);
    errors = [...(v.errors ?? [])];
  } else {
    errors = modelSchemaErrors(value);
  }
  const byNode = brokenIndex(errors, doc);
  const byPointer = brokenIndex(errors);
  for (const q of queries(doc.root)) assert.equal(byNode(q), byPointer(q), `${label}: broken(${JSON.stringify(q)})`);
}

test('corpus, golden and generated documents', () => {
  for (const sub of ['models/valid', 'models/invalid']) for (const f of readdirSync(join(CORPUS, sub))) assertSame(readFileSync(join(CORPUS, sub, f), 'utf8'), f);
  for (const f of readdirSync(join(CORPUS, 'templates'))) assertSame(readFileSync(join(CORPUS, 'templates', f), 'utf8'), f, true);
  for (const f of readdirSync('test/golden').filter((n) => n.endsWith('.yaml'))) assertSame(readFileSync(join('test/golden', f), 'utf8'), f);
  assertSame(generateModel(200).replace(/values: \[/g, 'values: 3 # [').replace(/kind: pmf/g, 'kind: Pmf'), 'broken generated');
});

test('random broken models', () => {
  const scalar = fc.constantFrom('x', '1', '-2', 'true', '""', '[1, x]', '{a: 1}', '[]');
  const line = fc.oneof(
    fc.tuple(fc.constantFrom('id', 'kind', 'values', 'expr', 'pmf', 'inflow', 'routes', 'valuse'), scalar).map(([k, v]) => `    ${k}: ${v}`),
    fc.constantFrom('    pmf: {values: [1, 2], probabilities: [0.5, x]}', '    kind: const', '    kind: expr'),
  );
  const node = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => `  - ${ls.join('\n').trimStart()}`);
  fc.assert(
    fc.property(fc.array(node, { maxLength: 6 }), fc.constantFrom('grid: {bins: 2, binSize: 1, binUnit: hours}', 'grid: 3', 'grid: {bins: x}'), (nodes, grid) => {
      assertSame(['schemaVersion: 1', grid, 'nodes:', ...nodes, 'outputs: [a, {series: 1}]', ''].join('\n'), 'random');
    }),
    { numRuns: 200 },
  );
});
