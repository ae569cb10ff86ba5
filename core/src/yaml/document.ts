// The positioned document model: a typed tree plus a JSON-pointer index, so any finding maps to an exact range.
import type { Range } from '../diagnostics';
import { LineIndex } from '../text/line-index';
import type { ScalarValue } from './scalar-typing';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

interface NodeBase {
  /** Offsets into the source text (UTF-16). */
  start: number;
  end: number;
  pointer: string;
}

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: ScalarValue;
  /** The string content before FlowTime typing (escapes decoded). */
  text: string;
  style: ScalarStyle;
}

export interface MapEntry {
  key: string;
  keyNode: ScalarNode;
  value: YNode;
}

export interface MapNode extends NodeBase {
  type: 'map';
  entries: MapEntry[];
  flow: boolean;
}

export interface SeqNode extends NodeBase {
  type: 'seq';
  items: YNode[];
  flow: boolean;
}

export type YNode = ScalarNode | MapNode | SeqNode;

export type Part = 'key' | 'value';

/** Anything the validators can report against: a value plus a way to locate a JSON pointer in some text. */
export interface SourceDocument {
  readonly value: unknown;
  /** Range of the key or value at `pointer`; falls back to the nearest ancestor that exists. */
  locate(pointer: string, part?: Part): Range;
  /** The positioned node at `pointer`, when the document has one. */
  node(pointer: string): YNode | undefined;
  /** Range in the document of characters [from, to) of the string value at `pointer` (expression positions). */
  locateInString(pointer: string, from: number, to: number): Range;
}

interface IndexEntry {
  node: YNode;
  keyNode?: ScalarNode;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${typeof token === 'number' ? token : escapePointerToken(token)}`;
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** A parsed YAML document with positions. */
export class PositionedDocument implements SourceDocument {
  readonly lines: LineIndex;
  /** Lookups made so far; pointers are resolved by walking the tree on demand, since most are never asked for. */
  private readonly index = new Map<string, IndexEntry | null>();

  constructor(
    readonly text: string,
    readonly root: YNode | undefined,
    readonly value: unknown,
  ) {
    this.lines = new LineIndex(text);
  }

  private entry(pointer: string): IndexEntry | undefined {
    const hit = this.index.get(pointer);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.resolve(pointer);
    this.index.set(pointer, found ?? null);
    return found;
  }

  private resolve(pointer: string): IndexEntry | undefined {
    if (!this.root) return undefined;
    if (pointer === '') return { node: this.root };
    const parent = parentPointer(pointer);
    const up = parent === undefined ? undefined : this.entry(parent);
    if (!up) return undefined;
    const token = unescapePointerToken(pointer.slice(pointer.lastIndexOf('/') + 1));
    const node = up.node;
    if (node.type === 'seq') {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      const item = node.items[Number(token)];
      return item ? { node: item } : undefined;
    }
    if (node.type === 'map') {
      for (const e of node.entries) if (e.key === token) return { node: e.value, keyNode: e.keyNode };
    }
    return undefined;
  }

  node(pointer: string): YNode | undefined {
    return this.entry(pointer)?.node;
  }

  keyNode(pointer: string): ScalarNode | undefined {
    return this.entry(pointer)?.keyNode;
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  locate(pointer: string, part: Part = 'value'): Range {
    let p: string | undefined = pointer;
    let exact = true;
    while (p !== undefined) {
      const entry = this.entry(p);
      if (entry) {
        if (part === 'key' && entry.keyNode && exact) return this.rangeOf(entry.keyNode.start, entry.keyNode.end);
        const n = entry.node;
        // An empty value has no width; point at its key instead so the editor shows something.
        if (n.start === n.end && entry.keyNode) return this.rangeOf(entry.keyNode.start, entry.keyNode.end);
        if (!exact && entry.keyNode) return this.rangeOf(entry.keyNode.start, entry.keyNode.end);
        return this.rangeOf(n.start, n.end);
      }
      exact = false;
      p = parentPointer(p);
    }
    return this.rangeOf(0, 0);
  }

  locateInString(pointer: string, from: number, to: number): Range {
    const n = this.node(pointer);
    if (!n || n.type !== 'scalar') return this.locate(pointer);
    const a = scalarSourceOffset(this.text, n, from);
    const b = to > from ? scalarSourceOffset(this.text, n, to) : a;
    return this.rangeOf(a, Math.max(a, b));
  }
}

/**
 * Maps an index into a scalar's decoded string to an offset in the source. Exact for single-line plain and quoted
 * scalars (escapes included); for folded or block scalars it walks both texts, treating runs of whitespace as one.
 */
export function scalarSourceOffset(text: string, node: ScalarNode, index: number): number {
  const value = node.text;
  let src = node.start;
  if (node.style === 'single' || node.style === 'double') src += 1;
  if (node.style === 'block') {
    // Skip the indicator line (`|`, `>-` ...).
    const nl = text.indexOf('\n', src);
    src = nl < 0 ? node.end : nl + 1;
  }
  let v = 0;
  while (v < index && v < value.length && src < node.end) {
    const sc = text[src];
    const vc = value[v];
    if (node.style === 'double' && sc === '\\') {
      src += escapeLength(text, src);
      v += 1;
      continue;
    }
    if (node.style === 'single' && sc === "'" && text[src + 1] === "'") {
      src += 2;
      v += 1;
      continue;
    }
    if (sc === vc) {
      src += 1;
      v += 1;
      continue;
    }
    if (/\s/.test(sc)) {
      // Folding or indentation in the source that the value does not carry.
      src += 1;
      if (/\s/.test(vc) && !/\s/.test(text[src] ?? '')) v += 1;
      continue;
    }
    src += 1;
    v += 1;
  }
  return Math.min(src, node.end);
}

function escapeLength(text: string, at: number): number {
  const c = text[at + 1];
  if (c === 'x') return 4;
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  return 2;
}
