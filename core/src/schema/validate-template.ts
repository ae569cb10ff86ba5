// Validates a FlowTime-Sim template against schemas/template.schema.json, after or before `${name}` substitution.
import type { SourceDocument } from '../yaml/document';
import { templateSchemaValidator } from './compile';
import { detectTemplateLegacy } from './legacy';
import type { SchemaResult } from './result';
import { runSchema } from './run';

/**
 * Placeholders that stay unresolved are accepted where Sim's template schema accepts them (grid bins/binSize,
 * dispatchSchedule periodBins/phaseOffset, traffic rates, const `values`, and any string field), so the raw template
 * text validates as well as the substituted one.
 */
export function validateTemplateSchema(doc: SourceDocument): SchemaResult {
  return runSchema(doc, 'template', templateSchemaValidator, detectTemplateLegacy);
}
