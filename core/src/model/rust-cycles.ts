// Dependency cycles only the Rust engine sees: names it resolves to topology queue columns close a loop.
import { diag } from '../codes/make';
import { engineCodes } from '../codes/engine';
import type { ModelContext } from './context';
import { siteRange } from './graph';
import type { RustGraph } from './rust-order';
import { hasQueueColumns } from './rust-order';
import { cyclicComponents, shortestCycle } from './scc';

/**
 * Runs only when the C# graph is acyclic (so the C# engine accepts the order) and ids are unique. Cycles made only of
 * queue columns are WIP overflow loops, already errors (S27).
 */
export function checkRustOnlyCycles(ctx: ModelContext, rustGraph: () => RustGraph): void {
  // Without queue columns the Rust edges are a subset of the C# ones, so an acyclic C# graph settles it.
  if (ctx.hasDuplicateIds || !hasQueueColumns(ctx)) return;
  const rust = rustGraph();
  if (!rust.position.includes(-1)) return;
  const { deps, sites } = rust.adjacency();
  for (const component of cyclicComponents(deps)) {
    const start = component.reduce((m, v) => (v < m ? v : m), component[0]);
    if (start >= rust.modelCount) continue;
    const path = shortestCycle(deps, start, new Set(component));
    if (!path) continue;
    const hopRange = (k: number) => {
      const item = path[k];
      const site = sites[item][deps[item].indexOf(path[k + 1])];
      return siteRange(ctx, item < rust.modelCount ? ctx.nodes[item] : undefined, site);
    };
    const labels = path.map((v) => rust.label(v));
    ctx.report(
      diag(
        engineCodes['rust.dependency-cycle'],
        `The Rust engine finds a dependency cycle that the C# engine does not: ${labels.join(' → ')}. It resolves these names to the queue columns it synthesizes from topology nodes, whose inputs (arrivals, served or capacity, errors) feed back, and rejects the model ("model has a dependency cycle").`,
        hopRange(0),
        { related: path.slice(0, -1).map((_, k) => ({ message: `${labels[k]} needs ${labels[k + 1]} in the same bin`, range: hopRange(k) })) },
      ),
    );
  }
}
