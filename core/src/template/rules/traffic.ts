// Class and traffic rules: class ids (T41) and arrivals (T42); the classId cross-checks are left to the model stage.
import { hasKey, isRecord, nonBlank, scalarText } from '../template-values';
import type { RuleContext } from './context';

export function checkTraffic(ctx: RuleContext): void {
  checkClasses(ctx);
  const traffic = ctx.root.traffic;
  if (!isRecord(traffic) || !Array.isArray(traffic.arrivals)) return;
  traffic.arrivals.forEach((a, i) => {
    const p = `/traffic/arrivals/${i}`;
    if (!isRecord(a)) return;
    if (hasKey(a, 'nodeId') && scalarText(a.nodeId) !== undefined && nonBlank(a.nodeId) === undefined) {
      ctx.report('template.arrival', 'This arrival must define a nodeId.', `${p}/nodeId`);
    }
    const pattern = a.pattern;
    if (!isRecord(pattern) || ctx.broken(`${p}/pattern/kind`)) return;
    const kind = nonBlank(pattern.kind);
    if (!kind) {
      if (hasKey(pattern, 'kind') && scalarText(pattern.kind) !== undefined) ctx.report('template.arrival', 'This arrival pattern must define a kind (constant or poisson).', `${p}/pattern/kind`);
      return;
    }
    if (kind.toLowerCase() !== 'constant' || ctx.broken(`${p}/pattern/ratePerBin`)) return;
    const rate = pattern.ratePerBin;
    if (rate === undefined) {
      ctx.report('template.arrival', 'A constant arrival pattern requires ratePerBin.', `${p}/pattern`, 'key');
    } else if (typeof rate === 'number' && rate < 0) {
      ctx.report('template.arrival', `A constant arrival pattern requires ratePerBin >= 0 (got ${rate}).`, `${p}/pattern/ratePerBin`);
    }
  });
}

function checkClasses(ctx: RuleContext): void {
  const classes = ctx.root.classes;
  if (!Array.isArray(classes)) return;
  const first = new Map<string, number>();
  classes.forEach((c, i) => {
    const p = `/classes/${i}`;
    if (!isRecord(c) || !hasKey(c, 'id') || ctx.broken(`${p}/id`)) return;
    const id = scalarText(c.id);
    if (id === undefined) return;
    if (id.trim() === '') {
      ctx.report('template.class', 'This class has a blank id.', `${p}/id`);
      return;
    }
    const earlier = first.get(id);
    if (earlier !== undefined) {
      ctx.report('template.class', `Duplicate class id \`${id}\`.`, `${p}/id`, 'value', [ctx.related(`First class with id \`${id}\``, `/classes/${earlier}/id`)]);
    } else first.set(id, i);
  });
}
