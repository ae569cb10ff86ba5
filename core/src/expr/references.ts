// Node references of an expression with their SHIFT context (C# and Rust dependency rules), and self-SHIFT detection.
import type { Call, Expr, NumberLiteral, ReferenceUse, Span } from './ast';

/** Parentheses are transparent to both engines' ASTs, so `(5)` is a literal and `((x))` a bare reference. */
export function unwrapGroups(expr: Expr): Expr {
  let e = expr;
  while (e.type === 'group') e = e.inner;
  return e;
}

export function literalValue(expr: Expr): NumberLiteral | undefined {
  const e = unwrapGroups(expr);
  return e.type === 'number' ? e : undefined;
}

export function isShift(call: Call): boolean {
  const n = call.name;
  return n.length === 5 && (n === 'SHIFT' || n.toUpperCase() === 'SHIFT');
}

/** C# ExpressionCompiler rule: SHIFT with exactly two arguments and a literal lag >= 1 reads x from earlier bins. */
function isLaggedShift(call: Call): boolean {
  if (call.args.length !== 2 || !isShift(call)) return false;
  const lag = literalValue(call.args[1]);
  return lag !== undefined && lag.value >= 1;
}

/** Every bare identifier reference, in source order. */
export function collectReferences(expr: Expr): ReferenceUse[] {
  const out: ReferenceUse[] = [];
  collect(expr, false, false, out);
  // Walking operator chains along their left spine (see below) visits right operands first.
  out.sort((a, b) => a.start - b.start);
  return out;
}

// Binary chains are left-deep (`a + b + c + …`), so they are walked iteratively along the left operand and only
// right operands recurse: recursion depth then follows parentheses and calls, which the parser bounds.
function collect(expr: Expr, lagged: boolean, insideShift: boolean, out: ReferenceUse[]): void {
  let e = expr;
  for (;;) {
    switch (e.type) {
      case 'ref':
        out.push({ name: e.name, start: e.start, end: e.end, lagged, insideShift });
        return;
      case 'group':
        e = e.inner;
        continue;
      case 'negate':
        e = e.operand;
        continue;
      case 'binary':
        collect(e.right, lagged, insideShift, out);
        e = e.left;
        continue;
      case 'call': {
        const shift = isShift(e);
        const laggedShift = shift && isLaggedShift(e);
        for (let i = 0; i < e.args.length; i++) {
          collect(e.args[i], lagged || (laggedShift && i === 0), insideShift || shift, out);
        }
        return;
      }
      default:
        return;
    }
  }
}

/**
 * The §3.6 pattern `SHIFT(<ownId>, <literal > 0>)` anywhere in the expression (C# ExpressionSemanticValidator):
 * function name case-insensitive, exactly two arguments, the first the bare reference compared ordinally.
 * Returns the span of the first such call in source order.
 */
export function findSelfShift(expr: Expr, ownId: string): Span | undefined {
  const found: Span[] = [];
  findShifts(expr, ownId, found);
  let first: Span | undefined;
  for (const s of found) if (!first || s.start < first.start) first = s;
  return first && { start: first.start, end: first.end };
}

function findShifts(expr: Expr, ownId: string, found: Span[]): void {
  let e = expr;
  for (;;) {
    switch (e.type) {
      case 'group':
        e = e.inner;
        continue;
      case 'negate':
        e = e.operand;
        continue;
      case 'binary':
        findShifts(e.right, ownId, found);
        e = e.left;
        continue;
      case 'call':
        if (e.args.length === 2 && isShift(e)) {
          const target = unwrapGroups(e.args[0]);
          const lag = literalValue(e.args[1]);
          if (target.type === 'ref' && target.name === ownId && lag !== undefined && lag.value > 0) {
            found.push(e);
            return;
          }
        }
        for (const arg of e.args) findShifts(arg, ownId, found);
        return;
      default:
        return;
    }
  }
}
