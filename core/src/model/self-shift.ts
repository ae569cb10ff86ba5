// Self-SHIFT recurrences need a seed (rules S24, C7): a topology node with initialCondition for the node.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import { findSelfShift } from '../expr/index';
import type { ModelContext, NodeEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import { has, prop, q, str } from './read';

export function checkSelfShift(ctx: ModelContext, exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>): void {
  const seeded = new Set<string>();
  for (const t of ctx.topology) {
    if (!has(t.value, 'initialCondition') || prop(t.value, 'initialCondition') === undefined) continue;
    seeded.add(t.id.trim().toLowerCase());
    const queueDepth = str(prop(t.semantics, 'queueDepth'));
    if (queueDepth !== undefined) seeded.add(queueDepth.trim().toLowerCase());
  }
  for (const info of exprs.values()) {
    if (!info.expr || seeded.has(info.node.id.toLowerCase())) continue;
    const span = findSelfShift(info.expr, info.node.id);
    if (!span) continue;
    ctx.report(
      diag(
        modelCodes['model.self-shift-initial-condition'],
        `Node ${q(info.node.id)} uses SHIFT on itself but nothing seeds its first bins: give the topology node whose semantics.queueDepth is ${q(info.node.id)} an initial condition (topology.nodes[].initialCondition.queueDepth).`,
        ctx.rangeIn(info.pointer, span.start, span.end),
      ),
    );
  }
}
