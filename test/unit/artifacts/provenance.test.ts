import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emitModelYaml, withProvenance } from '../../../core/src/artifacts';
import type { ModelProvenance } from '../../../core/src/artifacts';
import { parseYaml } from '../../../core/src/yaml/parse';

const PROV: ModelProvenance = { generator: 'flowtime-sim/0.1.0', modelId: 'hand-model_ab12', mode: 'simulation', parameters: { label: 'true', count: 2 } };
const BLOCK = 'provenance:\n  generator: flowtime-sim/0.1.0\n  mode: simulation\n  modelId: hand-model_ab12\n  parameters:\n    label: "true"\n    count: 2\n';

const MODEL = `# Hand-written model: keep this comment
schemaVersion: 1   # the only version
grid: { bins: 2, binSize: 1, binUnit: hours }
nodes:
  # inputs
  - id: a
    kind: const
    values: [ 1,   2 ]   # odd spacing on purpose
outputs:
  - series: a
# trailing comment
`;

function value(text: string): Record<string, unknown> {
  const p = parseYaml(text);
  assert.deepEqual(p.diagnostics, [], text);
  return p.doc.value as Record<string, unknown>;
}

describe('withProvenance', () => {
  test('appends the block after the author text, which stays byte for byte', () => {
    const out = withProvenance(MODEL, PROV);
    assert.equal(out, MODEL + BLOCK);
    assert.deepEqual(value(out).provenance, { generator: 'flowtime-sim/0.1.0', mode: 'simulation', modelId: 'hand-model_ab12', parameters: { label: 'true', count: 2 } });
  });

  test('adds the missing final newline first', () => {
    const text = 'schemaVersion: 1\nnodes: []';
    assert.equal(withProvenance(text, PROV), `${text}\n${BLOCK}`);
  });

  test('replaces an existing top-level block in place and keeps the comments around it', () => {
    const text = `schemaVersion: 1
# about provenance
provenance:
  generator: old   # old comment
  templateId: gone
  parameters:
    - x
# about nodes
nodes:
  - id: a
    kind: const
    values: [1]
`;
    const out = withProvenance(text, PROV);
    assert.equal(out, `schemaVersion: 1\n# about provenance\n${BLOCK}# about nodes\nnodes:\n  - id: a\n    kind: const\n    values: [1]\n`);
    assert.equal((value(out).provenance as Record<string, unknown>).templateId, undefined);
  });

  test('replaces a last block that has no final newline, and a flow-style block', () => {
    assert.equal(withProvenance('a: 1\nprovenance:\n  generator: x', PROV), `a: 1\n${BLOCK}`);
    assert.equal(withProvenance('a: 1\nprovenance: {generator: x}  # c\nb: 2\n', PROV), `a: 1\n${BLOCK}b: 2\n`);
  });

  test('replacing a block-scalar provenance keeps the lines after it', () => {
    const P = { modelId: 'x_abcd' };
    const B = 'provenance:\n  modelId: x_abcd\n';
    assert.equal(withProvenance('provenance: |\n  text\nb: 2\n', P), `${B}b: 2\n`);
    assert.equal(withProvenance('a: 1\nprovenance: >-\n  text\n  more\n# c\nb: 2\n', P), `a: 1\n${B}# c\nb: 2\n`);
    assert.equal(withProvenance('provenance: "multi\n  line" # c\nb: 2\n', P), `${B}b: 2\n`);
  });

  test('refuses rather than change the model when other keys alias the old provenance', () => {
    assert.throws(() => withProvenance('provenance: &a {x: 1}\nb: *a\n', { modelId: 'x_abcd' }), /would change the model/);
  });

  test('is idempotent: applying it twice gives the same text', () => {
    const once = withProvenance(MODEL, PROV);
    assert.equal(withProvenance(once, PROV), once);
  });

  test('keeps CRLF line endings and the root indentation', () => {
    const crlf = MODEL.replace(/\n/g, '\r\n');
    assert.equal(withProvenance(crlf, PROV), crlf + BLOCK.replace(/\n/g, '\r\n'));
    const indented = '  a: 1\n  b: 2\n';
    const out = withProvenance(indented, { modelId: 'x_abcd' });
    assert.equal(out, `${indented}  provenance:\n    modelId: x_abcd\n`);
    assert.deepEqual(value(out), { a: 1, b: 2, provenance: { modelId: 'x_abcd' } });
  });

  test('inserts before a document marker instead of into a later document', () => {
    assert.equal(withProvenance('a: 1\n...\n# after\n', { modelId: 'x_abcd' }), 'a: 1\nprovenance:\n  modelId: x_abcd\n...\n# after\n');
    assert.equal(withProvenance('a: 1\n---\nb: 2\n', { modelId: 'x_abcd' }), 'a: 1\nprovenance:\n  modelId: x_abcd\n---\nb: 2\n');
  });

  test('a keep-chomped block scalar at the end keeps its trailing newlines', () => {
    const text = 'a: 1\nnote: |+\n  text\n\n';
    const out = withProvenance(text, { modelId: 'x_abcd' });
    assert.ok(out.startsWith(text));
    assert.equal(value(out).note, 'text\n\n');
  });

  test('flow-style roots (JSON) get a flow entry', () => {
    assert.equal(withProvenance('{"a": 1, "b": [1, 2]}\n', { modelId: 'x_abcd', parameters: { p: 1 } }), '{"a": 1, "b": [1, 2], provenance: {"modelId": "x_abcd", "parameters": {"p": 1}}}\n');
    assert.equal(withProvenance('{a: 1,}\n', { modelId: 'x_abcd' }), '{a: 1, provenance: {"modelId": "x_abcd"}}\n');
    assert.equal(withProvenance('{a: 1, provenance: {x: 1}}', { modelId: 'x_abcd' }), '{a: 1, provenance: {"modelId": "x_abcd"}}');
  });

  test('never adds generatedAt: there is no field for it', () => {
    const out = withProvenance('a: 1\n', { ...PROV, generatedAt: '2025-01-01T00:00:00Z' } as ModelProvenance);
    assert.ok(!out.includes('generatedAt'));
  });

  test('an empty provenance removes an existing block', () => {
    assert.equal(withProvenance('a: 1\nprovenance:\n  generator: x\nb: 2\n', {}), 'a: 1\nb: 2\n');
  });

  test('refuses text that is not a YAML mapping', () => {
    assert.throws(() => withProvenance('- a\n- b\n', PROV), TypeError);
    assert.throws(() => withProvenance('a: [\n', PROV), TypeError);
    assert.throws(() => withProvenance('', PROV), TypeError);
  });

  test('property: any emitted model (with comments) keeps its bytes and gains exactly the provenance', () => {
    const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,8}$/).filter((k) => k !== 'provenance');
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constantFrom('0', 'true', 'a: b', '# x'));
    const value = fc.oneof(scalar, fc.array(fc.integer(), { minLength: 1, maxLength: 4 }), fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 3, noNullPrototype: true }));
    const model = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5, noNullPrototype: true });
    const prov = fc.record({ modelId: fc.constantFrom('m_abcd', 'other_1234'), parameters: fc.dictionary(key, scalar, { maxKeys: 3, noNullPrototype: true }) }, { noNullPrototype: true });
    fc.assert(
      fc.property(model, prov, fc.boolean(), fc.boolean(), (m, p, comment, hadOld) => {
        let text = emitModelYaml(hadOld ? { ...m, provenance: { generator: 'old' } } : m);
        if (comment) text = `# head\n${text.replace(/\n/, '\n# inner\n')}# tail\n`;
        const out = withProvenance(text, p);
        const parsed = value0(out);
        const expected = value0(emitModelYaml({ ...m, provenance: { modelId: p.modelId, parameters: p.parameters } }));
        assert.deepEqual(parsed, expected);
        if (!hadOld) assert.ok(out.startsWith(text));
        assert.equal(withProvenance(out, p), out);
      }),
      { numRuns: 400 },
    );
  });
});

function value0(text: string): unknown {
  const p = parseYaml(text);
  assert.deepEqual(p.diagnostics.filter((d) => d.severity === 'error'), [], text);
  return p.doc.value;
}
