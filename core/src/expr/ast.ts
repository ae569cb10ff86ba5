// AST of the FlowTime expression language; every node carries its [start, end) offsets in the expression string.

export interface Span {
  start: number;
  end: number;
}

export interface NumberLiteral extends Span {
  type: 'number';
  value: number;
  /** The source text, e.g. `0.5`. */
  raw: string;
}

export interface ArrayLiteral extends Span {
  type: 'array';
  elements: NumberLiteral[];
}

export interface Reference extends Span {
  type: 'ref';
  name: string;
}

export interface Call extends Span {
  type: 'call';
  /** As written (function names are case-insensitive; compare with `name.toUpperCase()`). */
  name: string;
  nameSpan: Span;
  args: Expr[];
}

export interface Binary extends Span {
  type: 'binary';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
}

/** Unary minus: accepted by the Rust engine only; the parser builds it so Rust-only syntax can be reported as a divergence. */
export interface Negate extends Span {
  type: 'negate';
  operand: Expr;
}

/** Parentheses are kept so that `(5)` still counts as a literal where the engine requires one. */
export interface Group extends Span {
  type: 'group';
  inner: Expr;
}

export type Expr = NumberLiteral | ArrayLiteral | Reference | Call | Binary | Negate | Group;

/** A rewrite of an issue's own [start, end) span, for quick fixes. */
export interface ExprFix {
  title: string;
  newText: string;
}

/** A problem found in an expression, positioned inside the expression string. */
export interface ExprIssue extends Span {
  code: string;
  message: string;
  /** Replaces the characters [start, end) of the expression with `newText`. */
  fix?: ExprFix;
}

/** A node reference with how it is used, for dependency and cycle analysis. */
export interface ReferenceUse extends Span {
  name: string;
  /** Inside the first argument of SHIFT(x, lag >= 1): a lagged (previous-bin) dependency in the C# engine. */
  lagged: boolean;
  /** Inside any SHIFT(...) argument at all: the Rust engine drops such references from its dependency graph. */
  insideShift: boolean;
}
