// The symbol index of a document: every declared id (node, topology, class, constraint, parameter) and every place that refers to one.
import type { Range } from '../diagnostics';

export type SymbolCategory = 'node' | 'topology' | 'class' | 'parameter' | 'constraint';

export interface SymbolDef {
  category: SymbolCategory;
  name: string;
  /** The id/name value. */
  range: Range;
  /** The whole list item. */
  entryRange: Range;
  pointer: string;
  /** Node or topology kind. */
  kind?: string;
}

export type RefContext =
  | 'expr'
  | 'output'
  | 'semantics'
  | 'edge'
  | 'router'
  | 'buffer'
  | 'dispatch'
  | 'arrival'
  | 'constraint'
  | 'class'
  | 'placeholder';

export interface SymbolRef {
  category: SymbolCategory;
  name: string;
  /** Just the name; for `Node:port` only `Node`; inside expressions the identifier; for `${p}` the whole placeholder. */
  range: Range;
  pointer: string;
  context: RefContext;
}

export interface SymbolHit {
  def?: SymbolDef;
  ref?: SymbolRef;
}

export interface SymbolIndex {
  readonly defs: SymbolDef[];
  readonly refs: SymbolRef[];
  definitions(category: SymbolCategory, name: string): SymbolDef[];
  references(category: SymbolCategory, name: string): SymbolRef[];
  at(offset: number): SymbolHit | undefined;
}

/** A def or ref with its source offsets (kept for binary search and edits). */
export interface IndexedSymbol {
  start: number;
  end: number;
  def?: SymbolDef;
  ref?: SymbolRef;
}

/**
 * Topology and constraint ids are matched case-insensitively by the engines (edges, wipOverflow, node constraint
 * lists); node, class and parameter names are matched exactly.
 */
export function symbolKey(category: SymbolCategory, name: string): string {
  return category === 'topology' || category === 'constraint' ? `${category}\u0000${name.toLowerCase()}` : `${category}\u0000${name}`;
}

/** Where an index gets its symbols: defs are cheap (no expression parsing), refs need every expression parsed. */
export interface SymbolSource {
  /** Sorted by start offset, without overlaps. */
  defs(): IndexedSymbol[];
  /** Sorted by start offset, without overlaps. */
  refs(): IndexedSymbol[];
}

export const EMPTY_SOURCE: SymbolSource = { defs: () => [], refs: () => [] };

/**
 * Completion only needs the declared ids, so they are collected on first use without parsing a single expression;
 * references (and the offset-sorted array behind `at`) are built, once, on the first question that needs them.
 */
export class DocumentSymbolIndex implements SymbolIndex {
  private defEntries: IndexedSymbol[] | undefined;
  private defList: SymbolDef[] | undefined;
  private refList: SymbolRef[] | undefined;
  private all: IndexedSymbol[] | undefined;
  private defMap: Map<string, SymbolDef[]> | undefined;
  private refMap: Map<string, SymbolRef[]> | undefined;

  constructor(private readonly source: SymbolSource = EMPTY_SOURCE) {}

  get defs(): SymbolDef[] {
    this.defList ??= this.defSymbols().map((s) => s.def!);
    return this.defList;
  }

  get refs(): SymbolRef[] {
    this.load();
    return this.refList!;
  }

  /** Every def and ref, by start offset. */
  get sorted(): readonly IndexedSymbol[] {
    return this.load();
  }

  definitions(category: SymbolCategory, name: string): SymbolDef[] {
    this.defMap ??= group(this.defs);
    return this.defMap.get(symbolKey(category, name)) ?? [];
  }

  references(category: SymbolCategory, name: string): SymbolRef[] {
    this.refMap ??= group(this.refs);
    return this.refMap.get(symbolKey(category, name)) ?? [];
  }

  at(offset: number): SymbolHit | undefined {
    const found = this.entryAt(offset);
    if (!found) return undefined;
    return found.def ? { def: found.def } : { ref: found.ref };
  }

  /** The symbol whose span contains `offset`; a span ending exactly at `offset` counts when none starts there. */
  entryAt(offset: number): IndexedSymbol | undefined {
    const list = this.load();
    let lo = 0;
    let hi = list.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (last < 0) return undefined;
    const here = list[last];
    return offset <= here.end ? here : undefined;
  }

  private defSymbols(): IndexedSymbol[] {
    this.defEntries ??= this.source.defs();
    return this.defEntries;
  }

  private load(): IndexedSymbol[] {
    if (this.all) return this.all;
    const defs = this.defSymbols();
    const refs = this.source.refs();
    this.refList = refs.map((s) => s.ref!);
    this.all = merge(defs, refs);
    return this.all;
  }
}

/** Merges two sorted lists; where spans overlap (an alias repeating a subtree), the earlier one wins. */
function merge(a: readonly IndexedSymbol[], b: readonly IndexedSymbol[]): IndexedSymbol[] {
  const out: IndexedSymbol[] = [];
  let i = 0;
  let j = 0;
  let lastEnd = -1;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
    if (next.start < lastEnd) continue;
    out.push(next);
    lastEnd = next.end;
  }
  return out;
}

/** Sorts by start offset and drops spans that overlap an earlier one (aliases repeat a subtree's offsets). */
export function sortSymbols(list: IndexedSymbol[]): IndexedSymbol[] {
  // The walk is in text order but for a few fields; skip the sort when nothing is out of place.
  let ordered = true;
  for (let i = 1; i < list.length && ordered; i++) ordered = list[i - 1].start < list[i].start;
  if (!ordered) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: IndexedSymbol[] = [];
  let lastEnd = -1;
  for (const s of list) {
    if (s.start < lastEnd) continue;
    out.push(s);
    lastEnd = s.end;
  }
  return out;
}

function group<T extends { category: SymbolCategory; name: string }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const s of list) {
    const key = symbolKey(s.category, s.name);
    const bucket = map.get(key);
    if (bucket) bucket.push(s);
    else map.set(key, [s]);
  }
  return map;
}
