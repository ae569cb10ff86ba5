// Where the cursor is in a YAML document being typed: the key path above it, key or value, and the word to replace.
//
// Read from the text around the cursor (indentation, `- ` markers, the keys of the lines above), never from a full
// parse, so it works on the broken line being typed and costs a scan of the enclosing blocks only.
import type { LineIndex } from '../text/line-index';
import { closingQuote, isBlockIndicator, shapeLine, unquote } from './completion-line';
import { flowContext, valueContext, wordAround } from './completion-value-context';
import type { LineShape } from './completion-line';

export type CursorWhere =
  /** Typing a key of the mapping at `path`. */
  | 'key'
  /** Typing the value at `path` (its last segment is the key, or `#` for a sequence item). */
  | 'value'
  /** On a `- …` line with no `key:` yet: a new mapping item's key, or a scalar item (path ends with `#`). */
  | 'item';

export interface ScalarInfo {
  /** Offsets of the scalar's content (inside the quotes for a quoted scalar). */
  start: number;
  end: number;
  quote?: '"' | "'";
  block?: boolean;
}

export interface CursorContext {
  where: CursorWhere;
  /** Keys from the root to the mapping of the key, or to the value; `#` stands for a sequence item. */
  path: string[];
  /** The word under the cursor that a completion replaces, as offsets [start, end). */
  replaceStart: number;
  replaceEnd: number;
  /** Text of that word before the cursor. */
  prefix: string;
  /** Other keys of the mapping holding the cursor, with their one-line values (unquoted). */
  siblings: Map<string, string>;
  /** Column where keys of that mapping start (indentation of inserted blocks). */
  column: number;
  /** Key or item position with a `:` already after the word. */
  hasColon: boolean;
  /** Inserted text needs a leading space (cursor right after `-` or `:`). */
  needsSpace: boolean;
  /** A `- ` line with nothing else on it yet. */
  newItem: boolean;
  /** Inside a `{…}` or `[…]` written on the cursor's line. */
  inFlow: boolean;
  /** The scalar holding the cursor, for value and item positions. */
  scalar?: ScalarInfo;
  /** The line of the cursor (0-based). */
  line: number;
}

const SPACE = 32;

interface Lines {
  text: string;
  index: LineIndex;
}

function lineBounds(l: Lines, n: number): [number, number] {
  const start = l.index.lineStart(n);
  let end = n + 1 < l.index.lineCount ? l.index.lineStart(n + 1) : l.text.length;
  while (end > start && (l.text.charCodeAt(end - 1) === 10 || l.text.charCodeAt(end - 1) === 13)) end--;
  return [start, end];
}

function lineString(l: Lines, n: number): string {
  const [s, e] = lineBounds(l, n);
  return l.text.slice(s, e);
}

/** Leading spaces of line n, or -1 for a line that is blank or a comment (hot path: no slicing, no allocation). */
function indentOf(l: Lines, n: number): number {
  const text = l.text;
  const s = l.index.lineStart(n);
  let i = s;
  while (text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 35 || i >= text.length) return -1;
  return i - s;
}

/** Line n is `- …` with its dash at column `col` (an item of the list whose dashes are there). */
function isDashAt(l: Lines, n: number, col: number): boolean {
  const i = l.index.lineStart(n) + col;
  if (l.text.charCodeAt(i) !== 45) return false;
  const next = l.text.charCodeAt(i + 1);
  return next === SPACE || next === 10 || next === 13 || Number.isNaN(next);
}

function isDocMarker(l: Lines, n: number): boolean {
  const s = l.index.lineStart(n);
  const t = l.text.slice(s, s + 3);
  return (t === '---' || t === '...') && !/[^\s]/.test(l.text.charAt(s + 3) || ' ');
}

export function cursorContext(text: string, index: LineIndex, offset: number): CursorContext | undefined {
  const l: Lines = { text, index };
  const pos = index.position(offset);
  const [lineStart] = lineBounds(l, pos.line);
  const str = lineString(l, pos.line);
  const col = Math.min(pos.character, str.length);
  const s = shapeLine(str);
  const rest = str.slice(col).trim();

  const blank = s.contentCol >= str.length && s.dashes.length === 0;
  const column = blank ? col : s.contentCol;
  // Text that is not YAML structure may be the content of a block scalar (`expr: |`) above.
  const inBlock = (): CursorContext | undefined => {
    const block = blockKeyAbove(l, pos.line, blank ? col : s.indent);
    return block === undefined ? undefined : blockContext(l, block, offset, pos.line);
  };
  const own = ownPart(str, lineStart, s, col, offset, rest);
  if (!own) return inBlock();
  // In `{…}` the siblings are the flow mapping's keys, not the block keys around it.
  const siblings = own.inFlow ? new Map<string, string>() : own.siblings;
  const outer = enclosingPath(l, pos.line, s, column, siblings);
  if (outer === undefined) return inBlock();
  if (!Array.isArray(outer)) return blockContext(l, outer.block, offset, pos.line);
  collectBelow(l, pos.line, column, siblings);
  return { ...own, path: [...outer, ...own.path], column, line: pos.line };
}

