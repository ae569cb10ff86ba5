// The JSON Schema files themselves: every property is described (hover and completion use it) and ajv compiles once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { modelSchema, templateSchema } from '../../../core/src/schema/compile';
import { modelSchemaValidator, schemaCompilations, templateSchemaValidator } from '../../../core/src/schema';

/** Every `properties` entry anywhere in the schema, as a path and its subschema. */
function properties(schema: unknown, path = '#'): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => out.push(...properties(s, `${path}/${i}`)));
    return out;
  }
  if (typeof schema !== 'object' || schema === null) return out;
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' && typeof v === 'object' && v !== null) {
      for (const [name, sub] of Object.entries(v)) {
        out.push([`${path}/properties/${name}`, sub as Record<string, unknown>]);
        out.push(...properties(sub, `${path}/properties/${name}`));
      }
    } else if (k !== 'examples' && k !== 'default' && k !== 'enum' && k !== 'const') {
      out.push(...properties(v, `${path}/${k}`));
    }
  }
  return out;
}

describe('schema files', () => {
  for (const [name, schema] of [
    ['model', modelSchema],
    ['template', templateSchema],
  ] as const) {
    test(`every property of the ${name} schema has a description`, () => {
      const all = properties(schema);
      assert.ok(all.length > 80, `only ${all.length} properties found`);
      const missing = all.filter(([, s]) => typeof s.description !== 'string' || s.description.trim().length < 8).map(([p]) => p);
      assert.deepEqual(missing, []);
    });
  }

  test('the model schema is closed where the engine is (root, grid, node kinds) and declares the node kinds', () => {
    const s = modelSchema as unknown as {
      additionalProperties: boolean;
      required: string[];
      properties: { grid: { additionalProperties: boolean }; classes: { minItems: number } };
      $defs: Record<string, { additionalProperties?: boolean }>;
    };
    assert.equal(s.additionalProperties, false);
    assert.deepEqual(s.required, ['schemaVersion', 'grid', 'nodes']);
    assert.equal(s.properties.grid.additionalProperties, false);
    assert.equal(s.properties.classes.minItems, 1);
    for (const arm of ['constNode', 'exprNode', 'pmfNode', 'serviceWithBufferNode', 'routerNode']) assert.equal(s.$defs[arm].additionalProperties, false, arm);
    for (const open of ['topologyNode', 'semantics', 'edge']) assert.equal(s.$defs[open].additionalProperties, true, open);
  });

  test('ajv compiles each schema once; later calls return the cached validator', () => {
    const model = modelSchemaValidator();
    const template = templateSchemaValidator();
    const count = schemaCompilations();
    assert.equal(count, 2);
    assert.equal(modelSchemaValidator(), model);
    assert.equal(templateSchemaValidator(), template);
    assert.equal(schemaCompilations(), count);
  });
});
