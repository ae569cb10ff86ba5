// Document symbols for the outline and breadcrumbs: grid, parameters, nodes by kind, topology, outputs, classes.
import type { Range } from '../diagnostics';
import type { MapEntry, YNode } from '../yaml/document';
import type { Analysis } from './analysis';
import { PositionCursor } from './position-cursor';
import { eachItem, field, itemStart, scalarText } from './symbols-tree';
import type { DocumentSymbolEntry, SymbolKind } from './types';

const DETAIL_MAX = 60;

export function documentSymbols(a: Analysis): DocumentSymbolEntry[] {
  const root = a.parsed.doc.root;
  if (root?.type !== 'map') return [];
  const o = new Outline(a);
  const out: DocumentSymbolEntry[] = [];
  for (const e of root.entries) {
    switch (e.key) {
      case 'grid':
        out.push(o.grid(e));
        break;
      case 'parameters':
        out.push(o.section(e, o.items(e.value, (item, i) => o.parameter(item, i))));
        break;
      case 'nodes':
        out.push(o.section(e, o.nodesByKind(e.value)));
        break;
      case 'topology':
        out.push(o.section(e, o.topology(e.value)));
        break;
      case 'outputs':
        out.push(o.section(e, o.items(e.value, (item, i) => o.output(item, i))));
        break;
      case 'classes':
        out.push(o.section(e, o.items(e.value, (item, i) => o.idEntry(item, i, 'class', scalarText(field(item, 'displayName'))))));
        break;
    }
  }
  return out;
}

class Outline {
  private readonly cursor: PositionCursor;

  constructor(private readonly a: Analysis) {
    this.cursor = new PositionCursor(a.lines);
  }

  grid(e: MapEntry): DocumentSymbolEntry {
    const g = e.value;
    const bins = scalarText(field(g, 'bins'));
    const size = scalarText(field(g, 'binSize'));
    const unit = scalarText(field(g, 'binUnit'));
    const detail = bins !== undefined && size !== undefined ? `${bins} bins × ${size} ${unit ?? ''}`.trim() : undefined;
    return this.entry('grid', 'grid', this.entryRange(e), this.range(e.keyNode.start, e.keyNode.end), detail);
  }

  section(e: MapEntry, children: DocumentSymbolEntry[]): DocumentSymbolEntry {
    const out = this.entry(e.key || '(section)', 'section', this.entryRange(e), this.range(e.keyNode.start, e.keyNode.end));
    if (children.length > 0) {
      out.children = children;
      out.detail = `${children.length}`;
    }
    return out;
  }

  items(seq: YNode, fn: (item: YNode, index: number) => DocumentSymbolEntry | undefined): DocumentSymbolEntry[] {
    const out: DocumentSymbolEntry[] = [];
    eachItem(seq, (item, i) => {
      const s = fn(item, i);
      if (s) out.push(s);
    });
    return out;
  }

  parameter(item: YNode, index: number): DocumentSymbolEntry | undefined {
    const type = scalarText(field(item, 'type'));
    const def = field(item, 'default');
    const shown = def ? this.a.text.slice(def.start, def.end) : undefined;
    const detail = [type, shown !== undefined && shown !== '' ? `= ${shown}` : undefined].filter(Boolean).join(' ');
    return this.named(item, index, field(item, 'name'), 'parameter', detail || undefined);
  }

  /** Nodes under one entry per kind (in order of first appearance); a kind's range spans its first to last node. */
  nodesByKind(seq: YNode): DocumentSymbolEntry[] {
    const groups = new Map<string, { first: YNode | undefined; members: DocumentSymbolEntry[] }>();
    eachItem(seq, (item, i) => {
      const kindNode = field(item, 'kind');
      const kind = scalarText(kindNode) ?? '(no kind)';
      const s = this.idEntry(item, i, 'node', nodeDetail(item, kind));
      let g = groups.get(kind);
      if (!g) {
        g = { first: kindNode, members: [] };
        groups.set(kind, g);
      }
      g.members.push(s);
    });
    const out: DocumentSymbolEntry[] = [];
    for (const [kind, g] of groups) {
      const first = g.members[0];
      const last = g.members[g.members.length - 1];
      const range: Range = { start: first.range.start, end: last.range.end };
      const selection = g.first && g.first.end > g.first.start ? this.range(g.first.start, g.first.end) : first.selectionRange;
      const detail = `${g.members.length} node${g.members.length === 1 ? '' : 's'}`;
      out.push({ ...this.entry(kind, 'section', range, selection, detail), children: g.members });
    }
    return out;
  }

