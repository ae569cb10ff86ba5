// Emits `outputs` (series/as/exclude only), leaves out engine-synthesized queues, then appends semantics outputs.
import { diag } from '../codes/make';
import { templateCodes } from '../codes/template';
import type { EmitContext } from './emit-context';
import { clone } from './emit-context';
import { MODEL_SERIES_KEYS, topologyNodesOf } from './emit-topology';
import { isRecord, nonBlank, scalarText } from './template-values';
import type { Rec } from './template-values';

export function emitOutputs(ctx: EmitContext, modelNodeIds: ReadonlySet<string>, topology: Rec | undefined): unknown[] | undefined {
  const outputs = ctx.root.outputs;
  if (outputs !== undefined && !Array.isArray(outputs) && !ctx.isNull('/outputs', outputs)) {
    ctx.origins.mirror('/outputs', '/outputs');
    return clone(outputs) as unknown[];
  }
  const list: unknown[] = [];
  ctx.origins.derived('/outputs', Array.isArray(outputs) ? '/outputs' : '/topology', 'key');
  (Array.isArray(outputs) ? outputs : []).forEach((o, j) => {
    const tp = `/outputs/${j}`;
    const mp = `/outputs/${list.length}`;
    if (!isRecord(o)) {
      ctx.origins.mirror(mp, tp);
      list.push(clone(o));
      return;
    }
    const series = scalarText(o.series);
    const topologyIndex = series !== undefined ? ctx.plan.engineQueues.get(series) : undefined;
    if (series !== undefined && topologyIndex !== undefined) {
      const topologyId = ctx.plan.queues.get(topologyIndex)?.topologyId ?? '';
      ctx.diagnostics.push(
        diag(
          templateCodes['template.engine-synthesized-output'],
          `\`${series}\` is the queue the engines synthesize for topology node \`${topologyId}\`; it is not a node of the generated model, so this output is left out (the C# schema accepts only node ids here). Both engines still compute the series.`,
          ctx.doc.locate(`${tp}/series`),
        ),
      );
      return;
    }
    const item: Rec = {};
    ctx.origins.mirror(mp, tp);
    ctx.copyString(item, 'series', `${mp}/series`, o, 'series', `${tp}/series`);
    ctx.copyString(item, 'as', `${mp}/as`, o, 'as', `${tp}/as`);
    ctx.copyValue(item, 'exclude', `${mp}/exclude`, o, 'exclude', `${tp}/exclude`);
    list.push(item);
  });
  appendSemanticsOutputs(ctx, list, modelNodeIds, topology);
  return list.length > 0 ? list : undefined;
}

/**
 * Sim's EnsureSemanticsOutputs: every topology semantics reference that is not yet an output (case-insensitive,
 * `*` does not count) is appended without `as`. References that are not nodes of the model are skipped: the
 * template rules already report them, and an output would only repeat the error.
 */
function appendSemanticsOutputs(ctx: EmitContext, list: unknown[], modelNodeIds: ReadonlySet<string>, topology: Rec | undefined): void {
  const present = new Set<string>();
  for (const o of list) {
    const s = isRecord(o) ? scalarText(o.series) : undefined;
    if (s !== undefined && s !== '*') present.add(s.toLowerCase());
  }
  topologyNodesOf(topology).forEach((tn, i) => {
    const semantics = tn.semantics;
    if (!isRecord(semantics)) return;
    for (const key of MODEL_SERIES_KEYS) {
      const ref = nonBlank(semantics[key]);
      if (!ref || ref === '*' || !modelNodeIds.has(ref) || present.has(ref.toLowerCase())) continue;
      present.add(ref.toLowerCase());
      const mp = `/outputs/${list.length}`;
      const origin = ctx.origins.resolve(`/topology/nodes/${i}/semantics/${key}`);
      const tp = origin?.pointer ?? `/topology/nodes/${i}`;
      ctx.origins.derived(mp, tp);
      ctx.origins.derived(`${mp}/series`, tp);
      list.push({ series: ref });
    }
  });
}
