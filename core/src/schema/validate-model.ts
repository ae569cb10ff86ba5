// Validates a FlowTime model (post-substitution) against schemas/model.schema.json, with legacy-shape findings.
import type { SourceDocument } from '../yaml/document';
import { modelSchemaErrors } from './compile';
import { detectModelLegacy } from './legacy';
import type { SchemaResult } from './result';
import { checkSchema, runSchema } from './run';
import type { SchemaCheck, SchemaRunOptions } from './run';

export function validateModelSchema(doc: SourceDocument, options: SchemaRunOptions = {}): SchemaResult {
  return runSchema(doc, 'model', modelSchemaErrors, detectModelLegacy, options);
}

/** The model schema's broken-part index now, its findings when asked (see checkSchema). */
export function checkModelSchema(doc: SourceDocument): SchemaCheck {
  return checkSchema(doc, 'model', modelSchemaErrors, detectModelLegacy);
}
