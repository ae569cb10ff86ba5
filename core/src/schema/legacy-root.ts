// Template-only top-level keys in a model (`metadata`, `window`, `generator`, `mode`): a model does not carry them.
import { diag } from '../codes/make';
import { legacyCodes } from '../codes/legacy';
import type { FixData } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { appendEntry, deleteEntry } from './edits';
import { fixOf } from './legacy-fix';
import { has, type LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

const TEMPLATE_KEYS = ['metadata', 'window', 'generator', 'mode'] as const;

const WHERE_INSTEAD: Record<(typeof TEMPLATE_KEYS)[number], string> = {
  metadata: '',
  window: '',
  generator: ' (a generated model records it as `provenance.generator`)',
  mode: ' (a generated model records it as `provenance.mode`)',
};

export function rootLegacy(doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult): void {
  for (const key of TEMPLATE_KEYS) {
    if (!has(root, key)) continue;
    const pointer = `/${key}`;
    out.suppressions.push({ pointer: '', keyword: 'additionalProperties', property: key });
    let message = `top-level \`${key}\` is not allowed in a model: it is a template key, and a model does not carry it${WHERE_INSTEAD[key]}`;
    const fixes: FixData[] = [];
    const start = key === 'window' && isRecord(root.window) ? root.window.start : undefined;
    const grid = root.grid;
    if (typeof start === 'string' && start !== '' && isRecord(grid) && !has(grid, 'start')) {
      message += '; move `window.start` to `grid.start`';
      fixes.push(
        ...fixOf(
          'Move window.start to grid.start',
          [appendEntry(doc, '/grid', 'start', JSON.stringify(start)), deleteEntry(doc, pointer)],
          { key, start },
        ),
      );
    }
    fixes.push(...fixOf(`Delete \`${key}\``, [deleteEntry(doc, pointer)], { key }));
    out.diagnostics.push(diag(legacyCodes['legacy.template-key'], message, doc.locate(pointer, 'key'), { fixes }));
  }
}
