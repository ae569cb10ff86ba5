// Extracts the preview graph (series nodes, topology nodes, typed dependency edges) from a plain model value; never throws.
import { SERIES_FIELDS } from '../model/semantics-refs';
import { collectReferences, parseExpression } from '../expr';
import { parseSeriesRef } from '../model/series-ref';
import { arr, isObj, prop, str } from '../model/read';

/** `node` = an entry of `nodes[]` (a series); `topology` = an entry of `topology.nodes[]`. */
export type GraphLayer = 'node' | 'topology';

/**
 * The visual kind. Series kinds are matched case-insensitively (ModelParser lowercases); a missing or unrecognised
 * series kind is `unknown`. Topology kinds other than the recognised ones count as `service`, as in the C# analyzer.
 */
export type NodeKind =
  | 'const'
  | 'expr'
  | 'pmf'
  | 'serviceWithBuffer'
  | 'router'
  | 'unknown'
  | 'service'
  | 'queue'
  | 'dlq'
  | 'sink'
  | 'dependency';

export type EdgeType = 'expr' | 'semantics' | 'flow' | 'buffer' | 'router';

export interface GraphNode {
  /** Unique graph key: `node:<id>` or `topology:<id>` (a series and a topology node may share an id). */
  key: string;
  id: string;
  layer: GraphLayer;
  kind: NodeKind;
  /** The kind as written (trimmed), for tooltips; `''` when absent. */
  rawKind: string;
  /** `metadata.graph.hidden: "true"`: still drawn, but faded. */
  hidden: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
  /** Expression edges only: every use of `from` is inside SHIFT(x, lag >= 1), i.e. a previous-bin dependency. */
  lagged: boolean;
}

export interface ModelGraph {
  /** Sorted by key. */
  nodes: GraphNode[];
  /** Deduplicated, sorted by from, to, type. */
  edges: GraphEdge[];
}

const SERIES_KINDS: Record<string, NodeKind> = {
  const: 'const',
  expr: 'expr',
  pmf: 'pmf',
  servicewithbuffer: 'serviceWithBuffer',
  router: 'router',
};

const TOPOLOGY_KINDS: Record<string, NodeKind> = {
  service: 'service',
  servicewithbuffer: 'serviceWithBuffer',
  queue: 'queue',
  dlq: 'dlq',
  router: 'router',
  dependency: 'dependency',
  sink: 'sink',
};

/** Semantics fields that hold a series reference (flowtime-format §1.7); `parallelism` only when it is a string. */
const SEMANTIC_REFERENCE_KEYS: readonly string[] = [...SERIES_FIELDS, 'parallelism'];

export function nodeKey(layer: GraphLayer, id: string): string {
  return `${layer}:${id}`;
}

