// The fast path's tree in compact form: per-node numbers in typed arrays plus the FlowTime-typed JS value.
import type { ScalarStyle } from './document';

export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;

/** Flag bits. */
export const FLOW = 1;
/** A scalar scanned inside a flow collection (its text is read back with the flow rules). */
export const IN_FLOW = 2;
/** The empty value of `key:` with nothing after it (text ''; its offsets are where the value would start). */
export const EMPTY = 4;

export const STYLES: readonly ScalarStyle[] = ['plain', 'single', 'double', 'block'];
export const STYLE_CODE: Record<ScalarStyle, number> = { plain: 0, single: 1, double: 2, block: 3 };

/**
 * A 5,000-node model is some 40,000 nodes. As objects (with their pointer strings) they are most of what an
 * editor's validation allocates and most of what the garbage collector copies; as numbers they are a few typed
 * arrays. PositionedDocument answers lookups from these and makes YNode objects only for the nodes asked for.
 *
 * Nodes are numbered in the order they open (a collection before its children), so node 0 is the root. A node's
 * key (when its parent is a mapping) is stored with the node itself.
 */
export class CompactTree {
  count = 0;
  kind: Uint8Array;
  style: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  parent: Int32Array;
  keyStart: Int32Array;
  keyEnd: Int32Array;
  keyStyle: Uint8Array;
  /** Position of node i among its parent's children (its list index in a sequence). */
  slot: Int32Array;
  /** Children of collection i: children[childStart[i] .. childStart[i] + childCount[i]). */
  childStart: Int32Array;
  childCount: Int32Array;
  children: Int32Array;
  childLength = 0;
  /** Key of node i in its parent mapping (decoded), else undefined. */
  keys: (string | undefined)[];
  /** FlowTime-typed JS value of node i (what toJs builds from the YNode tree). */
  values: unknown[];

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.kind = new Uint8Array(n);
    this.style = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.keyStart = new Int32Array(n);
    this.keyEnd = new Int32Array(n);
    this.keyStyle = new Uint8Array(n);
    this.slot = new Int32Array(n);
    this.childStart = new Int32Array(n);
    this.childCount = new Int32Array(n);
    this.children = new Int32Array(n);
    this.keys = new Array<string | undefined>(n);
    this.values = new Array<unknown>(n);
  }

  /** A new node; its value and, for a collection, its children and end are set when it closes. */
  add(kind: number, start: number, end: number, style: number, flags: number, parent: number): number {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.style[i] = style;
    this.flags[i] = flags;
    this.start[i] = start;
    this.end[i] = end;
    this.parent[i] = parent;
    return i;
  }

  setKey(i: number, key: string, start: number, end: number, style: number): void {
    this.keys[i] = key;
    this.keyStart[i] = start;
    this.keyEnd[i] = end;
    this.keyStyle[i] = style;
  }

  /** Records the children of collection i (in order) from `list[from, to)`. */
  setChildren(i: number, list: readonly number[], from: number, to: number): void {
    const count = to - from;
    while (this.childLength + count > this.children.length) this.children = grown(this.children, this.children.length * 2);
    this.childStart[i] = this.childLength;
    this.childCount[i] = count;
    for (let k = from; k < to; k++) {
      this.slot[list[k]] = k - from;
      this.children[this.childLength++] = list[k];
    }
  }

  child(i: number, k: number): number {
    return this.children[this.childStart[i] + k];
  }

  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = grown(this.kind, n);
    this.style = grown(this.style, n);
    this.flags = grown(this.flags, n);
    this.start = grown(this.start, n);
    this.end = grown(this.end, n);
    this.parent = grown(this.parent, n);
    this.keyStart = grown(this.keyStart, n);
    this.keyEnd = grown(this.keyEnd, n);
    this.keyStyle = grown(this.keyStyle, n);
    this.slot = grown(this.slot, n);
    this.childStart = grown(this.childStart, n);
    this.childCount = grown(this.childCount, n);
    this.keys.length = n;
    this.values.length = n;
  }
}

function grown<T extends Uint8Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
