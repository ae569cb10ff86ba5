// newFromTemplate with `templateText` (an unsaved editor buffer) gives what the same text read from disk gives.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newFromTemplate } from '../../../core/src/sim/operations';
import { SimError } from '../../../core/src/sim/errors';
import { TEMPLATE } from '../../protocol/fixtures';

const VALID = TEMPLATE.text.replace(' + ghost', '');

describe('newFromTemplate with templateText', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ft-template-text-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('the text is used instead of the file, and the result equals the file-based one', () => {
    const file = join(tmp, 'desk.yaml');
    writeFileSync(file, VALID);
    const fromDisk = newFromTemplate({ root: join(tmp, 'a'), name: 'desk', template: file });
    // The path names a file that holds something else entirely: only the given text counts.
    const elsewhere = join(tmp, 'stale.yaml');
    writeFileSync(elsewhere, 'not: a template\n');
    const fromText = newFromTemplate({ root: join(tmp, 'b'), name: 'desk', template: elsewhere, templateText: `\uFEFF${VALID}` });
    assert.equal(fromText.model_id, fromDisk.model_id);
    assert.equal(readFileSync(join(fromText.path, 'model.yaml'), 'utf8'), readFileSync(join(fromDisk.path, 'model.yaml'), 'utf8'));
  });

  test('a template with errors is refused with its diagnostics and the path they are located in', () => {
    const path = join(tmp, 'unsaved.yaml');
    const root = join(tmp, 'c');
    assert.throws(
      () => newFromTemplate({ root, name: 'desk', template: path, templateText: TEMPLATE.text }),
      (e: unknown) => {
        assert.ok(e instanceof SimError);
        assert.equal(e.code, 'invalid-template');
        assert.equal(e.file, path);
        const ghost = (e.details as { code: string; range: unknown }[]).find((d) => d.code === 'expr.unknown-reference');
        assert.deepEqual(ghost?.range, TEMPLATE.ranges[0]);
        return true;
      },
    );
    assert.equal(existsSync(join(root, 'models')), false);
  });
});
