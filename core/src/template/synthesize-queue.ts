// Builds Sim's hidden serviceWithBuffer queue node for a queue the engines cannot synthesize (the fallback path).
//
// Only used when planSynthesis() could not leave the queue to the engines (see synthesis-plan.ts and
// docs/templates.md): the node is exactly Sim's, and a `rust.synthesized-queue-node` warning explains why it exists.
import { diag } from '../codes/make';
import { templateCodes } from '../codes/template';
import type { EmitContext } from './emit-context';
import { emitDispatch } from './emit-dispatch';
import type { QueueSynthesis } from './synthesis-plan';
import { asArray, field, isRecord } from './template-values';
import type { Rec } from './template-values';

export function synthesizeQueueNode(ctx: EmitContext, q: QueueSynthesis, modelIndex: number): Rec {
  const tp = `/topology/nodes/${q.index}`;
  const mp = `/nodes/${modelIndex}`;
  const topologyNode = asArray(field(ctx.root.topology, 'nodes'))[q.index];
  const semantics = field(topologyNode, 'semantics');
  const anchor = isRecord(semantics) && Object.prototype.hasOwnProperty.call(semantics, 'queueDepth') ? `${tp}/semantics/queueDepth` : `${tp}/id`;
  const node: Rec = { id: q.name, kind: 'serviceWithBuffer', inflow: q.inflow, outflow: q.outflow };
  ctx.origins.derived(mp, anchor);
  ctx.origins.derived(`${mp}/id`, anchor);
  ctx.origins.derived(`${mp}/kind`, anchor);
  ctx.origins.derived(`${mp}/inflow`, `${tp}/semantics/arrivals`);
  ctx.origins.derived(`${mp}/outflow`, `${tp}/semantics/${q.outflowKey}`);
  if (q.loss !== undefined) {
    node.loss = q.loss;
    ctx.origins.derived(`${mp}/loss`, `${tp}/semantics/errors`);
  }
  if (isRecord(topologyNode)) emitDispatch(ctx, node, `${mp}/dispatchSchedule`, topologyNode, `${tp}/dispatchSchedule`);
  node.metadata = { 'graph.hidden': 'true' };
  ctx.origins.derived(`${mp}/metadata`, anchor);
  ctx.diagnostics.push(
    diag(
      templateCodes['rust.synthesized-queue-node'],
      `Topology node \`${q.topologyId}\` gets Sim's hidden queue node \`${q.name}\` (kind serviceWithBuffer) in nodes, because ${q.fallbackReasons.join('; ')}. ` +
        'The C# engine accepts it, but the Rust engine rejects serviceWithBuffer in nodes (unsupported node kind); ' +
        `without these references the engines would synthesize the queue themselves from topology node \`${q.topologyId}\`.`,
      ctx.doc.locate(anchor),
    ),
  );
  return node;
}
