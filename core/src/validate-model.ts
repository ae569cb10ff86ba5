// Validates a FlowTime model document in stages: schema (with legacy shapes) first, then semantics on sound parts.
import type { Diagnostic } from './diagnostics';
import type { SourceDocument } from './yaml/document';
import { validateModelSchema } from './schema';
import { checkModelSemantics } from './model/semantics';
import type { ProblemBudget } from './validate-budget';

export interface ModelValidationOptions {
  /** PMF sum tolerance: 1e-4 for models (C# S23), 1e-10 when the model comes from a template (T19). */
  pmfTolerance?: number;
  /** Bounded validation (validate-budget.ts): schema findings that can no longer be published are not built. */
  budget?: ProblemBudget;
}

export function validateModelDocument(doc: SourceDocument, options: ModelValidationOptions = {}): Diagnostic[] {
  const schema = validateModelSchema(doc, { budget: options.budget });
  const semantics = checkModelSemantics(doc, { broken: schema.broken, pmfTolerance: options.pmfTolerance });
  return [...schema.diagnostics, ...semantics];
}
