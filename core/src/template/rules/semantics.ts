// Semantics rules: references must be exact node ids (T32); required semantics for synthesis (T5, T7, T8) and simulation (T34).
import { suggestRename } from '../../model/rename-fix';
import { SERIES_SEMANTICS } from '../synthesis-plan';
import type { SynthesisProblemKind } from '../synthesis-plan';
import { hasKey, isRecord, nonBlank, scalarText } from '../template-values';
import type { Rec } from '../template-values';
import type { RuleContext } from './context';

export function checkSemantics(ctx: RuleContext): void {
  const nodes = ctx.root.topology;
  const list = isRecord(nodes) && Array.isArray(nodes.nodes) ? nodes.nodes : [];
  const problems = new Map<number, SynthesisProblemKind>();
  for (const pr of ctx.plan.problems) problems.set(pr.index, pr.kind);
  list.forEach((tn, i) => {
    const p = `/topology/nodes/${i}`;
    if (!isRecord(tn) || !isRecord(tn.semantics)) return;
    checkReferences(ctx, tn, tn.semantics, p);
    checkRequired(ctx, tn, tn.semantics, p, problems.get(i));
  });
}

function checkReferences(ctx: RuleContext, tn: Rec, semantics: Rec, p: string): void {
  const id = scalarText(tn.id) ?? '';
  const queue = ctx.plan.queues.get(Number(p.slice(p.lastIndexOf('/') + 1)));
  for (const key of SERIES_SEMANTICS) {
    const pointer = `${p}/semantics/${key}`;
    if (!hasKey(semantics, key) || ctx.broken(pointer)) continue;
    // Sim rewrites a synthesized queue's queueDepth to the new node before validating.
    if (key === 'queueDepth' && queue) continue;
    const ref = nonBlank(semantics[key]);
    if (!ref || ctx.plan.nodeIds.has(ref)) continue;
    const why = hint(ref, key);
    // A model-style reference is explained instead; a plain misspelling gets the closest node id and its fix.
    const s = why ? undefined : suggestRename(ctx.doc, { pointer, value: scalarText(semantics[key]) ?? ref, name: ref }, ctx.plan.nodeIds);
    const guess = s?.suggestion ? ` (did you mean \`${s.suggestion.id}\`?)` : '';
    ctx.report('template.semantics-reference', `Topology node \`${id}\`: semantics.${key} references unknown series \`${ref}\`${why}${guess}.`, pointer, 'value', undefined, s?.fixes);
  }
}

/** Why a model-style reference is not accepted in a template. */
function hint(ref: string, key: string): string {
  const lower = ref.toLowerCase();
  if (lower === 'self') return key === 'queueDepth' ? '; `self` is only synthesized for serviceWithBuffer, queue and dlq nodes' : '; `self` is not a node';
  if (lower.startsWith('file:')) return '; templates need a node id here (telemetry `file:` references are accepted only for parallelism)';
  if (lower.startsWith('series:') || ref.includes('@')) return '; templates need the exact node id, without `series:` or `@class`';
  return '';
}

function checkRequired(ctx: RuleContext, tn: Rec, semantics: Rec, p: string, problem: SynthesisProblemKind | undefined): void {
  const id = scalarText(tn.id) ?? '';
  const kind = nonBlank(tn.kind);
  const at = `${p}/semantics`;
  if (problem === 'queue-arrivals' || problem === 'sink-arrivals') {
    const what = problem === 'sink-arrivals' ? 'for sink nodes' : 'to synthesize queue behavior';
    ctx.report('template.semantics-required', `Topology node \`${id}\` must define semantics.arrivals ${what}.`, at, 'key');
    return;
  }
  if (problem === 'queue-outflow') {
    ctx.report('template.semantics-required', `Topology node \`${id}\` must define semantics.served (or capacity) to synthesize queue behavior.`, at, 'key');
    return;
  }
  if (problem === 'sink-served') {
    ctx.report(
      'template.sink-served',
      `Topology node \`${id}\` of kind sink must map semantics.served to the same series as semantics.arrivals (or define errors).`,
      `${p}/semantics/served`,
    );
  }
  if (!ctx.simulation || !kind) return;
  const i = Number(p.slice(p.lastIndexOf('/') + 1));
  const arrivals = nonBlank(semantics.arrivals);
  const served = nonBlank(semantics.served) ?? ctx.plan.sinks.get(i)?.served;
  const queueDepth = ctx.plan.queues.has(i) ? ctx.plan.queues.get(i)!.name : nonBlank(semantics.queueDepth);
  if (!arrivals) {
    ctx.report('template.semantics-required', `Topology node \`${id}\` must define semantics.arrivals in simulation mode.`, at, 'key');
  } else if (kind.toLowerCase() === 'dependency' ? !served : !served && !queueDepth) {
    const need = kind.toLowerCase() === 'dependency' ? 'semantics.served' : 'semantics.served or semantics.queueDepth';
    ctx.report('template.semantics-required', `Topology node \`${id}\` must define ${need} in simulation mode.`, at, 'key');
  }
}
