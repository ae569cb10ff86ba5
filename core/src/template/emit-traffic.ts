// Emits the model `classes` (omitted when empty) and `traffic` (classId `*` when the template declares no classes).
import type { EmitContext } from './emit-context';
import { put } from './emit-context';
import { isRecord, nonBlank } from './template-values';
import type { Rec } from './template-values';

export function emitClasses(ctx: EmitContext): unknown[] | undefined {
  const classes = ctx.root.classes;
  if (!Array.isArray(classes)) {
    if (classes === undefined || ctx.isNull('/classes', classes)) return undefined;
    ctx.origins.mirror('/classes', '/classes');
    return classes as unknown[];
  }
  if (classes.length === 0) return undefined;
  ctx.origins.derived('/classes', '/classes', 'key');
  return classes.map((c, i) => {
    const p = `/classes/${i}`;
    if (!isRecord(c)) {
      ctx.origins.mirror(p, p);
      return c;
    }
    const out: Rec = {};
    ctx.origins.derived(p, p);
    for (const key of ['id', 'displayName', 'description']) ctx.copyString(out, key, `${p}/${key}`, c, key, `${p}/${key}`);
    return out;
  });
}

export function emitTraffic(ctx: EmitContext, hasClasses: boolean): Rec | undefined {
  const traffic = ctx.root.traffic;
  if (!isRecord(traffic)) {
    if (traffic === undefined || ctx.isNull('/traffic', traffic)) return undefined;
    ctx.origins.mirror('/traffic', '/traffic');
    return traffic as unknown as Rec;
  }
  const out: Rec = {};
  ctx.origins.derived('/traffic', '/traffic', 'key');
  if (!Object.prototype.hasOwnProperty.call(traffic, 'arrivals')) return out;
  const arrivals = traffic.arrivals;
  if (!Array.isArray(arrivals)) {
    ctx.copyValue(out, 'arrivals', '/traffic/arrivals', traffic, 'arrivals', '/traffic/arrivals');
    return out;
  }
  ctx.origins.derived('/traffic/arrivals', '/traffic/arrivals', 'key');
  put(
    out,
    'arrivals',
    arrivals.map((a, i) => {
      const p = `/traffic/arrivals/${i}`;
      if (!isRecord(a)) {
        ctx.origins.mirror(p, p);
        return a;
      }
      const item: Rec = {};
      ctx.origins.derived(p, p);
      ctx.copyString(item, 'nodeId', `${p}/nodeId`, a, 'nodeId', `${p}/nodeId`);
      if (nonBlank(a.classId) !== undefined) ctx.copyString(item, 'classId', `${p}/classId`, a, 'classId', `${p}/classId`);
      else if (!hasClasses) {
        // Sim fills in the wildcard class when the template declares no classes.
        item.classId = '*';
        ctx.origins.derived(`${p}/classId`, Object.prototype.hasOwnProperty.call(a, 'classId') ? `${p}/classId` : p);
      }
      const pattern = a.pattern;
      if (isRecord(pattern)) {
        const pat: Rec = {};
        ctx.origins.derived(`${p}/pattern`, `${p}/pattern`);
        ctx.copyString(pat, 'kind', `${p}/pattern/kind`, pattern, 'kind', `${p}/pattern/kind`);
        ctx.copyValue(pat, 'ratePerBin', `${p}/pattern/ratePerBin`, pattern, 'ratePerBin', `${p}/pattern/ratePerBin`);
        ctx.copyValue(pat, 'rate', `${p}/pattern/rate`, pattern, 'rate', `${p}/pattern/rate`);
        item.pattern = pat;
      } else ctx.copyValue(item, 'pattern', `${p}/pattern`, a, 'pattern', `${p}/pattern`);
      return item;
    }),
  );
  return out;
}
