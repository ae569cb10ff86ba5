// Recursive-descent parser for FlowTime expressions (C# grammar); never throws, parses and flags Rust-only syntax.
import type { ArrayLiteral, Call, Expr, ExprFix, ExprIssue, Group, Negate, NumberLiteral, Reference } from './ast';
import {
  isIdentPart as isWideIdentPart,
  isIdentStart as isWideIdentStart,
  isUnicodeDigit,
  isWhiteSpace,
} from './chars';
import { plainDecimal } from './number-text';

export interface ParseOutcome {
  /** Present only when the whole string parsed (Rust-only syntax does not stop parsing, real syntax errors do). */
  expr?: Expr;
  /** Sorted by start offset. */
  issues: ExprIssue[];
}

/** Deeper nesting than this is reported instead of risking the call stack; real expressions stay far below it. */
const MAX_DEPTH = 200;

const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_STAR = 42;
const CH_PLUS = 43;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_SLASH = 47;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_E_UPPER = 69;
const CH_E_LOWER = 101;

const invisibleRe = /^[\p{C}\p{Z}]/u;

/**
 * Outcomes by source text. An editor re-validates on every keystroke, and all expressions but the one being typed are
 * unchanged, so parsing each distinct text once saves a third of the work on large models. Outcomes are shared and
 * must be treated as immutable by callers.
 *
 * Two generations bound it: a hit moves the entry into the current generation, and a full current generation becomes
 * the previous one while the old previous one is dropped. The expressions of the documents being edited are hit on
 * every validation and stay; the intermediate texts of typing and the expressions of closed documents age out. A
 * generation holds the expressions of a 8,000-expression model, so such a model never misses.
 */
const GENERATION_SIZE = 8192;
let current = new Map<string, ParseOutcome>();
let previous = new Map<string, ParseOutcome>();

export function parseExpression(src: string): ParseOutcome {
  const hit = current.get(src);
  if (hit) return hit;
  const text = detached(src);
  const outcome = previous.get(src) ?? new Parser(text).run();
  if (current.size >= GENERATION_SIZE) {
    previous = current;
    current = new Map();
  }
  current.set(text, outcome);
  return outcome;
}

/**
 * A copy of `s` that shares no characters with it. Expression texts are usually slices of a whole document, and a
 * cached key (or a name in a cached AST) that is a slice keeps that document's text alive: once per keystroke that
 * changed an expression, 300 KB on a 5,000-node model.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Forgets every cached parse (benchmarks measure cold validation with it). */
