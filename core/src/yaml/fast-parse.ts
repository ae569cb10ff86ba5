// Fast path for parseYaml: a one-pass char-code scanner for the YAML subset FlowTime files use; gives up otherwise.
import { CompactTree, EMPTY, FLOW, IN_FLOW, MAP, SCALAR, SEQ, STYLE_CODE } from './compact-tree';
import { PositionedDocument } from './document';
import type { YNode } from './document';
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

/** The compact tree for text in the supported subset, or undefined when the library path must parse it. */
export function fastParseCompact(text: string): CompactTree | undefined {
  const p = new FastParser(text);
  return p.parse() === undefined ? undefined : p.tree;
}

/** The positioned tree (as YNode objects) for text in the supported subset, or undefined. */
export function fastParseTree(text: string): YNode | undefined {
  return explainFastParse(text).root;
}

export function explainFastParse(text: string): FastParseOutcome {
  const p = new FastParser(text);
  if (p.parse() === undefined) return { reason: p.reason, at: p.at };
  return { root: new PositionedDocument(text, p.tree, p.tree.values[0]).root };
}

const WS = /\s/;



/** Same trimming as the library path: collection ranges end on content, not on trailing whitespace. */
function trimEnd(t: string, start: number, end: number): number {
  let e = Math.min(end, t.length);
  while (e > start && WS.test(t[e - 1])) e--;
  return e;
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
  /** The nodes built so far (see compact-tree.ts); node numbers stand for nodes below. */
  readonly tree: CompactTree;
  /** Children of the collections being parsed, innermost last (slots above the top are stale and overwritten). */
  private readonly childStack: number[] = [];
  private childTop = 0;
  reason = '';
  at = 0;

  constructor(private readonly t: string) {
    this.n = t.length;
    this.s = new ScalarScanner(t);
    // About one node per 8 characters in FlowTime files; the arrays grow if not.
    this.tree = new CompactTree(t.length >> 3);
  }

  parse(): number | undefined {
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
    const root = dash === 1 ? this.parseSeq(0, -1) : this.parseMap(0, -1);
    if (root === undefined) return undefined;
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

  private pushChild(node: number): void {
    this.childStack[this.childTop++] = node;
  }

  /** Gives mapping `node` the children pushed since `base` and its value (what toJs builds); they leave the stack. */
  private closeMap(node: number, base: number): void {
    const tree = this.tree;
    tree.setChildren(node, this.childStack, base, this.childTop);
    const obj: Record<string, unknown> = {};
    for (let k = base; k < this.childTop; k++) {
      const c = this.childStack[k];
      const key = tree.keys[c] as string;
      // A plain assignment makes the same own data property, except for `__proto__`, which it would treat as the prototype.
      if (key === '__proto__') Object.defineProperty(obj, key, { value: tree.values[c], enumerable: true, writable: true, configurable: true });
      else obj[key] = tree.values[c];
    }
    tree.values[node] = obj;
    this.childTop = base;
  }

  private closeSeq(node: number, base: number): void {
    const tree = this.tree;
    const stack = this.childStack;
    const v = tree.values;
    tree.setChildren(node, stack, base, this.childTop);
    const n = this.childTop - base;
    let list: unknown[];
    // Most lists are short (`values: [6]`, three PMF numbers): literals make packed arrays without a copy.
    if (n === 1) list = [v[stack[base]]];
    else if (n === 2) list = [v[stack[base]], v[stack[base + 1]]];
    else if (n === 3) list = [v[stack[base]], v[stack[base + 1]], v[stack[base + 2]]];
    else {
      list = new Array<unknown>(n);
      for (let k = 0; k < n; k++) list[k] = v[stack[base + k]];
    }
    tree.values[node] = list;
    this.childTop = base;
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
  private close(node: number, indent: number): number {
    let raw = this.lastRawEnd;
    if (this.trailCount > 0 && indent !== 0 && this.trailMax >= indent) {
      raw = this.trailEnd;
      this.trailCount = 0;
    }
    this.tree.end[node] = trimEnd(this.t, this.tree.start[node], raw);
    this.lastRawEnd = raw;
    return node;
  }

  /** A block mapping whose first key starts at pos, in column m. Returns with pos at the next content line. */
  private parseMap(m: number, parent: number): number | undefined {
    const t = this.t;
    const n = this.n;
    const tree = this.tree;
    const base = this.childTop;
    const node = tree.add(MAP, this.pos, this.pos, 0, 0, parent);
    let seen: Set<string> | undefined;
    for (;;) {
      const keyStart = this.pos;
      if (!this.scanBlock(keyStart)) return undefined;
      if (!this.s.keyFollows()) return this.fail('expected a mapping key', keyStart);
      const colon = this.s.stopPos;
      if (colon - keyStart > MAX_KEY) return this.fail('very long key', keyStart);
      const key = this.s.text;
      const keyEnd = this.s.end;
      const keyStyle = STYLE_CODE[this.s.style];
      if (key === '<<') return this.fail('merge key', keyStart);
      if (seen) {
        if (seen.has(key)) return this.fail('duplicate key', keyStart);
        seen.add(key);
      } else {
        for (let k = base; k < this.childTop; k++) if (tree.keys[this.childStack[k]] === key) return this.fail('duplicate key', keyStart);
        if (this.childTop - base >= 8) {
          seen = new Set();
          for (let k = base; k < this.childTop; k++) seen.add(tree.keys[this.childStack[k]] as string);
          seen.add(key);
        }
      }
      let i = colon + 1;
      while (i < n && t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      let value: number | undefined;
      if (i >= n || c === LF || c === CR || c === HASH) {
        // `key:` with nothing after it: a nested block collection on the next lines, or an empty value.
        const e = this.lineEnd(i);
        this.sepRaw = c === HASH ? e : i;
        this.pos = e + 1;
        if (!this.skipTrivia(SEP, m)) return undefined;
        const dash = this.col >= m ? this.dashKind() : 0;
        if (dash === 2) return this.fail('empty sequence item', this.pos);
        if (this.col > m || dash === 1) {
          value = dash === 1 ? this.parseSeq(this.col, node) : this.parseMap(this.col, node);
          if (value === undefined) return undefined;
        } else {
          value = tree.add(SCALAR, i, i, STYLE_CODE.plain, EMPTY, node);
          tree.values[value] = '';
          this.lastRawEnd = this.sepRaw;
          this.trailCount = 0;
        }
      } else {
        value = this.parseInlineValue(i, node, m + 1, m);
        if (value === undefined) return undefined;
      }
      tree.setKey(value, key, keyStart, keyEnd, keyStyle);
      this.pushChild(value);
      if (this.col === m) {
        if (this.dashKind() !== 0) return this.fail('sequence item at the column of a mapping', this.pos);
        continue;
      }
      if (this.col > m) return this.fail('unexpected indentation', this.pos);
      this.closeMap(node, base);
      return this.close(node, m);
    }
  }

  /** A block sequence whose first `- ` is at pos, in column s. Returns with pos at the next content line. */
  private parseSeq(s: number, parent: number): number | undefined {
    const t = this.t;
    const n = this.n;
    const base = this.childTop;
    const node = this.tree.add(SEQ, this.pos, this.pos, 0, 0, parent);
    for (;;) {
      let i = this.pos + 1;
      while (i < n && t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      if (i >= n || c === LF || c === CR || c === HASH) return this.fail('empty sequence item', this.pos);
      if (c === DASH && this.isEmptyAt(i + 1)) return this.fail('sequence inside a sequence item line', i);
      let item: number | undefined;
      if (c === LBRACKET || c === LBRACE) item = this.parseInlineValue(i, node, s + 1, s);
      else {
        if (!this.scanBlock(i)) return undefined;
        if (this.s.keyFollows()) {
          // `- key: value`: a mapping whose column is that of its first key.
          this.pos = i;
          item = this.parseMap(i - this.lineStart, node);
        } else item = this.finishScalarValue(i, node, s);
      }
      if (item === undefined) return undefined;
      this.pushChild(item);
      if (this.col === s) {
        const dash = this.dashKind();
        if (dash === 1) continue;
        if (dash === 2) return this.fail('empty sequence item', this.pos);
      } else if (this.col > s) return this.fail('unexpected indentation', this.pos);
      this.closeSeq(node, base);
      return this.close(node, s);
    }
  }

  /** A value that starts at i on a key or item line and ends that line (a flow collection may span lines). */
  private parseInlineValue(i: number, parent: number, indentNext: number, inner: number): number | undefined {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) {
      this.pos = i;
      const node = this.parseFlow(parent, 1, indentNext);
      if (node === undefined) return undefined;
      const after = this.pos;
      let j = after;
      while (j < this.n && t.charCodeAt(j) === SP) j++;
      const d = t.charCodeAt(j);
      if (!(j >= this.n || d === LF || d === CR || (d === HASH && j > after))) return this.fail('content after a flow collection', j);
      if (!this.endValueLine(j, inner)) return undefined;
      // The library's flow collection range runs over its line's comment and any deeper-indented comments after it.
      this.tree.end[node] = trimEnd(t, this.tree.start[node], this.lastRawEnd);
      return node;
    }
    if (!this.scanBlock(i)) return undefined;
    if (this.s.keyFollows()) return this.fail('mapping on the line of a key', this.s.stopPos);
    return this.finishScalarValue(i, parent, inner);
  }

  private finishScalarValue(start: number, parent: number, inner: number): number | undefined {
    if (!this.s.endsLine()) return this.fail('unexpected content after a scalar', this.s.stopPos);
    const node = this.scalarNode(start, parent, 0);
    if (!this.endValueLine(this.s.stopPos, inner)) return undefined;
    return node;
  }

  private endValueLine(from: number, inner: number): boolean {
    const e = this.lineEnd(from);
    this.lastRawEnd = e;
    this.pos = e + 1;
    return this.skipTrivia(MERGE, inner);
  }

  /** The scalar just scanned at `start` (`flags` IN_FLOW when scanned with the flow rules). */
  private scalarNode(start: number, parent: number, flags: number): number {
    const s = this.s;
    const node = this.tree.add(SCALAR, start, s.end, STYLE_CODE[s.style], flags, parent);
    this.tree.values[node] = s.value();
    return node;
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
  private parseFlow(parent: number, depth: number, indentNext: number): number | undefined {
    const t = this.t;
    const tree = this.tree;
    const start = this.pos;
    const isMap = t.charCodeAt(start) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const base = this.childTop;
    const node = tree.add(isMap ? MAP : SEQ, start, start, 0, FLOW, parent);
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
          const keyEnd = this.s.end;
          const keyStyle = STYLE_CODE[this.s.style];
          if (key === '<<') return this.fail('merge key', keyStart);
          for (let k = base; k < this.childTop; k++) if (tree.keys[this.childStack[k]] === key) return this.fail('duplicate key', keyStart);
          let j = this.s.stopPos + 1;
          while (t.charCodeAt(j) === SP) j++;
          const value = this.parseFlowValue(j, node, depth, indentNext);
          if (value === undefined) return undefined;
          tree.setKey(value, key, keyStart, keyEnd, keyStyle);
          this.pushChild(value);
        } else {
          const value = this.parseFlowValue(this.pos, node, depth, indentNext);
          if (value === undefined) return undefined;
          this.pushChild(value);
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
    tree.end[node] = this.pos;
    if (isMap) this.closeMap(node, base);
    else this.closeSeq(node, base);
    return node;
  }

  private parseFlowValue(j: number, parent: number, depth: number, indentNext: number): number | undefined {
    const c = this.t.charCodeAt(j);
    if (c === LBRACKET || c === LBRACE) {
      this.pos = j;
      return this.parseFlow(parent, depth + 1, indentNext);
    }
    if (j >= this.n || c === LF || c === CR || c === COMMA || c === RBRACKET || c === RBRACE) return this.fail('empty value in a flow collection', j);
    if (!this.scanFlow(j)) return undefined;
    if (this.s.keyFollows()) return this.fail('key: value inside a flow sequence or value', this.s.stopPos);
    const node = this.scalarNode(j, parent, IN_FLOW);
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
