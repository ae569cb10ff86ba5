// Compiles the model and template JSON Schemas with ajv once per process (lazily) and caches the validators.
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import modelSchema from '../../../schemas/model.schema.json';
import templateSchema from '../../../schemas/template.schema.json';

let ajv: Ajv2020 | undefined;
let splitAjv: Ajv2020 | undefined;
let modelValidator: ValidateFunction | undefined;
let templateValidator: ValidateFunction | undefined;
let modelSplit: SplitModelValidator | undefined;
let compilations = 0;

function newInstance(): Ajv2020 {
  // No coercion, no defaults, no removal: the schema must judge exactly what the author wrote.
  return new Ajv2020({
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
}

function instance(): Ajv2020 {
  ajv ??= newInstance();
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

/** How many schemas have been compiled in this process; lets tests prove the cache works. */
export function schemaCompilations(): number {
  return compilations;
}

const SPLIT_ID = 'https://flowtime-sim.dev/schemas/model.schema.json/split-nodes';
/** Where the split root leaves one error per node (`items: false`), in the place the node's own errors belong. */
const NODE_MARKER_PATH = '#/properties/nodes/items/false schema';

interface SplitModelValidator {
  root: ValidateFunction;
  node: ValidateFunction;
  /** The two schema objects the split root replaces, mapped back to the model schema's own. */
  originals: Map<unknown, unknown>;
}

/**
 * The model schema with `nodes.items: false` plus the node schema on its own. ajv merges the errors of a `$ref`'d
 * schema with `errors.concat(...)` once per failing item, which copies every error found so far for every node with
 * an error: on a 5,000-node model with thousands of errors that is tens of megabytes of short-lived arrays per
 * validation. Validating each node on its own and splicing its errors in where the marker stands gives the same
 * errors in the same order (test/unit/schema/split-validation.test.ts) in linear time.
 */
function splitModelValidator(): SplitModelValidator {
  if (!modelSplit) {
    const nodes = { ...modelSchema.properties.nodes, items: false };
    const root = { ...modelSchema, $id: SPLIT_ID, properties: { ...modelSchema.properties, nodes } };
    // Its own instance: the split root shares its subschemas with the model schema, which the first may compile too.
    splitAjv ??= newInstance();
    const rootValidator = splitAjv.compile(root);
    const nodeValidator = splitAjv.getSchema(`${SPLIT_ID}#/$defs/node`);
    if (!nodeValidator) throw new Error('the model schema has no $defs/node');
    compilations += 1;
    modelSplit = {
      root: rootValidator,
      node: nodeValidator,
      originals: new Map<unknown, unknown>([
        [root, modelSchema],
        [nodes, modelSchema.properties.nodes],
      ]),
    };
  }
  return modelSplit;
}

/** Every model-schema error of `value`, exactly as `modelSchemaValidator()` reports them (order included). */
export function modelSchemaErrors(value: Record<string, unknown>): ErrorObject[] {
  const split = splitModelValidator();
  const valid: boolean = split.root(value);
  if (valid) return [];
  const out: ErrorObject[] = [];
  const list = value.nodes;
  for (const e of split.root.errors ?? []) {
    if (e.schemaPath === NODE_MARKER_PATH && Array.isArray(list)) {
      const index = Number(e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1));
      const ok = split.node(list[index], { instancePath: e.instancePath, parentData: list, parentDataProperty: index, rootData: value, dynamicAnchors: {} });
      if (!ok) for (const n of split.node.errors ?? []) out.push(n);
      continue;
    }
    const parent = split.originals.get(e.parentSchema);
    out.push(parent === undefined ? e : { ...e, parentSchema: parent as ErrorObject['parentSchema'] });
  }
  return out;
}

export { modelSchema, templateSchema };
