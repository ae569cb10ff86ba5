// Golden tests: each built-in template's default model.yaml is pinned byte for byte (UPDATE_GOLDEN=1 rewrites them).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeModelFile } from '../../../core/src/sim/operations';
import { validateText } from '../../../core/src/validate';

const REPO = join(__dirname, '..', '..', '..');
const GOLDEN = join(REPO, 'test', 'golden');
const ids = readdirSync(join(REPO, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

function render(id: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'ft-golden-')), `${id}.yaml`);
  writeModelFile({ template: id, name: id }, out);
  return readFileSync(out, 'utf8');
}

describe('built-in template golden models', () => {
  test('there are at least eight built-in templates', () => assert.ok(ids.length >= 8, ids.join(', ')));
  for (const id of ids) {
    test(`${id}: default model.yaml matches test/golden/${id}.model.yaml`, () => {
      const text = render(id);
      const golden = join(GOLDEN, `${id}.model.yaml`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        assert.ok(process.env.UPDATE_GOLDEN === '1', `missing ${golden}: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/unit/golden`);
        writeFileSync(golden, text);
      }
      assert.equal(text, readFileSync(golden, 'utf8'), 'the emitted model changed; review the diff, then UPDATE_GOLDEN=1');
      assert.equal(render(id), text, 'emission is deterministic');
      const v = validateText(text, { kind: 'model' });
      assert.deepEqual(v.diagnostics.filter((d) => d.severity !== 'info'), []);
      assert.doesNotMatch(text, /generatedAt|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?!Z"?\n)/, 'no timestamps besides grid.start');
    });
  }
});
