// Emits the model `topology`: nodes with surviving semantics (queues and sinks as planned), edges and constraints.
import { SERIES_SEMANTICS } from './synthesis-plan';
import type { EmitContext } from './emit-context';
import { clone } from './emit-context';
import { emitDispatch } from './emit-dispatch';
import { asArray, isRecord, nonBlank } from './template-values';
import type { Rec } from './template-values';

/** Semantics keys that survive Sim's template types, in emission order (`external_demand` is renamed). */
const SEMANTICS_KEYS: [string, string][] = [
  ['arrivals', 'arrivals'],
  ['served', 'served'],
  ['errors', 'errors'],
  ['attempts', 'attempts'],
  ['failures', 'failures'],
  ['retryEcho', 'retryEcho'],
  ['retryKernel', 'retryKernel'],
  ['queueDepth', 'queueDepth'],
  ['capacity', 'capacity'],
  ['parallelism', 'parallelism'],
  ['processingTimeMsSum', 'processingTimeMsSum'],
  ['servedCount', 'servedCount'],
  ['external_demand', 'externalDemand'],
  ['aliases', 'aliases'],
];

const REFERENCE_KEYS = new Set(['retryKernel', 'parallelism', 'aliases']);

export function emitTopology(ctx: EmitContext): Rec | undefined {
  const topology = ctx.root.topology;
  if (!isRecord(topology)) {
    if (topology === undefined || ctx.isNull('/topology', topology)) return undefined;
    ctx.origins.mirror('/topology', '/topology');
    return topology as unknown as Rec;
  }
  const out: Rec = {};
  ctx.origins.derived('/topology', '/topology', 'key');
  const nodes = emitList(ctx, topology, 'nodes', (tn, i) => emitTopologyNode(ctx, tn, i));
  if (nodes !== undefined) out.nodes = nodes;
  const edges = emitList(ctx, topology, 'edges', (e, i) => emitEdge(ctx, e, i));
  if (edges !== undefined) out.edges = edges;
  const constraints = emitList(ctx, topology, 'constraints', (c, i) => emitConstraint(ctx, c, i));
  if (constraints !== undefined) out.constraints = constraints;
  return out;
}

/** Empty lists are omitted, as Sim's emitter does; non-lists pass through for the schema to report. */
function emitList(ctx: EmitContext, topology: Rec, key: string, each: (item: Rec, i: number) => unknown): unknown | undefined {
  if (!Object.prototype.hasOwnProperty.call(topology, key)) return undefined;
  const list = topology[key];
  const p = `/topology/${key}`;
  if (!Array.isArray(list)) {
    if (ctx.isNull(p, list)) return undefined;
    ctx.origins.mirror(p, p);
    return clone(list);
  }
  if (list.length === 0) return undefined;
  ctx.origins.derived(p, p, 'key');
  return list.map((item, i) => {
    ctx.origins.mirror(`${p}/${i}`, `${p}/${i}`);
    return isRecord(item) ? each(item, i) : clone(item);
  });
}

function emitTopologyNode(ctx: EmitContext, tn: Rec, i: number): Rec {
  const p = `/topology/nodes/${i}`;
  const out: Rec = {};
  for (const key of ['id', 'kind', 'nodeRole', 'group']) ctx.copyString(out, key, `${p}/${key}`, tn, key, `${p}/${key}`);
  if (isRecord(tn.ui)) {
    const ui: Rec = {};
    ctx.origins.mirror(`${p}/ui`, `${p}/ui`);
    ctx.copyValue(ui, 'x', `${p}/ui/x`, tn.ui, 'x', `${p}/ui/x`);
    ctx.copyValue(ui, 'y', `${p}/ui/y`, tn.ui, 'y', `${p}/ui/y`);
    out.ui = ui;
  } else ctx.copyValue(out, 'ui', `${p}/ui`, tn, 'ui', `${p}/ui`);
  if (!(Array.isArray(tn.constraints) && tn.constraints.length === 0)) ctx.copyValue(out, 'constraints', `${p}/constraints`, tn, 'constraints', `${p}/constraints`);
  emitDispatch(ctx, out, `${p}/dispatchSchedule`, tn, `${p}/dispatchSchedule`);
  emitSemantics(ctx, out, tn, i);
  if (isRecord(tn.initialCondition)) {
    const ic = tn.initialCondition;
    if (Object.prototype.hasOwnProperty.call(ic, 'queueDepth') && !ctx.isNull(`${p}/initialCondition/queueDepth`, ic.queueDepth)) {
      const init: Rec = {};
      ctx.origins.mirror(`${p}/initialCondition`, `${p}/initialCondition`);
      ctx.copyValue(init, 'queueDepth', `${p}/initialCondition/queueDepth`, ic, 'queueDepth', `${p}/initialCondition/queueDepth`);
      out.initialCondition = init;
    }
  } else ctx.copyValue(out, 'initialCondition', `${p}/initialCondition`, tn, 'initialCondition', `${p}/initialCondition`);
  return out;
}

