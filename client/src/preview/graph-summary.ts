// Turns a `flowtime/graph` answer into what the webview needs: problem marks per node and the large-model summary.
import type { GraphEdgeInfo, GraphNodeInfo } from '../protocol';
import type { GraphSummary, KindCount, NodeMark, ProblemNode } from './messages';

/** Rows of the summary's problem list: enough to work through, few enough that the list stays a list. */
export const SUMMARY_PROBLEM_ROWS = 50;

/** Nodes with errors or warnings; the rest need no mark, and large clean models then send nothing. */
export function nodeMarks(nodes: readonly GraphNodeInfo[]): NodeMark[] {
  const out: NodeMark[] = [];
  for (const n of nodes) {
    if (n.errors > 0 || n.warnings > 0) out.push({ key: n.key, errors: n.errors, warnings: n.warnings });
  }
  return out;
}

/** Counts by layer and kind (series kinds first, most common first), edges by type, and the worst nodes. */
export function summarizeGraph(
  nodes: readonly GraphNodeInfo[],
  edges: readonly GraphEdgeInfo[],
  maxProblems = SUMMARY_PROBLEM_ROWS,
): GraphSummary {
  const kinds = new Map<string, KindCount>();
  const problems: ProblemNode[] = [];
  let errorNodes = 0;
  let warningNodes = 0;
  for (const n of nodes) {
    const id = `${n.layer}:${n.kind}`;
    const entry = kinds.get(id);
    if (entry) entry.count++;
    else kinds.set(id, { layer: n.layer, kind: n.kind, count: 1 });
    if (n.errors > 0) errorNodes++;
    if (n.warnings > 0) warningNodes++;
    if (n.errors > 0 || n.warnings > 0) {
      problems.push({ key: n.key, id: n.id, layer: n.layer, kind: n.kind, errors: n.errors, warnings: n.warnings });
    }
  }
  const layerOrder = (layer: string): number => (layer === 'node' ? 0 : 1);
  const byKind = [...kinds.values()].sort(
    (a, b) => layerOrder(a.layer) - layerOrder(b.layer) || b.count - a.count || a.kind.localeCompare(b.kind),
  );
  const types = new Map<string, number>();
  for (const e of edges) {
    const type = e.type === 'expr' && e.lagged ? 'expr (lagged)' : e.type;
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  const edgesByType = [...types.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  // Numeric collation keeps generated ids in their natural order (stage_2 before stage_10).
  problems.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.key.localeCompare(b.key, 'en', { numeric: true }));
  return {
    nodes: nodes.length,
    edges: edges.length,
    byKind,
    edgesByType,
    errorNodes,
    warningNodes,
    problemNodes: problems.length,
    problems: problems.slice(0, Math.max(0, maxProblems)),
  };
}
