// One-line YAML scalars for the fast parser: where they end, what follows them, and their text as the yaml library decodes it.
import type { ScalarStyle } from './document';
import { typePlainScalar } from './scalar-typing';
import type { ScalarValue } from './scalar-typing';

// Character codes are module-local on purpose: imported bindings compile to property getters under CommonJS (tsx),
// which costs more than the scanning itself in these loops.
const LF = 10;
const CR = 13;
const SP = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const SQUOTE = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const RBRACKET = 93;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** The characters that end a plain scalar inside a flow collection. */
function isFlowChar(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** What the yaml lexer calls empty (tabs excepted: the fast path refuses any text with a tab). */
function isEmptyAt(t: string, i: number): boolean {
  if (i >= t.length) return true;
  const c = t.charCodeAt(i);
  return c === SP || c === LF || c === CR;
}

/** What follows a scanned scalar: the line's end, a `:` indicator, a comment, a flow indicator, or anything else. */
const STOP_EOL = 0;
const STOP_COLON = 1;
const STOP_COMMENT = 2;
const STOP_FLOW = 3;
const STOP_OTHER = 4;

interface ScalarScan {
  text: string;
  style: ScalarStyle;
  end: number;
  stop: number;
  stopPos: number;
  reason: string;
  at: number;
}

function refuse(s: ScalarScan, reason: string, at: number): false {
  s.reason = reason;
  s.at = at;
  return false;
}

/**
 * Scans one scalar at a time over a text; the parser reads the result from its fields. A failed scan sets `reason`
 * and `at` instead (the fast path then gives up). One instance per parse: calls on it stay cheap in hot loops.
 */
export class ScalarScanner implements ScalarScan {
  /** Decoded content (escapes resolved), before FlowTime typing. */
  text = '';
  style: ScalarStyle = 'plain';
  /** Offset just after the scalar's source (after the closing quote; trailing spaces excluded for plain scalars). */
  end = 0;
  stop = STOP_EOL;
  /** Where what follows the scalar starts (the `:`, the `#`, the line break...). */
  stopPos = 0;
  reason = '';
  at = 0;

  constructor(private readonly t: string) {}

  /** A scalar at i in block context (a key, or a value after `: ` or `- `). */
  block(i: number): boolean {
    return scanBlockScalar(this.t, i, this);
  }

  /** A scalar at i inside a flow collection. */
  flow(i: number): boolean {
    return scanFlowScalar(this.t, i, this);
  }

  /** A `:` indicator follows: the scalar is a key. */
  keyFollows(): boolean {
    return this.stop === STOP_COLON;
  }

  /** Only the line end or a comment follows. */
  endsLine(): boolean {
    return this.stop === STOP_EOL || this.stop === STOP_COMMENT;
  }

  /** The scalar's value as FlowTime types it (only plain scalars are typed). */
  value(): ScalarValue {
    return this.style === 'plain' ? typePlain(this.text) : this.text;
  }
}

/**
 * typePlainScalar without its regular expressions in the common cases: all-digit text is what its INT rule returns,
 * and text that cannot start a bool or a number stays a string; everything else goes through typePlainScalar itself.
 */
function typePlain(text: string): ScalarValue {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    let dot = -1;
    for (let i = 1; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 46 && dot < 0) dot = i;
      else if (d < 48 || d > 57) return typePlainScalar(text);
    }
    // Digits, or digits '.' digits (a trailing '.' too): what the INT and DOUBLE rules read with Number().
    return Number(text);
  }
  // + - . and the first letters of true/false (any case) may start a typed value.
  if (c === 43 || c === 45 || c === 46 || c === 116 || c === 84 || c === 102 || c === 70) return typePlainScalar(text);
  return text;
}