export function buildModelGraph(model: unknown): ModelGraph {
  const builder = new GraphBuilder();
  const seriesEntries = arr(prop(model, 'nodes')) ?? [];
  const topology = prop(model, 'topology');
  const topologyEntries = arr(prop(topology, 'nodes')) ?? [];

  // Declare every node first, so edges can be resolved regardless of declaration order.
  for (const entry of seriesEntries) builder.addSeriesNode(entry);
  for (const entry of topologyEntries) builder.addTopologyNode(entry);

  for (const entry of seriesEntries) builder.addSeriesEdges(entry);
  for (const entry of topologyEntries) builder.addTopologyEdges(entry);
  for (const edge of arr(prop(topology, 'edges')) ?? []) builder.addFlowEdge(edge);
  return builder.result();
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /**
   * The key each array element declared (the first declaration of an id wins), per list: a YAML alias can put the
   * same object in both `nodes` and `topology.nodes`.
   */
  private readonly declared = { node: new Map<unknown, string>(), topology: new Map<unknown, string>() };

  addSeriesNode(entry: unknown): void {
    const id = entryId(entry);
    if (id === undefined) return;
    const rawKind = (str(prop(entry, 'kind')) ?? '').trim();
    const kind = SERIES_KINDS[rawKind.toLowerCase()] ?? 'unknown';
    this.declare(entry, { key: nodeKey('node', id), id, layer: 'node', kind, rawKind, hidden: isHidden(entry) });
  }

  addTopologyNode(entry: unknown): void {
    const id = entryId(entry);
    if (id === undefined) return;
    const rawKind = (str(prop(entry, 'kind')) ?? '').trim();
    const role = (str(prop(entry, 'nodeRole')) ?? '').trim().toLowerCase();
    const kind = role === 'sink' ? 'sink' : TOPOLOGY_KINDS[rawKind.toLowerCase()] ?? 'service';
    this.declare(entry, { key: nodeKey('topology', id), id, layer: 'topology', kind, rawKind, hidden: isHidden(entry) });
  }

  addSeriesEdges(entry: unknown): void {
    const key = this.declared.node.get(entry);
    if (key === undefined) return;
    const node = this.nodes.get(key)!;
    const expression = str(prop(entry, 'expr'));
    if (expression !== undefined && node.kind === 'expr') this.addExpressionEdges(expression, key);
    if (node.kind === 'serviceWithBuffer') {
      for (const field of ['inflow', 'outflow', 'loss', 'wipLimitSeries']) {
        this.addEdge(this.seriesKey(prop(entry, field)), key, 'buffer');
      }
      this.addEdge(this.seriesKey(prop(prop(entry, 'dispatchSchedule'), 'capacitySeries')), key, 'buffer');
    }
    if (node.kind === 'router') {
      // C# puts inputs/routes on the node; Rust nests them under `router:`.
      const nested = prop(entry, 'router');
      const source = isObj(prop(entry, 'inputs')) || arr(prop(entry, 'routes')) ? entry : nested;
      this.addEdge(this.seriesKey(prop(prop(source, 'inputs'), 'queue')), key, 'router');
      for (const route of arr(prop(source, 'routes')) ?? []) {
        this.addEdge(key, this.seriesKey(prop(route, 'target')), 'router');
      }
    }
  }

  addTopologyEdges(entry: unknown): void {
    const key = this.declared.topology.get(entry);
    if (key === undefined) return;
    const semantics = prop(entry, 'semantics');
    for (const field of SEMANTIC_REFERENCE_KEYS) this.addSemanticEdge(prop(semantics, field), key);
    this.addSemanticEdge(prop(prop(entry, 'dispatchSchedule'), 'capacitySeries'), key);
    this.addSemanticEdge(prop(entry, 'wipLimitSeries'), key);
    // WIP overflow routes excess work to another topology node (`loss` drops it).
    const overflow = str(prop(entry, 'wipOverflow'));
    if (overflow !== undefined && overflow.trim().toLowerCase() !== 'loss') {
      this.addEdge(key, this.flowEndpoint(overflow), 'flow');
    }
  }

  addFlowEdge(edge: unknown): void {
    // C# reads from/to, Rust source/target; whichever pair is present is what some engine draws.
    const from = str(prop(edge, 'from')) ?? str(prop(edge, 'source'));
    const to = str(prop(edge, 'to')) ?? str(prop(edge, 'target'));
    if (from === undefined || to === undefined) return;
    this.addEdge(this.flowEndpoint(from), this.flowEndpoint(to), 'flow');
  }

  result(): ModelGraph {
    const nodes = [...this.nodes.values()].sort((a, b) => compare(a.key, b.key));
    const edges = [...this.edges.values()].sort(
      (a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.type, b.type),
    );
    return { nodes, edges };
  }

  private declare(entry: unknown, node: GraphNode): void {
    if (this.nodes.has(node.key)) return;
    this.nodes.set(node.key, node);
    this.declared[node.layer].set(entry, node.key);
  }

  private addExpressionEdges(expression: string, target: string): void {
    const parsed = parseExpression(expression);
    if (!parsed.expr) return;
    // A source is lagged only if every use of it is lagged: one same-bin use makes it a same-bin dependency (C#).
    const laggedBySource = new Map<string, boolean>();
    for (const use of collectReferences(parsed.expr)) {
      const source = this.seriesKey(use.name);
      if (source === undefined) continue;
      laggedBySource.set(source, (laggedBySource.get(source) ?? true) && use.lagged);
    }
    for (const [source, lagged] of laggedBySource) this.addEdge(source, target, 'expr', lagged);
  }

  private addSemanticEdge(value: unknown, target: string): void {
    if (typeof value !== 'string') return;
    const ref = parseSeriesRef(value);
    if (ref.kind !== 'node') return;
    this.addEdge(this.seriesKey(ref.nodeId), target, 'semantics');
  }

  private seriesKey(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const key = nodeKey('node', value.trim());
    return this.nodes.has(key) ? key : undefined;
  }

  /** `Node:port` → the topology node (the port is ignored, as in the engine); a series id is accepted as a fallback. */
  private flowEndpoint(value: string): string | undefined {
    const whole = value.trim();
    const colon = whole.indexOf(':');
    const candidates = colon >= 0 ? [whole, whole.slice(0, colon).trim()] : [whole];
    for (const id of candidates) {
      for (const layer of ['topology', 'node'] as const) {
        const key = nodeKey(layer, id);
        if (this.nodes.has(key)) return key;
      }
    }
    return undefined;
  }

  private addEdge(from: string | undefined, to: string | undefined, type: EdgeType, lagged = false): void {
    if (from === undefined || to === undefined) return;
    const id = `${type}\u0000${from}\u0000${to}`;
    const existing = this.edges.get(id);
    if (existing) existing.lagged = existing.lagged && lagged;
    else this.edges.set(id, { from, to, type, lagged });
  }
}

function entryId(entry: unknown): string | undefined {
  const id = str(prop(entry, 'id'));
  if (id === undefined) return undefined;
  const trimmed = id.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function isHidden(entry: unknown): boolean {
  const flag = prop(prop(entry, 'metadata'), 'graph.hidden');
  return flag === true || (typeof flag === 'string' && flag.trim().toLowerCase() === 'true');
}

/** Code-unit order, independent of locale, so output never depends on the machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
