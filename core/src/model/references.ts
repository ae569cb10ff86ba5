// Dangling references from outputs, node fields (serviceWithBuffer, router, dispatch capacity) and traffic arrivals.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext, NodeEntry } from './context';
import { arr, isBlank, prop, q, str } from './read';
import { suggestRename } from './rename-fix';

export function checkReferences(ctx: ModelContext): void {
  checkOutputs(ctx);
  for (const n of ctx.nodes) {
    if (n.kind === 'servicewithbuffer') checkBuffer(ctx, n);
    if (n.kind === 'router') checkRouter(ctx, n);
    const capacity = prop(prop(n.value, 'dispatchSchedule'), 'capacitySeries');
    if (capacity !== undefined) {
      checkNodeRef(ctx, capacity, `${n.pointer}/dispatchSchedule/capacitySeries`, `dispatchSchedule.capacitySeries of node ${q(n.id)}`, false);
    }
  }
  for (const t of ctx.topology) {
    const capacity = prop(prop(t.value, 'dispatchSchedule'), 'capacitySeries');
    if (capacity === undefined) continue;
    checkNodeRef(ctx, capacity, `${t.pointer}/dispatchSchedule/capacitySeries`, `dispatchSchedule.capacitySeries of topology node ${q(t.id)}`, false);
  }
  checkTraffic(ctx);
}

function checkOutputs(ctx: ModelContext): void {
  (arr(prop(ctx.root, 'outputs')) ?? []).forEach((o, i) => {
    const pointer = `/outputs/${i}/series`;
    const series = str(prop(o, 'series'));
    if (series === undefined || series === '*' || ctx.isNode(series) || ctx.broken(pointer)) return;
    const s = suggestRename(ctx.doc, { pointer, value: series, name: series }, ctx.nodeIds());
    ctx.report(
      diag(modelCodes['model.unknown-output-series'], `Output series ${q(series)} does not match any node id${s.hint}.`, ctx.range(pointer), {
        fixes: s.fixes,
      }),
    );
  });
}

function checkBuffer(ctx: ModelContext, n: NodeEntry): void {
  for (const field of ['inflow', 'outflow', 'loss']) {
    checkNodeRef(ctx, prop(n.value, field), `${n.pointer}/${field}`, `${field} of serviceWithBuffer node ${q(n.id)}`, field !== 'loss');
  }
}

function checkRouter(ctx: ModelContext, n: NodeEntry): void {
  checkNodeRef(ctx, prop(prop(n.value, 'inputs'), 'queue'), `${n.pointer}/inputs/queue`, `inputs.queue of router ${q(n.id)}`, false);
  (arr(prop(n.value, 'routes')) ?? []).forEach((route, r) => {
    const routePointer = `${n.pointer}/routes/${r}`;
    checkNodeRef(ctx, prop(route, 'target'), `${routePointer}/target`, `route target of router ${q(n.id)}`, false);
    if (!ctx.classes) return;
    (arr(prop(route, 'classes')) ?? []).forEach((c, k) => {
      const pointer = `${routePointer}/classes/${k}`;
      if (typeof c !== 'string' || ctx.classes!.includes(c) || ctx.broken(pointer)) return;
      const s = suggestRename(ctx.doc, { pointer, value: c, name: c }, ctx.classes!);
      ctx.report(
        diag(
          modelCodes['model.unknown-class'],
          `Router ${q(n.id)} routes class ${q(c)}, which is not declared under classes${s.hint}; the route would receive no flow (the C# validators do not check route classes).`,
          ctx.range(pointer),
          { fixes: s.fixes },
        ),
      );
    });
  });
}

/**
 * Reports a string field that must name a node in nodes[]. Missing or non-string values are the schema's business;
 * a blank value is an error only where the engine requires the field (`required`).
 */
export function checkNodeRef(ctx: ModelContext, raw: unknown, pointer: string, what: string, required: boolean): void {
  const value = str(raw);
  if (value === undefined || ctx.broken(pointer)) return;
  if (isBlank(value)) {
    if (required) {
      ctx.report(diag(modelCodes['model.blank-reference'], `The ${what} is empty; name the node that produces the series.`, ctx.range(pointer)));
    }
    return;
  }
  const name = value.trim();
  if (ctx.isNode(name)) return;
  const s = suggestRename(ctx.doc, { pointer, value, name }, ctx.nodeIds());
  ctx.report(diag(modelCodes['model.unknown-node'], `The ${what} is ${q(name)}, which is not a node id${s.hint}.`, ctx.range(pointer), { fixes: s.fixes }));
}

function checkTraffic(ctx: ModelContext): void {
  (arr(prop(prop(ctx.root, 'traffic'), 'arrivals')) ?? []).forEach((a, i) => {
    const base = `/traffic/arrivals/${i}`;
    const nodeId = str(prop(a, 'nodeId'));
    checkNodeRef(ctx, prop(a, 'nodeId'), `${base}/nodeId`, `node of traffic arrival #${i + 1}`, false);
    if (!ctx.classes) return;
    const classId = str(prop(a, 'classId'));
    const target = nodeId !== undefined ? ` for node ${q(nodeId)}` : '';
    if (classId === undefined || isBlank(classId)) {
      // A non-string classId is a type error and a missing one a required-key error of the schema stage (S12).
      if ((prop(a, 'classId') !== undefined && classId === undefined) || ctx.broken(base)) return;
      ctx.report(
        diag(
          modelCodes['model.missing-class-id'],
          `The arrival${target} must declare classId because the model declares classes (${ctx.classes.join(', ')}).`,
          nodeId !== undefined ? ctx.range(`${base}/nodeId`, 'key') : ctx.range(base),
        ),
      );
      return;
    }
    const pointer = `${base}/classId`;
    if (ctx.classes.includes(classId) || ctx.broken(pointer)) return;
    const s = suggestRename(ctx.doc, { pointer, value: classId, name: classId }, ctx.classes);
    ctx.report(
      diag(modelCodes['model.unknown-class'], `Arrival classId ${q(classId)} is not declared under classes${s.hint}.`, ctx.range(pointer), {
        fixes: s.fixes,
      }),
    );
  });
}
