// Reads an expression being typed up to the cursor: the word there, whether an operand may start, the open call.
//
// Tolerant by design (the text is usually incomplete: `MIN(a, `), so it scans tokens instead of parsing.

export interface OpenCall {
  /** As written. */
  name: string;
  /** Offset of the name in the expression string. */
  nameStart: number;
  /** 0-based argument index at the cursor: commas seen at this nesting level. */
  argIndex: number;
}

export interface ExprCursor {
  /** The identifier-like word around the cursor, as [start, end) offsets in the expression string. */
  wordStart: number;
  wordEnd: number;
  prefix: string;
  /** A number, a node id, a function call or `(` may start at the word: after an operator, `(`, `,` or nothing. */
  operand: boolean;
  /** The word starts with a digit (a number literal is being typed). */
  number: boolean;
  /** Inside `[…]` (a CONV kernel: numbers only). */
  inArray: boolean;
  /** Inside an unterminated `${…` placeholder: its name starts at `placeholderStart` (after `${`). */
  placeholderStart?: number;
  /** The innermost call whose argument list holds the cursor. */
  call?: OpenCall;
  /** The character after the word, skipping spaces, is `(`. */
  followedByParen: boolean;
}

interface Frame {
  kind: 'paren' | 'bracket';
  call?: OpenCall;
}

function isIdentStart(c: string): boolean {
  return /[\p{L}_]/u.test(c);
}

function isIdentPart(c: string): boolean {
  return /[\p{L}\p{N}_]/u.test(c);
}

/** Scans `src` up to `cursor` (an index into src). */
export function exprCursor(src: string, cursor: number): ExprCursor {
  const stack: Frame[] = [];
  // What the last token before the current position was: decides whether an operand may follow.
  let last: 'start' | 'operand' | 'operator' = 'start';
  let i = 0;
  let placeholderStart: number | undefined;
  const end = Math.min(cursor, src.length);
  while (i < end) {
    const c = src[i];
    if (c === '$' && src[i + 1] === '{' && i + 1 < end) {
      const close = src.indexOf('}', i + 2);
      if (close < 0 || close >= end) {
        placeholderStart = i + 2;
        break;
      }
      i = close + 1;
      last = 'operand';
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < end && isIdentPart(src[j])) j++;
      if (j >= end) break; // the word at the cursor
      let k = j;
      while (k < end && /\s/.test(src[k])) k++;
      if (k < end && src[k] === '(') {
        stack.push({ kind: 'paren', call: { name: src.slice(i, j), nameStart: i, argIndex: 0 } });
        i = k + 1;
        last = 'start';
        continue;
      }
      i = j;
      last = 'operand';
      continue;
    }
    if (/[0-9.]/.test(c)) {
      let j = i + 1;
      while (j < end && /[0-9.eE]/.test(src[j])) j++;
      if (j >= end) break;
      i = j;
      last = 'operand';
      continue;
    }
    if (c === '(') stack.push({ kind: 'paren' });
    else if (c === '[') stack.push({ kind: 'bracket' });
    else if (c === ')' || c === ']') {
      // Close the innermost frame of that kind (unbalanced text just pops what is there).
      const want = c === ')' ? 'paren' : 'bracket';
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].kind === want) {
          stack.length = k;
          break;
        }
      }
      last = 'operand';
      i++;
      continue;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.call) top.call.argIndex++;
    } else if (/\s/.test(c)) {
      i++;
      continue;
    }
    last = c === '(' || c === '[' || c === ',' ? 'start' : /[+\-*/]/.test(c) ? 'operator' : last;
    i++;
  }
  // The word around the cursor.
  let ws = end;
  while (ws > 0 && isIdentPart(src[ws - 1])) ws--;
  let we = end;
  while (we < src.length && isIdentPart(src[we])) we++;
  if (placeholderStart !== undefined) ws = Math.max(ws, placeholderStart);
  let k = we;
  while (k < src.length && /\s/.test(src[k])) k++;
  const word = src.slice(ws, end);
  const inArray = stack.some((f) => f.kind === 'bracket');
  let call: OpenCall | undefined;
  // Inside `(…)` groups and `[…]` kernels the argument of the enclosing call is still being written.
  for (let f = stack.length - 1; f >= 0 && !call; f--) call = stack[f].call;
  return {
    wordStart: ws,
    wordEnd: we,
    prefix: word,
    operand: last !== 'operand',
    number: /^[0-9]/.test(word) || (ws > 0 && /[0-9.]/.test(src[ws - 1])),
    inArray,
    ...(placeholderStart !== undefined ? { placeholderStart } : {}),
    ...(call ? { call } : {}),
    followedByParen: src[k] === '(',
  };
}

/** The identifier at `at` (inside it or just after it), as [start, end) in `src`. */
export function identifierAt(src: string, at: number): [number, number] | undefined {
  let s = Math.min(at, src.length);
  while (s > 0 && isIdentPart(src[s - 1])) s--;
  let e = Math.min(at, src.length);
  while (e < src.length && isIdentPart(src[e])) e++;
  if (s === e || !isIdentStart(src[s])) return undefined;
  return [s, e];
}

/** True when the identifier ending at `end` is followed (after spaces) by `(`: a function call. */
export function isCallName(src: string, end: number): boolean {
  let k = end;
  while (k < src.length && /\s/.test(src[k])) k++;
  return src[k] === '(';
}
