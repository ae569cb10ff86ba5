// Public surface of the schema layer: model and template validation, results, and the compiled-validator cache.
export type { SchemaResult } from './result';
export { checkModelSchema, validateModelSchema } from './validate-model';
export type { SchemaCheck } from './run';
export { validateTemplateSchema } from './validate-template';
export { modelSchemaValidator, templateSchemaValidator, schemaCompilations } from './compile';
export { convertBinMinutes } from './legacy-grid';
