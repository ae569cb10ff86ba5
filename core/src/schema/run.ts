// Shared validation pass: legacy detectors, ajv, error mapping and the broken-part index for one document.
import type { ValidateFunction } from 'ajv';
import { compareDiagnostics } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { brokenIndex } from './broken';
import type { LegacyResult } from './legacy-types';
import { mapSchemaErrors } from './map-errors';
import type { Flavor } from './places';
import { isRecord } from './pointer';
import type { SchemaResult } from './result';
import { isSuppressed } from './suppression';

export function runSchema(
  doc: SourceDocument,
  flavor: Flavor,
  validator: () => ValidateFunction,
  detectLegacy: (doc: SourceDocument) => LegacyResult,
): SchemaResult {
  // A document that is not a mapping is reported by the YAML stage (yaml.empty / yaml.not-a-mapping); nothing in it
  // can be read, so everything counts as broken and the schema adds no second message.
  if (!isRecord(doc.value)) return { diagnostics: [], broken: () => true };
  const validate = validator();
  validate(doc.value);
  // ajv reuses `validate.errors` on the next call, so take a copy before doing anything else.
  const errors = [...(validate.errors ?? [])];
  if (errors.length === 0) return { diagnostics: [], broken: () => false };
  // Every legacy shape also breaks a schema rule, so valid documents never pay for the detectors.
  const legacy = detectLegacy(doc);
  const kept = errors.filter((e) => !isSuppressed(e, legacy.suppressions));
  const diagnostics = [...legacy.diagnostics, ...mapSchemaErrors(kept, { doc, flavor })];
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, broken: brokenIndex(errors) };
}
