// The Rust engine's dependency graph and evaluation order over model nodes and topology queue columns (reference §3.5).
import type { ReferenceUse } from '../expr/ast';
import type { ModelContext, NodeEntry, TopologyEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import type { Site } from './graph';
import { prop, q, str } from './read';
import { rustSnakeCase } from './snake-case';
import { QUEUE_LIKE_KINDS } from './topology';

export interface RustGraph {
  /** Items 0..modelCount-1 are ctx.nodes; the rest are queue columns of queue-like topology nodes. */
  modelCount: number;
  /** Position in the Rust order; -1 for items it cannot order (on a cycle or behind one). */
  position: Int32Array;
  /** deps[item]: the items it needs in the same bin, without repeats; sites[item][k] is where deps[item][k] is used. */
  adjacency(): { deps: number[][]; sites: Site[][] };
  /** For messages: a node id, or "queue column 'x' of topology node 'Y'". */
  label(item: number): string;
}

interface Column {
  name: string;
  topologyId: string;
  pointer: string;
  deps: { name: string; field: string }[];
  overflow: string | undefined;
}

/**
 * Replicates the Rust compiler: a name resolves to the last item that claims it (queue columns after nodes); expression
 * names used anywhere inside SHIFT are not dependencies; edges are pushed in the compiler's order (expressions, queue
 * inputs, expressions on queue columns again, overflow) and a FIFO Kahn sort orders the items. Only meaningful without
 * duplicate node ids (Rust panics on those), so a node's item is its index in ctx.nodes.
 */
export function buildRustGraph(ctx: ModelContext, exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>): RustGraph {
  const nodes = ctx.nodes;
  const n = nodes.length;
  const columns = queueColumns(ctx);
  const total = n + columns.length;
  const columnItem = new Map<string, number>();
  columns.forEach((c, j) => columnItem.set(c.name, n + j));
  const itemOf = (name: string): number | undefined => columnItem.get(name) ?? ctx.nodeById.get(name)?.vertex;

  // Edges in the compiler's push order, as parallel arrays (dependency, dependent, where it is written).
  const edgeDep: number[] = [];
  const edgeItem: number[] = [];
  const edgeSite: Site[] = [];
  const edge = (dep: number | undefined, item: number, site: Site) => {
    if (dep === undefined) return;
    edgeDep.push(dep);
    edgeItem.push(item);
    edgeSite.push(site);
  };

  // Each node's same-bin names once (the first use is the site); names used anywhere inside SHIFT are dropped.
  const sameBin: ReferenceUse[][] = [];
  for (let i = 0; i < n; i++) {
    const info = exprs.get(nodes[i]);
    const out: ReferenceUse[] = [];
    sameBin.push(out);
    if (!info) continue;
    let inside: string[] | undefined;
    for (const r of info.refs) if (r.insideShift && !inside?.includes(r.name)) (inside ??= []).push(r.name);
    for (const r of info.refs) {
      if (inside?.includes(r.name) || out.some((x) => x.name === r.name)) continue;
      out.push(r);
      edge(itemOf(r.name), i, r);
    }
  }
  columns.forEach((c, j) => {
    for (const d of c.deps) edge(itemOf(d.name), n + j, `${c.pointer}/semantics/${d.field}`);
  });
  if (columns.length > 0) {
    sameBin.forEach((refs, i) => {
      for (const r of refs) columns.forEach((c, j) => c.name === r.name && edge(n + j, i, r));
    });
    const columnOfTopology = new Map<string, number>();
    columns.forEach((c, j) => columnOfTopology.set(c.topologyId, j));
    columns.forEach((c, j) => {
      const target = c.overflow === undefined ? undefined : columnOfTopology.get(c.overflow);
      if (target !== undefined) edge(n + j, n + target, `${c.pointer}/wipOverflow`);
    });
  }

  // FIFO Kahn sort over the dependents of each item, visited in push order.
  const indegree = new Int32Array(total);
  const start = new Int32Array(total + 1);
  for (let e = 0; e < edgeDep.length; e++) {
    indegree[edgeItem[e]]++;
    start[edgeDep[e] + 1]++;
  }
  for (let i = 0; i < total; i++) start[i + 1] += start[i];
  const fill = start.slice(0, total);
  const dependents = new Int32Array(edgeDep.length);
  for (let e = 0; e < edgeDep.length; e++) dependents[fill[edgeDep[e]]++] = edgeItem[e];
  const queue: number[] = [];
  for (let i = 0; i < total; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (let k = start[u]; k < start[u + 1]; k++) if (--indegree[dependents[k]] === 0) queue.push(dependents[k]);
  }
  const position = new Int32Array(total).fill(-1);
  queue.forEach((item, p) => (position[item] = p));

  const adjacency = () => {
    const deps: number[][] = Array.from({ length: total }, () => []);
    const sites: Site[][] = Array.from({ length: total }, () => []);
    for (let e = 0; e < edgeDep.length; e++) {
      if (deps[edgeItem[e]].includes(edgeDep[e])) continue;
      deps[edgeItem[e]].push(edgeDep[e]);
      sites[edgeItem[e]].push(edgeSite[e]);
    }
    return { deps, sites };
  };
  const label = (item: number) =>
    item < n ? q(nodes[item].id) : `queue column ${q(columns[item - n].name)} of topology node ${q(columns[item - n].topologyId)}`;
  return { modelCount: n, position, adjacency, label };
}

/** Whether the Rust compiler creates any queue column. */
export function hasQueueColumns(ctx: ModelContext): boolean {
  return ctx.topology.some(isRustQueue);
}

/** Queue-like kinds; a missing kind counts as serviceWithBuffer in Rust. */
function isRustQueue(t: TopologyEntry): boolean {
  return QUEUE_LIKE_KINDS.has(t.kind === '' && prop(t.value, 'kind') === undefined ? 'servicewithbuffer' : t.kind);
}

function queueColumns(ctx: ModelContext): Column[] {
  const out: Column[] = [];
  for (const t of ctx.topology) {
    if (!isRustQueue(t)) continue;
    const s = t.semantics;
    const text = (key: string) => str(prop(s, key)) ?? '';
    const deps: { name: string; field: string }[] = [];
    if (text('arrivals') !== '') deps.push({ name: text('arrivals'), field: 'arrivals' });
    if (text('served') !== '') deps.push({ name: text('served'), field: 'served' });
    else if (str(prop(s, 'capacity')) !== undefined) deps.push({ name: text('capacity'), field: 'capacity' });
    if (text('errors') !== '') deps.push({ name: text('errors'), field: 'errors' });
    const overflow = str(prop(t.value, 'wipOverflow'));
    out.push({
      name: text('queueDepth') !== '' ? text('queueDepth') : `${rustSnakeCase(t.id)}_queue`,
      topologyId: t.id,
      pointer: t.pointer,
      deps,
      overflow: overflow !== undefined && overflow !== '' ? overflow : undefined,
    });
  }
  return out;
}
