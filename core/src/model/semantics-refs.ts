// Topology semantics series references (rule S25 and the reference syntax: self, file:, series: prefix, @class, C4).
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext, TopologyEntry } from './context';
import { prop, q, str } from './read';
import { parseSeriesRef } from './series-ref';
import { suggestRename } from './rename-fix';

/** The semantics fields the C# schema adjunct resolves against node ids (rule S25). */
export const SERIES_FIELDS = [
  'arrivals',
  'served',
  'errors',
  'attempts',
  'failures',
  'exhaustedFailures',
  'retryEcho',
  'retryBudgetRemaining',
  'externalDemand',
  'queueDepth',
  'capacity',
  'processingTimeMsSum',
  'servedCount',
] as const;

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function checkSemanticsReferences(ctx: ModelContext): void {
  for (const t of ctx.topology) {
    if (!t.semantics) continue;
    for (const field of SERIES_FIELDS) checkField(ctx, t, field);
    const parallelism = str(prop(t.semantics, 'parallelism'));
    // A numeric string is a literal parallelism; anything else names a series.
    if (parallelism !== undefined && !NUMERIC.test(parallelism.trim())) checkField(ctx, t, 'parallelism');
  }
}

function checkField(ctx: ModelContext, t: TopologyEntry, field: string): void {
  const pointer = `${t.pointer}/semantics/${field}`;
  const raw = str(prop(t.semantics, field));
  if (raw === undefined || ctx.broken(pointer)) return;
  const ref = parseSeriesRef(raw);
  const where = `semantics.${field} of topology node ${q(t.id)}`;
  switch (ref.kind) {
    case 'blank':
    case 'file':
      return;
    case 'self':
      if (field === 'queueDepth' || ctx.isNode(t.id)) return;
      ctx.report(
        diag(
          modelCodes['model.self-reference'],
          `${where} is 'self', which the C# engine resolves to the topology node id ${q(t.id)}; that is not a node id, so the series is missing. Only semantics.queueDepth can be 'self'; name the producing node.`,
          ctx.range(pointer),
        ),
      );
      return;
    case 'empty-node':
      ctx.report(
        diag(
          modelCodes['model.empty-reference'],
          `${where} (${q(raw.trim())}) has no node id; write nodeId or nodeId@classId.`,
          ctx.range(pointer),
        ),
      );
      return;
    case 'node':
      if (!ctx.isNode(ref.nodeId)) {
        const s = suggestRename(ctx.doc, { pointer, value: raw, name: ref.nodeId, start: ref.nodeStart }, ctx.nodeIds());
        ctx.report(
          diag(
            modelCodes['model.unknown-series-reference'],
            `${where} is ${q(ref.nodeId)}, which does not match any node id${s.hint}.`,
            ctx.rangeIn(pointer, ref.nodeStart, ref.nodeEnd),
            { fixes: s.fixes },
          ),
        );
      }
      if (ref.classId !== undefined && ctx.classes && !ctx.classes.includes(ref.classId)) {
        const s = suggestRename(ctx.doc, { pointer, value: raw, name: ref.classId, start: ref.classStart }, ctx.classes);
        ctx.report(
          diag(
            modelCodes['model.unknown-class'],
            `Class ${q(ref.classId)} in ${where} is not declared under classes${s.hint}.`,
            ctx.rangeIn(pointer, ref.classStart!, ref.classEnd!),
            { fixes: s.fixes },
          ),
        );
      }
  }
}
