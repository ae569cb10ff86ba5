// Topology WIP fields: wipOverflow targets (S26), overflow loops (S27/C6) and wipLimitSeries (evaluated by Rust only).
import { diag } from '../codes/make';
import { engineCodes } from '../codes/engine';
import { modelCodes } from '../codes/model';
import type { ModelContext } from './context';
import { isBlank, prop, q, str } from './read';
import { suggestRename } from './rename-fix';

export function checkWip(ctx: ModelContext): void {
  const entries = ctx.topology;
  const position = new Map(entries.map((t, k) => [t, k]));
  // next[k]: the topology node that k overflows into, or -1.
  const next = entries.map((t) => {
    const pointer = `${t.pointer}/wipOverflow`;
    const raw = str(prop(t.value, 'wipOverflow'));
    if (raw === undefined || isBlank(raw) || raw.trim().toLowerCase() === 'loss' || ctx.broken(pointer)) return -1;
    const target = ctx.topologyByLower.get(raw.trim().toLowerCase());
    if (target) return position.get(target)!;
    const s = suggestRename(ctx.doc, { pointer, value: raw, name: raw.trim() }, ctx.topologyIds());
    ctx.report(
      diag(
        modelCodes['model.unknown-wip-overflow-target'],
        `wipOverflow of topology node ${q(t.id)} is ${q(raw.trim())}, which is neither 'loss' nor a topology node${s.hint}.`,
        ctx.range(pointer),
        { fixes: s.fixes },
      ),
    );
    return -1;
  });
  reportOverflowCycles(ctx, next);
  checkWipLimitSeries(ctx);
}

function reportOverflowCycles(ctx: ModelContext, next: readonly number[]): void {
  const entries = ctx.topology;
  // 0 = unvisited, 1 = on the current walk, 2 = finished.
  const state = new Uint8Array(next.length);
  for (let s = 0; s < next.length; s++) {
    if (state[s] !== 0) continue;
    const walk: number[] = [];
    let v = s;
    while (v !== -1 && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = next[v];
    }
    if (v !== -1 && state[v] === 1) {
      const loop = walk.slice(walk.indexOf(v));
      const first = Math.min(...loop);
      const at = loop.indexOf(first);
      const ordered = [...loop.slice(at), ...loop.slice(0, at)];
      const ids = [...ordered, first].map((k) => entries[k].id);
      ctx.report(
        diag(
          modelCodes['model.wip-overflow-cycle'],
          `WIP overflow routing contains a cycle: ${ids.join(' → ')}; route one of these nodes to 'loss' or to a node outside the loop.`,
          ctx.range(`${entries[first].pointer}/wipOverflow`),
          {
            related: ordered.map((k) => ({
              message: `${q(entries[k].id)} overflows into ${q(entries[next[k]].id)}`,
              range: ctx.range(`${entries[k].pointer}/wipOverflow`),
            })),
          },
        ),
      );
    }
    for (const w of walk) state[w] = 2;
  }
}

function checkWipLimitSeries(ctx: ModelContext): void {
  for (const t of ctx.topology) {
    const pointer = `${t.pointer}/wipLimitSeries`;
    const raw = str(prop(t.value, 'wipLimitSeries'));
    if (raw === undefined || isBlank(raw) || ctx.isNode(raw.trim()) || ctx.broken(pointer)) continue;
    const s = suggestRename(ctx.doc, { pointer, value: raw, name: raw.trim() }, ctx.nodeIds());
    ctx.report(
      diag(
        engineCodes['rust.unknown-wip-limit-series'],
        `wipLimitSeries of topology node ${q(t.id)} is ${q(raw.trim())}, which is not a node id${s.hint}: the Rust engine fails to compile the model (the C# engine ignores topology WIP fields).`,
        ctx.range(pointer),
        { fixes: s.fixes },
      ),
    );
  }
}
