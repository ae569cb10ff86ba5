// Where the Rust SHIFT dependency rule reorders evaluation so that a same-bin read happens before its producer.
import { diag } from '../codes/make';
import { engineCodes } from '../codes/engine';
import type { ModelContext, NodeEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import type { DepGraph } from './graph';
import type { RustGraph } from './rust-order';
import { q } from './read';

/**
 * The Rust engine drops every name used inside SHIFT(...) from a node's dependencies, even when the same name is also
 * read in the same bin (directly or through SHIFT(x, 0)); the C# engine keeps that edge. Rust then orders nodes with a
 * FIFO topological sort over nodes and queue columns (rust-order.ts) and evaluates bin-major: a node placed before the expr it reads in the same bin
 * sees 0.
 * Const and pmf producers are written before the bin loop, so only expr producers matter. Skipped when the C# graph
 * has a cycle or duplicate ids (both already errors).
 */
export function checkShiftDivergence(
  ctx: ModelContext,
  g: DepGraph,
  exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>,
  rust: () => RustGraph,
): void {
  if (ctx.hasDuplicateIds || !g.order) return;

  g.nodes.forEach((n, i) => {
    const info = exprs.get(n);
    if (!info) return;
    let insideShift: Set<string> | undefined;
    for (const r of info.refs) if (r.insideShift) (insideShift ??= new Set()).add(r.name);
    if (!insideShift) return;
    let reported: Set<string> | undefined;
    for (const r of info.refs) {
      if (r.lagged || !insideShift.has(r.name) || reported?.has(r.name)) continue;
      const j = ctx.vertexOf(r.name);
      if (j === undefined || j === i || g.nodes[j].kind !== 'expr') continue;
      // Without duplicate ids the graph vertices are ctx.nodes in order, which is what the Rust positions index.
      const position = rust().position;
      if (position[i] < 0 || position[j] < 0 || position[i] > position[j]) continue;
      (reported ??= new Set()).add(r.name);
      ctx.report(
        diag(
          engineCodes['rust.shift-dependency'],
          `The Rust engine drops ${q(r.name)} from the dependencies of ${q(n.id)} because ${q(r.name)} also appears inside SHIFT(...), and then evaluates ${q(n.id)} before ${q(r.name)}: this same-bin read sees 0 instead of the current value (the C# engine evaluates ${q(r.name)} first). Read it through a separate node (e.g. ${r.name}_now = ${r.name}) to keep the dependency in both engines.`,
          ctx.rangeIn(info.pointer, r.start, r.end),
        ),
      );
    }
  });
}