function emitSemantics(ctx: EmitContext, out: Rec, tn: Rec, i: number): void {
  const p = `/topology/nodes/${i}`;
  const sp = `${p}/semantics`;
  const semantics = tn.semantics;
  if (!isRecord(semantics)) {
    ctx.copyValue(out, 'semantics', sp, tn, 'semantics', sp);
    return;
  }
  const sem: Rec = {};
  ctx.origins.mirror(sp, sp);
  const queue = ctx.plan.queues.get(i);
  const sink = ctx.plan.sinks.get(i);
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(semantics, k);
  for (const [from, to] of SEMANTICS_KEYS) {
    if (from === 'queueDepth' && queue) {
      // The engine path leaves queueDepth out so that both engines synthesize the queue themselves.
      if (queue.engine) continue;
      sem.queueDepth = queue.name;
      ctx.origins.derived(`${sp}/queueDepth`, has('queueDepth') ? `${sp}/queueDepth` : `${p}/id`);
      continue;
    }
    if (from === 'served' && sink && nonBlank(semantics.served) === undefined) {
      sem.served = sink.served;
      ctx.origins.derived(`${sp}/served`, sink.node ? `${p}/id` : `${sp}/arrivals`);
      continue;
    }
    if (from === 'parallelism' && !has('parallelism') && nonBlank(tn.kind)?.toLowerCase() === 'servicewithbuffer') {
      sem.parallelism = 1;
      ctx.origins.derived(`${sp}/parallelism`, `${p}/kind`);
      continue;
    }
    if (REFERENCE_KEYS.has(from)) ctx.copyValue(sem, to, `${sp}/${to}`, semantics, from, `${sp}/${from}`);
    else ctx.copyString(sem, to, `${sp}/${to}`, semantics, from, `${sp}/${from}`);
  }
  if (isRecord(sem.aliases) && Object.keys(sem.aliases).length === 0) delete sem.aliases;
  if (Array.isArray(sem.retryKernel) && sem.retryKernel.length === 0) delete sem.retryKernel;
  out.semantics = sem;
}

function emitEdge(ctx: EmitContext, e: Rec, i: number): Rec {
  const p = `/topology/edges/${i}`;
  const out: Rec = {};
  for (const key of ['id', 'from', 'to']) ctx.copyString(out, key, `${p}/${key}`, e, key, `${p}/${key}`);
  if (Object.prototype.hasOwnProperty.call(e, 'weight') && !ctx.isNull(`${p}/weight`, e.weight)) ctx.copyValue(out, 'weight', `${p}/weight`, e, 'weight', `${p}/weight`);
  else {
    // The C# edge weight defaults to 1.0 and is always emitted.
    out.weight = 1;
    ctx.origins.derived(`${p}/weight`, p);
  }
  for (const key of ['type', 'measure']) ctx.copyString(out, key, `${p}/${key}`, e, key, `${p}/${key}`);
  for (const key of ['multiplier', 'lag']) ctx.copyValue(out, key, `${p}/${key}`, e, key, `${p}/${key}`);
  return out;
}

function emitConstraint(ctx: EmitContext, c: Rec, i: number): Rec {
  const p = `/topology/constraints/${i}`;
  const out: Rec = {};
  ctx.copyString(out, 'id', `${p}/id`, c, 'id', `${p}/id`);
  const semantics = c.semantics;
  if (isRecord(semantics)) {
    const sem: Rec = {};
    ctx.origins.mirror(`${p}/semantics`, `${p}/semantics`);
    for (const key of ['arrivals', 'served', 'errors', 'latencyMinutes']) ctx.copyString(sem, key, `${p}/semantics/${key}`, semantics, key, `${p}/semantics/${key}`);
    out.semantics = sem;
  } else ctx.copyValue(out, 'semantics', `${p}/semantics`, c, 'semantics', `${p}/semantics`);
  return out;
}

/**
 * Topology semantics keys of the model whose value is a series reference (EnsureSemanticsOutputs walks these): the
 * template keys that survive, with the template's `external_demand` under its model name.
 */
export const MODEL_SERIES_KEYS: readonly string[] = SERIES_SEMANTICS.map((k) => (k === 'external_demand' ? 'externalDemand' : k));

export function topologyNodesOf(topology: Rec | undefined): Rec[] {
  return asArray(topology?.nodes).map((n) => (isRecord(n) ? n : {}));
}

