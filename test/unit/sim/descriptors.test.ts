// Caller-given descriptors are bounded: a huge title or tag list is refused before anything is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDescriptors, DESCRIPTOR_LIMITS } from '../../../core/src/sim/descriptors';
import { SimError } from '../../../core/src/sim/errors';
import { newFromTemplate } from '../../../core/src/sim/operations';

function refusal(fn: () => unknown): SimError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SimError, String(e));
    return e;
  }
  assert.fail('expected a SimError');
}

test('descriptors within the limits pass, including multi-byte text', () => {
  checkDescriptors({ name: 'demo', title: 'Kø på kassen ✓', description: 'd'.repeat(DESCRIPTOR_LIMITS.description - 2), author: 'A. Author', tags: ['a', 'b'] });
});

test('each over-long field is named with its size, and all problems are listed at once', () => {
  const e = refusal(() => checkDescriptors({ name: 'demo', title: 't'.repeat(DESCRIPTOR_LIMITS.title), tags: Array.from({ length: DESCRIPTOR_LIMITS.tags + 1 }, (_, i) => `t${i}`) }));
  assert.equal(e.code, 'invalid-request');
  assert.match(e.message, /title is too long: 202 bytes as JSON \(at most 200\)/);
  assert.match(e.message, /too many tags: 13 \(at most 12\)/);
  assert.match(e.message, /nothing was written/);
});

test('size is counted as written: multi-byte characters and JSON escapes count in full', () => {
  // 50 four-byte characters are 200 bytes of UTF-8 plus the quotes.
  assert.match(refusal(() => checkDescriptors({ name: 'x', title: '😀'.repeat(50) })).message, /title is too long: 202 bytes/);
  // A control character is written as \u0001 (6 bytes).
  assert.match(refusal(() => checkDescriptors({ name: 'x', tags: ['\u0001'.repeat(8)] })).message, /tag 1 is too long: 50 bytes/);
  assert.match(refusal(() => checkDescriptors({ name: `a${'-'.repeat(200)}` })).message, /name is too long/);
});

test('newFromTemplate refuses a huge title and writes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'ft-desc-'));
  try {
    const e = refusal(() => newFromTemplate({ root, template: 'checkout', name: 'demo', title: 'x'.repeat(10_000) }));
    assert.equal(e.code, 'invalid-request');
    assert.equal(existsSync(join(root, 'models')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
