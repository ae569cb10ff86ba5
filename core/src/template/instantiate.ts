// Turns a substituted template into the Engine model exactly as Sim emits it (§2.13), except for queue synthesis.
//
// THE DELIBERATE DEPARTURE FROM SIM: Sim puts a hidden `serviceWithBuffer` node into `nodes[]` for every queue-kind
// topology node whose `queueDepth` is empty, `self` or not a node. The Rust engine rejects `serviceWithBuffer` in
// `nodes[]` (gap G-019), while both engines synthesize the same queue themselves when `queueDepth` is absent. So such
// topology nodes are emitted WITHOUT `queueDepth` and no node is added, unless something references the queue by
// name, it has a custom name, or the C# and Rust engines would name it differently; then Sim's form is kept and a
// `rust.synthesized-queue-node` warning says why. Outputs naming an engine-synthesized queue are left out (they are
// not node ids, which the C# schema requires) with a `template.engine-synthesized-output` note. See
// docs/templates.md and synthesis-plan.ts.
import type { Diagnostic } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { EmitContext } from './emit-context';
import { emitGrid } from './emit-grid';
import { emitNodes } from './emit-nodes';
import { emitOutputs } from './emit-outputs';
import { emitTopology } from './emit-topology';
import { emitClasses, emitTraffic } from './emit-traffic';
import { GeneratedDocument } from './generated-document';
import { planSynthesis } from './synthesis-plan';
import { isRecord, scalarText } from './template-values';

/** Reserved for future switches (e.g. Sim's exact queue form); none yet. */
export type InstantiateOptions = Record<string, never>;

export interface InstantiateResult {
  /** The Engine model; key order: schemaVersion, grid, classes, traffic, nodes, outputs, topology. */
  model: Record<string, unknown>;
  /** The model as a SourceDocument whose ranges point back into the template. */
  modelDoc: SourceDocument;
  /** Notes and warnings about the instantiation itself (queue form, outputs left out). */
  diagnostics: Diagnostic[];
}

export function instantiate(doc: SourceDocument, options: InstantiateOptions = {}): InstantiateResult {
  void options;
  const ctx = new EmitContext(doc, planSynthesis(doc.value));
  ctx.origins.derived('', '');
  const model: Record<string, unknown> = {};
  ctx.copyValue(model, 'schemaVersion', '/schemaVersion', ctx.root, 'schemaVersion', '/schemaVersion');
  const grid = emitGrid(ctx);
  if (grid !== undefined) model.grid = grid;
  const classes = emitClasses(ctx);
  if (classes !== undefined) model.classes = classes;
  const traffic = emitTraffic(ctx, Array.isArray(classes) && classes.length > 0);
  if (traffic !== undefined) model.traffic = traffic;
  const nodes = emitNodes(ctx);
  if (nodes !== undefined) model.nodes = nodes;
  const topology = emitTopology(ctx);
  const nodeIds = new Set<string>();
  for (const n of Array.isArray(nodes) ? nodes : []) {
    const id = isRecord(n) ? scalarText(n.id) : undefined;
    if (id !== undefined) nodeIds.add(id);
  }
  const outputs = emitOutputs(ctx, nodeIds, topology);
  if (outputs !== undefined) model.outputs = outputs;
  if (topology !== undefined) model.topology = topology;
  return { model, modelDoc: new GeneratedDocument(model, ctx.origins, doc), diagnostics: ctx.diagnostics };
}
