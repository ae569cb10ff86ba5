// The C# same-bin dependency graph over nodes[] (reference §3.5); the Rust order lives in rust-order.ts.
import type { Range } from '../diagnostics';
import type { Span } from '../expr/ast';
import type { ModelContext, NodeEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import { prop, str } from './read';
import { kahnOrder } from './scc';

/** Where a dependency is written: the pointer of a whole string value, or a span inside the owner's `expr`. */
export type Site = string | Span;

export interface DepGraph {
  /** ctx.vertices: one vertex per node id (its first declaration), in document order. */
  nodes: readonly NodeEntry[];
  /** deps[v]: the vertices v needs in the same bin, without repeats, in first-use order. */
  deps: number[][];
  /** sites[v][k]: where v first uses deps[v][k]. */
  sites: Site[][];
  /** The C# engine's FIFO topological order, or undefined when the graph has a cycle. */
  order: number[] | undefined;
}

const BUFFER_FIELDS: readonly (readonly [string, string | undefined])[] = [
  ['inflow', undefined],
  ['outflow', undefined],
  ['loss', undefined],
  ['dispatchSchedule', 'capacitySeries'],
];
const ROUTER_FIELDS: readonly (readonly [string, string | undefined])[] = [['inputs', 'queue']];

/**
 * Same-bin edges: every expression reference except inside the first argument of SHIFT(x, lag >= 1) (a name used both
 * ways counts), serviceWithBuffer inflow/outflow/loss/capacitySeries and router inputs.queue.
 */
export function buildDependencyGraph(ctx: ModelContext, exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>): DepGraph {
  const nodes = ctx.vertices;
  const deps: number[][] = [];
  const sites: Site[][] = [];
  // stamp[u] === v + 1 once v depends on u, so repeats are dropped without a set per node.
  const stamp = new Int32Array(nodes.length);
  for (let v = 0; v < nodes.length; v++) {
    const n = nodes[v];
    const d: number[] = [];
    const s: Site[] = [];
    deps.push(d);
    sites.push(s);
    const info = exprs.get(n);
    if (info) {
      for (const r of info.refs) {
        const u = r.lagged ? undefined : ctx.vertexOf(r.name);
        if (u === undefined || stamp[u] === v + 1) continue;
        stamp[u] = v + 1;
        d.push(u);
        s.push(r);
      }
      continue;
    }
    const fields = n.kind === 'servicewithbuffer' ? BUFFER_FIELDS : n.kind === 'router' ? ROUTER_FIELDS : undefined;
    if (!fields) continue;
    for (const [a, b] of fields) {
      const raw = str(b === undefined ? prop(n.value, a) : prop(prop(n.value, a), b));
      const u = raw === undefined ? undefined : ctx.vertexOf(raw.trim());
      if (u === undefined || stamp[u] === v + 1) continue;
      stamp[u] = v + 1;
      d.push(u);
      s.push(b === undefined ? `${n.pointer}/${a}` : `${n.pointer}/${a}/${b}`);
    }
  }
  return { nodes, deps, sites, order: kahnOrder(deps) };
}

/** Where v uses u, if it does. */
export function siteOf(g: DepGraph, v: number, u: number): Site | undefined {
  const k = g.deps[v].indexOf(u);
  return k < 0 ? undefined : g.sites[v][k];
}

/** The range of a dependency site written by `owner`. */
export function siteRange(ctx: ModelContext, owner: NodeEntry | undefined, site: Site): Range {
  if (typeof site === 'string') return ctx.range(site);
  return owner ? ctx.rangeIn(`${owner.pointer}/expr`, site.start, site.end) : ctx.range('');
}
