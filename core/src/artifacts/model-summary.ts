// The compact model summary carried in metadata.json: shape facts and the model.yaml hash, never a second copy of the model.
import { createHash } from 'node:crypto';

export interface NodeSummary {
  id: string;
  /** As written; null when the node has no (string) kind. */
  kind: string | null;
}

export interface ModelSummary {
  schema_version?: number;
  grid: Record<string, string | number>;
  node_count: number;
  nodes: NodeSummary[];
  topology?: { node_count: number; edge_count: number; nodes: NodeSummary[] };
  output_count: number;
  outputs: string[];
  class_count?: number;
  classes?: string[];
  /** Present when the lists above were cut to their first `list_limit` entries (in model order) to keep metadata small. */
  truncated?: true;
  list_limit?: number;
  model_sha256: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Summarizes a model object (tolerating any shape: a broken model still gets a summary). `limit` caps every list
 * (nodes, topology nodes, outputs, classes) at its first `limit` entries; counts always give the full sizes.
 */
export function summarizeModel(model: unknown, modelYaml: string, limit = Infinity): ModelSummary {
  const m = asRecord(model);
  const nodes = asArray(m.nodes).map(nodeSummary);
  const outputs = asArray(m.outputs)
    .map((o) => asRecord(o).series)
    .filter((s): s is string => typeof s === 'string');
  const classes = asArray(m.classes)
    .map((c) => asRecord(c).id)
    .filter((s): s is string => typeof s === 'string');
  const topo = m.topology === undefined ? undefined : asRecord(m.topology);
  const topoNodes = topo ? asArray(topo.nodes).map(nodeSummary) : [];
  const cut = <T>(list: T[]): T[] => (list.length > limit ? list.slice(0, limit) : list);
  const truncated = [nodes, outputs, classes, topoNodes].some((l) => l.length > limit);

  return {
    ...(typeof m.schemaVersion === 'number' ? { schema_version: m.schemaVersion } : {}),
    grid: gridSummary(m.grid),
    node_count: nodes.length,
    nodes: cut(nodes),
    ...(topo ? { topology: { node_count: topoNodes.length, edge_count: asArray(topo.edges).length, nodes: cut(topoNodes) } } : {}),
    output_count: outputs.length,
    outputs: cut(outputs),
    ...(classes.length > 0 ? { class_count: classes.length, classes: cut(classes) } : {}),
    ...(truncated ? { truncated: true as const, list_limit: limit } : {}),
    model_sha256: sha256Hex(modelYaml),
  };
}

/** The longest list in the summary: the upper bound for a limit that cuts nothing. */
export function longestList(model: unknown): number {
  const m = asRecord(model);
  const topo = asRecord(m.topology);
  return Math.max(asArray(m.nodes).length, asArray(m.outputs).length, asArray(m.classes).length, asArray(topo.nodes).length);
}

function gridSummary(grid: unknown): Record<string, string | number> {
  const g = asRecord(grid);
  const out: Record<string, string | number> = {};
  for (const key of ['bins', 'binSize', 'binUnit', 'start']) {
    const v = g[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  return out;
}

function nodeSummary(n: unknown): NodeSummary {
  const r = asRecord(n);
  return { id: typeof r.id === 'string' ? r.id : String(r.id ?? ''), kind: typeof r.kind === 'string' ? r.kind : null };
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
