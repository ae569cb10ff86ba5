// Emits `nodes[]`: template nodes with the fields Sim keeps per kind, profiled pmfs as const, then synthesized nodes.
import type { EmitContext } from './emit-context';
import { clone, put } from './emit-context';
import { emitDispatch } from './emit-dispatch';
import { gridBins } from './emit-grid';
import { emitMetadata } from './emit-metadata';
import { formatG17 } from './g17';
import { checkPmf } from './pmf-check';
import { resolveProfile } from './profiles';
import { synthesizeQueueNode } from './synthesize-queue';
import { synthesizeSinkNode } from './synthesize-sink';
import { isRecord, scalarText } from './template-values';
import type { Rec } from './template-values';

export function emitNodes(ctx: EmitContext): unknown[] | undefined {
  const nodes = ctx.root.nodes;
  let out: unknown[] | undefined;
  if (Array.isArray(nodes)) {
    ctx.origins.derived('/nodes', '/nodes', 'key');
    out = nodes.map((n, i) => emitTemplateNode(ctx, n, i));
  } else if (nodes !== undefined) {
    ctx.origins.mirror('/nodes', '/nodes');
    return nodes as unknown[];
  }
  const synthesized: unknown[] = [];
  const base = out?.length ?? 0;
  for (const q of ctx.plan.queues.values()) {
    if (!q.engine) synthesized.push(synthesizeQueueNode(ctx, q, base + synthesized.length));
  }
  for (const s of ctx.plan.sinks.values()) {
    if (s.node) synthesized.push(synthesizeSinkNode(ctx, s, base + synthesized.length));
  }
  if (synthesized.length === 0) return out;
  if (!out) ctx.origins.derived('/nodes', '/topology', 'key');
  return [...(out ?? []), ...synthesized];
}

function emitTemplateNode(ctx: EmitContext, n: unknown, i: number): unknown {
  const p = `/nodes/${i}`;
  ctx.origins.mirror(p, p);
  if (!isRecord(n)) return clone(n);
  const out: Rec = {};
  ctx.copyString(out, 'id', `${p}/id`, n, 'id', `${p}/id`);
  ctx.copyString(out, 'kind', `${p}/kind`, n, 'kind', `${p}/kind`);
  const kind = (scalarText(n.kind) ?? '').trim().toLowerCase();
  if (kind === 'pmf' && Object.prototype.hasOwnProperty.call(n, 'profile') && !ctx.isNull(`${p}/profile`, n.profile)) {
    return emitProfiledNode(ctx, n, p, out);
  }
  if (kind !== 'pmf' && kind !== 'expr') ctx.copyValue(out, 'values', `${p}/values`, n, 'values', `${p}/values`);
  ctx.copyString(out, 'expr', `${p}/expr`, n, 'expr', `${p}/expr`);
  if (Object.prototype.hasOwnProperty.call(n, 'pmf')) {
    const pmf = n.pmf;
    if (isRecord(pmf)) {
      const spec: Rec = {};
      ctx.origins.mirror(`${p}/pmf`, `${p}/pmf`);
      ctx.copyValue(spec, 'values', `${p}/pmf/values`, pmf, 'values', `${p}/pmf/values`);
      ctx.copyValue(spec, 'probabilities', `${p}/pmf/probabilities`, pmf, 'probabilities', `${p}/pmf/probabilities`);
      out.pmf = spec;
    } else ctx.copyValue(out, 'pmf', `${p}/pmf`, n, 'pmf', `${p}/pmf`);
  }
  if (kind === 'servicewithbuffer') {
    for (const key of ['inflow', 'outflow', 'loss']) ctx.copyString(out, key, `${p}/${key}`, n, key, `${p}/${key}`);
    emitDispatch(ctx, out, `${p}/dispatchSchedule`, n, `${p}/dispatchSchedule`);
  }
  if (kind === 'router') emitRouterFields(ctx, out, n, p);
  const metadata = emitMetadata(ctx, n, `${p}/metadata`, `${p}/metadata`);
  if (metadata !== undefined && !(isRecord(metadata) && Object.keys(metadata).length === 0)) out.metadata = metadata;
  return out;
}

function emitRouterFields(ctx: EmitContext, out: Rec, n: Rec, p: string): void {
  if (isRecord(n.inputs)) {
    const inputs: Rec = {};
    ctx.origins.mirror(`${p}/inputs`, `${p}/inputs`);
    ctx.copyString(inputs, 'queue', `${p}/inputs/queue`, n.inputs, 'queue', `${p}/inputs/queue`);
    out.inputs = inputs;
  } else ctx.copyValue(out, 'inputs', `${p}/inputs`, n, 'inputs', `${p}/inputs`);
  if (Array.isArray(n.routes)) {
    ctx.origins.mirror(`${p}/routes`, `${p}/routes`);
    out.routes = n.routes.map((r, j) => {
      const rp = `${p}/routes/${j}`;
      if (!isRecord(r)) return clone(r);
      const route: Rec = {};
      ctx.copyString(route, 'target', `${rp}/target`, r, 'target', `${rp}/target`);
      ctx.copyValue(route, 'classes', `${rp}/classes`, r, 'classes', `${rp}/classes`);
      ctx.copyValue(route, 'weight', `${rp}/weight`, r, 'weight', `${rp}/weight`);
      return route;
    });
  } else ctx.copyValue(out, 'routes', `${p}/routes`, n, 'routes', `${p}/routes`);
}

/**
 * A pmf node with a profile becomes `kind: const` with values[t] = E[pmf] × w[t] (w with mean 1), rounded to six
 * decimals so the output is stable. When the pmf or profile is unusable (the template rules report why) the node
 * still exists, as a zero series, so that the model stage does not pile dangling-reference errors on top.
 */
function emitProfiledNode(ctx: EmitContext, n: Rec, p: string, out: Rec): Rec {
  out.kind = 'const';
  ctx.origins.derived(`${p}/kind`, `${p}/kind`);
  const bins = gridBins(ctx.root);
  const profile = resolveProfile(n.profile, bins);
  const pmf = checkPmf(n.pmf);
  const expected = pmf.problem ? undefined : pmf.expected;
  const values =
    profile.weights && expected !== undefined ? profile.weights.map((w) => round6(expected * w)) : new Array<number>(bins ?? 0).fill(0);
  out.values = values;
  ctx.origins.derived(`${p}/values`, `${p}/profile`, 'key');
  const metadata = emitMetadata(ctx, n, `${p}/metadata`, `${p}/metadata`);
  const md: Rec = isRecord(metadata) ? metadata : {};
  if (!isRecord(metadata)) ctx.origins.derived(`${p}/metadata`, `${p}/profile`, 'key');
  put(md, 'origin.kind', 'pmf');
  put(md, 'profile.kind', profile.kind ?? 'builtin');
  if (profile.kind === 'builtin' && profile.name) put(md, 'profile.name', profile.name);
  if (expected !== undefined) put(md, 'pmf.expected', formatG17(expected));
  for (const key of ['origin.kind', 'profile.kind', 'profile.name', 'pmf.expected']) {
    if (key in md) ctx.origins.derived(`${p}/metadata/${key}`, key === 'pmf.expected' ? `${p}/pmf` : `${p}/profile`, 'key');
  }
  out.metadata = md;
  return out;
}

function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}
