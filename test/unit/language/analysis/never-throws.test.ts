// Property test: on mutated corpus files, analysis, outline, tokens, hints and navigation never throw and stay well-formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../../core/src/language/analysis';
import { definition, documentSymbols, prepareRename, references, rename } from '../../../../core/src/language/navigation';
import { semanticTokens } from '../../../../core/src/language/semantic-tokens';
import { inlayHints } from '../../../../core/src/language/inlay-hints';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const sub of ['templates', 'models/valid', 'models/invalid']) {
    for (const f of readdirSync(path.join(CORPUS, sub))) out.push(readFileSync(path.join(CORPUS, sub, f), 'utf8'));
  }
  return out;
}

type Op = 'delete' | 'duplicate' | 'swap' | 'truncate' | 'indent' | 'dedent' | 'garble' | 'quote' | 'placeholder';

function mutate(text: string, edits: readonly [number, Op][]): string {
  const lines = text.split('\n');
  for (const [n, op] of edits) {
    const i = n % Math.max(1, lines.length);
    const line = lines[i] ?? '';
    if (op === 'delete') lines.splice(i, 1);
    else if (op === 'duplicate') lines.splice(i, 0, line);
    else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    else if (op === 'truncate') lines[i] = line.slice(0, Math.floor(line.length / 2));
    else if (op === 'indent') lines[i] = `  ${line}`;
    else if (op === 'dedent') lines[i] = line.replace(/^ {2}/, '');
    else if (op === 'garble') lines[i] = line.replace(/[a-z]/, '}');
    else if (op === 'quote') lines[i] = line.replace(/: (.+)$/, ': "$1');
    else if (op === 'placeholder') lines[i] = line.replace(/[a-z_]+$/, '${$&}');
  }
  return lines.join('\n');
}

const OPS: Op[] = ['delete', 'duplicate', 'swap', 'truncate', 'indent', 'dedent', 'garble', 'quote', 'placeholder'];

test('mutated corpus files: every feature answers without throwing, with positions inside the document', () => {
  const files = corpusFiles();
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...OPS)), { minLength: 1, maxLength: 5 }),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      (fileIndex, edits, probes) => {
        const text = mutate(files[fileIndex], edits);
        const a = analyze(text);
        const lines = a.lines.lineCount;
        for (const s of [...a.symbols.defs, ...a.symbols.refs]) assert.ok(s.range.end.line < lines && s.name.length > 0);
        const walk = (list: ReturnType<typeof documentSymbols>): void => {
          for (const s of list) {
            assert.ok(s.name.length > 0);
            walk(s.children ?? []);
          }
        };
        walk(documentSymbols(a));
        for (const t of semanticTokens(a)) assert.ok(t.line < lines && t.length > 0);
        inlayHints(a, { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } });
        for (const p of probes) {
          const pos = a.lines.position(p % (text.length + 1));
          definition(a, pos);
          references(a, pos, true);
          prepareRename(a, pos);
        }
        const target = a.symbols.defs[probes[0] % Math.max(1, a.symbols.defs.length)];
        if (target) rename(a, target.range.start, 'renamed_x');
      },
    ),
    { numRuns: 100 },
  );
});

test('random text and forced kinds never throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<'model' | 'template' | undefined>('model', 'template', undefined), (text, kind) => {
      const a = analyze(text, kind ? { kind } : {});
      documentSymbols(a);
      semanticTokens(a);
      inlayHints(a, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } });
      definition(a, { line: 0, character: 1 });
    }),
    { numRuns: 200 },
  );
});