/** Refuses first characters that make a plain scalar something else (indicators, reserved characters, errors). */
function plainStartOk(t: string, i: number, s: ScalarScan): boolean {
  switch (t.charCodeAt(i)) {
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case AMP:
    case STAR:
    case BANG:
    case PIPE:
    case GT:
    case PERCENT:
    case AT:
    case BACKTICK:
    case QUESTION:
    case COLON:
    case DQUOTE:
    case SQUOTE:
      return refuse(s, 'plain scalar starts with an indicator', i);
    case DASH: {
      // `-1`, `-x`, `-.5` are scalars; `- `, `-,`, `--` are indicators, errors or edge cases.
      const d = t.charCodeAt(i + 1);
      const ok = (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === DOT;
      return ok || refuse(s, 'plain scalar starts with -', i);
    }
    default:
      return true;
  }
}

/** A scalar at i in block context (a key, or a value after `: ` or `- `). */
function scanBlockScalar(t: string, i: number, s: ScalarScan): boolean {
  const n = t.length;
  const c = t.charCodeAt(i);
  if (c === DQUOTE || c === SQUOTE) {
    if (!scanQuoted(t, i, c, s)) return false;
    let j = s.end;
    while (j < n && t.charCodeAt(j) === SP) j++;
    const d = t.charCodeAt(j);
    s.stopPos = j;
    if (j >= n || d === LF || d === CR) s.stop = STOP_EOL;
    else if (d === COLON && isEmptyAt(t, j + 1)) s.stop = STOP_COLON;
    else if (d === HASH && j > s.end) s.stop = STOP_COMMENT;
    else s.stop = STOP_OTHER;
    return true;
  }
  if (!plainStartOk(t, i, s)) return false;
  // As the yaml lexer: `: ` or `:` at the line end ends the scalar, ` #` starts a comment, trailing spaces are not content.
  let end = i + 1;
  let j = i + 1;
  let stop = STOP_EOL;
  for (; j < n; j++) {
    const d = t.charCodeAt(j);
    if (d === COLON) {
      if (isEmptyAt(t, j + 1)) {
        stop = STOP_COLON;
        break;
      }
      end = j + 1;
    } else if (d === SP) {
      if (t.charCodeAt(j + 1) === HASH) {
        stop = STOP_COMMENT;
        j++;
        break;
      }
    } else if (d === LF || d === CR) break;
    else if (d === HASH) return refuse(s, '# inside a plain scalar', j);
    else end = j + 1;
  }
  s.text = t.slice(i, end);
  s.style = 'plain';
  s.end = end;
  s.stop = stop;
  s.stopPos = j;
  return true;
}

/** A scalar at i inside a flow collection; comments there are refused. */
function scanFlowScalar(t: string, i: number, s: ScalarScan): boolean {
  const n = t.length;
  const c = t.charCodeAt(i);
  if (c === DQUOTE || c === SQUOTE) {
    if (!scanQuoted(t, i, c, s)) return false;
    let j = s.end;
    while (j < n && t.charCodeAt(j) === SP) j++;
    const d = t.charCodeAt(j);
    s.stopPos = j;
    // After a quoted scalar in flow context any `:` is an indicator (the lexer's flowKey).
    if (j >= n || d === LF || d === CR) s.stop = STOP_EOL;
    else if (d === COLON) s.stop = STOP_COLON;
    else if (isFlowChar(d)) s.stop = STOP_FLOW;
    else return refuse(s, 'unexpected content after a quoted scalar', j);
    return true;
  }
  if (!plainStartOk(t, i, s)) return false;
  let end = i + 1;
  let j = i + 1;
  let stop = STOP_EOL;
  for (; j < n; j++) {
    const d = t.charCodeAt(j);
    if (d === COLON) {
      if (isEmptyAt(t, j + 1) || isFlowChar(t.charCodeAt(j + 1))) {
        stop = STOP_COLON;
        break;
      }
      end = j + 1;
    } else if (d === SP) {
      if (t.charCodeAt(j + 1) === HASH) return refuse(s, 'comment inside a flow collection', j + 1);
    } else if (d === LF || d === CR) break;
    else if (isFlowChar(d)) {
      stop = STOP_FLOW;
      break;
    } else if (d === HASH) return refuse(s, '# inside a plain scalar', j);
    else end = j + 1;
  }
  s.text = t.slice(i, end);
  s.style = 'plain';
  s.end = end;
  s.stop = stop;
  s.stopPos = j;
  return true;
}

function scanQuoted(t: string, i: number, quote: number, s: ScalarScan): boolean {
  if (quote === DQUOTE) {
    if (!scanDoubleQuoted(t, i, s)) return false;
    s.style = 'double';
  } else {
    if (!scanSingleQuoted(t, i, s)) return false;
    s.style = 'single';
  }
  return true;
}

/** The yaml library's one-character escapes (`\` before a literal tab is left out: the fast path refuses tabs). */
const ESCAPES: (string | undefined)[] = [];
ESCAPES[0x30] = '\0';
ESCAPES[0x61] = '\x07';
ESCAPES[0x62] = '\b';
ESCAPES[0x65] = '\x1b';
ESCAPES[0x66] = '\f';
ESCAPES[0x6e] = '\n';
ESCAPES[0x72] = '\r';
ESCAPES[0x74] = '\t';
ESCAPES[0x76] = '\v';
ESCAPES[0x4e] = '\u0085';
ESCAPES[0x5f] = '\u00a0';
ESCAPES[0x4c] = '\u2028';
ESCAPES[0x50] = '\u2029';
ESCAPES[0x20] = ' ';
ESCAPES[0x22] = '"';
ESCAPES[0x2f] = '/';
ESCAPES[0x5c] = '\\';

/** `'...'` on one line; `''` is a quote. */
function scanSingleQuoted(t: string, start: number, s: ScalarScan): boolean {
  const n = t.length;
  let i = start + 1;
  let from = i;
  let text = '';
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === LF || c === CR) break;
    if (c === SQUOTE) {
      if (t.charCodeAt(i + 1) === SQUOTE) {
        text += t.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      s.text = text + t.slice(from, i);
      s.end = i + 1;
      return true;
    }
    i++;
  }
  return refuse(s, 'single-quoted scalar that does not close on its line', start);
}

/** `"..."` on one line with the escapes YAML defines; unknown escapes and code points past U+10FFFF are refused. */
function scanDoubleQuoted(t: string, start: number, s: ScalarScan): boolean {
  const n = t.length;
  let i = start + 1;
  let from = i;
  let text = '';
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === LF || c === CR) break;
    if (c === DQUOTE) {
      s.text = text + t.slice(from, i);
      s.end = i + 1;
      return true;
    }
    if (c === 92) {
      text += t.slice(from, i);
      const e = t.charCodeAt(i + 1);
      const simple = e < 128 ? ESCAPES[e] : undefined;
      if (simple !== undefined) {
        text += simple;
        i += 2;
      } else {
        const len = e === 0x78 ? 2 : e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
        if (len === 0) return refuse(s, 'unsupported escape', i);
        const code = hexValue(t, i + 2, len);
        if (code < 0 || code > 0x10ffff) return refuse(s, 'invalid code point escape', i);
        text += String.fromCodePoint(code);
        i += 2 + len;
      }
      from = i;
      continue;
    }
    i++;
  }
  return refuse(s, 'double-quoted scalar that does not close on its line', start);
}

function hexValue(t: string, at: number, len: number): number {
  let v = 0;
  for (let k = 0; k < len; k++) {
    const c = t.charCodeAt(at + k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}
