// validateTemplate end to end: staging, origin mapping of model findings, dedupe, parameter values, instantiateTemplate.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { instantiateTemplate, validateTemplate } from '../../../core/src/template/validate-template';
import { expectAt, onlyErrors, run, template } from './helpers';

const withExpr = (expr: string, extra = '') =>
  template({ nodes: `nodes:\n  - id: arrivals\n    kind: const\n    values: [1, 2, 3, 4]\n  - id: served\n    kind: expr\n    expr: ${expr}`, extra });

describe('origin mapping of model-stage findings', () => {
  test('a dangling reference in an expr lands on the reference inside the template string', () => {
    const r = run(withExpr('"arrivals + «missing»"'));
    expectAt(r, 'expr.unknown-reference', /unknown node 'missing'/);
    onlyErrors(r, 'expr.unknown-reference');
  });

  test('after a placeholder in the same string the position is still exact', () => {
    const r = run(withExpr('"arrivals * ${k} + «missing»"', 'parameters:\n  - name: k\n    type: number\n    default: 2.5'));
    expectAt(r, 'expr.unknown-reference', /'missing'/);
  });

  test('an expression that comes from ${e} is reported on the placeholder', () => {
    const r = run(withExpr('«${e}»', 'parameters:\n  - name: e\n    type: string\n    default: "arrivals + missing"'));
    expectAt(r, 'expr.unknown-reference', /'missing'/);
  });

  test('a const length that comes from an array parameter lands on the placeholder', () => {
    const nodes = 'nodes:\n  - id: arrivals\n    kind: const\n    values: «${v}»\n  - id: served\n    kind: expr\n    expr: "arrivals"';
    const r = run(template({ nodes, extra: 'parameters:\n  - name: v\n    type: array\n    default: [1, 2, 3]' }));
    expectAt(r, 'model.const-length', /3 values but grid\.bins is 4/);
  });
});

describe('staging', () => {
  test('a YAML syntax error stops everything', () => {
    const r = validateTemplate('schemaVersion: 1\nnodes: [\n');
    assert.deepEqual([...new Set(r.diagnostics.map((d) => d.code))], ['yaml.syntax']);
    assert.equal(r.model, undefined);
  });

  test('an empty text and a non-mapping root stop early', () => {
    assert.deepEqual(validateTemplate('').diagnostics.map((d) => d.code), ['yaml.empty']);
    assert.deepEqual(validateTemplate('- a\n- b\n').diagnostics.map((d) => d.code), ['yaml.not-a-mapping']);
  });

  test('a string placeholder in quotes breaks the substituted YAML: one error on the placeholder, no model', () => {
    const header = 'schemaVersion: 1\nmetadata:\n  id: t\n  title: «"${title}"»\n  version: 1.0.0\nwindow:\n  start: 2025-01-01T00:00:00Z\n  timezone: UTC\nparameters:\n  - name: title\n    type: string\n    default: "A: B"';
    const r = run(template({ header }));
    assert.equal(r.model, undefined);
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error').length, 1);
    assert.deepEqual(r.diagnostics[0].range, r.ranges[0]);
  });

  test('a substitution that breaks YAML without a placeholder diagnostic is a syntax error mapped onto the raw text', () => {
    const text = template({ grid: 'grid:\n  bins: 4\n  binSize: 60\n  binUnit: ${k} «${k}»', extra: 'parameters:\n  - name: k\n    type: string\n    default: x' });
    const r = run(text, { k: 'a: b: c' });
    const [d] = expectAt(r, 'yaml.syntax', /after substituting parameter values/);
    assert.equal(d.severity, 'error');
    assert.equal(r.model, undefined);
  });
});

describe('no double reports', () => {
  test('a duplicate node id is reported once (template rule), not again by the model stage', () => {
    const r = run(withExpr('"arrivals"').replace('  - id: served\n', '  - id: served\n    kind: expr\n    expr: "arrivals"\n  - id: «served»\n'));
    expectAt(r, 'template.duplicate-node-id', /Duplicate/);
    onlyErrors(r, 'template.duplicate-node-id');
  });

  test('a self-SHIFT is reported once, with the template rule', () => {
    const r = run(withExpr('"«SHIFT(served, 1)»"'));
    onlyErrors(r, 'template.self-shift');
  });
});

describe('parameter values', () => {
  test('given values override defaults and reach the model', () => {
    const text = template({ grid: 'grid:\n  bins: ${b}\n  binSize: 60\n  binUnit: minutes', extra: 'parameters:\n  - name: b\n    type: integer\n    default: 4' });
    const r = validateTemplate(text, { values: { b: 8 } });
    assert.equal((r.model?.grid as { bins: number }).bins, 8);
    assert.ok(r.diagnostics.some((d) => d.code === 'model.const-length'), 'the 4 const values no longer match 8 bins');
  });

  test('a bad given value and an unknown name are errors; the default stays', () => {
    const text = template({ grid: 'grid:\n  bins: ${b}\n  binSize: 60\n  binUnit: minutes', extra: '«parameters»:\n  - name: «b»\n    type: integer\n    default: 4' });
    const r = run(text, { b: 'x', nope: 1 });
    expectAt(r, 'param.unknown-override', /no parameter 'nope'/, [r.ranges[0]]);
    expectAt(r, 'param.value-type', /expects a whole number/, [r.ranges[1]]);
    assert.equal((r.model?.grid as { bins: number }).bins, 4);
  });
});

describe('instantiateTemplate', () => {
  test('ok with a model for a valid template', () => {
    const r = instantiateTemplate(template());
    assert.equal(r.ok, true);
    assert.ok(r.model && r.modelDoc);
    assert.deepEqual(r.params, []);
  });

  test('not ok when anything is an error', () => {
    const r = instantiateTemplate(withExpr('"missing"'));
    assert.equal(r.ok, false);
    assert.ok(r.model, 'the model is still returned for inspection');
  });

  test('values are passed through', () => {
    const text = template({ grid: 'grid:\n  bins: ${b}\n  binSize: 60\n  binUnit: minutes', extra: 'parameters:\n  - name: b\n    type: integer\n    default: 4' });
    assert.equal(instantiateTemplate(text, { b: 5 }).ok, false);
    assert.equal(instantiateTemplate(text).ok, true);
  });
});
