// Runs the expression validator on every expr node and keeps the parsed AST and references for the graph rules.
import type { Expr, ReferenceUse } from '../expr/ast';
import { validateExpressionAt } from '../expr/index';
import type { ModelContext, NodeEntry } from './context';
import { prop } from './read';

export interface ExprNodeInfo {
  node: NodeEntry;
  /** Pointer of the `expr` string (for locateInString). */
  pointer: string;
  expr?: Expr;
  refs: ReferenceUse[];
}

export function analyzeExpressions(ctx: ModelContext): Map<NodeEntry, ExprNodeInfo> {
  const infos = new Map<NodeEntry, ExprNodeInfo>();
  const exprCtx = { isNode: (name: string) => ctx.isNode(name), nodeNames: () => ctx.nodeIds() };
  for (const n of ctx.nodes) {
    if (n.kind !== 'expr') continue;
    const pointer = `${n.pointer}/expr`;
    if (typeof prop(n.value, 'expr') !== 'string' || ctx.broken(pointer)) continue;
    const result = validateExpressionAt(ctx.doc, pointer, exprCtx);
    for (const d of result.diagnostics) ctx.report(d);
    const info: ExprNodeInfo = { node: n, pointer, refs: Array.isArray(result.refs) ? result.refs : [] };
    if (result.expr) info.expr = result.expr;
    infos.set(n, info);
  }
  return infos;
}
