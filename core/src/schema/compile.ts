// Compiles the model and template JSON Schemas with ajv once per process (lazily) and caches the validators.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import modelSchema from '../../../schemas/model.schema.json';
import templateSchema from '../../../schemas/template.schema.json';

let ajv: Ajv2020 | undefined;
let modelValidator: ValidateFunction | undefined;
let templateValidator: ValidateFunction | undefined;
let compilations = 0;

function instance(): Ajv2020 {
  // No coercion, no defaults, no removal: the schema must judge exactly what the author wrote.
  ajv ??= new Ajv2020({
    allErrors: true,
    verbose: true,
    discriminator: true,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    // `format: date-time` stays in the schemas for editors; the engine checks dates with its own parser (rule S28).
    validateFormats: false,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  return ajv;
}

export function modelSchemaValidator(): ValidateFunction {
  if (!modelValidator) {
    modelValidator = instance().compile(modelSchema);
    compilations += 1;
  }
  return modelValidator;
}

export function templateSchemaValidator(): ValidateFunction {
  if (!templateValidator) {
    templateValidator = instance().compile(templateSchema);
    compilations += 1;
  }
  return templateValidator;
}

/** How many schemas have been compiled in this process (at most two); lets tests prove the cache works. */
export function schemaCompilations(): number {
  return compilations;
}

export { modelSchema, templateSchema };
