// Validates a FlowTime model (post-substitution) against schemas/model.schema.json, with legacy-shape findings.
import type { SourceDocument } from '../yaml/document';
import { modelSchemaValidator } from './compile';
import { detectModelLegacy } from './legacy';
import type { SchemaResult } from './result';
import { runSchema } from './run';

export function validateModelSchema(doc: SourceDocument): SchemaResult {
  return runSchema(doc, 'model', modelSchemaValidator, detectModelLegacy);
}
