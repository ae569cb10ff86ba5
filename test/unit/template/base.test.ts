// The base fixture of the rule tests is a valid template: every rule test varies one thing of it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { run, show, template } from './helpers';

describe('base fixture', () => {
  test('validates without any diagnostic and instantiates', () => {
    const r = run(template());
    assert.deepEqual(r.diagnostics, [], show(r.diagnostics));
    assert.ok(r.model);
  });
});
