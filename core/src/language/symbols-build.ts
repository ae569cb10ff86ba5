// Builds the symbol index in one walk of the positioned tree: ids declared, and every field or expression naming one.
import { collectReferences } from '../expr/check';
import { parseSeriesRef } from '../model/series-ref';
import { findPlaceholders } from '../template/subst-scan';
import type { PositionedDocument, ScalarNode, YNode } from '../yaml/document';
import { DocumentSymbolIndex, sortSymbols } from './symbols';
import type { IndexedSymbol, RefContext, SymbolCategory, SymbolDef, SymbolSource } from './symbols';
import { parseExpressionSite, touchesMask } from './symbols-expr';
import type { ExpressionSite } from './symbols-expr';
import { stringToSource } from './symbols-offsets';
import { PositionCursor } from './position-cursor';
import { eachItem, field, itemStart, scalarText } from './symbols-tree';
import { NODE_SERIES_KEYS, SEMANTICS_SERIES_KEYS, CONSTRAINT_SERIES_KEYS, isNumericText } from './symbols-fields';

export interface BuiltIndex {
  index: DocumentSymbolIndex;
  /** Every expression value, parsed on first use (the same parse the references come from). */
  expressions(): ExpressionSite[];
}

/**
 * Nothing is walked until asked: the defs walk skips everything but ids; the refs walk parses each expression once
 * and keeps the parse for semantic tokens and hover.
 */
export function buildSymbolIndex(doc: PositionedDocument, template: boolean): BuiltIndex {
  let refs: Builder | undefined;
  const refWalk = (): Builder => {
    if (!refs) {
      refs = new Builder(doc, template, 'refs');
      refs.run();
    }
    return refs;
  };
  const source: SymbolSource = {
    defs: () => {
      const b = new Builder(doc, template, 'defs');
      b.run();
      return sortSymbols(b.entries);
    },
    refs: () => sortSymbols(refWalk().entries),
  };
  return { index: new DocumentSymbolIndex(source), expressions: () => refWalk().expressions };
}

class Builder {
  readonly expressions: ExpressionSite[] = [];
  readonly entries: IndexedSymbol[] = [];
  private readonly text: string;
  private readonly lines: PositionCursor;

  constructor(
    private readonly doc: PositionedDocument,
    private readonly template: boolean,
    private readonly mode: 'defs' | 'refs',
  ) {
    this.text = doc.text;
    this.lines = new PositionCursor(doc.lines);
  }

  run(): void {
    const root = this.doc.root;
    if (root && root.type === 'map') {
      for (const e of root.entries) {
        switch (e.key) {
          case 'nodes':
            eachItem(e.value, (item) => this.node(item));
            break;
          case 'outputs':
            eachItem(e.value, (item) => {
              this.nameRef(field(item, 'series'), 'node', 'output', true);
              // The legacy `{id, source}` shape names the node in `source`.
              this.nameRef(field(item, 'source'), 'node', 'output', true);
            });
            break;
          case 'classes':
            eachItem(e.value, (item) => this.nameDef(field(item, 'id'), 'class', item));
            break;
          case 'traffic':
            eachItem(field(e.value, 'arrivals'), (item) => {
              this.nameRef(field(item, 'nodeId'), 'node', 'arrival');
              this.nameRef(field(item, 'classId'), 'class', 'arrival', true);
            });
            break;
          case 'topology':
            this.topology(e.value);
            break;
          case 'parameters':
            if (this.template) eachItem(e.value, (item) => this.nameDef(field(item, 'name'), 'parameter', item));
            break;
        }
      }
    }
    if (this.template && this.mode === 'refs') this.placeholders();
  }

  // ---- sections ------------------------------------------------------------------------------------------------

