// Topology link rules: constraints (T35), node constraint ids (T36), edges required (T37), edge endpoints (T38).
import { asArray, hasKey, isRecord, nonBlank, scalarText } from '../template-values';
import type { Rec } from '../template-values';
import { suggestRename } from '../../model/rename-fix';
import type { RuleContext } from './context';

export function checkLinks(ctx: RuleContext): void {
  const topology = ctx.root.topology;
  if (!isRecord(topology)) return;
  const nodes = Array.isArray(topology.nodes) ? topology.nodes : [];
  const constraintIds = checkConstraints(ctx, topology);
  nodes.forEach((tn, i) => {
    if (isRecord(tn)) checkNodeConstraints(ctx, tn, i, constraintIds);
  });
  checkEdges(ctx, topology, nodes);
}

function checkConstraints(ctx: RuleContext, topology: Rec): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(topology.constraints)) return ids;
  const first = new Map<string, number>();
  topology.constraints.forEach((c, i) => {
    const p = `/topology/constraints/${i}`;
    if (!isRecord(c)) return;
    const id = nonBlank(c.id);
    if (!id) {
      if (hasKey(c, 'id') && scalarText(c.id) !== undefined) ctx.report('template.constraint', 'This constraint has a blank id.', `${p}/id`);
    } else {
      ids.add(id.toLowerCase());
      const earlier = first.get(id.toLowerCase());
      if (earlier !== undefined) {
        ctx.report('template.constraint', `Duplicate constraint id \`${id}\` (constraint ids are compared case-insensitively).`, `${p}/id`, 'value', [
          ctx.related('First constraint with this id', `/topology/constraints/${earlier}/id`),
        ]);
      } else first.set(id.toLowerCase(), i);
    }
    const semantics = c.semantics;
    if (!isRecord(semantics)) return;
    const label = id ? `Constraint \`${id}\`` : 'This constraint';
    for (const key of ['arrivals', 'served', 'errors', 'latencyMinutes']) {
      const sp = `${p}/semantics/${key}`;
      if (!hasKey(semantics, key) || ctx.broken(sp)) continue;
      const ref = nonBlank(semantics[key]);
      if (!ref) {
        if ((key === 'arrivals' || key === 'served') && scalarText(semantics[key]) !== undefined) {
          ctx.report('template.constraint', `${label} must define semantics.${key}.`, sp);
        }
      } else if (!ctx.plan.nodeIds.has(ref)) {
        ctx.report('template.constraint', `${label}: semantics.${key} references unknown series \`${ref}\`.`, sp);
      }
    }
  });
  return ids;
}

function checkNodeConstraints(ctx: RuleContext, tn: Rec, i: number, defined: Set<string>): void {
  const p = `/topology/nodes/${i}/constraints`;
  if (!Array.isArray(tn.constraints) || ctx.broken(p)) return;
  const id = scalarText(tn.id) ?? '';
  if (tn.constraints.length > 0 && defined.size === 0) {
    ctx.report('template.node-constraint', `Topology node \`${id}\` references constraints, but topology.constraints defines none.`, p, 'key');
    return;
  }
  tn.constraints.forEach((c, j) => {
    const name = nonBlank(c);
    if (!name) ctx.report('template.node-constraint', `Topology node \`${id}\` has a blank constraint id.`, `${p}/${j}`);
    else if (!defined.has(name.toLowerCase())) {
      ctx.report('template.node-constraint', `Topology node \`${id}\` references unknown constraint \`${name}\`.`, `${p}/${j}`);
    }
  });
}

function checkEdges(ctx: RuleContext, topology: Rec, nodes: unknown[]): void {
  const edges = topology.edges;
  if (nodes.length > 1 && (!Array.isArray(edges) || edges.length === 0)) {
    if (edges !== undefined && !Array.isArray(edges) && nonBlank(edges) !== undefined) return;
    ctx.report(
      'template.edges-required',
      `The topology has ${nodes.length} nodes but no edges: topology edges are required when there is more than one node.`,
      hasKey(topology, 'edges') ? '/topology/edges' : '/topology',
      'key',
    );
    return;
  }
  const ids = new Set(nodes.map((n) => scalarText(isRecord(n) ? n.id : undefined)).filter((s): s is string => s !== undefined));
  asArray(edges).forEach((e, i) => {
    const p = `/topology/edges/${i}`;
    if (!isRecord(e)) return;
    for (const key of ['from', 'to']) {
      if (!hasKey(e, key) || ctx.broken(`${p}/${key}`)) continue;
      const v = nonBlank(e[key]);
      if (!v) {
        if (scalarText(e[key]) !== undefined) ctx.report('template.edge-endpoint', `Edge must define \`${key}\`.`, `${p}/${key}`);
        continue;
      }
      const node = v.split(':')[0].trim();
      if (!ids.has(node)) {
        const s = suggestRename(ctx.doc, { pointer: `${p}/${key}`, value: scalarText(e[key]) ?? v, name: node }, ids);
        const guess = s.suggestion ? ` (did you mean \`${s.suggestion.id}\`?)` : '';
        ctx.report('template.edge-endpoint', `Edge ${key === 'from' ? 'source' : 'target'} \`${node}\` is not a topology node id${guess}.`, `${p}/${key}`, 'value', undefined, s.fixes);
      }
    }
  });
}
