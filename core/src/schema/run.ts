// Shared validation pass: legacy detectors, ajv, error mapping and the broken-part index for one document.
import type { ErrorObject } from 'ajv';
import { compareDiagnostics } from '../diagnostics';
import type { Diagnostic } from '../diagnostics';
import type { ProblemBudget } from '../validate-budget';
import type { SourceDocument } from '../yaml/document';
import { brokenIndex } from './broken';
import type { BrokenIndex } from './broken';
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

/** A document checked against a schema, its findings not built yet. */
export interface SchemaCheck {
  broken: BrokenIndex;
  /** The findings, sorted; with a budget, only those it can still publish (see validate-budget.ts). */
  diagnostics(budget?: ProblemBudget): Diagnostic[];
}

/**
 * Runs ajv and the legacy detectors. The broken-part index needs every error but no finding, so a caller can run the
 * semantic rules, tell the budget about their findings, and only then build the schema findings that can still show.
 */
export function checkSchema(
  doc: SourceDocument,
  flavor: Flavor,
  /** Every schema error of the value, in ajv's order; the array is the caller's to keep. */
  schemaErrors: (value: Record<string, unknown>) => ErrorObject[],
  detectLegacy: (doc: SourceDocument) => LegacyResult,
): SchemaCheck {
  // A document that is not a mapping is reported by the YAML stage (yaml.empty / yaml.not-a-mapping); nothing in it
  // can be read, so everything counts as broken and the schema adds no second message.
  if (!isRecord(doc.value)) return { broken: () => true, diagnostics: () => [] };
  const errors = schemaErrors(doc.value);
  if (errors.length === 0) return { broken: () => false, diagnostics: () => [] };
  // Every legacy shape also breaks a schema rule, so valid documents never pay for the detectors.
  const legacy = detectLegacy(doc);
  const kept = errors.filter((e) => !isSuppressed(e, legacy.suppressions));
  return {
    broken: brokenIndex(errors, doc),
    diagnostics(budget?: ProblemBudget): Diagnostic[] {
      if (budget) for (const d of legacy.diagnostics) budget.add(d);
      const diagnostics = [...legacy.diagnostics, ...mapSchemaErrors(kept, { doc, flavor, budget })];
      return diagnostics.sort(compareDiagnostics);
    },
  };
}

export function runSchema(
  doc: SourceDocument,
  flavor: Flavor,
  schemaErrors: (value: Record<string, unknown>) => ErrorObject[],
  detectLegacy: (doc: SourceDocument) => LegacyResult,
  options: SchemaRunOptions = {},
): SchemaResult {
  const check = checkSchema(doc, flavor, schemaErrors, detectLegacy);
  return { diagnostics: check.diagnostics(options.budget), broken: check.broken };
}
