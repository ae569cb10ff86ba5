// Legacy node shapes in a model: `expression` (→ `expr`), `dependencies` (derived from expr), the PMF map form.
import { diag } from '../codes/make';
import { legacyCodes } from '../codes/legacy';
import type { SourceDocument } from '../yaml/document';
import { joinPointer } from '../yaml/document';
import { typePlainScalar } from '../yaml/scalar-typing';
import { deleteEntry, flowText, renameKey, replaceValue } from './edits';
import { fixOf } from './legacy-fix';
import { has, type LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

export function nodesLegacy(doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult): void {
  if (!Array.isArray(root.nodes)) return;
  root.nodes.forEach((node, i) => {
    if (!isRecord(node)) return;
    const pointer = joinPointer('/nodes', i);
    const name = typeof node.id === 'string' && node.id !== '' ? `node '${node.id}'` : `nodes[${i}]`;
    if (has(node, 'expression')) expression(doc, node, pointer, name, out);
    if (has(node, 'dependencies')) dependencies(doc, pointer, out);
    if (isRecord(node.pmf)) pmfMap(doc, node.pmf, pointer, name, out);
  });
}

function expression(doc: SourceDocument, node: Record<string, unknown>, pointer: string, name: string, out: LegacyResult): void {
  const at = joinPointer(pointer, 'expression');
  out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'expression' });
  const data = { from: 'expression', to: 'expr', node: node.id };
  const range = doc.locate(at, 'key');
  if (has(node, 'expr')) {
    const message = `\`expression\` is the legacy key for \`expr\`, and ${name} already has \`expr\`; delete it`;
    const fixes = fixOf('Delete `expression`', [deleteEntry(doc, at)], data);
    out.diagnostics.push(diag(legacyCodes['legacy.node-expression'], message, range, { fixes }));
    return;
  }
  out.suppressions.push({ pointer, keyword: 'required', property: 'expr' });
  const value = node.expression;
  const needsQuotes = typeof value === 'number' || typeof value === 'boolean';
  const source = doc.node(at);
  const text = source?.type === 'scalar' ? source.text : String(value);
  let message = `\`expression\` is the legacy key for \`expr\`: write the expression of ${name} under \`expr\``;
  if (needsQuotes) message += ` as a quoted string ("${text}")`;
  const edits = [renameKey(doc, at, 'expr')];
  if (needsQuotes) edits.push(replaceValue(doc, at, JSON.stringify(text)));
  // Renaming only helps an expr node: on another kind `expr` would just be the next unknown key.
  const fixes = node.kind === 'expr' ? fixOf(needsQuotes ? 'Rename `expression` to `expr` and quote it' : 'Rename `expression` to `expr`', edits, data) : [];
  out.diagnostics.push(diag(legacyCodes['legacy.node-expression'], message, range, { fixes }));
}

function dependencies(doc: SourceDocument, pointer: string, out: LegacyResult): void {
  const at = joinPointer(pointer, 'dependencies');
  out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'dependencies' });
  const message = '`dependencies` is not allowed on a model node: models derive dependencies from `expr`; delete it';
  const fixes = fixOf('Delete `dependencies`', [deleteEntry(doc, at)], { key: 'dependencies' });
  out.diagnostics.push(diag(legacyCodes['legacy.node-dependencies'], message, doc.locate(at, 'key'), { fixes }));
}

function pmfMap(doc: SourceDocument, pmf: Record<string, unknown>, pointer: string, name: string, out: LegacyResult): void {
  if (has(pmf, 'values') || has(pmf, 'probabilities')) return;
  // Prefer the written order; plain objects list integer-like keys first.
  const positioned = doc.node(joinPointer(pointer, 'pmf'));
  const keys = positioned?.type === 'map' ? positioned.entries.map((e) => e.key) : Object.keys(pmf);
  if (keys.length === 0) return;
  const values: number[] = [];
  const probabilities: number[] = [];
  for (const k of keys) {
    const v = typePlainScalar(k);
    const p = pmf[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || typeof p !== 'number') return;
    values.push(v);
    probabilities.push(p);
  }
  const at = joinPointer(pointer, 'pmf');
  out.suppressions.push({ pointer: at, subtree: true });
  const text = flowText({ values, probabilities });
  const message = `\`pmf\` of ${name} uses the legacy value→probability map; write \`pmf: ${text}\``;
  const edit =
    positioned !== undefined
      ? { range: { start: doc.locate(at, 'key').end, end: doc.locate(at, 'value').end }, newText: `: ${text}` }
      : undefined;
  const fixes = fixOf('Convert the PMF to values + probabilities lists', [edit], { values, probabilities });
  out.diagnostics.push(diag(legacyCodes['legacy.pmf-map'], message, doc.locate(at, 'key'), { fixes }));
}
