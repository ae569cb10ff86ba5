// Shared validation pass: legacy detectors, ajv, error mapping and the broken-part index for one document.
import type { ErrorObject } from 'ajv';
import { compareDiagnostics } from '../diagnostics';
import type { ProblemBudget } from '../validate-budget';
import type { SourceDocument } from '../yaml/document';
import { brokenIndex } from './broken';
import type { LegacyResult } from './legacy-types';
import { mapSchemaErrors } from './map-errors';
import type { Flavor } from './places';
import { isRecord } from './pointer';
import type { SchemaResult } from './result';
import { isSuppressed } from './suppression';

export interface SchemaRunOptions {
  /** Bounded validation: schema findings the budget can no longer publish are not built. */
  budget?: ProblemBudget;
}

export function runSchema(
  doc: SourceDocument,
  flavor: Flavor,
  /** Every schema error of the value, in ajv's order; the array is the caller's to keep. */
  schemaErrors: (value: Record<string, unknown>) => ErrorObject[],
  detectLegacy: (doc: SourceDocument) => LegacyResult,
  options: SchemaRunOptions = {},
): SchemaResult {
  // A document that is not a mapping is reported by the YAML stage (yaml.empty / yaml.not-a-mapping); nothing in it
  // can be read, so everything counts as broken and the schema adds no second message.
  if (!isRecord(doc.value)) return { diagnostics: [], broken: () => true };
  const errors = schemaErrors(doc.value);
  if (errors.length === 0) return { diagnostics: [], broken: () => false };
  // Every legacy shape also breaks a schema rule, so valid documents never pay for the detectors.
  const legacy = detectLegacy(doc);
  const kept = errors.filter((e) => !isSuppressed(e, legacy.suppressions));
  const budget = options.budget;
  if (budget) for (const d of legacy.diagnostics) budget.add(d);
  const diagnostics = [...legacy.diagnostics, ...mapSchemaErrors(kept, { doc, flavor, budget })];
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, broken: brokenIndex(errors) };
}
