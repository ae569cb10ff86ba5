// Engine divergence warnings for shapes and values the C# engine accepts but the Rust engine reads differently.
import { diag } from '../codes/make';
import { engineCodes } from '../codes/engine';
import type { ModelContext, TopologyEntry } from './context';
import { arr, has, isBlank, isObj, prop, q, str } from './read';
import { parseSeriesRef } from './series-ref';
import { QUEUE_LIKE_KINDS } from './topology';

export function checkEngineDivergence(ctx: ModelContext): void {
  for (const n of ctx.nodes) {
    const kindPointer = `${n.pointer}/kind`;
    if (ctx.broken(kindPointer)) continue;
    if (n.kind === 'servicewithbuffer') {
      ctx.report(
        diag(
          engineCodes['rust.service-with-buffer-node'],
          `The Rust engine does not support kind serviceWithBuffer in nodes[] (node ${q(n.id)} fails with "unsupported node kind"); it builds queues only from topology nodes.`,
          ctx.range(kindPointer),
        ),
      );
    } else if (n.kind === 'router' && !has(n.value, 'router') && (has(n.value, 'inputs') || has(n.value, 'routes'))) {
      ctx.report(
        diag(
          engineCodes['rust.router-shape'],
          `The Rust engine reads a router from a nested router: {inputs, routes} block and rejects node ${q(n.id)} ("Router node '${n.id}' requires router field").`,
          ctx.range(kindPointer),
        ),
      );
    }
  }
  checkEdges(ctx);
  checkBinUnit(ctx);
  for (const t of ctx.topology) checkTopologyNode(ctx, t);
}

function checkEdges(ctx: ModelContext): void {
  const edges = arr(prop(prop(ctx.root, 'topology'), 'edges'));
  if (!edges) return;
  const dropped = edges.filter((e) => isObj(e) && (has(e, 'from') || has(e, 'to')) && !has(e, 'source') && !has(e, 'target')).length;
  if (dropped === 0) return;
  ctx.report(
    diag(
      engineCodes['rust.edge-endpoints'],
      `The Rust engine reads edge endpoints from source/target and silently drops ${dropped === edges.length ? (dropped === 1 ? 'this edge' : `all ${dropped} edges`) : `${dropped} of these ${edges.length} edges`} written with from/to: it computes no edge series for ${dropped === 1 ? 'it' : 'them'}.`,
      ctx.range('/topology/edges', 'key'),
    ),
  );
}

function checkBinUnit(ctx: ModelContext): void {
  const unit = str(prop(prop(ctx.root, 'grid'), 'binUnit'));
  if (unit === undefined || unit.trim().toLowerCase() !== 'weeks' || ctx.broken('/grid/binUnit')) return;
  ctx.report(
    diag(
      engineCodes['rust.bin-unit-weeks'],
      'The Rust engine does not know binUnit weeks and falls back to minutes in derived time metrics (latencies come out 10080 times too small); the C# engine uses 10080 minutes per bin unit.',
      ctx.range('/grid/binUnit'),
    ),
  );
}

function checkTopologyNode(ctx: ModelContext, t: TopologyEntry): void {
  const semantics = t.semantics;
  const queueDepth = str(prop(semantics, 'queueDepth'));
  const qdPointer = `${t.pointer}/semantics/queueDepth`;
  if (queueDepth !== undefined && parseSeriesRef(queueDepth).kind === 'self' && !ctx.broken(qdPointer)) {
    ctx.report(
      diag(
        engineCodes['rust.queue-depth-self'],
        `The Rust engine does not special-case queueDepth 'self': it names the queue column of ${q(t.id)} literally 'self' (shared by every node that does this) instead of synthesizing a queue series.`,
        ctx.range(qdPointer),
      ),
    );
  }

  // Only the references the Rust engine resolves when compiling (rules R13, R15, R16).
  const fields = new Set<string>();
  const nonBlank = (f: string) => {
    const v = str(prop(semantics, f));
    return v !== undefined && !isBlank(v);
  };
  if (QUEUE_LIKE_KINDS.has(t.kind)) {
    fields.add('arrivals').add('errors').add(nonBlank('served') ? 'served' : 'capacity');
  }
  if (nonBlank('served') && nonBlank('capacity')) fields.add('served').add('capacity');
  fields.add('parallelism');
  for (const field of fields) {
    const pointer = `${t.pointer}/semantics/${field}`;
    const raw = str(prop(semantics, field));
    if (raw === undefined || parseSeriesRef(raw).kind !== 'file' || ctx.broken(pointer)) continue;
    ctx.report(
      diag(
        engineCodes['rust.file-reference'],
        `The Rust engine does not resolve file: references: it looks for a series literally named ${q(raw.trim())} for semantics.${field} of ${q(t.id)} and fails to compile the model.`,
        ctx.range(pointer),
      ),
    );
  }

  const offsetPointer = `${t.pointer}/dispatchSchedule/phaseOffset`;
  const schedule = prop(t.value, 'dispatchSchedule');
  const offset = prop(schedule, 'phaseOffset');
  if (typeof offset === 'number' && Number.isInteger(offset) && offset < 0 && !ctx.broken(offsetPointer)) {
    const period = prop(schedule, 'periodBins');
    const normalized =
      typeof period === 'number' && Number.isInteger(period) && period >= 1 ? ` (the C# engine uses ${((offset % period) + period) % period}, i.e. offset mod periodBins)` : '';
    ctx.report(
      diag(
        engineCodes['rust.negative-phase-offset'],
        `The Rust engine casts a negative phaseOffset to an unsigned number instead of normalizing it, so ${q(t.id)} dispatches in different bins than in the C# engine${normalized}; write the non-negative equivalent.`,
        ctx.range(offsetPointer),
      ),
    );
  }
}
