// The parse cache: one parse per distinct text, and shared outcomes are never changed by the checks that read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearExpressionCache, parseExpression } from '../../../core/src/expr/parse';
import { validateText } from '../../../core/src/validate';

test('the same text returns the same outcome until the cache is cleared', () => {
  const a = parseExpression('MIN(a, b) + 1');
  assert.equal(parseExpression('MIN(a, b) + 1'), a);
  clearExpressionCache();
  const b = parseExpression('MIN(a, b) + 1');
  assert.notEqual(b, a);
  assert.deepEqual(b, a);
});

test('validating twice gives identical diagnostics (cached outcomes are not mutated)', () => {
  const text = 'schemaVersion: 1\ngrid: {bins: 2, binSize: 1, binUnit: hours}\nnodes:\n  - id: a\n    kind: expr\n    expr: "ghost + -1 + MIN(a)"\n  - id: b\n    kind: expr\n    expr: "ghost + -1 + MIN(a)"\n';
  clearExpressionCache();
  const snapshot = JSON.stringify(parseExpression('ghost + -1 + MIN(a)'));
  const first = validateText(text).diagnostics;
  const second = validateText(text).diagnostics;
  assert.ok(first.length >= 4);
  assert.deepEqual(second, first);
  assert.equal(JSON.stringify(parseExpression('ghost + -1 + MIN(a)')), snapshot);
});
