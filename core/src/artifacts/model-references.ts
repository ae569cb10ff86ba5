// Which `nodes[]` entries a model uses: from outputs, expressions, node fields, topology semantics and traffic.
import { collectReferences, parseExpression } from '../expr';

export interface NodeUsage {
  /** `nodes[]` ids in model order (string ids only). */
  nodeIds: string[];
  /** Lowercased ids referenced by something other than the node itself. */
  referenced: Set<string>;
  hasOutputs: boolean;
  /** An output `*` exports every series, so nothing is left unused. */
  outputsAll: boolean;
}

export function nodeUsage(model: unknown): NodeUsage {
  const m = rec(model);
  const referenced = new Set<string>();
  const add = (ref: unknown, self?: string): void => {
    const id = typeof ref === 'string' ? seriesNodeId(ref) : undefined;
    if (id && id !== self) referenced.add(id);
  };

  const nodes = arr(m.nodes).map(rec);
  const nodeIds = nodes.map((n) => n.id).filter((id): id is string => typeof id === 'string');
  for (const n of nodes) {
    const self = typeof n.id === 'string' ? n.id.toLowerCase() : undefined;
    if (typeof n.expr === 'string') for (const name of expressionRefs(n.expr)) add(name, self);
    for (const key of ['inflow', 'outflow', 'loss']) add(n[key], self);
    add(rec(n.inputs).queue, self);
    for (const r of arr(n.routes)) add(rec(r).target, self);
    add(rec(n.dispatchSchedule).capacitySeries, self);
  }

  const outputs = arr(m.outputs).map((o) => rec(o).series);
  for (const s of outputs) add(s);

  const topo = rec(m.topology);
  for (const t of arr(topo.nodes).map(rec)) {
    for (const v of Object.values(rec(t.semantics))) add(v);
    add(t.wipLimitSeries);
    add(rec(t.dispatchSchedule).capacitySeries);
  }
  for (const c of arr(topo.constraints).map(rec)) for (const v of Object.values(rec(c.semantics))) add(v);
  for (const a of arr(rec(m.traffic).arrivals)) add(rec(a).nodeId);

  return {
    nodeIds,
    referenced,
    hasOutputs: outputs.length > 0,
    outputsAll: outputs.some((s) => typeof s === 'string' && s.trim() === '*'),
  };
}

/** Node id named by a series reference (`self` and `file:` name none; `series:` prefix and `@class` suffix dropped). */
export function seriesNodeId(ref: string): string | undefined {
  let s = ref.trim();
  if (s === '' || /^self$/i.test(s) || /^file:/i.test(s)) return undefined;
  s = s.replace(/^series:/i, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  s = s.trim();
  return s === '' ? undefined : s.toLowerCase();
}

function expressionRefs(expr: string): string[] {
  const parsed = parseExpression(expr);
  if (parsed.expr) return collectReferences(parsed.expr).map((r) => r.name);
  // A broken expression is already an error diagnostic; its identifiers still show what the author meant to use.
  return expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
