// The two custom requests' results: the document's graph (with where each node is written) and its status counts.
import type { Diagnostic, Position, Range } from '../../core/src/diagnostics';
import type { Analysis } from '../../core/src/language/analysis';
import type { DocumentInfoResult, FlowtimeSettings, GraphNodeInfo, GraphResult } from '../../core/src/language/protocol';
import { arr, prop, str } from '../../core/src/model/read';
import { buildModelGraph } from '../../core/src/preview/graph';
import { validateTemplate } from '../../core/src/template/validate-template';
import type { SourceDocument } from '../../core/src/yaml/document';
import { reportedDiagnostics } from './diagnostics-publisher';

interface ModelView {
  model: unknown;
  /** Locates the model's pointers in this document (for a template: back into the template text). */
  doc: SourceDocument;
}

/** One per analysed version: the graph and the status bar both ask, and instantiating a template is a validation. */
const views = new WeakMap<Analysis, ModelView>();

/** The model a document describes: itself, or for a template the instantiated model (the raw template if that fails). */
function modelView(a: Analysis): ModelView {
  let view = views.get(a);
  if (!view) {
    view = { model: a.parsed.doc.value, doc: a.parsed.doc };
    if (a.kind === 'template') {
      const t = validateTemplate(a.text);
      if (t.model !== undefined && t.modelDoc !== undefined) view = { model: t.model, doc: t.modelDoc };
    }
    views.set(a, view);
  }
  return view;
}

export interface GraphView {
  /** The graph with `svg: ''`. */
  graph: GraphResult;
  /** A FlowTime document has an SVG to render, from `model`; any other document has none. */
  renderable: boolean;
  model: unknown;
}

export function documentGraph(a: Analysis, version: number, settings: FlowtimeSettings): GraphView {
  if (a.kind === 'unknown') return { graph: { kind: a.kind, version, nodes: [], edges: [], svg: '' }, renderable: false, model: undefined };
  const { model, doc } = modelView(a);
  const graph = buildModelGraph(model);
  const problems = new ProblemIndex(reportedDiagnostics(a.diagnostics(), settings));
  const places = {
    node: firstIndexById(arr(prop(model, 'nodes'))),
    topology: firstIndexById(arr(prop(prop(model, 'topology'), 'nodes'))),
  };
  const nodes = graph.nodes.map((n): GraphNodeInfo => {
    const info: GraphNodeInfo = { ...n, errors: 0, warnings: 0 };
    const index = places[n.layer].get(n.id);
    if (index === undefined) return info;
    const base = n.layer === 'node' ? `/nodes/${index}` : `/topology/nodes/${index}`;
    info.range = doc.locate(`${base}/id`, 'value');
    const counts = problems.within(doc.locate(base, 'value'));
    info.errors = counts.errors;
    info.warnings = counts.warnings;
    return info;
  });
  const edges = graph.edges.map((e) => ({ ...e }));
  return { graph: { kind: a.kind, version, nodes, edges, svg: '' }, renderable: true, model };
}

export function documentInfo(a: Analysis, version: number, settings: FlowtimeSettings): DocumentInfoResult {
  const info: DocumentInfoResult = { kind: a.kind, version, errors: 0, warnings: 0, infos: 0, nodeCount: 0, topologyCount: 0 };
  if (a.kind === 'unknown') return info;
  for (const d of reportedDiagnostics(a.diagnostics(), settings)) {
    if (d.severity === 'error') info.errors++;
    else if (d.severity === 'warning') info.warnings++;
    else info.infos++;
  }
  const { model } = modelView(a);
  info.nodeCount = arr(prop(model, 'nodes'))?.length ?? 0;
  info.topologyCount = arr(prop(prop(model, 'topology'), 'nodes'))?.length ?? 0;
  return info;
}

/** id → index of its first declaration (ids are trimmed, as the graph does). */
function firstIndexById(entries: unknown[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  (entries ?? []).forEach((entry, i) => {
    const id = str(prop(entry, 'id'))?.trim();
    if (id && !out.has(id)) out.set(id, i);
  });
  return out;
}

/** Diagnostics sorted by start, so counting those inside a node's entry is a binary search, not a scan. */
class ProblemIndex {
  private readonly sorted: Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    this.sorted = diagnostics.filter((d) => d.severity !== 'info').sort((a, b) => comparePositions(a.range.start, b.range.start));
  }

  within(range: Range): { errors: number; warnings: number } {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(this.sorted[mid].range.start, range.start) < 0) lo = mid + 1;
      else hi = mid;
    }
    const counts = { errors: 0, warnings: 0 };
    for (let i = lo; i < this.sorted.length && comparePositions(this.sorted[i].range.start, range.end) < 0; i++) {
      if (this.sorted[i].severity === 'error') counts.errors++;
      else counts.warnings++;
    }
    return counts;
  }
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
