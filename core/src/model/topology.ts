// Topology structure: required series (C20), queue synthesis prerequisites (C2/C3), edge endpoints, constraints.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext, TopologyEntry } from './context';
import { arr, isBlank, prop, q, str } from './read';
import { parseSeriesRef } from './series-ref';
import { suggestRename } from './rename-fix';

export const QUEUE_LIKE_KINDS = new Set(['servicewithbuffer', 'queue', 'dlq']);

export function checkTopology(ctx: ModelContext): void {
  const lowerNodeIds = ctx.topology.length > 0 ? new Set(ctx.nodes.map((n) => n.id.toLowerCase())) : new Set<string>();
  const usedConstraints = new Set<string>();
  for (const t of ctx.topology) {
    if (t.semantics) checkRequiredSeries(ctx, t, lowerNodeIds);
    checkNodeConstraints(ctx, t, usedConstraints);
  }
  checkEdges(ctx);
  checkConstraintSemantics(ctx, usedConstraints);
}

/** True when the C# compiler synthesizes a queue node for this topology node (ModelCompiler, reference §2.13). */
export function needsQueueSynthesis(t: TopologyEntry, lowerNodeIds: ReadonlySet<string>): boolean {
  if (!QUEUE_LIKE_KINDS.has(t.kind)) return false;
  const raw = str(prop(t.semantics, 'queueDepth'));
  if (raw === undefined) return true;
  const ref = parseSeriesRef(raw);
  if (ref.kind === 'file' || ref.kind === 'empty-node') return false;
  if (ref.kind === 'node') return !lowerNodeIds.has(ref.nodeId.toLowerCase());
  return true;
}

function checkRequiredSeries(ctx: ModelContext, t: TopologyEntry, lowerNodeIds: ReadonlySet<string>): void {
  const synth = needsQueueSynthesis(t, lowerNodeIds);
  const blank = (field: string): boolean => {
    const v = str(prop(t.semantics, field));
    return v !== undefined && isBlank(v) && !ctx.broken(`${t.pointer}/semantics/${field}`);
  };
  const absentOrBlank = (field: string): boolean => {
    const v = prop(t.semantics, field);
    return v === undefined || (typeof v === 'string' && isBlank(v));
  };
  const why = `topology node ${q(t.id)} (${t.kind}) gets a synthesized queue because its queueDepth is missing, 'self' or not a node`;
  if (blank('arrivals')) {
    ctx.report(
      synth
        ? diag(modelCodes['model.queue-synthesis'], `semantics.arrivals is empty, but ${why}: the C# compiler needs the arrivals series as the queue inflow ("must define semantics.arrivals to synthesize queue depth").`, ctx.range(`${t.pointer}/semantics/arrivals`))
        : diag(modelCodes['model.blank-reference'], `Topology node ${q(t.id)} must specify semantics.arrivals; an empty string passes the schema but the C# engine rejects it.`, ctx.range(`${t.pointer}/semantics/arrivals`)),
    );
  }
  if (blank('served')) {
    ctx.report(
      synth && absentOrBlank('capacity')
        ? diag(modelCodes['model.queue-synthesis'], `semantics.served is empty and there is no capacity, but ${why}: the C# compiler needs served (or capacity) as the queue outflow ("must define semantics.served (or capacity) to synthesize queue depth").`, ctx.range(`${t.pointer}/semantics/served`))
        : diag(modelCodes['model.blank-reference'], `Topology node ${q(t.id)} must specify semantics.served; an empty string passes the schema but the C# engine rejects it.`, ctx.range(`${t.pointer}/semantics/served`)),
    );
  }
}

