// Resolves an editor position to the symbol under it (a def or a ref) and everything that shares its name.
import type { Position, Range } from '../diagnostics';
import type { Analysis } from './analysis';
import type { SymbolCategory, SymbolDef, SymbolRef } from './symbols';

export interface NavTarget {
  category: SymbolCategory;
  /** The name as written at the position. */
  name: string;
  /** The def or ref under the position. */
  hit: SymbolDef | SymbolRef;
  isDef: boolean;
  defs: SymbolDef[];
  refs: SymbolRef[];
}

export function targetAt(a: Analysis, pos: Position): NavTarget | undefined {
  const found = a.symbols.at(a.lines.offset(pos));
  const hit = found?.def ?? found?.ref;
  if (!hit) return undefined;
  return {
    category: hit.category,
    name: hit.name,
    hit,
    isDef: found?.def !== undefined,
    defs: a.symbols.definitions(hit.category, hit.name),
    refs: a.symbols.references(hit.category, hit.name),
  };
}

/** The characters of the name itself: for a `${param}` placeholder, what is between the braces. */
export function nameSpan(a: Analysis, s: SymbolDef | SymbolRef): [number, number] {
  const start = a.lines.offset(s.range.start);
  const end = a.lines.offset(s.range.end);
  if ('context' in s && s.context === 'placeholder') return [start + 2, end - 1];
  return [start, end];
}

export function compareRanges(x: Range, y: Range): number {
  return x.start.line - y.start.line || x.start.character - y.start.character || x.end.line - y.end.line || x.end.character - y.end.character;
}
