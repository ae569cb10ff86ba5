// Same-bin dependency cycles (rule C22), one report per cycle group, on its first node in document order.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext } from './context';
import type { DepGraph } from './graph';
import { siteOf, siteRange } from './graph';
import { q } from './read';
import { cyclicComponents, shortestCycle } from './scc';
import type { RustGraph } from './rust-order';

const MAX_LISTED = 10;

/**
 * Reports every same-bin cycle; returns true when the graph has one. The Rust graph (built on demand) tells which
 * cycles only the C# engine sees.
 */
export function checkCycles(ctx: ModelContext, g: DepGraph, rust: () => RustGraph): boolean {
  // The Kahn sort already proved the common case acyclic; only then is the component search needed.
  if (g.order) return false;
  const components = cyclicComponents(g.deps);
  const firstOf = (c: number[]) => c.reduce((m, v) => (v < m ? v : m), c[0]);
  for (const component of components.sort((a, b) => firstOf(a) - firstOf(b))) {
    const members = new Set(component);
    const start = firstOf(component);
    const path = shortestCycle(g.deps, start, members);
    if (!path) continue;
    const ids = path.map((v) => g.nodes[v].id);
    let message =
      path.length === 2
        ? `Node ${q(ids[0])} uses its own value in the same bin (${ids.join(' → ')}): the C# engine rejects the same-bin cycle ("graph has a cycle"). Read the previous bin with SHIFT(${ids[0]}, 1) if a recurrence is meant.`
        : `Same-bin cycle ${ids.join(' → ')}: each of these nodes needs the next one's value for the same bin, so the C# engine cannot order them ("graph has a cycle"). Read one of the values from the previous bin with SHIFT(…, 1).`;
    const onPath = new Set(path);
    const others = component.filter((v) => !onPath.has(v)).sort((a, b) => a - b);
    if (others.length > 0) {
      const listed = others.slice(0, MAX_LISTED).map((v) => q(g.nodes[v].id));
      message += ` The same cycle group also contains ${listed.join(', ')}${others.length > MAX_LISTED ? ` and ${others.length - MAX_LISTED} more` : ''}.`;
    }
    // Without duplicate ids the graph vertices are ctx.nodes in order, which is what the Rust positions index.
    if (!ctx.hasDuplicateIds && component.every((v) => g.nodes[v].kind === 'expr' && rust().position[v] >= 0)) {
      message += ' (The Rust engine drops references inside SHIFT(...) and would accept this.)';
    }
    const rangeOfStep = (k: number) => {
      const site = siteOf(g, path[k], path[k + 1]);
      return site !== undefined ? siteRange(ctx, g.nodes[path[k]], site) : ctx.range(`${g.nodes[path[k]].pointer}/id`);
    };
    const related = [];
    for (let k = 0; k + 1 < path.length; k++) {
      related.push({ message: `${q(ids[k])} uses ${q(ids[k + 1])} in the same bin`, range: rangeOfStep(k) });
    }
    ctx.report(diag(modelCodes['model.same-bin-cycle'], message, rangeOfStep(0), { related }));
  }
  return true;
}
