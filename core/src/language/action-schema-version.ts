// Adds `schemaVersion: 1` above the first key when the core reported it missing without attaching the fix itself.
import type { ActionProvider } from './action-context';
import { quickFix } from './action-context';
import { columnOf, insertAt } from './action-yaml';

/**
 * A template's generated model repeats "schemaVersion is required" from the model stage, where the edit cannot be
 * computed; it gets the same edit as the template finding (the two collapse into one action).
 */
export const addSchemaVersion: ActionProvider = (ctx, d) => {
  if (d.fixes && d.fixes.length > 0) return [];
  if (d.code === 'schema.missing-key' && !d.message.startsWith('`schemaVersion`')) return [];
  const root = ctx.doc.root;
  if (root?.type !== 'map' || root.flow || root.entries.some((e) => e.key === 'schemaVersion')) return [];
  const col = columnOf(ctx.doc, root.start);
  return [quickFix('Add schemaVersion: 1', d, [insertAt(ctx.doc, root.start, `schemaVersion: 1\n${' '.repeat(col)}`)], true)];
};
