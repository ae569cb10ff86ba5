// Semantic validation of a FlowTime model after the JSON-schema stage: ids, references, data, dependencies, engine divergence.
import type { Diagnostic } from '../diagnostics';
import { ZERO_RANGE, compareDiagnostics } from '../diagnostics';
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { SourceDocument } from '../yaml/document';
import { checkConstLengths } from './const-length';
import { ModelContext } from './context';
import type { NodeEntry } from './context';
import { checkCycles } from './cycles';
import { checkDates } from './dates';
import { checkEngineDivergence } from './divergence';
import { analyzeExpressions } from './expressions';
import type { ExprNodeInfo } from './expressions';
import { checkFeedbackSpans } from './feedback';
import { buildDependencyGraph } from './graph';
import type { DepGraph } from './graph';
import { checkIds } from './ids';
import { checkPmfs } from './pmf';
import { checkQueueColumnNames } from './queue-names';
import { checkReferences } from './references';
import { buildRustGraph } from './rust-order';
import type { RustGraph } from './rust-order';
import { checkRustOnlyCycles } from './rust-cycles';
import { checkSelfShift } from './self-shift';
import { checkSemanticsReferences } from './semantics-refs';
import { checkShiftDivergence } from './shift-divergence';
import { checkTopology } from './topology';
import { checkWip } from './wip';

export interface ModelSemanticsOptions {
  /**
   * True when the schema stage already reported the value at this pointer (or inside it); a rule then skips that value.
   * Rules ask about the exact value they read (`/nodes/3/values`, `/nodes/3/pmf/probabilities/1`), never about the
   * root or a whole collection, so one bad field does not silence the checks of its neighbours. Node ids are read
   * regardless: every declared id counts as declared.
   */
  broken?: (pointer: string) => boolean;
  /** PMF probability-sum tolerance: 1e-4 (default) for models, 1e-10 for templates (rules S23, T19). */
  pmfTolerance?: number;
}

/** All semantic diagnostics of a model, sorted by position. Never throws, whatever the document holds. */
export function checkModelSemantics(doc: SourceDocument, options: ModelSemanticsOptions = {}): Diagnostic[] {
  let ctx: ModelContext;
  try {
    ctx = new ModelContext(doc, options);
  } catch (e) {
    return [failure('reading the model', e)];
  }
  const run = (name: string, rule: () => void): void => {
    try {
      rule();
    } catch (e) {
      ctx.report(failure(name, e));
    }
  };

  run('ids', () => checkIds(ctx));
  run('references', () => checkReferences(ctx));
  run('topology references', () => checkSemanticsReferences(ctx));
  run('topology', () => checkTopology(ctx));
  run('const lengths', () => checkConstLengths(ctx));
  run('PMFs', () => checkPmfs(ctx));
  run('dates', () => checkDates(ctx));
  run('WIP', () => checkWip(ctx));
  run('engine divergence', () => checkEngineDivergence(ctx));

  let exprs: Map<NodeEntry, ExprNodeInfo> = new Map();
  run('expressions', () => (exprs = analyzeExpressions(ctx)));
  run('self-SHIFT', () => checkSelfShift(ctx, exprs));
  run('queue names', () => checkQueueColumnNames(ctx, exprs));
  let graph: DepGraph | undefined;
  run('dependency graph', () => (graph = buildDependencyGraph(ctx, exprs)));
  if (graph) {
    const g = graph;
    // The Rust graph is built only when a rule needs it.
    let rust: RustGraph | undefined;
    const rustGraph = () => (rust ??= buildRustGraph(ctx, exprs));
    let cyclic = true;
    run('cycles', () => (cyclic = checkCycles(ctx, g, rustGraph)));
    if (!cyclic) {
      run('feedback spans', () => checkFeedbackSpans(ctx, g, exprs));
      run('SHIFT dependencies', () => checkShiftDivergence(ctx, g, exprs, rustGraph));
      run('Rust-only cycles', () => checkRustOnlyCycles(ctx, rustGraph));
    }
  }
  return ctx.out.sort(compareDiagnostics);
}

function failure(check: string, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return diag(modelCodes['model.check-failed'], `The semantic check of ${check} could not complete (${message}); the other checks ran.`, ZERO_RANGE);
}
