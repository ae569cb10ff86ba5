// Fast path for parseYaml: a one-pass char-code scanner for the YAML subset FlowTime files use; gives up otherwise.
import { joinPointer } from './document';
import type { MapEntry, MapNode, ScalarNode, SeqNode, YNode } from './document';
import { ScalarScanner } from './fast-scalar';

/*
 * The tree must equal the one the library path builds, offsets included. Scalars are easy; collection ends are not:
 * the library ends a collection where its last token ends, and blank lines and comments after the last entry belong
 * to whichever collection the yaml CST parser hands them to. The rules mirrored here (yaml 2.x parser.js):
 *  - after a value that ends its line (a scalar or a flow collection), comment lines indented deeper than the
 *    innermost block collection extend that value, until the first comment that is not (MERGE below);
 *  - from that comment on, comments form a trailing item of the innermost collection; when the collection closes the
 *    item moves up to the parent if the collection is at column 0 or every comment in it is left of the collection's
 *    column, otherwise it stays and the collection ends at its last comment;
 *  - after `key:` with nothing on the line, every blank or comment line belongs to the empty value (SEP below).
 * Anything outside the subset returns undefined and the library path (the reference) takes over.
 */

// Character codes are module-local on purpose (see fast-scalar.ts).
const LF = 10;
const CR = 13;
const SP = 32;
const HASH = 35;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** How skipTrivia attributes comment lines (see the header comment). */
const NONE = 0;
const MERGE = 1;
const SEP = 2;

/** Keys longer than this get the library's 1024-character implicit key error; stay clear of the boundary. */
const MAX_KEY = 1000;

export interface FastParseOutcome {
  root?: YNode;
  /** Why the fast path gave up, and where (for tests and diagnosis). */
  reason?: string;
  at?: number;
}

/** The positioned tree for text in the supported subset, or undefined when the library path must parse it. */
export function fastParseTree(text: string): YNode | undefined {
  return new FastParser(text).parse();
}

export function explainFastParse(text: string): FastParseOutcome {
  const p = new FastParser(text);
  const root = p.parse();
  return root ? { root } : { reason: p.reason, at: p.at };
}

const WS = /\s/;

/** Placeholders until a collection closes and takes its exact-size array; never part of a returned tree. */
const NO_ENTRIES: MapEntry[] = [];
const NO_ITEMS: YNode[] = [];

/** Same trimming as the library path: collection ranges end on content, not on trailing whitespace. */
function trimEnd(t: string, start: number, end: number): number {
  let e = Math.min(end, t.length);
  while (e > start && WS.test(t[e - 1])) e--;
  return e;
}

function childPointer(base: string, key: string): string {
  return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? base + '/' + key : joinPointer(base, key);
}

class FastParser {
  private readonly n: number;
  private pos = 0;
  /** Start offset and column of the current content line; col is -1 at the end of the document. */
  private lineStart = 0;
  private col = 0;
  /** Raw (untrimmed) end of the last finished value: the library's range[2]. */
  private lastRawEnd = 0;
  /** Pending trailing comment item of the innermost collection: count, rightmost column, end of its last line. */
  private trailCount = 0;
  private trailMax = -1;
  private trailEnd = 0;
  private merging = false;
  /** Raw end of an empty value (`key:`): its position, or the end of the last comment that followed it. */
  private sepRaw = 0;
  private docStartAllowed = true;
  /** Result of the last scalar scan. */
  private readonly s: ScalarScanner;
  /**
   * Entries and items of the collections being parsed, innermost last: a collection takes an exact-size copy of its
   * part when it closes (slots above the top are stale and overwritten). Arrays grown by push keep room for 16
   * elements, which for thousands of two- and three-entry mappings was a fifth of the tree.
   */
  private readonly entryStack: MapEntry[] = [];
  private entryTop = 0;
  private readonly itemStack: YNode[] = [];
  private itemTop = 0;
  reason = '';
  at = 0;

  constructor(private readonly t: string) {
    this.n = t.length;
    this.s = new ScalarScanner(t);
  }