/** The cursor's own line: key, item or value, and the word there; undefined where nothing can be completed. */
function ownPart(str: string, lineStart: number, s: LineShape, col: number, offset: number, rest: string): Omit<CursorContext, 'line' | 'column'> | undefined {
  const at = (c: number): number => lineStart + c;
  // A comment line, or the cursor inside a comment.
  if (str[s.contentCol] === '#' && col > s.contentCol) return undefined;
  if (col > s.valueEnd && str.slice(s.valueEnd, col).includes('#')) return undefined;

  const base = { siblings: new Map<string, string>(), hasColon: false, needsSpace: false, newItem: false, inFlow: false };
  let own: Omit<CursorContext, 'line' | 'column'>;
  if (s.dashes.length === 0 && col <= s.indent) {
    // Only indentation before the cursor: a key at this column, unless content follows on the line.
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    own = { ...base, where: 'key', path: [], replaceStart: offset, replaceEnd: offset, prefix: '' };
  } else if (col < s.contentCol) {
    return undefined;
  } else if (s.colon < 0 || col <= s.keyEnd) {
    const content = str.slice(s.contentCol, s.valueEnd);
    if (s.dashes.length > 0 && s.colon < 0) {
      // A list item: a new mapping's key, or a scalar item (possibly a flow collection).
      if (/^[[{]/.test(content)) {
        const flow = flowContext(str, lineStart, s.contentCol, col, []);
        if (!flow) return undefined;
        own = { ...base, ...flow };
      } else {
        const quoted = content[0] === '"' || content[0] === "'";
        const min = quoted ? s.contentCol + 1 : s.contentCol;
        const close = quoted ? closingQuote(str, s.contentCol) : -1;
        const max = quoted ? (close >= 0 ? close : str.length) : s.valueEnd;
        if (quoted && close >= 0 && col > close) return undefined;
        const [ws, we] = wordAround(str, col, min, Math.max(max, col));
        own = {
          ...base,
          where: 'item',
          path: [],
          replaceStart: at(ws),
          replaceEnd: at(we),
          prefix: str.slice(ws, col),
          newItem: content === '',
          needsSpace: col > 0 && str[col - 1] === '-',
          scalar: { start: at(min), end: at(Math.max(max, col)), ...(quoted ? { quote: content[0] as '"' | "'" } : {}) },
        };
      }
    } else {
      const limit = s.colon >= 0 ? s.keyEnd : s.valueEnd;
      let start = col;
      while (start > s.contentCol && isKeyChar(str.charCodeAt(start - 1))) start--;
      let end = col;
      while (end < limit && isKeyChar(str.charCodeAt(end))) end++;
      // A key is one word; anything else here is not a place for a key.
      if (start !== s.contentCol || (s.colon < 0 && end < limit)) return undefined;
      own = { ...base, where: 'key', path: [], replaceStart: at(start), replaceEnd: at(end), prefix: str.slice(start, col), hasColon: s.colon >= 0 };
    }
  } else {
    const value = valueContext(str, lineStart, s.valueStart, col, [s.key ?? '']);
    if (!value) return undefined;
    own = { ...base, ...value, needsSpace: value.needsSpace || (col === s.colon + 1 && col === str.length) };
  }
  return own;
}

/** The cursor inside a block scalar (`expr: |`) opened on line keyLine: the value of that key. */
function blockContext(l: Lines, keyLine: number, offset: number, line: number): CursorContext | undefined {
  const str = lineString(l, keyLine);
  const s = shapeLine(str);
  if (s.key === undefined) return undefined;
  const siblings = new Map<string, string>();
  const outer = enclosingPath(l, keyLine, s, s.contentCol, siblings);
  if (!Array.isArray(outer)) return undefined;
  collectBelow(l, keyLine, s.contentCol, siblings);
  const start = keyLine + 1 < l.index.lineCount ? l.index.lineStart(keyLine + 1) : l.text.length;
  const [, lineEnd] = lineBounds(l, line);
  let ws = offset;
  while (ws > start && isWordChar(l.text.charCodeAt(ws - 1))) ws--;
  let we = offset;
  while (we < lineEnd && isWordChar(l.text.charCodeAt(we))) we++;
  return {
    where: 'value',
    path: [...outer, s.key],
    replaceStart: ws,
    replaceEnd: we,
    prefix: l.text.slice(ws, offset),
    siblings,
    column: s.contentCol,
    hasColon: false,
    needsSpace: false,
    newItem: false,
    inFlow: false,
    scalar: { start, end: Math.max(offset, blockEnd(l, keyLine, s.indent)), block: true },
    line,
  };
}

/**
 * The line of a `key: |` (or `>`) whose block scalar holds a line of indentation `indent` below it: every line in
 * between is indented deeper than that key line.
 */
function blockKeyAbove(l: Lines, line: number, indent: number): number | undefined {
  let m = indent;
  for (let n = line - 1; n >= 0 && m > 0; n--) {
    const ind = indentOf(l, n);
    if (ind < 0 || ind >= m) continue;
    const str = lineString(l, n);
    const s = shapeLine(str);
    if (s.key !== undefined && isBlockIndicator(str.slice(s.valueStart, s.valueEnd))) return n;
    m = ind;
  }
  return undefined;
}

/**
 * Walks up from the cursor's line: the keys and list items enclosing the mapping whose keys are at `column` (the
 * `#` of the `- ` markers on the cursor's own line included), collecting that mapping's keys above into `siblings`.
 */
function enclosingPath(l: Lines, line: number, cur: LineShape, column: number, siblings: Map<string, string>): string[] | { block: number } | undefined {
  const rev: string[] = [];
  let mode: 'map' | 'seq' = 'map';
  let target = column;
  let collecting = true;
  if (cur.dashes.length) {
    for (let k = 0; k < cur.dashes.length; k++) rev.push('#');
    mode = 'seq';
    target = cur.dashes[0];
    collecting = false;
  }
  for (let n = line - 1; n >= 0; n--) {
    const ind = indentOf(l, n);
    if (ind < 0) continue;
    if (ind === 0 && isDocMarker(l, n)) break;
    if (ind > target) continue;
    // Earlier items of the list being walked: by far the most common line, decided without shaping it.
    if (mode === 'seq' && ind === target && isDashAt(l, n, target)) continue;
    const str = lineString(l, n);
    const s = shapeLine(str);
    const c = s.contentCol;
    const value = str.slice(s.valueStart, s.valueEnd);
    if (mode === 'map') {
      if (s.dashes.length && (c > target || s.dashes[0] >= target)) continue;
      if (c === target) {
        if (collecting && s.key !== undefined) siblings.set(s.key, unquote(value));
        if (!s.dashes.length) continue;
        // The first line of this mapping, a list item.
      } else if (c > target) {
        continue;
      } else {
        // A less indented line: the key whose value holds everything below (a block scalar's: the cursor is text).
        if (s.key !== undefined && isBlockIndicator(value)) return { block: n };
        if (s.key === undefined || value !== '') return undefined;
        rev.push(s.key);
        target = c;
      }
      collecting = false;
      if (s.dashes.length) {
        for (let k = 0; k < s.dashes.length; k++) rev.push('#');
        target = s.dashes[0];
        mode = 'seq';
      }
    } else if (s.dashes.length) {
      const j = s.dashes.indexOf(target);
      if (j >= 0) {
        // An earlier item of the same list (itself maybe the first item of an outer list).
        for (let k = 0; k < j; k++) rev.push('#');
        target = s.dashes[0];
        continue;
      }
      if (s.dashes[0] > target) continue;
      if (s.key !== undefined && c <= target && isBlockIndicator(value)) return { block: n };
      if (s.key === undefined || value !== '' || c > target) return undefined;
      rev.push(s.key);
      for (let k = 0; k < s.dashes.length; k++) rev.push('#');
      target = s.dashes[0];
    } else {
      if (c > target) continue;
      if (s.key !== undefined && isBlockIndicator(value)) return { block: n };
      if (s.key === undefined || value !== '') return undefined;
      rev.push(s.key);
      target = c;
      mode = 'map';
    }
  }
  return rev.reverse();
}

/** End offset of a block scalar whose key line is `keyLine` (content lines are indented deeper than `column`). */
function blockEnd(l: Lines, keyLine: number, column: number): number {
  let last = lineBounds(l, keyLine)[1];
  for (let n = keyLine + 1; n < l.index.lineCount; n++) {
    const ind = indentOf(l, n);
    if (ind >= 0 && ind <= column) break;
    if (ind >= 0) last = lineBounds(l, n)[1];
  }
  return last;
}

/** Keys at `column` below the cursor's line that belong to the same mapping. */
function collectBelow(l: Lines, line: number, column: number, siblings: Map<string, string>): void {
  for (let n = line + 1; n < l.index.lineCount; n++) {
    const ind = indentOf(l, n);
    if (ind < 0) continue;
    if (ind === 0 && isDocMarker(l, n)) break;
    if (ind > column) continue;
    if (ind < column) break;
    const str = lineString(l, n);
    const s = shapeLine(str);
    if (s.dashes.length) continue;
    if (s.key !== undefined && !siblings.has(s.key)) siblings.set(s.key, unquote(str.slice(s.valueStart, s.valueEnd)));
  }
}

function isKeyChar(c: number): boolean {
  // Letters, digits, `_`, `-`, `.`, `$`, `{`, `}` (keys like graph.hidden; `${` typed where a key goes).
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c > 127;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
