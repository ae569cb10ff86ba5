// Helpers for expression tests: a compact AST rendering and a node-id context.
import assert from 'node:assert/strict';
import type { Expr, ExprIssue } from '../../../core/src/expr/ast';
import type { ExprContext } from '../../../core/src/expr/check';
import { parseExpression } from '../../../core/src/expr/parse';

/** S-expression rendering: `(+ a (* b 2))`, `(group a)`, `(neg x)`, `(MIN a b)`, `[1 2]`. */
export function shape(e: Expr): string {
  switch (e.type) {
    case 'number':
      return e.raw;
    case 'ref':
      return e.name;
    case 'array':
      return `[${e.elements.map((x) => x.raw).join(' ')}]`;
    case 'group':
      return `(group ${shape(e.inner)})`;
    case 'negate':
      return `(neg ${shape(e.operand)})`;
    case 'binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'call':
      return `(${[e.name, ...e.args.map(shape)].join(' ')})`;
  }
}

/** Parses and insists there is an AST. */
export function parsed(src: string): { expr: Expr; issues: ExprIssue[] } {
  const r = parseExpression(src);
  assert.ok(r.expr, `expected ${JSON.stringify(src)} to parse, got ${JSON.stringify(r.issues)}`);
  return { expr: r.expr, issues: r.issues };
}

/** Parses and insists on a clean parse (no issues at all). */
export function clean(src: string): Expr {
  const r = parsed(src);
  assert.deepEqual(r.issues, [], `unexpected issues for ${JSON.stringify(src)}`);
  return r.expr;
}

export function context(ids: string[], withNames = true): ExprContext {
  const set = new Set(ids);
  const ctx: ExprContext = { isNode: (n) => set.has(n) };
  if (withNames) ctx.nodeNames = () => set;
  return ctx;
}

/** Applies an issue's fix to the source. */
export function applyFix(src: string, issue: ExprIssue): string {
  assert.ok(issue.fix, `issue ${issue.code} has no fix`);
  return src.slice(0, issue.start) + issue.fix.newText + src.slice(issue.end);
}

export function spanOf(issue: ExprIssue): [number, number] {
  return [issue.start, issue.end];
}