  parse(): YNode | undefined {
    const t = this.t;
    if (this.n === 0) return this.fail('empty text', 0);
    // The lexer drops a byte order mark at the start of any line before the document, not only at offset 0.
    const bom = t.indexOf('\uFEFF');
    if (bom >= 0) return this.fail('byte order mark', bom);
    const tab = t.indexOf('\t');
    if (tab >= 0) return this.fail('tab character', tab);
    for (let r = t.indexOf('\r'); r >= 0; r = t.indexOf('\r', r + 1)) {
      if (t.charCodeAt(r + 1) !== LF) return this.fail('carriage return without line feed', r);
    }
    if (!this.skipTrivia(NONE, 0)) return undefined;
    this.docStartAllowed = false;
    if (this.col < 0) return this.fail('no content', this.n);
    if (this.col !== 0) return this.fail('indented root', this.pos);
    const dash = this.dashKind();
    if (dash === 2) return this.fail('empty sequence item', this.pos);
    const root = dash === 1 ? this.parseSeq(0, '') : this.parseMap(0, '');
    if (!root) return undefined;
    return this.atEnd() ? root : this.fail('content after the root collection', this.pos);
  }

  private fail(reason: string, at: number): undefined {
    this.reason = reason;
    this.at = at;
    return undefined;
  }

  private failB(reason: string, at: number): false {
    this.fail(reason, at);
    return false;
  }

  private pushEntry(e: MapEntry): void {
    this.entryStack[this.entryTop++] = e;
  }

  private pushItem(item: YNode): void {
    this.itemStack[this.itemTop++] = item;
  }

  /** The entries pushed since `base`, as an exact-size array; they leave the stack. */
  private takeEntries(base: number): MapEntry[] {
    const out = this.entryStack.slice(base, this.entryTop);
    this.entryTop = base;
    return out;
  }

  private takeItems(base: number): YNode[] {
    const out = this.itemStack.slice(base, this.itemTop);
    this.itemTop = base;
    return out;
  }

  private atEnd(): boolean {
    return this.col === -1;
  }

  /** Offset of the line feed ending the line that contains i (or the end of the text). */
  private lineEnd(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 ? this.n : e;
  }

  /** What the yaml lexer calls empty at i (tabs excepted: a text with a tab never gets this far). */
  private isEmptyAt(i: number): boolean {
    if (i >= this.n) return true;
    const c = this.t.charCodeAt(i);
    return c === SP || c === LF || c === CR;
  }

  /** 1: `- ` starts an item here; 2: a `-` alone on its line (not supported); 0: no sequence indicator. */
  private dashKind(): number {
    const p = this.pos;
    if (this.t.charCodeAt(p) !== DASH) return 0;
    if (p + 1 >= this.n) return 2;
    const c = this.t.charCodeAt(p + 1);
    if (c === SP) return 1;
    return c === LF || c === CR ? 2 : 0;
  }

  /** True when only spaces and an optional space-separated comment follow i on its line. */
  private restIsComment(i: number): boolean {
    let j = i;
    while (j < this.n && this.t.charCodeAt(j) === SP) j++;
    if (j >= this.n) return true;
    const c = this.t.charCodeAt(j);
    return c === LF || c === CR || (c === HASH && j > i);
  }

