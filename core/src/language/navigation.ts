// Go to definition, find references, rename and document symbols for node, topology, class, constraint and parameter names.
import type { Position, Range } from '../diagnostics';
import type { Analysis } from './analysis';
import { compareRanges, targetAt } from './nav-target';

export { prepareRename, rename } from './nav-rename';
export { documentSymbols } from './nav-outline';

/** Where the name under the cursor is declared (every declaration when an id is repeated); [] when nowhere. */
export function definition(a: Analysis, pos: Position): Range[] {
  const t = targetAt(a, pos);
  if (!t) return [];
  return t.defs.map((d) => d.range);
}

/** Every place that names the symbol under the cursor, in document order, with its declarations when asked. */
export function references(a: Analysis, pos: Position, includeDeclaration: boolean): Range[] {
  const t = targetAt(a, pos);
  if (!t) return [];
  const out = t.refs.map((r) => r.range);
  if (includeDeclaration) out.push(...t.defs.map((d) => d.range));
  return out.sort(compareRanges);
}
