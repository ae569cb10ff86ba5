// Topology node rules: presence (T27), ids/kinds/semantics (T28), fields per kind (T29/T30), parallelism (T31), retryKernel (T33).
import { asArray, hasKey, isNullish, isRecord, nonBlank, scalarText } from '../template-values';
import type { Rec } from '../template-values';
import type { RuleContext } from './context';

const NOT_ON_DEPENDENCY_OR_SINK = ['queueDepth', 'capacity', 'attempts', 'failures', 'retryEcho', 'retryKernel'];

export function checkTopologyNodes(ctx: RuleContext): void {
  const topology = ctx.root.topology;
  const nodes = isRecord(topology) ? topology.nodes : undefined;
  if (!isRecord(topology) || !Array.isArray(nodes) || nodes.length === 0) {
    if (isRecord(topology) && hasKey(topology, 'nodes') && !Array.isArray(nodes)) return;
    // Without a topology there is no place for it: point at the first root key rather than the whole document.
    const firstKey = Object.keys(ctx.root)[0];
    const [at, part] = isRecord(topology)
      ? hasKey(topology, 'nodes') ? ['/topology/nodes', 'key'] : ['/topology', 'key']
      : hasKey(ctx.root, 'topology') ? ['/topology', 'key'] : [firstKey === undefined ? '' : `/${firstKey.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'key'];
    ctx.report(
      'template.topology-required',
      isRecord(topology) ? 'The topology must define at least one node.' : 'The template needs a topology with at least one node.',
      at,
      part as 'key' | 'value',
    );
    return;
  }
  const first = new Map<string, number>();
  nodes.forEach((tn, i) => {
    const p = `/topology/nodes/${i}`;
    if (!isRecord(tn)) return;
    checkIdentity(ctx, tn, i, first);
    const semantics = tn.semantics;
    if (!isRecord(semantics)) return;
    checkFieldsForKind(ctx, tn, semantics, p);
    checkRetryKernel(ctx, semantics, p);
  });
}

function checkIdentity(ctx: RuleContext, tn: Rec, i: number, first: Map<string, number>): void {
  const p = `/topology/nodes/${i}`;
  const id = scalarText(tn.id);
  if (hasKey(tn, 'id') && !ctx.broken(`${p}/id`) && id !== undefined) {
    if (id.trim() === '') ctx.report('template.topology-node', 'This topology node has a blank id.', `${p}/id`);
    else if (first.has(id)) {
      ctx.report('template.duplicate-topology-id', `Duplicate topology node id \`${id}\`.`, `${p}/id`, 'value', [
        ctx.related(`First topology node with id \`${id}\``, `/topology/nodes/${first.get(id)}/id`),
      ]);
    } else first.set(id, i);
  }
  if (hasKey(tn, 'kind') && !ctx.broken(`${p}/kind`) && scalarText(tn.kind) !== undefined && nonBlank(tn.kind) === undefined) {
    ctx.report('template.topology-node', `Topology node \`${id ?? ''}\` must define a kind.`, `${p}/kind`);
  }
  if (!ctx.broken(`${p}/semantics`) && (!hasKey(tn, 'semantics') || isNullish(tn.semantics))) {
    ctx.report('template.topology-node', `Topology node \`${id ?? ''}\` must define semantics.`, hasKey(tn, 'semantics') ? `${p}/semantics` : hasKey(tn, 'id') ? `${p}/id` : p);
  }
}

function checkFieldsForKind(ctx: RuleContext, tn: Rec, semantics: Rec, p: string): void {
  const kind = nonBlank(tn.kind);
  const lower = kind?.toLowerCase();
  const id = scalarText(tn.id) ?? '';
  if (lower === 'dependency' || lower === 'sink') {
    for (const key of NOT_ON_DEPENDENCY_OR_SINK) {
      if (!hasKey(semantics, key) || ctx.broken(`${p}/semantics/${key}`)) continue;
      const v = semantics[key];
      const defined = key === 'retryKernel' ? Array.isArray(v) && v.length > 0 : nonBlank(v) !== undefined;
      if (defined) {
        ctx.report('template.semantics-not-allowed', `Topology node \`${id}\` of kind ${kind} must not define semantics.${key}.`, `${p}/semantics/${key}`, 'key');
      }
    }
  }
  if (!hasKey(semantics, 'parallelism') || ctx.broken(`${p}/semantics/parallelism`) || isNullish(semantics.parallelism)) return;
  if (lower !== 'servicewithbuffer') {
    ctx.report('template.semantics-not-allowed', `Topology node \`${id}\` of kind ${kind ?? '(none)'} must not define semantics.parallelism; only serviceWithBuffer nodes have parallelism.`, `${p}/semantics/parallelism`, 'key');
    return;
  }
  checkParallelism(ctx, semantics.parallelism, `${p}/semantics/parallelism`, id);
}

function checkParallelism(ctx: RuleContext, v: unknown, pointer: string, id: string): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1) ctx.report('template.parallelism', `Topology node \`${id}\`: parallelism must be >= 1 (got ${v}).`, pointer);
    return;
  }
  const text = nonBlank(v);
  if (!text) return;
  const numeric = Number(text);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    if (!Number.isFinite(numeric) || numeric < 1) ctx.report('template.parallelism', `Topology node \`${id}\`: parallelism must be >= 1 (got ${text}).`, pointer);
    return;
  }
  if (text.toLowerCase().startsWith('file:')) return;
  if (!ctx.plan.nodeIds.has(text)) {
    ctx.report('template.parallelism', `Topology node \`${id}\`: parallelism references unknown series \`${text}\`.`, pointer);
  }
}

function checkRetryKernel(ctx: RuleContext, semantics: Rec, p: string): void {
  const pointer = `${p}/semantics/retryKernel`;
  if (ctx.broken(pointer)) return;
  asArray(semantics.retryKernel).forEach((x, i) => {
    if (typeof x === 'number' && !Number.isFinite(x)) {
      ctx.report('template.retry-kernel', `retryKernel has a non-finite value at index ${i}.`, `${pointer}/${i}`);
    }
  });
}
