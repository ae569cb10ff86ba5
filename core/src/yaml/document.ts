// The positioned document model: a typed tree plus a JSON-pointer index, so any finding maps to an exact range.
import type { Range } from '../diagnostics';
import { LineIndex } from '../text/line-index';
import { CompactTree, EMPTY, FLOW, IN_FLOW, MAP, SEQ, STYLES } from './compact-tree';
import { ScalarScanner } from './fast-scalar';
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
  /**
   * The key node of the mapping entry at `pointer` (undefined when there is none). Optional: it lets a document that
   * builds nodes on demand answer without building the whole parent mapping.
   */
  keyNode?(pointer: string): ScalarNode | undefined;
  /** The type and flow style of the node at `pointer`, without building it. Optional, as keyNode. */
  shapeOf?(pointer: string): { type: YNode['type']; flow: boolean } | undefined;
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

/** `joinPointer` for a mapping key, without the escaping regexes when the key needs none (the common case). */
function childPointer(base: string, key: string): string {
  return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? base + '/' + key : joinPointer(base, key);
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

/**
 * A parsed YAML document with positions. The fast parse path hands it a compact tree (compact-tree.ts): lookups are
 * answered from its numbers, and YNode objects are made only for the nodes asked for (the whole tree when `root` is
 * read), always the same object for the same node. The library path hands it YNode objects directly. Internal state
 * is kept in private fields, so two documents compare equal exactly when their text, lines and value do.
 */
export class PositionedDocument implements SourceDocument {
  readonly lines: LineIndex;
  #root: YNode | undefined;
  readonly #tree: CompactTree | undefined;
  /** Compact tree: YNode objects made so far, and key nodes, by node number. */
  #made: (YNode | undefined)[] | undefined;
  #madeKeys: (ScalarNode | undefined)[] | undefined;
  #scanner: ScalarScanner | undefined;
  /** Key indexes of large mappings, built on first lookup. */
  readonly #keyIndexes = new WeakMap<MapNode, Map<string, MapEntry>>();
  readonly #compactKeyIndexes = new Map<number, Map<string, number>>();

  constructor(
    readonly text: string,
    root: YNode | CompactTree | undefined,
    readonly value: unknown,
  ) {
    this.lines = new LineIndex(text);
    if (root instanceof CompactTree) this.#tree = root;
    else this.#root = root;
  }

  /** The whole tree as YNode objects. */
  get root(): YNode | undefined {
    const tree = this.#tree;
    if (this.#root === undefined && tree && tree.count > 0) this.#root = this.#make(tree, 0);
    return this.#root;
  }

  /**
   * The node at `pointer`, or (`exact` false) the deepest existing node on the way to it. Walks the tree from the root
   * comparing tokens in place: validators look up thousands of pointers per validation, and neither a cache nor
   * sliced tokens would be worth their allocations.
   */
  #resolve(pointer: string): { node: YNode; keyNode?: ScalarNode; exact: boolean } | undefined {
    let node = this.#root;
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
        const e = this.#entryOf(node, pointer, from, to);
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

  #entryOf(map: MapNode, pointer: string, from: number, to: number): MapEntry | undefined {
    const escaped = pointer.indexOf('~', from);
    const plain = escaped < 0 || escaped >= to;
    if (map.entries.length > SCAN_LIMIT || !plain) {
      const token = plain ? pointer.slice(from, to) : unescapePointerToken(pointer.slice(from, to));
      let index = this.#keyIndexes.get(map);
      if (!index) {
        index = new Map();
        // The first of duplicate keys wins, as in a scan.
        for (const e of map.entries) if (!index.has(e.key)) index.set(e.key, e);
        this.#keyIndexes.set(map, index);
      }
      return index.get(token);
    }
    const length = to - from;
    for (const e of map.entries) if (e.key.length === length && pointer.startsWith(e.key, from)) return e;
    return undefined;
  }

  /**
   * #resolve over the compact tree, without allocating: -1 for an empty tree, else `2 * node + 1` when the pointer
   * names the node exactly and `2 * node` for the deepest node on the way to a pointer that does not exist.
   */
  #find(tree: CompactTree, pointer: string): number {
    if (tree.count === 0) return -1;
    let node = 0;
    let at = 0;
    while (at < pointer.length) {
      const from = at === 0 && pointer.charCodeAt(0) !== 47 ? 0 : at + 1;
      const slash = pointer.indexOf('/', from);
      const to = slash < 0 ? pointer.length : slash;
      let child = -1;
      const kind = tree.kind[node];
      if (kind === SEQ) {
        const index = indexToken(pointer, from, to);
        if (index !== undefined && index < tree.childCount[node]) child = tree.child(node, index);
      } else if (kind === MAP) {
        child = this.#childByKey(tree, node, pointer, from, to);
      }
      if (child < 0) return 2 * node;
      node = child;
      at = to;
    }
    return 2 * node + 1;
  }

  #childByKey(tree: CompactTree, map: number, pointer: string, from: number, to: number): number {
    const escaped = pointer.indexOf('~', from);
    const plain = escaped < 0 || escaped >= to;
    const count = tree.childCount[map];
    const first = tree.childStart[map];
    if (count > SCAN_LIMIT || !plain) {
      const token = plain ? pointer.slice(from, to) : unescapePointerToken(pointer.slice(from, to));
      let index = this.#compactKeyIndexes.get(map);
      if (!index) {
        index = new Map();
        for (let k = 0; k < count; k++) {
          const c = tree.children[first + k];
          const key = tree.keys[c] as string;
          if (!index.has(key)) index.set(key, c);
        }
        this.#compactKeyIndexes.set(map, index);
      }
      return index.get(token) ?? -1;
    }
    const length = to - from;
    for (let k = 0; k < count; k++) {
      const c = tree.children[first + k];
      const key = tree.keys[c] as string;
      if (key.length === length && pointer.startsWith(key, from)) return c;
    }
    return -1;
  }

  /** The YNode object of compact node i (and of everything under it), made once. */
  #make(tree: CompactTree, i: number, known?: string): YNode {
    const made = (this.#made ??= new Array<YNode | undefined>(tree.count));
    const hit = made[i];
    if (hit) return hit;
    const pointer = known ?? this.#pointerOf(tree, i);
    const start = tree.start[i];
    const end = tree.end[i];
    const count = tree.childCount[i];
    const first = tree.childStart[i];
    let node: YNode;
    if (tree.kind[i] === MAP) {
      const entries = new Array<MapEntry>(count);
      for (let k = 0; k < count; k++) {
        const c = tree.children[first + k];
        const key = tree.keys[c] as string;
        const child = childPointer(pointer, key);
        entries[k] = { key, keyNode: this.#makeKey(tree, c, child), value: this.#make(tree, c, child) };
      }
      node = { type: 'map', entries, flow: (tree.flags[i] & FLOW) !== 0, start, end, pointer };
    } else if (tree.kind[i] === SEQ) {
      const items = new Array<YNode>(count);
      for (let k = 0; k < count; k++) items[k] = this.#make(tree, tree.children[first + k], pointer + '/' + k);
      node = { type: 'seq', items, flow: (tree.flags[i] & FLOW) !== 0, start, end, pointer };
    } else {
      node = { type: 'scalar', value: tree.values[i] as ScalarValue, text: this.#textOf(tree, i), style: STYLES[tree.style[i]], start, end, pointer };
    }
    made[i] = node;
    return node;
  }

  /** The key of compact node i (whose parent is a mapping) as a scalar node, made once. */
  #makeKey(tree: CompactTree, i: number, known?: string): ScalarNode {
    const made = (this.#madeKeys ??= new Array<ScalarNode | undefined>(tree.count));
    const hit = made[i];
    if (hit) return hit;
    const key = tree.keys[i] as string;
    const node: ScalarNode = {
      type: 'scalar',
      value: key,
      text: key,
      style: STYLES[tree.keyStyle[i]],
      start: tree.keyStart[i],
      end: tree.keyEnd[i],
      pointer: known ?? this.#pointerOf(tree, i),
    };
    made[i] = node;
    return node;
  }

  #pointerOf(tree: CompactTree, i: number): string {
    if (i === 0) return '';
    const made = this.#made?.[i];
    if (made) return made.pointer;
    const parent = tree.parent[i];
    const base = this.#pointerOf(tree, parent);
    return tree.kind[parent] === SEQ ? base + '/' + tree.slot[i] : childPointer(base, tree.keys[i] as string);
  }

  /** A scalar's decoded text, read again from the source with the rules it was parsed with. */
  #textOf(tree: CompactTree, i: number): string {
    if ((tree.flags[i] & EMPTY) !== 0) return '';
    const s = (this.#scanner ??= new ScalarScanner(this.text));
    const start = tree.start[i];
    if ((tree.flags[i] & IN_FLOW) !== 0) s.flow(start);
    else s.block(start);
    return s.text;
  }

  #hasKey(tree: CompactTree, i: number): boolean {
    return i > 0 && tree.kind[tree.parent[i]] === MAP;
  }

  node(pointer: string): YNode | undefined {
    const tree = this.#tree;
    if (tree) {
      const r = this.#find(tree, pointer);
      return r >= 0 && (r & 1) === 1 ? this.#make(tree, r >> 1) : undefined;
    }
    const r = this.#resolve(pointer);
    return r?.exact ? r.node : undefined;
  }

  keyNode(pointer: string): ScalarNode | undefined {
    const tree = this.#tree;
    if (tree) {
      const r = this.#find(tree, pointer);
      return r >= 0 && (r & 1) === 1 && this.#hasKey(tree, r >> 1) ? this.#makeKey(tree, r >> 1) : undefined;
    }
    const r = this.#resolve(pointer);
    return r?.exact ? r.keyNode : undefined;
  }

  /**
   * For indexes keyed by node (a compactly parsed document only; -1 otherwise): `2 * id + 1` when `pointer` names node
   * `id`, `2 * id` when it does not exist and `id` is the deepest node on its way. Ids run from 0 (the root) to
   * nodeCount - 1; parentId climbs.
   */
  nodeId(pointer: string): number {
    const tree = this.#tree;
    return tree ? this.#find(tree, pointer) : -1;
  }

  get nodeCount(): number {
    return this.#tree?.count ?? 0;
  }

  /** The parent of node `id` (-1 for the root). */
  parentId(id: number): number {
    return id === 0 || !this.#tree ? -1 : this.#tree.parent[id];
  }

  shapeOf(pointer: string): { type: YNode['type']; flow: boolean } | undefined {
    const tree = this.#tree;
    if (tree) {
      const r = this.#find(tree, pointer);
      if (r < 0 || (r & 1) === 0) return undefined;
      const i = r >> 1;
      const kind = tree.kind[i];
      return { type: kind === MAP ? 'map' : kind === SEQ ? 'seq' : 'scalar', flow: (tree.flags[i] & FLOW) !== 0 };
    }
    const n = this.node(pointer);
    return n ? { type: n.type, flow: n.type !== 'scalar' && n.flow } : undefined;
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  locate(pointer: string, part: Part = 'value'): Range {
    const tree = this.#tree;
    if (tree) {
      const r = this.#find(tree, pointer);
      if (r < 0) return this.rangeOf(0, 0);
      const i = r >> 1;
      const exact = (r & 1) === 1;
      const keyed = this.#hasKey(tree, i);
      if (keyed && ((part === 'key' && exact) || tree.start[i] === tree.end[i] || !exact)) return this.rangeOf(tree.keyStart[i], tree.keyEnd[i]);
      return this.rangeOf(tree.start[i], tree.end[i]);
    }
    const r = this.#resolve(pointer);
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
