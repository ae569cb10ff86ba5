// Legacy output shapes: `{id, source}` (→ `series: <source>`) and `filename` (→ `as`).
import { diag } from '../codes/make';
import { legacyCodes } from '../codes/legacy';
import type { TextEdit } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { joinPointer } from '../yaml/document';
import { deleteEntry, renameKey } from './edits';
import { fixOf } from './legacy-fix';
import { has, spanOf, type LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

export function outputsLegacy(doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult): void {
  if (!Array.isArray(root.outputs)) return;
  root.outputs.forEach((output, i) => {
    if (!isRecord(output)) return;
    const pointer = joinPointer('/outputs', i);
    if (has(output, 'source') || has(output, 'id')) idSource(doc, output, pointer, out);
    if (has(output, 'filename')) filename(doc, output, pointer, out);
  });
}

function idSource(doc: SourceDocument, output: Record<string, unknown>, pointer: string, out: LegacyResult): void {
  const hasId = has(output, 'id');
  const hasSource = has(output, 'source');
  const hasSeries = has(output, 'series');
  const idAt = joinPointer(pointer, 'id');
  const sourceAt = joinPointer(pointer, 'source');
  if (hasId) out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'id' });
  if (hasSource) out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'source' });
  if (!hasSeries) out.suppressions.push({ pointer, keyword: 'required', property: 'series' });
  const keys = [hasId ? idAt : undefined, hasSource ? sourceAt : undefined].filter((p): p is string => p !== undefined);
  const range = spanOf(keys.map((p) => doc.locate(p, 'key')));
  const written = [hasId ? '`id`' : '', hasSource ? '`source`' : ''].filter(Boolean).join('/');
  const data = { id: output.id, source: output.source };
  const dropId = hasId ? [deleteEntry(doc, idAt)] : [];
  let message: string;
  let edits: (TextEdit | undefined)[] = [];
  let title = '';
  if (hasSource && !hasSeries) {
    const series = typeof output.source === 'string' ? output.source : String(output.source);
    message = `output ${written} is the legacy form of \`series\`: write \`series: ${series}\`${hasId ? ' and drop `id`' : ''}`;
    edits = [...dropId, renameKey(doc, sourceAt, 'series')];
    title = `Use series: ${series}`;
  } else if (hasSeries) {
    message = `output ${written} is the legacy form of \`series\`, and this output already has \`series\`; delete ${hasId && hasSource ? 'them' : 'it'}`;
    edits = [...dropId, ...(hasSource ? [deleteEntry(doc, sourceAt)] : [])];
    title = `Delete ${written}`;
  } else {
    message = 'output `id` is the legacy form: an output names the node it exports with `series` (a node id or `*`)';
  }
  const fixes = edits.length > 0 && !overlapping(edits) ? fixOf(title, edits, data) : [];
  out.diagnostics.push(diag(legacyCodes['legacy.output-id-source'], message, range, { fixes }));
}

/** Two deletions of adjacent entries can overlap (both take the separator between them); such a fix is skipped. */
function overlapping(edits: (TextEdit | undefined)[]): boolean {
  const list = edits.filter((e): e is TextEdit => e !== undefined);
  const before = (a: TextEdit['range']['start'], b: TextEdit['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i].range;
      const b = list[j].range;
      if (before(a.start, b.end) && before(b.start, a.end)) return true;
    }
  }
  return false;
}

function filename(doc: SourceDocument, output: Record<string, unknown>, pointer: string, out: LegacyResult): void {
  const at = joinPointer(pointer, 'filename');
  out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'filename' });
  const data = { from: 'filename', to: 'as', value: output.filename };
  const already = has(output, 'as');
  const message = already
    ? 'output `filename` is the legacy key for `as`, and this output already has `as`; delete it'
    : 'output `filename` is the legacy key for `as`; rename it';
  const fixes = already
    ? fixOf('Delete `filename`', [deleteEntry(doc, at)], data)
    : fixOf('Rename `filename` to `as`', [renameKey(doc, at, 'as')], data);
  out.diagnostics.push(diag(legacyCodes['legacy.output-filename'], message, doc.locate(at, 'key'), { fixes }));
}
