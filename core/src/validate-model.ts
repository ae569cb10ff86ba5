// Validates a FlowTime model document in stages: schema (with legacy shapes) first, then semantics on sound parts.
import type { Diagnostic } from './diagnostics';
import type { SourceDocument } from './yaml/document';
import { checkModelSchema, validateModelSchema } from './schema';
import { checkModelSemantics } from './model/semantics';
import type { ProblemBudget } from './validate-budget';

export interface ModelValidationOptions {
  /** PMF sum tolerance: 1e-4 for models (C# S23), 1e-10 when the model comes from a template (T19). */
  pmfTolerance?: number;
  /** Bounded validation (validate-budget.ts): schema findings that can no longer be published are not built. */
  budget?: ProblemBudget;
}

export function validateModelDocument(doc: SourceDocument, options: ModelValidationOptions = {}): Diagnostic[] {
  const budget = options.budget;
  if (!budget) {
    const schema = validateModelSchema(doc);
    const semantics = checkModelSemantics(doc, { broken: schema.broken, pmfTolerance: options.pmfTolerance });
    return [...schema.diagnostics, ...semantics];
  }
  // Bounded: the semantic rules need only the schema's broken-part index, so they run first and their findings
  // tighten the budget before the schema findings (most of the findings of a badly broken model) are built.
  const schema = checkModelSchema(doc);
  const semantics = checkModelSemantics(doc, { broken: schema.broken, pmfTolerance: options.pmfTolerance });
  for (const d of semantics) budget.add(d);
  return [...schema.diagnostics(budget), ...semantics];
}
