// The shape of one YAML line read from text alone (indent, `- ` markers, key, value), for documents being typed.

export interface LineShape {
  /** Leading spaces. */
  indent: number;
  /** Columns of the `- ` sequence markers, outermost first. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts (the line length when there is none). */
  contentCol: number;
  /** The key when the content is `key:` (followed by a space or the end of the line). */
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Column of the `:` after the key. */
  colon: number;
  /** Column where the value text starts (after the colon and spaces); the line length when empty. */
  valueStart: number;
  /** Column where the value ends: before a trailing comment and trailing spaces. */
  valueEnd: number;
  /** Nothing but spaces, or a comment. */
  blank: boolean;
}

const SPACE = 32;
const HASH = 35;

export function shapeLine(line: string): LineShape {
  const len = line.length;
  let i = 0;
  while (i < len && line.charCodeAt(i) === SPACE) i++;
  const indent = i;
  const dashes: number[] = [];
  while (i < len && line[i] === '-' && (i + 1 === len || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < len && line.charCodeAt(i) === SPACE) i++;
  }
  const contentCol = i;
  const shape: LineShape = {
    indent,
    dashes,
    contentCol,
    keyStart: contentCol,
    keyEnd: contentCol,
    colon: -1,
    valueStart: len,
    valueEnd: len,
    blank: dashes.length === 0 && (i === len || line.charCodeAt(i) === HASH),
  };
  if (i === len || line.charCodeAt(i) === HASH) {
    shape.valueStart = shape.valueEnd = contentCol;
    return shape;
  }
  const colon = findKeyColon(line, contentCol);
  if (colon >= 0) {
    let keyEnd = colon;
    while (keyEnd > contentCol && line.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    shape.key = unquote(line.slice(contentCol, keyEnd));
    shape.keyEnd = keyEnd;
    shape.colon = colon;
    let v = colon + 1;
    while (v < len && line.charCodeAt(v) === SPACE) v++;
    shape.valueStart = v;
  } else {
    shape.valueStart = contentCol;
  }
  shape.valueEnd = valueEnd(line, shape.valueStart);
  return shape;
}

/** The colon ending a block mapping key at `from`: followed by a space or the end of the line, outside quotes. */
function findKeyColon(line: string, from: number): number {
  const first = line[from];
  if (first === '{' || first === '[' || first === '|' || first === '>' || first === '&' || first === '*' || first === '!') return -1;
  let i = from;
  if (first === '"' || first === "'") {
    const close = closingQuote(line, from);
    if (close < 0) return -1;
    i = close + 1;
    while (i < line.length && line.charCodeAt(i) === SPACE) i++;
    return line[i] === ':' && (i + 1 === line.length || line[i + 1] === ' ') ? i : -1;
  }
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ')) return i;
    if (c === '#' && i > from && line[i - 1] === ' ') return -1;
  }
  return -1;
}

/** Index of the quote closing the one at `open` (doubled single quotes and backslash escapes handled), or -1. */
export function closingQuote(line: string, open: number): number {
  const q = line[open];
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (q === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === q) {
      if (q === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** End of the value text starting at `start`: before ` #` comments (outside quotes) and trailing spaces. */
function valueEnd(line: string, start: number): number {
  let end = line.length;
  let quote: string | undefined;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === start || /[\s,[{:]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === start || line[i - 1] === ' ')) {
      end = i;
      break;
    }
  }
  while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

export function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s[s.length - 1] === '"') || (s[0] === "'" && s[s.length - 1] === "'"))) {
    return s.slice(1, -1);
  }
  return s;
}

/** True for a block scalar indicator value (`|`, `>-`, `|2+` ...). */
export function isBlockIndicator(value: string): boolean {
  return /^[|>][-+0-9]*$/.test(value);
}
