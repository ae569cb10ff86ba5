// Hover and signature help on every real FlowTime file: at every line start, line end and every character of every
// expression they answer without throwing, with a non-empty text whose range holds the cursor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../../core/src/language/analysis';
import { hoverAt } from '../../../../core/src/language/hover';
import { signatureHelpAt } from '../../../../core/src/language/signature-help';
import { corpusFiles, probeOffsets } from '../completion/corpus-probes';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

describe('hover and signature help on the corpus', () => {
  for (const file of corpusFiles()) {
    test(path.relative(CORPUS, file), () => {
      const text = readFileSync(file, 'utf8');
      const a = analyze(text);
      let hovers = 0;
      for (const offset of probeOffsets(text)) {
        const pos = a.lines.position(offset);
        const where = `${pos.line + 1}:${pos.character + 1}`;
        const h = hoverAt(a, offset);
        if (h) {
          hovers++;
          assert.ok(h.contents.trim().length > 0, where);
          if (h.range) {
            const r = a.lines;
            const start = r.offset(h.range.start);
            const end = r.offset(h.range.end);
            assert.ok(start <= offset && offset <= end, `hover range at ${where}`);
          }
        }
        const s = signatureHelpAt(a, offset);
        if (s) {
          assert.equal(s.signatures.length, 1, where);
          assert.ok(s.activeParameter >= 0, where);
        }
      }
      assert.ok(hovers > 0, 'some position has a hover');
    });
  }
});
