// The value part of the cursor's line: a plain or quoted scalar, or a `{…}`/`[…]` collection written on that line.
import { closingQuote, isBlockIndicator, unquote } from './completion-line';
import type { CursorContext, CursorWhere } from './completion-context';

const SPACE = 32;

export type ValuePart = Pick<CursorContext, 'where' | 'path' | 'replaceStart' | 'replaceEnd' | 'prefix' | 'inFlow' | 'siblings' | 'scalar'> & {
  needsSpace?: boolean;
};

/** The value (or flow collection) at [valueStart, …) on the line, with the cursor at column col. */
export function valueContext(
  str: string,
  lineStart: number,
  valueStart: number,
  col: number,
  keyPath: string[],
): ValuePart | undefined {
  const at = (c: number): number => lineStart + c;
  const first = str[valueStart];
  if (col < valueStart) {
    // Between the colon and a value already written (`kind:‸ expr`): nothing fits there.
    if (valueStart < str.length) return undefined;
    return { where: 'value', path: keyPath, replaceStart: at(col), replaceEnd: at(col), prefix: '', inFlow: false, siblings: new Map(), scalar: { start: at(col), end: at(col) } };
  }
  if (first === '{' || first === '[') return flowContext(str, lineStart, valueStart, col, keyPath);
  if (isBlockIndicator(str.slice(valueStart).trim().split(/\s/)[0] ?? '')) return undefined;
  if (first === '"' || first === "'") {
    const close = closingQuote(str, valueStart);
    if (close >= 0 && col > close) return undefined;
    const end = close >= 0 ? close : str.length;
    const [ws, we] = wordAround(str, col, valueStart + 1, end);
    return {
      where: 'value',
      path: keyPath,
      replaceStart: at(ws),
      replaceEnd: at(we),
      prefix: str.slice(ws, col),
      inFlow: false,
      siblings: new Map(),
      scalar: { start: at(valueStart + 1), end: at(end), quote: first },
    };
  }
  const end = plainEnd(str, valueStart);
  const [ws, we] = wordAround(str, col, valueStart, end);
  return {
    where: 'value',
    path: keyPath,
    replaceStart: at(ws),
    replaceEnd: at(we),
    prefix: str.slice(ws, col),
    inFlow: false,
    siblings: new Map(),
    scalar: { start: at(valueStart), end: at(end) },
  };
}

function plainEnd(str: string, from: number): number {
  let end = str.length;
  for (let i = from; i < str.length; i++) {
    if (str[i] === '#' && i > from && str[i - 1] === ' ') {
      end = i;
      break;
    }
  }
  while (end > from && str.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** A value word: anything but separators, so `Node:po`, `*`, `weekday-office` and `node@Class` are whole words. */
function isValueChar(c: string): boolean {
  return !/[\s,[\]{}"'#]/.test(c);
}

export function wordAround(str: string, col: number, min: number, max: number): [number, number] {
  let s = col;
  while (s > min && isValueChar(str[s - 1])) s--;
  let e = col;
  while (e < max && isValueChar(str[e])) e++;
  return [s, e];
}

interface FlowFrame {
  type: 'map' | 'seq';
  state: 'key' | 'value';
  key?: string;
  tokenStart: number;
  keys: Map<string, string>;
}

/** The cursor inside `{…}`/`[…]` written on one line: which key or item it is at. */
export function flowContext(
  str: string,
  lineStart: number,
  valueStart: number,
  col: number,
  keyPath: string[],
): ValuePart | undefined {
  const stack: FlowFrame[] = [];
  const segments: string[] = [];
  let i = valueStart;
  for (; i < col; i++) {
    const c = str[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = closingQuote(str, i);
      if (close < 0 || close >= col) break;
      i = close;
      continue;
    }
    if (c === '{' || c === '[') {
      if (top) segments.push(top.type === 'seq' ? '#' : top.state === 'value' ? top.key ?? '' : '');
      stack.push({ type: c === '{' ? 'map' : 'seq', state: c === '{' ? 'key' : 'value', tokenStart: i + 1, keys: new Map() });
    } else if (c === '}' || c === ']') {
      stack.pop();
      segments.pop();
      if (stack.length === 0) return undefined;
      const parent = stack[stack.length - 1];
      parent.tokenStart = i + 1;
    } else if (!top) {
      return undefined;
    } else if (c === ',') {
      if (top.type === 'map') {
        if (top.state === 'value' && top.key !== undefined) top.keys.set(top.key, unquote(str.slice(top.tokenStart, i).trim()));
        top.state = 'key';
        top.key = undefined;
      }
      top.tokenStart = i + 1;
    } else if (c === ':' && top.type === 'map' && top.state === 'key' && (i + 1 >= str.length || /[\s,}]/.test(str[i + 1]))) {
      top.key = unquote(str.slice(top.tokenStart, i).trim());
      top.state = 'value';
      top.tokenStart = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  let ts = top.tokenStart;
  while (ts < col && str.charCodeAt(ts) === SPACE) ts++;
  const quote = str[ts] === '"' || str[ts] === "'" ? (str[ts] as '"' | "'") : undefined;
  const contentStart = quote ? ts + 1 : ts;
  let contentEnd = contentStart;
  if (quote) {
    const close = closingQuote(str, ts);
    contentEnd = close >= 0 ? close : str.length;
  } else {
    while (contentEnd < str.length && !/[,\]}#]/.test(str[contentEnd])) contentEnd++;
    while (contentEnd > contentStart && str.charCodeAt(contentEnd - 1) === SPACE) contentEnd--;
  }
  const [ws, we] = wordAround(str, col, contentStart, Math.max(contentEnd, col));
  const path = [...keyPath, ...segments.filter((x) => x !== '')];
  const where: CursorWhere = top.type === 'map' && top.state === 'key' ? 'key' : 'value';
  if (top.type === 'seq') path.push('#');
  else if (where === 'value') path.push(top.key ?? '');
  return {
    where,
    path,
    replaceStart: lineStart + ws,
    replaceEnd: lineStart + we,
    prefix: str.slice(ws, col),
    inFlow: true,
    siblings: top.type === 'map' ? collectFlowKeys(str, top, col) : new Map(),
    scalar: { start: lineStart + contentStart, end: lineStart + Math.max(contentEnd, col), quote },
    needsSpace: str[col - 1] === ',' || (str[col - 1] === ':' && where === 'value'),
  };
}

/** Keys of a flow mapping before and after the cursor. */
function collectFlowKeys(str: string, frame: FlowFrame, col: number): Map<string, string> {
  const keys = new Map(frame.keys);
  // Keys after the cursor up to the closing brace, read loosely.
  let depth = 0;
  let token = col;
  for (let i = col; i < str.length; i++) {
    const c = str[i];
    if (c === '{' || c === '[') depth++;
    else if (c === ']' || (c === '}' && depth > 0)) depth--;
    else if (c === '}' && depth === 0) break;
    else if (c === ',' && depth === 0) token = i + 1;
    else if (c === ':' && depth === 0 && /[\s,}]/.test(str[i + 1] ?? ' ')) {
      const k = unquote(str.slice(token, i).trim());
      if (k && token > col) keys.set(k, '');
    }
  }
  return keys;
}
