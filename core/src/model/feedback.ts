// C# feedback spans (rule V3): nodes the engine must evaluate bin by bin, which only expr and serviceWithBuffer support.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ReferenceUse } from '../expr/ast';
import type { ModelContext, NodeEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import type { DepGraph } from './graph';
import { siteRange } from './graph';
import { q } from './read';

const UNSUPPORTED = new Set(['const', 'pmf', 'router']);

/**
 * Mirrors the C# graph: a FIFO topological order over same-bin edges; an expr node with a lagged reference to a node
 * later in that order opens a span up to the latest such node, and every node in the span is evaluated bin by bin.
 * Nodes already inside a span do not open another one. Skipped when the C# graph would not build (cycle, duplicates).
 */
export function checkFeedbackSpans(ctx: ModelContext, g: DepGraph, exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>): void {
  if (ctx.hasDuplicateIds) return;
  const order = g.order;
  if (!order) return;
  const position = new Int32Array(order.length);
  order.forEach((v, p) => (position[v] = p));
  const consumed = new Uint8Array(order.length);

  for (let p = 0; p < order.length; p++) {
    const trigger = order[p];
    if (consumed[trigger]) continue;
    const info = exprs.get(g.nodes[trigger]);
    if (!info) continue;
    let end = p;
    let farthest: { target: number; use: ReferenceUse } | undefined;
    for (const r of info.refs) {
      if (!r.lagged) continue;
      const j = ctx.vertexOf(r.name);
      if (j !== undefined && position[j] > end) {
        end = position[j];
        farthest = { target: j, use: r };
      }
    }
    if (!farthest) continue;
    const from = g.nodes[trigger];
    const to = g.nodes[farthest.target];
    const use = farthest.use;
    for (let k = p; k <= end; k++) {
      consumed[order[k]] = 1;
      const m = g.nodes[order[k]];
      if (!UNSUPPORTED.has(m.kind) || ctx.broken(`${m.pointer}/kind`)) continue;
      const fix = m.kind === 'router' ? '' : ` Declare ${q(m.id)} before ${q(from.id)} in nodes[] so it is evaluated first, outside the span.`;
      ctx.report(
        diag(
          modelCodes['model.feedback-span-node'],
          `Node ${q(m.id)} (${m.kindRaw}) falls inside the feedback span from ${q(from.id)} to ${q(to.id)}: ${q(from.id)} reads ${q(to.id)} through SHIFT although ${q(to.id)} is evaluated later, so the C# engine evaluates that span bin by bin, which only expr and serviceWithBuffer nodes support ("unsupported node type in feedback subgraph").${fix}`,
          ctx.range(`${m.pointer}/id`),
          {
            related: [
              { message: `${q(from.id)} reads ${q(to.id)} from an earlier bin here`, range: siteRange(ctx, from, use) },
              { message: `${q(to.id)} ends the span`, range: ctx.range(`${to.pointer}/id`) },
            ],
          },
        ),
      );
    }
  }
}