  private node(item: YNode): void {
    if (item.type !== 'map') return;
    const kind = scalarText(field(item, 'kind'));
    this.nameDef(field(item, 'id'), 'node', item, kind);
    if (this.mode === 'defs') return;
    for (const e of item.entries) {
      switch (e.key) {
        case 'expr':
        case 'expression':
          if (e.value.type === 'scalar') this.expression(e.value);
          break;
        case 'dependencies':
          eachItem(e.value, (dep) => this.nameRef(dep, 'node', 'expr'));
          break;
        case 'inputs':
          this.nameRef(field(e.value, 'queue'), 'node', 'router');
          break;
        case 'routes':
          eachItem(e.value, (route) => {
            this.nameRef(field(route, 'target'), 'node', 'router');
            eachItem(field(route, 'classes'), (c) => this.nameRef(c, 'class', 'router', true));
          });
          break;
        case 'dispatchSchedule':
          this.nameRef(field(e.value, 'capacitySeries'), 'node', 'dispatch');
          break;
        default:
          if (NODE_SERIES_KEYS.has(e.key)) this.nameRef(e.value, 'node', 'buffer');
      }
    }
  }

  private topology(value: YNode): void {
    eachItem(field(value, 'nodes'), (item) => {
      if (item.type !== 'map') return;
      this.nameDef(field(item, 'id'), 'topology', item, scalarText(field(item, 'kind')));
      for (const e of item.entries) {
        switch (e.key) {
          case 'semantics':
            if (e.value.type !== 'map') break;
            for (const s of e.value.entries) {
              if (SEMANTICS_SERIES_KEYS.has(s.key)) this.seriesRef(s.value, 'semantics');
              // A number, or a numeric string, is a literal parallelism; any other string names a series.
              else if (s.key === 'parallelism' && s.value.type === 'scalar' && typeof s.value.value === 'string' && !isNumericText(s.value.text)) {
                this.seriesRef(s.value, 'semantics');
              }
            }
            break;
          case 'constraints':
            eachItem(e.value, (c) => this.nameRef(c, 'constraint', 'constraint'));
            break;
          case 'wipLimitSeries':
            this.nameRef(e.value, 'node', 'buffer');
            break;
          case 'wipOverflow':
            if (e.value.type === 'scalar' && e.value.text.trim().toLowerCase() !== 'loss') this.nameRef(e.value, 'topology', 'buffer');
            break;
          case 'dispatchSchedule':
            this.nameRef(field(e.value, 'capacitySeries'), 'node', 'dispatch');
            break;
        }
      }
    });
    eachItem(field(value, 'edges'), (item) => {
      this.edgeEnd(field(item, 'from'));
      this.edgeEnd(field(item, 'to'));
    });
    eachItem(field(value, 'constraints'), (item) => {
      this.nameDef(field(item, 'id'), 'constraint', item);
      const semantics = field(item, 'semantics');
      if (semantics?.type !== 'map') return;
      for (const s of semantics.entries) if (CONSTRAINT_SERIES_KEYS.has(s.key)) this.seriesRef(s.value, 'constraint');
    });
  }

  private placeholders(): void {
    const scalars = this.placeholderScalars();
    let k = 0;
    for (const p of findPlaceholders(this.text)) {
      // Placeholders come in text order, so one pointer walk over the scalars that hold any finds their owners.
      while (k < scalars.length && scalars[k].end <= p.start) k++;
      const owner = k < scalars.length && scalars[k].start <= p.start ? scalars[k].pointer : '';
      this.add('parameter', p.name, p.start, p.end, owner, 'placeholder');
    }
  }

  /** Scalars (keys included) whose source holds `${`, in text order. */
  private placeholderScalars(): ScalarNode[] {
    const out: ScalarNode[] = [];
    const visit = (n: YNode): void => {
      if (n.type === 'scalar') {
        if (n.text.includes('${')) out.push(n);
      } else if (n.type === 'seq') n.items.forEach(visit);
      else
        for (const e of n.entries) {
          if (e.keyNode.text.includes('${')) out.push(e.keyNode);
          visit(e.value);
        }
    };
    if (this.doc.root) visit(this.doc.root);
    out.sort((a, b) => a.start - b.start);
    return out;
  }