  topology(t: YNode): DocumentSymbolEntry[] {
    if (t.type !== 'map') return [];
    const out: DocumentSymbolEntry[] = [];
    for (const e of t.entries) {
      if (e.key === 'nodes') {
        out.push(this.section(e, this.items(e.value, (item, i) => this.idEntry(item, i, 'topology', scalarText(field(item, 'kind'))))));
      } else if (e.key === 'edges') {
        out.push(this.section(e, this.items(e.value, (item, i) => this.edge(item, i))));
      } else if (e.key === 'constraints') {
        out.push(this.section(e, this.items(e.value, (item, i) => this.idEntry(item, i, 'constraint'))));
      }
    }
    return out;
  }

  edge(item: YNode, index: number): DocumentSymbolEntry {
    const from = field(item, 'from');
    const to = field(item, 'to');
    const name = `${scalarText(from) ?? '?'} → ${scalarText(to) ?? '?'}`;
    const detail = [scalarText(field(item, 'type')), scalarText(field(item, 'id'))].filter(Boolean).join(' ');
    return this.named(item, index, from, 'edge', detail || undefined, name);
  }

  output(item: YNode, index: number): DocumentSymbolEntry {
    return this.named(item, index, field(item, 'series') ?? field(item, 'source'), 'output', scalarText(field(item, 'as')));
  }

  idEntry(item: YNode, index: number, kind: SymbolKind, detail?: string): DocumentSymbolEntry {
    return this.named(item, index, field(item, 'id'), kind, detail);
  }

  /** An entry named by one of its values (`id`, `name`, `series`), selecting that value; `#n` when there is none. */
  named(item: YNode, index: number, nameNode: YNode | undefined, kind: SymbolKind, detail?: string, name?: string): DocumentSymbolEntry {
    const start = itemStart(this.a.text, item.start);
    const range = this.range(start, Math.max(item.end, start));
    const text = scalarText(nameNode)?.trim();
    const selection = nameNode && nameNode.end > nameNode.start ? this.range(nameNode.start, nameNode.end) : { start: range.start, end: range.start };
    return this.entry(name ?? (text || `#${index + 1}`), kind, range, selection, detail);
  }

  private entry(name: string, kind: SymbolKind, range: Range, selectionRange: Range, detail?: string): DocumentSymbolEntry {
    const out: DocumentSymbolEntry = { name, kind, range, selectionRange };
    if (detail) out.detail = clip(detail);
    return out;
  }

  private entryRange(e: MapEntry): Range {
    return this.range(e.keyNode.start, Math.max(e.keyNode.end, e.value.end));
  }

  private range(start: number, end: number): Range {
    return this.cursor.range(start, end);
  }
}

function nodeDetail(item: YNode, kind: string): string | undefined {
  switch (kind) {
    case 'expr':
      return scalarText(field(item, 'expr'));
    case 'const': {
      const values = field(item, 'values');
      return values?.type === 'seq' ? `${values.items.length} values` : scalarText(values);
    }
    case 'pmf': {
      const values = field(field(item, 'pmf'), 'values');
      return values?.type === 'seq' ? `${values.items.length} outcomes` : undefined;
    }
    case 'serviceWithBuffer': {
      const inflow = scalarText(field(item, 'inflow'));
      const outflow = scalarText(field(item, 'outflow'));
      return inflow || outflow ? `${inflow ?? '?'} → ${outflow ?? '?'}` : undefined;
    }
    case 'router': {
      const queue = scalarText(field(field(item, 'inputs'), 'queue'));
      const targets: string[] = [];
      eachItem(field(item, 'routes'), (r) => {
        const t = scalarText(field(r, 'target'));
        if (t) targets.push(t);
      });
      return `${queue ?? '?'} → ${targets.join(', ')}`;
    }
    default:
      return undefined;
  }
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > DETAIL_MAX ? `${one.slice(0, DETAIL_MAX - 1)}…` : one;
}