function checkNodeConstraints(ctx: ModelContext, t: TopologyEntry, used: Set<string>): void {
  const pointer = `${t.pointer}/constraints`;
  const list = arr(prop(t.value, 'constraints'));
  if (!list || list.length === 0 || ctx.broken(pointer)) return;
  const declared = arr(prop(prop(ctx.root, 'topology'), 'constraints'));
  if (!declared || declared.length === 0) {
    ctx.report(
      diag(
        modelCodes['model.unknown-constraint'],
        `Topology node ${q(t.id)} lists constraints, but topology.constraints defines none; the constraints are silently not applied.`,
        ctx.range(pointer, 'key'),
      ),
    );
    return;
  }
  if (ctx.constraints.length === 0) return;
  list.forEach((c, i) => {
    const p = `${pointer}/${i}`;
    if (typeof c !== 'string' || ctx.broken(p)) return;
    if (isBlank(c)) {
      ctx.report(diag(modelCodes['model.blank-reference'], `Topology node ${q(t.id)} lists an empty constraint id.`, ctx.range(p)));
      return;
    }
    const key = c.trim().toLowerCase();
    if (ctx.constraintByLower.has(key)) {
      used.add(key);
      return;
    }
    const s = suggestRename(ctx.doc, { pointer: p, value: c, name: c.trim() }, ctx.constraints.map((x) => x.id));
    ctx.report(
      diag(
        modelCodes['model.unknown-constraint'],
        `Topology node ${q(t.id)} references constraint ${q(c.trim())}, which is not defined under topology.constraints${s.hint}; it is silently not applied.`,
        ctx.range(p),
        { fixes: s.fixes },
      ),
    );
  });
}

function checkEdges(ctx: ModelContext): void {
  (arr(prop(prop(ctx.root, 'topology'), 'edges')) ?? []).forEach((e, i) => {
    const base = `/topology/edges/${i}`;
    for (const end of ['from', 'to'] as const) {
      const pointer = `${base}/${end}`;
      const raw = str(prop(e, end));
      if (raw === undefined || ctx.broken(pointer)) continue;
      const colon = raw.indexOf(':');
      let s = 0;
      let x = colon >= 0 ? colon : raw.length;
      while (s < x && /\s/.test(raw[s])) s++;
      while (x > s && /\s/.test(raw[x - 1])) x--;
      if (s === x) {
        ctx.report(diag(modelCodes['model.blank-reference'], `Edge ${end} must name a topology node; the C# engine rejects an empty edge ${end === 'from' ? 'source' : 'target'}.`, ctx.range(pointer)));
        continue;
      }
      const id = raw.slice(s, x);
      if (ctx.topologyByLower.has(id.toLowerCase())) continue;
      const hint = suggestRename(ctx.doc, { pointer, value: raw, name: id, start: s }, ctx.topologyIds());
      ctx.report(
        diag(
          modelCodes['model.unknown-topology-node'],
          `Edge ${end} ${q(id)} does not match any topology node${hint.hint}.`,
          ctx.rangeIn(pointer, s, x),
          { fixes: hint.fixes },
        ),
      );
    }
  });
}

function checkConstraintSemantics(ctx: ModelContext, used: ReadonlySet<string>): void {
  for (const c of ctx.constraints) {
    const semantics = prop(c.value, 'semantics');
    for (const field of ['arrivals', 'served', 'errors', 'latencyMinutes']) {
      const pointer = `${c.pointer}/semantics/${field}`;
      const raw = str(prop(semantics, field));
      if (raw === undefined || ctx.broken(pointer)) continue;
      if (isBlank(raw)) {
        if (field === 'arrivals' || field === 'served') {
          ctx.report(diag(modelCodes['model.blank-reference'], `Constraint ${q(c.id)} must specify semantics.${field}; an empty string passes the schema but the C# engine rejects it.`, ctx.range(pointer)));
        }
        continue;
      }
      const ref = parseSeriesRef(raw);
      if (ref.kind !== 'node' || ctx.isNode(ref.nodeId)) continue;
      const rust =
        field === 'served' && used.has(c.id.trim().toLowerCase())
          ? ' The Rust engine rejects it because a topology node uses this constraint (R14); the C# engine does not evaluate constraints.'
          : ' Neither engine fails on it (the C# engine does not evaluate constraints; the Rust engine reads only the served series of a constraint that a node uses), but the reference is dangling.';
      const s = suggestRename(ctx.doc, { pointer, value: raw, name: ref.nodeId, start: ref.nodeStart }, ctx.nodeIds());
      ctx.report(
        diag(
          modelCodes['model.unknown-constraint-series'],
          `Constraint ${q(c.id)} semantics.${field} is ${q(ref.nodeId)}, which is not a node id${s.hint}.${rust}`,
          ctx.rangeIn(pointer, ref.nodeStart, ref.nodeEnd),
          { fixes: s.fixes },
        ),
      );
    }
  }
}