export function clearExpressionCache(): void {
  current.clear();
  previous.clear();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private failed = false;
  private readonly len: number;
  private readonly issues: ExprIssue[] = [];

  constructor(private readonly src: string) {
    this.len = src.length;
  }

  run(): ParseOutcome {
    let k = 0;
    while (k < this.len && isSpace(this.src.charCodeAt(k))) k++;
    if (k === this.len) {
      this.fail('empty expression: write a number, a node id or a function call', 0, this.len);
      return { issues: this.issues };
    }
    const expr = this.parseExpr();
    if (expr && this.pos < this.len) this.unexpected(this.pos, true);
    this.issues.sort((a, b) => a.start - b.start || a.end - b.end);
    return this.failed || !expr ? { issues: this.issues } : { expr, issues: this.issues };
  }

  // ---- grammar -------------------------------------------------------------------------------------------------

  private parseExpr(): Expr | undefined {
    let left = this.parseTerm();
    if (!left) return undefined;
    for (;;) {
      const c = this.code(this.pos);
      if (c !== CH_PLUS && c !== CH_MINUS) return left;
      this.pos++;
      this.skipWs();
      const right = this.parseTerm();
      if (!right) return undefined;
      left = { type: 'binary', op: c === CH_PLUS ? '+' : '-', left, right, start: left.start, end: right.end };
    }
  }

  private parseTerm(): Expr | undefined {
    let left = this.parseFactor();
    if (!left) return undefined;
    for (;;) {
      const c = this.code(this.pos);
      if (c !== CH_STAR && c !== CH_SLASH) return left;
      this.pos++;
      this.skipWs();
      const right = this.parseFactor();
      if (!right) return undefined;
      left = { type: 'binary', op: c === CH_STAR ? '*' : '/', left, right, start: left.start, end: right.end };
    }
  }

  private parseFactor(): Expr | undefined {
    this.skipWs();
    if (this.pos >= this.len) {
      return this.fail(
        "unexpected end of expression: expected a number, a node id, a function call or '('",
        this.len,
        this.len,
      );
    }
    if (this.depth >= MAX_DEPTH) {
      return this.fail(`the expression is nested more than ${MAX_DEPTH} levels deep`, this.pos, this.pos + 1);
    }
    this.depth++;
    const result = this.factor();
    this.depth--;
    return result;
  }

  private factor(): Expr | undefined {
    const start = this.pos;
    const c = this.src.charCodeAt(start);
    if (c === CH_LPAREN) return this.parseGroup();
    if (c === CH_LBRACKET) return this.parseArray();
    if (isAsciiDigit(c) || (c === CH_DOT && isAsciiDigit(this.code(start + 1)))) return this.parseNumber(false);
    if (isIdentStart(c)) return this.parseIdentifier();
    if (c === CH_MINUS) return this.parseNegate();
    if (isUnicodeDigit(c)) return this.failNonAsciiDigits(start);
    return this.unexpected(start, false);
  }

  private parseGroup(): Group | undefined {
    const start = this.pos;
    this.pos++;
    this.skipWs();
    const inner = this.parseExpr();
    if (!inner) return undefined;
    if (this.code(this.pos) !== CH_RPAREN) return this.expected("')'", ` to close the '(' at position ${start}`);
    this.pos++;
    const group: Group = { type: 'group', inner, start, end: this.pos };
    this.skipWs();
    return group;
  }

  private parseNegate(): Negate | undefined {
    const start = this.pos;
    this.pos++;
    const operand = this.parseFactor();
    if (!operand) return undefined;
    const node: Negate = { type: 'negate', operand, start, end: operand.end };
    const rewritten = `(0 - ${this.rewrite(operand.start, operand.end)})`;
    // `--x`: one issue for the whole chain; its fix already rewrites the inner minus too.
    if (operand.type === 'negate') this.dropIssue('csharp.unary-minus', operand.start, operand.end);
    const shown = rewritten.length <= 40 ? rewritten : '(0 - …)';
    this.soft(
      'csharp.unary-minus',
      `unary minus: the C# engine rejects it ("unexpected character '-'"), the Rust engine would accept it; ` +
        `subtract from zero instead, ${shown}, which both engines accept`,
      start,
      operand.end,
      { title: `Rewrite as ${shown}`, newText: rewritten },
    );
    return node;
  }

  private parseIdentifier(): Reference | Call | undefined {
    const start = this.pos;
    let nonAscii = this.src.charCodeAt(start) >= 128;
    let p = start + 1;
    while (p < this.len) {
      const c = this.src.charCodeAt(p);
      if (!isIdentPart(c)) break;
      if (c >= 128) nonAscii = true;
      p++;
    }
    const name = this.src.slice(start, p);
    this.pos = p;
    if (nonAscii) {
      this.soft(
        'rust.non-ascii-identifier',
        `'${name}' contains non-ASCII letters or digits: the C# engine accepts it, the Rust engine reads only ASCII ` +
          `letters, digits and '_' in names and would reject the expression`,
        start,
        p,
      );
    }
    this.skipWs();
    if (this.code(this.pos) === CH_LPAREN) return this.parseCall(name, start, p);
    return { type: 'ref', name, start, end: p };
  }

  private parseCall(name: string, start: number, nameEnd: number): Call | undefined {
    this.pos++;
    this.skipWs();
    const args: Expr[] = [];
    if (this.code(this.pos) !== CH_RPAREN) {
      for (;;) {
        const arg = this.parseExpr();
        if (!arg) return undefined;
        args.push(arg);
        const c = this.code(this.pos);
        if (c === CH_COMMA) {
          const comma = this.pos;
          this.pos++;
          this.skipWs();
          if (this.code(this.pos) === CH_RPAREN) {
            return this.fail("unexpected ',' before ')': remove the trailing comma", comma, comma + 1);
          }
          continue;
        }
        if (c === CH_RPAREN) break;
        return this.expected("',' or ')'", ` in the arguments of ${name}`);
      }
    }
    this.pos++;
    const call: Call = { type: 'call', name, nameSpan: { start, end: nameEnd }, args, start, end: this.pos };
    this.skipWs();
    return call;
  }

  private parseArray(): ArrayLiteral | undefined {
    const start = this.pos;
    this.pos++;
    this.skipWs();
    const elements: NumberLiteral[] = [];
    if (this.code(this.pos) !== CH_RBRACKET) {
      for (;;) {
        const element = this.parseArrayElement();
        if (!element) return undefined;
        elements.push(element);
        const c = this.code(this.pos);
        if (c === CH_COMMA) {
          this.pos++;
          this.skipWs();
          continue;
        }
        if (c === CH_RBRACKET) break;
        return this.expected("',' or ']'", ' in the array');
      }
    }
    this.pos++;
    const array: ArrayLiteral = { type: 'array', elements, start, end: this.pos };
    this.skipWs();
    return array;
  }

  private parseArrayElement(): NumberLiteral | undefined {
    const start = this.pos;
    let c = this.code(start);
    const negative = c === CH_MINUS;
    if (negative) {
      this.pos++;
      this.skipWs();
      c = this.code(this.pos);
    }
    if (!(isAsciiDigit(c) || (c === CH_DOT && isAsciiDigit(this.code(this.pos + 1))))) {
      if (c >= 0 && isUnicodeDigit(c)) return this.failNonAsciiDigits(this.pos);
      return this.expected('a number', ' (array elements must be numbers)');
    }
    const num = this.parseNumber(true);
    if (!num || !negative) return num;
    const raw = this.src.slice(start, num.end);
    this.soft(
      'csharp.unary-minus',
      `negative number '${raw}' in an array: the C# engine rejects '-' inside an array literal, the Rust ` +
        'engine would accept it; a negative array element cannot be written so that both engines accept it',
      start,
      num.end,
    );
    return { type: 'number', value: -num.value, raw, start, end: num.end };
  }

  /** number := digit+ ('.' digit+)? in C#; the Rust engine also reads `.5`, `5.` and exponents, flagged here. */
  private parseNumber(inArray: boolean): NumberLiteral | undefined {
    const start = this.pos;
    let p = start;
    while (isAsciiDigit(this.code(p))) p++;
    const intEnd = p;
    let fracStart = -1;
    if (this.code(p) === CH_DOT) {
      p++;
      fracStart = p;
      while (isAsciiDigit(this.code(p))) p++;
    }
    const fracEnd = p;
    const next = this.code(p);
    if (next >= 128 && isUnicodeDigit(next)) return this.failNonAsciiDigits(start);
    let exponent = 0;
    let hasExponent = false;
    let signedExponent = false;
    if (next === CH_E_LOWER || next === CH_E_UPPER) {
      let q = p + 1;
      const sign = this.code(q);
      const signed = sign === CH_PLUS || sign === CH_MINUS;
      if (signed) q++;
      if (isAsciiDigit(this.code(q))) {
        const digitsStart = q;
        while (isAsciiDigit(this.code(q))) q++;
        signedExponent = signed;
        const magnitude = Number(this.src.slice(digitsStart, q));
        exponent = sign === CH_MINUS ? -magnitude : magnitude;
        hasExponent = true;
        p = q;
      }
    }
    this.pos = p;
    const raw = this.src.slice(start, p);
    const bareTrailingDot = fracStart >= 0 && fracEnd === fracStart;
    if (bareTrailingDot && !hasExponent) {
      const after = this.code(p);
      // `5.x` or `5..3`: neither engine reads it, so this is a plain syntax error, not a Rust-only spelling.
      if (after === CH_DOT || (after >= 0 && isIdentStart(after))) {
        return this.fail(`expected a digit after the decimal point in '${raw}'`, start, p);
      }
    }
    const node: NumberLiteral = { type: 'number', value: Number(raw), raw, start, end: p };
    if (hasExponent) {
      const fracDigits = fracStart < 0 ? '' : this.src.slice(fracStart, fracEnd);
      const plain = plainDecimal(this.src.slice(start, intEnd), fracDigits, exponent);
      const fix: ExprFix | undefined = plain === undefined ? undefined : { title: `Write ${plain}`, newText: plain };
      const advice = plain === undefined ? 'write it as a plain decimal number' : `write ${plain}`;
      if (inArray && signedExponent) {
        return this.fail(
          `invalid number '${raw}' in the array: neither engine reads an exponent with a sign inside an array; ` +
            advice,
          start,
          p,
          fix,
        );
      }
      this.soft(
        'csharp.exponent-number',
        `'${raw}' uses exponent notation: the C# engine rejects it, the Rust engine would accept it; ${advice}, ` +
          'which both engines accept',
        start,
        p,
        fix,
      );
    } else if (bareTrailingDot) {
      const intDigits = this.src.slice(start, intEnd);
      this.soft(
        'csharp.bare-decimal-point',
        `'${raw}' ends with a decimal point: the C# engine rejects it ("expected a digit after the decimal point"), ` +
          `the Rust engine would accept it; write ${intDigits}, which both engines accept`,
        start,
        p,
        { title: `Write ${intDigits}`, newText: intDigits },
      );
    } else if (intEnd === start && !inArray) {
      // Inside an array the C# engine parses `.5` with double.TryParse, which accepts it; elsewhere it does not.
      this.soft(
        'csharp.bare-decimal-point',
        `'${raw}' starts with a decimal point: the C# engine rejects it ("unexpected character '.'"), ` +
          `the Rust engine would accept it; write 0${raw}, which both engines accept`,
        start,
        p,
        { title: `Write 0${raw}`, newText: `0${raw}` },
      );
    }
    this.skipWs();
    return node;
  }

  // ---- whitespace ----------------------------------------------------------------------------------------------

  private skipWs(): void {
    let odd = -1;
    while (this.pos < this.len) {
      const c = this.src.charCodeAt(this.pos);
      if (isRustWhiteSpace(c)) {
        if (odd >= 0) {
          this.reportWhitespace(odd, this.pos);
          odd = -1;
        }
      } else if (c === 11 || (c >= 128 && isWhiteSpace(c))) {
        if (odd < 0) odd = this.pos;
      } else {
        break;
      }
      this.pos++;
    }
    if (odd >= 0) this.reportWhitespace(odd, this.pos);
  }

  private reportWhitespace(start: number, end: number): void {
    const hex = this.src.charCodeAt(start).toString(16).toUpperCase().padStart(4, '0');
    this.soft(
      'rust.unsupported-whitespace',
      `whitespace character U+${hex}: the C# engine skips it, the Rust engine only skips spaces, tabs, line breaks ` +
        'and form feeds and would reject the expression; use a plain space',
      start,
      end,
      { title: 'Replace with a plain space', newText: ' ' },
    );
  }

  // ---- issues --------------------------------------------------------------------------------------------------

  private code(i: number): number {
    return i < this.len ? this.src.charCodeAt(i) : -1;
  }

  private fail(message: string, start: number, end: number, fix?: ExprFix): undefined {
    if (!this.failed) {
      this.failed = true;
      const issue: ExprIssue = { code: 'expr.syntax', message, start, end };
      if (fix) issue.fix = fix;
      this.issues.push(issue);
    }
    return undefined;
  }

  private soft(code: string, message: string, start: number, end: number, fix?: ExprFix): void {
    const issue: ExprIssue = { code, message, start, end };
    if (fix) issue.fix = fix;
    this.issues.push(issue);
  }

  private dropIssue(code: string, start: number, end: number): void {
    const i = this.issues.findIndex((x) => x.code === code && x.start === start && x.end === end);
    if (i >= 0) this.issues.splice(i, 1);
  }

  private expected(what: string, where: string): undefined {
    if (this.pos >= this.len) {
      return this.fail(`expected ${what}${where}, but the expression ended`, this.len, this.len);
    }
    const width = this.charWidth(this.pos);
    return this.fail(
      `expected ${what}${where}, found '${this.display(this.pos, width)}'`,
      this.pos,
      this.pos + width,
    );
  }

  private unexpected(at: number, trailing: boolean): undefined {
    const width = this.charWidth(at);
    const c = this.src.charCodeAt(at);
    const hint = trailing && c === CH_RPAREN ? ": there is no '(' to match it" : hintFor(c, this.code(at + 1));
    return this.fail(`unexpected character '${this.display(at, width)}'${hint}`, at, at + width);
  }

  private failNonAsciiDigits(start: number): undefined {
    let p = start;
    for (;;) {
      const c = this.code(p);
      if (c < 0 || !(isUnicodeDigit(c) || c === CH_DOT)) break;
      p++;
    }
    return this.fail(
      `invalid number '${this.src.slice(start, p)}': numbers may only use the digits 0-9`,
      start,
      p,
    );
  }

  private charWidth(at: number): number {
    const c = this.src.charCodeAt(at);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.code(at + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return 2;
    }
    return 1;
  }

  private display(at: number, width: number): string {
    const c = this.src.charCodeAt(at);
    const text = this.src.slice(at, at + width);
    // Control, format and space characters are invisible in a message; name them by code point instead.
    if (c < 32 || c === 127 || (c >= 128 && invisibleRe.test(text))) {
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return text;
  }

  /** The source text of [start, end) with the fixes of the outermost Rust-only issues inside it applied. */
  private rewrite(start: number, end: number): string {
    const inside = this.issues
      .filter((i) => i.fix && i.start >= start && i.end <= end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = start;
    for (const issue of inside) {
      if (issue.start < at) continue;
      out += this.src.slice(at, issue.start) + issue.fix!.newText;
      at = issue.end;
    }
    return out + this.src.slice(at, end);
  }
}

function hintFor(c: number, next: number): string {
  switch (c) {
    case CH_PLUS:
      return ': there is no unary plus; remove it';
    case CH_DOT:
      return ': a number needs digits on both sides of the decimal point';
    case CH_COMMA:
      return ': a comma only separates function arguments or array elements';
    case 94: // ^
      return ': there is no power operator; multiply instead (x * x)';
    case 37: // %
      return ': there is no modulo operator; use MOD(value, divisor)';
    case 60: // <
    case 62: // >
    case 61: // =
    case 33: // !
      return ': there are no comparison operators; STEP(value, threshold) gives 1 where value >= threshold, else 0';
    case 38: // &
    case 124: // |
      return ': there are no logical operators; multiply STEP(...) results for "and", use MAX for "or"';
    case 34: // "
    case 39: // '
    case 96: // `
      return ': there are no string literals; refer to a node by its bare id';
    case 64: // @
      return ': class-qualified references (node@class) exist only in topology semantics, not in expressions';
    case 36: // $
      return next === 123
        ? ': ${...} is a template parameter, which must be substituted before the expression is read'
        : '';
    case CH_RPAREN:
      return ": expected a number, a node id, a function call or '(' first";
    default:
      return '';
  }
}

// Hot-path classifiers: ASCII is decided inline, only non-ASCII code units go to the Unicode tables in chars.ts.

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 128 && isWideIdentStart(c));
}

function isIdentPart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return isWideIdentPart(c);
}

/** C# `char.IsWhiteSpace`. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isWhiteSpace(c));
}

/** Rust `u8::is_ascii_whitespace`: space, tab, LF, form feed, CR (not vertical tab). */
function isRustWhiteSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}
