// Builds Sim's hidden `{snake}_served = MAX(0, arrivals - errors)` expr node for a sink with errors but no served.
import type { EmitContext } from './emit-context';
import type { SinkSynthesis } from './synthesis-plan';
import type { Rec } from './template-values';

export function synthesizeSinkNode(ctx: EmitContext, s: SinkSynthesis, modelIndex: number): Rec {
  const tp = `/topology/nodes/${s.index}`;
  const mp = `/nodes/${modelIndex}`;
  const { id, arrivals, errors } = s.node!;
  const prefix = 'MAX(0, ';
  const expr = `${prefix}${arrivals} - ${errors})`;
  ctx.origins.derived(mp, `${tp}/id`);
  ctx.origins.derived(`${mp}/id`, `${tp}/id`);
  ctx.origins.derived(`${mp}/kind`, `${tp}/kind`);
  // Each reference inside the generated expression maps to the semantics value it was copied from.
  const a = prefix.length;
  const e = a + arrivals.length + 3;
  ctx.origins.derived(`${mp}/expr`, `${tp}/semantics`, 'key', [
    { from: a, to: a + arrivals.length, pointer: `${tp}/semantics/arrivals` },
    { from: e, to: e + errors.length, pointer: `${tp}/semantics/errors` },
  ]);
  ctx.origins.derived(`${mp}/metadata`, `${tp}/id`);
  return { id, kind: 'expr', expr, metadata: { 'graph.hidden': 'true' } };
}
