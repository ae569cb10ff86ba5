// Completion on every real FlowTime file: at every line start, line end and every character of every expression it
// answers without throwing, and every entry replaces a range on the cursor's line that contains the cursor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../../core/src/language/analysis';
import { completeAt } from '../../../../core/src/language/completion';
import { corpusFiles, probeOffsets } from './corpus-probes';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

describe('completion on the corpus', () => {
  const files = corpusFiles();

  test('the corpus is there', () => {
    assert.ok(files.length >= 10, `found ${files.length} files under ${CORPUS}`);
  });

  for (const file of files) {
    test(path.relative(CORPUS, file), () => {
      const text = readFileSync(file, 'utf8');
      const a = analyze(text);
      let answered = 0;
      for (const offset of probeOffsets(text)) {
        const pos = a.lines.position(offset);
        const entries = completeAt(a, offset);
        if (entries.length) answered++;
        for (const e of entries) {
          assert.ok(e.label.length > 0);
          if (!e.range) continue;
          const where = `${e.label} at ${pos.line + 1}:${pos.character + 1}`;
          assert.equal(e.range.start.line, pos.line, where);
          assert.equal(e.range.end.line, pos.line, where);
          assert.ok(e.range.start.character <= pos.character && pos.character <= e.range.end.character, where);
        }
      }
      assert.ok(answered > 0, 'some position offers something');
    });
  }
});
