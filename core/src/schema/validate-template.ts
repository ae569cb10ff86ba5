// Validates a FlowTime-Sim template against schemas/template.schema.json, after or before `${name}` substitution.
import type { ErrorObject } from 'ajv';
import type { SourceDocument } from '../yaml/document';
import { templateSchemaValidator } from './compile';
import { detectTemplateLegacy } from './legacy';
import type { SchemaResult } from './result';
import { runSchema } from './run';

function templateSchemaErrors(value: Record<string, unknown>): ErrorObject[] {
  const validate = templateSchemaValidator();
  validate(value);
  // ajv reuses `validate.errors` on the next call, so take a copy.
  return [...(validate.errors ?? [])];
}

/**
 * Placeholders that stay unresolved are accepted where Sim's template schema accepts them (grid bins/binSize,
 * dispatchSchedule periodBins/phaseOffset, traffic rates, const `values`, and any string field), so the raw template
 * text validates as well as the substituted one.
 */
export function validateTemplateSchema(doc: SourceDocument): SchemaResult {
  return runSchema(doc, 'template', templateSchemaErrors, detectTemplateLegacy);
}