  // ---- leaves --------------------------------------------------------------------------------------------------

  private expression(node: ScalarNode): void {
    if (this.mode === 'defs') return;
    const site = parseExpressionSite(this.text, node, this.template);
    this.expressions.push(site);
    const expr = site.outcome.expr;
    if (!expr) return;
    for (const r of collectReferences(expr)) {
      if (site.masks.length > 0 && touchesMask(site, r.start, r.end)) continue;
      this.add('node', r.name, site.offset(r.start), site.offset(r.end), node.pointer, 'expr');
    }
  }

  /** A topology semantics / constraint series reference: `[series:]node[@class]`; `self` and `file:` name no node. */
  private seriesRef(value: YNode, context: RefContext): void {
    if (this.mode === 'defs') return;
    if (value.type !== 'scalar' || value.text === '' || hasPlaceholder(value.text)) return;
    const ref = parseSeriesRef(value.text);
    if (ref.kind !== 'node') return;
    const map = stringToSource(this.text, value);
    this.add('node', ref.nodeId, map(ref.nodeStart), map(ref.nodeEnd), value.pointer, context);
    if (ref.classId !== undefined) this.add('class', ref.classId, map(ref.classStart!), map(ref.classEnd!), value.pointer, context);
  }

  /** `Node:port`: only the part before the first colon names a topology node. */
  private edgeEnd(value: YNode | undefined): void {
    if (this.mode === 'defs') return;
    if (value?.type !== 'scalar' || hasPlaceholder(value.text)) return;
    const raw = value.text;
    const colon = raw.indexOf(':');
    const [s, e] = trimmed(raw, 0, colon >= 0 ? colon : raw.length);
    if (s === e) return;
    const map = stringToSource(this.text, value);
    this.add('topology', raw.slice(s, e), map(s), map(e), value.pointer, 'edge');
  }

  /** A field whose whole (trimmed) value is a name; where `wildcard` is set, `*` patterns are not names. */
  private nameRef(value: YNode | undefined, category: SymbolCategory, context: RefContext, wildcard = false): void {
    if (this.mode === 'defs') return;
    if (value?.type !== 'scalar' || hasPlaceholder(value.text)) return;
    const [s, e] = trimmed(value.text, 0, value.text.length);
    if (s === e) return;
    const name = value.text.slice(s, e);
    // `*` (every series / every class) and the Rust engine's `prefix/*` output patterns name no single symbol.
    if (wildcard && name.includes('*')) return;
    const map = stringToSource(this.text, value);
    this.add(category, name, map(s), map(e), value.pointer, context);
  }

  private nameDef(value: YNode | undefined, category: SymbolCategory, entry: YNode, kind?: string): void {
    if (this.mode === 'refs') return;
    if (value?.type !== 'scalar' || hasPlaceholder(value.text)) return;
    const [s, e] = trimmed(value.text, 0, value.text.length);
    if (s === e) return;
    const map = stringToSource(this.text, value);
    const start = map(s);
    const end = map(e);
    if (end <= start) return;
    const lines = this.lines;
    const entryStart = itemStart(this.text, entry.start);
    const def: SymbolDef = {
      category,
      name: value.text.slice(s, e),
      range: lines.range(start, end),
      entryRange: lines.range(entryStart, Math.max(entry.end, end)),
      pointer: value.pointer,
    };
    if (kind !== undefined) def.kind = kind;
    this.entries.push({ start, end, def });
  }

  private add(category: SymbolCategory, name: string, start: number, end: number, pointer: string, context: RefContext): void {
    if (end <= start) return;
    this.entries.push({ start, end, ref: { category, name, range: this.lines.range(start, end), pointer, context } });
  }
}

function hasPlaceholder(s: string): boolean {
  return s.includes('${');
}

function trimmed(s: string, from: number, to: number): [number, number] {
  while (from < to && /\s/.test(s[from])) from++;
  while (to > from && /\s/.test(s[to - 1])) to--;
  return [from, to];
}
