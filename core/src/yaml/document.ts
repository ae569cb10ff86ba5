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

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${typeof token === 'number' ? token : escapePointerToken(token)}`;
}

/** The list index a pointer token [from, to) names (`0` or no leading zero), or undefined. */
function indexToken(pointer: string, from: number, to: number): number | undefined {
  if (to <= from || (to - from > 1 && pointer.charCodeAt(from) === 48)) return undefined;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = pointer.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** Maps with more entries than this get a key index on first lookup; smaller ones are scanned. */
const SCAN_LIMIT = 16;

/** A parsed YAML document with positions. */
export class PositionedDocument implements SourceDocument {
  readonly lines: LineIndex;
  /** Key indexes of large mappings, built on first lookup. */
  private readonly keyIndexes = new WeakMap<MapNode, Map<string, MapEntry>>();

  constructor(
    readonly text: string,
    readonly root: YNode | undefined,
    readonly value: unknown,
  ) {
    this.lines = new LineIndex(text);
  }

  /**
   * The node at `pointer`, or (`exact` false) the deepest existing node on the way to it. Walks the tree from the root
   * comparing tokens in place: validators look up thousands of pointers per validation, and neither a cache nor
   * sliced tokens would be worth their allocations.
   */
  private resolve(pointer: string): { node: YNode; keyNode?: ScalarNode; exact: boolean } | undefined {
    let node = this.root;
    if (!node) return undefined;
    let keyNode: ScalarNode | undefined;
    let at = 0;
    while (at < pointer.length) {
      // pointer[at] is '/': the token runs to the next '/'. A first token without its '/' reads as if it had one.
      const from = at === 0 && pointer.charCodeAt(0) !== 47 ? 0 : at + 1;
      const slash = pointer.indexOf('/', from);
      const to = slash < 0 ? pointer.length : slash;
      let child: YNode | undefined;
      let childKey: ScalarNode | undefined;
      if (node.type === 'seq') {
        const index = indexToken(pointer, from, to);
        child = index === undefined ? undefined : node.items[index];
      } else if (node.type === 'map') {
        const e = this.entryOf(node, pointer, from, to);
        if (e) {
          child = e.value;
          childKey = e.keyNode;
        }
      }
      if (!child) return { node, keyNode, exact: false };
      node = child;
      keyNode = childKey;
      at = to;
    }
    return { node, keyNode, exact: true };
  }

  private entryOf(map: MapNode, pointer: string, from: number, to: number): MapEntry | undefined {
    const escaped = pointer.indexOf('~', from);
    const plain = escaped < 0 || escaped >= to;
    if (map.entries.length > SCAN_LIMIT || !plain) {
      const token = plain ? pointer.slice(from, to) : unescapePointerToken(pointer.slice(from, to));
      return this.keyIndex(map).get(token);
    }
    const length = to - from;
    for (const e of map.entries) if (e.key.length === length && pointer.startsWith(e.key, from)) return e;
    return undefined;
  }

  private keyIndex(map: MapNode): Map<string, MapEntry> {
    let index = this.keyIndexes.get(map);
    if (!index) {
      index = new Map();
      // The first of duplicate keys wins, as in a scan.
      for (const e of map.entries) if (!index.has(e.key)) index.set(e.key, e);
      this.keyIndexes.set(map, index);
    }
    return index;
  }

  node(pointer: string): YNode | undefined {
    const r = this.resolve(pointer);
    return r?.exact ? r.node : undefined;
  }

  keyNode(pointer: string): ScalarNode | undefined {
    const r = this.resolve(pointer);
    return r?.exact ? r.keyNode : undefined;
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  locate(pointer: string, part: Part = 'value'): Range {
    const r = this.resolve(pointer);
    if (!r) return this.rangeOf(0, 0);
    const { node: n, keyNode, exact } = r;
    if (part === 'key' && keyNode && exact) return this.rangeOf(keyNode.start, keyNode.end);
    // An empty value has no width; point at its key instead so the editor shows something.
    if (n.start === n.end && keyNode) return this.rangeOf(keyNode.start, keyNode.end);
    if (!exact && keyNode) return this.rangeOf(keyNode.start, keyNode.end);
    return this.rangeOf(n.start, n.end);
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
