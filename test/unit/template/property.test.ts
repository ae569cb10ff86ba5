// Property: validateTemplate (and so instantiation and the model stage behind it) never throws on mutated corpus templates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { validateTemplate } from '../../../core/src/template/validate-template';
import { corpusDir } from './helpers';

const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(path.join(corpusDir, f), 'utf8'));

const TOKENS = ['', '-1', '0', '1e999', 'null', '~', '${x}', '${bins}', '[', ']', '{', '}', ':', '"', "'", '- ', 'self', 'file:x.csv', 'a@b', 'SHIFT(a, 1)', 'pmf', 'const', 'serviceWithBuffer', 'queue', 'sink', 'dependency', '&a', '*a', '\t', 'Ω'];

function mutate(text: string, kind: number, lineSeed: number, tokenSeed: number, token: string): string {
  const lines = text.split('\n');
  const i = lineSeed % lines.length;
  if (kind === 0) lines.splice(i, 1);
  else if (kind === 1) lines.splice(i, 0, lines[i]);
  else {
    const words = [...lines[i].matchAll(/[\w.$-]+/g)];
    if (words.length === 0) lines[i] = token + lines[i];
    else {
      const w = words[tokenSeed % words.length];
      lines[i] = lines[i].slice(0, w.index) + token + lines[i].slice((w.index ?? 0) + w[0].length);
    }
  }
  return lines.join('\n');
}

describe('validateTemplate on mutated corpus templates', () => {
  test('never throws, and every diagnostic has a well-formed range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat(), fc.nat(), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 3 }),
        (t, mutations) => {
          let text = texts[t];
          for (const [kind, line, word, token] of mutations) text = mutate(text, kind, line, word, token);
          const r = validateTemplate(text);
          for (const d of r.diagnostics) {
            assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
            assert.ok(d.range.end.line > d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.character >= d.range.start.character));
            assert.ok(typeof d.message === 'string' && d.message.length > 0);
          }
        },
      ),
      { numRuns: 150, seed: 20250101 },
    );
  });
});