  /**
   * From the start of a line, skips blank and comment lines (attributing comments per `mode`) and stops at the first
   * content line: sets lineStart, col and pos. Handles a leading `---` and a final `...`.
   */
  private skipTrivia(mode: number, indent: number): boolean {
    const t = this.t;
    const n = this.n;
    if (mode === MERGE) {
      this.merging = true;
      this.trailCount = 0;
      this.trailMax = -1;
    }
    let ls = this.pos;
    for (;;) {
      let i = ls;
      while (i < n && t.charCodeAt(i) === SP) i++;
      if (i >= n) {
        this.col = -1;
        this.pos = n;
        return true;
      }
      const c = t.charCodeAt(i);
      if (c === LF) {
        ls = i + 1;
        continue;
      }
      if (c === CR) {
        ls = i + 2;
        continue;
      }
      if (c === HASH) {
        const e = this.lineEnd(i);
        const col = i - ls;
        if (mode === MERGE) {
          if (this.merging && col > indent) this.lastRawEnd = e;
          else {
            this.merging = false;
            this.trailCount++;
            if (col > this.trailMax) this.trailMax = col;
            this.trailEnd = e;
          }
        } else if (mode === SEP) this.sepRaw = e;
        ls = e + 1;
        continue;
      }
      if (i === ls && (c === DASH || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c && this.isEmptyAt(i + 3)) {
        if (!this.restIsComment(i + 3)) return this.failB('content after a document marker', i);
        if (c === DASH) {
          if (!this.docStartAllowed) return this.failB('second document', i);
          this.docStartAllowed = false;
          ls = this.lineEnd(i) + 1;
          continue;
        }
        return this.afterDocumentEnd(this.lineEnd(i));
      }
      this.lineStart = ls;
      this.col = i - ls;
      this.pos = i;
      return true;
    }
  }

  /** After `...` only blank and comment lines may follow (anything else is another document). */
  private afterDocumentEnd(lineEnd: number): boolean {
    const t = this.t;
    const n = this.n;
    let e = lineEnd;
    while (e < n) {
      let j = e + 1;
      while (j < n && t.charCodeAt(j) === SP) j++;
      if (j >= n) break;
      const c = t.charCodeAt(j);
      if (c !== LF && c !== CR && c !== HASH) return this.failB('content after the document end marker', j);
      e = this.lineEnd(j);
    }
    this.col = -1;
    this.pos = n;
    return true;
  }

  /** Ends a block collection on the line that closed it (see the header comment for the trailing-comment rule). */
  private close<T extends MapNode | SeqNode>(node: T, indent: number): T {
    let raw = this.lastRawEnd;
    if (this.trailCount > 0 && indent !== 0 && this.trailMax >= indent) {
      raw = this.trailEnd;
      this.trailCount = 0;
    }
    node.end = trimEnd(this.t, node.start, raw);
    this.lastRawEnd = raw;
    return node;
  }

  /** A block mapping whose first key starts at pos, in column m. Returns with pos at the next content line. */
  private parseMap(m: number, pointer: string): MapNode | undefined {
    const t = this.t;
    const n = this.n;
    const base = this.entryTop;
    const node: MapNode = { type: 'map', entries: NO_ENTRIES, flow: false, start: this.pos, end: this.pos, pointer };
    let seen: Set<string> | undefined;
    for (;;) {
      const keyStart = this.pos;
      if (!this.scanBlock(keyStart)) return undefined;
      if (!this.s.keyFollows()) return this.fail('expected a mapping key', keyStart);
      const colon = this.s.stopPos;
      if (colon - keyStart > MAX_KEY) return this.fail('very long key', keyStart);
      const key = this.s.text;
      if (key === '<<') return this.fail('merge key', keyStart);
      if (seen) {
        if (seen.has(key)) return this.fail('duplicate key', keyStart);
        seen.add(key);
      } else {
        for (let k = base; k < this.entryTop; k++) if (this.entryStack[k].key === key) return this.fail('duplicate key', keyStart);
        if (this.entryTop - base >= 8) {
          seen = new Set();
          for (let k = base; k < this.entryTop; k++) seen.add(this.entryStack[k].key);
          seen.add(key);
        }
      }
      const child = childPointer(pointer, key);
      const keyNode: ScalarNode = { type: 'scalar', value: key, text: key, style: this.s.style, start: keyStart, end: this.s.end, pointer: child };
      let i = colon + 1;
      while (i < n && t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      let value: YNode | undefined;
      if (i >= n || c === LF || c === CR || c === HASH) {
        // `key:` with nothing after it: a nested block collection on the next lines, or an empty value.
        const e = this.lineEnd(i);
        this.sepRaw = c === HASH ? e : i;
        this.pos = e + 1;
        if (!this.skipTrivia(SEP, m)) return undefined;
        const dash = this.col >= m ? this.dashKind() : 0;
        if (dash === 2) return this.fail('empty sequence item', this.pos);
        if (this.col > m || dash === 1) {
          value = dash === 1 ? this.parseSeq(this.col, child) : this.parseMap(this.col, child);
          if (!value) return undefined;
        } else {
          value = { type: 'scalar', value: '', text: '', style: 'plain', start: i, end: i, pointer: child };
          this.lastRawEnd = this.sepRaw;
          this.trailCount = 0;
        }
      } else {
        value = this.parseInlineValue(i, child, m + 1, m);
        if (!value) return undefined;
      }
      this.pushEntry({ key, keyNode, value });
      if (this.col === m) {
        if (this.dashKind() !== 0) return this.fail('sequence item at the column of a mapping', this.pos);
        continue;
      }
      if (this.col > m) return this.fail('unexpected indentation', this.pos);
      node.entries = this.takeEntries(base);
      return this.close(node, m);
    }
  }

  /** A block sequence whose first `- ` is at pos, in column s. Returns with pos at the next content line. */
  private parseSeq(s: number, pointer: string): SeqNode | undefined {
    const t = this.t;
    const n = this.n;
    const base = this.itemTop;
    const node: SeqNode = { type: 'seq', items: NO_ITEMS, flow: false, start: this.pos, end: this.pos, pointer };
    for (;;) {
      let i = this.pos + 1;
      while (i < n && t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      if (i >= n || c === LF || c === CR || c === HASH) return this.fail('empty sequence item', this.pos);
      if (c === DASH && this.isEmptyAt(i + 1)) return this.fail('sequence inside a sequence item line', i);
      const ptr = pointer + '/' + (this.itemTop - base);
      let item: YNode | undefined;
      if (c === LBRACKET || c === LBRACE) item = this.parseInlineValue(i, ptr, s + 1, s);
      else {
        if (!this.scanBlock(i)) return undefined;
        if (this.s.keyFollows()) {
          // `- key: value`: a mapping whose column is that of its first key.
          this.pos = i;
          item = this.parseMap(i - this.lineStart, ptr);
        } else item = this.finishScalarValue(i, ptr, s);
      }
      if (!item) return undefined;
      this.pushItem(item);
      if (this.col === s) {
        const dash = this.dashKind();
        if (dash === 1) continue;
        if (dash === 2) return this.fail('empty sequence item', this.pos);
      } else if (this.col > s) return this.fail('unexpected indentation', this.pos);
      node.items = this.takeItems(base);
      return this.close(node, s);
    }
  }

  /** A value that starts at i on a key or item line and ends that line (a flow collection may span lines). */
  private parseInlineValue(i: number, pointer: string, indentNext: number, inner: number): YNode | undefined {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) {
      this.pos = i;
      const node = this.parseFlow(pointer, 1, indentNext);
      if (!node) return undefined;
      const after = this.pos;
      let j = after;
      while (j < this.n && t.charCodeAt(j) === SP) j++;
      const d = t.charCodeAt(j);
      if (!(j >= this.n || d === LF || d === CR || (d === HASH && j > after))) return this.fail('content after a flow collection', j);
      if (!this.endValueLine(j, inner)) return undefined;
      // The library's flow collection range runs over its line's comment and any deeper-indented comments after it.
      node.end = trimEnd(t, node.start, this.lastRawEnd);
      return node;
    }
    if (!this.scanBlock(i)) return undefined;
    if (this.s.keyFollows()) return this.fail('mapping on the line of a key', this.s.stopPos);
    return this.finishScalarValue(i, pointer, inner);
  }

  private finishScalarValue(start: number, pointer: string, inner: number): ScalarNode | undefined {
    if (!this.s.endsLine()) return this.fail('unexpected content after a scalar', this.s.stopPos);
    const node = this.scalarNode(start, pointer);
    if (!this.endValueLine(this.s.stopPos, inner)) return undefined;
    return node;
  }

  private endValueLine(from: number, inner: number): boolean {
    const e = this.lineEnd(from);
    this.lastRawEnd = e;
    this.pos = e + 1;
    return this.skipTrivia(MERGE, inner);
  }

  private scalarNode(start: number, pointer: string): ScalarNode {
    const s = this.s;
    return { type: 'scalar', value: s.value(), text: s.text, style: s.style, start, end: s.end, pointer };
  }

  private scanBlock(i: number): boolean {
    return this.s.block(i) || this.failB(this.s.reason, this.s.at);
  }

  private scanFlow(i: number): boolean {
    return this.s.flow(i) || this.failB(this.s.reason, this.s.at);
  }

  /**
   * A flow collection at pos (depth 1 = outermost). Continuation lines must be indented at least indentNext, except a
   * closing bracket of the outermost collection one column less, exactly as the yaml lexer allows.
   */
  private parseFlow(pointer: string, depth: number, indentNext: number): MapNode | SeqNode | undefined {
    const t = this.t;
    const start = this.pos;
    const isMap = t.charCodeAt(start) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const entryBase = this.entryTop;
    const itemBase = this.itemTop;
    const node: MapNode | SeqNode = isMap
      ? { type: 'map', entries: NO_ENTRIES, flow: true, start, end: start, pointer }
      : { type: 'seq', items: NO_ITEMS, flow: true, start, end: start, pointer };
    this.pos = start + 1;
    if (!this.skipFlowSpace(depth, indentNext)) return undefined;
    if (t.charCodeAt(this.pos) !== close) {
      for (;;) {
        if (isMap) {
          const keyStart = this.pos;
          const kc = t.charCodeAt(keyStart);
          if (kc === LBRACKET || kc === LBRACE) return this.fail('collection as a key', keyStart);
          if (!this.scanFlow(keyStart)) return undefined;
          if (!this.s.keyFollows() || t.charCodeAt(this.s.stopPos + 1) !== SP) return this.fail('expected key: value in a flow mapping', keyStart);
          const key = this.s.text;
          if (key === '<<') return this.fail('merge key', keyStart);
          for (let k = entryBase; k < this.entryTop; k++) if (this.entryStack[k].key === key) return this.fail('duplicate key', keyStart);
          const child = childPointer(pointer, key);
          const keyNode: ScalarNode = { type: 'scalar', value: key, text: key, style: this.s.style, start: keyStart, end: this.s.end, pointer: child };
          let j = this.s.stopPos + 1;
          while (t.charCodeAt(j) === SP) j++;
          const value = this.parseFlowValue(j, child, depth, indentNext);
          if (!value) return undefined;
          this.pushEntry({ key, keyNode, value });
        } else {
          const value = this.parseFlowValue(this.pos, pointer + '/' + (this.itemTop - itemBase), depth, indentNext);
          if (!value) return undefined;
          this.pushItem(value);
        }
        if (!this.skipFlowSpace(depth, indentNext)) return undefined;
        const d = t.charCodeAt(this.pos);
        if (d === COMMA) {
          this.pos++;
          if (!this.skipFlowSpace(depth, indentNext)) return undefined;
          if (t.charCodeAt(this.pos) === close) break;
          continue;
        }
        if (d === close) break;
        return this.fail('expected , or the closing bracket', this.pos);
      }
    }
    this.pos++;
    node.end = this.pos;
    if (node.type === 'map') node.entries = this.takeEntries(entryBase);
    else node.items = this.takeItems(itemBase);
    return node;
  }

  private parseFlowValue(j: number, pointer: string, depth: number, indentNext: number): YNode | undefined {
    const c = this.t.charCodeAt(j);
    if (c === LBRACKET || c === LBRACE) {
      this.pos = j;
      return this.parseFlow(pointer, depth + 1, indentNext);
    }
    if (j >= this.n || c === LF || c === CR || c === COMMA || c === RBRACKET || c === RBRACE) return this.fail('empty value in a flow collection', j);
    if (!this.scanFlow(j)) return undefined;
    if (this.s.keyFollows()) return this.fail('key: value inside a flow sequence or value', this.s.stopPos);
    const node = this.scalarNode(j, pointer);
    this.pos = this.s.end;
    return node;
  }

  /** Skips spaces and line breaks inside a flow collection, checking continuation lines' indentation. */
  private skipFlowSpace(depth: number, indentNext: number): boolean {
    const t = this.t;
    const n = this.n;
    let i = this.pos;
    for (;;) {
      if (i >= n) return this.failB('unclosed flow collection', i);
      const c = t.charCodeAt(i);
      if (c === SP) {
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        i += c === CR ? 2 : 1;
        const ls = i;
        while (i < n && t.charCodeAt(i) === SP) i++;
        if (i >= n) return this.failB('unclosed flow collection', i);
        const d = t.charCodeAt(i);
        if (d === LF || d === CR) continue;
        const indent = i - ls;
        const closingMarker = depth === 1 && indent === indentNext - 1 && (d === RBRACKET || d === RBRACE);
        if (indent < indentNext && !closingMarker) return this.failB('flow collection line not indented enough', i);
        continue;
      }
      if (c === HASH) return this.failB('comment inside a flow collection', i);
      this.pos = i;
      return true;
    }
  }
}
